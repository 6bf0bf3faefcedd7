"""Partnerships and acquisitions of `rules_partners` on invented sentences whose entities are given."""

from __future__ import annotations

import re

from aigraph.extraction import clauses, rules_partners
from aigraph.extraction.clauses import Ent

from .given import hits as _hits


def test_co_winners_of_a_contract_are_not_partners():
    names = dict(云帆航天="Company", 星河航天="Company")
    assert ("云帆航天", "partnerOf", "星河航天") in _hits(rules_partners.partners, "云帆航天和星河航天一起研制新型火箭。", **names)
    assert not _hits(rules_partners.partners, "云帆航天和星河航天一起获得了货运订单，但后来各自走了不同的路。", **names)
    assert not _hits(rules_partners.partners, "云帆航天与星河航天共同中标了该项目。", **names)


def _named(construction, text: str, **names: tuple[str, str]) -> set[tuple[str, str, str]]:
    """Hits on entities given as surface=(type, name), so that two surfaces may name one entity."""
    ents = sorted((Ent(m.start(), m.end(), t, n) for surface, (t, n) in names.items() for m in re.finditer(re.escape(surface), text)),
                  key=lambda e: e.start)
    s = clauses.parse(text, ents)
    return {(s.ents[h.subject].name, h.predicate, s.ents[h.object].name) for h in construction(s)}


def test_a_kind_of_company_may_stand_between_the_purchase_and_its_name():
    names = dict(星河集团="Company", 云帆能源="Company", 北辰="Company")
    assert _hits(rules_partners.acquisitions, "2016年星河集团收购了海外储能系统供应商云帆能源，转型为能源公司。", **names) == {
        ("星河集团", "acquired", "云帆能源")}
    # a list goes on after the purchase: the next company is another item, not what was bought
    assert not _hits(rules_partners.acquisitions, "他创办过北辰（2013年被星河集团收购）以及储能软件公司云帆能源。", **names) & {
        ("星河集团", "acquired", "云帆能源")}


def test_a_company_then_an_aside_or_a_clause_saying_it_was_bought():
    names = dict(星河集团="Company", 云帆软件="Company", 北辰资本="Investor")
    assert _hits(rules_partners.acquisitions, "创立北辰资本之前，他曾担任云帆软件（后被星河集团收购）的总裁。", **names) == {
        ("星河集团", "acquired", "云帆软件")}
    assert _hits(rules_partners.acquisitions, "2012年他创立了协作软件公司云帆软件，4年后被星河集团收购。", **names) == {
        ("星河集团", "acquired", "云帆软件")}
    # the company before the comma is not what the clause speaks of
    assert not _hits(rules_partners.acquisitions, "云帆软件与北辰资本合作，后被星河集团收购。", **names)


def test_a_bracketed_alias_is_one_name():
    names = {"远山在线": ("Company", "YSOL"), "YSOL": ("Company", "YSOL"), "星河网": ("Company", "星河网"),
             "北辰": ("Company", "北辰"), "联发芯（LianFa）": ("Company", "LianFa")}
    assert _named(rules_partners.acquisitions, "1999年，星河网被远山在线（YSOL）收购。", **names) == {("YSOL", "acquired", "星河网")}
    names = {"北辰": ("Company", "北辰"), "联发芯": ("Company", "LianFa"), "LianFa": ("Company", "LianFa")}
    assert _named(rules_partners.partners, "这颗芯片是北辰与联发芯（LianFa）合作设计的。", **names) == {("北辰", "partnerOf", "LianFa")}


def test_partners_at_some_time_and_described():
    names = dict(云帆="Company", 北辰="Company")
    for text in ("云帆正在与北辰合作，探索新的方法。", "云帆最近与北辰展开合作。", "云帆与备受瞩目的开发商北辰合作开发了产品。",
                 "云帆和北辰达成了一个非常有趣的合作关系。", "王强促进了云帆和北辰建立高质量的伙伴关系。"):
        assert ("云帆", "partnerOf", "北辰") in _hits(rules_partners.partners, text, **names), text
    # a wish or a plan is not a partnership
    assert not _hits(rules_partners.partners, "云帆希望与北辰合作。", **names)
    assert not _hits(rules_partners.partners, "云帆计划与北辰合作。", **names)


def test_objects_of_with_listed_together_are_not_partners_of_each_other():
    names = dict(星河="Company", 北辰="Company", 云帆="Company", 远山="Company")
    assert _hits(rules_partners.partners, "星河与北辰和云帆合作，开发了新产品。", **names) == {
        ("星河", "partnerOf", "北辰"), ("星河", "partnerOf", "云帆")}
    assert not _hits(rules_partners.partners, "星河的市值与北辰和云帆一起，成为全球最高之一。", **names)
    assert not _hits(rules_partners.partners, "我们有与远山、Sakura Net、GMO互联网集团、北辰和云帆合作的云。", **names)
    # an aside's own pair is not the subject's partner
    assert _hits(rules_partners.partners, "远山宣布与星河合作开发工具（星河正是北辰和云帆合作开发智能体的公司）。", **names) == {
        ("远山", "partnerOf", "星河"), ("北辰", "partnerOf", "云帆")}


def test_posts_or_rival_teams_listed_are_no_joint_team():
    names = dict(星河="Company", 北辰大学="Company", 云帆="Company")
    assert not _hits(rules_partners.partners, "王强：星河首席科学家、北辰大学计算机系助理教授。", **names)
    assert not _hits(rules_partners.partners, "星河的团队、云帆的团队可能都知道这一点。", **names)
    assert _hits(rules_partners.partners, "北辰大学王强团队和云帆研究人员训练出一个小模型。", **names) == {("北辰大学", "partnerOf", "云帆")}


def test_a_partnership_named_as_a_noun():
    names = dict(北辰="Company", 云帆="Company", 远山="Company", 星河="Company", 王强="Person")
    got = _hits(rules_partners.partnership_named, "通过与北辰、云帆等科技巨头的深度合作，以及扶持计划，星河正在构建新生态。", **names)
    assert got == {("星河", "partnerOf", "北辰"), ("星河", "partnerOf", "云帆")}
    assert _hits(rules_partners.partnership_named, "与北辰的合作伙伴关系使星河进步显著。", **names) == {("星河", "partnerOf", "北辰")}
    assert _hits(rules_partners.partnership_named, "这得益于星河及其合作伙伴（如北辰和云帆）的努力。", **names) == {
        ("星河", "partnerOf", "北辰"), ("星河", "partnerOf", "云帆")}
    # someone else's partnership, a rivalry, or an unnamed subject
    assert not _hits(rules_partners.partnership_named, "王强通过与北辰的合作，让星河看到了机会。", **names)
    assert not _hits(rules_partners.partnership_named, "与北辰的竞争使星河进步显著。", **names)
    assert not _hits(rules_partners.partnership_named, "通过与北辰的合作，我们见证了星河的成长。", **names)


def test_a_part_bought_or_a_seller_is_not_an_acquisition_of_the_company():
    names = dict(星河="Company", 北辰科技="Company", 云帆="Company")
    assert not _hits(rules_partners.acquisitions, "2021年，星河收购了北辰科技的300mm晶圆厂，扩大了优势。", **names)
    assert not _hits(rules_partners.acquisitions, "云帆曾从星河董事会成员王强那里收购了北辰科技。", **names)
    assert _hits(rules_partners.acquisitions, "云帆收购北辰科技的时候，星河还很小。", **names) == {("云帆", "acquired", "北辰科技")}


def test_a_joint_venture_list_may_hold_an_investor():
    names = dict(星河="Company", 北辰="Company", 远山资本="Investor", 云帆="Company")
    assert _hits(rules_partners.partners, "该项目由美国星河公司、北辰与日本远山资本联合出资打造。", **names) == {("星河", "partnerOf", "北辰")}
    # co-investors, the same list with an investor in it
    assert not _hits(rules_partners.partners, "星河、北辰与远山资本联合领投了云帆的B轮融资。", **names)


def test_a_deal_struck_between_two_firms_is_a_partnership():
    names = dict(云帆科技="Company", 星河科技="Company")
    got = _hits(rules_partners.partners, "去年云帆科技与星河科技达成了一项授权协议，双方共享数据。", **names)
    assert ("云帆科技", "partnerOf", "星河科技") in got
    assert not _hits(rules_partners.partners, "云帆科技与星河科技达成收购协议，交易金额未披露。", **names)
    assert not _hits(rules_partners.partners, "云帆科技与星河科技最终达成和解协议。", **names)


def test_a_firm_named_with_its_title_of_company_works_with_its_partner():
    names = dict(云帆="Company", 星河科技="Company")
    assert ("云帆", "partnerOf", "星河科技") in _hits(rules_partners.partners, "据报道，云帆公司最近与星河科技展开合作。", **names)
    assert not _hits(rules_partners.partners, "据报道，云帆公司最近与星河科技展开竞争。", **names)


def test_where_two_firms_work_together_may_come_before_the_verb():
    names = dict(云帆科技="Company", 星河科技="Company")
    got = _hits(rules_partners.partners, "云帆科技正在与星河科技在储能领域展开合作。", **names)
    assert ("云帆科技", "partnerOf", "星河科技") in got
    assert not _hits(rules_partners.partners, "云帆科技正在与星河科技在储能领域展开竞争。", **names)


def test_a_longer_description_of_what_was_bought():
    names = dict(星河集团="Company", 云帆智能="Company", 王强="Person")
    assert _hits(rules_partners.acquisitions, "星河集团 在 2014 年收购了 王强 所在的顶尖 AI 机器人研究实验室 云帆智能。", **names) == {
        ("星河集团", "acquired", "云帆智能")}
    # a list after the purchase: the company named is another item
    assert not _hits(rules_partners.acquisitions, "星河集团收购了一家做芯片以及存储设备的顶尖公司和云帆智能。", **names)


def test_partners_named_as_examples_of_a_kind_before_the_verb():
    names = dict(云帆="Company", 北辰="Company", 远山="Company")
    for text in ("云帆与北辰等本地软件开发商（ISV）合作，帮助他们构建应用。",
                 "云帆正在与北辰和远山等数据服务商以及大型企业合作，推广这套工具。"):
        found = _hits(rules_partners.partners, text, **names)
        assert ("云帆", "partnerOf", "北辰") in found, text
    assert ("云帆", "partnerOf", "远山") in _hits(rules_partners.partners, "云帆正在与北辰和远山等数据服务商以及大型企业合作，推广这套工具。", **names)
    # the kind without a verb of working together, or one the clause ends before, is no partnership
    assert not _hits(rules_partners.partners, "云帆与北辰等数据服务商的差距正在缩小。", **names)
    assert not _hits(rules_partners.partners, "云帆与北辰等厂商竞争，之后才开始合作。", **names)
