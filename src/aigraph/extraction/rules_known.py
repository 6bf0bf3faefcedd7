"""Relation constructions that lean on the lexicon: the known maker of a thing, named beside it."""

from __future__ import annotations

import re
from functools import cache

from aigraph.extraction.clauses import Ent, Parse
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.words import alt, words

MADE = frozenset({"Model", "Product", "Chip"})
MAKERS = frozenset({"Company"})
_COORDINATED = re.compile(r"\s?(?:和|与|、|及|以及|还有|或|或者|跟)\s?")
KNOWN = 0.75
"""As sure as a clause construction: the lexicon vouches for the maker, the sentence for the mention."""


def _parent(name: str, developer: str) -> bool:
    """Whether `name` is the company `developer` belongs to, by name ("Google" of "Google DeepMind")."""
    return developer.casefold().startswith(name.casefold() + " ")


def _lab(name: str, developer: str, thing: Ent) -> bool:
    """Whether `name` is a research lab of `developer` that makes its models ("Google DeepMind" for a
    model credited to Google); a business unit (Google Cloud, Tencent Music) makes none of its things."""
    return thing.type == "Model" and name in words("develop.labs") and name.casefold().startswith(developer.casefold() + " ")


def kin(name: str, developer: str, thing: Ent) -> bool:
    """Whether an organisation stands for a thing's maker without being it: its parent, or its lab."""
    return _parent(name, developer) or _lab(name, developer, thing)


@cache
def _yardstick_cue() -> re.Pattern[str]:
    return re.compile(alt("compare.standard") + r"(?:完整的|最新的|原版的?|[了的])?\s*$")


def _yardstick(s: Parse, j: int) -> bool:
    """Whether the thing is what something else is measured against ("比X便宜", "达到了X的水平")."""
    return bool(_yardstick_cue().search(s.before(j, 10)))


def _elsewhere(s: Parse, i: int, j: int) -> bool:
    """Whether the thing stands in a clause of its own about another organisation ("B公司正在建设X的
    生产线，A的平台用于…"): the maker named in another clause says nothing of it."""
    c = s.clauses[s.ents[j].clause]
    subj = c.subject
    return s.ents[i].clause != s.ents[j].clause and subj is not None and subj != j \
        and s.ents[subj].type in MAKERS | {"Investor"} and s.ents[subj].name != s.ents[i].name \
        and s.ents[subj].clause == s.ents[j].clause


@construction("zh.org.known-maker")
def known_maker(s: Parse) -> Found:
    """A model, product or chip whose maker the lexicon knows, and that maker named in the same sentence
    ("谷歌在年度大会的第二天，…Gemini"): the writer names them together because one made the other. Only
    the maker itself counts, or (when it is not named) its parent or the one lab of it that is named; a
    maker the sentence does not name is never read in (the lexicon is no source of facts on its own)."""
    ents = s.ents
    makers = [i for i, e in enumerate(ents) if e.type in MAKERS]
    if not makers:
        return
    for j, t in enumerate(ents):
        if t.type not in MADE or not t.developer or t.anaphor or _yardstick(s, j):
            continue
        same = [i for i in makers if ents[i].name.casefold() == t.developer.casefold()]
        if not same:
            near = {ents[i].name for i in makers if kin(ents[i].name, t.developer, t)}
            # two labs named ("Google Brain和DeepMind"): which one made it the lexicon cannot tell
            same = [i for i in makers if ents[i].name in near] if len(near) == 1 else []
        for i in same:
            if _COORDINATED.fullmatch(s.between(min(i, j), max(i, j))):
                continue  # "说到X和谷歌的研究": two topics side by side, neither said to be the other's
            if _elsewhere(s, i, j):
                continue

            yield Hit("developedBy", j, i, KNOWN, "known-maker")
