"""Relation constructions about organisations: who made what, who funded or incubated whom."""

from __future__ import annotations

import re

from aigraph.extraction.clauses import Parse
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.words import alt

MADE = ("Model", "Product", "Chip")
ORGS = ("Company",)
_DEV_VERB = alt("develop.verb")
# "X推出的Y", "X于2024年6月开源的Y", "X在GDC上发布的Y", "X最近推出的Y"
_DEV_REL = re.compile(rf"^\s?(?:[于在][^，,；;。的]{{1,16}}?)?(?:{alt('develop.adverb')})*{_DEV_VERB}(?:了)?的")
# "…发布了多个新版本，包括A、B和C"
_INCLUDING = re.compile(rf"^\s?(?:{alt('develop.including')})\s?[:：]?\s?$")
_DEV_IN_CLAUSE = re.compile(_DEV_VERB)
_COMPARE_BEFORE = re.compile(r"(?:对标|比肩|类似于?|超越|超过|媲美|替代|取代|挑战|不同于|相比)\s?[^，,；;。]{0,6}$")
_COUNTED = re.compile(r"[\d万千百]\s?(?:张|块|颗|个|台|片|枚)\s?$")  # "1.6万张A100": chips counted, not made
_COMPARE_AFTER = re.compile(r"^\s?(?:的)?(?:能力|性能|水平|效果)?\s?(?:相当|相似|类似|一样|同等|相近|不相上下|持平|看齐)")
_BY = re.compile(r"由\s?$")
_THING_IS = re.compile(r"\s?[”\"」]?\s?(?:模型|大模型|系列|产品|芯片)?\s?(?:则|也|就|正)?是\s?")
_ORG_MADE = re.compile(rf"\s?(?:[于在][^，,；;。的]{{1,14}}?)?(?:{alt('develop.adverb')})*(?:{_DEV_VERB}|取得|推出)(?:了)?的")
_BY_AFTER = re.compile(rf"^\s?(?:等)?(?:联合|共同|自主)?{_DEV_VERB}")
_OWN_PRODUCT = re.compile(r"(?:(?:其|旗下|自家|自研)(?:的)?(?:核心|旗舰|主打|明星|主要|最新)?|(?:核心|旗舰|主打|明星))(?:的)?"
                          r"(?:产品|模型|大模型|芯片|平台|应用|工具)\s?[“\"]?\s?$")
_DESCRIBED = re.compile(r"^\s?(?:的)?(?:全新|最新|新一代|旗下|首款|新款)?[^，,；;。、“”]{0,12}?"
                        r"(?:大模型|模型|产品|芯片|平台|工具|应用|助手|系统|聊天机器人|机器人|服务|框架)\s?[“\"]?\s?$")


def teamed(s: Parse, subj: int) -> list[int]:
    """Organisations working with the subject, joined through their teams ("北方大学王强团队和南方大学研究人员")."""
    out = []
    for b, e in enumerate(s.ents):
        if b > subj and e.type == "Company" and e.owned is None and _TEAMS.fullmatch(s.between(subj, b)):
            out.append(b)
    return out


# "A王强团队和B研究人员" (not "A首席科学家、B教授", a list of one person's posts, nor "A的团队、B的团队", rivals listed)
_TEAMS = re.compile(r"[^，,；;。、]{0,6}?(?:团队|研究人员|研究团队|研究者|科学家|实验室)\s?(?:和|与|及)\s?")


@construction("zh.org.developed")
def developed(s: Parse) -> Found:
    """X的Y / X推出的…Y / X发布了Y / Y由X开发 / 其核心产品Y."""
    ents = s.ents
    for i, e in enumerate(ents):
        # possessive: "OpenAI的o1", "Google Gemini 1.5 Pro", "英伟达CUDA"
        if e.owned is not None and e.type in ORGS and ents[e.owned].type in MADE:
            yield Hit("developedBy", e.owned, i, 0.85, "possessive")
        if e.type not in ORGS:
            continue
        # "X推出的全新语音模型，Y" / "X开发的、对标…的平台Y"
        if _DEV_REL.match(s.after(i, 12)):
            for j in range(i + 1, len(ents)):
                t = ents[j]
                if t.type in ORGS and t.owned is None:
                    break
                if t.type not in MADE or t.owned is not None:
                    continue
                gap = s.text[e.end:t.start]
                if _COMPARE_BEFORE.search(s.text[e.end:_chain_start(s, j)]):
                    continue
                if len(gap) <= 40 and not re.search(r"[；;。]", gap) and gap.count("，") + gap.count(",") <= 1:
                    yield Hit("developedBy", j, i, 0.85, "org-verb-de-thing")
                break
    # the clause subject publishes what follows the verb
    for ci, c in enumerate(s.clauses):
        subj = c.subject
        if subj is None or ents[subj].type not in ORGS:
            continue
        body = s.text[c.start:c.end]
        for m in _DEV_IN_CLAUSE.finditer(body):
            verb_at = c.start + m.start()
            if verb_at < ents[subj].end and ents[subj].clause == ci:
                continue
            stopped = False
            for j in c.ents:
                t = ents[j]
                if t.start < verb_at + len(m.group()) or t.owner is not None and t.owner != subj:
                    continue
                if t.type in ORGS and t.owned is None:
                    stopped = True
                    break
                if t.relative and not re.match(r"\s?(?:之前|之后|以前|以后|以来)", s.after(j, 4)):
                    continue  # "X发布的Y" describes Y; "在X发布Y之前" still says X made Y
                if t.type in MADE and not _COMPARE_BEFORE.search(s.text[verb_at:_chain_start(s, j)]) \
                        and not _COMPARE_AFTER.match(s.after(j, 10)) and not _COUNTED.search(s.before(j, 4)):
                    for org in [subj] + teamed(s, subj):
                        yield Hit("developedBy", j, org, 0.75, "subject-verb-thing")
                        for k in s.coordinated(j):
                            if k != j and ents[k].type in MADE:
                                yield Hit("developedBy", k, org, 0.7, "subject-verb-list")
                    break
            if not stopped and ci + 1 < len(s.clauses):
                yield from _including(s, ci + 1, subj)
            break
        # "其核心产品 Glean Assistant"
        for j in c.ents:
            if ents[j].type in MADE and _OWN_PRODUCT.search(s.text[c.start:ents[j].start]):
                yield Hit("developedBy", j, subj, 0.7, "own-product")
    # "…，其中FlashRev被评为最佳产品": one of the previous subject's things
    for c in s.clauses:
        prev = c.previous
        if prev is None or ents[prev].type not in ORGS:
            continue
        for j in c.ents:
            if ents[j].type in MADE and re.match(r"^\s*其中\s?(?:的)?\s?$", s.text[c.start:_chain_start(s, j)]):
                yield Hit("developedBy", j, prev, 0.65, "one-of-its")
    # "OpenAI多模态AI大模型GPT-4o", "谷歌的聊天机器人Bard": a company, a description, its thing
    for i, e in enumerate(ents):
        if e.type not in ORGS or e.owned is not None or e.relative:
            continue
        for j in range(i + 1, len(ents)):
            t = ents[j]
            if t.type == "Trend":
                continue
            if t.type in MADE and t.owner is None and _DESCRIBED.match(s.text[e.end:t.start]):
                yield Hit("developedBy", j, i, 0.75, "org-described-thing")
            break
    # "Y模型是X在代码生成方面取得的一大进展", "Y是X最新推出的模型"
    for j, t in enumerate(ents):
        if t.type not in MADE or t.owner is not None:
            continue
        for i in range(j + 1, min(j + 2, len(ents))):
            if ents[i].type in ORGS and ents[i].owned is None and _THING_IS.fullmatch(s.text, t.end, ents[i].start) \
                    and _ORG_MADE.match(s.text, ents[i].end):
                yield Hit("developedBy", j, i, 0.75, "thing-is-orgs")
    # "Y由X开发" / "由X推出的Y"
    for i, e in enumerate(ents):
        if e.type in ORGS and _BY.search(s.before(i, 2)) and _BY_AFTER.match(s.after(i, 8)):
            for j, t in enumerate(ents):
                if t.type in MADE and t.owner is None and abs(j - i) <= 2:
                    yield Hit("developedBy", j, i, 0.8, "thing-by-org")


def _including(s: Parse, ci: int, org: int) -> Found:
    """"X发布了多个新版本，包括A、B和C": the list that opens the next clause names what was made."""
    c = s.clauses[ci]
    first = next((j for j in c.ents if s.ents[j].owner is None), None)
    if first is None or s.ents[first].type not in MADE or not _INCLUDING.match(s.text[c.start:s.ents[first].start]) \
            or re.match(r"\s?的", s.after(first, 2)):
        return  # "如GPT-4的可解释性版本": an example of something else
    for k in s.coordinated(first, frozenset(MADE)):
        yield Hit("developedBy", k, org, 0.7, "subject-verb-including")


def _chain_start(s: Parse, j: int) -> int:
    k = j
    while s.ents[k].owner is not None:
        k = s.ents[k].owner
    return s.ents[k].start


_FUNDERS = frozenset({"Investor", "Company", "Person"})
_MONEY_CUE = re.compile(r"投|资|股|押注|重注|孵化|加速")
_INVESTED_THE = re.compile(r"^\s?(?:早期|天使|战略|种子|独家)?(?:投资|投)(?:了|的)\s?$")
_TOWARDS = re.compile(r"(?:向|对|给)\s?(?:[^，,；;。]{0,8}?(?:公司|企业|初创公司|初创企业|巨头|实验室|独角兽))?\s?$")
# "A对B进行了战略投资": the verb may come with 进行 and the kind of investment
_INVEST_VERB = re.compile(r"^\s?(?:累计|先后|已经?|再次|又|共|总共)*\s?(?:进行了?\s?(?:战略|天使|早期|种子轮?|股权)?\s?)?"
                          r"(?:投资|注资|投入|出资|追加投资)")


@construction("zh.org.invested")
def invested(s: Parse) -> Found:
    """A早期投资的B / A投资了B's sibling shapes / A向B投资 (rounds with their lists are events.funding)."""
    ents = s.ents
    if not _MONEY_CUE.search(s.text):
        return
    for i, e in enumerate(ents):
        if e.type not in _FUNDERS or e.owned is not None:
            continue
        # "UpHonest Capital早期投资的Cosine"
        for j in range(i + 1, min(i + 3, len(ents))):
            if ents[j].type == "Company" and _INVESTED_THE.match(s.between(i, j)):
                yield Hit("investedIn", i, j, 0.8, "invested-the")
    # "微软累计已向OpenAI投资约130亿美元": the clause's subject invests in what follows 向
    for j, t in enumerate(ents):
        if t.type != "Company" or not _TOWARDS.search(s.before(j, 12)):
            continue
        targets = s.coordinated(j, frozenset({"Company"}))
        if j != targets[0] or not _INVEST_VERB.match(s.after(targets[-1], 12)):
            continue
        subj = s.clauses[t.clause].subject
        if subj is not None and subj not in targets and ents[subj].type in _FUNDERS and ents[subj].start < t.start:
            for k in targets:
                yield Hit("investedIn", subj, k, 0.8, "invests-towards")


_INCUBATED = re.compile(r"^\s?(?:已经?|也|还|曾|先后)*(?:所|早期|联合|共同)?(?:孵化|加速)(?:出)?(?:了|的|过)\s?(?:[^，,；;。]{0,10}?(?:公司|企业|项目|初创公司|团队))?\s?$")
_INCUBATED_BY = re.compile(r"^\s?(?:由|被|获)\s?$")


@construction("zh.org.incubated", version=2)
def incubated(s: Parse) -> Found:
    """A孵化的B / A孵化了B / B由A孵化: an incubator that invests (YC, 奇绩创坛) in a company it
    incubated; never a maker of it."""
    ents = s.ents
    if not _MONEY_CUE.search(s.text):
        return
    for i, e in enumerate(ents):
        if e.type != "Investor":
            continue
        if i + 1 < len(ents) and ents[i + 1].type == "Company" and _INCUBATED.match(s.between(i, i + 1)):
            for k in s.coordinated(i + 1, frozenset({"Company"})):
                yield Hit("investedIn", i, k, 0.75, "incubated")
        if i > 0 and ents[i - 1].type == "Company" and _INCUBATED_BY.match(s.between(i - 1, i)) \
                and re.match(r"\s?(?:等)?(?:孵化|加速)", s.after(i, 6)):
            yield Hit("investedIn", i, i - 1, 0.75, "incubated-by")


_INVESTED_IN = re.compile(rf"^\s?(?:也|还|曾|已|此前|先后|再次|又|早期|早年|率先|宣布|[\u4e00-\u9fff]{{1,3}}地|在\d{{4}}\s?年)*(?:联合|共同|独家)?"
                          rf"(?:领投|参投|跟投|投资于|投资|注资|{alt('funding.stake')}|战略投资|天使投资|押注|重注|主导|领导|牵头|参与)(?:了|过)?\s?"
                          rf"(?:包括)?\s?$")
# "主导B", "参与B" say an investment only with B's round after it ("主导Shopify A轮投资", "参与了B的新一轮融资")
_LEAD_ONLY = re.compile(r"^.*(?:主导|领导|牵头|参与)(?:了)?\s?$")
_ROUND_OF = re.compile(rf"\s?(?:的)?\s?(?:{alt('funding.this_round')})?\s?(?:(?:Pre-?\s?)?[A-H]\s?\+{{0,2}}\s?轮|天使\s?\+?\s?轮|种子\s?\+?\s?轮)?"
                       r"\s?(?:投资|融资)(?!人|者|方|机构|顾问|谈判|决策|计划|会议)")
# "A投资了许多公司，包括B、C等"
_INVESTED_MANY = re.compile(r"^\s?(?:也|还|曾|已|先后|陆续)*(?:投资|投)(?:了|过)\s?(?:众多|许多|大量|多家|一批|一系列|不少|诸多)[^，,；;。]{0,10}?"
                            r"(?:公司|企业|巨头|初创公司|项目)\s?[，,：:]\s?(?:包括|如|例如|比如)\s?[:：]?\s?$")
# "我们…，并且投资了很多模型公司，包括B、C": a clause of investing in many, its list in the next clause
_CLAUSE_INVESTS_MANY = re.compile(r"^\s?(?:并且?|而且|还|也|同时|此外)*\s?(?:在早期|早期|早年|也|还|曾|已|先后|陆续)*\s?(?:投资|投)(?:了|过)\s?"
                                  r"(?:众多|许多|很多|大量|多家|一批|一系列|不少|诸多)[^，,；;。]{0,10}?(?:公司|企业|巨头|初创公司|项目)\s?[，,：:]?\s?$")
_LIST_OPENS = re.compile(r"^\s?(?:包括|如|例如|比如)\s?[:：]?\s?$")
_AND_INVESTED_IN = re.compile(r"^\s?(?:的[^，,；;。]{0,12}?(?:融资|投资))?[，,]?\s?(?:并|并且|还|也|同时)(?:也|还)?"
                              r"(?:领投|参投|跟投|投资|注资|入股)(?:了)?\s?$")


# "A是一家风投公司，…，早期就投资过B、C", "P是知名的天使投资人，曾投资了B": a clause that opens on the
# investing, its subject carried over
_CLAUSE_INVESTS = re.compile(r"^\s?(?:[^，,；;。]{0,10}?)(?:也|还|曾|已|就|先后|陆续)*(?:投资于|投资过|投资了|领投了|参投了)\s?(?:包括)?\s?$")


@construction("zh.org.invested-in", version=2)
def invested_in(s: Parse) -> Found:
    """A领投了B的新一轮融资，并参投了C和D / A投资了B / A投资了众多公司，包括B、C."""
    ents = s.ents
    if not _MONEY_CUE.search(s.text):
        return
    for i, e in enumerate(ents):
        if e.type in _FUNDERS and e.owned is None:
            nxt = next((j for j in range(i + 1, len(ents)) if ents[j].type == "Company"), None)
            if nxt is not None and _INVESTED_MANY.match(s.text[e.end:_chain_start(s, nxt)]):
                for t in s.coordinated(nxt, frozenset({"Company"})):
                    yield Hit("investedIn", i, t, 0.75, "invested-in-many")
    for c, nxt_clause in zip(s.clauses, s.clauses[1:]):
        subj = c.subject
        first = nxt_clause.ents[0] if nxt_clause.ents else None
        if subj is None or ents[subj].type not in _FUNDERS or first is None or ents[first].type != "Company" \
                or not _CLAUSE_INVESTS_MANY.match(s.text[c.start:c.end]) \
                or not _LIST_OPENS.match(s.text[nxt_clause.start:_chain_start(s, first)]):
            continue
        if ents[subj].type == "Person" and any(e.type == "Investor" for e in ents if e.clause == ents[subj].clause):
            continue
        for t in s.coordinated(first, frozenset({"Company"})):
            yield Hit("investedIn", subj, t, 0.75, "subject-invested-in-many")
    for c in s.clauses:
        subj = c.subject
        # an investor, or a person described as one ("P是知名的天使投资人，曾投资了B、C")
        if subj is None or ents[subj].type not in ("Investor", "Person"):
            continue
        if ents[subj].type == "Person" and any(e.type == "Investor" for e in ents if e.clause == ents[subj].clause):
            continue  # "P是X资本的合伙人，投资了B": the firm's money, not the partner's own
        first = c.ents[0] if c.ents else None
        if first is not None and ents[subj].clause != ents[first].clause and ents[first].type == "Company" \
                and _CLAUSE_INVESTS.match(s.text[c.start:_chain_start(s, first)]):
            for t in s.coordinated(first, frozenset({"Company"})):
                yield Hit("investedIn", subj, t, 0.75, "subject-invested-in")
    for i, e in enumerate(ents):
        if e.type not in _FUNDERS or e.owned is not None:
            continue
        for j in range(i + 1, min(i + 2, len(ents))):
            if ents[j].type == "Company" and _INVESTED_IN.match(s.between(i, j)):
                funders = s.coordinated(i, _FUNDERS)
                targets = s.coordinated(j, frozenset({"Company"}))
                last = targets[-1]
                if not _ROUND_OF.match(s.after(last, 12)) and _LEAD_ONLY.match(s.between(i, j)):
                    continue  # "A主导了B的发展方向": leading is no investment without a round
                for t in targets:
                    for k in funders:
                        yield Hit("investedIn", k, t, 0.8, "a-invested-in-b")
                for n in range(last + 1, len(ents)):
                    if ents[n].type == "Company" and _AND_INVESTED_IN.match(s.text[ents[last].end:ents[n].start]):
                        for t in s.coordinated(n, frozenset({"Company"})):
                            for k in funders:
                                yield Hit("investedIn", k, t, 0.75, "a-also-invested-in-c")
                    break
