"""The linking stage: mentions from every document merged into canonical entities."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from .lexicon import Lexicon, default_lexicon, norm
from .model import SYMMETRIC, Analysis, Entity, Evidence, Linked


def link(analyses: Sequence[Analysis], threshold: float, lexicon: Lexicon | None = None) -> Linked:
    """One entity per canonical name (aliases and spelling variants merged, one type each), and
    the facts above `threshold` restated with those names."""
    lexicon = lexicon or default_lexicon()
    # group every mention by the matching key of its canonical name
    names: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, Counter] = defaultdict(Counter)
    surfaces: dict[str, set[str]] = defaultdict(set)
    for a in analyses:
        for m in a.mentions:
            key = _key(m.name, lexicon)
            names[key][m.name] += 1
            types[key][m.type] += m.score
            surfaces[key].add(m.surface)
    canonical: dict[str, str] = {}
    entities: list[Entity] = []
    for key, counts in names.items():
        entry = lexicon.by_name.get(key) or lexicon.canonical(key)
        name = entry.name if entry else _best_name(counts)
        typ = entry.type if entry else max(sorted(types[key]), key=types[key].get)
        aliases = set(surfaces[key]) | (set(entry.aliases) if entry else set())
        aliases.discard(name)
        canonical[key] = name
        entities.append(Entity(name, typ, frozenset(aliases)))
    entities.sort(key=lambda e: (e.name.casefold(), e.name))
    by_name = {e.name: e for e in entities}
    evidence: list[Evidence] = []
    mentions: set[tuple[str, str, str]] = set()
    for a in analyses:
        for m in a.mentions:
            mentions.add((canonical[_key(m.name, lexicon)], a.sentence.doc_id, m.surface))
        for f in a.facts:
            if f.confidence < threshold:
                continue
            s = canonical.get(_key(f.subject, lexicon), f.subject)
            o = canonical.get(_key(f.object, lexicon), f.object)
            if s == o or s not in by_name or o not in by_name:
                continue
            if f.predicate in SYMMETRIC and o < s:
                s, o = o, s
            evidence.append(Evidence(replace(f, subject=s, object=o), a.sentence))
    return Linked(tuple(entities), tuple(evidence), tuple(sorted(mentions)))


def _key(name: str, lexicon: Lexicon) -> str:
    """Matching key of a canonical name; a name the lexicon knows as an alias joins its entry."""
    entry = lexicon.canonical(name)
    return norm(entry.name) if entry else norm(name)


def _best_name(counts: Counter) -> str:
    """The most frequent spelling, ties broken towards the longer and then alphabetically first."""
    return sorted(counts, key=lambda n: (-counts[n], -len(n), n))[0]
