"""Files a build leaves in the graph folder: the store, RDF in four syntaxes, CSV tables, GraphML, HTML."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import RdfFormat, Store

from .atomic import atomic_write, staged_dir
from .graph import triples_of
from .jsonld import write_jsonld
from .query import run
from .store import open_store, write_rdf, write_store

TURTLE = "aigraph.ttl"
NTRIPLES = "aigraph.nt"
NQUADS = "aigraph.nq"
JSONLD = "aigraph.jsonld"
NODES_CSV = "nodes.csv"
EDGES_CSV = "edges.csv"
GRAPHML = "aigraph.graphml"
HTML = "aigraph.html"
PARTS = "nquads"
FILES = (TURTLE, NTRIPLES, NQUADS, JSONLD, NODES_CSV, EDGES_CSV, GRAPHML, HTML)
"""Every export file, in the order they are written."""

ALIAS_SEPARATOR = "|"
"""Joins aliases in one CSV or GraphML cell."""


def write_exports(state, out: Path, parts: int = 0) -> None:
    """Write the store and every export file into a staged copy of `out` that replaces it as a whole
    (atomic.staged_dir): a reader never sees a mix of old and new files."""
    with staged_dir(out) as stage:
        write_graph(state, stage, parts)


def write_graph(state, out: Path, parts: int = 0) -> None:
    """Write the store first, then each export file, into `out` (a staged folder). Every file is a pure
    function of the quads (sorted, fixed options), so a rebuild without changes is byte-identical.
    `parts` > 0 adds the graph as that many N-Quads files (nquads/part-NNNNN.nq) for bulk loaders."""
    out.mkdir(parents=True, exist_ok=True)
    quads = sorted(state.quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    write_store(quads, out)
    triples = triples_of(quads)
    write_rdf(triples, out / TURTLE, RdfFormat.TURTLE)
    write_rdf(triples, out / NTRIPLES, RdfFormat.N_TRIPLES)
    write_rdf(quads, out / NQUADS, RdfFormat.N_QUADS)
    write_jsonld(quads, out / JSONLD)
    if parts:
        from .partition import write_parts

        write_parts(quads, out / PARTS, parts)
    store = open_store(out)
    write_tables(store, out / NODES_CSV, out / EDGES_CSV)
    write_graphml(store, out / GRAPHML)
    from .analysis_exports import write_analysis_exports

    write_analysis_exports(out, page=out / HTML)  # the HTML view, analysis.json, its CSV tables, the pictures


_NODES = """
SELECT ?iri ?name ?type (GROUP_CONCAT(DISTINCT ?alias; separator="\\u001f") AS ?aliases)
       (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
  ?iri rdfs:label ?name ; a ?t .
  FILTER(STRSTARTS(STR(?iri), STR(ent:)) && STRSTARTS(STR(?t), STR(aig:)))
  BIND(STRAFTER(STR(?t), STR(aig:)) AS ?type)
  OPTIONAL { ?iri skos:altLabel ?alias }
  OPTIONAL { ?iri aig:mentionedIn ?doc }
} GROUP BY ?iri ?name ?type"""

_EDGES = """
SELECT ?source ?source_name ?predicate ?target ?target_name ?confidence ?support ?fact
       (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
  ?fact a aig:Fact ; rdf:subject ?source ; rdf:predicate ?p ; rdf:object ?target ;
        aig:confidence ?confidence ; aig:supportCount ?support .
  ?source rdfs:label ?source_name . ?target rdfs:label ?target_name .
  BIND(STRAFTER(STR(?p), STR(aig:)) AS ?predicate)
  OPTIONAL { ?fact aig:evidence/aig:inDocument ?doc }
} GROUP BY ?source ?source_name ?predicate ?target ?target_name ?confidence ?support ?fact"""


def tables(store: Store):
    """The graph as two pandas DataFrames: entities (one row each) and facts (one row each), sorted."""
    import pandas as pd

    nodes = pd.DataFrame(
        [{"iri": s["iri"].value, "name": s["name"].value, "type": s["type"].value,
          "aliases": ALIAS_SEPARATOR.join(sorted(a for a in (s["aliases"].value if s["aliases"] else "").split("\u001f") if a)),
          "documents": int(s["documents"].value)} for s in run(store, _NODES)],
        columns=["iri", "name", "type", "aliases", "documents"])
    edges = pd.DataFrame(
        [{"source": s["source"].value, "source_name": s["source_name"].value, "predicate": s["predicate"].value,
          "target": s["target"].value, "target_name": s["target_name"].value,
          "confidence": s["confidence"].value, "support": int(s["support"].value),
          "documents": int(s["documents"].value), "fact": s["fact"].value} for s in run(store, _EDGES)],
        columns=["source", "source_name", "predicate", "target", "target_name", "confidence", "support",
                 "documents", "fact"])
    nodes = nodes.sort_values(["iri"], kind="stable", ignore_index=True)
    edges = edges.sort_values(["source", "predicate", "target"], kind="stable", ignore_index=True)
    return nodes, edges


def write_tables(store: Store, nodes_path: Path, edges_path: Path) -> None:
    """nodes.csv and edges.csv (UTF-8, header row, `\\n` line ends); confidence kept as written in the graph."""
    nodes, edges = tables(store)
    for frame, path in ((nodes, nodes_path), (edges, edges_path)):
        with atomic_write(path) as fh:
            frame.to_csv(fh, index=False, lineterminator="\n")


def write_graphml(store: Store, path: Path) -> None:
    """The entity graph as GraphML (networkx): list attributes joined, since GraphML holds scalars only."""
    import networkx as nx

    from .netgraph import to_networkx

    g = to_networkx(store)
    for _, data in g.nodes(data=True):
        for k, v in list(data.items()):
            if isinstance(v, (list, tuple, set)):
                data[k] = ALIAS_SEPARATOR.join(sorted(map(str, v)))
    with atomic_write(path, "wb") as fh:
        nx.write_graphml(g, fh, encoding="utf-8", prettyprint=True)
