"""The graph in a time window: only the facts stated (or happening) in it, and the entities they link."""

from __future__ import annotations

from collections import defaultdict

from pyoxigraph import Store

from aigraph.query.timeline import Window
from aigraph.vocab import AIG, AIG_NS, DCTERMS, RDF


def fact_dates(store: Store, by: str = "document") -> dict[tuple[str, str, str], set[str]]:
    """(subject, predicate, object) -> the dates of the sentences stating the fact: their documents'
    dates (`document`) or the dates they give for it (`event`). Read property by property (joins in
    the engine are slower on large graphs)."""
    def column(prop, graph=None) -> dict[str, str]:
        return {q.subject.value: q.object.value for q in store.quads_for_pattern(None, prop, None, graph)}

    subjects, predicates, objects = column(RDF.subject), column(RDF.predicate), column(RDF.object)
    if by == "document":
        docs, dated = column(AIG.inDocument), column(DCTERMS.date)
        when = {ev: dated[d] for ev, d in docs.items() if d in dated}
    else:
        when = column(AIG.date)
    out: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for q in store.quads_for_pattern(None, AIG.evidence, None, None):
        f, ev = q.subject.value, q.object.value
        if f in subjects and ev in when and predicates.get(f, "").startswith(AIG_NS):
            out[(subjects[f], predicates[f][len(AIG_NS):], objects[f])].add(when[ev])
    return out


def within(store: Store, g, window: Window, keep: frozenset[str] = frozenset()):
    """A copy of the NetworkX graph `g` (from `views.netgraph.to_networkx`) with only the facts whose
    sentences put them in the window, and the entities they link (plus the nodes in `keep`)."""
    dates = fact_dates(store, window.by)
    out = g.copy()
    gone = [(s, o, k) for s, o, k, d in g.edges(keys=True, data=True)
            if not any(window.contains(x) for x in dates.get((s, d["predicate"], o), ()))]
    out.remove_edges_from(gone)
    out.remove_nodes_from([n for n in list(out.nodes) if out.degree(n) == 0 and n not in keep])
    return out
