"""The ontology is data: every term the code uses is declared in the Turtle, and described."""

from __future__ import annotations

import pytest
import rdflib
from pyoxigraph import NamedNode
from rdflib import OWL, RDF, RDFS

from aigraph import vocab
from aigraph.vocab import AIG, AIG_NS, ENTITY_TYPES, PREDICATES, SYMMETRIC, ontology_path, prefixes, signatures


def _graph() -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=ontology_path().read_text("utf-8"), format="turtle")
    return g


def test_every_namespace_term_is_declared_in_turtle():
    g = _graph()
    declared = {str(s) for s in g.subjects(RDF.type, None) if str(s).startswith(AIG_NS)}
    terms = {AIG.term(name).value for name in AIG}
    assert terms, "the namespace lists no terms"
    assert terms <= declared, sorted(terms - declared)
    assert declared <= terms, f"declared in Turtle but missing from vocab.AIG: {sorted(declared - terms)}"


def test_misspelt_term_fails_loudly():
    with pytest.raises(AttributeError, match="aig:developedby is not a declared term"):
        AIG.developedby  # noqa: B018
    with pytest.raises(AttributeError, match="aig:Compnay"):
        AIG.term("Compnay")
    assert AIG.developedBy == NamedNode(AIG_NS + "developedBy")


@pytest.mark.parametrize("ns, theirs", [(vocab.RDF, rdflib.RDF), (vocab.RDFS, rdflib.RDFS), (vocab.OWL, rdflib.OWL),
                                        (vocab.SKOS, rdflib.SKOS), (vocab.DCTERMS, rdflib.DCTERMS)])
def test_standard_terms_exist_in_their_vocabularies(ns, theirs):
    # rdflib's namespaces are closed too: a term that is not in the standard raises there
    for name in ns:
        assert str(getattr(theirs, name)) == ns.term(name).value


def test_types_and_relations_are_read_from_the_turtle_in_its_order():
    g = _graph()
    classes = [str(s)[len(AIG_NS):] for s in g.subjects(RDFS.subClassOf, rdflib.URIRef(AIG_NS + "Entity"))]
    assert set(ENTITY_TYPES) == set(classes) and len(ENTITY_TYPES) == 7
    text = ontology_path().read_text("utf-8")
    assert list(ENTITY_TYPES) == sorted(ENTITY_TYPES, key=lambda t: text.index(f"aig:{t} a owl:Class"))
    assert list(PREDICATES) == sorted(PREDICATES, key=lambda p: text.index(f"aig:{p} a owl:ObjectProperty"))
    # provenance properties link facts, evidence and documents, not entities: they are not relations
    assert not {"evidence", "inDocument", "mentionedIn", "investor", "investee"} & set(PREDICATES)


def test_classes_and_properties_match_schema():
    g = _graph()
    for t in ENTITY_TYPES:
        assert (rdflib.URIRef(AIG_NS + t), RDF.type, OWL.Class) in g
    for p in PREDICATES:
        node = rdflib.URIRef(AIG_NS + p)
        assert (node, RDF.type, OWL.ObjectProperty) in g
        assert g.value(node, RDFS.domain) is not None and g.value(node, RDFS.range) is not None, p


def test_signatures_follow_domains_and_ranges():
    sig = signatures()
    assert sig["developedBy"].accepts("Model", "Company") and not sig["developedBy"].accepts("Person", "Company")
    assert sig["investedIn"].domain == {"Investor", "Company", "Person"} and sig["investedIn"].range == {"Company"}
    assert sig["relatedTo"].domain == set(ENTITY_TYPES) and sig["relatedTo"].range == {"Trend"}
    # aig:sameType: a model competes with a model, not with a chip
    assert sig["competesWith"].accepts("Model", "Model") and not sig["competesWith"].accepts("Model", "Chip")


def test_each_term_has_english_and_chinese_label_and_a_comment():
    g = _graph()
    for name in ENTITY_TYPES + PREDICATES:
        node = rdflib.URIRef(AIG_NS + name)
        langs = {lit.language for lit in g.objects(node, RDFS.label)}
        assert {"en", "zh"} <= langs, name
        assert g.value(node, RDFS.comment) is not None, name


def test_symmetric_properties():
    g = _graph()
    sym = {str(s)[len(AIG_NS):] for s in g.subjects(RDF.type, OWL.SymmetricProperty)}
    assert sym == set(SYMMETRIC) == {"partnerOf", "competesWith"}


def test_prefixes_come_from_the_turtle_once():
    p = prefixes()
    assert p["aig"] == AIG_NS == "https://aigraph.dev/ontology#"
    text = ontology_path().read_text("utf-8")
    assert text.count("<https://aigraph.dev/ontology#>") == 1
