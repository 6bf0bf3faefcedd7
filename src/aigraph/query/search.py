"""Fuzzy search over every label of the graph (canonical names and aliases, any script)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from pyoxigraph import Store

from aigraph.errors import AigraphError
from aigraph.folding import norm
from aigraph.query.lookup import EntityRef, entity_types, labels


@dataclass(frozen=True)
class Hit:
    """An entity a search text matches."""

    entity: EntityRef
    """The entity."""
    label: str
    """The label that matched best (its name or an alias)."""
    score: float
    """1.0 for the same name; prefixes, substrings and look-alikes score lower."""


def score(key: str, label_key: str) -> float:
    """How well a normalised search text matches a normalised label, 0..1."""
    if not key or not label_key:
        return 0.0
    if key == label_key:
        return 1.0
    if label_key.startswith(key):
        return 0.8 + 0.15 * len(key) / len(label_key)
    if key in label_key:
        return 0.6 + 0.2 * len(key) / len(label_key)
    m = difflib.SequenceMatcher(None, key, label_key)
    if m.real_quick_ratio() < 0.5 or m.quick_ratio() < 0.5:
        return 0.0
    return 0.75 * m.ratio()


def search(store: Store, text: str, type: str | None = None, limit: int = 10, cutoff: float = 0.45) -> list[Hit]:
    """Entities whose names or aliases look like `text`, best first."""
    key = norm(text)
    if not key:
        raise AigraphError("Give some text to search for (letters or digits, in any script).")
    want = entity_types(type)
    hits: list[Hit] = []
    for iri, (name, t, ls) in labels(store).items():
        if want and t != want:
            continue
        best = max(((score(key, norm(lb)), lb == name, lb) for lb in ls), default=(0.0, False, ""))
        if best[0] >= cutoff:
            hits.append(Hit(EntityRef(iri, name, t), best[2], round(best[0], 3)))
    hits.sort(key=lambda h: (-h.score, h.entity.name.casefold(), h.entity.iri))
    return hits[:limit]
