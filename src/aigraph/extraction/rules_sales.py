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


@construction("zh.org.later-acquired")
def later_acquired(s: Parse) -> Found:
    """A曾被视为…，而后被B收购 / …创办了A，这家公司后来被B收购: B acquired the company the clause before spoke of."""
    ents = s.ents
    for b in _heads(s):
        e = ents[b]
        if e.clause == 0 or not _BOUGHT.match(s.text, e.end):
            continue
        c = s.clauses[e.clause]
        if any(ents[k].start < e.start and ents[k].clause == e.clause for k in range(len(ents))):
            continue  # something named before the buyer in its clause: not a clause that leaves out its subject
        if _LATER_BY.fullmatch(s.text, c.start, e.start):
            a = c.subject
            if a is not None and a != b and ents[a].type == "Company" and ents[a].clause < e.clause:
                yield Hit("acquired", b, a, 0.8, "later-clause-acquired")
        elif _THIS_BY.fullmatch(s.text, c.start, e.start):
            prev = [k for k in range(b) if ents[k].clause == e.clause - 1]
            if prev and ents[prev[-1]].type == "Company":
                yield Hit("acquired", b, prev[-1], 0.8, "this-company-acquired")
