"""Document-level change of a built graph: the quads of the documents added and removed, and of the
entities, facts, funding rounds and conflicts they touch, worked out from the link index; nothing else
is read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from pyoxigraph import DefaultGraph, NamedNode, Quad, Store

from aigraph.extraction.lexicon import Lexicon, default_lexicon
from aigraph.graph import cache
from aigraph.graph.conflicts import conflict_quads, developer_conflicts, round_conflicts
from aigraph.graph.funding import rounds
from aigraph.graph.index import INDEX, Index, document_rows
from aigraph.graph.link import (
    Aggregate,
    Table,
    entity_table,
    entry_of,
    features,
    group_table,
    key_of,
    resolve,
    wider_trends,
)
from aigraph.graph.rdf import by_document, document_quads, entity_quads, fact_quads, round_quads_of
from aigraph.model import Entity, Evidence, Fact, Linked, Sentence
from aigraph.vocab import AIG, AIG_NS, DOC, RDF, RDFS, SKOS


@dataclass(frozen=True)
class Change:
    """What an update does to the store."""

    removed: frozenset[Quad]
    """Quads to take out."""
    inserted: frozenset[Quad]
    """Quads to put in."""
    documents: int
    """Documents in the graph afterwards."""
    regraphed: tuple[str, ...]
    """Documents already there whose quads changed with the entities they name."""
    entities: int = 0
    """Entities in the graph afterwards."""
    facts: int = 0
    """Facts in the graph afterwards."""


def work_out(stage, store: Store, added: Sequence[cache.Entry], gone: Sequence[str], threshold: float) -> Change:
    """Update the link index of the staged graph folder `stage` for the cache entries `added` and the
    document ids `gone` (removed, or replaced by a new version), and return the change to `store` (its
    store, not yet changed). The change is that between the quads a full build gives before and after,
    for every group of quads the documents touch: the entities whose sums, grouping or dates change
    (grouping is global: the keys are grouped again from the sums of every key, which the index keeps,
    and the two entity tables compared), the facts the documents state (with every sentence stating
    them, whatever the document), the funding rounds of the companies they fund, the conflicts of those
    companies and of the models whose developers change, the named graphs of the documents and of the
    other documents whose entities change name or type."""
    lexicon = default_lexicon()
    index = Index.writable(stage / INDEX)
    try:
        change = _work_out(index, store, stage, added, list(gone), threshold, lexicon)
    except BaseException:
        index.close(commit=False)
        raise
    index.close()
    return change


@dataclass
class _Tables:
    """The entity tables before and after an update, and what differs between them."""

    old: Table
    new: Table
    aggs: dict[str, Aggregate | None]
    """The new sums of the keys whose mentions change (None: no mention left)."""
    features: dict[str, tuple[set[str], set[str]] | None]
    """What may join those keys to others now (link.features)."""
    entities: tuple[list[tuple[str, str, Entity]], set[str] | None]
    """The index's entity rows to write, and the keys whose rows go first (None: every row)."""
    dated: set[str]
    """Names whose entity quads may change (the entity, or the documents naming it)."""
    keys: tuple[dict[str, list[str]], dict[str, list[str]]]
    """The keys of each of those names, before and after."""
    rerun: set[str]
    """Keys whose readings resolve otherwise now (the name or type they stand for changed)."""
    retyped: set[str]
    """Names whose entity appeared, went or changed type."""


def _tables(index: Index, gone: list[str], rows: Iterable[list], lexicon: Lexicon, local: bool = True) -> _Tables:
    """The entity tables before and after: the keys whose sums change are grouped again with the keys
    they may join (`_closure`: keys that share no surface and no short name with them, directly or
    through others, are grouped as before), unless a name is then made by groups on both sides of that
    line, when every key is grouped again."""
    gone_rows = index.mentions_of(gone)
    touched = {r[0] for r in gone_rows} | {r[0] for doc_rows in rows for r in doc_rows}
    old_t = index.aggregates_of(touched)
    new_t = {k: a.copy() for k, a in old_t.items()}
    for sign, doc_rows in [(-1, gone_rows)] + [(1, r) for r in rows]:
        for k, n, t, score, surface in doc_rows:
            new_t.setdefault(k, Aggregate()).add(n, t, score, surface, sign)
    entries = _Entries(lexicon)
    feats = {k: (features(k, a, entries[k]) if a else None) for k, a in new_t.items()}
    changed_aggs = {k: (a or None) for k, a in new_t.items()}
    return (local and _local(index, touched, old_t, new_t, feats, entries, lexicon)) or \
        _everything(index, touched, changed_aggs, feats, entries, lexicon)


class _Entries(dict):
    """Key -> its lexicon entry, looked up once."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__()
        self.lexicon = lexicon

    def __missing__(self, key: str):
        self[key] = entry_of(key, self.lexicon)
        return self[key]


class _Lookup(Mapping):
    """A mapping of the values worked out (`known`), names `gone` from it, and the rest read from the
    index when asked (`fetch`: None when there is none)."""

    def __init__(self, known: dict, gone: set, fetch) -> None:
        self.known, self.gone, self.fetch, self.cache = known, gone, fetch, {}

    def __getitem__(self, k):
        if k in self.known:
            return self.known[k]
        if k in self.gone:
            raise KeyError(k)
        if k not in self.cache:
            self.cache[k] = self.fetch(k)
        if self.cache[k] is None:
            raise KeyError(k)
        return self.cache[k]

    def __iter__(self):
        return iter(self.known)

    def __len__(self) -> int:
        return len(self.known)


def _closure(index: Index, touched: set[str], new_feats: dict, new_keys: set[str]) -> set[str]:
    """The keys grouping may join to the touched ones, before or after (`link.features`: keys read under
    a key's name, the key whose name a key was read under and every other key read under it, keys with
    a short name in common), followed from key to key."""
    found, frontier = set(touched), set(touched)
    while frontier:
        near: set[str] = set()
        near.update(k for _, k in index.read_under(frontier))  # read under one of these names
        near.update(t for t, f in new_feats.items() if f and f[0] & frontier)
        surf_rows, stem_rows = index.features_of(frontier)
        norms = {n for _, n in surf_rows} | {n for k in frontier & set(new_feats) if new_feats[k] for n in new_feats[k][0]}
        stems = {n for _, n in stem_rows} | {n for k in frontier & set(new_feats) if new_feats[k] for n in new_feats[k][1]}
        names = index.is_key(norms) | (norms & new_keys)  # a name that is a key of its own joins its readers
        near |= names
        near.update(k for _, k in index.read_under(names))
        near.update(t for t, f in new_feats.items() if f and f[0] & names)
        near.update(k for _, k in index.with_stems(stems))
        near.update(t for t, f in new_feats.items() if f and f[1] & stems)
        frontier = near - found
        found |= frontier
    return found


def _local(index: Index, touched: set[str], old_t: dict, new_t: dict, feats: dict, entries: _Entries,
           lexicon: Lexicon) -> _Tables | None:
    """The tables worked out over the closure of the touched keys; None when a name is made both inside
    and outside it (or twice inside), or a wider trend takes the name of an entity: left to _everything."""
    new_keys = {k for k, a in new_t.items() if a}
    closure = _closure(index, touched, feats, new_keys)
    rest = index.aggregates_of(closure - touched)
    old_aggs = {k: a for k, a in old_t.items() if a} | rest
    new_aggs = {k: a for k, a in new_t.items() if a} | rest
    old_roots, old_groups = group_table(old_aggs, entries)
    new_roots, new_groups = group_table(new_aggs, entries)
    old_names = [e.name for e in old_groups.values()]
    new_names = [e.name for e in new_groups.values()]
    inside = set(old_names) | set(new_names)
    if len(set(old_names)) < len(old_names) or len(set(new_names)) < len(new_names):
        return None
    if any(k not in closure for k, _, _, _ in index.named(inside)):
        return None
    outside_broaders = {b for k, b in index.db.execute("SELECT key, broader FROM ents WHERE broader != ''")
                        if k not in closure}

    def named_outside(name: str) -> bool:
        return any(k not in closure for k, _, _, _ in index.named([name]))

    tables = []
    for roots, groups in ((old_roots, old_groups), (new_roots, new_groups)):
        by_name = {e.name: e for e in groups.values()}
        wider = wider_trends(outside_broaders | {e.broader for e in groups.values()},
                             lambda n, by_name=by_name: n in by_name or named_outside(n), lexicon)
        if any(w in by_name or named_outside(w) for w in wider):  # a wider trend over an entity's name
            return None
        tables.append((roots, groups, by_name | wider))
    wider_names = {n for _, _, by_name in tables for n in by_name} - inside

    def entity(name: str) -> Entity | None:
        rows = [r for r in index.named([name]) if r[0] not in closure]
        if not rows:
            return None
        _, _, n, t = max(rows, key=lambda r: r[1])  # on one name, the group of the greater root is kept
        return Entity(n, t)

    def canonical(key: str) -> str | None:
        row = index.entities_of([key]).get(key)
        return row[1] if row else None

    (o_roots, o_groups, o_names), (n_roots, n_groups, n_names) = tables
    old = Table(_Lookup({k: o_groups[r].name for k, r in o_roots.items()}, closure, canonical),
                _Lookup(o_names, inside | wider_names, entity), o_roots, o_groups)
    new = Table(_Lookup({k: n_groups[r].name for k, r in n_roots.items()}, closure, canonical),
                _Lookup(n_names, inside | wider_names, entity), n_roots, n_groups)
    rows = [(k, r, n_groups[r]) for k, r in n_roots.items()]
    return _compare(old, new, closure, inside | wider_names, touched, {k: (a or None) for k, a in new_t.items()},
                    feats, (rows, closure), lexicon)


def _everything(index: Index, touched: set[str], changed_aggs: dict, feats: dict, entries: _Entries,
                lexicon: Lexicon) -> _Tables:
    """The tables of every key, grouped again from the sums the index keeps."""
    old_aggs = index.aggregates()
    new_aggs = {k: a for k, a in old_aggs.items() if k not in changed_aggs}
    new_aggs.update((k, a) for k, a in changed_aggs.items() if a)
    old, new = entity_table(old_aggs, lexicon, entries), entity_table(new_aggs, lexicon, entries)
    keys = set(old_aggs) | set(new_aggs)
    rows = [(k, r, new.groups[r]) for k, r in new.roots.items()]
    return _compare(old, new, keys, set(old.by_name) | set(new.by_name), touched, changed_aggs, feats,
                    (rows, None), lexicon)


def _compare(old: Table, new: Table, keys: set[str], names: set[str], touched: set[str], aggs: dict, feats: dict,
             entities, lexicon: Lexicon) -> _Tables:
    """What differs between the tables, over these keys and names (outside them, nothing does)."""
    changed = {n for n in names if old.by_name.get(n) != new.by_name.get(n)}
    moved = {k for k in keys if old.canonical.get(k) != new.canonical.get(k)}

    def typ(t: Table, name: str | None) -> str | None:
        e = t.by_name.get(name) if name is not None else None
        return e.type if e is not None else None

    retyped = {n for n in changed if typ(old, n) != typ(new, n)}
    dated = set(changed)
    for t in (old, new):
        dated.update(t.canonical[k] for k in touched | moved if k in t.canonical)
    inverse: tuple[dict[str, list[str]], dict[str, list[str]]] = (defaultdict(list), defaultdict(list))
    for t, inv in zip((old, new), inverse):
        for k in keys:
            if (n := t.canonical.get(k)) in dated:
                inv[n].append(k)
    rerun = set(moved) | {key_of(n, lexicon) for n in retyped}
    rerun.update(k for t, inv in zip((old, new), inverse) for n in retyped for k in inv.get(n, ()))
    return _Tables(old, new, aggs, feats, entities, dated, inverse, rerun, retyped)


def _work_out(index: Index, store: Store, stage, added, gone: list[str], threshold, lexicon) -> Change:
    new_ids = {e.document.id for e in added}
    rows = {e.document.id: document_rows(e.readings, threshold, lexicon) for e in added}
    t = _tables(index, gone, [r for r, _ in rows.values()], lexicon)
    others = sorted(index.users(t.rerun) - new_ids - set(gone))
    entries = [cache.read(stage, key) for key in index.doc_keys(others).values()] + list(added)
    readings = [a for e in entries for a in e.readings]
    kept, _, mentions = resolve(readings, t.new, threshold, lexicon)
    evidence = [kept[k] for k in sorted(kept)]
    triples = {r[:3] for r in index.evidence_of_documents(gone + others)}
    triples |= {(e.fact.subject, e.fact.predicate, e.fact.object) for e in evidence}
    investees = {o for _, p, o in triples if p == "investedIn"}
    ends = {n for s, p, o in triples if p == "acquired" for n in (s, o)}
    models = {s for s, p, _ in triples if p == "developedBy"} | t.retyped | index.developed_by(ends)
    doc_keys = index.doc_keys(gone + others)

    old = _default_quads(index, t.old, t.dated, t.keys[0], triples, investees, models)
    for doc_id in gone + others:
        old.update(store.quads_for_pattern(None, None, None, NamedNode(DOC + doc_keys[doc_id])))
    for doc_id in gone:
        index.remove_document(doc_id)
    index.drop_evidence(others)
    for e in added:
        index.add_document(e.document, e.key, *rows[e.document.id])
    index.put_aggregates(t.aggs)
    index.put_features(t.features)
    entity_rows, replaced = t.entities
    if replaced is None:
        index.clear_entities()
    index.put_entities(entity_rows, replaced or ())
    index.put_evidence(evidence)

    new = _default_quads(index, t.new, t.dated, t.keys[1], triples, investees, models)
    grouped = by_document(Linked((), tuple(evidence), tuple(sorted(mentions))))
    for e in entries:
        new.update(document_quads(e.document, Linked((), (), ()), grouped))
    wider = wider_trends(index.broaders(), lambda n: bool(index.named([n])), lexicon)
    return Change(frozenset(old - new), frozenset(new - old), index.count(), tuple(others),
                  index.count_names() + len(wider), index.count_facts())


def _default_quads(index: Index, table: Table, names: set[str], keys: dict[str, list[str]], triples: set,
                   investees: set[str], models: set[str]) -> set[Quad]:
    """The default graph's quads of these entities (`keys`: name -> its keys), facts, companies' funding
    rounds and conflicts and models' conflicts, as the index and `table` have them now."""
    stated = {n: dates for n in names if (dates := index.stated(keys.get(n, ()))) is not None}
    out = set(entity_quads([table.by_name[n] for n in sorted(names) if n in table.by_name], stated))
    sup = index.support(triples)
    out.update(fact_quads(sup.sentences, sup.confidence, sup.said, sup.happened))
    found = rounds(index.investments(investees))
    docs = {ev.sentence.doc_id for r in found for ev in r.evidence}
    graphs = {d: NamedNode(DOC + key) for d, key in index.doc_keys(docs).items()}
    out.update(round_quads_of(found, graphs.__getitem__, index.dates(docs)))
    conflicts = round_conflicts(found) + developer_conflicts(_developers(index, table, models))
    for c in conflicts:
        out.update(conflict_quads(c))
    return out


def _developers(index: Index, table: Table, models: set[str]) -> Linked:
    """What developer conflicts of these models are made of: the models, their developedBy evidence and
    the acquisitions between their developers."""
    rows = index.developers(models)
    makers = {o for _, o, _, _ in rows}
    evidence = [Evidence(Fact(s, "developedBy", o, 1.0), Sentence(doc, idx, "", ())) for s, o, doc, idx in rows]
    evidence += [Evidence(Fact(a, "acquired", b, 1.0), Sentence("", 0, "", ())) for a, b in index.acquisitions(makers)]
    entities = tuple(table.by_name[m] for m in sorted(models) if m in table.by_name)
    return Linked(entities, tuple(evidence), ())


CHECK_PART = 5000
"""Subjects judged together when a whole graph is checked part by part (check_store)."""


def check_store(store: Store, quads: Sequence[Quad]) -> None:
    """Check the graph of these quads, written in `store`, against the shapes part by part: each part
    a few thousand subjects with the context they need, so that the memory the check takes follows the
    part, not the graph (rdflib holds a triple in a kilobyte or two). Raises InvalidGraph with the
    violations of every part."""
    from aigraph.graph.validate import InvalidGraph, check_part

    by_subject: dict = {}
    for q in quads:
        by_subject.setdefault(q.subject, []).append(q)
    subjects = sorted(by_subject, key=str)
    bad = []
    for i in range(0, len(subjects), CHECK_PART):
        part = frozenset(q for s in subjects[i:i + CHECK_PART] for q in by_subject[s])
        try:
            if len(subjects) <= CHECK_PART:
                # one part, the whole graph: the store holds nothing more for context() to find (its
                # queries are half the check), and its focus is the part's named subjects
                check_part(part, {s for s in subjects if isinstance(s, NamedNode)})
            else:
                check_part(*context(store, part))
        except InvalidGraph as exc:
            bad += exc.violations
    if bad:
        raise InvalidGraph(sorted(set(bad), key=lambda v: (v.focus, v.path, v.value, v.message)))


# ---------------------------------------------------------------- checking the change

def context(store: Store, inserted: frozenset[Quad]) -> tuple[set[Quad], set[NamedNode]]:
    """The quads the SHACL shapes need to judge the inserted ones, and the nodes to judge (the subjects
    of the inserted quads: the others were judged when they were written). Beside the inserted quads:
    every quad of each fact and round they name, with its plain triple and the type of every evidence
    node it points to (a support count is checked against them all); each round investor's investedIn
    triple and its fact; the type of every entity and document named."""
    out = set(inserted)
    focus = {q.subject for q in inserted if isinstance(q.subject, NamedNode)}
    facts, rounds = set(), set()
    for q in inserted:
        if q.predicate.value.startswith(AIG_NS) and q.subject.value.startswith(_ENT) \
                and isinstance(q.object, NamedNode) and q.object.value.startswith(_ENT):
            # a plain relation triple: the fact that states it (and its evidence) must be there
            for f in store.quads_for_pattern(None, RDF.subject, q.subject, DefaultGraph()):
                if any(store.quads_for_pattern(f.subject, RDF.object, q.object, DefaultGraph())) and \
                        any(store.quads_for_pattern(f.subject, RDF.predicate, q.predicate, DefaultGraph())):
                    facts.add(f.subject)
        for node in (q.subject, q.object):
            if isinstance(node, NamedNode) and node.value.startswith(_FACT):
                tail = node.value[len(_FACT):]
                if tail.startswith("round-"):
                    rounds.add(node)
                elif "/" not in tail:
                    facts.add(node)
    for r in rounds:
        investee = next((q.object for q in store.quads_for_pattern(r, AIG.investee, None, DefaultGraph())), None)
        for q in store.quads_for_pattern(r, AIG.investor, None, DefaultGraph()):
            out.update(store.quads_for_pattern(q.object, AIG.investedIn, investee, DefaultGraph()))
            for f in store.quads_for_pattern(None, RDF.subject, q.object, DefaultGraph()):
                if any(store.quads_for_pattern(f.subject, RDF.object, investee, DefaultGraph())):
                    facts.add(f.subject)
    evidence = set()
    for node in facts | rounds:
        spo = {}
        for q in store.quads_for_pattern(node, None, None):
            out.add(q)
            if q.predicate == AIG.evidence:
                evidence.add((q.object, q.graph_name))
            if q.predicate in (RDF.subject, RDF.predicate, RDF.object):
                spo[q.predicate] = q.object
        if len(spo) == 3:  # the fact's plain triple
            out.update(store.quads_for_pattern(spo[RDF.subject], spo[RDF.predicate], spo[RDF.object], DefaultGraph()))
    for ev, g in evidence:
        out.update(store.quads_for_pattern(ev, RDF.type, None, g))
    for e in {q.subject for q in inserted if q.subject.value.startswith(_ENT)}:
        # an entity judged: what it says of itself (names, dates, definition, wider trend), not its
        # relations (whose facts are judged where they change) nor its mentions in other documents
        for p in _OWN:
            out.update(store.quads_for_pattern(e, p, None, DefaultGraph()))
    for e in {n for q in out for n in (q.subject, q.object) if isinstance(n, NamedNode) and n.value.startswith(_ENT)}:
        out.update(store.quads_for_pattern(e, RDF.type, None, DefaultGraph()))
    for d in {q.object for q in out if isinstance(q.object, NamedNode) and q.object.value.startswith(DOC)}:
        out.update(store.quads_for_pattern(d, RDF.type, None, d))
    return out, focus


_ENT = "https://aigraph.dev/id/"
_OWN = (RDFS.label, SKOS.altLabel, AIG.firstStated, AIG.lastStated, SKOS.definition, SKOS.broader)
_FACT = "https://aigraph.dev/fact/"
