"""The linking stage: mentions from every document merged into canonical entities."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
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
    aggs: dict[str, Aggregate] = defaultdict(Aggregate)
    for key, name, typ, milli, surface in mention_rows(readings, lexicon):
        aggs[key].add(name, typ, milli, surface)
    table = {key: entity_of(key, agg, lexicon) for key, agg in aggs.items()}
    entities = sorted(table.values(), key=lambda e: (e.name.casefold(), e.name))
    kept, rejected, mentions = resolve(readings, table, threshold, lexicon)
    evidence = tuple(kept[k] for k in sorted(kept))
    return Linked(tuple(entities), evidence, tuple(sorted(mentions)), tuple(rejected))


class Aggregate:
    """What every mention of one matching key says, summed: spellings, type scores, surfaces. Sums of
    counts and integer scores, so that adding and taking away documents is exact."""

    __slots__ = ("names", "types", "typed", "surfaces")

    def __init__(self) -> None:
        self.names: Counter = Counter()
        """Mentions by spelling of the canonical name."""
        self.types: Counter = Counter()
        """Sum of the mentions' scores (in thousandths) by type."""
        self.typed: Counter = Counter()
        """Mentions by type."""
        self.surfaces: Counter = Counter()
        """Mentions by surface."""

    def add(self, name: str, typ: str, milli: int, surface: str, sign: int = 1) -> None:
        """Count one mention in (sign 1) or out (sign -1)."""
        self.types[typ] += sign * milli
        for counter, k in ((self.names, name), (self.typed, typ), (self.surfaces, surface)):
            counter[k] += sign
            if counter[k] <= 0:
                del counter[k]
        if typ not in self.typed:
            self.types.pop(typ, None)

    def __bool__(self) -> bool:
        return bool(self.names)


def mention_rows(readings: Sequence[Reading], lexicon: Lexicon) -> Iterator[tuple[str, str, str, int, str]]:
    """(key, name, type, score in thousandths, surface) of every mention, one at a time."""
    for a in readings:
        for m in a.mentions:
            yield _key(m.name, lexicon), m.name, m.type, round(m.score * 1000), m.surface


def entity_of(key: str, agg: Aggregate, lexicon: Lexicon) -> Entity:
    """The canonical entity of one key: the lexicon's name and type if it knows the key, else the
    most frequent spelling and the best-scored type; every surface an alias."""
    entry = lexicon.by_name.get(key) or lexicon.canonical(key)
    name = entry.name if entry else _best_name(agg.names)
    typ = entry.type if entry else max(sorted(agg.typed), key=lambda t: agg.types[t])
    aliases = {s for s in set(agg.surfaces) | (set(entry.aliases) if entry else set()) if s.strip()}
    aliases.discard(name)
    return Entity(name, typ, frozenset(aliases))


def resolve(readings: Sequence[Reading], table: dict[str, Entity], threshold: float,
            lexicon: Lexicon) -> tuple[dict[tuple, Evidence], list[Evidence], set[tuple[str, str, str]]]:
    """The facts of these readings restated with the canonical names of `table` (key -> entity; it
    must hold every key the readings use): the kept evidence by (s, p, o, document, sentence), the
    facts whose types do not fit, and the (entity, document, surface) mentions."""
    by_name = {e.name: e for e in table.values()}
    canonical = {k: e.name for k, e in table.items()}
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
    return kept, rejected, mentions


def fact_keys(readings: Sequence[Reading], threshold: float, lexicon: Lexicon) -> set[str]:
    """The keys the facts of these readings name (above the threshold): an entity appearing under one
    of them changes what they say."""
    return {_key(n, lexicon) for a in readings for f in a.facts if f.confidence >= threshold
            for n in (f.subject, f.object)}


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
