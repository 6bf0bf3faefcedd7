"""Names no lexicon lists: found by form and typed by context, in seed sentences and news-like ones."""

from __future__ import annotations

import pytest


def _ents(analysis):
    return {(m.surface, m.type) for m in analysis.mentions}


@pytest.mark.parametrize("sentence,expected", [
    ("英国初创公司Brightlane为当地物流行业提供AI调度助手。", ("Brightlane", "Company")),
    ("Quorvex正在打造AI驱动的招聘平台并向中小企业提供智能面试助理。", ("Quorvex", "Company")),
    ("Tallyfin是YC孵化的一家AI财税初创。", ("Tallyfin", "Company")),
    ("Novagene Labs，作为AI+新材料领域的企业，推出了新平台。", ("Novagene Labs", "Company")),
    ("投资机构Blue Harbor Ventures领投了本轮融资。", ("Blue Harbor Ventures", "Investor")),
    ("知名数据科学家Yam Peleg透露，一些实验室遇到了瓶颈。", ("Yam Peleg", "Person")),
    ("科技未来学家凯文·沃森表示，2030年会迎来拐点。", ("凯文·沃森", "Person")),  # a title missing from the cue words
    ("根据咨询公司睿图Insight的统计，投资总额已超过420亿元人民币。", ("睿图Insight", "Company")),
    ("深言科技创始人岂凡超表示，模型仍需改进。", ("深言科技", "Company")),
    ("OpenAI推出了名为Tasks的测试版功能。", ("Tasks", "Product")),
    ("智谱发布了新一代模型Zeta-3.5-Pro，性能大幅提升。", ("Zeta-3.5-Pro", "Model")),
    ("本源量子发布了名为「天衡司南」的操作系统。", ("天衡司南", "Product")),          # named in marks, a kind word after
    ("某大厂发布了“星澜”大模型，参数规模超过千亿。", ("星澜", "Model")),              # release verb, marks, 大模型
    ("The $40 million round was led by Zephyr Grove.", ("Zephyr Grove", "Investor")),  # an investing role
    ("The round drew participation from Quillon Ventures.", ("Quillon Ventures", "Investor")),
    ("云帆科技的新一轮融资由高瓴成长基金领投。", ("高瓴成长基金", "Investor")),    # a known investor's fund, whole
    ("云帆科技完成B轮融资，老股东星澜创投继续跟投。", ("星澜创投", "Investor")),  # 老股东 is no part of the name
    ("Its backers include Nvidia and SoftBank's Vision Fund 2.", ("Vision Fund 2", "Investor")),  # a fund's number
    ("去年，星澜智能完成数千万元A轮融资。", ("星澜智能", "Company")),        # a weak suffix, then a round
    ("星川机器人的天使轮由讯飞创投领投。", ("讯飞创投", "Investor")),           # a company's investing arm
    ("Zentrova, a Lisbon-based startup making tax agents, has raised $9 million.", ("Zentrova", "Company")),
    ("Lisbon-based Brightlane raised €5 million from Quillon Ventures.", ("Brightlane", "Company")),
    ("Tallyfin, which makes tax software, announced a new round.", ("Tallyfin", "Company")),
    ("星澜资本曾在2020年投资云帆科技。", ("云帆科技", "Company")),            # an investing verb glued before it
    ("星澜资本战略入股云帆科技。", ("云帆科技", "Company")),
])
def test_unknown_names_are_found_and_typed(extract_text, sentence, expected):
    [a] = extract_text(sentence)
    assert expected in _ents(a)


@pytest.mark.parametrize("sentence,not_expected", [
    ("此外，一次普通的网页搜索耗电约0.2Wh，而一次大模型对话的耗电量约为4Wh。", "4Wh"),
    ("在MLPerf BenchMarks测试中，相比骁龙8 Gen3，性能提升达到了104%。", "MLPerf BenchMarks"),
    ("云帆科技打造1个算力底座、2套行业模型平台、N项AI应用能力。", "AI"),
    ("依托科技大厂和成熟应用的场景和资源优势，用户规模迅速增长。", "依托科技"),
    ("有高达85%的中国企业表示在过去一段时间里加快了对AI的投入。", "国企业"),
    ("下一代6G网络将依托边缘AI算力。", "6G"),
    ("报告《Sparks of Artificial General Intelligence》引发讨论。", "Sparks of Artificial General Intelligence"),
    ("公司推出了“研究预览版”，反响不错。", "研究预览版"),                               # marks for emphasis
    ("他们发布了《2024人工智能发展报告》。", "2024人工智能发展报告"),                  # a report, not a product
    ("高瓴发展基金会资助了这项研究。", "高瓴发展基金"),                                # a foundation, no fund
    ("They called the plan Vision Fund 2.0 in the memo.", "Vision Fund 2"),              # a version, no fund number
    ("人工智能获得了大量投资。", "人工智能"),                                           # a field, no company
    ("Lisbon-based Brightlane raised €5 million.", "Lisbon-based Brightlane"),           # where, then the name
    ("Lisbon-based Brightlane raised €5 million.", "Brightlane raised"),                 # the verb is no part of it
    ("Text-based Image Retrieval is a task.", "Image Retrieval"),                       # based on, not based in
    ("星澜智能的产品很受欢迎。", "星澜智能"),                                           # a weak suffix and no cue
    ("星澜资本曾在2020年投资云帆科技。", "年投资云帆科技"),                             # the verb is no part of it
])
def test_ordinary_words_and_measures_are_not_names(extract_text, sentence, not_expected):
    [a] = extract_text(sentence)
    assert not any(m.surface == not_expected for m in a.mentions)


def test_a_name_found_with_evidence_is_found_again_in_the_document(extract_text):
    a, b = extract_text("初创企业Zentrova完成了新一轮融资。", "Zentrova的产品用户增长很快。")
    assert ("Zentrova", "Company") in _ents(a) and ("Zentrova", "Company") in _ents(b)


def test_short_form_after_the_full_name(extract_text):
    a, b = extract_text("医疗行业的AI影像服务商Corvana AI完成融资。", "Corvana不向医院收取部署费用。")
    assert ("Corvana", "Company") in _ents(b)
    assert {m.name for m in b.mentions if m.surface == "Corvana"} == {"Corvana AI"}


def test_byline_names(extract_text):
    [a] = extract_text("**本刊特约撰稿：吴晓、顾程来、Evan、李海丹**")
    assert {("顾程来", "Person"), ("李海丹", "Person"), ("Evan", "Person")} <= _ents(a)


# ---------------------------------------------------------------- where a name starts and ends, and what it is

def _names(analysis):
    return {(m.name, m.type) for m in analysis.mentions}


def test_a_preposition_does_not_start_an_organisation_name(extract_text):
    [a] = extract_text("据滨海商学院院长王立新介绍，新课程下月开设。")
    assert any(m.surface == "滨海商学院" for m in a.mentions)
    assert not any(m.surface.startswith("据") for m in a.mentions)


def test_an_organisation_name_runs_on_into_a_longer_one():
    from aigraph.extraction import names_cn
    text = "他是东岭大学医学中心的主任，也在南峰大学任教。"
    found = {c.name for c in names_cn.organisations(text, bytearray(len(text)))}
    assert "东岭大学医学中心" in found and "东岭大学" not in found and "南峰大学" in found


def test_a_common_acronym_is_no_company(extract_text):
    [a] = extract_text("这家平台已为 200 多个品牌 IP 提供了授权。")
    assert not any(m.surface == "IP" for m in a.mentions)


def test_a_copula_that_compares_says_nothing_of_the_kind(extract_text):
    [a] = extract_text("Grounding 是比世界模型更宽泛的提法。")
    assert ("Grounding", "Model") not in _names(a)


def test_a_bare_version_number_continues_a_name_but_a_count_does_not(extract_text):
    [a] = extract_text("星图科技的 Nimbus 2 已经上线。")
    assert any(m.surface == "Nimbus 2" for m in a.mentions)
    [b] = extract_text("星图科技的 Nimbus 2 个版本都已上线。")
    assert not any(m.surface == "Nimbus 2" for m in b.mentions)


def test_a_name_its_maker_is_left_out_of_is_the_lexicons_full_name(extract_text):
    [a] = extract_text("开发者也可以通过 Mistral 的 Large 2 来编写代码。")
    assert ("Mistral Large 2", "Model") in _names(a)
    assert not any(m.name in ("Large", "Large 2") for m in a.mentions)


def test_a_name_before_studio_is_no_product(extract_text):
    [a] = extract_text("她是 Keywords Studios 旗下 Silver Harbor 工作室的美术总监。")
    assert not any(m.surface == "Silver Harbor" and m.type == "Product" for m in a.mentions)


def test_a_codename_with_a_version_names_something_of_its_own(extract_text):
    # Orion is a weak alias (a codename) of a model of the lexicon: "Orion-7" is not a version of that model
    [a] = extract_text("在几项评测中，Orion-7 的得分已经超过了 GPT-4o。")
    assert ("Orion-7", "Model") in _names(a)
    assert {m.name for m in a.mentions} == {"Orion-7", "GPT-4o"}


@pytest.mark.parametrize("sentence,expected", [
    ("Zorvo 有个叫 Quill Coach的工具，实际用起来很顺手。", ("Quill Coach", "Product")),   # a bare 叫 names
    ("他们开发了一种叫Nimbus的生成式视频模型。", ("Nimbus", "Model")),
    ("我曾在一家叫Bright Harbor的初创公司工作。", ("Bright Harbor", "Company")),
    ("这套名为 KESTREL 的 AI 驱动解决方案每天生成大量预测。", ("KESTREL", "Product")),     # more kind words
    ("去年秋天 Duolingo 推出了 Tutorly，面向中学生。", ("Tutorly", "Product")),             # a company released it
])
def test_names_said_to_be_of_a_kind_or_released_by_a_company(extract_text, sentence, expected):
    [a] = extract_text(sentence)
    assert expected in _ents(a)


@pytest.mark.parametrize("sentence,not_expected", [
    ("我叫Summer，负责运营研究团队。", "Summer"),                  # 叫 with no kind word after: no type from it
    ("OpenAI 推出了 Zephyr 7，性能很强。", ("Zephyr 7", "Product")),  # shaped like a model: no product
])
def test_no_kind_from_a_bare_name_or_a_model_shape(extract_text, sentence, not_expected):
    [a] = extract_text(sentence)
    found = _ents(a)
    assert not_expected not in found and not any(s == not_expected for s, _ in found)


def test_a_short_form_inside_an_events_name_is_no_mention(extract_text):
    analyses = extract_text("软银集团宣布了新基金。孙正义在“软银世界2024”大会上说。软银还表示将继续投资。")
    surfaces = [m.surface for a in analyses for m in a.mentions]
    assert surfaces.count("软银") == 1


def test_a_chip_code_needs_a_word_that_says_chip(extract_text):
    [a] = extract_text("新一代NX720芯片将于明年量产。")
    assert ("NX720", "Chip") in _ents(a)
    [b] = extract_text("他当年用一台尼康Z850拍下了这张照片。")
    assert not any(s == "Z850" for s, _ in _ents(b))


@pytest.mark.parametrize("sentence,expected", [
    ("卡尔·温斯顿称，公司将继续扩张。", "卡尔·温斯顿"),          # a verb after the name is no part of it
    ("斯特凡·莫里茨认为这件事很难。", "斯特凡·莫里茨"),          # 里 is a letter of foreign names, not "inside"
    ("主持人安德鲁·罗斯：让我问一个问题。", "安德鲁·罗斯"),       # the title's last character is no first name
    ("他和埃里克·施瓦茨谈过这件事。", "埃里克·施瓦茨"),
    ("某软件公司的CEO尚塔努·纳兰曾是他的校友。", "尚塔努·纳兰"),    # a first letter outside the usual ones stays
])
def test_a_transliterated_name_is_cut_at_its_own_letters(extract_text, sentence, expected):
    [a] = extract_text(sentence)
    assert (expected, "Person") in _ents(a)


def test_two_transliterated_names_joined_by_and_are_both_found(extract_text):
    [a] = extract_text("这家公司由保罗·维兰德和彼得·索恩共同创立。")
    assert {("保罗·维兰德", "Person"), ("彼得·索恩", "Person")} <= _ents(a)


def test_a_word_before_a_transliterated_name_is_no_part_of_it(extract_text):
    [a] = extract_text("我会看汤姆·维兰德的每一部电影。")
    assert ("汤姆·维兰德", "Person") in _ents(a)


def test_a_name_that_opens_line_after_line_with_a_colon_is_a_speaker(extract_text):
    analyses = extract_text("_Hellmund：我们回到起点。\n主持人：好的，谢谢。\n_Hellmund：剑桥时期的你怎么样？")
    assert ("Hellmund", "Person") in {(m.surface, m.type) for a in analyses for m in a.mentions}
    # once, it may as well be a company heading its own paragraph
    [a] = extract_text("Regvolta： Regvolta 使用某模型构建了工单工具。")
    assert ("Regvolta", "Person") not in _ents(a)


def test_companies_given_as_examples_of_a_kind_of_product_are_products(extract_text):
    [a] = extract_text("这类写作工具（如Notion、Grammarly）正在改变办公方式。")
    assert {("Notion", "Product"), ("Grammarly", "Product")} <= _ents(a)
    # the maker of the example stays a company, and so does an example of a kind of company
    [b] = extract_text("一些工具如 Notion 的 AI 助手和 Anthropic 的Artifacts 很流行。")
    assert ("Anthropic", "Company") in _ents(b)
    [c] = extract_text("创业公司如 Notion 获得了新一轮融资。")
    assert ("Notion", "Product") not in _ents(c)


def test_who_is_invested_in_and_what_a_foundation_is(extract_text):
    [a] = extract_text("Altman 个人向 Helivo 投资了 950 万美元。")
    assert ("Helivo", "Company") in _ents(a)                 # 向X投资: X receives the money
    [b] = extract_text("Northwind 投资了 Helivo。")
    assert ("Northwind", "Investor") in _ents(b)
    [c] = extract_text("他们还有一个名为Pledgewise的基金会来倡导公益。")
    assert ("Pledgewise", "Investor") not in _ents(c)        # a foundation is no fund


@pytest.mark.parametrize("sentence,not_name", [
    ("当它像Vortan 3一样进入量产时，成本会降多少？", "Vortan 3"),        # a car, a game, a rocket, a virus
    ("我们在 Quarrel 2 的对战里训练了智能体。", "Quarrel 2"),
])
def test_a_bare_number_after_a_name_makes_no_model(extract_text, sentence, not_name):
    [a] = extract_text(sentence)
    assert not any(s == not_name for s, _ in _ents(a))


@pytest.mark.parametrize("sentence,expected", [
    ("像 Zorvex-80B 这样的大模型越来越多。", ("Zorvex-80B", "Model")),          # a size makes a model's shape
    ("Zorvex-2 模型本周发布。", ("Zorvex-2", "Model")),                          # so does a word that says model
    ("我们发布了 Sonnex 3.5，它的速度与 Sonnex 3 相同。", ("Sonnex 3", "Model")),  # the family written with a dotted version
])
def test_a_versioned_name_of_a_models_shape_or_cue_is_a_model(extract_text, sentence, expected):
    [a] = extract_text(sentence)
    assert expected in _ents(a)


def test_a_chip_code_among_chips_the_lexicon_knows_is_a_chip(extract_text):
    analyses = extract_text("以英伟达为例：A100、H100、A800、NX720 都在其中。")
    assert ("NX720", "Chip") in {(m.surface, m.type) for a in analyses for m in a.mentions}


@pytest.mark.parametrize("sentence,expected", [
    ("上周我和Stripe的Hunter Vale聊到了定价。", ("Hunter Vale", "Person")),  # person-shaped, English words
    ("我给Shopify的Oliver发了消息。", ("Oliver", "Person")),                        # a given name after 的
    ("Glenwick的 Pollux 平台上线半年就有了百万用户。", ("Pollux", "Product")),      # a product after 的
    ("苹果的新工具 Oliver 可以整理笔记。", ("Oliver", "Product")),                   # a kind word says product
])
def test_a_person_named_after_a_companys_de_is_no_product(extract_text, sentence, expected):
    [a] = extract_text(sentence)
    assert expected in _ents(a)


@pytest.mark.parametrize("sentence,name", [
    ("Corvin作为产品负责人，带领团队完成了改版。", "Corvin"),              # 产品负责人 is a job
    ("Halvard是Brightlane的平台总监。", "Halvard"),
    ("Tessory 为零售商开发了一款库存管理工具。", "Tessory"),              # 为 = for whom, not a copula
])
def test_a_kind_word_in_a_job_title_or_after_for_makes_no_product(extract_text, sentence, name):
    [a] = extract_text(sentence)
    assert (name, "Product") not in _ents(a)


def test_a_copula_still_says_what_a_name_is(extract_text):
    [a] = extract_text("Tessory 为一款面向零售商的库存管理工具。")
    assert ("Tessory", "Product") in _ents(a)


def test_the_last_of_a_list_of_workplaces_is_an_organisation(extract_text):
    [a, b] = extract_text("她此前曾在Acme Research和Meta AI从事研究工作。", "用户可以在手机上和 Meta AI 对话。")
    assert ("Meta AI", "Company") in _ents(a)
    assert ("Meta AI", "Product") in _ents(b)


@pytest.mark.parametrize("sentence,not_name", [
    ("用户可以试试 Zorbly Instacart 的新功能。", "Zorbly"),      # before a lexicon name in one Latin run
    ("团队把数据接入了 Azure App Zentrics 平台。", "Zentrics"),    # after a lexicon product in one run
])
def test_a_word_of_a_longer_name_the_lexicon_knows_part_of_is_no_name(extract_text, sentence, not_name):
    [a] = extract_text(sentence)
    assert not any(s == not_name for s, _ in _ents(a))


def test_a_company_then_a_name_is_still_its_product(extract_text):
    [a] = extract_text("Meta Quollix 是一个新产品。")
    assert ("Quollix", "Product") in _ents(a)


def test_a_model_shaped_name_after_a_companys_de_is_a_model(extract_text):
    [a] = extract_text("腾讯的 Quokka-LLM 在多项测试中表现不错。")
    assert ("Quokka-LLM", "Model") in _ents(a)


def test_a_department_before_a_title_still_names_the_employer(extract_text):
    [a] = extract_text("他曾任Quillbase产品副总裁。")
    assert ("Quillbase", "Company") in _ents(a)


def test_a_person_before_a_lexicon_name_is_still_found(extract_text):
    [a] = extract_text("本期内容整理自 Daniel Harlow YouTube 频道的专访。")
    assert any(s == "Daniel Harlow" for s, _ in _ents(a))


@pytest.mark.parametrize("sentence,expected", [
    ("Tessory 为零售商开发了一款库存管理工具。", ("Tessory", "Company")),   # made for firms: a vendor
])
def test_who_makes_something_for_firms_is_an_organisation(extract_text, sentence, expected):
    [a] = extract_text(sentence)
    assert expected in _ents(a)


def test_who_makes_something_for_users_gets_no_type_from_it(extract_text):
    [a] = extract_text("Quibbly 为用户提供了一款写作工具。")
    assert ("Quibbly", "Company") not in _ents(a) and ("Quibbly", "Product") not in _ents(a)


@pytest.mark.parametrize("sentence,expected", [
    ("Microsoft 的 Bishop 指出，客户的需求还在增长。", ("Bishop", "Person")),   # says something: a person
    ("Microsoft 的 Brannock 平台上线了新功能。", ("Brannock", "Product")),       # a kind word: a product
])
def test_who_speaks_after_a_companys_de_is_a_person(extract_text, sentence, expected):
    [a] = extract_text(sentence)
    assert expected in _ents(a)


@pytest.mark.parametrize("sentence,expected", [
    ("Orvanth是一名机器学习工程师，目前在微软工作。", ("Orvanth", "Person")),   # 一名: a person
    ("Orvanth是一家机器学习公司，总部在西雅图。", ("Orvanth", "Company")),       # 一家: a company
])
def test_the_measure_word_of_the_copula_tells_a_person_from_a_company(extract_text, sentence, expected):
    [a] = extract_text(sentence)
    assert expected in _ents(a)


def test_a_first_name_that_founds_something_is_a_person(extract_text):
    # "X创立了Y": who founds is a person; "X创立早期" speaks of a company's early days
    [a] = extract_text("2012年，Marcus创立了Quillon，这家公司做协作软件。")
    assert ("Marcus", "Person") in _ents(a)
    [b] = extract_text("Quillon创立早期，团队只有三个人。")
    assert ("Quillon", "Person") not in _ents(b)
    [c] = extract_text("曾任某大厂招聘主管及Quillon.io 创立者的Nikita Rao分享了经验。")
    assert ("Quillon.io", "Company") in _ents(c)


def test_the_search_for_transliterated_names_starts_no_further_than_a_first_name_before_a_dot():
    from aigraph.extraction.names_cn import _TRANSLIT, _near_dot, transliterated

    # _near_dot skips to five characters before the next middle dot: the first name's widest
    assert _TRANSLIT.pattern.startswith("(?P<first>[") and "]{1,5})[·•・]" in _TRANSLIT.pattern
    text = "据报道，" * 5 + "特斯拉创始人埃隆·马斯克和比尔•盖茨"
    assert _near_dot(text, 0) == text.index("·") - 5 and _near_dot("没有点", 0) == 3
    assert [c.name for c in transliterated(text, bytearray(len(text)))] == ["埃隆·马斯克", "比尔•盖茨"]
