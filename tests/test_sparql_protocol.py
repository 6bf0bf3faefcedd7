"""Reading SPARQL Protocol requests and choosing result formats (the HTTP side is in test_server)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

import pytest

from aigraph.serve.protocol import ProtocolError, Request, choose, negotiate, parse_form, read_request

Q = "SELECT * WHERE { ?s ?p ?o }"


def test_get_post_form_and_direct_post():
    assert read_request("GET", urlencode({"query": Q}), None, b"").query == Q
    assert read_request("POST", "", "application/x-www-form-urlencoded", urlencode({"query": Q}).encode()).query == Q
    assert read_request("POST", "", "application/sparql-query; charset=utf-8", Q.encode()).query == Q


def test_graph_parameters_and_format():
    req = read_request("GET", urlencode([("query", Q), ("default-graph-uri", "http://g/1"),
                                         ("named-graph-uri", "http://g/2"), ("format", "CSV")]), None, b"")
    assert req == Request(Q, ("http://g/1",), ("http://g/2",), "csv")


@pytest.mark.parametrize("text", [
    "", "&", "&&query=x&", "query", "query=", "=x", "query=a=b", "query=%3d%3D&q=%", "q=%zz%41", "q=%4", "q=100%",
    "q=a+b%2Bc", "q=%E4%B8%AD%e6%96%87", "q=%FF%C3", "q=中+文%20", "q=%0D%0A%09", "q=%%41", "a_b=_%5F", "q=x;y=z",
    urlencode({"query": Q, "default-graph-uri": "http://g/1?a=b&c"}),
])
def test_forms_are_read_as_parse_qs_reads_them(text):
    assert parse_form(text) == parse_qs(text, keep_blank_values=True)


@pytest.mark.parametrize("method,ctype,body,query,status", [
    ("POST", "application/sparql-update", b"DROP ALL", "", 403),
    ("POST", "application/x-www-form-urlencoded", b"update=DROP+ALL", "", 403),
    ("GET", None, b"", "update=DROP+ALL", 403),
    ("POST", "text/plain", Q.encode(), "", 415),
    ("GET", None, b"", "", 400),
    ("GET", None, b"", urlencode([("query", Q), ("query", Q)]), 400),
    ("GET", None, b"", urlencode({"query": Q, "format": "yaml"}), 400),
    ("POST", "application/sparql-query", b"\xff\xfe", "", 400),
])
def test_bad_or_writing_requests(method, ctype, body, query, status):
    with pytest.raises(ProtocolError) as info:
        read_request(method, query, ctype, body)
    assert info.value.status == status


def test_negotiation_honours_q_values_and_specificity():
    offered = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]
    assert negotiate(None, offered) == "application/sparql-results+json"
    assert negotiate("text/csv", offered) == "text/csv"
    assert negotiate("application/sparql-results+xml;q=0.9, text/csv;q=0.5", offered) == "application/sparql-results+xml"
    assert negotiate("text/*;q=0.8, */*;q=0.1", offered) == "text/csv"
    assert negotiate("*/*;q=0.5, text/csv;q=0", offered) == "application/sparql-results+json"
    assert negotiate("image/png", offered) is None


def test_choose_by_result_kind_and_format_parameter():
    req = Request(Q)
    assert choose(req, "text/turtle, application/sparql-results+json;q=0.5", graph_result=True) == "text/turtle"
    assert choose(req, "text/turtle, application/sparql-results+json;q=0.5", graph_result=False) == \
        "application/sparql-results+json"
    assert choose(Request(Q, format="json"), "text/csv", graph_result=True) == "application/ld+json"
    with pytest.raises(ProtocolError) as info:
        choose(Request(Q, format="csv"), None, graph_result=True)
    assert info.value.status == 406
    with pytest.raises(ProtocolError) as info:
        choose(req, "image/png", graph_result=False)
    assert info.value.status == 406
