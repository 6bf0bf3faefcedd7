"""Founders and chiefs in profiles: descriptions before the organisation, opening clauses, co-founders,
and 他 opening a sentence about the profile's person (invented sentences)."""

from __future__ import annotations

import pytest

from aigraph.extraction import clauses, rules_people
from aigraph.extraction.topic import Discourse

from .given import ents as _ents
from .given import hits as _given_hits

_PEOPLE = (rules_people.people_titles, rules_people.founded, rules_people.then_founded, rules_people.bio,
           rules_people.with_founded)




def _hits(text: str, **names: str) -> set[tuple[str, str, str]]:
    s = clauses.parse(text, _ents(text, **names))
    return {(s.ents[h.subject].name, h.predicate, s.ents[h.object].name) for c in _PEOPLE for h in c(s)}


_BOTH = {("王强", "founderOf", "云帆科技"), ("王强", "leads", "云帆科技")}


@pytest.mark.parametrize("text,names,expected", [
    # a description of the organisation between 是 and its name
    ("王强是机器人初创公司云帆科技的CEO兼联合创始人。", dict(王强="Person", 云帆科技="Company"), _BOTH),
    ("王强是数据标注平台 云帆科技 的 CEO 兼联合创始人。", dict(王强="Person", 云帆科技="Company"), _BOTH),
    # another organisation inside the description: whose title it is, is not clear
    ("王强是星河资本投资的初创公司云帆科技的CEO。", dict(王强="Person", 云帆科技="Company", 星河资本="Company"), set()),
    # a profile's opening: the person, then clauses describing them, the titles last
    ("王强（Wang Qiang），1975年出生于浙江宁波，是一位中国企业家，现任云帆公司 (Yunfan) 联合创始人、总裁兼首席执行官。",
     dict(王强="Person", **{"Wang Qiang": "Person"}, 云帆="Company", Yunfan="Company"),
     {("王强", "founderOf", "云帆"), ("王强", "leads", "云帆")}),
    ("王强（Wang Qiang）：中国工程师、投资人和企业家，云帆科技的创始人兼CEO。",
     dict(王强="Person", **{"Wang Qiang": "Person"}, 云帆科技="Company"), _BOTH),
    # near-misses: a verb of saying, a former title, an English former title taken for a name
    ("王强表示，云帆科技的CEO很有远见。", dict(王强="Person", 云帆科技="Company"), set()),
    ("王强，1975年生，曾任云帆科技的CEO。", dict(王强="Person", 云帆科技="Company"), set()),
    ("王强：Former CEO, 云帆科技。", dict(王强="Person", Former="Company", 云帆科技="Company"), set()),
    # co-founders listed with 与
    ("他与李明（Li Ming）和赵刚于2010年共同创立了云帆科技。",
     dict(李明="Person", **{"Li Ming": "Person"}, 赵刚="Person", 云帆科技="Company"),
     {(p, "founderOf", "云帆科技") for p in ("李明", "Li Ming", "赵刚")}),
    ("王强与李明、赵刚一起共同创立的云帆科技完成了融资。", dict(王强="Person", 李明="Person", 赵刚="Person", 云帆科技="Company"),
     {(p, "founderOf", "云帆科技") for p in ("王强", "李明", "赵刚")}),
    ("王强与李明讨论了云帆科技的未来。", dict(王强="Person", 李明="Person", 云帆科技="Company"), set()),
    ("王强与李明共同创立了云帆科技实验室。", dict(王强="Person", 李明="Person", 云帆科技="Company"), set()),
])
def test_profiles(text, names, expected):
    assert _hits(text, **names) == expected


def test_he_opening_a_sentence_is_the_person_the_last_one_opened_on():
    talk = Discourse()
    first = "王强（Wang Qiang）出生于浙江宁波。"
    talk.meet(first, _ents(first, 王强="Person", **{"Wang Qiang": "Person"}))
    he = talk.he("他是云帆科技的CEO。", [])
    assert he is not None and he.name == "Wang Qiang" and he.anaphor and he.antecedent == first  # the Latin alias
    assert talk.he("此外，她还创办了云帆科技。", []) is not None
    assert talk.he("他们创办了云帆科技。", []) is None  # 他们 is more than one
    assert talk.he("云帆科技的CEO是他。", []) is None  # not opening the sentence
    # after the time the sentence opens on
    for text in ("2019年，他创办了云帆科技。", "就在去年，她创办了云帆科技。", "离开北辰集团后，他加入了云帆科技。"):
        assert talk.he(text, []) is not None, text
    # a clause of its own before it is no time ("王强很忙，他…" names the person, "大家都知道，他…")
    assert talk.he("大家都知道，他创办了云帆科技。", []) is None


def test_he_is_unclear_after_two_people():
    talk = Discourse()
    two = "王强和李明进行了对话。"
    talk.meet(two, _ents(two, 王强="Person", 李明="Person"))
    assert talk.he("他是云帆科技的CEO。", []) is None
    # nor after a sentence that opens on something else and names someone
    talk = Discourse()
    talk.meet("王强出生于宁波。", _ents("王强出生于宁波。", 王强="Person"))
    other = "云帆科技聘请了李明。"
    talk.meet(other, _ents(other, 云帆科技="Company", 李明="Person"))
    assert talk.he("他是云帆科技的CEO。", []) is None


def test_he_fades_after_sentences_without_people():
    talk = Discourse()
    talk.meet("王强出生于宁波。", _ents("王强出生于宁波。", 王强="Person"))
    for _ in range(3):
        talk.meet("", [])
    assert talk.he("他是云帆科技的CEO。", []) is None


@pytest.mark.parametrize("text,names", [
    ("王强创立了星河大学。", dict(王强="Person", 星河大学="Company")),
    ("王强创建了星河基金会。", dict(王强="Person", 星河基金会="Company")),
    ("王强共同创立并领导了云帆科技旗下的机器人公司。", dict(王强="Person", 云帆科技="Company")),
    ("王强创建星河 （云帆科技的研究机构）时，强调开放。", dict(王强="Person", 星河="Company", 云帆科技="Company")),
])
def test_a_school_a_foundation_or_a_unit_is_no_company_founded(text, names):
    assert not {h for h in _hits(text, **names) if h[1] == "founderOf"}
    assert ("王强", "founderOf", "云帆科技") in _hits("王强创立了云帆科技。", 王强="Person", 云帆科技="Company")


@pytest.mark.parametrize("text,expected", [
    ("王强于2019年正式成为云帆科技的CEO。", {("王强", "leads", "云帆科技")}),
    ("王强接任了云帆科技的首席执行官。", {("王强", "leads", "云帆科技")}),
    ("王强曾担任云帆科技的CEO。", set()),
    ("王强目前是云帆科技的CEO。", {("王强", "leads", "云帆科技")}),  # 目前 is now, not 前
    ("2020年，李明接替王强成为云帆科技CEO。", set()),  # 王强 is the one replaced (李明 is not given here)
    ("王强希望有一天成为云帆科技那样公司的CEO。", set()),
])
def test_taking_a_chiefs_title(text, expected):
    assert _hits(text, 王强="Person", 云帆科技="Company") == expected


@pytest.mark.parametrize("text,expected", [
    ("王强最为人熟知的身份是云帆科技的创始人兼首席执行官。", _BOTH),
    ("王强最为人知的是创立了机器人公司云帆科技。", {("王强", "founderOf", "云帆科技")}),
    ("王强最为人熟知的身份是云帆科技的早期投资人。", set()),
])
def test_what_a_person_is_best_known_for(text, expected):
    assert _hits(text, 王强="Person", 云帆科技="Company") == expected


def test_he_after_the_host_names_the_guest():
    talk = Discourse()
    intro = "主持人李明：今天的嘉宾是王强。"
    talk.meet(intro, _ents(intro, 李明="Person", 王强="Person"))
    he = talk.he("他是云帆科技的联合创始人。", [])
    assert he is not None and he.name == "王强"
    # two people after the cue: who the guest is, is not clear
    both = "主持人李明：今天的嘉宾是王强和赵刚。"
    talk = Discourse()
    talk.meet(both, _ents(both, 李明="Person", 王强="Person", 赵刚="Person"))
    assert talk.he("他是云帆科技的联合创始人。", []) is None


@pytest.mark.parametrize("text,names,expected", [
    ("王强被业内称为机器人教父，是云帆科技的联合创始人。", dict(王强="Person", 云帆科技="Company"), {("王强", "founderOf", "云帆科技")}),
    ("他生于1975年，现任云帆科技CEO。", dict(他="Person", 云帆科技="Company"), {("他", "leads", "云帆科技")}),
    ("王强以编程闻名，也是云帆科技的创办者之一。", dict(王强="Person", 云帆科技="Company"), {("王强", "founderOf", "云帆科技")}),
    # near-misses: another organisation, a verb of saying, another person in between
    ("王强离开了星河智能，是云帆科技的CEO。", dict(王强="Person", 星河智能="Company", 云帆科技="Company"), set()),
    ("王强表示，是云帆科技的CEO最先提出的。", dict(王强="Person", 云帆科技="Company"), set()),
    ("王强认识李明，是云帆科技的CEO。", dict(王强="Person", 李明="Person", 云帆科技="Company"), set()),
])
def test_a_later_clause_gives_the_persons_title(text, names, expected):
    assert _then(text, **names) == expected


def _then(text: str, **names: str) -> set[tuple[str, str, str]]:
    s = clauses.parse(text, _ents(text, **names))
    return {(s.ents[h.subject].name, h.predicate, s.ents[h.object].name) for h in rules_people.then_is_title(s)}


@pytest.mark.parametrize("text,names,expected", [
    ("云帆科技的联合创始人王强和李明都来自北辰大学。", dict(云帆科技="Company", 王强="Person", 李明="Person"),
     {("王强", "founderOf", "云帆科技"), ("李明", "founderOf", "云帆科技")}),
    ("云帆科技联合创始人王强、李明和赵刚出席了会议。", dict(云帆科技="Company", 王强="Person", 李明="Person", 赵刚="Person"),
     {(p, "founderOf", "云帆科技") for p in ("王强", "李明", "赵刚")}),
    # a single founder's title, or the next person with a title of their own: not listed as founders
    ("云帆科技创始人王强和李明的对话很精彩。", dict(云帆科技="Company", 王强="Person", 李明="Person"),
     {("王强", "founderOf", "云帆科技")}),
    ("云帆科技联合创始人王强和李明（星河智能CEO）同台。", dict(云帆科技="Company", 王强="Person", 李明="Person", 星河智能="Company"),
     {("王强", "founderOf", "云帆科技"), ("李明", "leads", "星河智能")}),
])
def test_people_listed_after_a_co_founders_title(text, names, expected):
    assert _hits(text, **names) == expected


@pytest.mark.parametrize("text,expected", [
    ("云帆科技由王强院士和李明教授联合创立。", {("王强", "founderOf", "云帆科技"), ("李明", "founderOf", "云帆科技")}),
    ("云帆科技由王强、李明和众多其他成员于2021年创立。", {("王强", "founderOf", "云帆科技"), ("李明", "founderOf", "云帆科技")}),
    ("云帆科技由王强院士和李明教授负责管理。", set()),
])
def test_founders_named_with_titles_of_honour_or_others_unnamed(text, expected):
    assert _hits(text, 王强="Person", 李明="Person", 云帆科技="Company") == expected


def test_he_in_a_speakers_turn_is_not_the_speaker():
    talk = Discourse()
    turn = "王强：我有一个老朋友，做机器人很多年了。"
    talk.meet(turn, _ents(turn, 王强="Person"))
    assert talk.he("他是云帆科技的CEO。", []) is None
    # a profile's line with a colon describes its person: 他 is them
    bio = "王强（Wang Qiang）：工程师、企业家。"
    talk.meet(bio, _ents(bio, 王强="Person", **{"Wang Qiang": "Person"}))
    assert talk.he("他是云帆科技的CEO。", []) is not None


@pytest.mark.parametrize("text,expected", [
    # a count before the title: one of several founders
    ("“这很难，”云帆科技的三位创始人之一王强说。", {("王强", "founderOf", "云帆科技")}),
    ("云帆科技 的另一位联合创始人 王强 指出，成本在下降。", {("王强", "founderOf", "云帆科技")}),
    # a dash sets the titles beside the name
    ("我们请来了王强——云帆科技的联合创始人，聊聊机器人。", {("王强", "founderOf", "云帆科技")}),
    # a time said roughly before the founding
    ("作为老员工，王强大约在十年前创立了云帆科技。", {("王强", "founderOf", "云帆科技")}),
    ("王强早在2010年就创立了云帆科技。", {("王强", "founderOf", "云帆科技")}),
    # the founders counted after their list
    ("云帆科技由王强、李明两人共同创办，总部在杭州。", {("王强", "founderOf", "云帆科技"), ("李明", "founderOf", "云帆科技")}),
    # near-misses: a count of employees, a title of no founder, a time with no founding
    ("云帆科技的三位工程师王强和李明说。", set()),
    ("王强大约在十年前离开了云帆科技。", set()),
])
def test_counted_titles_dashes_and_rough_times(text, expected):
    assert _hits(text, 王强="Person", 李明="Person", 云帆科技="Company") == expected


def test_it_founded_by_people_is_the_paragraphs_organisation():
    topic = clauses.Ent(0, 0, "Company", "云帆科技", anaphor=True)
    text = "它由王强、李明两人共同创办，获得了大笔捐款。"
    assert _given_hits(rules_people.founded, text, topic, 王强="Person", 李明="Person") == {
        ("王强", "founderOf", "云帆科技"), ("李明", "founderOf", "云帆科技")}
    # no paragraph's organisation, or "it" is not what was founded
    assert not _given_hits(rules_people.founded, text, None, 王强="Person", 李明="Person")
    assert not _given_hits(rules_people.founded, "王强说它由李明创办的团队维护。", topic, 王强="Person", 李明="Person")


@pytest.mark.parametrize("text,expected", [
    ("同时，王强还于近期成为云帆科技的董事长。", {("王强", "leads", "云帆科技")}),
    ("王强近期离开了云帆科技的董事会。", set()),
])
def test_taking_a_title_lately(text, expected):
    assert _hits(text, 王强="Person", 云帆科技="Company") == expected


@pytest.mark.parametrize("text,expected", [
    ("王强离开了北辰资本，并创办了一家专注于机器人安全和隐私的初创公司云帆科技。", {("王强", "founderOf", "云帆科技")}),
    # a community, not a company; an investment, not a founding
    ("王强离开了北辰资本，并创办了一个专注于机器人安全和隐私的开源社区云帆科技。", set()),
    ("王强离开了北辰资本，并投资了一家专注于机器人安全和隐私的初创公司云帆科技。", set()),
])
def test_a_later_clause_founds_a_company_described_at_length(text, expected):
    assert _given_hits(rules_people.then_founded, text, None, 王强="Person", 北辰资本="Investor", 云帆科技="Company") == expected


def test_he_after_the_time_a_sentence_opens_on():
    talk = Discourse()
    first = "王强出生于浙江宁波。"
    talk.meet(first, _ents(first, 王强="Person"))
    assert talk.he("2005年，他和李明创立了云帆科技。", []) is not None
    assert talk.he("就在今年，她创办了云帆科技。", []) is not None
    # a place or a cause before 他 is no time: the sentence may be about someone else
    assert talk.he("在杭州，他们创立了云帆科技。", []) is None
    assert talk.he("因为李明的缘故，他离开了。", []) is None


@pytest.mark.parametrize("text,expected", [
    # each organisation with its own titles before one person
    ("星河智能联合创始人、云帆科技董事长王强近期接受了采访。", {("王强", "founderOf", "星河智能"), ("王强", "leads", "云帆科技")}),
    ("星河智能的创始人和机器人独角兽云帆科技的前CEO 王强接受了采访。", {("王强", "founderOf", "星河智能")}),
    # an organisation named before without a title of its own: nothing about it
    ("星河智能投资的云帆科技董事长王强接受了采访。", {("王强", "leads", "云帆科技")}),
    # 暨 joins two titles; 参与创办 and 继续…创立 found
    ("云帆科技创办人暨CEO王强表示。", {("王强", "founderOf", "云帆科技"), ("王强", "leads", "云帆科技")}),
    ("王强参与创办了云帆科技。", {("王强", "founderOf", "云帆科技")}),
    ("离开星河智能后，王强继续与人共同创立了初创公司云帆科技。", {("王强", "founderOf", "云帆科技")}),
    ("王强参与了云帆科技的创办。", set()),
])
def test_titles_of_several_organisations_and_ways_of_founding(text, expected):
    assert _hits(text, 王强="Person", 星河智能="Company", 云帆科技="Company") == expected


def test_he_after_an_opening_clause_of_titles():
    talk = Discourse()
    first = "王强出生于浙江宁波。"
    talk.meet(first, _ents(first, 王强="Person"))
    assert talk.he("作为云帆科技的CEO，他在会上分享了见解。", []) is not None
    assert talk.he("作为云帆科技的CEO，李明说他很忙。", _ents("作为云帆科技的CEO，李明说他很忙。", 李明="Person")) is None
    assert talk.he("作为2001年到2011年云帆科技的CEO，他功不可没。", []) is None  # a former role


@pytest.mark.parametrize("text,expected", [
    # the founder goes on to hold a chief's title of what they founded
    ("王强于2010年创立了云帆科技，并至今仍担任首席执行官。", {("王强", "founderOf", "云帆科技"), ("王强", "leads", "云帆科技")}),
    ("王强创立了云帆科技，并担任首席科学家。", {("王强", "founderOf", "云帆科技")}),
    # another organisation named before the title: the title may be of that one
    ("王强创立了云帆科技，并在星河智能担任CEO。", {("王强", "founderOf", "云帆科技")}),
    # a company's legal suffix between its name and the titles
    ("王强正式成为云帆科技 Inc.的首席执行官。", {("王强", "leads", "云帆科技")}),
])
def test_founders_who_go_on_to_lead_and_legal_suffixes(text, expected):
    assert _hits(text, 王强="Person", 星河智能="Company", 云帆科技="Company") == expected


def test_we_who_founded_is_the_named_speaker():
    talk = Discourse()
    turn = "王强：我想我们在2015年创立云帆科技时我才30岁。"
    talk.hear(turn, _ents(turn, 王强="Person"))
    me = talk.me("那时候我们在杭州创立了云帆科技。", [])
    assert me is not None and me.name == "王强" and me.anaphor and me.antecedent == turn
    assert talk.me("我们发布了云帆一号。", []) is None  # no founding
    assert talk.me("你们创立了云帆科技。", []) is None  # the other side
    host = Discourse()
    turn = "主持人：我们创立这个节目很久了。"
    host.hear(turn, [])
    assert host.me("我们创立了云帆科技。", []) is None  # the host is no one the graph knows


def test_making_something_of_a_company_is_not_founding_it():
    assert _hits("王强创建了云帆科技的第一个版本。", 王强="Person", 云帆科技="Company") == set()
    assert _hits("王强创立云帆科技的时候很难。", 王强="Person", 云帆科技="Company") == {("王强", "founderOf", "云帆科技")}


def test_he_after_connectives_and_time_words():
    talk = Discourse()
    first = "王强出生于浙江宁波。"
    talk.meet(first, _ents(first, 王强="Person"))
    assert talk.he("随后在1987年，他创立了云帆科技。", []) is not None
    assert talk.he("然而，他最终离开了云帆科技。", []) is not None
    # a clause of its own before him: he may be someone that clause names
    assert talk.he("李明的老师说，他很聪明。", _ents("李明的老师说，他很聪明。", 李明="Person")) is None
    assert talk.he("公司很快发展起来，他离开了。", []) is None


@pytest.mark.parametrize("text,expected", [
    ("王强，国内最大的机器人公司之一 云帆科技 的CEO，谈了谈形势。", {("王强", "leads", "云帆科技")}),
    # a description that says how the person is tied to the company otherwise
    ("王强，他投资的公司 云帆科技 的CEO，很忙。", set()),
])
def test_an_apposition_may_describe_the_organisation(text, expected):
    assert _hits(text, 王强="Person", 云帆科技="Company") == expected


def test_founded_by_people_described_by_their_employer():
    topic = clauses.Ent(0, 0, "Company", "云帆科技", anaphor=True)
    names = dict(王强="Person", 李明="Person", 星河智能="Company")
    text = "它由前星河智能研究员王强、李明和众多其他成员于2021年创立。"
    assert _given_hits(rules_people.founded, text, topic, **names) == {
        ("王强", "founderOf", "云帆科技"), ("李明", "founderOf", "云帆科技")}
    # the employer named after 由 is not what was founded
    assert not _given_hits(rules_people.founded, "由星河智能研究员王强和李明共同创立。", None, **names)


@pytest.mark.parametrize("text,expected", [
    ("王强是星河智能和云帆科技的创始人兼CEO。",
     {(p, o) for p in ("founderOf", "leads") for o in ("星河智能", "云帆科技")}),
    # a list of another kind before the titles: not the titles' organisations
    ("王强是星河资本和云帆科技的投资人。", set()),
])
def test_titles_after_a_list_of_organisations(text, expected):
    found = _hits(text, 王强="Person", 星河智能="Company", 云帆科技="Company", 星河资本="Investor")
    assert {(p, o) for _, p, o in found} == expected


def _led(text: str, **names: str) -> set[tuple[str, str, str]]:
    s = clauses.parse(text, _ents(text, **names))
    return {(s.ents[h.subject].name, h.predicate, s.ents[h.object].name) for h in rules_people.led(s)}


def test_a_person_steering_an_organisation_somewhere_leads_it():
    names = dict(王强="Person", 云帆科技="Company")
    for text in ("王强带领云帆科技从一家小型创业公司发展成为行业巨头。", "王强成功带领云帆科技完成了AI转型。",
                 "在王强的带领下，云帆科技成为最受瞩目的平台。"):
        assert ("王强", "leads", "云帆科技") in _led(text, **names), text
    # a team of it, its people, or a steer with nowhere to go is not the organisation led
    for text in ("王强带领云帆科技团队完成了研发。", "王强带领云帆科技的工程师加班。", "王强率领云帆科技代表团访问了北京。",
                 "在王强的带领下，云帆科技开始组建研究实验室。"):
        assert ("王强", "leads", "云帆科技") not in _led(text, **names), text


def test_founding_a_unit_of_an_organisation_is_not_founding_the_organisation(extract_text):
    [a] = extract_text("萨姆·奥特曼还联合创立了星河科技的AI研究项目，后来离开了。")
    assert not any(f.predicate == "founderOf" for f in a.facts)
    [b] = extract_text("萨姆·奥特曼还联合创立了Anthropic，后来离开了。")
    assert ("founderOf", "Anthropic") in {(f.predicate, f.object) for f in b.facts}
