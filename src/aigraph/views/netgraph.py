"""The graph as NetworkX: entities as nodes, facts as edges, read from the store (no second copy)."""

from __future__ import annotations

from collections import defaultdict

from pyoxigraph import NamedNode, Store

from aigraph.graph.store import run
from aigraph.vocab import AIG, AIG_NS, ENT, ENTITY_TYPES, PREDICATES, RDF, RDFS, SKOS

_EVIDENCE = """
SELECT ?s ?p ?o ?doc ?idx ?text WHERE {
  ?f a aig:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; aig:evidence ?ev .
  ?ev aig:sentenceText ?text ; aig:inDocument ?d ; aig:sentenceIndex ?idx .
  ?d rdfs:label ?doc .
}"""


def to_networkx(store: Store, evidence: bool = False):
    """A MultiDiGraph: node = entity IRI (label, type, aliases, documents that mention it), edge = fact
    keyed by predicate (predicate, confidence, support; with `evidence`, the sentences that state it as
    sorted (document, sentence index, text) triples). Nodes and edges are added in sorted order."""
    import networkx as nx

    docs: dict[str, set[str]] = defaultdict(set)
    doc_label = _column(store, RDFS.label)
    for e, d in _pairs(store, AIG.mentionedIn):
        docs[e].add(doc_label.get(d, d))
    labels = {e: v for e, v in doc_label.items() if e.startswith(ENT)}
    aliases: dict[str, set[str]] = defaultdict(set)
    for e, alt in _pairs(store, SKOS.altLabel):
        aliases[e].add(alt)
    types: dict[str, set[str]] = defaultdict(set)
    for t in _entity_types(store):
        for q in store.quads_for_pattern(None, RDF.type, AIG.term(t), None):
            if q.subject.value.startswith(ENT):
                types[q.subject.value].add(t)
    g = nx.MultiDiGraph()
    for iri in sorted(set(types) & set(labels)):  # an entity typed twice keeps its first type in sorted order
        g.add_node(iri, label=labels[iri], type=min(types[iri]), aliases=sorted(a for a in aliases[iri] if a),
                   documents=sorted(docs.get(iri, ())))
    said = _evidence(store) if evidence else {}
    facts = _facts(store)
    edges = {}
    for pred in PREDICATES:
        for s, o in _pairs(store, AIG.term(pred)):
            edges[(s, pred, o)] = facts.get((s, pred, o), (1.0, 1))  # no fact node: full weight
    for (src, pred, dst), (conf, support) in sorted(edges.items(), key=lambda kv: (kv[0][0], kv[0][2], kv[0][1])):
        for iri in (src, dst):
            if iri not in g:  # an endpoint without a type or label still gets a readable node
                g.add_node(iri, label=iri[len(ENT):] if iri.startswith(ENT) else iri, type="Entity",
                           aliases=[], documents=[])
        attrs = {"predicate": pred, "confidence": conf, "support": support}
        if evidence:
            attrs["evidence"] = said.get((src, pred, dst), [])
        g.add_edge(src, dst, key=pred, **attrs)
    return g


def _pairs(store: Store, prop: NamedNode):
    """(subject, object) values of every triple with this property, in any graph. The store is read
    property by property and joined here: SPARQL joins and GROUP BY are several times slower on 100k
    entities."""
    for q in store.quads_for_pattern(None, prop, None, None):
        yield q.subject.value, q.object.value


def _entity_types(store: Store) -> list[str]:
    """Local names of the ontology's entity classes: the seven types and any subclass added later."""
    query = "SELECT DISTINCT ?t WHERE { ?t rdfs:subClassOf+ aig:Entity }"
    return sorted({s["t"].value[len(AIG_NS):] for s in run(store, query) if s["t"].value.startswith(AIG_NS)}
                  | set(ENTITY_TYPES))


def _column(store: Store, prop: NamedNode) -> dict[str, str]:
    return dict(_pairs(store, prop))


def _facts(store: Store) -> dict[tuple[str, str, str], tuple[float, int]]:
    """(subject, predicate, object) -> (best confidence, support) of every reified fact."""
    predicates, objects = _column(store, RDF.predicate), _column(store, RDF.object)
    confidence, support_count = _column(store, AIG.confidence), _column(store, AIG.supportCount)
    wanted = {AIG.term(p).value for p in PREDICATES}
    out: dict[tuple[str, str, str], tuple[float, int]] = {}
    for f, subject in _column(store, RDF.subject).items():
        pred, obj = predicates.get(f), objects.get(f)
        if pred not in wanted or obj is None:
            continue
        key = (subject, pred[len(AIG_NS):], obj)
        conf = float(confidence.get(f, 1.0))
        support = int(support_count.get(f, 1))
        prev = out.get(key)
        out[key] = (max(conf, prev[0]), max(support, prev[1])) if prev else (conf, support)
    return out


def _evidence(store: Store) -> dict[tuple[str, str, str], list[tuple[str, int, str]]]:
    out: dict[tuple[str, str, str], list[tuple[str, int, str]]] = defaultdict(list)
    for s in run(store, _EVIDENCE):
        key = (s["s"].value, s["p"].value[len(AIG_NS):], s["o"].value)
        out[key].append((s["doc"].value, int(s["idx"].value), s["text"].value))
    return {k: sorted(set(v)) for k, v in out.items()}


def undirected(g):
    """A simple undirected Graph of the same nodes: one edge per linked pair, weighted by the number of
    facts between them; self-loops dropped (they say nothing about how entities connect)."""
    import networkx as nx

    u = nx.Graph()
    u.add_nodes_from(g.nodes)
    for a, b in g.edges():
        if a == b:
            continue
        if u.has_edge(a, b):
            u[a][b]["weight"] += 1
        else:
            u.add_edge(a, b, weight=1)
    return u


def load_igraph():
    """The igraph module, imported without the matplotlib it would import for plotting (0.4 s of a
    build's CPU; aigraph draws nothing with igraph). igraph's own plotting through matplotlib then
    fails in this process; everything else in igraph is as usual."""
    import sys

    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    sys.modules["matplotlib"] = None  # type: ignore[assignment]  # `import matplotlib` raises ImportError
    try:
        import igraph
    finally:
        del sys.modules["matplotlib"]
    return igraph
