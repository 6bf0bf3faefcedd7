"""Extraction over many documents, here or in worker processes, with the same output; failures set aside."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from aigraph.model import Reading, Sentence
from aigraph.scale import reader
from aigraph.scale.reader import Found


@dataclass(frozen=True)
class Outcome:
    """The readings of every document that went through, and why the others did not."""

    readings: tuple[Reading, ...]
    """Readings of the sentences of the documents that went through, in input order."""
    failed: tuple[tuple[str, str], ...] = ()
    """(document id, reason) for each document whose extraction raised."""


def units(sentences: Sequence[Sentence]) -> list[list[Sentence]]:
    """Work units: runs of one document's sentences, each read as one spaCy Doc (nlp.CHUNK_CHARS)."""
    from aigraph.extraction.nlp import chunks

    return list(chunks(sentences))


def extract_all(sentences: Sequence[Sentence], jobs: int = 1, progress: Callable | None = None,
                factory: Callable | None = None, engine: str = "local", scheduler: str | None = None) -> Outcome:
    """Analyse all sentences with `jobs` processes (1: in this process), or as a Dask job (`engine`
    "dask": a local cluster of `jobs` workers, or the cluster behind `scheduler`). `factory` builds the
    spaCy pipeline (default extract.build_nlp). progress("extract", sentences done, total,
    docs=(done, total), chars=characters done) is called as units finish. Same output in every case."""
    work = units(sentences)
    tracker = _Tracker(work, progress)
    results: list[tuple[str, Found | str] | None] = [None] * len(work)
    if engine == "dask":
        from aigraph.scale.dask_engine import run_units

        run_units(work, results, tracker.done, scheduler, jobs, factory)
    elif jobs <= 1 or len(work) <= 1:
        reader.init(factory)
        for i, unit in enumerate(work):
            results[i] = reader.read(unit)
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
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=reader.init, initargs=(factory,)) as pool:
            pending = {pool.submit(reader.read, work[i]): i for i in order}
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in finished:
                    i = pending.pop(fut)
                    results[i] = fut.result()
                    tracker.done(i)
    except BrokenProcessPool:
        # a worker died (killed, out of memory): read what is left here, one unit at a time
        reader.init(factory)
        for i in order:
            if results[i] is None:
                results[i] = reader.read(work[i])
                tracker.done(i)


def _assemble(work: list[list[Sentence]], results: list) -> Outcome:
    failed: dict[str, str] = {}
    for unit, (status, value) in zip(work, results):
        if status == "error":
            failed.setdefault(unit[0].doc_id, value)
    out: list[Reading] = []
    for unit, (_, value) in zip(work, results):
        if unit[0].doc_id in failed:
            continue
        out.extend(Reading(s, m, f) for s, (m, f) in zip(unit, value))
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
