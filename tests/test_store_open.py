"""Opening the store for lookups: a missing store and a store another process is writing are said plainly."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from aigraph.cli import cli
from aigraph.errors import StoreError
from aigraph.graph.store import STORE_DIR, lock_holder, open_store

from .tinygraph import write_tiny_graph

WRITER = """
import sys, time
from pyoxigraph import Store
store = Store(sys.argv[1])  # a writer: takes RocksDB's lock
print("writing", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def writer(tmp_path):
    graph = write_tiny_graph(tmp_path / "g")
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(graph / STORE_DIR)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    yield graph, proc.pid
    proc.stdin.close()
    proc.wait(10)


def test_a_store_being_written_is_refused_with_the_writer_named(writer):
    graph, pid = writer
    assert lock_holder(graph / STORE_DIR) == pid
    with pytest.raises(StoreError, match=rf"locked by another aigraph process \(pid {pid}\) writing to it; wait"):
        open_store(graph)


# every command that reads the graph, with arguments that would work on a good graph
READERS = (["neighbors", "Zeta Labs"], ["show", "Zeta Labs"], ["search", "zeta"], ["sparql", "ASK {}"],
           ["sparql", "--name", "trends"], ["serve", "--port", "0"], ["stats"], ["validate"],
           ["path", "Zeta Labs", "Zeta-2"], ["html", "Zeta Labs"], ["analyse"])


def one_line_error(args: list[str], graph) -> str:
    result = CliRunner().invoke(cli, [*args, "--graph", str(graph)])
    assert result.exit_code == 1, (args, result.output, result.exception)
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1, (args, result.output)
    return result.output


def test_the_cli_says_so_and_exits_non_zero(writer):
    graph, pid = writer
    for args in READERS:
        assert one_line_error(args, graph).startswith(
            f"Error: The graph store {graph / STORE_DIR} is locked by another aigraph process (pid {pid})"), args


def test_once_the_writer_is_gone_lookups_work(writer, tmp_path):
    graph, _ = writer
    copy = write_tiny_graph(tmp_path / "other")
    assert lock_holder(copy / STORE_DIR) is None
    result = CliRunner().invoke(cli, ["neighbors", "Zeta Labs", "--graph", str(copy)])
    assert result.exit_code == 0 and result.output.startswith("Zeta Labs (Company)")


def test_this_process_holding_the_lock_is_not_refused(tmp_path):
    from pyoxigraph import Store

    graph = write_tiny_graph(tmp_path / "g")
    store = Store(str(graph / STORE_DIR))  # our own writer (as `aigraph add` might hold one)
    assert len(open_store(graph)) == len(store)


def test_missing_store_says_to_build(tmp_path):
    """The library's message speaks of the library; the CLI's of the command and its flags."""
    with pytest.raises(StoreError, match=r"No graph store in .*: build the graph first\.$") as caught:
        open_store(tmp_path)
    assert caught.value.cli_message().endswith(": run `aigraph build` first (or pass --graph DIR).")


def _bad_folders(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "nostore").mkdir()
    (tmp_path / "nostore" / "notes.txt").write_text("not a graph")
    (tmp_path / "junk" / STORE_DIR).mkdir(parents=True)
    (tmp_path / "junk" / STORE_DIR / "CURRENT").write_text("not RocksDB\n")
    real = write_tiny_graph(tmp_path / "real")
    (tmp_path / "graph.ttl").write_text("", encoding="utf-8")
    return {
        "a file": (tmp_path / "graph.ttl", "is a file: give the folder `aigraph build` wrote"),
        "missing": (tmp_path / "missing", "(the folder does not exist): run `aigraph build` first"),
        "empty": (tmp_path / "empty", "(the folder is empty): run `aigraph build` first"),
        "no store": (tmp_path / "nostore", "(it has no store/ folder): run `aigraph build` first"),
        "not a store": (tmp_path / "junk", "store/ is not a readable graph store (Corruption: "),
        "the store itself": (real / STORE_DIR, f"is the store itself: pass the folder around it (--graph {real})"),
    }


@pytest.mark.parametrize("args", READERS, ids=lambda a: " ".join(a))
def test_a_bad_graph_folder_is_one_line_naming_the_problem(tmp_path, args):
    for kind, (folder, problem) in _bad_folders(tmp_path).items():
        message = one_line_error(args, folder)
        assert str(folder) in message and problem in message, (kind, message)
    assert not (tmp_path / "missing").exists()  # reading never creates a store
    assert sorted(p.name for p in (tmp_path / "junk" / STORE_DIR).iterdir()) == ["CURRENT"]
