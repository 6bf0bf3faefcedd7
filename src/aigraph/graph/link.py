"""The linking stage: mentions from every document merged into canonical entities."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from aigraph.extraction.lexicon import LexEntry, Lexicon, default_lexicon, version_named
from aigraph.folding import norm
from aigraph.model import Entity, Evidence, Fact, Linked, Reading
from aigraph.vocab import SYMMETRIC, signatures

# What an organisation's name may carry after its short name ("Moonshot AI", "Pantheon Labs", "月之暗面科技").
# Words that also start a product's name ("Apple Intelligence", "Google Cloud") are not among them.
_DESCRIPTOR = re.compile(r"^(?:(?P<latin>.+?)[\s\-]+(?:AI|Labs?|Inc\.?|Corp\.?|Corporation|Ltd\.?|LLC|Technologies|"
                         r"Technology|Robotics)|(?P<han>.+?)(?:科技|智能|集团|公司|有限公司|股份有限公司|科技有限公司|人工智能))$")
_ORGS = frozenset(("Company", "Investor"))


def link(readings: Sequence[Reading], threshold: float, lexicon: Lexicon | None = None) -> Linked:
    """One entity per real-world thing, and the facts above `threshold` restated with its name.

    Mentions are merged by their matching key (width, case, script and separators folded) and by the
    lexicon's aliases; then across documents by the surface forms each name was seen under (a document
    that read "Moonshot" as Moonshot AI merges another's "Moonshot") and by short name + descriptor
    ("Pantheon" and "Pantheon AI"), never two things the lexicon tells apart, nor an organisation with
    something else. Each entity gets one type; a trend of the lexicon's taxonomy comes with its
    definition and its wider trends. Facts whose entity types do not fit the relation's signature are
    set aside; a fact stated twice by one sentence is kept once. The result does not depend on the
    order of `readings` (so adding documents one by one gives what a full build gives)."""
    lexicon = lexicon or default_lexicon()
    readings = sorted(readings, key=lambda a: (a.sentence.doc_id, a.sentence.index))
    names: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, Counter] = defaultdict(Counter)
    surfaces: dict[str, set[str]] = defaultdict(set)
    for a in readings:
        for m in a.mentions:
            key = _key(m.name, lexicon)
            names[key][m.name] += 1
            types[key][m.type] += m.score
            surfaces[key].add(m.surface)
    entries = {k: lexicon.by_name.get(k) or _family(k, names[k], lexicon) for k in names}
    group = _merge(names, types, surfaces, entries)
    members: dict[str, list[str]] = defaultdict(list)
    for key in sorted(names):
        members[group[key]].append(key)
    canonical: dict[str, str] = {}
    entities: dict[str, Entity] = {}
    for keys in members.values():
        entry = next((entries[k] for k in keys if entries[k] is not None), None)
        counts = sum((names[k] for k in keys), Counter())
        votes = sum((types[k] for k in keys), Counter())
        name = entry.name if entry else _best_name(counts)
        typ = entry.type if entry else max(sorted(votes), key=lambda t: round(votes[t], 6))
        seen = set().union(*(surfaces[k] for k in keys)) | set(counts)
        aliases = {s for s in seen | (set(entry.aliases) if entry else set()) if s.strip()}
        aliases.discard(name)
        for k in keys:
            canonical[k] = name
        entities[name] = _entity(name, typ, aliases, entry)
    _add_wider_trends(entities, lexicon)
    by_name = entities
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
    ordered = tuple(sorted(entities.values(), key=lambda e: (e.name.casefold(), e.name)))
    return Linked(ordered, evidence, tuple(sorted(mentions)), tuple(rejected))


def _merge(names: dict[str, Counter], types: dict[str, Counter], surfaces: dict[str, set[str]],
           entries: dict[str, LexEntry | None]) -> dict[str, str]:
    """The group of each name key: keys joined by the surfaces they were seen under and by short
    name + descriptor. Two keys of distinct lexicon entries, or of different kinds of thing, stay apart."""
    parent = {k: k for k in names}
    entry_of = dict(entries)  # the lexicon entry of each group, kept at its root

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def kind(k: str) -> str:
        e = entries[k]
        return e.type if e else max(sorted(types[k]), key=lambda t: round(types[k][t], 6))

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        ea, eb = entry_of[ra], entry_of[rb]
        if ea is not None and eb is not None and ea is not eb:
            return  # the lexicon knows them as two things
        root, child = min(ra, rb), max(ra, rb)
        parent[child] = root
        entry_of[root] = ea or eb

    def compatible(a: str, b: str) -> bool:
        ka, kb = kind(a), kind(b)
        return ka == kb or (ka in _ORGS and kb in _ORGS)

    # by alias: a surface read under one name only is that name wherever it is a name of its own
    read_as: dict[str, set[str]] = defaultdict(set)
    for k in sorted(names):
        for s in surfaces[k]:
            if norm(s) != k:
                read_as[norm(s)].add(k)
    for s, targets in sorted(read_as.items()):
        if s in names and len(targets) == 1 and entries[s] is None:
            (t,) = targets
            if compatible(s, t):
                union(s, t)
    # by short name + descriptor: "Pantheon" / "Pantheon AI" / "Pantheon Labs"; "月之暗面" / "月之暗面科技"
    stems: dict[str, set[str]] = defaultdict(set)
    for k, counts in sorted(names.items()):
        if kind(k) not in _ORGS:
            continue
        for n in counts:
            m = _DESCRIPTOR.match(n.strip())
            stem = norm(m["latin"] or m["han"]) if m else k
            if len(stem) >= 2:
                stems[stem].add(k)
    for _, keys in sorted(stems.items()):
        keys = {k for k in keys if kind(k) in _ORGS}
        roots = {find(k) for k in keys}
        known = {id(entries[k]) for k in keys if entries[k] is not None}
        if len(roots) > 1 and len(known) <= 1:
            first, *rest = sorted(keys)
            for k in rest:
                union(first, k)
    return {k: find(k) for k in names}


def _entity(name: str, typ: str, aliases: set[str], entry: LexEntry | None) -> Entity:
    if entry is not None and typ == "Trend":
        return Entity(name, typ, frozenset(aliases), entry.definition, entry.broader)
    return Entity(name, typ, frozenset(aliases))


def _add_wider_trends(entities: dict[str, Entity], lexicon: Lexicon) -> None:
    """The wider trends of the trends found join the graph, so that the taxonomy holds together."""
    todo = [e.broader for e in entities.values() if e.broader]
    while todo:
        name = todo.pop()
        if name in entities:
            continue
        entry = lexicon.by_name.get(norm(name))
        if entry is None or entry.type != "Trend":
            continue
        entities[entry.name] = _entity(entry.name, "Trend", set(entry.aliases), entry)
        if entry.broader:
            todo.append(entry.broader)


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


def _family(key: str, spellings: Counter, lexicon: Lexicon) -> LexEntry | None:
    """The entry a key's names mean, when none of them names a version of it."""
    entry = lexicon.canonical(key)
    if entry is None or any(version_named(entry, n) != entry.name for n in spellings):
        return None
    return entry


def _best_name(counts: Counter) -> str:
    """The most frequent spelling, ties broken towards the longer and then alphabetically first."""
    return sorted(counts, key=lambda n: (-counts[n], -len(n), n))[0]
