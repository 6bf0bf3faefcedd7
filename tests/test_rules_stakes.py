"""Investors named through the companies they back (`rules_stakes`), on invented sentences whose entities are given."""

from __future__ import annotations

from aigraph.extraction import rules_org, rules_stakes
from aigraph.extraction.relations import sentence_facts

from .given import ents
from .given import hits as _hits


def _invested(text: str, **names: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in sentence_facts(text, ents(text, **names), "2024-06-01")
            if f.predicate == "investedIn" and f.confidence >= 0.5}


def test_an_investor_titled_by_the_company_it_backs():
    names = dict(云帆="Company", 王强="Person", 李明="Person", 星河="Company")
    assert _hits(rules_stakes.named_investor, "我引用了云帆的天使投资人王强对李明说的一句话。", **names) == {
        ("王强", "investedIn", "云帆")}
    assert _hits(rules_stakes.named_investor, "星河联合创始人兼云帆早期投资者王强也在场。", **names) == {
        ("王强", "investedIn", "云帆")}
    # the investors of the company are spoken of, none is named
    assert not _hits(rules_stakes.named_investor, "云帆的投资者对王强的策略相当满意。", **names)
    # an affiliation before a person is not the company the person backs
    assert not _hits(rules_stakes.named_investor, "云帆前CEO王强也是一位投资人。", **names)


def test_an_investor_by_the_role_its_clause_gives_it():
    names = dict(北辰="Company", 远山="Company", 云帆="Company", 星河="Company", 张伟="Person", 星河集团="Company")
    text = "作为北辰和远山的创始人之一，以及云帆和星河等知名公司的早期投资者，张伟对创新有独到见解。"
    assert _hits(rules_stakes.named_investor, text, **names) == {("张伟", "investedIn", "云帆"), ("张伟", "investedIn", "星河")}
    assert _hits(rules_stakes.named_investor, "星河集团，作为云帆的主要股东之一，宣布了新计划。", **names) == {
        ("星河集团", "investedIn", "云帆")}
    # the founder's role is not an investor's
    assert not _hits(rules_stakes.named_investor, "作为云帆的创始人，张伟也投资过别的公司。", **names)
    # "我" is not named: the investor of the role is unknown
    assert not _hits(rules_stakes.named_investor, "作为云帆的投资者，我见证了星河的转型。", **names)


def test_an_initial_investor_is_one():
    assert _invested("张伟是云帆的初始投资人之一。", 云帆="Company", 张伟="Person") == {("张伟", "云帆")}


def test_a_portfolio_lists_the_companies_backed():
    names = dict(北辰资本="Investor", 云帆="Company", 星河="Company")
    got = {("北辰资本", "investedIn", "云帆"), ("北辰资本", "investedIn", "星河")}
    assert _hits(rules_stakes.named_investor, "北辰资本目前的投资组合包括云帆、星河等众多知名企业。", **names) == got
    assert _hits(rules_stakes.named_investor, "北辰资本的投资组合公司，包括云帆和星河，都在探索新方法。", **names) == got
    # a portfolio spoken of without its companies
    assert not _hits(rules_stakes.named_investor, "北辰资本的投资组合中有大量公司，云帆和星河都在观察。", **names)


def test_an_incubator_brings_out_a_list_of_companies():
    names = dict(北辰加速器="Investor", 云帆="Company", 星河="Company")
    assert _hits(rules_org.incubated, "北辰加速器已经孵化出了云帆、星河等独角兽企业。", **names) == {
        ("北辰加速器", "investedIn", "云帆"), ("北辰加速器", "investedIn", "星河")}
    # a company brought out of another company is no investment by an incubator
    assert not _hits(rules_org.incubated, "云帆从星河孵化出来。", **names)


def test_invested_in_with_yu():
    names = dict(北辰资本="Investor", 云帆="Company", 星河="Company")
    assert _hits(rules_org.invested_in, "北辰资本还投资于云帆和星河。", **names) == {
        ("北辰资本", "investedIn", "云帆"), ("北辰资本", "investedIn", "星河")}
    # money put into a field, with a company in the next clause
    assert not _hits(rules_org.invested_in, "北辰资本还投资于基础设施，云帆则在观望。", **names)


def test_a_clause_that_opens_on_the_investing_of_its_carried_subject():
    names = dict(北辰资本="Investor", 云帆="Company", 星河="Company")
    assert _hits(rules_org.invested_in, "北辰资本是一家风险投资公司，规模为60亿美元，投资于云帆和星河。", **names) == {
        ("北辰资本", "investedIn", "云帆"), ("北辰资本", "investedIn", "星河")}
    # a clause with a subject of its own
    assert _hits(rules_org.invested_in, "北辰资本是一家风险投资公司，云帆投资了星河。", **names) == {("云帆", "investedIn", "星河")}
    # a company that is not an investor by type is not read so (its 投资于 may be a budget)
    assert not _hits(rules_org.invested_in, "云帆是一家科技公司，多年来投资于星河。", 云帆="Company", 星河="Company")


def test_an_investor_titled_with_the_round_it_came_in_at():
    names = dict(云帆="Company", 北辰资本="Investor", 王强="Person")
    assert _hits(rules_stakes.named_investor, "我们请来了云帆的Pre-A轮投资人——北辰资本合伙人王强。", **names) == {
        ("北辰资本", "investedIn", "云帆")}
    # a round and a firm side by side, with no investor noun between them
    assert not _hits(rules_stakes.named_investor, "云帆的A轮融资之后，北辰资本合伙人王强加入了董事会。", **names)


def test_a_firms_own_person_invests_for_the_firm():
    names = dict(云帆="Company", 北辰资本="Investor", 王强="Person")
    assert _invested("北辰资本的王强领投了云帆。", **names) == {("北辰资本", "云帆")}
    assert _invested("北辰资本（NBC）的王强投资了云帆。", NBC="Investor", **names) == {("NBC", "云帆")}
    # a list of two investors: the person is no one's partner here
    assert _invested("北辰资本和王强投资了云帆。", **names) == {("北辰资本", "云帆"), ("王强", "云帆")}
