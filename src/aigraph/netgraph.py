"""The graph as NetworkX: entities as nodes, facts as edges, read from the store (no second copy)."""

from __future__ import annotations

from collections import defaultdict

from pyoxigraph import Store

from .model import PREDICATES
from .prefixes import AIG, ENT
from .query import run

_NODES = """
SELECT ?e ?label ?type (GROUP_CONCAT(DISTINCT ?alt; separator="\\u001f") AS ?alts) WHERE {
  ?e rdfs:label ?label ; a ?type .
  FILTER(STRSTARTS(STR(?e), STR(ent:)) && STRSTARTS(STR(?type), STR(aig:)) && ?type != aig:Entity)
  OPTIONAL { ?e skos:altLabel ?alt }
} GROUP BY ?e ?label ?type"""
_EDGES = """
SELECT ?s ?p ?o (MAX(?c) AS ?conf) (MAX(?n) AS ?support) WHERE {
  ?s ?p ?o . VALUES ?p { %s }
  OPTIONAL { ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; aig:confidence ?c ; aig:supportCount ?n }
} GROUP BY ?s ?p ?o""" % " ".join(f"aig:{p}" for p in PREDICATES)
_MENTIONS = """
SELECT ?e ?doc WHERE { ?e aig:mentionedIn ?d . ?d rdfs:label ?doc }"""
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

    nodes = []
    for s in run(store, _NODES):
        alts = sorted({a for a in (s["alts"].value.split("\u001f") if s["alts"] else []) if a})
        nodes.append((s["e"].value, s["label"].value, s["type"].value[len(AIG):], alts))
    docs: dict[str, set[str]] = defaultdict(set)
    for s in run(store, _MENTIONS):
        docs[s["e"].value].add(s["doc"].value)
    g = nx.MultiDiGraph()
    for iri, label, typ, alts in sorted(nodes):
        if iri not in g:  # an entity typed twice keeps its first type in sorted order
            g.add_node(iri, label=label, type=typ, aliases=alts, documents=sorted(docs.get(iri, ())))
    said = _evidence(store) if evidence else {}
    edges = []
    for s in run(store, _EDGES):
        conf = float(s["conf"].value) if s["conf"] is not None else 1.0
        support = int(s["support"].value) if s["support"] is not None else 1
        edges.append((s["s"].value, s["o"].value, s["p"].value[len(AIG):], conf, support))
    for src, dst, pred, conf, support in sorted(edges):
        for iri in (src, dst):
            if iri not in g:  # an endpoint without a type or label still gets a readable node
                g.add_node(iri, label=iri[len(ENT):] if iri.startswith(ENT) else iri, type="Entity",
                           aliases=[], documents=[])
        attrs = {"predicate": pred, "confidence": conf, "support": support}
        if evidence:
            attrs["evidence"] = said.get((src, pred, dst), [])
        g.add_edge(src, dst, key=pred, **attrs)
    return g


def _evidence(store: Store) -> dict[tuple[str, str, str], list[tuple[str, int, str]]]:
    out: dict[tuple[str, str, str], list[tuple[str, int, str]]] = defaultdict(list)
    for s in run(store, _EVIDENCE):
        key = (s["s"].value, s["p"].value[len(AIG):], s["o"].value)
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
