"""Extraction over many documents, here or in worker processes, with the same output; failures set aside."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
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
    """Readings of the sentences of the documents that went through, in input order (those `keep`
    kept, when extract_all was given one)."""
    failed: tuple[tuple[str, str], ...] = ()
    """(document id, reason) for each document whose extraction raised."""
    sentences: int = 0
    """Sentences read, kept or not, in documents that went through or not."""


def units(sentences: Iterable[Sentence]) -> Iterator[list[Sentence]]:
    """Work units: runs of one document's sentences, each read as one spaCy Doc (nlp.CHUNK_CHARS),
    made as they are taken."""
    from aigraph.extraction.nlp import chunks

    return chunks(sentences)


def extract_all(sentences: Iterable[Sentence], jobs: int = 1, progress: Callable | None = None,
                factory: Callable | None = None, engine: str = "local", scheduler: str | None = None,
                keep: Callable[[Reading], bool] | None = None) -> Outcome:
    """Analyse all sentences with `jobs` processes (1: in this process), or as a Dask job (`engine`
    "dask": a local cluster of `jobs` workers, or the cluster behind `scheduler`). `factory` builds the
    spaCy pipeline (default extract.build_nlp). Same output in every case.

    `sentences` is a list, or sentences made as they are read with their `documents` beside them (as
    pipeline.stages.Segmented): a unit's sentences are made when it is read and let go when it has
    been read, and only the readings `keep` keeps are held (a long document has hundreds of thousands
    of sentences, most of which name nothing). progress("extract", characters, total, docs=(done,
    total), chars=sentence characters, sentences=sentences done) is called as units finish, in
    characters of the documents' text."""
    tracker = _Tracker(sentences, progress)
    collected = _Collected(keep)
    work = enumerate(units(sentences))
    if engine == "dask":
        from aigraph.scale.dask_engine import run_units

        made = list(work)
        for i, unit in made:
            tracker.started(i, unit)
        results: list = [None] * len(made)

        def done(i: int) -> None:
            collected.add(i, made[i][1], results[i])
            tracker.done(i)

        run_units([unit for _, unit in made], results, done, scheduler, jobs, factory)
    else:
        first = list(itertools.islice(work, 2))
        work = itertools.chain(first, work)
        if jobs <= 1 or len(first) <= 1:
            reader.init(factory)
            for i, unit in work:
                tracker.started(i, unit)
                collected.add(i, unit, reader.read(unit))
                tracker.done(i)
        else:
            _pool(work, jobs, factory, collected, tracker)
    tracker.finish()
    return collected.outcome()


IN_FLIGHT = 2
"""Units waiting for or in each worker process: enough to keep it busy; each holds its sentences."""


def _pool(work: Iterator[tuple[int, list[Sentence]]], jobs: int, factory: Callable | None,
          collected: _Collected, tracker: _Tracker) -> None:
    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    todo: dict[int, list[Sentence]] = {}  # units taken and not yet read
    pending: dict = {}

    def collect(futures) -> None:
        for fut in futures:
            i = pending[fut]
            collected.add(i, todo[i], fut.result())
            del pending[fut], todo[i]
            tracker.done(i)

    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=reader.init, initargs=(factory,)) as pool:
            for i, unit in work:
                tracker.started(i, unit)
                todo[i] = unit
                pending[pool.submit(reader.read, unit)] = i
                if len(pending) >= IN_FLIGHT * jobs:
                    collect(wait(pending, return_when=FIRST_COMPLETED)[0])
            while pending:
                collect(wait(pending, return_when=FIRST_COMPLETED)[0])
    except BrokenProcessPool:
        # a worker died (killed, out of memory): read what is left here, one unit at a time
        reader.init(factory)
        for i in sorted(todo):
            collected.add(i, todo[i], reader.read(todo[i]))
            tracker.done(i)
        for i, unit in work:
            tracker.started(i, unit)
            collected.add(i, unit, reader.read(unit))
            tracker.done(i)


class _Collected:
    """What the units gave, by unit: the readings kept, the errors."""

    def __init__(self, keep: Callable[[Reading], bool] | None) -> None:
        self.keep = keep
        self.kept: dict[int, list[Reading]] = {}
        self.errors: dict[int, tuple[str, str]] = {}
        self.count = 0

    def add(self, i: int, unit: list[Sentence], result: tuple[str, Found | str]) -> None:
        status, value = result
        self.count += len(unit)
        if status == "error":
            self.errors[i] = (unit[0].doc_id, value)
            return
        readings = (Reading(s, m, f) for s, (m, f) in zip(unit, value))
        self.kept[i] = [r for r in readings if self.keep is None or self.keep(r)]

    def outcome(self) -> Outcome:
        failed: dict[str, str] = {}
        for i in sorted(self.errors):
            failed.setdefault(*self.errors[i])
        readings = tuple(r for i in sorted(self.kept) for r in self.kept[i] if r.sentence.doc_id not in failed)
        return Outcome(readings, tuple(failed.items()), self.count)


class _Tracker:
    """Characters of the documents, sentences and whole documents done, for the progress bar."""

    def __init__(self, sentences: Iterable[Sentence], progress: Callable | None) -> None:
        self.progress = progress
        documents = getattr(sentences, "documents", None)
        if documents is not None:
            self.total, self.documents = sum(len(d.text) for d in documents), len(documents)
        elif progress and isinstance(sentences, Sequence):
            ends: dict[str, int] = {}
            for s in sentences:  # where each document's last sentence ends (an iterator is read once: not here)
                ends[s.doc_id] = max(ends.get(s.doc_id, 0), s.end)
            self.total, self.documents = sum(ends.values()), len(ends)
        else:
            self.total = self.documents = 0
        self.units: dict[int, tuple[str, int, int, int]] = {}  # unit -> document, span, sentences, chars
        self.left: dict[str, int] = {}
        self.last_end: dict[str, int] = {}
        self.open: str | None = None
        self.closed: set[str] = set()
        self.pos = self.sentences = self.chars = self.docs = 0
        self._report()

    def started(self, i: int, unit: list[Sentence]) -> None:
        doc = unit[0].doc_id
        if doc != self.open:
            self._close()
            self.open = doc
        self.units[i] = (doc, unit[-1].end - self.last_end.get(doc, 0), len(unit), sum(len(s.text) for s in unit))
        self.last_end[doc] = unit[-1].end
        self.left[doc] = self.left.get(doc, 0) + 1

    def done(self, i: int) -> None:
        doc, span, sentences, chars = self.units.pop(i)
        self.pos, self.sentences, self.chars = self.pos + span, self.sentences + sentences, self.chars + chars
        self.left[doc] -= 1
        if not self.left[doc] and doc in self.closed:
            self.docs += 1
        self._report()

    def _close(self) -> None:
        if self.open is not None:
            self.closed.add(self.open)
            if not self.left[self.open]:
                self.docs += 1

    def finish(self) -> None:
        self._close()
        self.pos, self.docs = self.total, self.documents
        if self.total:  # with nothing to read, the first report was the last
            self._report(final=True)

    def _report(self, final: bool = False) -> None:
        # below the total until finish(): a bar drawn at 100% is a finished stage
        if self.progress:
            self.progress("extract", self.total if final or not self.total else min(self.pos, self.total - 1),
                          self.total, docs=(self.docs, self.documents), chars=self.chars, sentences=self.sentences)


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
