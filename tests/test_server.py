"""The SPARQL endpoint, started for real on a free port and asked over HTTP (urllib and SPARQLWrapper)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import pytest
from pyoxigraph import QueryResultsFormat, RdfFormat, parse, parse_query_results

from aigraph.errors import StoreError
from aigraph.query.shipped import shipped
from aigraph.serve.endpoint import make_server, script_json

from .tinygraph import dump, files, write_tiny_graph

MODELS = "SELECT ?m WHERE { ?m aig:developedBy ent:Zeta_Labs }"
CONSTRUCT = "CONSTRUCT { ?m aig:developedBy ent:Zeta_Labs } WHERE { ?m aig:developedBy ent:Zeta_Labs }"
ZETA2 = "https://aigraph.dev/id/Zeta-2"


@contextmanager
def serving(graph: Path, **options):
    srv = make_server(graph, port=0, quiet=True, **options)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    g = write_tiny_graph(tmp_path_factory.mktemp("tiny"))
    (g / "aigraph.html").write_text("<html><body>the graph view</body></html>", encoding="utf-8")
    return g


@pytest.fixture(scope="module")
def endpoint(graph):
    before = (dump(graph), files(graph))
    with serving(graph, timeout=10, workers=2) as srv:
        yield srv
    # nothing any test sent changed the store
    assert (dump(graph), files(graph)) == before


def http(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, content type, body) of one request; error statuses are returned, not raised."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def get(srv, query: str, accept: str | None = None, **params):
    return http(f"{srv.url}/sparql?{urlencode({'query': query, **params})}", headers={"Accept": accept} if accept else {})


def post_form(srv, query: str, accept: str | None = None):
    headers = {"Content-Type": "application/x-www-form-urlencoded"} | ({"Accept": accept} if accept else {})
    return http(f"{srv.url}/sparql", urlencode({"query": query}).encode(), headers)


def models_in(body: bytes, fmt: QueryResultsFormat) -> list[str]:
    if fmt == QueryResultsFormat.CSV:  # plain values, a header line first (pyoxigraph does not read CSV back)
        return body.decode("utf-8").split("\r\n")[1:-1]
    return [s["m"].value for s in parse_query_results(body, format=fmt)]


def test_get_answers_sparql_results_json_by_default(endpoint):
    status, ctype, body = get(endpoint, MODELS)
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    assert models_in(body, QueryResultsFormat.JSON) == [ZETA2]


@pytest.mark.parametrize("accept,ctype,fmt", [
    ("application/sparql-results+xml", "application/sparql-results+xml", QueryResultsFormat.XML),
    ("text/csv", "text/csv", QueryResultsFormat.CSV),
    ("text/tab-separated-values", "text/tab-separated-values", QueryResultsFormat.TSV),
    ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "application/sparql-results+xml", QueryResultsFormat.XML),
])
def test_post_form_with_content_negotiation(endpoint, accept, ctype, fmt):
    status, got, body = post_form(endpoint, MODELS, accept)
    assert status == 200 and got.startswith(ctype)
    assert models_in(body, fmt) == [ZETA2]


def test_post_sparql_query_body(endpoint):
    status, _, body = http(f"{endpoint.url}/sparql", MODELS.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 200 and models_in(body, QueryResultsFormat.JSON) == [ZETA2]


@pytest.mark.parametrize("accept,fmt", [
    (None, RdfFormat.TURTLE), ("text/turtle", RdfFormat.TURTLE), ("application/n-triples", RdfFormat.N_TRIPLES),
    ("application/rdf+xml", RdfFormat.RDF_XML), ("application/ld+json", RdfFormat.JSON_LD),
])
def test_construct_in_rdf_formats(endpoint, accept, fmt):
    status, ctype, body = get(endpoint, CONSTRUCT, accept)
    assert status == 200 and ctype.startswith(fmt.media_type)
    (t,) = list(parse(body, format=fmt))
    assert t.subject.value == ZETA2
    if fmt == RdfFormat.JSON_LD:  # compacted with the project's prefixes
        assert json.loads(body)["@graph"] == [{"@id": "ent:Zeta-2", "aig:developedBy": {"@id": "ent:Zeta_Labs"}}]


def test_format_parameter_and_ask(endpoint):
    status, ctype, body = get(endpoint, "ASK { ent:Zeta-2 aig:developedBy ent:Zeta_Labs }", format="xml")
    assert status == 200 and ctype.startswith("application/sparql-results+xml")
    assert bool(parse_query_results(body, format=QueryResultsFormat.XML))


def test_unacceptable_accept_is_406(endpoint):
    assert get(endpoint, MODELS, "image/png")[0] == 406


@pytest.mark.parametrize("send", [
    lambda s: http(f"{s.url}/sparql", b"DROP ALL", {"Content-Type": "application/sparql-update"}),
    lambda s: http(f"{s.url}/sparql", b"update=DROP+ALL", {"Content-Type": "application/x-www-form-urlencoded"}),
    lambda s: get(s, "DROP ALL"),
    lambda s: post_form(s, "INSERT DATA { ent:x aig:developedBy ent:y }"),
    lambda s: post_form(s, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"),
    lambda s: post_form(s, "SELECT * WHERE { SERV\\u0049CE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"),
])
def test_updates_and_service_are_refused(endpoint, send):
    status, _, body = send(endpoint)
    assert status == 403, body
    assert b"read-only" in body or b"SERVICE" in body


def test_other_methods_are_not_allowed(endpoint):
    for method in ("PUT", "DELETE", "PATCH"):
        assert http(f"{endpoint.url}/sparql", b"x", method=method)[0] == 405


@pytest.mark.parametrize("evil", ['x" || ?s != "', 'x\\u0022 || ?s != \\u0022', "} ; DROP ALL ;"])
def test_injection_strings_are_refused_or_stay_literals(endpoint, evil):
    assert 400 <= post_form(endpoint, evil)[0] < 500
    escaped = evil.replace("\\", "\\\\").replace('"', '\\"')
    status, _, body = post_form(endpoint, f'SELECT ?e WHERE {{ ?e rdfs:label "{escaped}" }}')
    assert status == 200 and list(parse_query_results(body, format=QueryResultsFormat.JSON)) == []


def test_syntax_errors_are_400_with_the_reason(endpoint):
    status, ctype, body = post_form(endpoint, "SELECT ?m WHERE {\n  ?m ex:p ?x")
    assert status == 400 and ctype.startswith("text/plain")
    message = body.decode("utf-8")
    assert message.startswith("SPARQL syntax error at line 2, column ") and "\n" not in message
    assert message.endswith("unknown prefix ex: (declare it with PREFIX)")


def test_query_page_embeds_the_shipped_queries_and_links_the_graph_view(endpoint):
    status, ctype, body = http(endpoint.url + "/")
    assert status == 200 and ctype.startswith("text/html")
    page = body.decode("utf-8")
    assert '<textarea id="query"' in page and 'href="graph"' in page
    data = re.search(r'<script id="queries" type="application/json">(.*?)</script>', page, re.S)[1]
    assert json.loads(data) == {name: [about, text] for name, (about, text) in shipped().items()}
    assert http(endpoint.url + "/graph")[2] == b"<html><body>the graph view</body></html>"
    assert http(endpoint.url + "/nothing")[0] == 404


def test_embedded_json_cannot_close_the_script_element():
    text = script_json({"q": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"q": "</script><script>alert(1)</script> & <!--"}


def test_two_clients_at_once(endpoint):
    results: list[int] = []

    def client() -> None:
        for _ in range(25):
            results.append(get(endpoint, MODELS)[0])

    threads = [threading.Thread(target=client) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [200] * 50


def test_sparqlwrapper_client(endpoint):
    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(endpoint.url + "/sparql")
    client.setQuery("PREFIX aig: <https://aigraph.dev/ontology#> PREFIX ent: <https://aigraph.dev/id/> " + MODELS)
    client.setReturnFormat(JSON)
    assert [b["m"]["value"] for b in client.query().convert()["results"]["bindings"]] == [ZETA2]
    client.setMethod(POST)
    assert [b["m"]["value"] for b in client.query().convert()["results"]["bindings"]] == [ZETA2]
    client.setQuery("PREFIX aig: <https://aigraph.dev/ontology#> PREFIX ent: <https://aigraph.dev/id/> " + CONSTRUCT)
    client.setReturnFormat(TURTLE)
    assert len(list(parse(client.query().convert(), format=RdfFormat.TURTLE))) == 1


def test_seed_graph_over_http(session_graph):
    with serving(session_graph, workers=1) as srv:
        status, _, body = get(srv, "SELECT ?m WHERE { ?m aig:developedBy ent:DeepSeek }")
    assert status == 200
    assert "https://aigraph.dev/id/DeepSeek-R1" in models_in(body, QueryResultsFormat.JSON)


def test_a_query_over_the_time_limit_is_stopped_and_the_endpoint_recovers(graph):
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with serving(graph, timeout=1.0, workers=1) as srv:
        (old,) = srv.pool.pids()
        t = time.monotonic()
        status, _, body = post_form(srv, endless)
        assert status == 503 and b"time limit" in body
        assert time.monotonic() - t < 5
        assert post_form(srv, MODELS)[0] == 200  # a fresh worker answers
        time.sleep(0.5)
        assert not _alive(old)  # the worker running the endless query ended, and with it the query
        assert srv.pool.pids() and srv.pool.pids() != [old]


def _cpu_seconds(pid: int, after: float = 0.0) -> float:
    time.sleep(after)
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_rebuilt_store_is_picked_up(tmp_path):
    from aigraph.graph.store import write_store

    graph = write_tiny_graph(tmp_path / "g")
    with serving(graph, workers=1) as srv:
        assert models_in(get(srv, MODELS)[2], QueryResultsFormat.JSON) == [ZETA2]
        write_store([], graph)  # `aigraph build` swaps a new store in: here an empty graph
        assert models_in(get(srv, MODELS)[2], QueryResultsFormat.JSON) == []


def test_missing_store_fails_before_serving(tmp_path):
    with pytest.raises(StoreError, match="build the graph first"):
        make_server(tmp_path, port=0)


def test_serve_command_runs_until_terminated(graph):
    proc = subprocess.Popen([sys.executable, "-m", "aigraph.cli", "serve", "--port", "0", "--quiet",
                             "--graph", str(graph)], stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        url = re.search(r"SPARQL endpoint (http://127\.0\.0\.1:\d+)/sparql", line)[1]
        status, _, body = http(f"{url}/sparql?{urlencode({'query': MODELS})}", headers={"Accept": "text/csv"})
        assert status == 200 and body.decode().split() == ["m", ZETA2]
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(10) == 0


def test_a_port_in_use_is_one_clear_error(graph):
    from aigraph.errors import AigraphError

    with serving(graph, workers=1) as srv:
        port = int(srv.url.rsplit(":", 1)[1])
        with pytest.raises(AigraphError, match=f"Cannot listen on 127.0.0.1:{port}: Address already in use"):
            make_server(graph, port=port, workers=1)


def test_workers_stop_when_the_server_is_killed(graph):
    proc = subprocess.Popen([sys.executable, "-m", "aigraph.cli", "serve", "--port", "0", "--quiet",
                             "--graph", str(graph)], stdout=subprocess.PIPE, text=True)
    try:
        proc.stdout.readline()
        workers = [int(p) for p in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
        assert len(workers) == 2
    finally:
        proc.kill()  # no chance to stop its workers
        proc.wait()
    deadline = time.monotonic() + 5
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)


def test_an_idle_connection_is_closed_after_the_idle_time(monkeypatch):
    """The idle limit is the kernel's receive timeout on the connection (no poll before each recv)."""
    import socket

    from aigraph.serve import http as serve_http

    monkeypatch.setattr(serve_http, "IDLE", 0.3)
    sock = serve_http.listen("127.0.0.1", 0)
    server = serve_http.Server(sock, lambda req, conn: serve_http.text(200, "ok"))
    thread = threading.Thread(target=server.serve, args=(0.05,), daemon=True)
    thread.start()
    try:
        with socket.create_connection(sock.getsockname()[:2], timeout=5) as client:
            client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            assert client.recv(1 << 16).startswith(b"HTTP/1.1 200 OK")
            start = time.monotonic()
            assert client.recv(1 << 16) == b""  # closed by the server, once idle for 0.3 s
            assert 0.2 < time.monotonic() - start < 3
    finally:
        server.stop.set()
        thread.join(5)
        sock.close()
