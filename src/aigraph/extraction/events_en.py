"""Funding in English prose: investors who led or joined "the round" of the paragraph's company, stakes taken."""

from __future__ import annotations

import re

from aigraph.extraction.clauses import CONTEXT, Parse
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.rules_en import FUNDERS, ORG, before_list, items

# "Andreessen Horowitz led the round", "Lightspeed and Index co-led the $40 million Series B"
_LED_THE_ROUND = re.compile(r"\s(?:also\s|both\s|jointly\s|have\s|has\s|had\s)?(?:led|co-led|leads|co-leads|joined|participated\sin|"
                            r"backed|anchored|headed)\s(?:the|this|that|its|their)\s(?:[^,;.]{0,30}?\s)?(?:round|raise|financing|"
                            r"funding|investment|deal|Series\s[A-H]\+?|seed)\b")
# "…, and Lightspeed also joined" in a sentence about a round
_ALSO_JOINED = re.compile(r"\s(?:also\s|too\s)?(?:joined|participated|invested|chipped\sin)\b")
_ROUND_WORD = re.compile(r"\b(?:round|raise|financing|funding|Series\s[A-H]|seed)\b", re.I)
# "Microsoft has taken a stake in Mistral AI"
_STAKE = re.compile(r"\s(?:has\s|have\s|had\s|also\s)?(?:taken|took|takes|acquired|bought|buys|holds|held|owns)\s(?:a|an)\s"
                    r"(?:[\w%.-]+\s){0,3}?(?:stake|shareholding|equity\sstake)\s(?:in|of)\s(?:the\s)?")


@construction("en.funding.round")
def funding(s: Parse) -> Found:
    """Y led the round (the paragraph's company when the sentence names none); Y also joined; X took a stake in Z."""
    for i, e in enumerate(s.ents):
        if e.type not in FUNDERS or e.anaphor:
            continue
        m = _LED_THE_ROUND.match(s.text, e.end)
        company = None
        if m:
            owner = re.search(r"\b(?:its|their)\s", m.group())
            named = [k for k, x in enumerate(s.ents) if x.type in ORG and k not in before_list(s, i, FUNDERS)
                     and x.start < e.start and not x.anaphor]
            if named and not owner:
                company = None  # a company named before: the English pair constructions read it
            elif s.context is not None and s.context.type in ORG:
                company = CONTEXT
        elif _ALSO_JOINED.match(s.text, e.end) and _ROUND_WORD.search(s.text) and s.context is not None \
                and not any(x.type in ORG and not x.anaphor and k != i for k, x in enumerate(s.ents)
                            if k not in before_list(s, i, FUNDERS)):
            company = CONTEXT
        if company is not None:
            for k in before_list(s, i, FUNDERS):
                yield Hit("investedIn", k, company, 0.75, "en-led-the-round")
        stake = _STAKE.match(s.text, e.end)
        if stake:
            for j, x in enumerate(s.ents):
                if x.start == stake.end() and x.type in ORG:
                    for t in items(s, j, ORG):
                        for k in before_list(s, i, FUNDERS):
                            yield Hit("investedIn", k, t, 0.8, "en-stake-in")
