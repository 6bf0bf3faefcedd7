"""Extraction over many documents: in this process or in worker processes (one spaCy pipeline each),
with the same output either way; a document whose extraction fails is set aside, not the build."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from .model import Analysis, Fact, Mention, Sentence

Reading = tuple[tuple[tuple[Mention, ...], tuple[Fact, ...]], ...]
"""What the extractor read in each sentence of a unit, without the sentences themselves."""


@dataclass(frozen=True)
class Outcome:
    """The analyses of every document that went through, and why the others did not."""

    analyses: tuple[Analysis, ...]
    """Analyses of the sentences of the documents that went through, in input order."""
    failed: tuple[tuple[str, str], ...] = ()
    """(document id, reason) for each document whose extraction raised."""


def units(sentences: Sequence[Sentence]) -> list[list[Sentence]]:
    """Work units: runs of one document's sentences, each read as one spaCy Doc (extract.CHUNK_CHARS)."""
    from .extract import _chunks

    return list(_chunks(sentences))


_NLP = None
_FACTORY: Callable | None = None


def _init(factory: Callable | None) -> None:
    """Build this process's spaCy pipeline (kept for the next build with the same factory)."""
    global _NLP, _FACTORY
    from .extract import build_nlp

    factory = factory or build_nlp
    if _NLP is None or _FACTORY is not factory:
        _NLP, _FACTORY = factory(), factory


def _read(unit: list[Sentence]) -> tuple[str, Reading | str]:
    """Analyse one unit with this process's pipeline; an exception becomes a reason, not a crash."""
    from .extract import analyse

    try:
        out = analyse(_NLP, unit)
    except Exception as exc:  # noqa: BLE001  a bad document must not stop the build
        return "error", f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
    return "ok", tuple((a.mentions, a.facts) for a in out)


def extract_all(sentences: Sequence[Sentence], jobs: int = 1, progress: Callable | None = None,
                factory: Callable | None = None, engine: str = "local", scheduler: str | None = None) -> Outcome:
    """Analyse all sentences with `jobs` processes (1: in this process), or as a Dask job (`engine`
    "dask": a local cluster of `jobs` workers, or the cluster behind `scheduler`). `factory` builds the
    spaCy pipeline (default extract.build_nlp). progress("extract", sentences done, total,
    docs=(done, total), chars=characters done) is called as units finish. Same output in every case."""
    work = units(sentences)
    tracker = _Tracker(work, progress)
    results: list[tuple[str, Reading | str] | None] = [None] * len(work)
    if engine == "dask":
        from .cluster import run_units

        run_units(work, results, tracker.done, scheduler, jobs, factory)
    elif jobs <= 1 or len(work) <= 1:
        _init(factory)
        for i, unit in enumerate(work):
            results[i] = _read(unit)
            tracker.done(i)
    else:
        _pool(work, jobs, factory, results, tracker)
    return _assemble(work, results)


def _pool(work: list[list[Sentence]], jobs: int, factory: Callable | None,
          results: list, tracker: _Tracker) -> None:
    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    # biggest units first, so that one long document does not finish alone at the end
    order = sorted(range(len(work)), key=lambda i: -sum(len(s.text) for s in work[i]))
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init, initargs=(factory,)) as pool:
            pending = {pool.submit(_read, work[i]): i for i in order}
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in finished:
                    i = pending.pop(fut)
                    results[i] = fut.result()
                    tracker.done(i)
    except BrokenProcessPool:
        # a worker died (killed, out of memory): read what is left here, one unit at a time
        _init(factory)
        for i in order:
            if results[i] is None:
                results[i] = _read(work[i])
                tracker.done(i)


def _assemble(work: list[list[Sentence]], results: list) -> Outcome:
    failed: dict[str, str] = {}
    for unit, (status, value) in zip(work, results):
        if status == "error":
            failed.setdefault(unit[0].doc_id, value)
    out: list[Analysis] = []
    for unit, (_, value) in zip(work, results):
        if unit[0].doc_id in failed:
            continue
        out.extend(Analysis(s, m, f) for s, (m, f) in zip(unit, value))
    return Outcome(tuple(out), tuple(failed.items()))


class _Tracker:
    """Counts sentences, characters and whole documents done, for the progress bar."""

    def __init__(self, work: list[list[Sentence]], progress: Callable | None) -> None:
        self.work, self.progress = work, progress
        self.left: dict[str, int] = {}
        for unit in work:
            self.left[unit[0].doc_id] = self.left.get(unit[0].doc_id, 0) + 1
        self.total = sum(len(u) for u in work)
        self.sentences = self.chars = self.docs = 0
        if progress:
            progress("extract", 0, self.total, docs=(0, len(self.left)), chars=0)

    def done(self, i: int) -> None:
        unit = self.work[i]
        self.sentences += len(unit)
        self.chars += sum(len(s.text) for s in unit)
        self.left[unit[0].doc_id] -= 1
        if not self.left[unit[0].doc_id]:
            self.docs += 1
        if self.progress:
            self.progress("extract", self.sentences, self.total, docs=(self.docs, len(self.left)), chars=self.chars)


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
