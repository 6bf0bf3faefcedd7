"""The linking stage: mentions from every document merged into canonical entities."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from aigraph.extraction.lexicon import LexEntry, Lexicon, default_lexicon, version_named
from aigraph.folding import norm
from aigraph.model import Entity, Evidence, Fact, Linked, Reading
from aigraph.vocab import SYMMETRIC, signatures

# What an organisation's name may carry after its short name ("Moonshot AI", "Pantheon Labs", "月之暗面科技").
# Words that also start a product's name ("Apple Intelligence", "Google Cloud") are not among them.
_DESCRIPTOR = re.compile(r"^(?:(?P<latin>.+?)[\s\-]+(?:AI|Labs?|Inc\.?|Corp\.?|Corporation|Ltd\.?|LLC|Technologies|"
                         r"Technology|Robotics)|(?P<han>.+?)(?:科技|智能|集团|公司|有限公司|股份有限公司|科技有限公司|人工智能))$")
_ORGS = frozenset(("Company", "Investor"))
SCORE_UNIT = 1_000_000
"""Mention scores are summed as integers in millionths, so that counting a document in and out is exact."""


def link(readings: Sequence[Reading], threshold: float, lexicon: Lexicon | None = None) -> Linked:
    """One entity per real-world thing, and the facts above `threshold` restated with its name.

    Mentions are merged by their matching key (width, case, script and separators folded) and by the
    lexicon's aliases; then across documents by the surface forms each name was seen under (a document
    that read "Moonshot" as Moonshot AI merges another's "Moonshot") and by short name + descriptor
    ("Pantheon" and "Pantheon AI"), never two things the lexicon tells apart, nor an organisation with
    something else. Each entity gets one type; a trend of the lexicon's taxonomy comes with its
    definition and its wider trends. Facts whose entity types do not fit the relation's signature are
    set aside; a fact stated twice by one sentence is kept once. The result does not depend on the
    order of `readings` (so adding documents one by one gives what a full build gives), and is a
    function of the per-key sums (`Aggregate`) and the readings resolved against them (`resolve`), so
    that an update can work it out from the sums of the keys it touches."""
    lexicon = lexicon or default_lexicon()
    readings = sorted(readings, key=lambda a: (a.sentence.doc_id, a.sentence.index))
    aggs: dict[str, Aggregate] = defaultdict(Aggregate)
    for key, name, typ, score, surface in mention_rows(readings, lexicon):
        aggs[key].add(name, typ, score, surface)
    table = entity_table(aggs, lexicon)
    kept, rejected, mentions = resolve(readings, table, threshold, lexicon)
    evidence = tuple(kept[k] for k in sorted(kept))
    ordered = tuple(sorted(table.by_name.values(), key=lambda e: (e.name.casefold(), e.name)))
    return Linked(ordered, evidence, tuple(sorted(mentions)), tuple(rejected))


class Aggregate:
    """What every mention of one matching key says, summed: spellings, type scores, surfaces. Sums of
    counts and integer scores, so that adding and taking away documents is exact."""

    __slots__ = ("names", "types", "typed", "surfaces")

    def __init__(self) -> None:
        self.names: Counter = Counter()
        """Mentions by spelling of the canonical name."""
        self.types: Counter = Counter()
        """Sum of the mentions' scores (in SCORE_UNIT) by type."""
        self.typed: Counter = Counter()
        """Mentions by type."""
        self.surfaces: Counter = Counter()
        """Mentions by surface."""

    def add(self, name: str, typ: str, score: int, surface: str, sign: int = 1) -> None:
        """Count one mention in (sign 1) or out (sign -1)."""
        self.types[typ] += sign * score
        for counter, k in ((self.names, name), (self.typed, typ), (self.surfaces, surface)):
            counter[k] += sign
            if counter[k] <= 0:
                del counter[k]
        if typ not in self.typed:
            self.types.pop(typ, None)

    def copy(self) -> Aggregate:
        out = Aggregate()
        out.names, out.types, out.typed, out.surfaces = (self.names.copy(), self.types.copy(), self.typed.copy(),
                                                         self.surfaces.copy())
        return out

    def to_json(self) -> list:
        """The sums as JSON-ready lists (sorted: the same sums give the same text)."""
        return [sorted(c.items()) for c in (self.names, self.types, self.typed, self.surfaces)]

    @classmethod
    def from_json(cls, data: list) -> Aggregate:
        out = cls()
        out.names, out.types, out.typed, out.surfaces = (Counter(dict(map(tuple, c))) for c in data)
        return out

    def best_type(self) -> str:
        """The type with the highest summed score (the alphabetically first on ties)."""
        return max(sorted(self.typed), key=lambda t: self.types[t])

    def __bool__(self) -> bool:
        return bool(self.names)


def mention_rows(readings: Sequence[Reading], lexicon: Lexicon) -> Iterator[tuple[str, str, str, int, str]]:
    """(key, name, type, score in SCORE_UNIT, surface) of every mention, one at a time."""
    for a in readings:
        for m in a.mentions:
            yield _key(m.name, lexicon), m.name, m.type, round(m.score * SCORE_UNIT), m.surface


@dataclass(frozen=True)
class Table:
    """The entities of a set of per-key sums."""

    canonical: Mapping[str, str]
    """Key -> the canonical name of the entity its group of keys makes."""
    by_name: Mapping[str, Entity]
    """Canonical name -> entity (the wider trends of the trends found included)."""
    roots: Mapping[str, str] = field(default_factory=dict)
    """Key -> the root of its group (its least key)."""
    groups: Mapping[str, Entity] = field(default_factory=dict)
    """Root -> the entity its group makes (two groups may make one name: the greater root's is kept)."""


def entry_of(key: str, lexicon: Lexicon) -> LexEntry | None:
    """The lexicon's entry for a key, if it has one: a key that names a version of an entry
    (`lexicon.version_named`) has none, so that the version stays apart from its family."""
    return lexicon.by_name.get(key) or _family(key, lexicon)


def entity_table(aggs: Mapping[str, Aggregate], lexicon: Lexicon, entries: Mapping | None = None) -> Table:
    """The entities of these per-key sums: keys grouped (`group_keys`), each group one entity
    (`group_entity`), and the wider trends of the trends found. `entries` (key -> entry_of) saves the
    lookups of a caller that has them."""
    if entries is None:
        entries = {k: entry_of(k, lexicon) for k in aggs}
    roots, groups = group_table(aggs, entries)
    entities: dict[str, Entity] = {}
    for root in sorted(groups):  # on one name, the group of the greater root is kept
        entities[groups[root].name] = groups[root]
    entities.update(wider_trends([e.broader for e in entities.values()], entities.__contains__, lexicon))
    return Table({k: groups[r].name for k, r in roots.items()}, entities, roots, groups)


def group_table(aggs: Mapping[str, Aggregate], entries: Mapping) -> tuple[dict[str, str], dict[str, Entity]]:
    """(key -> root of its group, root -> the group's entity) of these sums."""
    roots = group_keys(aggs, entries)
    members: dict[str, list[str]] = defaultdict(list)
    for key in sorted(aggs):
        members[roots[key]].append(key)
    return roots, {root: group_entity(keys, aggs, entries) for root, keys in members.items()}


def group_entity(keys: Sequence[str], aggs: Mapping[str, Aggregate], entries: Mapping) -> Entity:
    """The entity of one group of keys (sorted): the lexicon's name and type if it knows one of them,
    else the most frequent spelling and the best-scored type; every surface and spelling an alias."""
    entry = next((entries[k] for k in keys if entries[k] is not None), None)
    counts: Counter = Counter()
    votes: Counter = Counter()
    seen: set[str] = set()
    for k in keys:
        counts.update(aggs[k].names)
        votes.update(aggs[k].types)
        seen.update(aggs[k].surfaces)
    name = entry.name if entry else _best_name(counts)
    typ = entry.type if entry else max(sorted(votes), key=lambda t: votes[t])
    seen |= set(counts)
    aliases = {s for s in seen | (set(entry.aliases) if entry else set()) if s.strip()}
    aliases.discard(name)
    return _entity(name, typ, aliases, entry)


def features(key: str, agg: Aggregate, entry: LexEntry | None) -> tuple[set[str], set[str]]:
    """What may join a key to others (`group_keys`): the folded surfaces it was read under (other than
    itself) and, for an organisation, the short names of its spellings. Keys that share none of these,
    directly or through other keys, are grouped independently of each other."""
    surfaces = {n for s in agg.surfaces if (n := norm(s)) != key}
    kind = entry.type if entry else agg.best_type()
    stems: set[str] = set()
    if kind in _ORGS:
        for n in agg.names:
            m = _DESCRIPTOR.match(n.strip())
            stem = norm(m["latin"] or m["han"]) if m else key
            if len(stem) >= 2:
                stems.add(stem)
    return surfaces, stems


def group_keys(aggs: Mapping[str, Aggregate], entries: Mapping) -> dict[str, str]:
    """The group of each name key (its root: the group's least key): keys joined by the surfaces they
    were seen under and by short name + descriptor. Two keys of distinct lexicon entries, or of
    different kinds of thing, stay apart."""
    parent = {k: k for k in aggs}
    entry_of_root = {k: entries[k] for k in aggs}  # the lexicon entry of each group, kept at its root

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    kinds: dict[str, str] = {}

    def kind(k: str) -> str:
        if k not in kinds:
            e = entries[k]
            kinds[k] = e.type if e else aggs[k].best_type()
        return kinds[k]

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        ea, eb = entry_of_root[ra], entry_of_root[rb]
        if ea is not None and eb is not None and ea is not eb:
            return  # the lexicon knows them as two things
        root, child = min(ra, rb), max(ra, rb)
        parent[child] = root
        entry_of_root[root] = ea or eb

    def compatible(a: str, b: str) -> bool:
        ka, kb = kind(a), kind(b)
        return ka == kb or (ka in _ORGS and kb in _ORGS)

    read_as: dict[str, set[str]] = defaultdict(set)
    stems: dict[str, set[str]] = defaultdict(set)
    for k in sorted(aggs):
        surfaces, short = features(k, aggs[k], entries[k])
        for n in surfaces:
            read_as[n].add(k)
        for stem in short:
            stems[stem].add(k)
    # by alias: a surface read under one name only is that name wherever it is a name of its own
    for s, targets in sorted(read_as.items()):
        if s in aggs and len(targets) == 1 and entries[s] is None:
            (t,) = targets
            if compatible(s, t):
                union(s, t)
    # by short name + descriptor: "Pantheon" / "Pantheon AI" / "Pantheon Labs"; "月之暗面" / "月之暗面科技"
    for _, keys in sorted(stems.items()):
        roots = {find(k) for k in keys}
        known = {id(entries[k]) for k in keys if entries[k] is not None}
        if len(roots) > 1 and len(known) <= 1:
            first, *rest = sorted(keys)
            for k in rest:
                union(first, k)
    return {k: find(k) for k in aggs}


def _entity(name: str, typ: str, aliases: set[str], entry: LexEntry | None) -> Entity:
    if entry is not None and typ == "Trend":
        return Entity(name, typ, frozenset(aliases), entry.definition, entry.broader)
    return Entity(name, typ, frozenset(aliases))


def wider_trends(broaders: Iterable[str], named: Callable[[str], bool], lexicon: Lexicon) -> dict[str, Entity]:
    """The wider trends of trends whose wider trends are `broaders`, up the taxonomy, that are not
    entities already (`named`): they join the graph, so that the taxonomy holds together."""
    out: dict[str, Entity] = {}
    todo = [b for b in broaders if b]
    while todo:
        name = todo.pop()
        if name in out or named(name):
            continue
        entry = lexicon.by_name.get(norm(name))
        if entry is None or entry.type != "Trend":
            continue
        out[entry.name] = _entity(entry.name, "Trend", set(entry.aliases), entry)
        if entry.broader:
            todo.append(entry.broader)
    return out


def resolve(readings: Sequence[Reading], table: Table, threshold: float,
            lexicon: Lexicon) -> tuple[dict[tuple, Evidence], list[Evidence], set[tuple[str, str, str]]]:
    """The facts of these readings restated with the canonical names of `table` (it must hold every
    key the readings' mentions use): the kept evidence by (s, p, o, document, sentence), the facts
    whose types do not fit, and the (entity, document, surface) mentions."""
    by_name, canonical = table.by_name, table.canonical
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


def key_of(name: str, lexicon: Lexicon) -> str:
    """Matching key of a canonical name (see _key)."""
    return _key(name, lexicon)


def _better(a: Evidence, b: Evidence) -> Evidence:
    """Of two readings of one fact in one sentence, the more confident (then the more detailed) one."""
    return max((a, b), key=lambda e: (e.fact.confidence, _detail(e.fact), e.fact.rule))


def _detail(f: Fact) -> int:
    return sum(q is not None for q in (f.amount, f.valuation, f.date))


def _key(name: str, lexicon: Lexicon) -> str:
    """Matching key of a canonical name; a name the lexicon knows as an alias joins its entry, unless
    it names a version of it (`lexicon.version_named`: "Holoswim2" is not Holoswim)."""
    entry = lexicon.canonical(name)
    return norm(entry.name) if entry and version_named(entry, name) == entry.name else norm(name)


def _family(key: str, lexicon: Lexicon) -> LexEntry | None:
    """The entry a key means, unless the key names a version of it (a key depends on the name alone,
    so an update can look it up without the key's spellings)."""
    entry = lexicon.canonical(key)
    if entry is None or version_named(entry, key) != entry.name:
        return None
    return entry


def _best_name(counts: Counter) -> str:
    """The most frequent spelling, ties broken towards the longer and then alphabetically first."""
    return sorted(counts, key=lambda n: (-counts[n], -len(n), n))[0]
