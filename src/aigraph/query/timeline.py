"""Time windows on facts: by the dates of the documents that state them, or by the dates their sentences give."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from pyoxigraph import NamedNode, Store

from aigraph.errors import AigraphError
from aigraph.graph.store import run

BY = ("document", "event")
"""What a window reads: `document` (when the fact was stated: its documents' dates) or `event` (when it
happened: the dates its sentences give)."""

_ISO = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_AGO = re.compile(r"(\d{1,4})\s*([dwmy])", re.I)


def parse_date(value: str, what: str = "date", today: date | None = None) -> str:
    """A date as users type it: `2024`, `2024-06`, `2024-06-01` (also with / or .), or a span back from
    today (`7d`, `2w`, `3m`, `1y`), as ISO at the precision given. Anything else raises, naming `what`."""
    text = value.strip()
    if (m := _ISO.fullmatch(text)) is not None:
        y, mo, d = m.groups()
        try:
            date(int(y), int(mo or 1), int(d or 1))
        except ValueError:
            raise AigraphError(f"{what}: {value!r} is not a date (day or month out of range).") from None
        return y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if d else "")
    if (m := _AGO.fullmatch(text)) is not None:
        n, unit = int(m[1]), m[2].lower()
        today = today or date.today()
        if unit in "dw":
            return (today - timedelta(days=n * (7 if unit == "w" else 1))).isoformat()
        months = today.year * 12 + today.month - 1 - n * (12 if unit == "y" else 1)
        return date(months // 12, months % 12 + 1, min(today.day, 28)).isoformat()
    raise AigraphError(f"{what}: {value!r} is not a date; give YYYY, YYYY-MM or YYYY-MM-DD, or a span back "
                       "from today such as 7d, 2w, 3m or 1y.")


@dataclass(frozen=True)
class Window:
    """A span of time, open at either end, and what it is read against."""

    since: str | None = None
    """First day (ISO, at any precision: `2024`, `2024-06`, `2024-06-01`), or None for no start."""
    until: str | None = None
    """Last day, likewise (inclusive: `2024-06` reaches to the end of June)."""
    by: str = "document"
    """`document`: when facts were stated (their documents' dates); `event`: when they happened."""

    def __post_init__(self) -> None:
        if self.by not in BY:
            raise AigraphError(f"A window reads {' or '.join(BY)} dates, not {self.by!r}.")
        if self.since and self.until and self.since[: len(self.until)] > self.until[: len(self.since)]:
            raise AigraphError(f"The window starts ({self.since}) after it ends ({self.until}).")

    def __bool__(self) -> bool:
        return bool(self.since or self.until)

    def contains(self, when: str | None) -> bool:
        """Whether a date (ISO, any precision) may fall in the window: a month or a year counts when
        any of its days does. No date is never in a window."""
        if not when:
            return False
        if self.since and when[: len(self.since)] < self.since[: len(when)]:
            return False
        return not (self.until and when[: len(self.until)] > self.until[: len(when)])

    def describe(self) -> str:
        """`stated since 2024-06-01`, `happened 2024-01 to 2024-06`."""
        verb = "stated" if self.by == "document" else "happened"
        if self.since and self.until:
            return f"{verb} {self.since} to {self.until}"
        return f"{verb} since {self.since}" if self.since else f"{verb} until {self.until}"


@dataclass(frozen=True)
class Statement:
    """One sentence stating a fact, with its two dates."""

    document: str
    """The document's label."""
    sentence: int
    """The sentence's position in it."""
    stated: str | None
    """The document's date."""
    happened: str | None
    """The date the sentence gives for the fact, normalised."""


# the entity's patterns first in each branch (see query.lookup): one query for all its facts
_STATED_OF = """ aig:evidence ?ev . ?ev aig:inDocument ?d ; aig:sentenceIndex ?idx .
    OPTIONAL { ?d rdfs:label ?doc } OPTIONAL { ?d dcterms:date ?stated } OPTIONAL { ?ev aig:date ?happened }"""
_STATED = """
SELECT ?e ?f ?doc ?idx ?stated ?happened WHERE {
  { ?f rdf:subject ?e ; %s }
  UNION
  { ?f rdf:object ?e ; %s }
}""" % (_STATED_OF, _STATED_OF)


def statements(store: Store, entity_iri: str) -> dict[str, tuple[Statement, ...]]:
    """Fact IRI -> the sentences stating it, with their dates, for every fact of an entity."""
    out: dict[str, set[Statement]] = {}
    for s in run(store, _STATED, e=NamedNode(entity_iri)):
        out.setdefault(s["f"].value, set()).add(Statement(
            s["doc"].value if s["doc"] is not None else "", int(s["idx"].value),
            s["stated"].value if s["stated"] is not None else None,
            s["happened"].value if s["happened"] is not None else None))
    return {f: tuple(sorted(v, key=lambda x: (x.document, x.sentence))) for f, v in out.items()}


class Filter:
    """Keeps the facts stated (or happening) in a window: a `keep` for `query.lookup.neighbors`, reading
    each entity's statements once, and a trim of the evidence sentences to those in the window."""

    def __init__(self, store: Store, window: Window) -> None:
        self.store = store
        self.window = window
        self._seen: dict[str, dict[str, tuple[Statement, ...]]] = {}

    def statements(self, entity_iri: str) -> dict[str, tuple[Statement, ...]]:
        """The statements of an entity's facts (read once)."""
        if entity_iri not in self._seen:
            self._seen[entity_iri] = statements(self.store, entity_iri)
        return self._seen[entity_iri]

    def in_window(self, st: Statement) -> bool:
        """Whether one sentence puts its fact in the window."""
        return self.window.contains(st.stated if self.window.by == "document" else st.happened)

    def __call__(self, n) -> bool:
        if n.fact is None or n.source is None:
            return False
        return any(self.in_window(st) for st in self.statements(n.source.iri).get(n.fact, ()))

    def trim(self, found: list) -> list:
        """The neighbours with only the evidence sentences that are in the window."""
        out = []
        for n in found:
            if n.evidence and n.source is not None:
                inside = {(st.document, st.sentence) for st in self.statements(n.source.iri).get(n.fact, ())
                          if self.in_window(st)}
                n = replace(n, evidence=tuple(s for s in n.evidence if (s.document, s.sentence) in inside))
            out.append(n)
        return out


def keep_in(store: Store, window: Window | None) -> Filter | None:
    """A filter for a window, or None when there is no window (every fact kept)."""
    return Filter(store, window) if window else None

