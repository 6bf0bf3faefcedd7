"""English constructions naming founders in a list after the company: "X, the startup founded by A and B",
"A co-founded X in 2016 with B and former Y researcher C"."""

from __future__ import annotations

import re

from aigraph.extraction.clauses import Parse
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.rules_en import ORG, PEOPLE

# ", the AI search startup founded by", ", the startup co-founded by former OpenAI chief scientist"
_DESCRIBED_FOUNDED_BY = re.compile(r"(?:,\s(?:the|a|an)\s[^,;.()]{0,50}?\b|\s(?:was|is)\s)(?:co-?founded|founded|started|set\sup|created)"
                                   r"\s(?:in\s\d{4}\s)?by\s")
# "co-founded X in June with", "co-founded X with"
_WITH = re.compile(r"\s(?:in\s(?:\d{4}|[A-Z][a-z]+(?:\s\d{4})?)\s)?(?:along\s)?with\s")
_CO_FOUNDED = re.compile(r"\bco-?founded\s$")
# what may stand between two founders of one list: a comma or "and", an aside ("who previously led AI
# efforts at Apple"), a description of the next one that says where they were ("former OpenAI researcher")
_DESC = r"(?:(?:former|ex-|fellow)\s?[^,;.]{0,40}?\s)?"
_NEXT = re.compile(rf"(?:,\s(?:who|which|a|an|the)\s[^,;.]{{0,70}}?)?(?:,\s|,?\sand\s|\s&\s){_DESC}")
_FIRST = re.compile(_DESC)


def _founders(s: Parse, at: int) -> list[int]:
    """The people listed from `at` on, each after a comma or "and" and an optional description."""
    out: list[int] = []
    pos = at
    for k, e in enumerate(s.ents):
        if e.start < pos or e.type not in PEOPLE:
            continue  # organisations inside a description ("former OpenAI CTO") are passed over
        if not (_NEXT if out else _FIRST).fullmatch(s.text, pos, e.start):
            break
        out.append(k)
        pos = e.end
    return out


@construction("en.people.founders-listed")
def founders_listed(s: Parse) -> Found:
    """X, the AI startup founded by A, B and C / A co-founded X in 2016 with B and former Y researcher C."""
    for i, e in enumerate(s.ents):
        if e.type not in ORG:
            continue
        m = _DESCRIBED_FOUNDED_BY.match(s.text, e.end)
        if m:
            for k in _founders(s, m.end()):
                yield Hit("founderOf", k, i, 0.8, "en-described-founded-by")
        w = _WITH.match(s.text, e.end)
        if w and _CO_FOUNDED.search(s.text, max(0, e.start - 14), e.start):
            for k in _founders(s, w.end()):
                yield Hit("founderOf", k, i, 0.8, "en-co-founded-with")


# "the ChatGPT maker and its CEO Sam Altman", "hire its CEO Alexandr Wang": the company named last before
_ITS_TITLE = re.compile(r"\bits\s(?:co-?founder\sand\s)?(?:co-?CEO|CEO|chief\sexecutive(?:\sofficer)?|president|chairman|chairwoman)"
                        r"(?:\sand\sco-?founder)?,?\s$")


@construction("en.people.its-chief")
def its_chief(s: Parse) -> Found:
    """…and its CEO P: P leads the company named last before "its"."""
    for i, e in enumerate(s.ents):
        if e.type not in PEOPLE:
            continue
        m = _ITS_TITLE.search(s.text, max(0, e.start - 50), e.start)
        if not m:
            continue
        org = next((k for k in range(i - 1, -1, -1) if s.ents[k].end <= m.start() and s.ents[k].type in ORG), None)
        between = [k for k in range(len(s.ents)) if org is not None and s.ents[org].end <= s.ents[k].start < m.start()
                   and s.ents[k].type in PEOPLE | ORG]
        if org is not None and not between and not re.search(r"[;.]", s.text[s.ents[org].end:m.start()]):
            yield Hit("leads", i, org, 0.75, "en-its-chief")
            if "founder" in m.group():
                yield Hit("founderOf", i, org, 0.75, "en-its-founder")
