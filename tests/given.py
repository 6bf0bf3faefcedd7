"""Sentences whose entities are given by hand: the constructions tested alone, without the name finders."""

from __future__ import annotations

import re

from aigraph.extraction import clauses
from aigraph.extraction.clauses import CONTEXT, Ent


def ents(text: str, **names: str) -> list[Ent]:
    """Entities by surface: `ents(text, 星河资本="Investor")`; every occurrence is one entity."""
    return sorted((Ent(m.start(), m.end(), t, n) for n, t in names.items() for m in re.finditer(re.escape(n), text)),
                  key=lambda e: e.start)


def hits(construction, text: str, context: Ent | None = None, **names: str) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) of what one construction reads in the sentence; `context` is the
    paragraph's entity a construction may read as a side."""
    s = clauses.parse(text, ents(text, **names), context)

    def name(i: int) -> str:
        return s.context.name if i == CONTEXT else s.ents[i].name

    return {(name(h.subject), h.predicate, name(h.object)) for h in construction(s)}
