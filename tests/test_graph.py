"""The graph stage: stable IRIs, one named graph per document, provenance, compared as RDF."""

from __future__ import annotations

import rdflib
from pyoxigraph import NamedNode, RdfFormat, serialize
from rdflib.compare import isomorphic

from aigraph.graph.iris import entity_iri, slug
from aigraph.graph.rdf import build_quads, triples_of
from aigraph.model import Document, Entity, Evidence, Fact, Linked, Sentence


def _tiny():
    doc = Document(id="d.txt", path="d.txt", text="OpenAI发布了GPT-4o。", sha256="ab" * 32)
    sent = Sentence("d.txt", 0, "OpenAI发布了GPT-4o。", ((0, 16),))
    linked = Linked(
        entities=(Entity("GPT-4o", "Model", frozenset({"ChatGPT 4o"})), Entity("OpenAI", "Company")),
        evidence=(Evidence(Fact("GPT-4o", "developedBy", "OpenAI", 0.9, "test"), sent),),
        mentions=(("GPT-4o", "d.txt", "GPT-4o"), ("OpenAI", "d.txt", "OpenAI")),
    )
    return doc, linked


EXPECTED = """
@prefix aig: <https://aigraph.dev/ontology#> .
@prefix ent: <https://aigraph.dev/id/> .
@prefix doc: <https://aigraph.dev/doc/> .
@prefix fact: <https://aigraph.dev/fact/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

ent:GPT-4o a aig:Model ; rdfs:label "GPT-4o"@en ; skos:altLabel "ChatGPT 4o"@en ;
    aig:developedBy ent:OpenAI ; aig:mentionedIn doc:abababababababab .
ent:OpenAI a aig:Company ; rdfs:label "OpenAI"@en ; aig:mentionedIn doc:abababababababab .
doc:abababababababab a aig:Document ; rdfs:label "d.txt" ; aig:sourcePath "d.txt" ;
    aig:sha256 "abababababababababababababababababababababababababababababababab" ; aig:encoding "utf-8" .
fact:F a aig:Fact ; rdf:subject ent:GPT-4o ; rdf:predicate aig:developedBy ; rdf:object ent:OpenAI ;
    aig:confidence "0.9"^^xsd:decimal ; aig:supportCount 1 ; aig:evidence fact:F-ev .
fact:F-ev a aig:Evidence ; aig:inDocument doc:abababababababab ; aig:sentenceText "OpenAI发布了GPT-4o。" ;
    aig:sentenceIndex 0 ; aig:charStart 0 ; aig:charEnd 16 ; aig:confidence "0.9"^^xsd:decimal .
"""


def test_tiny_graph_is_isomorphic_to_the_expected_turtle():
    doc, linked = _tiny()
    quads = build_quads([doc], linked)
    got = rdflib.Graph().parse(data=serialize(triples_of(quads), format=RdfFormat.N_TRIPLES).decode(), format="nt")
    # fact and evidence IRIs are hashes: rename them to the expected ones before comparing
    fact = next(str(s) for s, o in got.subject_objects(rdflib.RDF.type) if str(o).endswith("#Fact"))
    ev = next(str(s) for s, o in got.subject_objects(rdflib.RDF.type) if str(o).endswith("#Evidence"))
    ren = {fact: "https://aigraph.dev/fact/F", ev: "https://aigraph.dev/fact/F-ev"}
    fixed = rdflib.Graph()
    for s, p, o in got:
        fixed.add(tuple(rdflib.URIRef(ren.get(str(t), str(t))) if isinstance(t, rdflib.URIRef) else t for t in (s, p, o)))
    expected = rdflib.Graph().parse(data=EXPECTED, format="turtle")
    assert isomorphic(fixed, expected), (set(fixed) ^ set(expected))


def test_document_data_is_in_the_document_graph_and_facts_in_the_default_graph():
    doc, linked = _tiny()
    quads = build_quads([doc], linked)
    graphs = {str(q.graph_name) for q in quads}
    assert graphs == {"DEFAULT", "<https://aigraph.dev/doc/abababababababab>"}
    fact_triple = [q for q in quads if str(q.predicate).endswith("#developedBy>")]
    assert len(fact_triple) == 1 and str(fact_triple[0].graph_name) == "DEFAULT"


def test_iris_are_stable_readable_and_valid_for_any_name():
    assert entity_iri("DeepSeek-R1").value == "https://aigraph.dev/id/DeepSeek-R1"
    assert entity_iri("深度求索").value == "https://aigraph.dev/id/深度求索"
    assert entity_iri("Copilot+ PC").value == "https://aigraph.dev/id/Copilot+_PC"
    for weird in ['a<b>"c{d}|e\\f^g', "x\ny", "emoji 🚀", "\u202eRTL", "k" * 10000]:
        NamedNode("https://aigraph.dev/id/" + slug(weird))  # raises if the IRI is invalid
    assert len(slug("k" * 10000)) < 200
    assert slug("a b") != slug("a_b")


def test_symmetric_facts_are_stored_in_one_direction():
    from aigraph.graph.link import link
    from aigraph.model import Mention, Reading

    def analysis(i, text, s, o):
        sent = Sentence("d.txt", i, text, ((0, len(text)),))
        ms = tuple(Mention(text.index(n), text.index(n) + len(n), n, "Company", n) for n in (s, o))
        return Reading(sent, ms, (Fact(s, "partnerOf", o, 0.8),))

    linked = link([analysis(0, "微软与OpenAI合作。", "微软", "OpenAI"), analysis(1, "OpenAI与微软合作。", "OpenAI", "微软")], 0.0)
    assert {(e.fact.subject, e.fact.object) for e in linked.evidence} == {("Microsoft", "OpenAI")}


def test_union_of_all_graphs_has_no_triple_twice(session_graph):
    from aigraph.graph.store import open_store

    quads = [q for q in open_store(session_graph) if q.graph_name != NamedNode("https://aigraph.dev/ontology")]
    triples = [(q.subject, q.predicate, q.object) for q in quads]
    assert len(triples) == len(set(triples))


def test_support_count_is_the_number_of_distinct_sentences_across_documents():
    from aigraph.graph.iris import fact_iri

    docs = [Document(id=d, path=d, text="", sha256=h * 32) for d, h in (("a.txt", "aa"), ("b.txt", "bb"))]
    text = "DeepSeek发布了DeepSeek-R1。"
    sents = [Sentence("a.txt", 0, text, ((0, 22),)), Sentence("a.txt", 5, text, ((90, 112),)),
             Sentence("b.txt", 2, text, ((40, 62),))]
    linked = Linked(
        entities=(Entity("DeepSeek", "Company"), Entity("DeepSeek-R1", "Model")),
        evidence=tuple(Evidence(Fact("DeepSeek-R1", "developedBy", "DeepSeek", c), s) for c, s in zip((0.6, 0.9, 0.7), sents)),
        mentions=(("DeepSeek", "a.txt", "DeepSeek"), ("DeepSeek", "b.txt", "DeepSeek")),
    )
    quads = build_quads(docs, linked)
    fact = fact_iri("DeepSeek-R1", "developedBy", "DeepSeek")
    values = {q.predicate.value.rsplit("#", 1)[-1]: q.object.value for q in quads if q.subject == fact}
    assert values["supportCount"] == "3" and values["confidence"] == "0.9"
    evidence = [q for q in quads if q.subject == fact and q.predicate.value.endswith("#evidence")]
    assert sorted(str(q.graph_name) for q in evidence) == ["<https://aigraph.dev/doc/aaaaaaaaaaaaaaaa>"] * 2 + \
        ["<https://aigraph.dev/doc/bbbbbbbbbbbbbbbb>"]


def test_where_does_this_fact_come_from(session_graph):
    """The README's provenance query: document, offsets into the source file, the sentence."""
    from aigraph.graph.store import open_store, run

    from .conftest import SEED_003

    q = """SELECT ?doc ?start ?end ?text ?conf WHERE {
      ?fact rdf:subject ent:DeepSeek-R1 ; rdf:predicate aig:developedBy ; rdf:object ent:DeepSeek ;
            aig:evidence ?ev .
      ?ev aig:inDocument ?d ; aig:charStart ?start ; aig:charEnd ?end ; aig:sentenceText ?text ; aig:confidence ?conf .
      ?d rdfs:label ?doc .
    }"""
    rows = list(run(open_store(session_graph), q))
    assert rows
    source = SEED_003.read_text("utf-8")
    for r in rows:
        assert r["doc"].value == SEED_003.name
        start, end, text = int(r["start"].value), int(r["end"].value), r["text"].value
        assert "R1" in text and 0 < float(r["conf"].value) <= 1
        assert source[start:start + 8] == text[:8] and source[:end].endswith(text[-1])


def test_document_date_from_front_matter_or_cover_page():
    from aigraph.ingest.docdate import document_date

    assert document_date(Document("a", "a", "---\ndate: 2025-01-20\n---\n正文", "0" * 64, date="2025-01-20")) == "2025-01-20"
    cover = "\n\n2025年\n\nAI产业发展十大趋势\n\n易观分析\n\n2024年12月\n\n正文开始。2023年3月，某公司发布了模型。"
    assert document_date(Document("b", "b", cover, "0" * 64)) == "2024-12"
    assert document_date(Document("c", "c", "2024年，生成式AI迎来了飞跃。\n2023年5月\n", "0" * 64)) == "2023-05"
    assert document_date(Document("d", "d", "2025年\nAI产业趋势\n", "0" * 64)) is None
    doc = Document("b.txt", "b.txt", cover, "ef" * 32)
    quads = build_quads([doc], Linked((), (), ()))
    [date] = [q.object for q in quads if q.predicate.value == "http://purl.org/dc/terms/date"]
    assert (date.value, date.datatype.value) == ("2024-12", "http://www.w3.org/2001/XMLSchema#gYearMonth")


def test_union_triples_merges_the_sorted_graphs_into_the_sorted_distinct_triples():
    import random

    from pyoxigraph import DefaultGraph, Literal, Quad

    from aigraph.graph.rdf import quad_key, union_triples

    rng = random.Random(5)
    terms = [NamedNode(f"http://example.org/{n}") for n in ("a", "a-b", "a_b", "b", "c")]
    graphs = [DefaultGraph(), *(NamedNode(f"http://example.org/doc/{i}") for i in range(5))]
    quads = sorted({Quad(rng.choice(terms), rng.choice(terms), rng.choice([*terms, Literal("x"), Literal("y\nz")]),
                         rng.choice(graphs)) for _ in range(400)}, key=quad_key)
    merged = list(union_triples(quads))
    assert merged == triples_of(quads)
    assert len(merged) < len(quads)  # the same triple in several graphs is written once
    assert list(union_triples([])) == []
