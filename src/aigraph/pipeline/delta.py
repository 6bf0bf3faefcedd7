"""Document-level change of a built graph: the quads of the documents added and removed, and of the
entities, facts, funding rounds and conflicts they touch, worked out from the link index; nothing else
is read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pyoxigraph import DefaultGraph, NamedNode, Quad, Store

from aigraph.extraction.lexicon import Lexicon, default_lexicon
from aigraph.graph import cache
from aigraph.graph.conflicts import conflict_quads, developer_conflicts, round_conflicts
from aigraph.graph.funding import rounds
from aigraph.graph.index import INDEX, Index, document_rows
from aigraph.graph.link import Aggregate, Table, entity_table, entry_of, key_of, resolve
from aigraph.graph.rdf import by_document, document_quads, entity_quads, fact_quads, round_quads_of
from aigraph.model import Evidence, Fact, Linked, Sentence
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
    dated: set[str]
    """Names whose entity quads may change (the entity, or the documents naming it)."""
    rerun: set[str]
    """Keys whose readings resolve otherwise now (the name or type they stand for changed)."""
    retyped: set[str]
    """Names whose entity appeared, went or changed type."""


def _tables(index: Index, gone: list[str], rows: Iterable[list], lexicon: Lexicon) -> _Tables:
    old_aggs = index.aggregates()
    new_aggs = dict(old_aggs)
    touched: set[str] = set()
    for sign, doc_rows in [(-1, index.mentions_of(gone))] + [(1, r) for r in rows]:
        for k, n, t, score, surface in doc_rows:
            if k not in touched:
                touched.add(k)
                new_aggs[k] = new_aggs[k].copy() if k in new_aggs else Aggregate()
            new_aggs[k].add(n, t, score, surface, sign)
    changed_aggs = {k: (new_aggs[k] or None) for k in touched}
    for k in touched:
        if not new_aggs[k]:
            del new_aggs[k]
    keys = set(old_aggs) | set(new_aggs)
    entries = {k: entry_of(k, lexicon) for k in keys}
    old, new = entity_table(old_aggs, lexicon, entries), entity_table(new_aggs, lexicon, entries)
    changed = {n for n in set(old.by_name) | set(new.by_name) if old.by_name.get(n) != new.by_name.get(n)}
    moved = {k for k in keys if old.canonical.get(k) != new.canonical.get(k)}

    def typ(t: Table, name: str | None) -> str | None:
        e = t.by_name.get(name) if name is not None else None
        return e.type if e is not None else None

    retyped = {n for n in changed if typ(old, n) != typ(new, n)}
    dated = set(changed)
    for t in (old, new):
        dated.update(t.canonical[k] for k in touched | moved if k in t.canonical)
    rerun = set(moved) | {key_of(n, lexicon) for n in retyped}
    if retyped:
        rerun.update(k for t in (old, new) for k, n in t.canonical.items() if n in retyped)
    return _Tables(old, new, changed_aggs, dated, rerun, retyped)


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

    old = _default_quads(index, t.old, t.dated, triples, investees, models)
    for doc_id in gone + others:
        old.update(store.quads_for_pattern(None, None, None, NamedNode(DOC + doc_keys[doc_id])))
    for doc_id in gone:
        index.remove_document(doc_id)
    index.drop_evidence(others)
    for e in added:
        index.add_document(e.document, e.key, *rows[e.document.id])
    index.put_aggregates(t.aggs)
    index.put_evidence(evidence)

    new = _default_quads(index, t.new, t.dated, triples, investees, models)
    grouped = by_document(Linked((), tuple(evidence), tuple(sorted(mentions))))
    for e in entries:
        new.update(document_quads(e.document, Linked((), (), ()), grouped))
    return Change(frozenset(old - new), frozenset(new - old), index.count(), tuple(others))


def _default_quads(index: Index, table: Table, names: set[str], triples: set, investees: set[str],
                   models: set[str]) -> set[Quad]:
    """The default graph's quads of these entities, facts, companies' funding rounds and conflicts and
    models' conflicts, as the index and `table` have them now."""
    keys: dict[str, list[str]] = defaultdict(list)
    for k, n in table.canonical.items():
        if n in names:
            keys[n].append(k)
    stated = {n: dates for n in names if (dates := index.stated(keys[n])) is not None}
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
