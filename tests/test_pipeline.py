"""End to end: build one seed file into a temporary folder, then ask the graph."""

from __future__ import annotations

from click.testing import CliRunner

from aigraph.cli import cli
from aigraph.pipeline.build import build
from aigraph.pipeline.stages import STAGES

from .conftest import SEED_003


def test_stages_are_named_and_ordered():
    assert [name for name, _ in STAGES] == ["ingest", "segment", "extract", "link", "graph"]


def test_build_then_query(tmp_path):
    out = tmp_path / "g"
    report = build([SEED_003], out)
    assert report.documents == 1 and report.entities > 50 and report.facts > 20
    for f in ("aigraph.ttl", "aigraph.nq", "aigraph.html", "store"):
        assert (out / f).exists(), f
    r = CliRunner().invoke(cli, ["neighbors", "DeepSeek", "--graph", str(out)])
    assert "    <- DeepSeek-R1 (Model) [in]" in r.output.splitlines()
    r = CliRunner().invoke(cli, ["sparql", "ASK { ent:SearchGPT aig:developedBy ent:OpenAI }", "--graph", str(out)])
    assert r.output.strip() == "true"


def test_rebuild_gives_identical_exports(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    build([SEED_003], a)
    build([SEED_003], b)
    for f in ("aigraph.ttl", "aigraph.nq", "aigraph.html"):
        assert (a / f).read_bytes() == (b / f).read_bytes(), f


def test_build_command_skips_unreadable_files(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "ok.txt").write_text("OpenAI发布了GPT-4o模型。", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    r = CliRunner().invoke(cli, ["build", str(src), "--out", str(tmp_path / "g"), "--quiet"])
    assert r.exit_code == 0, r.output
    assert "skipped: " in r.output and "empty.txt: empty file" in r.output


def test_segmented_sentences_are_made_as_read_and_only_those_naming_something_are_kept(tmp_path):
    from aigraph.ingest.segment import segment
    from aigraph.pipeline.stages import Segmented, State, extract, ingest
    from aigraph.pipeline.stages import segment as segment_stage

    src = tmp_path / "news.txt"
    src.write_text("天气很好。\n\n我们去公园散步了。\n\n深度求索发布了DeepSeek-R1模型。\n\n晚饭吃了面条。\n", encoding="utf-8")
    state = segment_stage(ingest(State((src,))))
    # the stage holds the documents, not their sentences: those are made again each time they are read
    assert isinstance(state.sentences, Segmented) and not hasattr(state.sentences, "__len__")
    made = list(state.sentences)
    assert made == segment(state.documents[0]) and len(made) == 4
    assert list(state.sentences)[0] is not made[0]
    state = extract(state)
    assert [s.text for s in state.sentences] == ["深度求索发布了DeepSeek-R1模型。"]
    assert [r.sentence for r in state.readings] == list(state.sentences)
    assert state.sentence_count == 4
