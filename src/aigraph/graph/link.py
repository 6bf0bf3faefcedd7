"""The linking stage: mentions from every document merged into canonical entities."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from aigraph.extraction.lexicon import Lexicon, default_lexicon
from aigraph.folding import norm
from aigraph.model import Entity, Evidence, Fact, Linked, Reading
from aigraph.vocab import SYMMETRIC, signatures


def link(readings: Sequence[Reading], threshold: float, lexicon: Lexicon | None = None) -> Linked:
    """One entity per canonical name (aliases and spelling variants merged, one type each), and
    the facts above `threshold` restated with those names. Facts whose entity types do not fit the
    relation's signature are set aside; a fact stated twice by one sentence is kept once. The result
    does not depend on the order of `readings` (so adding documents one by one gives what a full
    build gives)."""
    lexicon = lexicon or default_lexicon()
    readings = sorted(readings, key=lambda a: (a.sentence.doc_id, a.sentence.index))
    # group every mention by the matching key of its canonical name
    names: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, Counter] = defaultdict(Counter)
    surfaces: dict[str, set[str]] = defaultdict(set)
    for a in readings:
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
        typ = entry.type if entry else max(sorted(types[key]), key=lambda t: round(types[key][t], 6))
        aliases = {s for s in surfaces[key] | (set(entry.aliases) if entry else set()) if s.strip()}
        aliases.discard(name)
        canonical[key] = name
        entities.append(Entity(name, typ, frozenset(aliases)))
    entities.sort(key=lambda e: (e.name.casefold(), e.name))
    by_name = {e.name: e for e in entities}
    kept: dict[tuple, Evidence] = {}
    rejected: list[Evidence] = []
    mentions: set[tuple[str, str, str]] = set()
    sigs = signatures()
    for a in readings:
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
            ev = Evidence(replace(f, subject=s, object=o), a.sentence)
            if not sigs[f.predicate].accepts(by_name[s].type, by_name[o].type):
                rejected.append(ev)
                continue
            where = (s, f.predicate, o, a.sentence.doc_id, a.sentence.index)
            kept[where] = _better(kept[where], ev) if where in kept else ev
    evidence = tuple(kept[k] for k in sorted(kept))
    return Linked(tuple(entities), evidence, tuple(sorted(mentions)), tuple(rejected))


def _better(a: Evidence, b: Evidence) -> Evidence:
    """Of two readings of one fact in one sentence, the more confident (then the more detailed) one."""
    return max((a, b), key=lambda e: (e.fact.confidence, _detail(e.fact), e.fact.rule))


def _detail(f: Fact) -> int:
    return sum(q is not None for q in (f.amount, f.valuation, f.date))


def _key(name: str, lexicon: Lexicon) -> str:
    """Matching key of a canonical name; a name the lexicon knows as an alias joins its entry."""
    entry = lexicon.canonical(name)
    return norm(entry.name) if entry else norm(name)


def _best_name(counts: Counter) -> str:
    """The most frequent spelling, ties broken towards the longer and then alphabetically first."""
    return sorted(counts, key=lambda n: (-counts[n], -len(n), n))[0]
