"""A build over a folder of every kind of file users drop in: what can be read is in the graph (with its
encoding, without control characters), what cannot is reported by name and skipped, and --strict
fails without touching the previous graph."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal, NamedNode, RdfFormat, Store, parse

from aigraph.cli import cli
from aigraph.graph.store import run
from aigraph.ingest.textview import CONTROLS

# a sentence whose fact every extractor version reads: MiniMax-01 developedBy MiniMax
SENTENCE = "国庆期间，MiniMax的MiniMax-01刷新了多项长文本评测的纪录。"
TRADITIONAL = "輝達發表了新的人工智慧晶片，台積電負責生產。"


def _corpus(src):
    """(files written, encoding each readable one should be recorded with, files that must be skipped)."""
    src.mkdir()
    good = {
        "utf8.md": ("---\ntitle: 周报\ndate: 2025-02-01\n---\n第一篇。\n" + SENTENCE + "\n").encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + ("第二篇。\n" + SENTENCE + "\n").encode("utf-8"),
        "gbk.txt": ("第三篇。\n" + SENTENCE + "\n").encode("gbk"),
        "big5.txt": ("第四篇。\n" + TRADITIONAL + "\n").encode("big5"),
        "utf16.txt": ("第五篇。\n" + SENTENCE + "\n").encode("utf-16"),
        "page.html": ("<!DOCTYPE html><html><head><title>第六篇 &amp; 新闻</title><style>p{color:red}</style>"
                      "<script>var x = '<p>脚本里的字</p>';</script></head><body><!-- 注释 -->"
                      f"<h1>第六篇</h1><p>{SENTENCE}</p><p>更多内容&nbsp;见下文。</p></body></html>").encode(),
        "controls.txt": ("\u202e第七篇。\x07\n国庆期间，\x00Mini\u200bMax的MiniMax-01刷新了\x1b[0m多项长文本评测的纪录。"
                         "\u2028第二行\x7f。\r\n").encode("utf-8"),
        "broken.txt": b"\xef\xbb\xbf" + "第八篇。\n".encode() + b"\xff\xfe\xfa" + (SENTENCE + "\n").encode(),
    }
    bad = {
        "fake.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "binary file (a PDF"),
        "picture.html": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file (a PNG image"),
        "empty.md": (b"", "empty file"),
        "blank.txt": (b" \n\t\x00\x00\n", "empty file"),
        "noise.txt": (bytes(range(0, 32)) * 40, "binary"),
    }
    for name, data in good.items():
        (src / name).write_bytes(data)
    for name, (data, _) in bad.items():
        (src / name).write_bytes(data)
    encodings = {"utf8.md": "utf-8", "bom.txt": "utf-8-sig", "gbk.txt": "gb18030", "big5.txt": "big5",
                 "utf16.txt": "utf-16", "page.html": "utf-8", "controls.txt": "utf-8", "broken.txt": "utf-8-sig"}
    return encodings, {name: reason for name, (_, reason) in bad.items()}


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bad")
    encodings, skipped = _corpus(tmp / "src")
    first = tmp / "first"
    first.mkdir()
    (first / "one.txt").write_text(SENTENCE + "\n", encoding="utf-8")
    out = tmp / "g"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(first), "--out", str(out), "--quiet"]).exit_code == 0
    before = (out / "aigraph.nq").read_bytes()
    strict = runner.invoke(cli, ["build", str(tmp / "src"), "--out", str(out), "--quiet", "--strict"])
    after_strict = (out / "aigraph.nq").read_bytes()
    result = runner.invoke(cli, ["build", str(tmp / "src"), "--out", str(out), "--quiet"])
    return {"out": out, "encodings": encodings, "skipped": skipped, "before": before, "strict": strict,
            "after_strict": after_strict, "result": result}


def test_strict_fails_on_a_bad_file_and_leaves_the_previous_graph(bad_build):
    strict = bad_build["strict"]
    assert strict.exit_code == 1
    assert any(f"{name}: {reason}" in strict.output for name, reason in bad_build["skipped"].items())
    assert bad_build["after_strict"] == bad_build["before"]


def test_every_bad_file_is_named_with_its_reason_and_the_build_goes_on(bad_build):
    result = bad_build["result"]
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for name, reason in bad_build["skipped"].items():
        assert any(line.startswith("skipped: ") and f"{name}: {reason}" in line for line in lines), name
    warned = [line for line in lines if line.startswith("warning: ")]
    assert len(warned) == 1 and "broken.txt: " in warned[0] and "U+FFFD (utf-8-sig)" in warned[0]


def test_every_readable_file_is_a_document_with_its_encoding(bad_build):
    store = Store.read_only(str(bad_build["out"] / "store"))
    rows = run(store, "SELECT ?name ?enc WHERE { ?d a aig:Document ; rdfs:label ?name ; aig:encoding ?enc }")
    assert {r["name"].value: r["enc"].value for r in rows} == bad_build["encodings"]


def test_the_fact_is_read_through_every_encoding_markup_and_control_character(bad_build):
    store = Store.read_only(str(bad_build["out"] / "store"))
    rows = run(store, """SELECT ?name WHERE {
        ?f rdf:subject ent:MiniMax-01 ; rdf:predicate aig:developedBy ; rdf:object ent:MiniMax ; aig:evidence ?ev .
        ?ev aig:inDocument ?d . ?d rdfs:label ?name }""")
    docs = {r["name"].value for r in rows}
    assert {"gbk.txt", "utf16.txt", "page.html", "controls.txt", "broken.txt"} <= docs


def test_no_control_character_or_markup_reaches_the_graph(bad_build):
    store = Store.read_only(str(bad_build["out"] / "store"))
    literals = [q.object.value for q in store if isinstance(q.object, Literal)]
    assert literals
    assert not [v for v in literals if CONTROLS.search(v)]
    texts = [r["t"].value for r in run(store, "SELECT ?t WHERE { ?ev aig:sentenceText ?t }")]
    assert not [t for t in texts if "<" in t or "脚本" in t or "注释" in t or "&amp;" in t]


def test_the_exports_reparse_to_the_store(bad_build):
    out = bad_build["out"]
    store = Store.read_only(str(out / "store"))
    quads = set(parse(path=str(out / "aigraph.nq"), format=RdfFormat.N_QUADS))
    # the store holds the ontology too, in a graph of its own
    assert quads == {q for q in store if q.graph_name != NamedNode("https://aigraph.dev/ontology")}
    triples = set(parse(path=str(out / "aigraph.ttl"), format=RdfFormat.TURTLE))
    assert triples == set(parse(path=str(out / "aigraph.nt"), format=RdfFormat.N_TRIPLES))
    assert len(triples) == len({(q.subject, q.predicate, q.object) for q in quads})
