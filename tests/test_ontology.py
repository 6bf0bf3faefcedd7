"""The ontology is data: every term the code uses is declared in the Turtle, and described."""

from __future__ import annotations

import rdflib
from rdflib import OWL, RDF, RDFS

from aigraph.model import ENTITY_TYPES, PREDICATES
from aigraph.prefixes import AIG, ontology_path, prefixes
from aigraph.vocab import AIG as AIGNS


def _graph() -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=ontology_path().read_text("utf-8"), format="turtle")
    return g


def test_every_namespace_term_is_declared_in_turtle():
    g = _graph()
    declared = {str(s) for s in g.subjects(RDF.type, None) if str(s).startswith(AIG)}
    terms = {str(AIGNS[name]) for name in AIGNS.__annotations__}
    assert terms, "the namespace lists no terms"
    assert terms <= declared, sorted(terms - declared)
    assert declared <= terms, f"declared in Turtle but missing from vocab.AIG: {sorted(declared - terms)}"


def test_misspelt_term_fails_loudly():
    import pytest

    with pytest.raises(AttributeError):
        AIGNS.developedby  # noqa: B018


def test_classes_and_properties_match_schema():
    g = _graph()
    for t in ENTITY_TYPES:
        assert (rdflib.URIRef(AIG + t), RDF.type, OWL.Class) in g
    for p in PREDICATES:
        node = rdflib.URIRef(AIG + p)
        assert (node, RDF.type, OWL.ObjectProperty) in g
        assert g.value(node, RDFS.domain) is not None and g.value(node, RDFS.range) is not None, p


def test_each_term_has_english_and_chinese_label_and_a_comment():
    g = _graph()
    for name in ENTITY_TYPES + PREDICATES:
        node = rdflib.URIRef(AIG + name)
        langs = {lit.language for lit in g.objects(node, RDFS.label)}
        assert {"en", "zh"} <= langs, name
        assert g.value(node, RDFS.comment) is not None, name


def test_symmetric_properties():
    g = _graph()
    sym = {str(s)[len(AIG):] for s in g.subjects(RDF.type, OWL.SymmetricProperty)}
    assert sym == {"partnerOf", "competesWith"}


def test_prefixes_come_from_the_turtle_once():
    p = prefixes()
    assert p["aig"] == AIG == "https://aigraph.dev/ontology#"
    text = ontology_path().read_text("utf-8")
    assert text.count("<https://aigraph.dev/ontology#>") == 1
