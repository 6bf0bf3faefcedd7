"""Acquisitions told as sales ("A卖给了B", "将A出售给B") and as a later clause of a sentence about the
company bought ("A曾…，而后被B收购", "…创办了A，这家公司后来被B收购")."""

from __future__ import annotations

import re

from aigraph.extraction.clauses import CONTEXT, Parse
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.words import alt

_SOLD = alt("acquire.sold")
_NOT_SOLD = re.compile(alt("acquire.not_sold", "modal.negation"))
_PART = re.compile(alt("acquire.part"))
# a description of the buyer between the verb and its name ("卖给了芯片巨头B")
_BUYER_NOUN = r"(?:[^，,；;。、（）()]{0,10}?(?:公司|巨头|厂商|集团|企业|平台))?"
# "A是卖给了B", "A最终卖给了B", "A于2014年卖给B", "将A以4亿美元卖给B": what may stand between seller and verb
_SELLER_TO_BUYER = re.compile(r"\s?(?:是|已|已经|最终|最后|先|后来|随后|之后|于[^，,；;。]{0,10}?|在[^，,；;。]{0,10}?|以[^，,；;。]{0,16}?)*"
                              rf"\s?{_SOLD}(?:了)?\s?{_BUYER_NOUN}\s?$")
# "将公司卖给了B", "把该公司以4亿美元出售给B": the company the paragraph is about
_OWN_SOLD = re.compile(rf"(?:将|把)\s?(?:该公司|这家公司|公司)\s?(?:以[^，,；;。]{{0,16}}?)?{_SOLD}(?:了)?\s?{_BUYER_NOUN}\s?$")
_WHEN = r"(?:而|并|但|最终|随后|后来|之后|不久|后|已经?|也|又|(?:于|在)?\s?\d{4}\s?年|\d{1,2}\s?年后|[一二三四五六七八九十两]\s?年后)"
# a clause that opens on the passive, its subject left out: "…，而后被B收购"
_LATER_BY = re.compile(rf"[\s，,]*(?:{_WHEN}\s?)*(?:被|遭)\s?$")
# "…创办了A，这家公司后来被B收购": a clause that points back to the company just named
_THIS_BY = re.compile(rf"[\s，,]*(?:这家|这个|该|此)[^，,；;。被]{{0,12}}?(?:{_WHEN}\s?)*(?:被|遭)\s?$")
_BOUGHT = re.compile(r"\s?(?:以[^，,；;。]{0,16})?(?:全资|正式)?(?:收购|并购|买下)")
_ORGS = ("Company", "Investor")


def _heads(s: Parse) -> list[int]:
    return [i for i, e in enumerate(s.ents) if e.type in _ORGS and e.owned is None]


@construction("zh.org.sold-to")
def sold_to(s: Parse) -> Found:
    """A卖给了B / 将A以4亿美元出售给芯片巨头B / 将公司卖给了B: B acquired A (not a part of A, not an offer)."""
    if not re.search(_SOLD, s.text):
        return
    ents, heads = s.ents, _heads(s)
    for b in heads:
        if ents[b].relative:
            continue
        clause = s.clauses[ents[b].clause]
        before = [a for a in heads if a < b and ents[a].clause == ents[b].clause]
        if before:
            a = before[-1]
            gap = s.text[ents[a].end:ents[b].start]
            if _SELLER_TO_BUYER.fullmatch(gap) and not _PART.search(gap) \
                    and not _NOT_SOLD.search(s.text, clause.start, ents[b].start):
                yield Hit("acquired", b, a, 0.8, "a-sold-to-b")
            continue
        own = _OWN_SOLD.search(s.text, clause.start, ents[b].start)
        if own and own.end() == ents[b].start and s.context is not None \
                and not _NOT_SOLD.search(s.text, clause.start, ents[b].start):
            yield Hit("acquired", b, CONTEXT, 0.8, "own-company-sold-to-b")


# "A是一家…公司，并于2017年以9.5亿日元出售给B": a clause that opens on the sale, its seller left out
_LATER_SOLD = re.compile(rf"[\s，,]*(?:{_WHEN}\s?)*(?:以[^，,；;。]{{0,16}}?)?{_SOLD}(?:了)?\s?{_BUYER_NOUN}\s?$")
# "A…，并收购了B", "A…，2006年收购了芯片公司B": a clause that opens on the purchase, its buyer left out
_LATER_BUYS = re.compile(rf"[\s，,]*(?:(?:并|还|又|也|随后|之后|此后|后来|最终|同时|(?:于|在)?\s?\d{{4}}\s?年)\s?)*"
                         rf"(?:以[^，,；;。]{{0,16}}?)?(?:收购|并购|买下)(?:了)?\s?{_BUYER_NOUN}\s?$")
_FOUNDING = re.compile(r"创立|创办|创建|创始人|创办人|创办者|创建者")


def _founded_before(s: Parse, ci: int) -> int | None:
    """The company the clause before founds ("P创办了一家名为A的公司", "A的创办者之一"), when its subject
    is a person or none: the last company it names."""
    prev = s.clauses[ci - 1]
    subj = s.clauses[ci].previous
    if subj is not None and s.ents[subj].type != "Person":
        return None
    orgs = [k for k in range(len(s.ents)) if s.ents[k].clause == ci - 1 and s.ents[k].type == "Company"]
    if not orgs or not _FOUNDING.search(s.text, prev.start, prev.end):
        return None
    return orgs[-1]


def _seller(s: Parse, ci: int, b: int) -> int | None:
    """What the clause `ci`, which leaves out its subject, says was sold or bought: the company the
    sentence is about (its carried subject), else the one the clause before founds."""
    a = s.clauses[ci].subject
    if a == b:
        a = s.clauses[ci].previous
    if a is not None and a != b and s.ents[a].type == "Company" and s.ents[a].clause < ci:
        return a
    k = _founded_before(s, ci)
    return k if k is not None and k != b else None


@construction("zh.org.later-acquired")
def later_acquired(s: Parse) -> Found:
    """A曾被视为…，而后被B收购 / …创办了A，这家公司后来被B收购 / P是A的创办者之一，后来被B收购 /
    P创办了A，并于2017年出售给B: B acquired the company the clause before spoke of."""
    ents = s.ents
    for b in _heads(s):
        e = ents[b]
        if e.clause == 0:
            continue
        c = s.clauses[e.clause]
        if any(ents[k].start < e.start and ents[k].clause == e.clause for k in range(len(ents))):
            continue  # something named before the buyer in its clause: not a clause that leaves out its subject
        if _NOT_SOLD.search(s.text, c.start, e.start):
            continue
        if _BOUGHT.match(s.text, e.end) and _LATER_BY.fullmatch(s.text, c.start, e.start):
            a = _seller(s, e.clause, b)
            if a is not None:
                yield Hit("acquired", b, a, 0.8, "later-clause-acquired")
        elif _BOUGHT.match(s.text, e.end) and _THIS_BY.fullmatch(s.text, c.start, e.start):
            prev = [k for k in range(b) if ents[k].clause == e.clause - 1]
            if prev and ents[prev[-1]].type == "Company":
                yield Hit("acquired", b, prev[-1], 0.8, "this-company-acquired")
        elif _LATER_SOLD.fullmatch(s.text, c.start, e.start):
            a = _seller(s, e.clause, b)
            if a is not None:
                yield Hit("acquired", b, a, 0.8, "later-clause-sold")
        elif e.type == "Company" and _LATER_BUYS.fullmatch(s.text, c.start, e.start) and not _PART_AFTER.match(s.text, e.end):
            a = c.previous if c.subject == b else c.subject  # "收购了网络公司B": B, after its description, taken for the subject
            if a is not None and a != b and ents[a].type in _ORGS and ents[a].clause < e.clause:
                yield Hit("acquired", a, b, 0.8, "later-clause-buys")


_PART_AFTER = re.compile(rf"\s?(?:的|旗下的?)\s?[^，,；;。]{{0,12}}?{alt('acquire.part')}")
