"""Compacted JSON-LD on a few quads with every kind of term: read back by rdflib, the same quads."""

from __future__ import annotations

import json
import random

import pytest
import rdflib
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad

from aigraph.graph.jsonld import document, write_jsonld
from aigraph.vocab import prefixes

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

AIG, ENT, DOC = prefixes()["aig"], prefixes()["ent"], prefixes()["doc"]
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD = "http://www.w3.org/2001/XMLSchema#"


def quads() -> list[Quad]:
    r1, zeta, doc, ev = NamedNode(ENT + "DeepSeek-R1"), NamedNode(ENT + "Zeta_Labs"), NamedNode(DOC + "d1"), BlankNode("ev1")
    return [
        Quad(r1, RDF_TYPE, NamedNode(AIG + "Model"), DefaultGraph()),
        Quad(r1, LABEL, Literal("DeepSeek-R1", language="en"), DefaultGraph()),
        Quad(r1, LABEL, Literal("深度求索R1"), DefaultGraph()),
        Quad(r1, NamedNode(AIG + "developedBy"), zeta, DefaultGraph()),
        Quad(r1, NamedNode(AIG + "confidence"), Literal("0.9", datatype=NamedNode(XSD + "decimal")), DefaultGraph()),
        Quad(zeta, NamedNode("https://example.org/other#p"), NamedNode(ENT + "//not-a-prefix"), DefaultGraph()),
        Quad(doc, RDF_TYPE, NamedNode(AIG + "Document"), DefaultGraph()),  # the graph described outside itself
        Quad(r1, NamedNode(AIG + "mentionedIn"), doc, doc),
        Quad(ev, NamedNode(AIG + "sentenceText"), Literal('He said "x" || ?s != "'), doc),
        Quad(ev, NamedNode(AIG + "charStart"), Literal("12", datatype=NamedNode(XSD + "integer")), doc),
        Quad(r1, NamedNode(AIG + "evidence"), ev, doc),
    ]


def as_rdflib(q: Quad) -> tuple:
    def term(t):
        if isinstance(t, BlankNode):
            return "blank"  # blank node labels are not kept: compare the rest
        if isinstance(t, Literal):
            return rdflib.Literal(t.value, lang=t.language,
                                  datatype=None if t.language or t.datatype.value == XSD + "string" else t.datatype.value)
        return rdflib.URIRef(t.value)

    g = None if isinstance(q.graph_name, DefaultGraph) else rdflib.URIRef(q.graph_name.value)
    return term(q.subject), term(q.predicate), term(q.object), g


def test_reads_back_as_the_same_quads(tmp_path):
    path = tmp_path / "g.jsonld"
    write_jsonld(quads(), path)
    ds = rdflib.Dataset()
    ds.parse(path, format="json-ld")
    default = rdflib.URIRef("urn:x-rdflib:default")

    def norm(t):
        return "blank" if isinstance(t, rdflib.BNode) else t

    got = {(norm(s), norm(p), norm(o), None if g in (None, default) else g) for s, p, o, g in ds.quads()}
    assert got == {as_rdflib(q) for q in quads()}


def test_compact_form_and_deterministic_whatever_the_order():
    data = document(quads())
    shuffled = quads()
    random.Random(7).shuffle(shuffled)
    assert json.dumps(document(shuffled)) == json.dumps(data)
    r1 = next(n for n in data["@graph"] if n["@id"] == "ent:DeepSeek-R1")
    assert r1 == {"@id": "ent:DeepSeek-R1", "@type": "aig:Model",
                  "aig:confidence": {"@value": "0.9", "@type": "xsd:decimal"},
                  "aig:developedBy": {"@id": "ent:Zeta_Labs"},
                  "rdfs:label": ["深度求索R1", {"@value": "DeepSeek-R1", "@language": "en"}]}
    zeta = next(n for n in data["@graph"] if n["@id"] == "ent:Zeta_Labs")
    assert zeta["https://example.org/other#p"] == {"@id": ENT + "//not-a-prefix"}
    doc = next(n for n in data["@graph"] if n["@id"] == "doc:d1")
    assert doc["@type"] == "aig:Document" and [n["@id"] for n in doc["@graph"]] == ["_:ev1", "ent:DeepSeek-R1"]


def many_quads(seed: int = 3) -> list[Quad]:
    """A few hundred quads over the default graph and several named graphs, some of them described in
    the default graph, subjects that sort differently compacted than as IRIs (`A-b` / `A`)."""
    rng = random.Random(seed)
    names = [NamedNode(ENT + n) for n in ("A", "A-b", "A_b", "B", "Zed")] + [BlankNode(f"b{i}") for i in range(3)]
    graphs = [NamedNode(DOC + f"d{i}") for i in range(4)]
    preds = [NamedNode(AIG + p) for p in ("developedBy", "evidence", "sentenceText")] + [LABEL, RDF_TYPE]
    out = [Quad(graphs[0], RDF_TYPE, NamedNode(AIG + "Document"), DefaultGraph()),
           Quad(graphs[2], LABEL, Literal("doc two"), DefaultGraph())]
    for _ in range(300):
        p = rng.choice(preds)
        o = (rng.choice(names + graphs) if rng.random() < 0.5 or p == RDF_TYPE
             else Literal(rng.choice(["x", "句子\n二", '"q"', "0.5"]),
                          datatype=rng.choice([None, NamedNode(XSD + "decimal")])))
        g = rng.choice([DefaultGraph(), *graphs])
        out.append(Quad(rng.choice(names + graphs[:2]), p, o, g))
    return out


def test_the_written_file_is_the_document_dumped_whatever_the_order(tmp_path):
    for qs in (quads(), many_quads(), many_quads(4), []):
        text = json.dumps(document(qs), ensure_ascii=False, indent=1) + "\n"
        shuffled = list(qs)
        random.Random(1).shuffle(shuffled)
        write_jsonld(shuffled, tmp_path / "g.jsonld")
        assert (tmp_path / "g.jsonld").read_text("utf-8") == text


def test_written_a_node_object_at_a_time_and_read_back_by_both_parsers(tmp_path):
    from pyoxigraph import RdfFormat, parse

    from aigraph.graph.jsonld import stream

    qs = many_quads()
    # the text comes in pieces of one node object (a whole document of a long file is not built)
    pieces = list(stream(qs))
    assert len(pieces) > 20 and max(map(len, pieces)) < len("".join(pieces)) / 10
    path = tmp_path / "g.jsonld"
    write_jsonld(qs, path)
    default = rdflib.URIRef("urn:x-rdflib:default")

    def norm(t):
        return "blank" if isinstance(t, rdflib.BNode) else t

    ds = rdflib.Dataset()
    ds.parse(path, format="json-ld")
    got = {(norm(s), norm(p), norm(o), None if g in (None, default) else g) for s, p, o, g in ds.quads()}
    assert got == {as_rdflib(q) for q in qs}
    # pyoxigraph keeps the blank node labels as written: every quad back, term for term
    back = set(parse(path.read_bytes(), format=RdfFormat.JSON_LD))
    assert back == set(qs)
