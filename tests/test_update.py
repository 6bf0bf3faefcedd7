"""Incremental updates: `add` and `remove` give exactly the graph a full build gives."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner
from pyoxigraph import NamedNode

from aigraph.cli import cli
from aigraph.errors import AigraphError, StoreError
from aigraph.graph import cache
from aigraph.graph.store import ONTOLOGY_IRI, STORE_DIR, open_store, run
from aigraph.model import Document, Fact, Mention, Reading, Sentence
from aigraph.pipeline.build import build
from aigraph.pipeline.commit import FILES, STALE, export, publish
from aigraph.pipeline.update import add, assemble, remove

from .conftest import SEED_003

NEWS = "2024年9月，Orbisa AI完成了由a16z领投的1200万美金种子轮融资。\n深度求索发布了DeepSeek-R1模型，对标OpenAI的o1。\n"


def _data(graph_dir) -> list[str]:
    """The store's quads, ontology left out, as sorted N-Quads lines."""
    return sorted(str(q) for q in open_store(graph_dir) if q.graph_name != NamedNode(ONTOLOGY_IRI))


def _same_graph(a, b) -> None:
    """The same store; and once refreshed, the same export files, byte for byte."""
    assert _data(a) == _data(b)
    for g in (a, b):
        if (g / STALE).exists():
            export(g)
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.fixture
def news(tmp_path):
    path = tmp_path / "src" / "news_0001.txt"
    path.parent.mkdir()
    path.write_text(NEWS, encoding="utf-8")
    return path


def test_add_gives_what_a_full_build_gives_and_adding_again_changes_nothing(tmp_path, built_graph, news, session_graph):
    report = add([news], built_graph)
    assert report.added == ("news_0001.txt",) and report.documents == 2 and report.changed
    full = tmp_path / "full"
    build([SEED_003, news], full)
    _same_graph(built_graph, full)

    stamps = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in built_graph.rglob("*") if p.is_file()}
    copy = news.with_name("copy_of_news.txt")
    shutil.copy(news, copy)
    again = add([news, copy], built_graph)
    assert not again.changed and again.unchanged == ("news_0001.txt", "copy_of_news.txt")
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in built_graph.rglob("*") if p.is_file()} == stamps

    # and removing it again gives back the one-document graph
    gone = remove(["news_0001.txt"], built_graph)
    assert gone.removed == ("news_0001.txt",) and gone.documents == 1
    _same_graph(built_graph, session_graph)


def test_remove_by_hash_gives_what_a_build_without_it_gives(tmp_path, news, session_graph):
    out = tmp_path / "g"
    build([news, SEED_003], out)
    [sha] = [e.document.sha256 for e in cache.load(out) if e.document.id == news.name]
    remove([f"doc:{sha[:16]}"], out)
    _same_graph(out, session_graph)


def test_a_new_version_of_a_document_replaces_the_old_one(tmp_path, news):
    old = tmp_path / "g"
    build([news], old)
    news.write_text(NEWS.replace("a16z", "红杉资本"), encoding="utf-8")
    report = add([news], old)
    assert report.replaced == ("news_0001.txt",) and report.added == () and report.documents == 1
    fresh = tmp_path / "fresh"
    build([news], fresh)
    _same_graph(old, fresh)
    assert len(list((old / cache.CACHE_DIR).glob("*.json.gz"))) == 1


def test_documents_read_by_an_older_extractor_are_read_again(tmp_path, news, built_graph):
    [entry] = cache.load(built_graph)
    stale = cache.Entry(entry.document, (), "an-older-extractor")  # and its analyses lost
    (cache.folder(built_graph) / f"{entry.key}.json.gz").write_bytes(cache.encode(stale))
    # the graph's settings name the extractor that built it: an older one means every document is read again
    settings = cache.settings(built_graph) | {"extractor": "an-older-extractor"}
    (cache.folder(built_graph) / cache.SETTINGS).write_text(json.dumps(settings), encoding="utf-8")
    report = add([news], built_graph)
    assert report.refreshed == (SEED_003.name,)
    full = tmp_path / "full"
    build([SEED_003, news], full)
    _same_graph(built_graph, full)


def _entry(doc_id: str, sha: str, sentences: list[tuple[str, list, list]]) -> cache.Entry:
    doc = Document(doc_id, doc_id, "\n".join(t for t, _, _ in sentences), sha * 32)
    analyses, pos = [], 0
    for i, (text, mentions, facts) in enumerate(sentences):
        sent = Sentence(doc_id, i, text, ((pos, pos + len(text)),))
        pos += len(text) + 1
        ms = tuple(Mention(text.index(s), text.index(s) + len(s), s, t, s) for s, t in mentions)
        analyses.append(Reading(sent, ms, tuple(facts)))
    return cache.Entry(doc, tuple(analyses), cache.extractor_fingerprint())


def test_remove_takes_a_documents_facts_and_no_one_elses(tmp_path):
    shared = ("Acme发布了RoboLM。", [("Acme", "Company"), ("RoboLM", "Model")], [Fact("RoboLM", "developedBy", "Acme", 0.9)])
    only_b = ("Zeta Labs推出了ZetaChat。", [("Zeta Labs", "Company"), ("ZetaChat", "Product")],
              [Fact("ZetaChat", "developedBy", "Zeta Labs", 0.8)])
    out = tmp_path / "g"
    cache.write_all(out, [_entry("a.txt", "aa", [shared]), _entry("b.txt", "bb", [shared, only_b])], 0.5)
    publish(assemble(cache.load(out), 0.5).quads, out)
    q = 'SELECT ?n WHERE { ?f rdf:subject ent:RoboLM ; rdf:predicate aig:developedBy ; aig:supportCount ?n }'
    assert [r["n"].value for r in run(open_store(out), q)] == ["2"]
    report = remove(["b.txt"], out)
    assert report.removed == ("b.txt",) and report.documents == 1
    store = open_store(out)
    assert [r["n"].value for r in run(store, q)] == ["1"]
    assert not any(True for _ in run(store, "SELECT ?s WHERE { ?s aig:developedBy ent:Zeta_Labs }"))
    assert not any(True for _ in run(store, "SELECT ?t WHERE { ent:ZetaChat a ?t }"))
    docs = {r["d"].value for r in run(store, "SELECT ?d WHERE { ?ev aig:inDocument ?d }")}
    assert docs == {"https://aigraph.dev/doc/" + "aa" * 8}


def test_remove_of_an_unknown_document_says_which_there_are(built_graph):
    with pytest.raises(AigraphError, match=r"No document 'nope.txt' in the graph. Documents: 003_066453869a5c638a.txt \("):
        remove(["nope.txt"], built_graph)


def test_add_to_a_graph_without_cache_says_to_rebuild(built_graph, news):
    shutil.rmtree(built_graph / cache.CACHE_DIR)
    assert (built_graph / STORE_DIR).is_dir()
    with pytest.raises(StoreError, match="has no document cache"):
        add([news], built_graph)


def test_add_and_remove_commands(built_graph, news):
    runner = CliRunner()
    r = runner.invoke(cli, ["add", str(news), "--graph", str(built_graph), "--quiet"])
    assert r.exit_code == 0 and r.output == ""
    r = runner.invoke(cli, ["add", str(news), "--graph", str(built_graph)])
    assert r.output == f"already in the graph: news_0001.txt\nnothing changed in {built_graph}/\n"
    r = runner.invoke(cli, ["remove", "news_0001.txt", "--graph", str(built_graph), "--json"])
    data = json.loads(r.output)
    assert data["removed"] == ["news_0001.txt"] and data["changed"] is True and data["documents"] == 1
    r = runner.invoke(cli, ["remove", "news_0001.txt", "--graph", str(built_graph)])
    assert r.exit_code == 1 and r.output.startswith("Error: No document 'news_0001.txt' in the graph.")


def test_cache_entries_round_trip(built_graph):
    [entry] = cache.load(built_graph)
    assert cache.decode(cache.encode(entry)) == entry
    assert any(a.facts for a in entry.readings) and os.path.getsize(cache.folder(built_graph) / f"{entry.key}.json.gz") > 0


def test_add_keeps_the_threshold_the_graph_was_built_with(tmp_path, news):
    out = tmp_path / "g"
    build([news], out, threshold=0.95)
    assert cache.threshold(out) == 0.95
    other = news.with_name("news_0002.txt")
    other.write_text("OpenAI发布了GPT-4o模型。\n", encoding="utf-8")
    add([other], out)
    full = tmp_path / "full"
    build([news, other], full, threshold=0.95)
    _same_graph(out, full)
