"""Rivals named as such (`rules_rivals`) on invented sentences whose entities are given."""

from __future__ import annotations

import pytest

from aigraph.extraction import clauses, rules_rivals

from .given import ents


def _hits(text: str, **names: str) -> set[tuple[str, str]]:
    s = clauses.parse(text, ents(text, **names))
    return {frozenset((s.ents[h.subject].name, s.ents[h.object].name)) for h in rules_rivals.rivals(s)}


CO = dict(云帆科技="Company", 星河智能="Company", 北辰数据="Company")


@pytest.mark.parametrize("text,expected", [
    ("星河智能的主要竞争对手包括云帆科技和北辰数据。", {frozenset(("星河智能", "云帆科技")), frozenset(("星河智能", "北辰数据"))}),
    ("云帆科技也是星河智能最大的竞争对手之一。", {frozenset(("星河智能", "云帆科技"))}),
    ("早年间，云帆科技曾被星河智能视为重要竞争对手。", {frozenset(("星河智能", "云帆科技"))}),
    ("星河智能最大的劲敌云帆科技上个月发布了新品。", {frozenset(("星河智能", "云帆科技"))}),
    ("星河智能在与云帆科技的竞争中逐渐落了下风。", {frozenset(("星河智能", "云帆科技"))}),
    ("星河智能的份额下滑，面临着来自云帆科技和北辰数据的激烈竞争。",
     {frozenset(("星河智能", "云帆科技")), frozenset(("星河智能", "北辰数据"))}),
    ("星河智能在存储领域有众多的竞争对手，如云帆科技、北辰数据。",
     {frozenset(("星河智能", "云帆科技")), frozenset(("星河智能", "北辰数据"))}),
    ("在这个赛道，星河智能、云帆科技和北辰数据正展开激烈竞争。",
     {frozenset(("星河智能", "云帆科技")), frozenset(("星河智能", "北辰数据")), frozenset(("云帆科技", "北辰数据"))}),
])
def test_rivals_named_as_such(text, expected):
    assert _hits(text, **CO) == expected


@pytest.mark.parametrize("text", [
    "星河智能的合作伙伴包括云帆科技和北辰数据。",  # partners, not rivals
    "星河智能的竞争对手很多，云帆科技则专注于服务它们。",  # rivals not named; 云帆科技 serves them
    "星河智能和云帆科技的估值都在上涨。",
    "星河智能和云帆科技在激烈竞争中都落后了。",  # behind in a contest, not said to be rivals of each other
    "星河智能和云帆科技帮助小商户在激烈竞争中生存。",
    "星河智能保持领先，但云帆科技、北辰数据等公司正积极竞争。",  # against the leader, not said of each other
])
def test_what_names_no_rival(text):
    assert not _hits(text, **CO)


def test_a_denied_rivalry_is_not_read(extract_text):
    [a] = extract_text("谷歌并不是微软的竞争对手。")
    assert not [f for f in a.facts if f.predicate == "competesWith"]
    [a] = extract_text("谷歌是微软最大的竞争对手。")
    assert [f for f in a.facts if f.predicate == "competesWith"]


def test_english_rivals_such_as_and_a_lead_on_a_leaderboard(extract_text):
    [a] = extract_text("Nvidia shipped more chips this year, though rivals such as AMD are catching up on price.")
    assert {(f.subject, f.object) for f in a.facts if f.predicate == "competesWith"} & {("NVIDIA", "AMD"), ("AMD", "NVIDIA")}
    [a] = extract_text("Nvidia shipped more chips this year, and buyers such as Microsoft are happy.")
    assert not [f for f in a.facts if f.predicate == "competesWith"]
