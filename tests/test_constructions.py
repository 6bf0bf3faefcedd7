"""Each construction on its own, on invented sentences whose entities are given (no lexicon involved)."""

from __future__ import annotations

import re

import pytest

from aigraph.extraction import clauses, events, rules_org, rules_partners, rules_people, rules_tech
from aigraph.extraction.clauses import Ent
from aigraph.extraction.constructions import REGISTRY, Construction, Hit, registered
from aigraph.extraction.relations import read_sentence, sentence_facts
from aigraph.extraction.topic import Discourse, Topic
from aigraph.extraction.words import alt, lists, words
from aigraph.model import Fact

from .given import ents as _ents
from .given import hits as _hits


def _facts(text: str, topic: Topic | None = None, **names: str) -> dict[tuple[str, str, str], Fact]:
    return {(f.subject, f.predicate, f.object): f for f in sentence_facts(text, _ents(text, **names), "2024-06-01", topic)
            if f.confidence >= 0.5}


# ---------------------------------------------------------------- the registry and the vocabulary

def test_constructions_are_registered_by_language_with_names_and_versions():
    zh, en = registered("zh"), registered("en")
    assert zh and en and all(isinstance(c, Construction) for c in zh + en)
    assert {c.lang for c in zh} == {"zh"} and {c.lang for c in en} == {"en"}
    assert REGISTRY["zh.funding.round"].id == "zh.funding.round@1"
    assert len({c.name for c in REGISTRY.values()}) == len(REGISTRY)


def test_a_construction_yields_typed_hits():
    text = "星河资本领投了云帆科技的B轮融资。"
    s = clauses.parse(text, _ents(text, 星河资本="Investor", 云帆科技="Company"))
    hits = list(REGISTRY["zh.org.invested-in"](s))
    assert hits and all(isinstance(h, Hit) for h in hits)
    assert (hits[0].predicate, s.ents[hits[0].subject].name, s.ents[hits[0].object].name) == ("investedIn", "星河资本", "云帆科技")


def test_the_vocabulary_is_data_and_compiles_longest_first():
    assert "funding.lead" in lists() and "领投" in words("funding.lead")
    pattern = re.compile(alt("funding.lead"))
    assert pattern.match("联合领投").group() == "联合领投"
    assert re.fullmatch(alt("anaphora.en_company"), "the  company")  # a space matches any run of spaces


# ---------------------------------------------------------------- funding rounds as events

@pytest.mark.parametrize("text,names,expected", [
    # the company receives, the investors follow in lists
    ("2023年5月，云帆科技完成数千万元Pre-A轮融资，由星河资本领投，北辰创投、远山基金跟投。",
     dict(云帆科技="Company", 星河资本="Investor", 北辰创投="Investor", 远山基金="Investor"),
     {("星河资本", "云帆科技"), ("北辰创投", "云帆科技"), ("远山基金", "云帆科技")}),
    # the investors inside the trigger's clause
    ("云帆科技获得由星河资本和北辰创投联合领投的2亿元B轮融资。",
     dict(云帆科技="Company", 星河资本="Investor", 北辰创投="Investor"),
     {("星河资本", "云帆科技"), ("北辰创投", "云帆科技")}),
    # a noun introduces the investors, an aside after one of them does not end the list
    ("云帆科技近日完成3亿元融资，投资方包括星河资本（本轮领投）、北辰创投和远山基金等。",
     dict(云帆科技="Company", 星河资本="Investor", 北辰创投="Investor", 远山基金="Investor"),
     {("星河资本", "云帆科技"), ("北辰创投", "云帆科技"), ("远山基金", "云帆科技")}),
    # the company gets money from named investors
    ("云帆科技已获得星河资本、北辰创投等机构共计数千万美元投资。",
     dict(云帆科技="Company", 星河资本="Investor", 北辰创投="Investor"),
     {("星河资本", "云帆科技"), ("北辰创投", "云帆科技")}),
    # a person invests in a named round
    ("2015年，李明在云帆科技的A轮融资中投资了500万美元。", dict(李明="Person", 云帆科技="Company"), {("李明", "云帆科技")}),
    # the subject backs a company's round
    ("星河资本资金充裕，已为云帆科技的融资提供了3亿元支持。", dict(星河资本="Investor", 云帆科技="Company"), {("星河资本", "云帆科技")}),
    # an investor of a company, named as such
    ("北辰创投是云帆科技的早期投资人之一。", dict(北辰创投="Investor", 云帆科技="Company"), {("北辰创投", "云帆科技")}),
])
def test_funding_rounds(text, names, expected):
    got = _hits(events.funding, text, **names)
    assert {(s, o) for s, p, o in got if p == "investedIn"} == expected


def test_the_company_an_investor_noun_belongs_to_is_funded():
    # "X的投资方——Y", "X的主要投资方包括A和B": the company before the noun, not the clause's subject
    text = "这次我们还请来了云帆科技的投资方——星河资本合伙人王强。"
    got = _hits(events.funding, text, 云帆科技="Company", 星河资本="Investor", 王强="Person")
    assert ("星河资本", "investedIn", "云帆科技") in got
    text = "记者了解到，云帆科技的主要投资方包括星河资本和北辰创投。"
    got = _hits(events.funding, text, 云帆科技="Company", 星河资本="Investor", 北辰创投="Investor")
    assert got == {("星河资本", "investedIn", "云帆科技"), ("北辰创投", "investedIn", "云帆科技")}
    # near miss: the investor is introduced as one, not as the company's ("作为X的投资者，Y" is another reading)
    text = "云帆科技的投资方很多，星河资本也来了。"
    assert not _hits(events.funding, text, 云帆科技="Company", 星河资本="Investor")


def test_a_person_named_with_their_companys_title_in_a_list_of_investors():
    text = "云帆科技完成新一轮融资，投资方包括星河资本、北辰智能创始人王强和远山基金。"
    names = dict(云帆科技="Company", 星河资本="Investor", 北辰智能="Company", 王强="Person", 远山基金="Investor")
    got = {(a, b) for a, p, b in _hits(events.funding, text, **names) if p == "investedIn"}
    assert got == {("星河资本", "云帆科技"), ("王强", "云帆科技"), ("远山基金", "云帆科技")}
    # near miss: a company listed on its own is an investor itself
    text = "云帆科技完成新一轮融资，投资方包括星河资本、北辰智能和远山基金。"
    got = {(a, b) for a, p, b in _hits(events.funding, text, **names) if p == "investedIn"}
    assert ("北辰智能", "云帆科技") in got


def test_investors_listed_after_the_round_received():
    context = Ent(0, 0, "Company", "云帆科技", anaphor=True)
    text = "该公司很快获得了投资，包括来自李明、王强等知名投资人。"
    got = _hits(events.funding, text, context, 该公司="Company", 李明="Person", 王强="Person")
    assert {(s, o) for s, _, o in got} == {("李明", "该公司"), ("王强", "该公司")}
    # backers taken in, listed after the noun
    text = "云帆科技很自豪，能够引入很多新的投资者，包括星河资本和北辰创投。"
    got = _hits(events.funding, text, 云帆科技="Company", 星河资本="Investor", 北辰创投="Investor")
    assert got == {("星河资本", "investedIn", "云帆科技"), ("北辰创投", "investedIn", "云帆科技")}
    # near miss: a record of past investments is no round received
    text = "星河资本领投了云帆科技的种子轮，这些投资的回报，包括北辰创投的A轮。"
    got = _hits(events.funding, text, 星河资本="Investor", 云帆科技="Company", 北辰创投="Investor")
    assert ("北辰创投", "investedIn", "云帆科技") not in got


def test_an_investor_announcing_it_leads_a_named_round():
    names = dict(星河资本="Investor", 云帆科技="Company")
    assert _hits(rules_org.invested_in, "星河资本宣布领投云帆科技B轮融资。", **names) == {("星河资本", "investedIn", "云帆科技")}
    # near miss: announcing to lead a company's direction is no investment
    assert not _hits(rules_org.invested_in, "星河资本宣布主导云帆科技的发展方向。", **names)


def test_this_rounds_investor_when_the_company_is_the_paragraphs():
    context = Ent(0, 0, "Company", "云帆科技", anaphor=True)
    got = _hits(events.funding, "本次融资由星河资本独家投资。", context, 星河资本="Investor")
    assert got == {("星河资本", "investedIn", "云帆科技")}
    # near miss: a determiner that is not the round's ("有人说融资由星河资本投资")
    assert not _hits(events.funding, "有人说这次融资由星河资本投资是假的。", None, 星河资本="Investor")


def test_a_round_received_from_named_investors_without_its_amount():
    names = dict(云帆科技="Company", 星河资本="Investor", 北辰创投="Investor")
    got = _hits(events.funding, "B轮之后，云帆科技又从星河资本和北辰创投那里获得了融资。", **names)
    assert got == {("星河资本", "investedIn", "云帆科技"), ("北辰创投", "investedIn", "云帆科技")}
    # near miss: what the company got from them is no round
    assert not _hits(events.funding, "云帆科技从星河资本那里获得的投资建议很有用。", **names)


def test_a_clause_that_opens_on_investing_carries_its_subject_over():
    names = dict(星河资本="Investor", 李明="Person", 云帆科技="Company", 北辰智能="Company")
    got = _hits(rules_org.invested_in, "星河资本是一家老牌风投公司，早期就投资过云帆科技和北辰智能。", **names)
    assert got == {("星河资本", "investedIn", "云帆科技"), ("星河资本", "investedIn", "北辰智能")}
    got = _hits(rules_org.invested_in, "李明是圈内有名的天使投资人，曾投资了包括云帆科技、北辰智能在内的许多公司。", **names)
    assert got == {("李明", "investedIn", "云帆科技"), ("李明", "investedIn", "北辰智能")}
    # near miss: a partner of a firm invests the firm's money
    assert not _hits(rules_org.invested_in, "李明是星河资本的合伙人，投资了云帆科技。", **names)


def test_a_clause_of_investing_in_many_and_its_list_in_the_next_clause():
    names = dict(星河资本="Investor", 云帆科技="Company", 北辰智能="Company")
    text = "星河资本专注早期项目，并且投资了很多机器人公司，包括云帆科技、北辰智能等。"
    got = _hits(rules_org.invested_in, text, **names)
    assert got == {("星河资本", "investedIn", "云帆科技"), ("星河资本", "investedIn", "北辰智能")}
    # near miss: companies it merely uses, listed the same way
    text = "星河资本专注早期项目，并且使用了很多机器人公司的产品，包括云帆科技、北辰智能等。"
    assert not _hits(rules_org.invested_in, text, **names)


def test_an_affiliation_in_a_list_of_investors_is_not_the_company_funded():
    # "X 前合伙人 Y 领投": Y invests in the round's company, not in X
    text = "云帆科技完成新一轮融资，由星河资本前合伙人王强领投。"
    got = _hits(events.funding, text, 云帆科技="Company", 星河资本="Company", 王强="Person")
    assert got == {("王强", "investedIn", "云帆科技")}


def test_an_affiliation_before_an_investor_named_with_laizi_is_not_the_investor():
    # "获得来自X大学王强的投资": the person invests, the university is where the person works
    text = "成立一年后，云帆科技获得来自北辰大学王强的投资。"
    got = _hits(events.funding, text, 云帆科技="Company", 北辰大学="Company", 王强="Person")
    assert got == {("王强", "investedIn", "云帆科技")}
    # a name the lexicon cut short ("星河龙珠|资本") and the list goes on: every investor of it
    text = "云帆科技已获得星河龙珠资本、北辰创投等数千万元投资。"
    got = _hits(events.funding, text, 云帆科技="Company", 星河龙珠="Investor", 北辰创投="Investor")
    assert got == {("星河龙珠", "investedIn", "云帆科技"), ("北辰创投", "investedIn", "云帆科技")}
    text = "云帆科技获得来自星河资本和北辰资本的投资。"
    got = _hits(events.funding, text, 云帆科技="Company", 星河资本="Investor", 北辰资本="Investor")
    assert got == {("星河资本", "investedIn", "云帆科技"), ("北辰资本", "investedIn", "云帆科技")}


def test_a_round_without_its_company_is_the_paragraphs_company():
    context = Ent(0, 0, "Company", "云帆科技", anaphor=True)
    text = "本轮融资由星河资本领投，北辰创投跟投。"
    got = _hits(events.funding, text, context, 星河资本="Investor", 北辰创投="Investor")
    assert got == {("星河资本", "investedIn", "云帆科技"), ("北辰创投", "investedIn", "云帆科技")}
    # a fact sheet's line names no company, and means none
    sheet = "主要投资方：星河资本领投，北辰创投跟投"
    assert not _hits(events.funding, sheet, context, 星河资本="Investor", 北辰创投="Investor")
    # a sentence that speaks of no round is not about the paragraph's company
    assert not _hits(events.funding, "星河资本投资了，一切都很顺利。", context, 星河资本="Investor")


def test_round_attributes_belong_to_the_round():
    text = "2024年3月，云帆科技完成2亿元B轮融资，投后估值20亿元，由星河资本领投。"
    f = _facts(text, 云帆科技="Company", 星河资本="Investor")[("星河资本", "investedIn", "云帆科技")]
    assert f.amount.value == "200000000" and f.valuation.value == "2000000000"
    assert f.date.value == "2024-03" and f.round == "Series B"


def test_an_investors_own_share_is_its_amount():
    text = "星河资本已为云帆科技20亿元的融资轮提供了3亿元支持。"
    f = _facts(text, 星河资本="Investor", 云帆科技="Company")[("星河资本", "investedIn", "云帆科技")]
    assert f.amount.text == "3亿元"


def test_an_incubator_invests_and_does_not_make():
    text = "北辰加速器孵化的初创公司云帆科技发布了大模型Fan-1。"
    facts = _facts(text, 北辰加速器="Investor", 云帆科技="Company", **{"Fan-1": "Model"})
    assert ("北辰加速器", "investedIn", "云帆科技") in facts
    assert ("Fan-1", "developedBy", "云帆科技") in facts
    assert not any(p == "developedBy" and o == "北辰加速器" for _, p, o in facts)


# ---------------------------------------------------------------- attributes bound to their clause

def test_a_date_belongs_to_its_clause_not_to_the_sentence():
    text = "云帆科技于2023年8月发布了Fan-1，星河智能则在2024年2月推出了Star-2。"
    facts = _facts(text, 云帆科技="Company", 星河智能="Company", **{"Fan-1": "Model", "Star-2": "Model"})
    assert facts[("Fan-1", "developedBy", "云帆科技")].date.value == "2023-08"
    assert facts[("Star-2", "developedBy", "星河智能")].date.value == "2024-02"


def test_a_founding_does_not_take_a_rounds_date():
    text = "李明创立了云帆科技，公司在2024年5月获得星河资本领投的A轮融资。"
    facts = _facts(text, 李明="Person", 云帆科技="Company", 星河资本="Investor")
    assert facts[("李明", "founderOf", "云帆科技")].date is None
    assert facts[("星河资本", "investedIn", "云帆科技")].date.value == "2024-05"


# ---------------------------------------------------------------- people

@pytest.mark.parametrize("text,names,expected", [
    ("云帆科技的董事长兼联合创始人王强出席了发布会。", dict(云帆科技="Company", 王强="Person"),
     {("王强", "founderOf", "云帆科技"), ("王强", "leads", "云帆科技")}),
    ("王强是云帆科技的创始人兼CEO，他在2019年离开了大学。", dict(云帆科技="Company", 王强="Person"),
     {("王强", "founderOf", "云帆科技"), ("王强", "leads", "云帆科技")}),
    ("受邀嘉宾有王强（云帆科技联合创始人）和李明。", dict(云帆科技="Company", 王强="Person", 李明="Person"),
     {("王强", "founderOf", "云帆科技")}),
    ("我是王强，云帆科技的总裁兼CEO。", dict(云帆科技="Company", 王强="Person"), {("王强", "leads", "云帆科技")}),
    ("我们的合作伙伴是云帆科技，其CEO王强与我们合作多年。", dict(云帆科技="Company", 王强="Person"),
     {("王强", "leads", "云帆科技")}),
    # a former chief leads no more, a founder stays one
    ("云帆科技前CEO兼联合创始人王强创办了新公司。", dict(云帆科技="Company", 王强="Person"), {("王强", "founderOf", "云帆科技")}),
    ("星河云事业群总裁王强在会上发言。", dict(星河云="Company", 王强="Person"), {("王强", "leads", "星河云")}),
    ("星河云创始人 & CEO 王强在会上发言。", dict(星河云="Company", 王强="Person"),
     {("王强", "leads", "星河云"), ("王强", "founderOf", "星河云")}),
    # a title without its organisation, after a clause about one
    ("星河智能发布了新一代模型，CEO王强称这是公司最重要的产品。", dict(星河智能="Company", 王强="Person"),
     {("王强", "leads", "星河智能")}),
    ("星河智能脱胎于北辰大学的一个实验室，董事长王强来自北辰大学。", dict(星河智能="Company", 北辰大学="Company", 王强="Person"),
     {("王强", "leads", "星河智能")}),
    # two organisations before: whose chief is not said
    ("星河智能与云帆科技宣布合作，CEO王强表示这是双赢。", dict(星河智能="Company", 云帆科技="Company", 王强="Person"), set()),
    ("李明宣布星河智能与云帆科技合作，CEO王强表示这是双赢。", dict(星河智能="Company", 云帆科技="Company", 王强="Person",
                                                       李明="Person"), set()),
    # founders: 他 for the person just named, a later clause whose subject is left out
    ("王强是一位工程师，他于2019年共同创立了云帆科技。", dict(云帆科技="Company", 王强="Person"),
     {("王强", "founderOf", "云帆科技")}),
    ("王强离开星河智能，并与李明共同创立了云帆科技。", dict(云帆科技="Company", 星河智能="Company", 王强="Person", 李明="Person"),
     {("王强", "founderOf", "云帆科技"), ("李明", "founderOf", "云帆科技")}),
    ("王强离开星河智能，并投资了云帆科技。", dict(云帆科技="Company", 星河智能="Company", 王强="Person"), set()),
    ("云帆科技由王强（强哥）联合创立。", dict(云帆科技="Company", 王强="Person", 强哥="Person"),
     {("王强", "founderOf", "云帆科技"), ("强哥", "founderOf", "云帆科技")}),
])
def test_titles(text, names, expected):
    got = set().union(*(_hits(c, text, **names) for c in (rules_people.people_titles, rules_people.founded,
                                                          rules_people.bare_title, rules_people.then_founded)))
    assert got == expected


# ---------------------------------------------------------------- releases

def test_a_list_after_including_names_what_was_released():
    text = "云帆科技发布了多个新版本，包括Fan-1、Fan Mini和Fan Pro。"
    got = _hits(rules_org.developed, text, 云帆科技="Company", **{"Fan-1": "Model", "Fan Mini": "Model", "Fan Pro": "Model"})
    assert got == {(m, "developedBy", "云帆科技") for m in ("Fan-1", "Fan Mini", "Fan Pro")}


# ---------------------------------------------------------------- what is not a fact

def test_co_investors_are_not_partners():
    text = "星河科技与北辰智能联合领投了云帆科技的B轮融资。"
    got = _hits(rules_partners.partners, text, 星河科技="Company", 北辰智能="Company", 云帆科技="Company")
    assert not got
    joint = "星河科技与北辰智能共同出资成立了一家合资公司。"
    assert _hits(rules_partners.partners, joint, 星河科技="Company", 北辰智能="Company")


def test_money_compared_is_not_a_rivalry():
    names = dict(云帆科技="Company", 星河智能="Company")
    assert not _hits(rules_tech.competes, "云帆科技的融资额已经超过了星河智能。", **names)
    assert not _hits(rules_tech.competes, "云帆科技的估值超过星河智能。", **names)
    assert not _hits(rules_tech.competes, "云帆科技的应用在海外的下载量一度超过星河智能。", **names)
    assert _hits(rules_tech.competes, "云帆科技的模型在推理能力上已经超过了星河智能。", **names)


def test_a_cited_title_states_nothing():
    text = "据《云帆科技收购星河智能的内幕》一文，谈判持续了数月。"
    assert not _facts(text, 云帆科技="Company", 星河智能="Company")


# ---------------------------------------------------------------- across sentences

def test_a_pointing_phrase_takes_the_paragraphs_company():
    topic = Topic("云帆科技", "Company", "云帆科技是一家做机器人的初创公司。")
    facts, after = read_sentence("该公司近日发布了大模型Fan-1。", _ents("该公司近日发布了大模型Fan-1。", **{"Fan-1": "Model"}),
                                 "2024-06-01", topic)
    [f] = [f for f in facts if f.predicate == "developedBy"]
    assert (f.subject, f.object) == ("Fan-1", "云帆科技")
    assert f.context == topic.sentence and f.confidence < 0.75  # less sure, and the evidence names both sentences
    assert after is not None and after.name == "云帆科技"


def test_a_company_named_before_the_phrase_wins_over_the_topic():
    topic = Topic("北辰智能", "Company", "北辰智能成立于2020年。")
    text = "云帆科技发布了Fan-1，该公司表示将开源。"
    facts = _facts(text, topic, 云帆科技="Company", **{"Fan-1": "Model"})
    assert ("Fan-1", "developedBy", "云帆科技") in facts
    assert not any(o == "北辰智能" for _, _, o in facts)


def test_comparisons_are_not_read_across_sentences():
    topic = Topic("云帆科技", "Company", "云帆科技成立于2020年。")
    text = "该公司的模型已经超过了星河智能。"
    assert not _facts(text, topic, 星河智能="Company")


def test_we_is_the_labelled_speakers_organisation():
    talk = Discourse()
    first = "云帆科技CEO王强出席了活动。"
    facts, talk.topic = read_sentence(first, _ents(first, 云帆科技="Company", 王强="Person"), None, talk.topic)
    talk.learn(facts, first)
    label = "王强：今年我们收购了星河智能。"
    ents = _ents(label, 王强="Person", 星河智能="Company")
    talk.hear(label, ents)
    we, you = talk.voices()
    facts, _ = read_sentence(label, ents, None, talk.topic, we, you)
    assert ("云帆科技", "acquired", "星河智能") in {(f.subject, f.predicate, f.object) for f in facts}
    # nobody labelled: 我们 may be anyone
    assert Discourse(affiliations=talk.affiliations, guest=talk.guest).voices() == (None, None)


def test_a_host_with_a_company_of_their_own_still_speaks_to_the_guest():
    talk = Discourse()
    for text, names in (("云帆科技CEO王强出席了活动。", dict(云帆科技="Company", 王强="Person")),
                        ("主持人李明是北辰传媒的创始人。", dict(李明="Person", 北辰传媒="Company"))):
        facts, talk.topic = read_sentence(text, _ents(text, **names), None, talk.topic)
        talk.learn(facts, text)
    label = "主持人李明：你们从星河资本那里获得了融资。"
    ents = _ents(label, 李明="Person", 星河资本="Investor")
    talk.hear(label, ents)
    we, you = talk.voices()
    assert we.name == "北辰传媒" and you.name == "云帆科技"
    # the guest who last spoke is whom the host speaks to, not the first chief the document named
    talk.place("北辰智能首席技术官王芳说。", _ents("北辰智能首席技术官王芳说。", 北辰智能="Company", 王芳="Person"))
    talk.hear("王芳：我们做了很多。", _ents("王芳：我们做了很多。", 王芳="Person"))
    talk.hear(label, ents)
    assert talk.voices()[1].name == "北辰智能"
    # near miss: the same person labelled without the host's title speaks for their company only
    talk.hear("李明：你们怎么看？", _ents("李明：你们怎么看？", 李明="Person"))
    assert talk.voices() == (talk.affiliations["李明"], None)


# ---------------------------------------------------------------- partners, rivals, trends, English rounds

def test_partners_listed_after_with():
    text = "云帆科技分别与物流公司北辰智能和零售巨头远山集团达成合作。"
    got = _hits(rules_partners.partners, text, 云帆科技="Company", 北辰智能="Company", 远山集团="Company")
    assert got == {("云帆科技", "partnerOf", "北辰智能"), ("云帆科技", "partnerOf", "远山集团")}


def test_rivals_among_a_list():
    text = "云帆科技和星河智能之间的竞争日趋激烈。"
    assert _hits(rules_tech.competes, text, 云帆科技="Company", 星河智能="Company") == {("云帆科技", "competesWith", "星河智能")}


@pytest.mark.parametrize("text,names,expected", [
    ("云帆科技近年来大力押注具身智能。", dict(云帆科技="Company", 具身智能="Trend"), ("云帆科技", "具身智能")),
    ("星河智能在多模态领域持续布局。", dict(星河智能="Company", 多模态="Trend"), ("星河智能", "多模态")),
    ("Fan-2采用了MoE架构。", {"Fan-2": "Model", "MoE": "Trend"}, ("Fan-2", "MoE")),
    ("关于你们为Fan助手增加的智能体功能，能多说一些吗？", {"Fan助手": "Product", "智能体": "Trend"}, ("Fan助手", "智能体")),
    ("云帆科技是一家专注于具身智能的初创公司。", dict(云帆科技="Company", 具身智能="Trend"), ("云帆科技", "具身智能")),
    ("云帆科技成立于2020年，是业内最早押注MoE架构的公司之一。", dict(云帆科技="Company", MoE="Trend"), ("云帆科技", "MoE")),
])
def test_trend_ties(text, names, expected):
    from aigraph.extraction import rules_trends
    assert {(s, o) for s, p, o in _hits(rules_trends.ties, text, **names)} == {expected}


def test_a_company_focused_on_something_else_is_not_tied_to_the_trend():
    from aigraph.extraction import rules_trends
    text = "云帆科技是一家专注于客户服务的公司，多模态只是它的一个小功能。"
    assert not _hits(rules_trends.ties, text, 云帆科技="Company", 多模态="Trend")


def test_a_trend_is_not_tied_to_what_merely_stands_near_it():
    from aigraph.extraction import rules_trends
    text = "云帆科技的CEO认为多模态被高估了。"
    assert not _hits(rules_trends.ties, text, 云帆科技="Company", 多模态="Trend")


def test_english_investors_of_the_paragraphs_company():
    from aigraph.extraction import events_en
    context = Ent(0, 0, "Company", "Acme Robotics", anaphor=True)
    text = "Foo Ventures and Bar Capital co-led the $40 million Series B."
    got = _hits(events_en.funding, text, context, **{"Foo Ventures": "Investor", "Bar Capital": "Investor"})
    assert got == {("Foo Ventures", "investedIn", "Acme Robotics"), ("Bar Capital", "investedIn", "Acme Robotics")}
    stake = "Foo Ventures has taken a minority stake in Acme Robotics."
    assert _hits(events_en.funding, stake, None, **{"Foo Ventures": "Investor", "Acme Robotics": "Company"}) == {
        ("Foo Ventures", "investedIn", "Acme Robotics")}


def test_money_towards_a_described_company_is_the_subjects_investment():
    text = "星河集团为何敢向AI初创公司云帆科技注资130亿美元"
    facts = _facts(text, 星河集团="Company", 云帆科技="Company")
    assert ("星河集团", "investedIn", "云帆科技") in facts
    assert ("云帆科技", "investedIn", "星河集团") not in facts


def test_an_investors_money_is_not_a_companys_round():
    # "B的20亿美元投资" is B's money: B is an investor of the subject, not the company funded
    text = "两年后，云帆科技接受了星河集团的40亿美元投资和北辰集团的20亿美元投资。"
    facts = _facts(text, 云帆科技="Company", 星河集团="Company", 北辰集团="Company")
    assert ("星河集团", "investedIn", "云帆科技") in facts
    assert not any(o == "北辰集团" for _, p, o in facts if p == "investedIn")


def test_a_rumoured_acquisition_is_not_one():
    names = dict(星河集团="Company", 云帆科技="Company")
    assert not _facts("有传言说星河集团要收购云帆科技。", **names)
    assert ("星河集团", "acquired", "云帆科技") in _facts("星河集团去年以7亿美元收购了云帆科技。", **names)


def test_founders_of_two_companies_are_not_partners():
    text = "他是云帆科技和星河智能的联合创始人兼董事长。"
    assert not _hits(rules_partners.partners, text, 云帆科技="Company", 星河智能="Company")


def test_objects_of_with_are_not_partners_of_each_other():
    text = "我们对与云帆科技、星河智能和北辰集团的合作感到兴奋。"
    assert not _hits(rules_partners.partners, text, 云帆科技="Company", 星河智能="Company", 北辰集团="Company")


def test_a_thing_said_to_be_an_organisations_work():
    names = {"云帆科技": "Company", "Fan-2": "Model"}
    assert ("Fan-2", "developedBy", "云帆科技") in _hits(rules_org.developed, "Fan-2是云帆科技最新推出的模型。", **names)
    assert not _hits(rules_org.developed, "Fan-2是云帆科技的对手关注的模型。", **names)


def test_a_former_chief_said_so_with_once():
    got = _hits(rules_people.people_titles, "王强曾是云帆科技的联合创始人兼董事长。", 王强="Person", 云帆科技="Company")
    assert got == {("王强", "founderOf", "云帆科技")}


def test_a_speakers_label_is_not_the_subject_of_what_is_said():
    text = "星河传媒：关于开源的讨论也有很多，您怎么看？"
    s = clauses.parse(text, _ents(text, 星河传媒="Company"))
    assert all(c.subject is None for c in s.clauses[1:])


def test_rivals_without_a_notable_difference_and_replacements():
    names = {"Fan-2": "Model", "Star-1": "Model", "Bolt-3": "Model"}
    got = _hits(rules_tech.competes, "实际上Fan-2、Star-1和Bolt-3的旗舰版本在性能上并无显著差异。", **names)
    assert got == {("Fan-2", "competesWith", "Star-1"), ("Fan-2", "competesWith", "Bolt-3"), ("Star-1", "competesWith", "Bolt-3")}
    assert _hits(rules_tech.competes, "Fan-2替换了Star-1，速度快了很多。", **names) == {("Fan-2", "competesWith", "Star-1")}


def test_a_comparison_with_another_version_of_the_same_name_looks_further_back():
    text = "Fan-2基本上与旧版Star-1一样强大，也就是说Bolt-3的最小版本足以比肩Star-1的最大版本。"
    got = _hits(rules_tech.competes, text, **{"Fan-2": "Model", "Star-1": "Model", "Bolt-3": "Model"})
    assert ("Bolt-3", "competesWith", "Star-1") in got


@pytest.mark.parametrize("text,names,expected", [
    ("北辰资本合伙人王强领导了2021年3月宣布的对云帆科技的4000万美元C轮投资。",
     dict(北辰资本="Investor", 王强="Person", 云帆科技="Company"), {("北辰资本", "云帆科技")}),  # the partner acts for the firm
    ("北辰资本是云帆科技和星河智能的共同股东。", dict(北辰资本="Investor", 云帆科技="Company", 星河智能="Company"),
     {("北辰资本", "云帆科技"), ("北辰资本", "星河智能")}),
])
def test_more_funding_shapes(text, names, expected):
    assert {(s, o) for s, p, o in _hits(events.funding, text, **names) if p == "investedIn"} == expected


def test_the_advisor_who_also_invests():
    names = dict(云帆科技="Company", 北辰资本="Investor", 远山资本="Investor")
    got = _facts("云帆科技完成B轮融资，北辰资本领投，远山资本担任独家财务顾问并跟投。", **names)
    assert ("远山资本", "investedIn", "云帆科技") in got
    got = _facts("云帆科技完成B轮融资，北辰资本领投，远山资本担任独家财务顾问。", **names)
    assert ("远山资本", "investedIn", "云帆科技") not in got


def test_investors_each_named_with_their_own_share():
    names = dict(云帆科技="Company", 北辰集团="Company", 星河集团="Company")
    facts = _facts("去年，云帆科技接受了北辰集团的30亿美元投资和星河集团的10亿美元投资。", **names)
    assert facts[("北辰集团", "investedIn", "云帆科技")].amount.value == "3000000000"
    assert facts[("星河集团", "investedIn", "云帆科技")].amount.value == "1000000000"
    # what the second company gives is no investment
    facts = _facts("云帆科技获得了北辰集团的投资和星河集团的技术支持。", **names)
    assert ("北辰集团", "investedIn", "云帆科技") in facts and ("星河集团", "investedIn", "云帆科技") not in facts


def test_a_portfolio_listed_after_including_and_a_lead_with_its_round():
    text = "北辰资本投资了众多科技公司，包括云帆科技、星河智能等。"
    got = _hits(rules_org.invested_in, text, 北辰资本="Investor", 云帆科技="Company", 星河智能="Company")
    assert got == {("北辰资本", "investedIn", "云帆科技"), ("北辰资本", "investedIn", "星河智能")}
    names = dict(王强="Person", 云帆科技="Company")
    assert _hits(rules_org.invested_in, "王强在2010年主导云帆科技A轮投资。", **names) == {("王强", "investedIn", "云帆科技")}
    assert not _hits(rules_org.invested_in, "王强主导云帆科技的产品设计。", **names)


def test_taking_part_in_a_round_and_investing_towards_with_jinxing():
    names = dict(北辰资本="Investor", 云帆科技="Company", 星河智能="Company")
    assert _hits(rules_org.invested_in, "北辰资本参与了云帆科技新一轮融资。", **names) == {("北辰资本", "investedIn", "云帆科技")}
    assert _hits(rules_org.invested_in, "北辰资本也参与了云帆科技的Pre-A轮融资。", **names) == {("北辰资本", "investedIn", "云帆科技")}
    # taking part, or leading, with no round of the company after it
    assert not _hits(rules_org.invested_in, "北辰资本参与了云帆科技的产品设计。", **names)
    assert not _hits(rules_org.invested_in, "北辰资本主导了云帆科技的发展方向。", **names)
    assert not _hits(rules_org.invested_in, "北辰资本参与了云帆科技的融资谈判。", **names)
    assert _hits(rules_org.invested, "北辰资本去年对云帆科技进行了战略投资。", **names) == {("北辰资本", "investedIn", "云帆科技")}
    assert not _hits(rules_org.invested, "北辰资本去年对云帆科技进行了调研。", **names)


@pytest.mark.parametrize("text,name", [
    ("2023年，云帆科技完成数千万元 Pre-A 轮融资，由星河资本领投。", "Pre-A"),
    ("云帆科技获得星河资本领投的2亿元B轮融资。", "Series B"),
    ("云帆科技宣布完成天使轮融资，由星河资本领投。", "Angel"),
])
def test_the_round_named_in_the_rounds_clauses(text, name):
    f = _facts(text, 云帆科技="Company", 星河资本="Investor")[("星河资本", "investedIn", "云帆科技")]
    assert f.round == name


def test_each_round_of_a_sentence_keeps_its_own_name():
    text = "云帆科技2021年获得星河资本领投的天使轮融资，2023年完成北辰创投领投的B轮融资。"
    facts = _facts(text, 云帆科技="Company", 星河资本="Investor", 北辰创投="Investor")
    assert facts[("星河资本", "investedIn", "云帆科技")].round == "Angel"
    assert facts[("北辰创投", "investedIn", "云帆科技")].round == "Series B"
    assert facts[("北辰创投", "investedIn", "云帆科技")].date.value == "2023"


def test_a_denied_founding_and_a_unit_founded_name_no_founder():
    names = dict(云帆科技="Company", 王强="Person", 李明="Person")
    got = _hits(rules_people.founded, "云帆科技并不是由王强创立，而是由李明创立。", **names)
    assert got == {("李明", "founderOf", "云帆科技")}
    assert not _hits(rules_people.founded, "王强创办了云帆科技人工智能研究院。", **names)
    # 他 stands for the clause's subject, not for a companion named with 与
    got = _hits(rules_people.founded, "李明与老朋友王强一起创业之前，他创办了云帆科技。", **names)
    assert ("王强", "founderOf", "云帆科技") not in got


def test_a_person_who_leads_the_organisation_named_next():
    names = dict(云帆科技="Company", 王强="Person")
    assert _hits(rules_people.led, "王强（曾任多家公司高管）领导的云帆科技发展迅速。", **names) == {("王强", "leads", "云帆科技")}
    assert not _hits(rules_people.led, "王强领导的云帆科技研究团队发表了论文。", **names)
    assert not _hits(rules_people.led, "王强领导的云帆科技 ROBO 机器人小组发表了论文。", **names)


def test_the_person_after_a_time_of_founding_founded_it():
    names = dict(云帆科技="Company", 王强="Person")
    assert _hits(rules_people.before_founding, "在创立云帆科技之前，王强曾在一家银行工作。", **names) == {("王强", "founderOf", "云帆科技")}
    assert not _hits(rules_people.before_founding, "在收购云帆科技之前，王强曾在一家银行工作。", **names)
    assert not _hits(rules_people.before_founding, "在创立云帆科技之前，他曾与王强共事。", **names)


def test_he_is_the_person_of_the_clause_before():
    names = dict(云帆科技="Company", 王强="Person", 李明="Person")
    got = _hits(rules_people.he_is_title, "今天的嘉宾是王强，他是云帆科技的联合创始人兼CEO。", **names)
    assert got == {("王强", "founderOf", "云帆科技"), ("王强", "leads", "云帆科技")}
    assert not _hits(rules_people.he_is_title, "李明和王强聊了很久，他是云帆科技的CEO。", **names)
    assert _hits(rules_people.he_is_title, "王强是位老将，他曾是云帆科技的CEO。", **names) == set()
    # a speaker's label: 她 is whom the speaker talks about
    assert not _hits(rules_people.he_is_title, "王强：她是云帆科技的CEO，之前在银行工作。", **names)
    assert _hits(rules_people.he_is_title, "王强：李明是个老朋友，他是云帆科技的CEO。", **names) == {("李明", "leads", "云帆科技")}
