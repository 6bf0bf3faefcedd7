"""One name per document: a name found once is found everywhere in the document, in every surface form."""

from __future__ import annotations

import pytest


def _ents(analysis) -> set[tuple[str, str]]:
    return {(m.surface, m.type) for m in analysis.mentions}


def _names(analysis, surface: str) -> set[str]:
    return {m.name for m in analysis.mentions if m.surface == surface}


def test_the_short_form_of_a_lexicon_name_is_that_entity(extract_text):
    # the lexicon names 月之暗面 "Moonshot AI": the document's "Moonshot" is the same company
    a, b = extract_text("国内大模型公司如月之暗面 Moonshot、智谱都在加快发布。", "Moonshot随后更新了长文本能力。")
    assert ("Moonshot", "Company") in _ents(a) and ("Moonshot", "Company") in _ents(b)
    assert _names(a, "Moonshot") == _names(b, "Moonshot") == {"Moonshot AI"}


def test_an_ordinary_word_as_short_form_only_outside_english_prose(extract_text):
    # "Scale AI" gives "Scale" in Chinese text, not the English word in an English sentence
    a, b = extract_text("数据标注公司Scale AI完成融资，Scale的客户包括多家模型公司。",
                        "They trained it at scale on public data.")
    assert ("Scale", "Company") in _ents(a)
    assert not b.mentions


def test_first_and_last_names_of_a_person_found_in_the_document(extract_text):
    a, b, c = extract_text("OpenAI首席产品官Kevin Weil出席了发布会。", "Weil表示，推理成本还会下降。",
                           "Kevin补充说，产品会很快上线。")
    assert ("Weil", "Person") in _ents(b) and ("Kevin", "Person") in _ents(c)
    assert _names(b, "Weil") == {"Kevin Weil"}


def test_parts_of_a_transliterated_name(extract_text):
    a, b = extract_text("谷歌DeepMind研究副总裁奥里奥尔·维尼尔斯接受了采访。", "维尼尔斯认为，通用模型会取代专用模型。")
    assert ("维尼尔斯", "Person") in _ents(b)
    assert _names(b, "维尼尔斯") == {"Oriol Vinyals"}


def test_a_part_does_not_cut_a_longer_word(extract_text):
    _, b = extract_text("Mistral AI首席执行官亚瑟·门施宣布开源。", "他在演讲中提到了亚瑟王的传说。")
    assert not any(m.type == "Person" for m in b.mentions)


@pytest.mark.parametrize("sentence,expected", [
    ("嘉宾Tomasz Kowalczyk：我们会继续开源更多模型。", ("Tomasz Kowalczyk", "Person")),   # a speaker after a role word
    ("郑启航：我们的芯片已经开始量产。", ("郑启航", "Person")),                            # a Chinese speaker
    ("Noam认为推理时的计算量还会增长。", ("Noam", "Person")),                             # a given name alone
    ("这个观点来自Volkmar Ulig，他曾在英伟达工作。", ("Volkmar Ulig", "Person")),        # shaped like a person's name
])
def test_people_from_the_way_they_are_named(extract_text, sentence, expected):
    [a] = extract_text(sentence)
    assert expected in _ents(a)


def test_a_company_role_line_is_no_speaker(extract_text):
    # without a role word before it, a line opening "Name：" may name a company or a column
    [a] = extract_text("Founder Park：欢迎来到今天的访谈。")
    assert not any(m.type == "Person" for m in a.mentions)


def test_a_name_in_a_list_takes_the_type_of_the_names_beside_it(extract_text):
    [a] = extract_text("推理服务商包括Zentrix、Together AI和Fireworks AI。")
    assert ("Zentrix", "Company") in _ents(a)


def test_a_weak_alias_listed_with_names_of_its_type_counts(extract_text):
    [a] = extract_text("GPU云厂商CoreWeave、Crusoe和Lambda都在扩张。")
    assert ("Lambda", "Company") in _ents(a)


@pytest.mark.parametrize("sentence,expected", [
    ("他曾在Instagram担任产品负责人。", ("Instagram", "Company")),
    ("Twitter的联合创始人也加入了这家公司。", ("Twitter", "Company")),
])
def test_where_someone_works_is_a_company(extract_text, sentence, expected):
    [a] = extract_text(sentence)
    assert expected in _ents(a)


def test_a_product_stays_a_product_elsewhere(extract_text):
    [a] = extract_text("用户可以在Instagram上分享AI生成的图片。")
    assert ("Instagram", "Product") in _ents(a)


def test_a_name_the_lexicon_knows_keeps_its_sense_in_the_documents_repeats(extract_text):
    a, b, c = extract_text("英伟达推出了世界模型 Cosmos，面向物理AI。", "下面介绍它的用途和应用：Cosmos 平台可以生成视频。",
                           "此外，Cosmos 还能生成大量合成数据。")
    assert ("Cosmos", "Model") in _ents(a) and ("Cosmos", "Model") in _ents(c)


def test_a_transliteration_goes_by_the_latin_name_in_brackets(extract_text):
    a, b = extract_text("嘉宾是托马斯·维尔丁（Thomas Welding），他创办了一家机器人公司。", "维尔丁说，机器人会走进家庭。")
    assert _names(a, "托马斯·维尔丁") == {"Thomas Welding"}
    assert _names(b, "维尔丁") == {"Thomas Welding"}
    # what stands in brackets is no person: the name stays its own
    [c] = extract_text("托马斯·维尔丁（云帆科技CEO）在会上发言。")
    assert _names(c, "托马斯·维尔丁") == {"托马斯·维尔丁"}


def test_the_longest_joiner_is_what_listed_types_allows_for():
    import re._parser  # the widest text the pattern can match bounds the gaps worth cutting out

    from aigraph.extraction.docnames import _JOIN, _JOIN_MAX

    assert re._parser.parse(_JOIN.pattern).getwidth()[1] == _JOIN_MAX
