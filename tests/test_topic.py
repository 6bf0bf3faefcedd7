"""The paragraph's company from sentence to sentence, on invented sentences whose entities are given."""

from __future__ import annotations

import re

from aigraph.extraction import clauses
from aigraph.extraction.clauses import Ent
from aigraph.extraction.topic import next_topic, opening

from .given import ents as _ents


def test_a_school_named_in_a_bio_is_not_the_paragraphs_company():
    bio = "东岭大学计算机博士，曾任某研究院资深研究员。"
    assert opening(bio, _ents(bio, 东岭大学="Company")) is None
    news = "东岭大学宣布成立新的研究中心。"
    assert opening(news, _ents(news, 东岭大学="Company")).name == "东岭大学"
    bio2 = "东岭大学本科毕业，后加入星河科技担任工程师。"
    s = clauses.parse(bio2, _ents(bio2, 东岭大学="Company", 星河科技="Company"))
    topic = next_topic(s, None)
    assert topic is None or topic.name != "东岭大学"


# ---------------------------------------------------------------- 我们 claiming a thing the lexicon credits to a maker

def _made(text: str, thing: str, maker: str) -> list[Ent]:
    return [Ent(m.start(), m.end(), "Model", thing, developer=maker) for m in re.finditer(re.escape(thing), text)]


def test_we_who_claim_a_known_makers_thing_speak_for_that_maker():
    from aigraph.extraction.topic import Discourse
    talk = Discourse()
    first = "云帆科技的首席科学家接受了这次长谈。"
    talk.note(first, _ents(first, 云帆科技="Company"))
    for said in ("星河二号是我们最新的模型，上个月刚刚上线。", "比如我们最新发布的星河二号，推理快了一倍。", "我们推出了星河二号，反响很好。"):
        we = talk.claimant(said, _made(said, "星河二号", "云帆科技"))
        assert we is not None and we.name == "云帆科技" and we.sentence == first, said


def test_we_who_only_use_a_thing_or_whose_maker_the_article_never_named_stand_for_nobody():
    from aigraph.extraction.topic import Discourse
    talk = Discourse()
    first = "北辰集团的工程负责人接受了这次长谈。"
    talk.note(first, _ents(first, 北辰集团="Company"))
    used = "我们在客服系统里用的是星河二号。"
    assert talk.claimant(used, _made(used, "星河二号", "云帆科技")) is None
    # the claim is there, but the article has not named the maker: 我们 is not known to be it
    claimed = "星河二号是我们最新的模型。"
    assert talk.claimant(claimed, _made(claimed, "星河二号", "云帆科技")) is None


def test_a_claim_reads_the_fact_in_a_whole_document():
    from aigraph.extraction.relations import read_sentence
    from aigraph.extraction.topic import Discourse
    talk = Discourse()
    first = "云帆科技的首席科学家接受了这次长谈。"
    talk.note(first, _ents(first, 云帆科技="Company"))
    said = "星河二号是我们最新的模型，上个月刚刚上线。"
    ents = _made(said, "星河二号", "云帆科技")
    facts, _ = read_sentence(said, ents, None, None, talk.claimant(said, ents))
    [f] = [f for f in facts if f.predicate == "developedBy"]
    assert (f.subject, f.object, f.context) == ("星河二号", "云帆科技", first) and f.confidence >= 0.5


# ---------------------------------------------------------------- where a person works, and 我们 in their words

def test_a_title_between_an_organisation_and_a_person_places_the_person():
    from aigraph.extraction.topic import Discourse
    talk = Discourse()
    intro = "峰会上，云帆科技首席产品官林一鸣介绍了新的路线图。"
    talk.place(intro, _ents(intro, 云帆科技="Company", 林一鸣="Person"))
    said = "林一鸣表示，北辰集团是我们的长期合作伙伴。"
    we = talk.said_by(said, _ents(said, 林一鸣="Person", 北辰集团="Company"))
    assert we is not None and we.name == "云帆科技"
    # the same words with no verb of saying after the name, or 我们 before it, stand for nobody
    for other in ("林一鸣和北辰集团都是我们的老朋友。", "我们认为林一鸣表示的看法不对。"):
        assert talk.said_by(other, _ents(other, 林一鸣="Person", 北辰集团="Company")) is None


def test_a_person_merely_named_after_an_organisation_is_not_placed_there():
    from aigraph.extraction.topic import Discourse
    talk = Discourse()
    text = "云帆科技邀请林一鸣参加了发布会。"
    talk.place(text, _ents(text, 云帆科技="Company", 林一鸣="Person"))
    said = "林一鸣表示，我们会继续投入。"
    assert talk.said_by(said, _ents(said, 林一鸣="Person")) is None


def test_the_company_a_person_leads_wins_over_a_title_seen_elsewhere():
    from aigraph.extraction.topic import Discourse
    from aigraph.model import Fact
    talk = Discourse()
    text = "北辰集团董事林一鸣出席了活动。"
    talk.place(text, _ents(text, 北辰集团="Company", 林一鸣="Person"))
    talk.learn([Fact("林一鸣", "leads", "云帆科技", 0.8)], "林一鸣是云帆科技的CEO。")
    said = "林一鸣称，我们今年会扩大团队。"
    assert talk.said_by(said, _ents(said, 林一鸣="Person")).name == "云帆科技"


# ---------------------------------------------------------------- an organisation named in passing

def test_the_one_organisation_named_in_passing_is_what_gongsi_points_back_to():
    from aigraph.extraction.relations import read_sentence
    first = "经过五天的风波，李明周三重返云帆科技，继续担任CEO。"
    _, topic = read_sentence(first, _ents(first, 李明="Person", 云帆科技="Company"))
    assert topic is not None and topic.name == "云帆科技" and topic.passing
    said = "公司最大的投资方星河资本也将加入董事会。"
    facts, _ = read_sentence(said, _ents(said, 星河资本="Investor"), topic=topic)
    assert {(f.subject, f.predicate, f.object) for f in facts} == {("星河资本", "investedIn", "云帆科技")}
    # near miss: a round whose company the sentence leaves out is the paragraph's, not one named in passing
    left_out = "2021年5月，获得星河资本的天使轮投资。"
    facts, _ = read_sentence(left_out, _ents(left_out, 星河资本="Investor"), topic=topic)
    assert not facts
    # two organisations named in passing: none of them
    both = "李明先后在云帆科技和北辰智能工作过。"
    s = clauses.parse(both, _ents(both, 李明="Person", 云帆科技="Company", 北辰智能="Company"))
    assert next_topic(s, None) is None


# ---------------------------------------------------------------- a funding paragraph read sentence by sentence

def _read(sentences: list[tuple[str, dict[str, str]]]) -> set[tuple[str, str, str]]:
    """The investedIn facts of the last sentence, the sentences before it read first."""
    from aigraph.extraction.relations import read_sentence
    topic = None
    facts = []
    for text, names in sentences:
        facts, topic = read_sentence(text, _ents(text, **names), topic=topic)
    return {(f.subject, f.predicate, f.object) for f in facts if f.predicate == "investedIn"}


def test_the_company_in_the_same_clause_is_not_what_gaigongsi_points_back_to():
    first = ("云帆科技宣布完成数亿元B轮融资。", dict(云帆科技="Company"))
    said = ("星河资本是该公司的第一位投资人。", dict(星河资本="Investor"))
    assert _read([first, said]) == {("星河资本", "investedIn", "云帆科技")}
    # near miss: a company named in an earlier clause is what 该公司 points back to
    later = ("北辰智能收购了云帆科技，该公司此前已获得星河资本的投资。", dict(北辰智能="Company", 云帆科技="Company", 星河资本="Investor"))
    assert _read([later]) == {("星河资本", "investedIn", "云帆科技")}


def test_a_school_after_biye_yu_and_the_founders_company_before_it():
    first = ("云帆科技创始人毕业于东岭大学。", dict(云帆科技="Company", 东岭大学="Company"))
    said = ("2021年，公司获得星河资本的天使轮投资。", dict(星河资本="Investor"))
    assert _read([first, said]) == {("星河资本", "investedIn", "云帆科技")}


def test_a_company_someone_founded_is_the_paragraphs_company():
    first = ("博士毕业后，李明创立了云帆科技。", dict(李明="Person", 云帆科技="Company"))
    said = ("2021年，获得星河资本的天使轮投资。", dict(星河资本="Investor"))
    assert _read([first, said]) == {("星河资本", "investedIn", "云帆科技")}
    # near miss: a company the founder merely worked at is not
    first = ("李明曾在云帆科技担任工程师。", dict(李明="Person", 云帆科技="Company"))
    assert not _read([first, said])


def test_a_rounds_backers_after_the_round_is_stated():
    first = ("云帆科技今天宣布完成数亿元C轮融资。", dict(云帆科技="Company"))
    for text, names in [("星河资本、北辰创投等老股东继续跟投。", dict(星河资本="Investor", 北辰创投="Investor")),
                        ("这是公司成立以来的第三轮融资，投资方为星河资本。", dict(星河资本="Investor")),
                        ("星河资本、北辰创投均为其早期投资方。", dict(星河资本="Investor", 北辰创投="Investor")),
                        ("老股东星河资本超额认购。", dict(星河资本="Investor"))]:
        got = _read([first, (text, names)])
        assert got == {(k, "investedIn", "云帆科技") for k in names}, text
    # near miss: investors in general are no company's backers
    assert not _read([first, ("知名投资人包括李明和王强都很看好这个方向。", dict(李明="Person", 王强="Person"))])


def test_qi_opening_a_clause_of_a_round_received_is_the_paragraphs_company():
    first = ("云帆科技是一家做工业机器人的公司。", dict(云帆科技="Company"))
    said = ("此前，其已完成由星河资本领投的B轮融资。", dict(星河资本="Investor"))
    assert _read([first, said]) == {("星河资本", "investedIn", "云帆科技")}
    # near miss: 其 inside a clause ("使其获得") is no company receiving a round
    said = ("北辰智能的规模使其获得了星河资本等机构的投资便利。", dict(北辰智能="Company", 星河资本="Investor"))
    assert ("星河资本", "investedIn", "云帆科技") not in _read([first, said])


def test_a_returning_shareholder_taking_up_shares_may_speak_of_the_paragraphs_round():
    from aigraph.extraction.topic import points_back
    assert points_back("老股东星河资本超额认购。") and not points_back("星河资本的办公室在上海。")


# ---------------------------------------------------------------- a speech's transcript: 我们 is the speaker's

def test_we_in_a_keynote_transcript_is_the_speakers_organisation():
    from aigraph.extraction.topic import Discourse
    talk = Discourse()
    intro = "昨天，云帆科技首席执行官林一鸣在年度大会上发表了主题演讲。"
    local = _ents(intro, 云帆科技="Company", 林一鸣="Person")
    talk.place(intro, local)
    talk.attend(intro, local)
    assert talk.voices()[0].name == "云帆科技"
    # a heading of the transcript ("新品发布：") is nobody's turn either
    head = "新品发布：今天我们推出了新的芯片。"
    talk.hear(head, [])
    assert talk.voices()[0].name == "云帆科技"


def test_a_self_introduction_on_stage_makes_the_speaker_known_once_their_company_is():
    from aigraph.extraction.topic import Discourse
    from aigraph.model import Fact
    talk = Discourse()
    hello = "欢迎来到北辰大会——我是创始人兼CEO林一鸣。"
    talk.attend(hello, _ents(hello, 林一鸣="Person"))
    assert talk.voices()[0] is None  # the company is not known yet
    talk.learn([Fact("林一鸣", "founderOf", "北辰集团", 0.8)], "林一鸣创立了北辰集团。")
    assert talk.voices()[0].name == "北辰集团"


def test_a_person_who_listens_to_a_speech_or_an_unplaced_speaker_makes_we_nobody():
    from aigraph.extraction.topic import Discourse
    talk = Discourse()
    text = "云帆科技首席执行官林一鸣在台下聆听了这场演讲。"
    local = _ents(text, 云帆科技="Company", 林一鸣="Person")
    talk.place(text, local)
    talk.attend(text, local)
    assert talk.voices() == (None, None)
    other = Discourse()
    speech = "王强在大会上发表了演讲。"
    other.attend(speech, _ents(speech, 王强="Person"))
    assert other.voices() == (None, None)
    # an interview's host label keeps 我们 the host's, not the speaker's
    talk2 = Discourse()
    talk2.place("云帆科技首席执行官林一鸣发表了演讲。", _ents("云帆科技首席执行官林一鸣发表了演讲。", 云帆科技="Company", 林一鸣="Person"))
    talk2.attend("云帆科技首席执行官林一鸣发表了演讲。", _ents("云帆科技首席执行官林一鸣发表了演讲。", 云帆科技="Company", 林一鸣="Person"))
    talk2.hear("主持人：我们先聊聊芯片。", [])
    assert talk2.voices()[0] is None


def test_we_who_founded_something_in_a_guests_words_is_the_guest():
    from aigraph.extraction.topic import Discourse
    talk = Discourse()
    turn = "林一鸣：当我们创办云帆科技时，市场还很小。"
    local = _ents(turn, 林一鸣="Person", 云帆科技="Company")
    talk.hear(turn, local)
    me = talk.founder(turn, local)
    assert me is not None and me.name == "林一鸣" and me.type == "Person" and turn[me.start:me.end] == "我们"
    # the host founds nothing for the guest, and 我们 that builds a thing or owns a founder is no founding
    host = Discourse()
    q = "主持人：我们创办这个节目已经三年了。"
    host.hear(q, [])
    assert host.founder(q, []) is None
    for text in ("林一鸣：我们的创始人很低调。", "林一鸣：我们做了三个智能体。", "林一鸣：我们创建了三个智能体。"):
        assert talk.founder(text, _ents(text, 林一鸣="Person")) is None, text
    # a paragraph with no label of its own may be anyone's
    later = "当我们创办云帆科技时，市场还很小。"
    assert talk.founder(later, _ents(later, 云帆科技="Company")) is None


def test_a_guest_saying_we_founded_a_company_reads_the_fact():
    from aigraph.extraction.relations import read_sentence
    from aigraph.extraction.topic import Discourse
    talk = Discourse()
    turn = "林一鸣：我们在2019年创办了云帆科技，那时候只有三个人。"
    local = _ents(turn, 林一鸣="Person", 云帆科技="Company")
    talk.hear(turn, local)
    me = talk.founder(turn, local)
    facts, _ = read_sentence(turn, sorted([*local, me], key=lambda e: e.start))
    assert ("林一鸣", "founderOf", "云帆科技") in {(f.subject, f.predicate, f.object) for f in facts}


def test_a_speech_named_in_a_title_or_by_its_venue_stages_its_speaker():
    from aigraph.extraction.topic import Discourse
    for title in ("云帆科技CEO林一鸣东京演讲：智能体将改变软件", "林一鸣日本峰会主题演讲&对话王强"):
        talk = Discourse()
        local = _ents(title, 云帆科技="Company", 林一鸣="Person", 王强="Person")
        talk.attend(title, local)
        assert talk.orator == "林一鸣", title


def test_one_who_attends_or_hears_anothers_speech_is_not_staged():
    from aigraph.extraction.topic import Discourse
    for text in ("林一鸣在参加完北辰大会的演讲后深受鼓舞。", "稍后你们会听到林一鸣的演讲。", "林一鸣，你们刚才看完主题演讲了吗？",
                 "主持人：大家好，我是北辰集团CEO林一鸣。"):
        talk = Discourse()
        talk.attend(text, _ents(text, 林一鸣="Person"))
        assert talk.orator is None, text


# ---------------------------------------------------------------- 他 after a sentence naming one person

def _he_after(first: str, then: str, **names: str) -> str | None:
    from aigraph.extraction.topic import Discourse
    talk = Discourse()
    talk.meet(first, _ents(first, **names))
    he = talk.he(then, _ents(then, **names))
    return he.name if he else None


_NAMES = dict(李明远="Person", 王可="Person", 星河科技="Company", 云帆生物="Company")


def test_the_one_person_a_sentence_names_is_whom_he_opening_the_next_stands_for():
    then = "他还向云帆生物投资了两千万美元。"
    for first in ("与此同时，随着星河科技开始对外出售服务，李明远开始筹划几个副业。",
                  "如果云帆生物真的做成了（当然很难），李明远希望拿下整个市场。",
                  "后来，我在一次会上遇到了李明远教授。"):
        assert _he_after(first, then, **_NAMES) == "李明远", first


def test_he_stays_unclear_after_two_people_a_turn_a_he_before_the_name_or_a_denied_name():
    then = "他还向云帆生物投资了两千万美元。"
    for first in ("如果星河科技真的做成了，李明远和王可都会受益。",
                  "李明远：我有个朋友在星河科技，人很聪明。",
                  "去年，他和星河科技创始人李明远一起签了一封公开信。",
                  "我认识星河科技的一位高管，不是李明远，是另一位。"):
        assert _he_after(first, then, **_NAMES) is None, first
