"""Regexes with a lookahead of their first characters find exactly what they found without it."""

from __future__ import annotations

import random
import re

import pytest

from aigraph.extraction import names_cn
from aigraph.extraction.quick import first_chars, quick


@pytest.mark.parametrize(("pattern", "chars"), [
    ("abc|d", "ad"),
    ("(?:a|b)?c", "abc"),
    ("x*y", "xy"),
    ("(?<=[中])[0-9]", "0123456789"),  # a lookbehind says nothing of the first character
    ("(?!a)[ab]", "ab"),
    ("(?=ab)[a-c]", "a"),  # a lookahead that reads a character does
    ("(?P<n>名为|叫做)\\s?", "名叫"),
    ("\\d+|a", ["\\d", "a"]),
])
def test_first_characters(pattern, chars):
    assert first_chars(pattern) == frozenset(chars)


@pytest.mark.parametrize("pattern", ["a|", "a?", "\\S?a", "[^a]b", ".a", "(?i)abc", "\\w", "(a)?\\1b", "(?=a|)b?"])
def test_no_filter_where_the_first_character_is_no_small_set(pattern):
    assert first_chars(pattern) is None
    assert quick(re.compile(pattern)).pattern == pattern


def test_the_wrapped_regex_finds_the_same_matches_and_groups():
    rng = random.Random(7)
    alphabet = "创始人首席执行官教授博士表示称说文：: 李张王作者编辑发布了“”《》星火大模型科技资本根据的数据统计\n"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(3000)]
    texts.append("高通总裁安蒙表示，作者：王子、顾程来。根据星图研究院的数据，某某科技发布了“星火”大模型。")
    for rx in (names_cn._PERSON_CUE, names_cn._BYLINE, names_cn._QUOTED, names_cn._CN_ORG, names_cn._SOURCE):
        plain = re.compile(rx.pattern.split(")(?:", 1)[1][:-1], rx.flags)  # the regex as written
        assert rx.pattern != plain.pattern
        for t in texts:
            assert [(m.span(), m.groups()) for m in rx.finditer(t)] == [(m.span(), m.groups()) for m in plain.finditer(t)]


def test_digits_and_whitespace_count_as_the_pattern_reads_them():
    assert first_chars(r"(?<=[中])(?P<v> ?\d+)") == frozenset({" ", "\\d"})
    assert first_chars(r"\s?[（(]") == frozenset({"\\s", "(", "（"})
    rx = quick(re.compile(r"(?<=[中])(?P<v> ?\d+)"))
    assert rx.pattern.startswith("(?=[") and [m["v"] for m in rx.finditer("中 12和中٣文中x")] == [" 12", "٣"]
