"""Funding rounds as event frames: a trigger, the company funded, its investors, and the round's attributes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aigraph.extraction.clauses import CONTEXT, Parse, opener_only
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.words import alt

FUNDERS = frozenset({"Investor", "Company", "Person"})
_THIS_ROUND = alt("funding.this_round")
# after a list of investors: "等机构联合领投", "均参与了本轮融资", "继续跟投"
_LEAD = re.compile(
    rf"\s?(?:等(?:\s?[\d一二三四五六七八九十几多数]+\s?家)?(?:知名|头部|多家)?(?:机构|投资方|投资机构|基金|资本|股东)?)?\s?"
    rf"(?:也|还|均|都|亦|则|再次|持续|分别|共同|联合|一起|同时)?\s?"
    rf"(?:{alt('funding.lead')}(?!人|者|方|机构|组合|回报|价值|逻辑|策略|风格|领域|方向|理念|经验|了一家|于)"
    rf"|参与(?:了)?\s?(?:(?:{_THIS_ROUND})\s?(?:融资|投资)?|(?:[A-H]\+?\s?轮|天使轮|种子轮)?\s?(?:融资|投资)))")
# a company named right after the verb is what the investors put money into ("A投资了B"): another construction
_OBJECT_AFTER = re.compile(r"^\s?(?:了|过|于)?\s?$")
_RECEIVE = re.compile(rf"{alt('funding.receive')}(?:了)?")
_ROUND_AFTER = re.compile(r"[^，,；;。！？]{0,30}?(?:融资|投资|注资|轮|募资|资金|[$€£¥]|美元|人民币|元|欧元|英镑|日元|港元|港币)")
_INVESTOR_NOUN = re.compile(rf"{alt('funding.investor_noun')}\s?(?:{alt('funding.investor_intro')})?\s?[:：]?\s?(?:\*\*)?\s?$")
_INTRO = re.compile(rf"(?:{alt('funding.investor_intro')})\s?[:：]?\s?(?:\*\*)?\s?$|[:：]\s?(?:\*\*)?\s?$")
_RECEIVED_FROM = re.compile(r"\s?(?:的|处|那里)?\s?(?:战略|天使|种子|早期|A轮|数轮|多轮|首轮|新一轮)?\s?(?:投资|注资|融资|支持|资金)")
_FROM = re.compile(r"(?:从|自|获得了?|获|得到了?|拿到了?|收到了?)\s?$")
_ADVISOR = re.compile(rf"\s?(?:担任|作为|任)(?:本轮|独家)?\s?{alt('funding.advisor')}(?!并)")
# a company named as a round's owner: "B的A轮融资", "对B的投资"
_OWNER_OF_ROUND = re.compile(rf"\s?(?:的)\s?(?:{_THIS_ROUND})?\s?(?:[\d.]+\s?[亿万千百]*\s?(?:美元|元|人民币)\s?)?"
                             r"(?:Pre-?)?(?:[A-H]\+?\s?轮|天使轮|种子轮|战略)?\s?(?:融资|投资|注资)")
_BY = re.compile(r"(?<!自)由(?!于)[^，,；;。由]{0,4}$")
_TOWARDS = re.compile(r"(?:向|对|给)\s?$")


@dataclass(frozen=True)
class Round:
    """A funding round one sentence states."""

    investee: int | None
    """Index of the company funded (`CONTEXT` when it is the paragraph's topic), None if unknown."""
    investors: tuple[int, ...]
    """Indexes of the investors, in text order."""
    start: int
    """Where the round's clauses start in the sentence."""
    end: int
    """Where they end."""
    confidence: float
    """How sure the frame is of the pair."""
    rule: str
    """Which shape of sentence stated it."""


def _investor_lists(s: Parse) -> list[tuple[list[int], int, str]]:
    """Lists of investors: (indexes, the offset where the list's statement ends, shape)."""
    ents, out, used = s.ents, [], set()
    for i, e in enumerate(ents):
        if i in used or e.owned is not None or e.type not in FUNDERS:
            continue
        group = [k for k in s.coordinated(i, FUNDERS) if k not in used]
        if not group or group[0] != i:
            continue
        last = ents[group[-1]]
        lead = _LEAD.match(s.text, last.end)
        before = s.before(group[0], 12)
        if lead:
            nxt = next((k for k in range(group[-1] + 1, len(ents)) if ents[k].start >= lead.end()), None)
            if nxt is not None and ents[nxt].type == "Company" and _OBJECT_AFTER.match(s.text[lead.end():ents[nxt].start]):
                continue  # "A投资了B": the investee is named, a pair construction reads it
            if _TOWARDS.search(before):
                continue  # "微软向OpenAI投资": the list is funded, not funding
            used.update(group)
            out.append((group, lead.end(), "by" if _BY.search(before) else "lead"))
        elif _INVESTOR_NOUN.search(before) and (_INTRO.search(before) or re.search(r"的\s?\S{2,5}\s?$", before)):
            group = _extend_list(s, group)
            used.update(group)
            out.append((group, ents[group[-1]].end, "investors-are"))
        elif _FROM.search(s.before(group[0], 6)) and _RECEIVED_FROM.match(s.text, last.end):
            used.update(group)
            out.append((group, _RECEIVED_FROM.match(s.text, last.end).end(), "received-from"))
    return [(g, end, shape) for g, end, shape in out if not any(_ADVISOR.match(s.text, ents[k].end) for k in g[-1:])]


def _extend_list(s: Parse, group: list[int]) -> list[int]:
    """A list of investors after "投资方包括" runs on through 、and ，to the clause's end."""
    out = list(group)
    k = out[-1] + 1
    while k < len(s.ents) and s.ents[k].type in FUNDERS and s.ents[k].clause == s.ents[out[-1]].clause \
            and re.fullmatch(r"\s?(?:、|，|,|和|与|及|以及)\s?(?:\*\*)?", s.between(out[-1], k)):
        out.append(k)
        k += 1
    return out


def _receivers(s: Parse, taken: set[int]) -> list[tuple[int | None, int, int]]:
    """Companies that receive a round: (company or None, trigger start, trigger end)."""
    out = []
    for m in _RECEIVE.finditer(s.text):
        if not _ROUND_AFTER.match(s.text, m.end()) or re.match(r"[^，,；;。]{0,3}(?:回报|收益)", s.text[m.end():]):
            continue
        ci = next(k for k, c in enumerate(s.clauses) if c.start <= m.start() < c.end or k == len(s.clauses) - 1)
        clause = s.clauses[ci]
        company = None
        # the company right before the trigger, or the clause's subject
        for k in range(len(s.ents) - 1, -1, -1):
            e = s.ents[k]
            if e.end > m.start() or e.start < clause.start:
                continue
            if e.type == "Company" and k not in taken and e.owned is None and \
                    re.fullmatch(r"\s?(?:已经?|已于|于?[^，,；;。]{0,12}?|也|还|再次|又|此前|近日|日前|今日|成功|正式|宣布|刚刚|刚|最近|先后)*\s?(?:宣布)?\s?",
                                 s.text[e.end:m.start()]):
                company = k
            break
        subj = clause.subject
        if company is None and subj is not None and subj not in taken and s.ents[subj].type == "Company" \
                and s.ents[subj].end <= m.start():
            company = subj
        if company is None and _opens_clause(s, clause.start, m.start()):
            company = CONTEXT if s.context is not None else None
        out.append((company, m.start(), m.end()))
    return out


def _opens_clause(s: Parse, start: int, at: int) -> bool:
    """Whether nothing but time words and connectives stand between a clause's start and `at`."""
    return opener_only(s.text[start:at])


def _owner_of_round(s: Parse, taken: set[int]) -> int | None:
    """"领投了B的A轮融资", "对B的投资": the company whose round the sentence names."""
    for k, e in enumerate(s.ents):
        if e.type == "Company" and k not in taken and e.owned is None and _OWNER_OF_ROUND.match(s.text, e.end):
            return k
    return None


def rounds(s: Parse) -> list[Round]:
    """The funding rounds a sentence states, each with its investors."""
    lists = _investor_lists(s)
    taken = {k for g, _, _ in lists for k in g}
    events = _receivers(s, taken)
    owner = _owner_of_round(s, taken)
    out: list[Round] = []
    for n, (company, a, b) in enumerate(events):
        nxt = events[n + 1][1] if n + 1 < len(events) else len(s.text)
        start = _clause_start(s, a)
        mine = [(g, end, shape) for g, end, shape in lists
                if start <= s.ents[g[0]].start < nxt or (n == 0 and s.ents[g[0]].start < start)]
        if company is None and owner is not None:
            company = owner
        investors = [k for g, _, _ in mine for k in g if k != company]
        end = max([b] + [e for _, e, _ in mine])
        conf = 0.85 if company != CONTEXT else 0.65
        out.append(Round(company, tuple(investors), start, _clause_end(s, end), conf,
                         "round-" + ("+".join(sorted({shape for _, _, shape in mine})) or "received")))
    if not events and lists:
        companies = [owner] if owner is not None else _subject_companies(s, lists, taken)
        conf = 0.8
        if not companies and s.context is not None and _about_a_round(s, lists):
            companies, conf = [CONTEXT], 0.75
        start = _clause_start(s, min(s.ents[g[0]].start for g, _, _ in lists))
        end = _clause_end(s, max(e for _, e, _ in lists))
        investors = tuple(k for g, _, _ in lists for k in g if k not in companies)
        rule = "round-" + "+".join(sorted({sh for _, _, sh in lists}))
        for company in companies or [None]:
            out.append(Round(company, investors, start, end, conf, rule))
    return out


def _subject_companies(s: Parse, lists, taken: set[int]) -> list[int]:
    """The companies a list of investors funds when no trigger names them: the subject of the list's
    clause and the companies listed with it ("B与C有共同的投资人A"), when named before the list and
    not investors themselves; for "由A投资", also the company the statement describes ("由A投资的B",
    "B，由A领投")."""
    g, end, shape = lists[0]
    first = s.ents[g[0]]
    subj = s.clauses[first.clause].subject
    if subj is not None and subj not in taken and s.ents[subj].type == "Company" and s.ents[subj].start < first.start \
            and not s.ents[subj].relative:
        return [k for k in s.coordinated(subj, frozenset({"Company"})) if k not in taken]
    if shape != "by":
        return []
    described = next((k for k in range(g[-1] + 1, len(s.ents)) if s.ents[k].start >= end), None)
    if described is not None and s.ents[described].type == "Company" \
            and re.fullmatch(r"\s?(?:打造)?的[^，,；;。]{0,16}", s.text[end:s.ents[described].start]):
        return [described]
    before = [k for k in range(g[0]) if s.ents[k].type == "Company" and k not in taken and not s.ents[k].relative
              and s.ents[k].owned is None]
    return before[-1:]


def _about_a_round(s: Parse, lists) -> bool:
    """Whether a sentence without a company speaks of a round (本轮, 该轮融资, 领投), so that the company
    of the paragraph is the one funded."""
    if re.search(rf"(?:{_THIS_ROUND})\s?(?:融资|投资)|(?:[A-H]\+?|天使|种子)\s?轮|领投|跟投|参投", s.text):
        return True
    first = lists[0][0][0]
    return _opens_clause(s, s.clauses[s.ents[first].clause].start, s.ents[first].start) and lists[0][2] == "lead"


def _clause_start(s: Parse, at: int) -> int:
    """Start of the clause holding `at`, moved back over clauses that name no entity (a date before a
    comma belongs to what follows it)."""
    ci = next((k for k, c in enumerate(s.clauses) if c.start <= at < c.end), len(s.clauses) - 1)
    while ci > 0 and not s.clauses[ci - 1].ents and len(s.text[s.clauses[ci - 1].start:s.clauses[ci - 1].end]) <= 24:
        ci -= 1
    return s.clauses[ci].start


def _clause_end(s: Parse, at: int) -> int:
    ci = next((k for k, c in enumerate(s.clauses) if c.start <= max(0, at - 1) < c.end), len(s.clauses) - 1)
    return s.clauses[ci].end


@construction("zh.funding.round")
def funding(s: Parse) -> Found:
    """A round: C完成/获得…融资，由A领投、B跟投 / 投资方包括A和B / A与B领投，C跟投 (the company of the
    paragraph when the sentence does not name it) / C获得A的投资."""
    for r in rounds(s):
        if r.investee is None:
            continue
        for k in r.investors:
            yield Hit("investedIn", k, r.investee, r.confidence, r.rule, span=(r.start, r.end))
