"""Exports: each file read back by a second reader agrees with the store; rebuilds are byte-identical."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import pytest
import rdflib
from rdflib.compare import isomorphic

from aigraph.graph.exports import EDGES_CSV, JSONLD, NODES_CSV, NQUADS, NTRIPLES, TURTLE
from aigraph.graph.store import ONTOLOGY_IRI, open_store, run
from aigraph.pipeline.build import build
from aigraph.pipeline.commit import FILES
from aigraph.views.stages import GRAPHML
from aigraph.vocab import prefixes

from .conftest import SEED_003

# rdflib warns about its own deprecated internals while parsing N-Quads and JSON-LD
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")


def _store_dataset(graph_dir) -> rdflib.Dataset:
    """The store's data (ontology left out) as an rdflib Dataset, read through pyoxigraph's N-Quads."""
    from pyoxigraph import NamedNode, RdfFormat, serialize

    quads = [q for q in open_store(graph_dir) if q.graph_name != NamedNode(ONTOLOGY_IRI)]
    ds = rdflib.Dataset()
    ds.parse(data=serialize(quads, format=RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    return ds


def _union(ds: rdflib.Dataset) -> rdflib.Graph:
    g = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _quads(ds: rdflib.Dataset) -> set:
    default = rdflib.URIRef("urn:x-rdflib:default")
    return {(s, p, o, None if g in (None, default) or str(g) == str(default) else g)
            for s, p, o, g in ds.quads((None, None, None, None))}


def test_rdf_exports_read_back_by_rdflib_equal_the_store(session_graph):
    ds = _store_dataset(session_graph)
    union = _union(ds)
    assert len(union) > 1000
    for name, fmt in ((TURTLE, "turtle"), (NTRIPLES, "nt")):
        g = rdflib.Graph().parse(session_graph / name, format=fmt)
        assert isomorphic(g, union), name
    for name, fmt in ((NQUADS, "nquads"), (JSONLD, "json-ld")):
        other = rdflib.Dataset()
        other.parse(session_graph / name, format=fmt)
        assert _quads(other) == _quads(ds), name
    # JSON-LD is plain JSON too: one object per named graph plus default-graph nodes
    data = json.loads((session_graph / JSONLD).read_text("utf-8"))
    assert any("@graph" in node and node["@id"].startswith("doc:") for node in data["@graph"])


def _keys_and_ids(node, out: list[str]) -> list[str]:
    if isinstance(node, dict):
        out.extend(k for k in node if k != "@context")
        out.extend(v for k, v in node.items() if k in ("@id", "@type") and isinstance(v, str))
        for k, v in node.items():
            if k != "@context":
                _keys_and_ids(v, out)
    elif isinstance(node, list):
        for v in node:
            _keys_and_ids(v, out)
    return out


def test_jsonld_is_compacted_with_the_turtle_prefixes_and_reads_back_as_the_turtle(session_graph):
    data = json.loads((session_graph / JSONLD).read_text("utf-8"))
    assert data["@context"] == {p: ns for p, ns in sorted(prefixes().items()) if p}
    names = _keys_and_ids(data["@graph"], [])
    assert "aig:developedBy" in names and "rdfs:label" in names and "ent:DeepSeek-R1" in names
    # every IRI a prefix covers is written with it: no expanded property, id or type is left
    assert not [n for n in names if any(n.startswith(ns) for ns in prefixes().values())]
    ds = rdflib.Dataset()
    ds.parse(session_graph / JSONLD, format="json-ld")
    turtle = rdflib.Graph().parse(session_graph / TURTLE, format="turtle")
    assert isomorphic(_union(ds), turtle)


def test_csv_tables_read_back_by_the_csv_module_match_the_graph(session_graph):
    store = open_store(session_graph)
    with open(session_graph / NODES_CSV, encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with open(session_graph / EDGES_CSV, encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    n_entities = int(next(iter(run(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e rdfs:label ?l ; a ?t . "
                                          "FILTER(STRSTARTS(STR(?e), STR(ent:))) }")))["n"].value)
    n_facts = int(next(iter(run(store, "SELECT (COUNT(*) AS ?n) WHERE { ?f a aig:Fact }")))["n"].value)
    assert len(nodes) == n_entities and len(edges) == n_facts
    ds = next(r for r in nodes if r["iri"] == "https://aigraph.dev/id/DeepSeek")
    assert ds["name"] == "DeepSeek" and ds["type"] == "Company" and int(ds["documents"]) == 1
    labels = {r["object"].value for r in run(store, "SELECT ?object WHERE { ent:DeepSeek skos:altLabel ?object }")}
    assert set(filter(None, ds["aliases"].split("|"))) == labels
    r1 = next(e for e in edges if e["source_name"] == "DeepSeek-R1" and e["predicate"] == "developedBy")
    assert r1["target"] == "https://aigraph.dev/id/DeepSeek" and int(r1["support"]) >= 1
    assert 0 < float(r1["confidence"]) <= 1 and r1["fact"].startswith("https://aigraph.dev/fact/")
    assert [(e["source"], e["predicate"], e["target"]) for e in edges] == \
        sorted((e["source"], e["predicate"], e["target"]) for e in edges)


def test_graphml_read_back_by_elementtree_matches_the_graph(session_graph):
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(session_graph / GRAPHML).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
    graph = root.find("g:graph", ns)
    assert graph.get("edgedefault") == "directed"
    nodes = {n.get("id"): {keys[d.get("key")]: d.text or "" for d in n.findall("g:data", ns)}
             for n in graph.findall("g:node", ns)}
    edges = [(e.get("source"), e.get("target"), {keys[d.get("key")]: d.text for d in e.findall("g:data", ns)})
             for e in graph.findall("g:edge", ns)]
    with open(session_graph / EDGES_CSV, encoding="utf-8", newline="") as fh:
        table = {(r["source"], r["predicate"], r["target"]) for r in csv.DictReader(fh)}
    assert {(s, d["predicate"], t) for s, t, d in edges} == table
    assert nodes["https://aigraph.dev/id/DeepSeek-R1"]["type"] == "Model"
    assert nodes["https://aigraph.dev/id/DeepSeek"]["label"] == "DeepSeek"
    # networkx reads it back too
    import networkx as nx

    g = nx.read_graphml(session_graph / GRAPHML)
    assert g.number_of_edges() == len(edges) and g.number_of_nodes() == len(nodes)


def test_a_rebuild_without_changes_gives_byte_identical_exports(tmp_path, session_graph):
    build([SEED_003], tmp_path / "again")
    for name in FILES:
        assert (tmp_path / "again" / name).read_bytes() == (session_graph / name).read_bytes(), name
