"""Investors named through the companies they back: X的天使投资人Y, 作为X的早期投资者，Y, A的投资组合包括B、C."""

from __future__ import annotations

import re

from aigraph.extraction.clauses import Parse
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.words import alt

_FUNDERS = frozenset({"Investor", "Company", "Person"})
_COMPANY = frozenset({"Company"})
_CUE = re.compile(rf"{alt('stake.noun')}|{alt('stake.portfolio')}")
_RANK = rf"(?:{alt('stake.rank')})"
_NOUN = rf"(?:{alt('stake.noun')})"
# "X的天使投资人Y", "X早期投资者Y", "X的投资方——Y": the noun stands between the company and its investor
# the round the investor came in at may stand before the noun ("X的Pre-A轮投资人Y", "X种子轮投资人Y")
_ROUND = r"(?:(?:Pre-?\s?)?[A-H]\s?\+{0,2}|天使\s?\+?|种子\s?\+?|Pre-?IPO\s?)\s?轮"
_TITLE = re.compile(rf"\s?(?:的)?\s?(?:{_RANK}\s?)*(?:{_ROUND}\s?)?{_NOUN}\s?(?:——|—|--|：|:)?\s?")
# "作为X和Y等公司的早期投资者之一，Z…": the role the clause gives the subject that follows it
_ROLE = re.compile(rf"\s?(?:等[^，,；;。]{{0,10}}?)?\s?的\s?(?:{_RANK}\s?)*{_NOUN}\s?(?:之一)?\s?(?:[，,]|$)")
_AS = re.compile(r"作为[^。；;！？!?]{0,40}$")
_AS_AFTER = re.compile(r"\s?[，,]\s?作为\s?$")
# "A（目前）的投资组合包括B、C", "A的投资组合公司，包括B"
_PORTFOLIO = re.compile(rf"^\s?(?:目前|当前|现在|如今)?\s?(?:的)?\s?{alt('stake.portfolio')}\s?(?:中)?\s?[，,：:]?\s?"
                        rf"(?:{alt('stake.listing')})(?:了)?\s?[:：]?\s?$")


@construction("zh.stake.named-investor")
def named_investor(s: Parse) -> Found:
    """X的天使投资人Y / 作为X的早期投资者之一，Y / Y，作为X的主要股东之一 / A的投资组合包括B、C: an
    investor named by the company it backs (never an affiliation: "X前CEO Y" is read by no rule here)."""
    if not _CUE.search(s.text):
        return
    ents = s.ents
    heads = [i for i, e in enumerate(ents) if e.owned is None and not e.anaphor]
    for n, x in enumerate(heads):
        if ents[x].type != "Company":
            continue
        nxt = heads[n + 1] if n + 1 < len(heads) else None
        # "X的天使投资人Y"
        if nxt is not None and ents[nxt].type in _FUNDERS and ents[nxt].name != ents[x].name \
                and _TITLE.fullmatch(s.text, ents[x].end, ents[nxt].start):
            for y in s.coordinated(nxt, _FUNDERS):
                yield Hit("investedIn", y, x, 0.75, "company-investor-title")
        listed = s.coordinated(x, _COMPANY)
        if x != listed[0]:
            continue
        role = _ROLE.match(s.text, ents[listed[-1]].end)
        if role is None or not _ROLE.fullmatch(role.group()):
            continue
        before = s.text[:ents[x].start]
        investor = None
        if _AS_AFTER.search(before):
            # "Y，作为X的主要股东之一，…"
            prev = [k for k in heads if ents[k].end <= ents[x].start]
            if prev and ents[prev[-1]].type in _FUNDERS and _AS_AFTER.fullmatch(before, ents[prev[-1]].end):
                investor = prev[-1]
        elif _AS.search(before) and role.group().rstrip().endswith(("，", ",")):
            # "作为X的早期投资者之一，Y…": the subject named right after the role
            after = next((k for k in heads if ents[k].start >= role.end()), None)
            people = [k for k in heads if ents[k].type != "Company" and ents[k].end <= ents[x].start
                      and _AS.search(s.text[:ents[k].start])]
            if after is not None and not people and ents[after].type in _FUNDERS and not s.text[role.end():ents[after].start].strip():
                investor = after
        if investor is not None and investor not in listed:
            for k in listed:
                yield Hit("investedIn", investor, k, 0.75, "as-investor-of")
    # "A的投资组合包括B、C"
    for n, a in enumerate(heads):
        nxt = heads[n + 1] if n + 1 < len(heads) else None
        if ents[a].type not in _FUNDERS or nxt is None or ents[nxt].type != "Company":
            continue
        if _PORTFOLIO.match(s.text[ents[a].end:ents[nxt].start]):
            for k in s.coordinated(nxt, _COMPANY):
                yield Hit("investedIn", a, k, 0.75, "portfolio")
