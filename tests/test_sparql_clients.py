"""The SPARQL 1.1 Protocol as independent clients use it: SPARQLWrapper and rdflib's SPARQLStore ask a
real endpoint every query form in every result format they offer; many clients open connections at once;
OPTIONS; syntax errors in plain words; every shipped query answers a built seed graph."""

from __future__ import annotations

import socket
import threading
import urllib.request
from urllib.parse import urlencode

import pytest
import rdflib

from aigraph.query.shipped import shipped

from .test_server import http, post_form, serving
from .tinygraph import write_tiny_graph

PREFIXES = "PREFIX aig: <https://aigraph.dev/ontology#>\nPREFIX ent: <https://aigraph.dev/id/>\n"
SELECT = PREFIXES + "SELECT ?m WHERE { ?m aig:developedBy ent:Zeta_Labs }"
ASK = PREFIXES + "ASK { ent:Zeta-2 aig:developedBy ent:Zeta_Labs }"
CONSTRUCT = PREFIXES + "CONSTRUCT { ?m aig:developedBy ent:Zeta_Labs } WHERE { ?m aig:developedBy ent:Zeta_Labs }"
DESCRIBE = PREFIXES + "DESCRIBE ent:Zeta-2"
ZETA2 = "https://aigraph.dev/id/Zeta-2"
DEVELOPED_BY = rdflib.URIRef("https://aigraph.dev/ontology#developedBy")


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    with serving(write_tiny_graph(tmp_path_factory.mktemp("tiny")), timeout=10, workers=2) as srv:
        yield srv


# ---------------------------------------------------------------- SPARQLWrapper

def _wrapper(endpoint, query: str, fmt: str, method: str):
    from SPARQLWrapper import SPARQLWrapper

    client = SPARQLWrapper(endpoint.url + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client.query()


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_sparqlwrapper_select_and_ask_in_every_table_format(endpoint, fmt, method):
    result = _wrapper(endpoint, SELECT, fmt, method)
    data = result.convert()
    if fmt == "json":
        assert [b["m"]["value"] for b in data["results"]["bindings"]] == [ZETA2]
    elif fmt == "xml":
        assert [n.firstChild.data for n in data.getElementsByTagName("uri")] == [ZETA2]
    else:
        sep = "," if fmt == "csv" else "\t"
        lines = data.decode("utf-8").split("\r\n") if fmt == "csv" else data.decode("utf-8").splitlines()
        assert lines[0].lstrip("?") == "m" and lines[1].split(sep)[0].strip("<>") == ZETA2
    ask = _wrapper(endpoint, ASK, fmt, method)
    if fmt == "json":
        assert ask.convert()["boolean"] is True
    elif fmt == "xml":
        assert ask.convert().getElementsByTagName("boolean")[0].firstChild.data == "true"
    else:
        assert ask.response.status == 200 and b"true" in ask.convert().lower()


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", ["turtle", "n3", "xml", "rdf+xml", "json-ld"])
@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
def test_sparqlwrapper_construct_and_describe_in_every_rdf_format(endpoint, query, fmt, method):
    result = _wrapper(endpoint, query, fmt, method)
    data = result.convert()
    graph = data if isinstance(data, rdflib.Graph) else rdflib.Graph().parse(
        data=data.decode("utf-8"), format="turtle")
    assert (rdflib.URIRef(ZETA2), DEVELOPED_BY, rdflib.URIRef("https://aigraph.dev/id/Zeta_Labs")) in graph
    ctype = result.info()["content-type"]
    expected = {"turtle": "turtle", "n3": "turtle", "xml": "rdf+xml", "rdf+xml": "rdf+xml", "json-ld": "ld+json"}
    assert expected[fmt] in ctype


# ---------------------------------------------------------------- rdflib's SPARQLStore

@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
@pytest.mark.parametrize("fmt", ["xml", "json", "csv", "tsv"])
def test_rdflib_sparqlstore_select_and_ask(endpoint, fmt, method):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = rdflib.Graph(SPARQLStore(endpoint.url + "/sparql", returnFormat=fmt, method=method))
    rows = list(graph.query(SELECT))
    assert [str(r[0]) for r in rows] == [ZETA2]
    if fmt in ("xml", "json"):  # SPARQL CSV and TSV define no boolean result
        assert graph.query(ASK).askAnswer is True


@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
def test_rdflib_sparqlstore_construct_and_describe(endpoint, query, method):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = rdflib.Graph(SPARQLStore(endpoint.url + "/sparql", returnFormat="xml", method=method))
    got = graph.query(query).graph
    assert (rdflib.URIRef(ZETA2), DEVELOPED_BY, rdflib.URIRef("https://aigraph.dev/id/Zeta_Labs")) in got


def test_rdflib_sparqlstore_reads_triples_of_a_pattern(endpoint):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = rdflib.Graph(SPARQLStore(endpoint.url + "/sparql"))
    assert set(graph.subjects(DEVELOPED_BY, rdflib.URIRef("https://aigraph.dev/id/Zeta_Labs"))) == {rdflib.URIRef(ZETA2)}


# ---------------------------------------------------------------- HTTP behaviour

def test_fifty_clients_opening_connections_at_once_get_answers_not_resets(endpoint):
    host, port = endpoint.url.removeprefix("http://").split(":")
    body = urlencode({"query": SELECT}).encode()
    request = (f"POST /sparql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
               f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
    statuses: list[str] = []
    start = threading.Barrier(50)

    def client() -> None:
        start.wait()
        try:
            with socket.create_connection((host, int(port)), timeout=30) as s:
                s.sendall(request)
                data = b""
                while chunk := s.recv(65536):
                    data += chunk
            statuses.append(data.split(b"\r\n", 1)[0].decode())
        except OSError as exc:
            statuses.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=client) for _ in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == ["HTTP/1.1 200 OK"] * 50


@pytest.mark.parametrize("path,allow", [("/sparql", "GET, HEAD, POST, OPTIONS"), ("/", "GET, HEAD, OPTIONS")])
def test_options_says_what_is_allowed(endpoint, path, allow):
    req = urllib.request.Request(endpoint.url + path, method="OPTIONS")
    with urllib.request.urlopen(req, timeout=10) as resp:
        assert resp.status == 204 and resp.headers["Allow"] == allow and resp.read() == b""


def test_unknown_methods_get_a_plain_text_answer(endpoint):
    status, ctype, body = http(endpoint.url + "/sparql", method="BREW")
    assert status == 501 and ctype.startswith("text/plain") and b"<" not in body


@pytest.mark.parametrize("query,words", [
    ("SELEC * WHERE { ?s ?p ?o }", "a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE"),
    ("SELECT * WHERE { ?s ?p ?o } LIMT 5", "'LIMT' is not a SPARQL keyword; did you mean LIMIT?"),
    ("SELECT ?m WHERE { ?m aig:developedBy ?x", "is never closed"),
    ('SELECT * WHERE { ?s rdfs:label "abc }', "a string is not closed"),
    ("SELECT * WHERE { ?s ?p ?o FILTER(?o > ) }", "'>' needs a value after it"),
    ("SELECT ?s WHERE { ?s ?p ?o } GROUP ?s", "GROUP must be followed by BY"),
])
def test_syntax_errors_in_plain_words(endpoint, query, words):
    status, ctype, body = post_form(endpoint, query)
    message = body.decode("utf-8")
    assert status == 400 and ctype.startswith("text/plain") and words in message
    assert message.startswith("SPARQL syntax error at line 1, column ") and "\n" not in message.rstrip("\n")
    for grammar in ("expected", "[", "'\\u", "Prefix not found"):  # none of the parser's token grammar
        assert grammar not in message


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory):
    """All the seed reports, built by the real pipeline."""
    from aigraph.pipeline.build import build

    from .conftest import SEEDS

    out = tmp_path_factory.mktemp("seeds")
    build(sorted(SEEDS.glob("*.txt")), out)
    return out


def test_every_shipped_query_answers_a_built_seed_graph_through_the_endpoint(seed_graph):
    import json

    # a query about something the seed graph has none of answers, but with no rows
    absent = {"conflicts": "ASK { ?c a aig:Conflict }"}
    with serving(seed_graph, timeout=10, workers=1) as srv:
        for name, (_, query) in shipped().items():
            status, ctype, body = post_form(srv, query, "application/sparql-results+json")
            assert status == 200, (name, status, body[:200])
            rows = json.loads(body)["results"]["bindings"]
            if name in absent:
                _, _, there = post_form(srv, absent[name], "application/sparql-results+json")
                assert bool(rows) == json.loads(there)["boolean"], name
            else:
                assert rows, f"{name} gave no rows"
