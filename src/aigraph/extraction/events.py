"""Funding rounds as event frames: a trigger, the company funded, its investors, and the round's clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aigraph.extraction.attributes import money
from aigraph.extraction.clauses import CONTEXT, Parse, opener_only
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.words import alt

FUNDERS = frozenset({"Investor", "Company", "Person"})
_CUE = re.compile(r"投|融资|注资|出资|资金|资助|股东|募|筹|轮|提供")
"""A sentence without any of these states no round (a quick test before the frame's work)."""
_THIS_ROUND = alt("funding.this_round")
_ROUND_WORD = r"(?:Pre-?\s?)?(?:[A-H]\s?\+{0,2}\s?轮|天使\s?\+?\s?轮|种子\s?\+?\s?轮|Pre-?IPO\s?轮?|战略)"
_MONEY_WORD = r"(?:[\d.,]+|[数几一二两三四五六七八九十百千]+)\s?(?:[亿万千百]+)?\s?(?:美元|元|人民币|欧元|英镑|日元|港元|港币|美金)"
# after a list of investors: "等机构联合领投", "均参与了本轮融资", "继续跟投", "共同领导了…的A轮融资",
# "担任财务顾问并跟投" (the advisor who also invests)
_LEAD = re.compile(
    rf"\s?(?:等(?:\s?[\d一二三四五六七八九十几多数]+\s?家)?(?:知名|头部|多家)?(?:机构|投资方|投资机构|基金|资本|(?:老|新|现有|原有)?股东)?)?\s?"
    rf"(?:担任(?:本轮)?\s?(?:独家)?\s?{alt('funding.advisor')}并)?(?:也|还|均|都|亦|则|再次|持续|继续|分别|共同|联合|一起|同时|已|曾)?\s?"
    rf"(?:{alt('funding.lead')}(?!人|者|方|机构|组合|回报|价值|逻辑|策略|风格|领域|方向|理念|经验|了一家|于)"
    rf"|(?:领导|主导|牵头)(?:了)?(?=[^，,；;。]{{0,40}}?(?:融资|{_ROUND_WORD}))"
    rf"|参与(?:了)?\s?(?:(?:{_THIS_ROUND})\s?(?:融资|投资)?|{_ROUND_WORD}?\s?(?:融资|投资)))")
# a company named right after the verb is what the investors put money into ("A投资了B"): another construction
_OBJECT_AFTER = re.compile(r"\s?(?:了|过|于|的)?\s?")
_RECEIVE = re.compile(rf"{alt('funding.receive')}(?:了)?")
_ROUND_AFTER = re.compile(r"[^，,；;。！？]{0,44}?(?:融资|投资|注资|轮|募资|资金|[$€£¥]|美元|人民币|元|欧元|英镑|日元|港元|港币)")
_INVESTOR_NOUN = re.compile(rf"{alt('funding.investor_noun')}\s?(?:{alt('funding.investor_intro')})?\s?(?:[:：]|——|—)?\s?(?:\*\*)?\s?$")
_INTRO = re.compile(rf"(?:{alt('funding.investor_intro')})\s?(?:[:：]|——|—)?\s?(?:\*\*)?\s?$|(?:[:：]|——|—)\s?(?:\*\*)?\s?$")
# "X的（主要）投资方包括A", "X的投资方——A": the company the noun belongs to is the one funded
_NOUN_OF = re.compile(rf"\s?的\s?(?:(?:{alt('stake.rank')})\s?(?:的)?\s?)*{alt('funding.investor_noun')}\s?(?:{alt('funding.investor_intro')})?"
                      r"\s?(?:[:：]|——|—)?\s?(?:\*\*)?\s?$")
# "该公司获得了投资，包括来自A、B", "引入了很多新的投资者，包括A、B": the round's parties listed after it
_GOT_INCLUDING = re.compile(rf"(?:(?:{alt('funding.receive')})(?:了)?[^，,；;。]{{0,20}}?(?:投资|融资|注资)(?!人|者|方|机构|回报)"
                            rf"|(?:{alt('funding.bring_in')})(?:了)?[^，,；;。]{{0,12}}?(?:投资者|投资人|投资方|股东))\s?[，,]\s?"
                            r"(?:其中)?\s?(?:包括|包含)(?:了)?\s?(?:来自)?\s?$")
# "获得A、B等机构共计数千万美元投资", "从A那里获得了融资"
_RECEIVED_FROM = re.compile(r"\s?(?:等[^，,；;。]{0,8}?)?(?:的|处|那里|那儿)?[^，,；;。]{0,16}?(?:投资|注资|融资|资金)(?!人|者|方|机构|回报)")
# "从A、B那里筹集了26亿美元", "从A那里获得了融资"
_RAISED_FROM = re.compile(rf"\s?(?:等[^，,；;。]{{0,8}}?|在内的[^，,；;。]{{0,20}}?)?(?:那里|处|那儿)?\s?(?:共|一共|总共|先后|再次|又)?\s?(?:获得|筹集|筹得|募集|拿到|融得|融资|获)"
                          rf"(?:了|到了?)?\s?(?:(?:约|近|超过?|逾)?\s?{_MONEY_WORD}|(?:新一轮|[A-H]\+?\s?轮|天使轮|种子轮)?\s?(?:融资|投资|注资)(?![人者方机构的]|回报))")
_FROM = re.compile(r"(?:从|自|从包括|获得了?|获|得到了?|拿到了?|收到了?|接受了?)\s?$")
_GOT = re.compile(r"(?:获得了?|获|得到了?|拿到了?|收到了?|接受了?)\s?(?:来自)?\s?$")
_ADVISOR = re.compile(rf"\s?(?:担任|作为|任)(?:本轮|独家)?\s?{alt('funding.advisor')}(?!并)")
# a company named as a round's owner: "B的A轮融资", "对B的投资"
# ("谷歌的20亿美元投资" is Google's money: a bare 投资 after 的 names the investor, not the company)
_OWNER_OF_ROUND = re.compile(rf"\s?(?:的)\s?(?:{_THIS_ROUND})?\s?(?:{_MONEY_WORD}\s?(?:的)?)?(?:{_ROUND_WORD}\s?(?:融资|投资|注资)|融资)")
# "马斯克在特斯拉的A轮融资中投资了630万美元": the investor, then the round he put money into
_IN_ROUND = re.compile(r"\s?(?:也|还|曾|已)?\s?(?:在|于)\s?$")
_IN_ROUND_VERB = re.compile(rf"\s?(?:中|里|当中)\s?(?:也|还|曾|共|一共|总共)?\s?(?:{alt('funding.lead')})")
# "软银已为OpenAI 66亿美元的融资轮提供了5亿美元支持"
_BACKS = re.compile(rf"[^，,；;。]{{0,24}}?提供(?:了)?\s?(?:约|近|超过?)?\s?{_MONEY_WORD}\s?(?:的)?\s?(?:资金|投资|融资)?\s?(?:支持)?")
# "Bold也是投资方之一", "A是B的早期投资人"
_IS_INVESTOR = re.compile(rf"\s?(?:也|同样|还|亦|都|均)?\s?(?:是|为)\s?(?:其|公司)?\s?(?:的)?\s?(?:早期|首位|第一位|最大的|主要|重要|领投|天使|战略)?\s?(?:的)?\s?"
                          rf"(?:{alt('funding.investor_noun')})\s?(?:之一)?(?![\u4e00-\u9fff])")
# "A是B的早期投资人"
_INVESTOR_OF = re.compile(rf"\s?的\s?(?:共同|领投|{alt('stake.rank')})?\s?(?:{alt('funding.investor_noun')})\s?(?:之一)?"
                          r"(?![\u4e00-\u9fff])")
_BY = re.compile(r"(?<!自)由(?!于)[^，,；;。由]{0,4}$")
_TOWARDS = re.compile(r"(?:向|对|给|为)\s?(?:[^，,；;。]{0,8}?(?:公司|企业|初创公司|初创企业|巨头|实验室|独角兽))?\s?$")
_NOT_RECEIVED = re.compile(r"[^，,；;。]{0,3}(?:回报|收益|认可|支持)")
_ROUND_NOUN = re.compile(r"(?:了)?\s?(?:金额|额|总额|总金额|规模|轮次|情况|历程|消息|进展|方面)")
# "他们最近筹集了6300万美元": a pronoun for the company that raises
_PRONOUN = re.compile(r"^\s?(?:他们|它们|它)")
_ROUND_TALK = re.compile(rf"(?:{_THIS_ROUND})\s?(?:融资|投资)|{_ROUND_WORD}|第\s?[一二三四五六七八九十\d]+\s?轮|领投|跟投|参投|认购"
                         rf"|{alt('funding.returning')}")
_THIS_ROUND_END = re.compile(rf"(?:{_THIS_ROUND})\s?$")
# a list a noun introduces as a company's backers ("投资方为A", "股东包括A"), not people who invest in general
_BACKERS = re.compile(r"投资方|投资机构|股东|融资")
# a line of a company's fact sheet ("主要投资方：A、B"): it names no company, and says none is meant
_FACT_SHEET = re.compile(r"^\W{0,4}(?:主要)?(?:投资方|投资人|投资机构|融资状态|领域)\s?(?:\*\*)?\s?[:：]")
# what may stand between a clause's opening and a trigger whose company the sentence leaves out
_ADVERBS = re.compile(r"(?:已经?|也|还|又|再次|先后|此前|随后|目前|近日|日前|今日|今天|最近|刚刚|刚|成功|正式|并|累计|陆续|顺利)+\s?$")


@dataclass(frozen=True)
class Round:
    """A funding round one sentence states."""

    investee: int | None
    """Index of the company funded (`CONTEXT` when it is the paragraph's topic), None if unknown."""
    investors: tuple[int, ...]
    """Indexes of the investors, in text order."""
    stake: int | None
    """Where the investors' own share is stated, when they are named with it (else the round's amount
    is read from its clauses)."""
    start: int
    """Where the round's clauses start in the sentence."""
    end: int
    """Where they end."""
    confidence: float
    """How sure the frame is of the pair."""
    rule: str
    """Which shape of sentence stated it."""


@dataclass(frozen=True)
class Investors:
    """A list of investors of one round."""

    members: tuple[int, ...]
    """Indexes of the investors."""
    end: int
    """Where the statement of the list ends."""
    shape: str
    """How the sentence states it: `lead` (A领投), `by` (由A领投), `investors-are` (投资方包括A),
    `received-from` (获得A的投资), `in-round` (A在B的A轮中投资), `backs` (A为B提供…支持),
    `is-investor` (A也是投资方之一)."""
    investee: int | None = None
    """The company the list's own statement names ("在B的A轮融资中", "为B提供"), if any."""
    stake: int | None = None
    """Where the list's own share of the round is stated ("提供了5亿美元支持"), if it names one."""


def _shape(s: Parse, group: list[int]) -> Investors | None:
    """How a list of entities is stated as the investors of a round, if it is."""
    ents, text = s.ents, s.text
    last = ents[group[-1]]
    before = s.before(group[0], 12)
    lead = _LEAD.match(text, last.end)
    if lead:
        nxt = next((k for k in range(group[-1] + 1, len(ents)) if ents[k].start >= lead.end()), None)
        if nxt is not None and ents[nxt].type == "Company" and _OBJECT_AFTER.fullmatch(text, lead.end(), ents[nxt].start):
            return None  # "A投资了B": the investee is named, a pair construction reads it
        if _TOWARDS.search(before):
            return None  # "微软向OpenAI投资": the list is funded, not funding
        return Investors(tuple(group), lead.end(), "by" if _BY.search(before) else "lead")
    if _INVESTOR_NOUN.search(before) and (_INTRO.search(before) or re.search(r"的\s?\S{2,5}\s?$", before)):
        group = _extend_list(s, group)
        return Investors(tuple(group), ents[group[-1]].end, "investors-are", _noun_owner(s, group[0]))
    if _GOT_INCLUDING.search(s.before(group[0], 30)):
        group = _extend_list(s, group)
        return Investors(tuple(group), ents[group[-1]].end, "investors-are")
    if _FROM.search(s.before(group[0], 6)):
        # "获得A的投资"; "从A那里筹集了26亿美元" (从 alone says no more than where: "从A的投资版图…")
        m = _RECEIVED_FROM.match(text, last.end) if _GOT.search(s.before(group[0], 6)) else None
        m = m or _RAISED_FROM.match(text, last.end)
        if m:
            # "获得来自X大学王强的投资": X is where the investor works; the one named inside gives the money
            inside = [k for k in range(group[-1] + 1, len(ents)) if last.end <= ents[k].start < m.end()]
            if inside and all(ents[k].type in FUNDERS for k in inside):
                if re.search(r"(?:、|和|与|及|以及|,|，)\s?$", text[last.end:ents[inside[0]].start]):
                    return Investors(tuple(group + inside), m.end(), "received-from")  # the list goes on
                return Investors(tuple(inside[-1:]), m.end(), "received-from")
            return Investors(*_more_received(s, list(group), m.end()), "received-from")
    nxt = group[-1] + 1
    if nxt < len(ents) and ents[nxt].type == "Company" and ents[nxt].owned is None:
        found = _anchored(s, nxt)
        if found and re.fullmatch(r"\s?(?:已经?|曾|也|还|先后|累计)*\s?", text[last.end:found[2]]):
            return Investors(tuple(group), found[1], found[0], nxt, found[3])
    m = _IS_INVESTOR.match(text, last.end)
    if m:
        return Investors(tuple(group), m.end(), "is-investor")
    return None


def _noun_owner(s: Parse, first: int) -> int | None:
    """The company an investor noun before a list belongs to ("X的主要投资方包括A"), if one is named
    right before 的."""
    m = _NOUN_OF.search(s.text, 0, s.ents[first].start)
    if m is None:
        return None
    k = next((k for k in range(first - 1, -1, -1) if s.ents[k].end <= m.start()), None)
    if k is None or s.ents[k].type != "Company" or s.ents[k].owned is not None or s.text[s.ents[k].end:m.start()].strip():
        return None
    return k


def _more_received(s: Parse, group: list[int], end: int) -> tuple[tuple[int, ...], int]:
    """"接受了A的40亿美元投资和B的20亿美元投资": each investor named with its own share, after 和 or 、."""
    while True:
        k = next((k for k in range(group[-1] + 1, len(s.ents)) if s.ents[k].start >= end), None)
        if k is None or s.ents[k].type not in FUNDERS or s.ents[k].anaphor \
                or not re.fullmatch(r"\s?(?:和|与|、|及|以及|,|，)\s?", s.text[end:s.ents[k].start]):
            return tuple(group), end
        m = _RECEIVED_FROM.match(s.text, s.ents[k].end)
        if not m or not m.group().lstrip().startswith("的"):
            return tuple(group), end
        group, end = group + [k], m.end()


def _anchored(s: Parse, c: int) -> tuple[str, int, int, int] | None:
    """A company named inside an investor's statement: "在C的A轮融资中投资", "为C的融资提供5亿美元支持"
    (shape, where the statement ends, where it starts before the company, where the investor's own
    share is stated)."""
    text, e = s.text, s.ents[c]
    before = re.search(r"(?:在|于|为|向|是)\s?$", text[max(0, e.start - 2):e.start])
    if not before:
        return None
    at = e.start - len(before.group())
    if before.group().strip() == "是":
        m = _INVESTOR_OF.match(text, s.ents[s.coordinated(c, frozenset({"Company"}))[-1]].end)
        return ("is-investor", m.end(), at, m.end()) if m else None
    if before.group().strip() in ("在", "于"):
        owner = _OWNER_OF_ROUND.match(text, e.end)
        verb = _IN_ROUND_VERB.match(text, owner.end()) if owner else None
        return ("in-round", verb.end(), at, verb.end()) if verb else None
    backs = _BACKS.match(text, e.end)
    if backs and re.search(r"融资|轮|投资|资金|支持", backs.group()):
        return "backs", backs.end(), at, text.index("提供", e.end)
    return None


def _subject_investments(s: Parse, used: set[int]) -> list[Investors]:
    """"软银目前…，已为OpenAI的融资提供了5亿美元支持": the clause's subject backs the company named."""
    out = []
    for c, e in enumerate(s.ents):
        if e.type != "Company" or e.owned is not None or c in used:
            continue
        found = _anchored(s, c)
        if not found:
            continue
        subj = s.clauses[e.clause].subject
        if subj is None or subj == c or subj in used or s.ents[subj].type not in FUNDERS or s.ents[subj].start > e.start:
            continue
        out.append(Investors((subj,), found[1], found[0], c, found[3]))
    return out


def _investor_lists(s: Parse) -> list[Investors]:
    """The lists of investors a sentence states, in text order."""
    out: list[Investors] = []
    used: set[int] = set()
    for i, e in enumerate(s.ents):
        if i in used or e.owned is not None or e.type not in FUNDERS or e.anaphor:
            continue
        group = [k for k in s.coordinated(i, FUNDERS) if k not in used and not s.ents[k].anaphor]
        if not group or group[0] != i:
            continue
        found = _shape(s, group)
        if found is None or _ADVISOR.match(s.text, s.ents[found.members[-1]].end):
            continue
        used.update(found.members)
        out.append(found)
    out += _subject_investments(s, used | {g.investee for g in out if g.investee is not None})
    return sorted(out, key=lambda g: s.ents[g.members[0]].start)


def _extend_list(s: Parse, group: list[int]) -> list[int]:
    """A list of investors after "投资方包括" runs on through 、and ，to the clause's end (an aside in
    brackets after a name, "（A轮领投）", is skipped); "亚马逊创始人贝索斯" in it is the person."""
    out = [_holder(s, k) for k in group]
    k = out[-1] + 1
    while k < len(s.ents) and s.ents[k].type in FUNDERS \
            and re.fullmatch(r"\s?(?:[（(][^（()）]{0,16}[）)])?\s?(?:、|，|,|和|与|及|以及)\s?(?:\*\*)?", s.between(out[-1], k)):
        out.append(_holder(s, k))
        k = out[-1] + 1
    return out


def _holder(s: Parse, k: int) -> int:
    """The person a company's title introduces right after it ("亚马逊创始人贝索斯"): the one who invests,
    the company being only where they work."""
    if s.ents[k].type == "Company" and k + 1 < len(s.ents) and s.ents[k + 1].type == "Person" \
            and _FIRM_TITLE.fullmatch(s.text, s.ents[k].end, s.ents[k + 1].start) and s.between(k, k + 1).strip():
        return k + 1
    return k


def _receivers(s: Parse, taken: set[int]) -> list[tuple[int | None, int, int]]:
    """Companies that receive a round: (company or None, trigger start, trigger end)."""
    out = []
    for m in _RECEIVE.finditer(s.text):
        if not _ROUND_AFTER.match(s.text, m.end()) or _NOT_RECEIVED.match(s.text, m.end()) \
                or m.group().startswith("融资") and _ROUND_NOUN.match(s.text, m.end()):
            continue  # "获得回报", "融资金额8亿美元" (a noun, not a second round)
        ci = next((k for k, c in enumerate(s.clauses) if c.start <= m.start() < c.end), len(s.clauses) - 1)
        clause = s.clauses[ci]
        company = None
        # the company right before the trigger, or the clause's subject
        for k in range(len(s.ents) - 1, -1, -1):
            e = s.ents[k]
            if e.end > m.start() or e.start < clause.start:
                continue
            if e.type == "Company" and k not in taken and e.owned is None and not e.relative and \
                    re.fullmatch(r"\s?(?:已经?|已于|于?[^，,；;。]{0,12}?|也|还|再次|又|此前|近日|日前|今日|成功|正式|宣布|刚刚|刚|最近|先后)*\s?"
                                 r"(?:宣布)?\s?", s.text[e.end:m.start()]):
                company = k
            break
        subj = clause.subject
        if company is None and subj is not None and subj not in taken and s.ents[subj].type == "Company" \
                and s.ents[subj].end <= m.start():
            company = subj
        named = any(clause.start <= e.start < m.start() and not e.anaphor for e in s.ents)
        if company is None and s.context is not None and subj is None and not named \
                and _opens(_PRONOUN.sub("", s.text[clause.start:m.start()], count=1)) and not _FACT_SHEET.match(s.text):
            company = CONTEXT  # "2021年5月，获得A的天使轮投资": the paragraph's company
        out.append((company, m.start(), m.end()))
    return out


def _opens(text: str) -> bool:
    """Whether nothing but time words, connectives and adverbs stand before a trigger in its clause
    (or the round's own determiner: "本次融资由A投资")."""
    return opener_only(_ADVERBS.sub("", _THIS_ROUND_END.sub("", text)))


def _owner_of_round(s: Parse, taken: set[int]) -> int | None:
    """"领投了B的A轮融资", "对B的投资": the company whose round the sentence names."""
    for k, e in enumerate(s.ents):
        if e.type == "Company" and k not in taken and e.owned is None and _OWNER_OF_ROUND.match(s.text, e.end):
            return k
    return None


def rounds(s: Parse) -> list[Round]:
    """The funding rounds a sentence states, each with its investors."""
    if not _CUE.search(s.text):
        return []
    lists = _investor_lists(s)
    taken = {k for g in lists for k in g.members}
    events = _receivers(s, taken)
    # "C完成B轮融资，融资8亿美元": a trigger that names no other company restates the round before it
    events = [ev for n, ev in enumerate(events) if n == 0 or ev[0] not in (None, events[n - 1][0])
              or any(events[n - 1][2] <= s.ents[g.members[0]].start < ev[1] for g in lists)]
    owner = _owner_of_round(s, taken)
    out: list[Round] = []
    for n, (company, a, b) in enumerate(events):
        nxt = events[n + 1][1] if n + 1 < len(events) else len(s.text)
        start = _clause_start(s, a)
        mine = [g for g in lists if start <= s.ents[g.members[0]].start < nxt or (n == 0 and s.ents[g.members[0]].start < start)]
        if company is None and owner is not None:
            company = owner
        end = max([b] + [g.end for g in mine])
        conf = 0.85 if company != CONTEXT else 0.75
        out.extend(_split(s, mine, company, start, _clause_end(s, end), conf,
                          "round-" + ("+".join(sorted({g.shape for g in mine})) or "received")))
    if not events and lists:
        companies = [owner] if owner is not None else _subject_companies(s, lists, taken)
        conf = 0.8
        first = s.ents[lists[0].members[0]]
        named = any(e.type in ("Company", "Product", "Model") and not e.anaphor and e.clause == first.clause
                    and e.start < first.start for e in s.ents)
        if not companies and not named and s.context is not None and _about_a_round(s, lists):
            companies, conf = [CONTEXT], 0.75
        start = _clause_start(s, min(s.ents[g.members[0]].start for g in lists))
        end = _clause_end(s, max(g.end for g in lists))
        rule = "round-" + "+".join(sorted({g.shape for g in lists}))
        for company in companies or [None]:
            out.extend(_split(s, lists, company, start, end, conf, rule))
    return out


def _split(s: Parse, lists: list[Investors], company: int | None, start: int, end: int, conf: float,
           rule: str) -> list[Round]:
    """Rounds of the lists: each list that names its own company funds that one."""
    out = []
    shared = tuple(k for g in lists if g.investee is None for k in g.members if k != company)
    if shared or not lists:
        out.append(Round(company, shared, None, start, end, conf, rule))
    for g in lists:
        if g.investee is None:
            continue
        # "A是B和C的共同股东": each company of the list
        funded = s.coordinated(g.investee, frozenset({"Company"})) if g.shape == "is-investor" else [g.investee]
        for c in funded:
            out.append(Round(c, tuple(k for k in g.members if k != c), g.stake, start, end, 0.8, f"round-{g.shape}"))
    return out


def _subject_companies(s: Parse, lists: list[Investors], taken: set[int]) -> list[int]:
    """The companies a list of investors funds when no trigger names them: the subject of the list's
    clause and the companies listed with it ("B与C有共同的投资人A"), when named before the list and
    not investors themselves; for "由A投资", also the company the statement describes ("由A投资的B",
    "B，由A领投")."""
    g = lists[0]
    first = s.ents[g.members[0]]
    subj = s.clauses[first.clause].subject
    if subj is not None and subj not in taken and s.ents[subj].type == "Company" and s.ents[subj].start < first.start \
            and not s.ents[subj].relative:
        return [k for k in s.coordinated(subj, frozenset({"Company"})) if k not in taken]
    if g.shape != "by":
        return []
    described = next((k for k in range(g.members[-1] + 1, len(s.ents)) if s.ents[k].start >= g.end), None)
    if described is not None and s.ents[described].type == "Company" \
            and re.fullmatch(r"\s?(?:打造)?的[^，,；;。]{0,16}", s.text[g.end:s.ents[described].start]):
        return [described]
    before = [k for k in range(g.members[0]) if s.ents[k].type == "Company" and k not in taken and not s.ents[k].relative
              and s.ents[k].owned is None]
    return before[-1:]


def _about_a_round(s: Parse, lists: list[Investors]) -> bool:
    """Whether a sentence without a company speaks of a round (本轮, 该轮融资, 领投, 投资方之一), so that
    the company of the paragraph is the one funded; a fact sheet's line (主要投资方：A) says nothing."""
    if _FACT_SHEET.match(s.text) or all(g.investee is not None for g in lists):
        return False
    return bool(_ROUND_TALK.search(s.text)
                or any(g.shape in ("is-investor", "received-from") for g in lists)
                or any(g.shape == "investors-are" for g in lists) and _BACKERS.search(s.text))


def _clause_start(s: Parse, at: int) -> int:
    """Start of the clause holding `at`, moved back over short clauses that name no entity (a date
    before a comma belongs to what follows it)."""
    ci = next((k for k, c in enumerate(s.clauses) if c.start <= at < c.end), len(s.clauses) - 1)
    while ci > 0 and not s.clauses[ci - 1].ents and s.clauses[ci - 1].end - s.clauses[ci - 1].start <= 24:
        ci -= 1
    return s.clauses[ci].start


def _clause_end(s: Parse, at: int) -> int:
    ci = next((k for k, c in enumerate(s.clauses) if c.start <= max(0, at - 1) < c.end), len(s.clauses) - 1)
    return s.clauses[ci].end


@construction("zh.funding.round")
def funding(s: Parse) -> Found:
    """A round: C完成/获得…融资，由A领投、B跟投 / 投资方包括A和B / A与B领投，C跟投 (the company of the
    paragraph when the sentence does not name it) / C获得A的投资 / A在C的A轮融资中投资 / A为C提供…支持."""
    for r in rounds(s):
        if r.investee is None:
            continue
        share = money(s.text, r.stake, r.end)[0] if r.stake is not None else None
        for k in r.investors:
            own = _OWN_SHARE.match(s.text, s.ents[k].end)
            amount = money(s.text, own.start(), own.end())[0] if own else share
            firm = firm_of(s, k)
            if firm is not None:
                if firm in r.investors:
                    continue
                k = firm
            yield Hit("investedIn", k, r.investee, r.confidence, r.rule, span=(r.start, r.end), amount=amount)


# "亚马逊的40亿美元投资": the investor's own share, named with it
_OWN_SHARE = re.compile(rf"\s?的\s?(?:约|近|超过?|逾)?\s?{_MONEY_WORD}\s?(?:的)?\s?(?:战略)?(?:投资|注资)")


# a firm's title before a person's name
# ("红杉资本合伙人P"), or the firm's own person ("某资本的P领投"): the person acts for the firm
_FIRM_TITLE = re.compile(r"[)）]?\s?(?:的?\s?" + alt("people.head", "people.other", "people.founder") + r"|的)\s?")


def firm_of(s: Parse, k: int) -> int | None:
    """The investing firm a person named as an investor acts for, when its title stands right before them
    ("红杉资本合伙人P领投", "某资本的P领投"): the firm's money, not the partner's own."""
    if k == 0 or s.ents[k].type != "Person":
        return None
    firm = s.ents[k - 1]
    if firm.type == "Investor" and _FIRM_TITLE.fullmatch(s.text, firm.end, s.ents[k].start):
        return k - 1
    return None
