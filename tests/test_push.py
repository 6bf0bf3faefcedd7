"""`aigraph push` into a real external SPARQL store: Virtuoso, started by the tests."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import DefaultGraph, Store

from aigraph.cli import cli
from aigraph.scale.push import graphs_of

DEFAULT = "https://aigraph.dev/graph/default"

INI = """[Database]
DatabaseFile = {d}/db.db
ErrorLogFile = {d}/db.log
LockFile = {d}/db.lck
TransactionFile = {d}/db.trx
xa_persistent_file = {d}/db.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/temp.db
TransactionFile = {d}/temp.trx
[Parameters]
ServerPort = {isql}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {d}
[HTTPServer]
ServerPort = {http}
ServerRoot = {d}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A Virtuoso server on free local ports, with SPARQL Update allowed; stopped after the tests."""
    exe, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if not exe or not isql:
        if os.environ.get("CI"):
            pytest.fail("virtuoso-t is not installed: `make test` installs it (Debian virtuoso-opensource-7-bin)")
        pytest.skip("virtuoso-t is not installed (`make test` installs it)")
    d = tmp_path_factory.mktemp("virtuoso")
    ports = {"isql": _free_port(), "http": _free_port()}
    (d / "virtuoso.ini").write_text(INI.format(d=d, **ports))
    proc = subprocess.Popen([exe, "-f", "-c", str(d / "virtuoso.ini")], cwd=d,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{ports['http']}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log = (d / "db.log").read_text(errors="replace")[-2000:] if (d / "db.log").exists() else ""
                    pytest.fail(f"Virtuoso did not start:\n{log}")
                time.sleep(0.5)
        subprocess.run([isql, str(ports["isql"]), "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                       check=True, capture_output=True, timeout=60)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _select(base: str, query: str) -> list[dict]:
    url = f"{base}/sparql?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        data = json.loads(resp.read())
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def _counts(base: str, prefix: str = "https://aigraph.dev/") -> dict[str, int]:
    rows = _select(base, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                         f'FILTER(STRSTARTS(STR(?g), "{prefix}")) }} GROUP BY ?g')
    return {r["g"]: int(r["n"]) for r in rows}


def _expected(graph: Path, default: str) -> dict[str, int]:
    store = Store.read_only(str(graph / "store"))
    return {(default if isinstance(g, DefaultGraph) else g.value): len(ts) for g, ts in graphs_of(store).items()}


def test_push_by_sparql_update_loads_every_graph(virtuoso, session_graph):
    r = CliRunner().invoke(cli, ["push", "--endpoint", f"{virtuoso}/sparql", "--default-graph", DEFAULT,
                                 "--graph", str(session_graph), "--json"])
    assert r.exit_code == 0, r.output
    report = json.loads(r.output)
    expected = _expected(session_graph, DEFAULT)
    assert report["triples"] == sum(expected.values()) and report["graphs"] == len(expected)
    assert _counts(virtuoso) == expected
    ask = _select(virtuoso, f"SELECT ?m WHERE {{ GRAPH <{DEFAULT}> {{ ?m <https://aigraph.dev/ontology#developedBy> "
                            "<https://aigraph.dev/id/DeepSeek> } }")
    assert {"m": "https://aigraph.dev/id/DeepSeek-R1"} in ask
    # every label arrives as written (Chinese, quotes, long names)
    query = "SELECT ?e ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    ours = {(s["e"].value, s["l"].value) for s in Store.read_only(str(session_graph / "store")).query(query)
            if "/id/" in s["e"].value}
    theirs = {(r["e"], r["l"]) for r in _select(virtuoso, query.replace("WHERE {", f"WHERE {{ GRAPH <{DEFAULT}> {{") + " }")}
    assert ours and any(not label.isascii() for _, label in ours)
    assert ours <= theirs
    # pushing again replaces, not doubles
    r = CliRunner().invoke(cli, ["push", "--endpoint", f"{virtuoso}/sparql", "--default-graph", DEFAULT,
                                 "--graph", str(session_graph), "--quiet", "--batch", "500"])
    assert r.exit_code == 0, r.output
    assert _counts(virtuoso) == expected


def test_push_by_graph_store_protocol(virtuoso, session_graph):
    other = "https://aigraph.dev/graph/by-gsp"
    r = CliRunner().invoke(cli, ["push", "--endpoint", f"{virtuoso}/sparql-graph-crud", "--protocol", "gsp",
                                 "--default-graph", other, "--graph", str(session_graph), "--quiet"])
    assert r.exit_code == 0, r.output
    expected = _expected(session_graph, DEFAULT)
    assert _counts(virtuoso, other)[other] == expected[DEFAULT]


def test_a_store_without_default_graph_says_what_to_pass(virtuoso, session_graph):
    r = CliRunner().invoke(cli, ["push", "--endpoint", f"{virtuoso}/sparql", "--graph", str(session_graph), "-q"])
    assert r.exit_code == 1
    assert r.output.startswith(f"Error: {virtuoso}/sparql: HTTP 400")
    assert "--default-graph IRI" in r.output


def test_an_unreachable_endpoint_is_a_one_line_error(session_graph):
    port = _free_port()
    r = CliRunner().invoke(cli, ["push", "--endpoint", f"http://127.0.0.1:{port}/sparql", "--graph",
                                 str(session_graph), "-q"])
    assert r.exit_code == 1
    assert r.output == (f"Error: Cannot reach http://127.0.0.1:{port}/sparql: [Errno 111] Connection refused. "
                        "Is the SPARQL store running?\n")
