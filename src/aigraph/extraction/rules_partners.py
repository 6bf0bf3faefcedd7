"""Relation constructions between organisations: partnerships and acquisitions."""

from __future__ import annotations

import re

from aigraph.extraction.clauses import Parse, opener_only
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.rules_org import teamed
from aigraph.extraction.words import alt

_PARTNER_AFTER = re.compile(
    # "A与B在芯片领域展开合作": where they work together may come first
    r"^\s?(?:已经?|正式|将|宣布)?\s?(?:在[^，,；;。与和]{1,10}?(?:领域|方面|上)\s?)?(?:(?:达成|签署|建立|展开|开展|深化|宣布达成)(?:了)?[^，,；;。与和]{0,10}?|(?:宣布|进行|启动)?(?:了)?"
    r"[^，,；;。与和]{0,4}?)(?:战略|深度|全面|长期)?(?:合作|伙伴关系|联合(?!创始|创办|主席|首席|CEO)|携手|集成|结盟|共建)"
    # "A与B达成了一项协议": a deal struck between the two (one to buy, or to settle a dispute, is none)
    rf"|^\s?(?:已经?|正式|将|最终|终于|也|都|还)?\s?(?:达成|签署|签订|签下)(?:了)?\s?(?:一项|一份|一个|多项)?\s?"
    rf"(?:(?!{alt('partner.not_a_deal')})[^，,；;。与和]){{0,6}}?(?:协议|合约)"
)
# "A与B等独立软件供应商合作", "与B和C等AI初创公司以及全球公司合作": the kind of partner the list
# stands for, described at length before the verb
_SUCH_AS_PARTNER = re.compile(r"\s?等\s?[^，,；;。！？]{0,24}?(?:展开|开展|进行|达成|建立)?(?:了)?(?:深度|战略|全面|长期)?(?:合作|携手)")
_JOINT_INVESTING = re.compile(rf"^\s?(?:等)?\s?(?:已经?|正式|将|宣布|也|还)?\s?(?:联合|共同|一起|携手|合作)?\s?"
                              rf"{alt('partner.joint_investing', 'partner.joint_winning')}(?!成立|设立|创立|打造|组建)")
_JOINT = re.compile(r"^\s?(?:已经?|将|正|也)?(?:共同|联合|携手|一起|合作|讨论|签署|合资|联手|共建|合力)")
_PARTNER_CUE = re.compile(r"合作|协议|合约|联合|携手|联手|牵手|集成|结盟|共建|伙伴|共同|一起|讨论|签署|合资|合力|团队|研究|实验室|科学家")
_INVESTING_CUE = re.compile(alt("partner.joint_investing", "partner.joint_winning"))
_HANDS = re.compile(r"^\s?(?:携手|联手|牵手|联合)\s?$")
_JOINT_VENTURE = re.compile(r"^\s?(?:等)?(?:联合|共同)(?:出资|成立|打造|创立)")
_IS = re.compile(r"^\s?是\s?$")
_PARTIES = frozenset({"Company", "Investor"})
_PARTNER_WORD = re.compile(r"^[^，,；;。]{0,16}?合作伙伴")
_PARTNER_NOUN = re.compile(r"^\s?是[^，,；;。]{0,16}?合作伙伴")
# when a partnership holds or starts: "A正在与B合作", "A最近与B展开合作", "A最终选择与B合作" (a wish or
# a plan, 希望/计划与B合作, is not one)
_WHEN_WITH = r"(?:已经?|正在|正|将|也|还|并|则|便|分别|先后|陆续|现在|目前|最近|近日|近期|一直|曾经?|早已|今天|今年|最终|开始|选择|宣布|即将|再次|首次|率先)"
# a description before B: "与备受瞩目的开发商B", "与生物技术公司B"
_PARTNER_KIND = r"(?:[^，,；;。与和]{0,8}?(?:公司|巨头|企业|机构|厂商|实验室|大学|集团|平台|开发商|制造商|提供商|服务商|供应商|运营商|研究院|研究所))?"
# "A与B合作", "A分别与生物技术公司B和…", "A公司最近与B展开合作"
_WITH = re.compile(rf"^\s?(?:公司|集团)?\s?{_WHEN_WITH}*\s?(?:与|和|同|跟)\s?{_PARTNER_KIND}\s?$")
# "A分别与B和C合作": B is A's partner, not C's
_WITH_OBJECT = re.compile(rf"(?:与|和|同|跟)\s?{_PARTNER_KIND}\s?$")
_WITH_BEFORE = re.compile(rf"(?:^|[，,；;\s]|以及|并且|并|还|也|同时){_WHEN_WITH}*\s?(?:与|和|同|跟)\s?{_PARTNER_KIND}\s?$")


@construction("zh.org.partners", version=2)
def partners(s: Parse) -> Found:
    """A与B合作 / A和B共同… / A是B的合作伙伴 / A携手B / 联合出资的A、B."""
    ents = s.ents
    heads = [i for i, e in enumerate(ents) if e.type == "Company" and e.owned is None and not _aliased(s, i)]
    if len(heads) < 2 or not _PARTNER_CUE.search(s.text):
        return
    investing = set() if not _INVESTING_CUE.search(s.text) else {
        b for b in heads if _JOINT_INVESTING.match(s.after(s.coordinated(b)[-1], 12))
        or _JOINT_INVESTING.match(s.after(s.coordinated(b, _PARTIES)[-1], 12)) or _JOINT_INVESTING.match(s.after(b, 16))}
    for a in heads:
        if _with_object(s, a):
            continue  # "X与A和B合作", "与A、B一起成为…": A and B are X's partners, not each other's
        for b in heads:
            if b <= a or b in investing:
                continue  # "A与B联合领投", "A和B一起中标": co-investors or co-winners, not partners
            gap = s.text[_end(s, a):ents[b].start]
            listed = s.coordinated(b)
            if _WITH.match(gap) and not _WITH_OBJECT.search(s.text[:s.chain_start(s.coordinated(a)[0])]) and (
                    _cooperate_after(s, b) or b == listed[0] and _cooperate_after(s, listed[-1])):
                for k in (listed if b == listed[0] and a not in listed else [b]):
                    yield Hit("partnerOf", a, k, 0.8, "with-cooperate")
            elif _HANDS.match(gap):
                yield Hit("partnerOf", a, b, 0.75, "join-hands")
            elif b in s.coordinated(a) and _JOINT.match(s.after(s.coordinated(a)[-1], 8)):
                yield Hit("partnerOf", a, b, 0.7, "joint-subjects")
            elif b in s.coordinated(a, _PARTIES) and _JOINT_VENTURE.match(s.after(s.coordinated(a, _PARTIES)[-1], 8)):
                yield Hit("partnerOf", a, b, 0.65, "joint-venture")  # "A、B与C资本联合出资打造": C may be an investor
            if _PARTNER_NOUN.match(s.text[ents[a].end:ents[b].start]) or (
                    _IS.match(s.text[ents[a].end:s.chain_start(b)]) and _PARTNER_WORD.match(s.after(b, 20))):
                yield Hit("partnerOf", a, b, 0.8, "is-partner")
    # "北方大学王强团队和南方大学研究人员…": organisations joined through their people
    for a in heads:
        for b in teamed(s, a):
            yield Hit("partnerOf", a, b, 0.7, "teams")
    # "…，现在已经与ServiceTitan集成": the clause's subject works with B
    for b in heads:
        subj = s.clauses[ents[b].clause].subject
        if subj is None or subj == b or ents[subj].type != "Company" or ents[subj].start > ents[b].start:
            continue
        prev = next((k for k in range(b - 1, -1, -1) if ents[k].owned is None and not _aliased(s, k)), None)
        if prev is not None and prev != subj and ents[prev].clause == ents[b].clause \
                and _WITH.match(s.text[_end(s, prev):ents[b].start]):
            continue  # "…（X正是A和B合作开发的）": B works with A, not with the subject
        if _WITH_BEFORE.search(s.text[s.clauses[ents[b].clause].start:s.chain_start(b)]) \
                and (_PARTNER_AFTER.match(s.text[_end(s, b):_end(s, b) + 16]) or _SUCH_AS_PARTNER.match(s.text, _end(s, b))):
            yield Hit("partnerOf", subj, b, 0.75, "subject-with-cooperate")


_WITH_AT = re.compile(r"(?:与|同|跟)")
# a stretch of list items: separators, Latin names and names the lexicon lacks that end in an organisation noun
_LISTED = re.compile(r"(?:[\s、,，和及]|以及|等|[A-Za-z0-9&.\-]+|[\u4e00-\u9fff]{0,6}(?:集团|公司|科技|银行|大学|研究所|研究院))*")


def _with_object(s: Parse, a: int) -> bool:
    """Whether a company is an object of 与 in its clause, reached over a list of names ("X与A、B和C合作")."""
    c = s.clauses[s.ents[a].clause]
    head = s.text[c.start:s.chain_start(a)]
    at = [m.end() for m in _WITH_AT.finditer(head)]
    if not at:
        return False
    stretch = list(head[at[-1]:])
    for e in s.ents:  # the names of the list stand for nothing but list items
        for k in range(max(e.start - c.start - at[-1], 0), max(min(e.end - c.start - at[-1], len(stretch)), 0)):
            stretch[k] = " "
    rest = "".join(stretch)
    return bool(re.fullmatch(rf"\s?{_PARTNER_KIND}\s?", rest) or _LISTED.fullmatch(rest))


# "通过与A、B等巨头的深度合作，Z…": the means names the partners, the subject after it works with them
_BY_MEANS = re.compile(r"(?:通过|借助|凭借|依托|基于)\s?与\s?$")
_MEANS_END = re.compile(r"\s?(?:等[^，,；;。]{0,8}?)?的\s?[^，,；;。的]{0,6}?合作(?:伙伴)?(?:关系)?\s?[，,]")
# "与A的合作伙伴关系使Z…", "与A的合作为Z带来…"
_WITH_OPENS = re.compile(r"与\s?$")
_TIE_MAKES = re.compile(r"\s?的\s?[^，,；;。的]{0,6}?合作(?:伙伴)?(?:关系)?\s?(?:使|让|为|帮助|促使)(?:得)?\s?")
# "X及其合作伙伴（如A、B）", "X的合作伙伴包括A、B"
_PARTNERS_ARE = re.compile(r"\s?(?:的|及其|和它的|和其)\s?(?:[^，,；;。的]{0,4}?)合作伙伴\s?(?:[（(]|[，,：:])?\s?(?:如|包括|例如|比如|有)\s?[:：]?\s?")


@construction("zh.org.partnership-named")
def partnership_named(s: Parse) -> Found:
    """通过与A的合作，Z… / 与A的合作伙伴关系使Z… / X及其合作伙伴（如A、B）: a partnership named as a
    noun, its parties on either side of it."""
    ents = s.ents
    if "合作" not in s.text:
        return
    heads = [i for i, e in enumerate(ents) if e.type == "Company" and e.owned is None and not _aliased(s, i)]
    for a in heads:
        listed = [k for k in s.coordinated(a) if k in heads]
        if not listed or a != listed[0]:
            continue
        clause = s.clauses[ents[a].clause]
        opening = s.text[clause.start:s.chain_start(a)]
        tail = _end(s, listed[-1])
        means = _BY_MEANS.search(opening)
        if means and opener_only(opening[:means.start()]) and _MEANS_END.match(s.text, tail):
            end = _MEANS_END.match(s.text, tail).end()
            z = next((k for k in range(len(ents)) if ents[k].start >= end and not ents[k].relative), None)
            if z is not None and z in heads and z not in listed \
                    and opener_only(s.text[s.clauses[ents[z].clause].start:ents[z].start]) \
                    and not any(e.type in ("Person", "Company", "Investor") for e in ents if end <= e.start < ents[z].start):
                for k in listed:
                    yield Hit("partnerOf", z, k, 0.75, "by-means-of-partnership")
        with_opens = _WITH_OPENS.search(opening)
        if with_opens and opener_only(opening[:with_opens.start()]):
            makes = _TIE_MAKES.match(s.text, tail)
            z = next((k for k in heads if ents[k].start >= tail), None)
            if makes and z is not None and ents[z].start == makes.end():
                for k in listed:
                    yield Hit("partnerOf", z, k, 0.75, "partnership-makes")
    for x in heads:
        named = _PARTNERS_ARE.match(s.text, _end(s, x))
        nxt = next((k for k in heads if k > x), None)
        if named and nxt is not None and ents[nxt].start == named.end():
            for k in s.coordinated(nxt):
                if k in heads and k != x:
                    yield Hit("partnerOf", x, k, 0.75, "partners-are")


# a noun that names what kind of organisation the next name is ("芯片厂商B", "Hinton的公司B")
_ORG_NOUN = r"(?:公司|厂商|供应商|制造商|提供商|服务商|开发商|实验室|企业|集团|初创公司|创业公司|独角兽)"
# "A以7亿美元收购了B", "A去年十月以690亿美元收购了B", "A投资并收购了B", "A收购了芯片厂商B"
_ACQUIRE = re.compile(r"^\s?(?!.*(?:放弃|取消|拒绝|否认|失败|未能|没有|不|想|希望|试图|争夺|竞购|要|可能|考虑|有意|打算|洽谈|谈判))"
                      r"(?:[^，,；;。]{0,10}?)?(?:以[^，,；;。]{0,16})?(?:投资并|入股并)?(?:收购|并购|买下|吞并)(?:了)?\s?"
                      rf"(?:(?:一家|这家|该)?名为|(?!.*(?:以及|和|与|及))[^，,；;。、（）()]{{0,24}}?{_ORG_NOUN}\s?(?:之一)?)?\s?$")
# "A收购了B的晶圆厂": a part of B; "从A那里收购了B": A sold it
_PART_OF = re.compile(rf"^\s?的\s?(?:[\d.]+\s?(?:mm|%|％)?\s?)?(?:{alt('acquire.part')})")
_FROM_SELLER = re.compile(r"(?:从|自)\s?$")
_ACQUIRE_CUE = re.compile(r"收购|并购|买下|吞并")
_TOWARDS_ACQ = re.compile(r"^\s?(?:完成|宣布)?(?:了)?对\s?$")
_ACQUISITION_OF = re.compile(r"^\s?(?:的)?(?:收购|并购)")
_ACQUIRED_VERB = re.compile(r"^\s?(?:以[^，,；;。]{0,16})?(?:全资|正式)?(?:收购|并购)")
_RUMOUR = re.compile(r"传言|传闻|谣言|据传|谈论|猜测|或将|有望|拟议")
_WHEN = r"(?:最终|随后|后来|之后|后|已经?|早已|先后|现在|现已|也|(?:于|在)?\s?\d{4}\s?年|\d{1,2}\s?年后)"
_ACQUIRED_BY = re.compile(rf"^\s?{_WHEN}*\s?(?:被|遭)\s?$")
# "B（后被A收购）", "…创立了B，4年后被A收购": an aside or the next clause says B was bought
_ASIDE_BY = re.compile(rf"\s?[（(]\s?{_WHEN}*\s?(?:被|遭)\s?$")
_CLAUSE_BY = re.compile(rf"\s?[，,]\s?{_WHEN}*\s?(?:被|遭)\s?$")


@construction("zh.org.acquisitions", version=3)
def acquisitions(s: Parse) -> Found:
    """A收购B / B被A收购 / A完成对B的收购 / B（后被A收购） (a rumour or a talk about one is not one)."""
    ents = s.ents
    if not _ACQUIRE_CUE.search(s.text) or _RUMOUR.search(s.text):
        return
    heads = [i for i, e in enumerate(ents) if e.type in ("Company", "Investor") and e.owned is None and not _aliased(s, i)]
    for a in heads:
        for b in heads:
            if b <= a:
                continue
            gap = s.text[_end(s, a):ents[b].start]
            after_b = s.text[_end(s, b):_end(s, b) + 20]
            if _ACQUIRE.match(gap):
                if not _PART_OF.match(after_b) and not _FROM_SELLER.search(s.before(a, 2)):
                    yield Hit("acquired", a, b, 0.85, "a-acquires-b")
            elif _TOWARDS_ACQ.match(gap) and _ACQUISITION_OF.match(after_b):
                yield Hit("acquired", a, b, 0.85, "acquisition-of")
            elif _ACQUIRED_BY.match(gap) and _ACQUIRED_VERB.match(after_b):
                yield Hit("acquired", b, a, 0.85, "b-acquired-by-a")
            elif b == next(k for k in heads if k > a) and (_ASIDE_BY.fullmatch(gap) or _CLAUSE_BY.fullmatch(gap)) \
                    and _ACQUIRED_VERB.match(after_b):
                yield Hit("acquired", b, a, 0.8, "b-then-acquired-by-a")


def _cooperate_after(s: Parse, i: int) -> bool:
    """Whether the verb of working together follows the last item of a list ("与A、B合作", "与A和B等
    服务提供商合作")."""
    end = _end(s, i)
    return bool(_PARTNER_AFTER.match(s.text[end:end + 16]) or _SUCH_AS_PARTNER.match(s.text, end))


def _aliased(s: Parse, i: int) -> bool:
    """Whether an entity is the bracketed alias of the one before ("联发科（MediaTek）"): one name, not two."""
    return i > 0 and s.ents[i].name == s.ents[i - 1].name and bool(re.fullmatch(r"\s?[（(]\s?", s.between(i - 1, i))) \
        and bool(re.match(r"\s?[）)]", s.after(i, 3)))


def _end(s: Parse, i: int) -> int:
    """Where an entity ends, past its bracketed alias."""
    if i + 1 < len(s.ents) and _aliased(s, i + 1):
        m = re.match(r"\s?[）)]", s.after(i + 1, 3))
        return s.ents[i + 1].end + (m.end() if m else 0)
    return s.ents[i].end
