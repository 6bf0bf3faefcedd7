"""Acquisitions told as sales and as a later clause about the company bought (invented sentences)."""

from __future__ import annotations

from aigraph.extraction import rules_sales
from aigraph.extraction.clauses import Ent

from .given import hits as _hits

_NAMES = dict(星河集团="Company", 云帆软件="Company", 北辰智能="Company", 北辰资本="Investor")


def test_a_company_sold_to_a_buyer():
    assert _hits(rules_sales.sold_to, "云帆软件最终卖给了星河集团。", **_NAMES) == {("星河集团", "acquired", "云帆软件")}
    assert _hits(rules_sales.sold_to, "2019年，王强将云帆软件以4亿美元出售给软件巨头星河集团。", **_NAMES) == {
        ("星河集团", "acquired", "云帆软件")}


def test_a_part_an_offer_or_a_question_is_no_sale():
    assert not _hits(rules_sales.sold_to, "云帆软件将储能业务出售给星河集团。", **_NAMES)
    assert not _hits(rules_sales.sold_to, "云帆软件是否愿意卖给星河集团，还不清楚。", **_NAMES)
    assert not _hits(rules_sales.sold_to, "云帆软件打算把产品卖给星河集团。", **_NAMES)


def test_the_paragraphs_company_sold():
    topic = Ent(0, 0, "Company", "云帆软件", anaphor=True)
    assert _hits(rules_sales.sold_to, "2012年，王强以4000万美元的价格将公司卖给了 星河集团。", topic, **_NAMES) == {
        ("星河集团", "acquired", "云帆软件")}
    # 20% of its shares sold to investors: a stake, not the company
    assert not _hits(rules_sales.sold_to, "王强将公司20%的股份卖给了星河集团。", topic, **_NAMES)
    assert not _hits(rules_sales.sold_to, "王强将公司卖给了星河集团。", None, **_NAMES)


def test_a_later_clause_says_the_company_was_bought():
    assert _hits(rules_sales.later_acquired, "云帆软件曾被业界视为劲敌，而后被星河集团收购。", **_NAMES) == {
        ("星河集团", "acquired", "云帆软件")}
    assert _hits(rules_sales.later_acquired, "他后来创办了云帆软件，这家协作软件公司后来被星河集团收购。", **_NAMES) == {
        ("星河集团", "acquired", "云帆软件")}


def test_a_clause_with_its_own_subject_or_no_purchase_is_not_read():
    # the clause names its own subject before the buyer
    assert not _hits(rules_sales.later_acquired, "云帆软件曾是明星公司，北辰智能后被星河集团收购。", **_NAMES)
    # a person opens the sentence: who was bought is not said
    assert not _hits(rules_sales.later_acquired, "王强离开了北辰资本，后被星河集团聘用。", 王强="Person", **_NAMES)
    assert not _hits(rules_sales.later_acquired, "云帆软件曾被业界看好，而后被星河集团超越。", **_NAMES)


def test_a_later_clause_sells_or_buys_with_its_subject_left_out():
    names = dict(_NAMES, 王强="Person")
    assert _hits(rules_sales.later_acquired, "两年后，王强创办了一家名为 云帆软件 的媒体公司，并于 2017 年以约 9亿日元的价格出售给东京的公关公司 星河集团。",
                 **names) == {("星河集团", "acquired", "云帆软件")}
    assert _hits(rules_sales.later_acquired, "王强也是早期网店云帆软件的创办者之一，后来被星河集团以5000万美元收购。", **names) == {
        ("星河集团", "acquired", "云帆软件")}
    assert _hits(rules_sales.later_acquired, "星河集团发布了新芯片，2020年收购了网络公司 云帆软件。", **names) == {
        ("星河集团", "acquired", "云帆软件")}


def test_a_later_clause_that_wishes_buys_a_part_or_has_a_person_buying_is_not_read():
    names = dict(_NAMES, 王强="Person")
    assert not _hits(rules_sales.later_acquired, "星河集团发布了新芯片，并考虑收购云帆软件。", **names)
    assert not _hits(rules_sales.later_acquired, "星河集团发布了新芯片，并收购了云帆软件的网络业务。", **names)
    assert not _hits(rules_sales.later_acquired, "王强离开了北辰智能，收购了云帆软件。", **names)
    # the clause before founds nothing: what was sold is not said
    assert not _hits(rules_sales.later_acquired, "王强在北辰智能工作多年，后来被星河集团收购。", **names)
