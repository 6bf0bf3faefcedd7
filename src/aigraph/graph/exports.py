"""The files a build writes from its quads: the store, RDF in four syntaxes, CSV tables; a registry of writers."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, Store

from aigraph.atomic import atomic_write
from aigraph.graph import nameindex
from aigraph.graph.jsonld import write_jsonld
from aigraph.graph.rdf import quad_key, union_triples
from aigraph.graph.store import open_store, run, write_rdf, write_store

TURTLE = "aigraph.ttl"
NTRIPLES = "aigraph.nt"
NQUADS = "aigraph.nq"
JSONLD = "aigraph.jsonld"
NODES_CSV = "nodes.csv"
EDGES_CSV = "edges.csv"
FILES = (TURTLE, NTRIPLES, NQUADS, JSONLD, NODES_CSV, EDGES_CSV, nameindex.NAMES)
"""The export files of this module, in the order they are written."""

ALIAS_SEPARATOR = "|"
"""Joins aliases in one CSV or GraphML cell."""


class Outputs:
    """What the writers read: the quads sorted once, their triples, the store opened once."""

    def __init__(self, folder: Path, quads: Sequence[Quad]) -> None:
        self.folder = Path(folder)
        """The (staged) graph folder written into."""
        # the pipeline's quads come sorted: sorting them again would make every key at once
        self.quads = list(quads) if _is_sorted(quads) else sorted(quads, key=quad_key)
        """Every quad, in a fixed order: the exports are a pure function of them."""

    def triples(self) -> Iterator:
        """The union of all graphs as sorted, distinct triples, made as they are written."""
        return union_triples(self.quads)

    @cached_property
    def store(self) -> Store:
        """The store written by the `store` writer, opened for reading."""
        return open_store(self.folder)


def _is_sorted(quads: Sequence[Quad]) -> bool:
    return all(quad_key(quads[i - 1]) <= quad_key(quads[i]) for i in range(1, len(quads)))


def _store(o: Outputs) -> None:
    write_store(o.quads, o.folder)


def _turtle(o: Outputs) -> None:
    write_rdf(o.triples(), o.folder / TURTLE, RdfFormat.TURTLE)


def _ntriples(o: Outputs) -> None:
    write_rdf(o.triples(), o.folder / NTRIPLES, RdfFormat.N_TRIPLES)


def _nquads(o: Outputs) -> None:
    write_rdf(o.quads, o.folder / NQUADS, RdfFormat.N_QUADS)


def _jsonld(o: Outputs) -> None:
    write_jsonld(o.quads, o.folder / JSONLD)


def _tables(o: Outputs) -> None:
    write_tables(o.store, o.folder / NODES_CSV, o.folder / EDGES_CSV)


def _names(o: Outputs) -> None:
    from aigraph.vocab import ENT

    nameindex.write(o.quads, o.folder / nameindex.NAMES, ENT)


WRITERS: tuple[tuple[str, Callable[[Outputs], None]], ...] = (
    ("store", _store),
    ("turtle", _turtle),
    ("ntriples", _ntriples),
    ("nquads", _nquads),
    ("jsonld", _jsonld),
    ("tables", _tables),
    ("names", _names),
)
"""Named writers, in order; each a pure function of the quads (sorted, fixed options), so a rebuild
without changes is byte-identical. The store comes first: later writers may read it."""


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

NODE_COLUMNS = ("iri", "name", "type", "aliases", "documents")
EDGE_COLUMNS = ("source", "source_name", "predicate", "target", "target_name", "confidence", "support",
                "documents", "fact")


def tables(store: Store) -> tuple[list[dict], list[dict]]:
    """The graph as two tables: entities (one row each, by IRI) and facts (one row each, by source,
    predicate and target)."""
    nodes = [{"iri": s["iri"].value, "name": s["name"].value, "type": s["type"].value,
              "aliases": ALIAS_SEPARATOR.join(sorted(a for a in (s["aliases"].value if s["aliases"] else "").split("\u001f") if a)),
              "documents": int(s["documents"].value)} for s in run(store, _NODES)]
    edges = [{"source": s["source"].value, "source_name": s["source_name"].value, "predicate": s["predicate"].value,
              "target": s["target"].value, "target_name": s["target_name"].value,
              "confidence": s["confidence"].value, "support": int(s["support"].value),
              "documents": int(s["documents"].value), "fact": s["fact"].value} for s in run(store, _EDGES)]
    # stable sorts over the query's order, as the exports always were
    nodes.sort(key=lambda r: r["iri"])
    edges.sort(key=lambda r: (r["source"], r["predicate"], r["target"]))
    return nodes, edges


def write_tables(store: Store, nodes_path: Path, edges_path: Path) -> None:
    """nodes.csv and edges.csv (UTF-8, header row, `\\n` line ends); confidence kept as written in the graph."""
    nodes, edges = tables(store)
    for rows, columns, path in ((nodes, NODE_COLUMNS, nodes_path), (edges, EDGE_COLUMNS, edges_path)):
        with atomic_write(path) as fh:
            w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
