"""Two builds compared: documents, entities, facts, funding rounds and conflicts added, removed and changed."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Store

from aigraph.vocab import AIG, AIG_NS, DCTERMS, ENTITY_TYPES, RDF, RDFS, SKOS

_ENTITY_CLASSES = {AIG.term(t).value: t for t in ENTITY_TYPES}


@dataclass(frozen=True)
class Snapshot:
    """What one build holds, read from its default graph and its documents' metadata."""

    documents: dict[str, tuple[str, str | None]]
    """Document IRI -> (label, date)."""
    entities: dict[str, tuple[str, str, frozenset[str]]]
    """Entity IRI -> (label, type, aliases)."""
    facts: dict[str, tuple[str, str, str, str | None, str | None]]
    """Fact IRI -> (subject, predicate, object, confidence, support)."""
    rounds: dict[str, dict[str, object]]
    """Round IRI -> its attributes (investee, investors, amount, currency, valuation, date, name)."""
    conflicts: dict[str, tuple[str, str, frozenset[str]]]
    """Conflict IRI -> (entity, what is disputed, claims)."""


def _column(store: Store, prop: NamedNode, default: bool = True) -> dict[str, str]:
    graph = DefaultGraph() if default else None
    return {q.subject.value: q.object.value for q in store.quads_for_pattern(None, prop, None, graph)}


def _multi(store: Store, prop: NamedNode) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for q in store.quads_for_pattern(None, prop, None, DefaultGraph()):
        out[q.subject.value].add(q.object.value)
    return out


def snapshot(store: Store) -> Snapshot:
    """Read a build's summary: property by property from the default graph (no joins in the engine)."""
    labels = _column(store, RDFS.label)
    doc_labels = {q.subject.value: q.object.value for q in store.quads_for_pattern(None, AIG.sourcePath, None, None)}
    dates = _column(store, DCTERMS.date, default=False)
    documents = {d: (label, dates.get(d)) for d, label in doc_labels.items()}
    aliases = _multi(store, SKOS.altLabel)
    entities = {}
    types = _multi(store, RDF.type)
    for iri, ts in types.items():
        known = sorted(_ENTITY_CLASSES[t] for t in ts if t in _ENTITY_CLASSES)
        if known:
            entities[iri] = (labels.get(iri, iri), known[0], frozenset(aliases.get(iri, ())))
    subjects, predicates, objects = (_column(store, p) for p in (RDF.subject, RDF.predicate, RDF.object))
    confidence, support = _column(store, AIG.confidence), _column(store, AIG.supportCount)
    facts = {f: (s, predicates.get(f, "").removeprefix(AIG_NS), objects.get(f, ""), confidence.get(f), support.get(f))
             for f, s in subjects.items()}
    rounds: dict[str, dict[str, object]] = {}
    investors = _multi(store, AIG.investor)
    columns = {name: _column(store, AIG.term(name)) for name in
               ("amount", "currency", "valuation", "valuationCurrency", "date", "roundName")}
    for r, company in _column(store, AIG.investee).items():
        rounds[r] = {"investee": company, "investors": tuple(sorted(investors.get(r, ())))} | \
                    {name: col.get(r) for name, col in columns.items()}
    about, on, claims = _column(store, AIG.conflictAbout), _column(store, AIG.conflictOn), _multi(store, AIG.claim)
    conflicts = {c: (e, on.get(c, ""), frozenset(claims.get(c, ()))) for c, e in about.items()}
    return Snapshot(documents, entities, facts, rounds, conflicts)


@dataclass(frozen=True)
class Change:
    """One thing in both builds whose attributes differ."""

    iri: str
    """What changed."""
    label: str
    """How people read it (a name, `subject predicate object`, a round's company)."""
    attributes: dict[str, tuple[object, object]] = field(default_factory=dict)
    """Attribute -> (old value, new value)."""


@dataclass(frozen=True)
class Part:
    """Added, removed and changed items of one kind."""

    added: tuple[str, ...] = ()
    """IRIs in the new build only, sorted."""
    removed: tuple[str, ...] = ()
    """IRIs in the old build only, sorted."""
    changed: tuple[Change, ...] = ()
    """Items in both whose attributes differ, sorted by IRI."""
    renamed: tuple[tuple[str, str], ...] = ()
    """(old IRI, new IRI) of entities whose canonical spelling changed (the same name folded, or a name
    each had among its aliases): left out of `added` and `removed`."""


@dataclass(frozen=True)
class Diff:
    """Two builds compared."""

    old: Snapshot
    """The old build."""
    new: Snapshot
    """The new build."""
    documents: Part
    """Documents (by content hash)."""
    entities: Part
    """Entities: type, label and aliases compared."""
    facts: Part
    """Facts: confidence and support compared."""
    rounds: Part
    """Funding rounds: investors, valuation and name compared (amount and date make the round)."""
    conflicts: Part
    """Conflicts: their claims compared."""

    @property
    def empty(self) -> bool:
        """Whether the builds hold the same things."""
        return not any(p.added or p.removed or p.changed or p.renamed
                       for p in (self.documents, self.entities, self.facts, self.rounds, self.conflicts))

    @cached_property
    def _names(self) -> dict[str, str]:
        return {iri: v[0] for snap in (self.old, self.new) for iri, v in snap.entities.items()}

    def label(self, iri: str) -> str:
        """How people read an item of either build."""
        names = self._names
        for snap in (self.new, self.old):
            if iri in snap.entities:
                return snap.entities[iri][0]
            if iri in snap.documents:
                return snap.documents[iri][0]
            if iri in snap.facts:
                s, p, o, _, _ = snap.facts[iri]
                return f"{names.get(s, s)} {p} {names.get(o, o)}"
            if iri in snap.rounds:
                r = snap.rounds[iri]
                return " ".join(str(x) for x in (names.get(str(r["investee"]), r["investee"]), r.get("roundName"),
                                                 r.get("date"), r.get("amount"), r.get("currency")) if x)
            if iri in snap.conflicts:
                e, on, _ = snap.conflicts[iri]
                return f"{names.get(e, e)}: {on}"
        return iri


def _part(old: dict, new: dict, compare) -> Part:
    changed = []
    for k in sorted(old.keys() & new.keys()):
        attrs = compare(old[k], new[k])
        if attrs:
            changed.append(Change(k, "", attrs))
    return Part(tuple(sorted(new.keys() - old.keys())), tuple(sorted(old.keys() - new.keys())), tuple(changed))


def _entity_change(a, b) -> dict:
    out = {}
    if a[0] != b[0]:
        out["label"] = (a[0], b[0])
    if a[1] != b[1]:
        out["type"] = (a[1], b[1])
    if a[2] != b[2]:
        out["aliases"] = (sorted(a[2] - b[2]), sorted(b[2] - a[2]))  # (dropped, added)
    return out


def _fact_change(a, b) -> dict:
    return {name: (a[i], b[i]) for i, name in ((3, "confidence"), (4, "support")) if a[i] != b[i]}


def _round_change(a, b) -> dict:
    return {k: (a.get(k), b.get(k)) for k in sorted(a.keys() | b.keys()) if a.get(k) != b.get(k)}


def compare(old: Snapshot, new: Snapshot) -> Diff:
    """What the new build has that the old one has not, and the other way round, and what changed."""
    d = Diff(old, new,
             _part(old.documents, new.documents, lambda a, b: {"date": (a[1], b[1])} if a[1] != b[1] else {}),
             _part(old.entities, new.entities, _entity_change),
             _part(old.facts, new.facts, _fact_change),
             _part(old.rounds, new.rounds, _round_change),
             _part(old.conflicts, new.conflicts,
                   lambda a, b: {"claims": (sorted(a[2] - b[2]), sorted(b[2] - a[2]))} if a[2] != b[2] else {}))
    # labels for the changed items, now that both builds are known
    parts = [Part(p.added, p.removed, tuple(Change(c.iri, d.label(c.iri), c.attributes) for c in p.changed))
             for p in (d.documents, d.entities, d.facts, d.rounds, d.conflicts)]
    parts[1] = _renamed(parts[1], old, new)
    return Diff(old, new, *parts)


def _renamed(p: Part, old: Snapshot, new: Snapshot) -> Part:
    """Entities removed and added that are one entity spelt anew: the same type, and a name in common
    once folded (`Pix` and `PIX`) among their labels and aliases."""
    from aigraph.folding import norm

    def keys(e: tuple[str, str, frozenset[str]]) -> set[tuple[str, str]]:
        return {(e[1], norm(n)) for n in (e[0], *e[2]) if norm(n)}

    by_key: dict[tuple[str, str], set[str]] = defaultdict(set)
    for iri in p.added:
        for k in keys(new.entities[iri]):
            by_key[k].add(iri)
    pairs, taken = [], set()
    for iri in p.removed:
        hits = sorted({a for k in keys(old.entities[iri]) for a in by_key.get(k, ())} - taken)
        if len(hits) == 1:
            pairs.append((iri, hits[0]))
            taken.add(hits[0])
    gone = {a for a, _ in pairs}
    return replace(p, added=tuple(i for i in p.added if i not in taken),
                   removed=tuple(i for i in p.removed if i not in gone), renamed=tuple(pairs))


def diff_stores(old: Store, new: Store) -> Diff:
    """Two open stores compared."""
    return compare(snapshot(old), snapshot(new))


def write_patch(old: Store, new: Store, folder: Path) -> tuple[Path, Path, int, int]:
    """The difference as an RDF patch: `added.nq` (quads in the new build only) and `removed.nq` (in the
    old only), every graph but the ontology's, sorted, each written atomically. Returns the two files
    and their sizes in quads."""
    from pyoxigraph import RdfFormat

    from aigraph.graph.store import ONTOLOGY_IRI, write_rdf

    skip = NamedNode(ONTOLOGY_IRI)

    def quads(store: Store) -> set:
        return {q for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != skip}

    a, b = quads(old), quads(new)
    added = sorted(b - a, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    removed = sorted(a - b, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    folder.mkdir(parents=True, exist_ok=True)
    write_rdf(added, folder / "added.nq", RdfFormat.N_QUADS)
    write_rdf(removed, folder / "removed.nq", RdfFormat.N_QUADS)
    return folder / "added.nq", folder / "removed.nq", len(added), len(removed)


# ---------------------------------------------------------------- as text and JSON

_KINDS = ("documents", "entities", "facts", "rounds", "conflicts")
_NAMES = {"rounds": "funding rounds"}


def diff_text(d: Diff, old: str, new: str, limit: int = 10) -> str:
    """A summary line per kind, then the items added, removed and changed (at most `limit` each; 0: all)."""
    lines = [f"{old} -> {new}" + (": the same" if d.empty else "")]
    width = max(len(_NAMES.get(k, k)) for k in _KINDS)
    for kind in _KINDS:
        p = getattr(d, kind)
        lines.append(f"  {_NAMES.get(kind, kind):{width}s}  +{len(p.added)}  -{len(p.removed)}  ~{len(p.changed)}"
                     + (f"  renamed {len(p.renamed)}" if p.renamed else ""))
    for kind in _KINDS:
        p = getattr(d, kind)
        for sign, items in (("+", p.added), ("-", p.removed)):
            if not items:
                continue
            items = sorted(items, key=lambda i: (d.label(i).casefold(), i))
            lines.append(f"\n{_NAMES.get(kind, kind).capitalize()} {'added' if sign == '+' else 'removed'} ({len(items)})")
            if kind == "entities":
                snap = d.new if sign == "+" else d.old
                counts = Counter(snap.entities[i][1] for i in items)
                lines.append("  " + ", ".join(f"{t} {n}" for t, n in counts.most_common()))
            shown = items if not limit else items[:limit]
            lines += [f"  {sign} {d.label(i)}" for i in shown]
            if len(items) > len(shown):
                lines.append(f"  ... and {len(items) - len(shown)} more")
        if p.renamed:
            lines.append(f"\n{_NAMES.get(kind, kind).capitalize()} renamed ({len(p.renamed)})")
            shown_pairs = p.renamed if not limit else p.renamed[:limit]
            lines += [f"  ~ {d.label(a)} -> {d.label(b)}" for a, b in shown_pairs]
            if len(p.renamed) > len(shown_pairs):
                lines.append(f"  ... and {len(p.renamed) - len(shown_pairs)} more")
        if p.changed:
            lines.append(f"\n{_NAMES.get(kind, kind).capitalize()} changed ({len(p.changed)})")
            shown = p.changed if not limit else p.changed[:limit]
            for c in shown:
                lines.append(f"  ~ {c.label}: " + "; ".join(f"{k} {_show(v)}" for k, v in c.attributes.items()))
            if len(p.changed) > len(shown):
                lines.append(f"  ... and {len(p.changed) - len(shown)} more")
    return "\n".join(lines)


def _show(v: tuple) -> str:
    a, b = v
    if isinstance(a, list) and isinstance(b, list):  # (dropped, added)
        return " ".join([f"-{x}" for x in a] + [f"+{x}" for x in b])
    return f"{a if a is not None else '-'} -> {b if b is not None else '-'}"


def diff_data(d: Diff) -> dict:
    """The comparison as JSON-ready data."""
    out: dict = {"same": d.empty}
    for kind in _KINDS:
        p = getattr(d, kind)
        out[kind] = {
            "added": [{"iri": i, "label": d.label(i)} for i in p.added],
            "removed": [{"iri": i, "label": d.label(i)} for i in p.removed],
            "changed": [{"iri": c.iri, "label": c.label,
                         "attributes": {k: list(v) for k, v in c.attributes.items()}} for c in p.changed],
        }
        if kind == "entities":
            out[kind]["renamed"] = [{"old": a, "new": b, "old_label": d.label(a), "new_label": d.label(b)}
                                    for a, b in p.renamed]
    return out
