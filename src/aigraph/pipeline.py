"""The build pipeline: a plain ordered list of named stages, each a function from State to State."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .model import Analysis, Document, Linked, Sentence

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): called as work advances."""


@dataclass(frozen=True)
class State:
    """What the build knows after each stage."""

    sources: tuple[Path, ...]
    """Files to read."""
    documents: tuple[Document, ...] = ()
    """Decoded documents."""
    sentences: tuple[Sentence, ...] = ()
    """Clean sentences of all documents, in order."""
    analyses: tuple[Analysis, ...] = ()
    """Entities and facts of each sentence."""
    linked: Linked | None = None
    """Canonical entities and the facts kept."""
    quads: tuple = ()
    """The RDF quads of the graph."""
    skipped: tuple[str, ...] = ()
    """Files that could not be read, each with the reason."""
    threshold: float = 0.5
    """Facts below this confidence are left out of the graph."""
    progress: Progress | None = field(default=None, compare=False)
    """Where progress is reported."""


def ingest(state: State) -> State:
    """Read and decode every source file; unreadable files are recorded and skipped."""
    from .errors import InputError
    from .ingest import read_document

    docs, skipped = [], list(state.skipped)
    seen: dict[str, str] = {}
    for i, path in enumerate(state.sources, 1):
        try:
            doc = read_document(path)
        except InputError as exc:
            skipped.append(str(exc))
        else:
            # a document is its content (its graph is named by the hash): a copy adds nothing
            if doc.sha256 in seen:
                skipped.append(f"{path}: same content as {seen[doc.sha256]}")
            else:
                seen[doc.sha256] = doc.id
                docs.append(doc)
        _tick(state, "ingest", i, len(state.sources))
    ids = [d.id for d in docs]
    if len(set(ids)) != len(ids):
        from .errors import InputError

        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise InputError(f"{dup[0]}: two source files have this name; document ids must be unique")
    return replace(state, documents=tuple(docs), skipped=tuple(skipped))


def segment(state: State) -> State:
    """Split each document into clean sentences with source offsets."""
    from .ingest import segment as split

    sentences: list[Sentence] = []
    for i, doc in enumerate(state.documents, 1):
        sentences.extend(split(doc))
        _tick(state, "segment", i, len(state.documents))
    return replace(state, sentences=tuple(sentences))


def extract(state: State) -> State:
    """Run the spaCy pipeline over all sentences."""
    from .extract import analyse, build_nlp

    total, done = len(state.sentences), 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        _tick(state, "extract", done, total)

    return replace(state, analyses=tuple(analyse(build_nlp(), state.sentences, step)))


def link(state: State) -> State:
    """Merge mentions into canonical entities; keep facts above the threshold."""
    from .link import link as merge

    return replace(state, linked=merge(state.analyses, state.threshold))


def graph(state: State) -> State:
    """Turn documents and linked facts into quads."""
    from .graph import build_quads

    assert state.linked is not None
    return replace(state, quads=tuple(build_quads(state.documents, state.linked)))


STAGES: tuple[tuple[str, Callable[[State], State]], ...] = (
    ("ingest", ingest),
    ("segment", segment),
    ("extract", extract),
    ("link", link),
    ("graph", graph),
)


def _tick(state: State, stage: str, done: int, total: int) -> None:
    if state.progress:
        state.progress(stage, done, total)


def run(sources: Sequence[Path], threshold: float = 0.5, progress: Progress | None = None) -> State:
    """Every stage in order."""
    state = State(tuple(sources), threshold=threshold, progress=progress)
    for _, stage in STAGES:
        state = stage(state)
    return state


@dataclass(frozen=True)
class BuildReport:
    """What a build produced."""

    documents: int
    sentences: int
    entities: int
    facts: int
    quads: int
    seconds: float
    out: str
    skipped: tuple[str, ...]
    rejected: int = 0
    """Facts set aside because their entity types do not fit the relation."""


def build(sources: Sequence[Path], out: Path, threshold: float = 0.5, progress: Progress | None = None,
          validate: bool = True) -> BuildReport:
    """Run the pipeline, check the graph against the SHACL shapes (a violation fails the build and
    leaves `out` as it was, unless `validate` is False), then write the document cache, the store
    and the exports into `out`."""
    from . import cache
    from .exports import write_exports
    from .update import entries_of
    from .validate import check

    t0 = time.perf_counter()
    state = run(sources, threshold, progress)
    if validate:
        check(state.quads)
    cache.write_all(out, entries_of(state), threshold)
    write_exports(state, out)
    assert state.linked is not None
    facts = {(e.fact.subject, e.fact.predicate, e.fact.object) for e in state.linked.evidence}
    return BuildReport(len(state.documents), len(state.sentences), len(state.linked.entities), len(facts),
                       len(state.quads), round(time.perf_counter() - t0, 2), str(out), state.skipped,
                       len(state.linked.rejected))
