"""One-line errors where a traceback or a crash was: a deeply nested query, a port in use."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from aigraph.errors import RefusedQuery
from aigraph.query.guard import MAX_NESTING, check_read_only, nesting


def _deep(n: int) -> str:
    return "SELECT * WHERE " + "{" * n + " ?s ?p ?o " + "}" * n


def test_nesting_counts_groups_and_parentheses_but_not_strings():
    assert nesting(_deep(3)) == 3
    assert nesting('SELECT * WHERE { ?s ?p "((((((" FILTER((1)) }') == 3


def test_a_deeply_nested_query_is_refused_not_crashed(session_graph):
    check_read_only(_deep(MAX_NESTING))
    with pytest.raises(RefusedQuery, match="3000 deep"):
        check_read_only(_deep(3000))
    r = subprocess.run([sys.executable, "-m", "aigraph.cli", "sparql", _deep(3000), "--graph", str(session_graph)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.returncode  # was -11: the parser's stack overflowed
    assert r.stderr == f"Error: The query nests groups or parentheses 3000 deep; at most {MAX_NESTING} are allowed.\n"


def test_serve_on_a_port_in_use_says_so_in_one_line(session_graph):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "aigraph.cli", "serve", "--port", str(port), "--graph",
                            str(session_graph)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    assert r.stderr == (f"Error: Cannot listen on 127.0.0.1:{port}: Address already in use (is another server "
                        "there? choose another with --port).\n")
