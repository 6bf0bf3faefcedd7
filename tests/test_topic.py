"""The paragraph's company from sentence to sentence, on invented sentences whose entities are given."""

from __future__ import annotations

import re

from aigraph.extraction import clauses
from aigraph.extraction.clauses import Ent
from aigraph.extraction.topic import next_topic, opening


def _ents(text: str, **names: str) -> list[Ent]:
    return sorted((Ent(m.start(), m.end(), t, n) for n, t in names.items() for m in re.finditer(re.escape(n), text)),
                  key=lambda e: e.start)


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
