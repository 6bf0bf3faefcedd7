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
