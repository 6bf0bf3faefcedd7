"""Parallel extraction gives the serial output; a document that fails is set aside, not the build."""

from __future__ import annotations

import io
import itertools

import pytest
from spacy.language import Language

from aigraph.errors import InputError
from aigraph.extraction.nlp import build_nlp, extract
from aigraph.ingest.reader import read_document
from aigraph.ingest.segment import segment
from aigraph.pipeline.build import build
from aigraph.pipeline.stages import run
from aigraph.progress import ProgressBar
from aigraph.scale.workers import extract_all

from .conftest import SEED_003, SEEDS

BOOM = "这句话让抽取器崩溃。"


@Language.component("test_exploding_component")
def _explode(doc):
    if BOOM in doc.text:
        raise RuntimeError("the extractor broke on this document")
    return doc


def exploding_nlp():
    """The real pipeline plus a component that raises on one sentence (a fault injected for the test)."""
    nlp = build_nlp()
    nlp.add_pipe("test_exploding_component")
    return nlp


@pytest.fixture(scope="module")
def seed_sentences():
    return [s for f in (SEEDS / "000_5897dc52d0d30b49.txt", SEED_003) for s in segment(read_document(f))]


def test_two_processes_read_exactly_what_one_reads(seed_sentences, nlp):
    serial = extract(nlp, seed_sentences)
    parallel = extract_all(seed_sentences, jobs=2)
    assert parallel.failed == ()
    assert parallel.readings == tuple(serial)


def test_progress_counts_every_document_and_sentence(seed_sentences):
    calls = []
    extract_all(seed_sentences, jobs=2, progress=lambda *a, **k: calls.append((a, k)))
    (stage, done, total), info = calls[-1]
    assert (stage, done, total) == ("extract", len(seed_sentences), len(seed_sentences))
    assert info["docs"] == (2, 2)
    assert info["chars"] == sum(len(s.text) for s in seed_sentences)
    assert [c[0][1] for c in calls] == sorted(c[0][1] for c in calls)


def _corpus(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a_good.txt").write_bytes(SEED_003.read_bytes())
    (src / "b_bad.txt").write_text(f"英伟达发布了H100芯片。\n{BOOM}\n微软投资了OpenAI。\n", encoding="utf-8")
    (src / "c_empty.txt").write_bytes(b"")
    return src


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_that_fails_extraction_is_reported_and_left_out_whole(tmp_path, jobs):
    src = _corpus(tmp_path)
    state = run(sorted(src.iterdir()), jobs=jobs, extractor=exploding_nlp)
    assert state.skipped == (
        f"{src / 'c_empty.txt'}: empty file",
        f"{src / 'b_bad.txt'}: extraction failed (RuntimeError: the extractor broke on this document)",
    )
    alone = run([src / "a_good.txt"])
    assert state.documents == alone.documents
    assert set(state.quads) == set(alone.quads)


def test_strict_makes_a_failed_extraction_fatal_and_writes_nothing(tmp_path):
    src = _corpus(tmp_path)
    (src / "c_empty.txt").unlink()
    with pytest.raises(InputError, match="b_bad.txt: extraction failed"):
        build(sorted(src.iterdir()), tmp_path / "out", strict=True, extractor=exploding_nlp)
    assert not (tmp_path / "out").exists()


def test_progress_bar_lines():
    line = ProgressBar.line("extract", 50, 200, 2.0, docs=(1, 4), chars=10_000)
    assert line == ("extract  ██████░░░░░░░░░░░░░░░░░░  25%  1/4 documents  50/200 sentences  25 sentences/s  "
                    "5k chars/s")
    out = io.StringIO()
    bar = ProgressBar(out, tty=False, clock=itertools.count().__next__)
    for i in range(0, 101):
        bar("extract", i, 100, docs=(i // 50, 2), chars=i * 10)
    printed = out.getvalue().splitlines()
    assert [p.split()[2] for p in printed] == ["0%", "25%", "50%", "75%", "100%"]
