"""The read-only guard: updates and SERVICE are refused, whatever their spelling; words elsewhere are not."""

from __future__ import annotations

import pytest

from aigraph.errors import RefusedQuery
from aigraph.query.guard import check_read_only, keywords


@pytest.mark.parametrize("query", [
    "DROP ALL",
    "} ; DROP ALL ;",
    "PREFIX ex: <http://example.org/> INSERT DATA { ex:a ex:b ex:c }",
    "# a comment\nDELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "clear default",
    "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_updates_are_refused(query):
    with pytest.raises(RefusedQuery, match="read-only"):
        check_read_only(query)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERV\\u0049CE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z . SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z . SeRvIcE ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y \"中\" . SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE { SERV\\U00000049CE <http://example.org/sparql> { ?s ?p ?o } }",
])
def test_service_is_refused(query):
    with pytest.raises(RefusedQuery, match="SERVICE"):
        check_read_only(query)


@pytest.mark.parametrize("query", [
    'SELECT ?service WHERE { ?s <http://example.org/service> "SERVICE" }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://example.org/> in a comment",
    'SELECT * WHERE { ?s ?p """DROP ALL; SERVICE""" }',
    "SELECT * WHERE { ?s ex:drop ?service }",
    'ASK { ?s rdfs:label "x\\" || ?s != \\"" }',
])
def test_the_same_words_elsewhere_pass(query):
    check_read_only(query)


def test_keywords_skip_strings_iris_comments_and_names():
    assert keywords('PREFIX a: <x:SERVICE> SELECT ?drop WHERE { ?s a:insert "delete" } # load') == \
        ["PREFIX", "SELECT", "WHERE"]
