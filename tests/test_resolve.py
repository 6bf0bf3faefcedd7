"""The resolver's reading of weak lexicon aliases: brands that are also English words."""

from __future__ import annotations

import pytest


def _surfaces(analyses) -> set[tuple[str, str]]:
    return {(m.surface, m.type) for a in analyses for m in a.mentions}


@pytest.mark.parametrize("sentence, brand", [
    ("产品经理们习惯在Slack里讨论每周的迭代计划。", ("Slack", "Product")),
    ("实习生第一周就学会了用 Excel 搭建预算表。", ("Excel", "Product")),
    ("她每天都在 Chrome 里开着几十个标签页。", ("Chrome", "Product")),
])
def test_a_brand_written_with_its_capital_in_chinese_text_is_named(extract_text, sentence, brand):
    assert brand in _surfaces(extract_text(sentence))


@pytest.mark.parametrize("sentence, word", [
    # an English phrase inside Chinese text: the word is part of it, no brand
    ("那篇题为《Zoom In》的文章讲的是电路。", "Zoom"),
    ("他们把这个区间叫作 Sweet Spot，意思是最佳点。", "Spot"),
    # English text: the everyday word
    ("Give the rope some slack before you pull.", "slack"),
    # written in small letters, the word is no brand even in Chinese text
    ("这里的cursor指的是屏幕上的光标。", "cursor"),
])
def test_the_everyday_word_is_no_brand(extract_text, sentence, word):
    assert not any(s == word for s, _ in _surfaces(extract_text(sentence)))


def test_a_bare_copilot_is_microsofts_only_beside_its_context_words(extract_text):
    found = _surfaces(extract_text("这家律所的员工每天用 Copilot 在 Outlook 里起草邮件。"))
    assert ("Copilot", "Product") in found
    # a copilot as a kind of assistant, with no word of Microsoft's around it
    assert not any(s == "Copilot" for s, _ in _surfaces(extract_text("行业正从Copilot副驾走向主驾。")))


@pytest.mark.parametrize("sentence, name", [
    ("这家软件巨头去年收购了Slack，交易额超过二百亿美元。", "Slack"),
    ("社交网络巨头当年不得不收购Instagram和WhatsApp。", "WhatsApp"),
    ("在完成对Instagram的收购之后，团队推出了新的广告系统。", "Instagram"),
])
def test_an_app_that_was_bought_is_its_company(extract_text, sentence, name):
    assert (name, "Company") in _surfaces(extract_text(sentence))


def test_an_app_named_near_a_purchase_stays_an_app(extract_text):
    found = _surfaces(extract_text("这家公司收购一家初创企业后推出了新的Slack插件。"))
    assert ("Slack", "Product") in found


def test_a_byte_is_no_bytedance(extract_text):
    assert not [s for s, t in _surfaces(extract_text("这段语音每秒只传输几个字节，存储量只有几兆字节。")) if t == "Company"]
    assert ("字节", "Company") in _surfaces(extract_text("腾讯、阿里和字节都在招聘大模型工程师。"))


@pytest.mark.parametrize("sentence, chip", [
    ("新一代Grace Blackwell超级芯片将两颗GPU连在一起。", "Grace Blackwell"),
    ("玩家们期待已久的RTX Blackwell显卡终于上市了。", "RTX Blackwell"),
])
def test_blackwell_systems_are_chips_not_people(extract_text, sentence, chip):
    found = _surfaces(extract_text(sentence))
    assert (chip, "Chip") in found and not [s for s, t in found if t == "Person"]


def test_a_bare_blackwell_is_the_chip_and_a_full_name_the_person(extract_text):
    assert ("Blackwell", "Chip") in _surfaces(extract_text("客户们都在排队等待Blackwell的交付。"))
    found = _surfaces(extract_text("孵化器的创办者里有Trevor Blackwell和另外三位工程师。"))
    assert ("Blackwell", "Chip") not in found and ("Trevor Blackwell", "Person") in found
