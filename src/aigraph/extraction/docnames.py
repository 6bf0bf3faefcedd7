"""One name per document: short forms, parts of people's names and repeats of a name found once."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from aigraph.extraction.candidates import (
    Candidate,
    english_common,
    in_english_prose,
    latin_boundary_ok,
    word_boundary_ok,
)
from aigraph.extraction.names_cn import brand_ok

# What an organisation's name may carry after its short name ("Pantheon AI", "月之暗面科技").
_ORG_SUFFIX = re.compile(r"^(?P<stem>.+?)(?: AI| Labs?| Inc\.?| Technologies| Technology| Ventures| Capital| Partners|"
                         r" Robotics| Corp\.?| Ltd\.?|科技|智能|集团)$")
_LATIN_NAME_WORD = re.compile(r"^[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)?$")
_DOTS = "·•・"
# where a full name of a person comes from: the lexicon, or a name shaped like one (given name and
# surname, 名·姓); a name typed Person by the words around it alone gives no parts
_FULL_NAME_SOURCES = frozenset(("lexicon", "pattern:latin-person", "pattern:translit"))


def short_forms(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """After "Pantheon AI" (or 月之暗面, which the lexicon calls Moonshot AI) a document may say just
    "Pantheon" (or "Moonshot"): the short name of an organisation found in the document, as written
    or as the lexicon names it."""
    stems: dict[str, Candidate] = {}
    for c in chosen:
        if c.type not in ("Company", "Investor"):
            continue
        names = [text[c.start:c.end]]
        if c.entry is not None and c.source == "lexicon":
            names += [n for n in (c.entry.name, *c.entry.aliases) if n.isascii()]
        for name in names:
            m = _ORG_SUFFIX.match(name)
            if not m or len(m["stem"]) < 2:
                continue
            stem = m["stem"]
            if not stem.isascii() and (c.score < 0.8 or not brand_ok(stem, 300)):
                continue  # "依托科技" gives no short form "依托"
            stems.setdefault(stem, c)
    out = []
    common = english_common()
    for stem, c in stems.items():
        ordinary = stem.isascii() and stem.casefold() in common
        for m in re.finditer(re.escape(stem), text):
            a, b = m.start(), m.end()
            if not latin_boundary_ok(text, a, b) or (ordinary and in_english_prose(text, a, b)):
                continue  # "Scale AI" gives "Scale" in a Chinese sentence, not in "at scale"
            out.append(Candidate(a, b, c.type, c.name, "short-form", 0.8, c.entry))
    return out


def name_parts(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """After "Kevin Weil" (or 奥里奥尔·维尼尔斯) a document may say "Weil" or "Kevin" (维尼尔斯): the
    first or last name of a person found in the document stands for that person."""
    parts: dict[str, Candidate] = {}
    for c in chosen:
        if c.type != "Person" or c.score < 0.7 or c.source not in _FULL_NAME_SOURCES:
            continue
        names = [text[c.start:c.end]]
        if c.entry is not None:
            names += [c.entry.name, *c.entry.aliases]
        for name in names:
            for part in _parts(name):
                parts.setdefault(part, c)
    out = []
    common = english_common()
    for part, c in parts.items():
        latin = part.isascii()
        ordinary = latin and part.casefold() in common
        for m in re.finditer(re.escape(part), text):
            a, b = m.start(), m.end()
            if latin and (not latin_boundary_ok(text, a, b) or (ordinary and in_english_prose(text, a, b))):
                continue
            if not latin and (text[a - 1:a] in _DOTS or text[b:b + 1] in _DOTS or not word_boundary_ok(text, a, b)):
                continue  # part of another foreign name, or of a word ("马克" in "马克思")
            out.append(Candidate(a, b, "Person", c.name, "name-part", 0.75, c.entry))
    return out


def _parts(name: str) -> list[str]:
    """The first and last name of a full name, where each is long enough to be told apart."""
    if any(d in name for d in _DOTS):
        segs = [s for s in re.split(f"[{_DOTS}]", name) if s]
        if len(segs) >= 2 and all("\u4e00" <= ch <= "\u9fff" for s in segs for ch in s):
            return [s for s in (segs[0], segs[-1]) if len(s) >= 2]
        return []
    words = name.split()
    if 2 <= len(words) <= 3 and all(_LATIN_NAME_WORD.match(w) for w in words):
        return [w for w in (words[0], words[-1]) if len(w) >= 3]
    return []


def repeats(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A name the patterns found with good evidence is the same name elsewhere in the document."""
    out = []
    seen: set[str] = set()
    # a name the lexicon knows, read in its sense somewhere in the document, keeps that sense in its
    # repeats ("Cosmos" a model beside "世界模型" once, though "Cosmos 平台" looks like a product)
    known = {text[d.start:d.end]: d for d in chosen if d.source.startswith("lexicon") and d.entry is not None}
    for c in chosen:
        surface = text[c.start:c.end]
        if not c.source.startswith("pattern:") or c.score < 0.6 or surface in seen:
            continue
        if not surface.isascii() and len(surface) < 3:
            continue
        seen.add(surface)
        c = known.get(surface, c)
        for m in re.finditer(re.escape(surface), text):
            if latin_boundary_ok(text, m.start(), m.end()):
                out.append(Candidate(m.start(), m.end(), c.type, c.name, "propagated", 0.7, c.entry))
    return out



# what joins the items of a list of names ("Modular、Hugging Face和Lambda", "Cohere, Mistral and xAI")
_JOIN = re.compile(r"\s?(?:、|，|,|/|和|与|及|以及|或|跟|and|or)\s?")


_JOIN_MAX = 5  # the longest text _JOIN matches: a space, "and", a space


def listed_types(text: str, c: Candidate, others: list[Candidate]) -> set[str]:
    """Types of the names listed beside `c` (joined to it by 、 和 and the like, in either direction)."""
    out: set[str] = set()
    for o in others:
        # the gap is measured before it is cut out: a far name's gap can be most of the document
        if o.end <= c.start and c.start - o.end <= _JOIN_MAX and _JOIN.fullmatch(text[o.end:c.start]):
            out.add(o.type)
        elif o.start >= c.end and o.start - c.end <= _JOIN_MAX and _JOIN.fullmatch(text[c.end:o.start]):
            out.add(o.type)
    return out


# Latin names whose form says nothing of their type (unlike "… Capital", "…创投", "GPT-5")
_SHAPELESS = frozenset(("pattern:latin-name", "pattern:latin-word", "pattern:latin-phrase", "pattern:latin-acronym"))


def typed_by_list(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A name the patterns typed without a cue takes the type of the lexicon names listed beside it,
    when they agree ("部署服务的Modular、Hugging Face和Lambda": three companies)."""
    sure = sorted((c for c in chosen if c.source.startswith("lexicon") or c.score >= 0.75), key=lambda c: c.start)
    starts = [c.start for c in sure]
    longest = max((c.end - c.start for c in sure), default=0)
    out = []
    for c in chosen:
        if c.source in _SHAPELESS and c.score < 0.75:
            # only names starting near enough can end or start within a joiner of it
            near = sure[bisect_left(starts, c.start - longest - _JOIN_MAX):bisect_right(starts, c.end + _JOIN_MAX)]
            types = listed_types(text, c, near)
            if len(types) == 1 and (t := next(iter(types))) != "Trend":
                c = replace(c, type=t, score=max(c.score, 0.75))
        out.append(c)
    return out


# "乔·吉比亚（Joe Gebbia）", "盖伊·波贾尼 (Guy Podjarny，…)": a transliteration and the name it renders
_ALIAS_BRACKET = re.compile(r"\s?[（(]\s?$")
_ALIAS_CLOSE = re.compile(r"\s?[）)，,、]")


def bracket_aliases(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A person the document names in Chinese letters no lexicon holds, with their Latin name in
    brackets right after, goes by the Latin name throughout the document: one person, one name."""
    ordered = sorted(chosen, key=lambda c: c.start)
    rename: dict[str, str] = {}
    for a, b in zip(ordered, ordered[1:]):
        if a.type != "Person" or b.type != "Person" or a.source == "lexicon" or a.name == b.name:
            continue
        if re.search(r"[A-Za-z]", a.name) or not re.fullmatch(r"[A-Za-z][A-Za-z .'’-]{2,40}", b.name):
            continue
        if _ALIAS_BRACKET.fullmatch(text, a.end, b.start) and _ALIAS_CLOSE.match(text, b.end):
            rename.setdefault(a.name, b.name)
    if not rename:
        return chosen
    return [replace(c, name=rename[c.name], entry=None) if c.type == "Person" and c.name in rename
            and c.source != "lexicon" else c for c in chosen]
