"""Document-level change of a built graph: the quads of the documents added and removed, and of the
entities, facts and funding rounds they touch, worked out from the link index; nothing else is read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, Store

from aigraph.extraction.lexicon import default_lexicon
from aigraph.graph import cache
from aigraph.graph.index import INDEX, Index
from aigraph.graph.link import fact_keys, mention_rows, resolve
from aigraph.graph.rdf import by_document, document_quads, entity_quads, fact_quads, round_quads_of
from aigraph.model import Linked
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


def work_out(stage: Path, store: Store, added: Sequence[cache.Entry], gone: Sequence[str], threshold: float) -> Change:
    """Update the link index of the staged graph folder `stage` for the cache entries `added` and the
    document ids `gone` (removed, or replaced by a new version), and return the change to `store` (its
    store, not yet changed). The change is that between the quads a full build gives before and after,
    for every group of quads the documents touch: the entities of the keys they use, the facts they
    state (with every sentence stating them, whatever the document), the funding rounds of the companies
    they fund, the named graphs of the documents and of the other documents whose entities change name
    or type."""
    lexicon = default_lexicon()
    index = Index.writable(stage / INDEX)
    try:
        change = _work_out(index, store, stage, added, list(gone), threshold, lexicon)
    except BaseException:
        index.close(commit=False)
        raise
    index.close()
    return change


def _work_out(index: Index, store: Store, stage: Path, added, gone: list[str], threshold, lexicon) -> Change:
    new_ids = {e.document.id for e in added}
    added_readings = [a for e in added for a in e.readings]
    keys = index.keys_of(gone) | _keys(added_readings, threshold, lexicon)
    before = index.entities(keys, lexicon)
    old_keys = index.doc_keys(gone)
    for doc_id in gone:
        index.remove_document(doc_id, evidence=False)  # its evidence goes below, once the old facts are known
    for e in added:
        index.add_document(e.document.id, e.key, e.readings, threshold, lexicon)
    after = index.entities(keys, lexicon)
    renamed = {k for k in keys if _identity(before.get(k)) != _identity(after.get(k))}
    others = sorted(index.users(renamed) - new_ids)
    entries = [cache.read(stage, key) for key in index.doc_keys(others).values()] + list(added)
    readings = [a for e in entries for a in e.readings]
    table = after | index.entities(_keys(readings, threshold, lexicon) - keys, lexicon)
    kept, _, mentions = resolve(readings, table, threshold, lexicon)
    evidence = [kept[k] for k in sorted(kept)]
    old_rows = index.evidence_of_documents(gone + others)
    triples = {r[:3] for r in old_rows} | {(e.fact.subject, e.fact.predicate, e.fact.object) for e in evidence}
    investees = {o for _, p, o in triples if p == "investedIn"}

    def graph_of(doc_id: str, old: bool = False) -> NamedNode:
        key = old_keys.get(doc_id) if old else None
        return NamedNode(DOC + (key or index.doc_keys([doc_id])[doc_id]))

    old = set(entity_quads(before.values())) | set(fact_quads(*index.support(triples)))
    old |= set(round_quads_of(index.investments(investees), lambda d: graph_of(d, old=True)))
    for doc_id in gone + others:
        old.update(store.quads_for_pattern(None, None, None, graph_of(doc_id, old=True)))
    index.drop_evidence(gone + others)
    index.put_evidence(evidence)
    new = set(entity_quads(after.values())) | set(fact_quads(*index.support(triples)))
    new |= set(round_quads_of(index.investments(investees), graph_of))
    grouped = by_document(Linked((), tuple(evidence), tuple(sorted(mentions))))
    for e in entries:
        new.update(document_quads(e.document, Linked((), (), ()), grouped))
    return Change(frozenset(old - new), frozenset(new - old), index.count(), tuple(others))


def _keys(readings, threshold: float, lexicon) -> set[str]:
    return {r[0] for r in mention_rows(readings, lexicon)} | fact_keys(readings, threshold, lexicon)


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


def _identity(entity) -> tuple | None:
    return (entity.name, entity.type) if entity is not None else None


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
    for e in {n for q in out for n in (q.subject, q.object) if isinstance(n, NamedNode) and n.value.startswith(_ENT)}:
        out.update(store.quads_for_pattern(e, RDF.type, None, DefaultGraph()))
        if e in focus:  # an entity judged: its names too (its mentions in other documents are not judged)
            for p in (RDFS.label, SKOS.altLabel):
                out.update(store.quads_for_pattern(e, p, None, DefaultGraph()))
    for d in {q.object for q in out if isinstance(q.object, NamedNode) and q.object.value.startswith(DOC)}:
        out.update(store.quads_for_pattern(d, RDF.type, None, d))
    return out, focus


_ENT = "https://aigraph.dev/id/"
_FACT = "https://aigraph.dev/fact/"
