"""Parallel extraction gives the serial output; a document that fails is set aside, not the build."""

from __future__ import annotations

import gc
import io
import itertools

import pytest
from spacy.language import Language

from aigraph.errors import InputError
from aigraph.extraction.nlp import build_nlp, extract
from aigraph.ingest.reader import read_document
from aigraph.ingest.segment import segment
from aigraph.model import Sentence
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
    # the bar measures the documents' text up to their last sentences (the total is known before
    # the sentences are made); the sentences are counted as they are read
    ends = {s.doc_id: s.end for s in seed_sentences}
    assert (stage, done, total) == ("extract", sum(ends.values()), sum(ends.values()))
    assert [c[0][1] < total for c in calls] == [True] * (len(calls) - 1) + [False]
    assert info["docs"] == (2, 2)
    assert info["sentences"] == len(seed_sentences)
    assert info["chars"] == sum(len(s.text) for s in seed_sentences)
    assert [c[0][1] for c in calls] == sorted(c[0][1] for c in calls)
    assert [c[1]["sentences"] for c in calls] == sorted(c[1]["sentences"] for c in calls)


class Tracked(Sentence):
    """A sentence that counts itself in ALIVE while it lives (in this process)."""

    def __del__(self):
        ALIVE[0] -= 1


ALIVE = [0, 0]  # sentences alive, most alive at once


class Counted:
    """Sentences made as they are read, as pipeline.stages.Segmented makes them."""

    def __init__(self, sentences):
        self.sentences = sentences

    def __iter__(self):
        for s in self.sentences:
            ALIVE[0] += 1
            ALIVE[1] = max(ALIVE[1], ALIVE[0])
            yield Tracked(s.doc_id, s.index, s.text, s.pieces, s.doc_date)


def _said(readings):
    return [(r.sentence.doc_id, r.sentence.index, r.sentence.text, r.mentions, r.facts) for r in readings]


@pytest.mark.parametrize("jobs", [1, 2])
def test_sentences_are_read_as_they_are_made_and_only_those_kept_are_held(seed_sentences, nlp, jobs, monkeypatch):
    from aigraph.scale.workers import units

    monkeypatch.setattr("aigraph.extraction.nlp.CHUNK_CHARS", 2000)  # units of a few dozen sentences
    gc.collect()
    ALIVE[:] = [0, 0]
    named = lambda r: bool(r.mentions or r.facts)  # noqa: E731
    outcome = extract_all(Counted(seed_sentences), jobs=jobs, keep=named)
    assert _said(outcome.readings) == _said(r for r in extract(nlp, seed_sentences) if named(r))
    assert outcome.sentences == len(seed_sentences)
    assert 0 < len(outcome.readings) < len(seed_sentences)
    # never the whole list at once: the units in flight (a few per process, each at most CHUNK_CHARS
    # of text) beside the sentences that name something
    unit = max(len(u) for u in units(seed_sentences))
    assert ALIVE[1] <= len(outcome.readings) + (2 * jobs + 2) * unit
    assert ALIVE[1] < len(seed_sentences)
    gc.collect()
    assert ALIVE[0] == len(outcome.readings)


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


def test_a_stage_a_little_short_of_its_end_is_not_shown_finished():
    assert " 99%  " in ProgressBar.line("extract", 9_999, 10_000, 2.0, docs=(0, 1), chars=10, sentences=5)
    line = ProgressBar.line("extract", 10_000, 10_000, 2.0, docs=(1, 1), chars=10, sentences=5)
    assert "100%  1/1 documents  5 sentences  2 sentences/s" in line
