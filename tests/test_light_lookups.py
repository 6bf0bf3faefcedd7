"""Lookups stay quick to start: no heavy library is imported on their path (the speed target itself is
measured by bench/bench_query.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .tinygraph import write_tiny_graph

HEAVY = ("spacy", "rdflib", "pandas", "pyvis", "networkx", "pyshacl", "numpy", "scipy", "igraph", "leidenalg")
# not heavy, but an exact name needs none of them either (a variant spelling loads the lexicon's `norm`)
WRITERS = ("json", "tempfile", "shutil")

PROBE = """
import sys
from aigraph.cli import cli
try:
    cli(sys.argv[1:], prog_name="aigraph")
except SystemExit as exc:
    assert not exc.code, exc.code
print("\\x00" + " ".join(sorted(m for m in sys.modules if m.split(".")[0] in %r)))
""" % (HEAVY + WRITERS,)


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return write_tiny_graph(tmp_path_factory.mktemp("tiny"))


@pytest.mark.parametrize("args,first,exact", [
    (["neighbors", "Zeta Labs"], "Zeta Labs (Company)", True),
    (["neighbors", "Atlas-1", "--evidence", "--depth", "2"], "Atlas-1 (Model)", True),
    (["show", "Zeta Labs"], "Zeta Labs (Company)", True),
    (["neighbors", "zeta-labs"], "Zeta Labs (Company)", False),
    (["neighbors", "阿特拉斯机器人"], "Atlas Robotics (Company)", False),
], ids=lambda a: " ".join(a) if isinstance(a, list) else "")
def test_a_lookup_imports_no_heavy_library(graph, args, first, exact):
    out = subprocess.run([sys.executable, "-c", PROBE, *args, "--graph", str(graph)], capture_output=True,
                         text=True, check=True).stdout
    text, loaded = out.rsplit("\x00", 1)
    assert text.splitlines()[0] == first
    assert [m for m in loaded.split() if m.split(".")[0] in HEAVY] == []
    if exact:
        assert loaded.split() == []


def test_json_is_imported_only_when_asked_for(graph):
    out = subprocess.run([sys.executable, "-c", PROBE, "neighbors", "Zeta Labs", "--json", "--graph", str(graph)],
                         capture_output=True, text=True, check=True).stdout
    text, loaded = out.rsplit("\x00", 1)
    assert json.loads(text)["entity"] == "Zeta Labs" and loaded.split() == ["json", "json.decoder", "json.encoder",
                                                                             "json.scanner"]


# the command as installed (`aigraph` runs aigraph.cli:main), and the same arguments read by click alone
ENTRY = "import sys; from aigraph.cli import main; sys.argv[0] = 'aigraph'; main()"
CLICK = "import sys; from aigraph.commands import cli; cli(sys.argv[1:], prog_name='aigraph')"
LOADED = "; print('\\x00' + ' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('click', 'typing'))))"


@pytest.mark.parametrize("args", [
    ["Zeta Labs"], ["zeta-labs"], ["Atlas"], ["Atlas-1", "--evidence", "--depth", "2"], ["Atlas Robotics", "--json"],
    ["--json", "Atlas-1", "--evidence", "-q"], ["Atlas Robotics", "--type", "Investor,Model", "--relation", "investedIn"],
    ["Atlas Robotics", "--since", "2024-03", "--by", "event"], ["Atlas Robotics", "--since", "2024", "--json"],
    ["Atlas Robotics", "--until", "2020", "-q"], ["阿特拉斯机器人"], ["Nobody"], ["Atlas Robotics", "--relation", "nope"],
    ["Atlas Robotics", "--since", "someday"], ["Atlas Robotics", "--depth", "7"], ["Atlas Robotics", "--depth=2"],
    ["Atlas Robotics", "--by", "year"], ["Atlas Robotics", "--help"], [], ["Atlas", "Zeta"], ["Atlas Robotics", "--type"],
], ids=lambda a: " ".join(a) or "no name")
def test_the_entry_point_answers_neighbors_as_click_does(graph, args):
    """The entry point answers plain `neighbors` calls itself: same output, notes and exit status."""
    def run(code: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", code, "neighbors", *args, "--graph", str(graph)],
                              capture_output=True, text=True)

    quick, slow = run(ENTRY), run(CLICK)
    assert (quick.returncode, quick.stdout, quick.stderr) == (slow.returncode, slow.stdout, slow.stderr)


def test_a_plain_neighbors_call_imports_neither_click_nor_typing(graph, tmp_path):
    out = subprocess.run([sys.executable, "-c", ENTRY + LOADED, "neighbors", "Atlas-1", "--evidence", "--depth", "2",
                          "--graph", str(graph)], capture_output=True, text=True, check=True).stdout
    text, loaded = out.rsplit("\x00", 1)
    assert text.splitlines()[0] == "Atlas-1 (Model)" and loaded.split() == []
    # a graph option naming a file is click's to report: the entry point hands it over
    (tmp_path / "f").write_text("")
    r = subprocess.run([sys.executable, "-c", ENTRY, "neighbors", "Atlas", "--graph", str(tmp_path / "f")],
                       capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr.startswith(f"Error: --graph {tmp_path / 'f'} is a file")
