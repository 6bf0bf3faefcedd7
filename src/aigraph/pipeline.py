"""The build pipeline: a plain ordered list of named stages, each a function from State to State."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .model import Analysis, Document, Linked, Sentence

Progress = Callable[..., None]
"""progress(stage, done, total, **info): called as work advances. The extract stage also passes
docs=(documents done, documents) and chars=(characters done)."""


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
    warnings: tuple[str, ...] = ()
    """Files read with a problem worth knowing (bytes that did not decode), each with the reason."""
    jobs: int = 1
    """Processes that extract in parallel."""
    strict: bool = False
    """Make any skipped file an error."""
    extractor: Callable | None = field(default=None, compare=False)
    """Builds the spaCy pipeline (default: extract.build_nlp)."""
    engine: str = "local"
    """Where extraction runs: `local` (processes on this machine) or `dask` (a Dask cluster)."""
    scheduler: str | None = None
    """The Dask scheduler's address (None: a local cluster of `jobs` workers)."""


def ingest(state: State) -> State:
    """Read and decode every source file; unreadable files are recorded and skipped."""
    from .errors import InputError
    from .ingest import read_document

    docs, skipped, warnings = [], list(state.skipped), list(state.warnings)
    seen: dict[str, str] = {}
    for i, path in enumerate(state.sources, 1):
        try:
            doc = read_document(path)
        except InputError as exc:
            if state.strict:
                raise
            skipped.append(str(exc))
        else:
            # a document is its content (its graph is named by the hash): a copy adds nothing
            if doc.sha256 in seen:
                skipped.append(f"{path}: same content as {seen[doc.sha256]}")
            else:
                seen[doc.sha256] = doc.id
                docs.append(doc)
                if doc.replacements:
                    warnings.append(f"{path}: {doc.replacements} undecodable byte sequence(s) read as U+FFFD "
                                    f"({doc.encoding})")
        _tick(state, "ingest", i, len(state.sources))
    ids = [d.id for d in docs]
    if len(set(ids)) != len(ids):
        from .errors import InputError

        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise InputError(f"{dup[0]}: two source files have this name; document ids must be unique")
    return replace(state, documents=tuple(docs), skipped=tuple(skipped), warnings=tuple(warnings))


def segment(state: State) -> State:
    """Split each document into clean sentences with source offsets."""
    from .ingest import segment as split

    sentences: list[Sentence] = []
    for i, doc in enumerate(state.documents, 1):
        sentences.extend(split(doc))
        _tick(state, "segment", i, len(state.documents))
    return replace(state, sentences=tuple(sentences))


def extract(state: State) -> State:
    """Run the spaCy pipeline over all sentences (in `jobs` processes); a document whose extraction
    fails is reported and left out whole (an error with `strict`)."""
    from .errors import InputError
    from .workers import extract_all

    outcome = extract_all(state.sentences, state.jobs, state.progress, state.extractor, state.engine, state.scheduler)
    if not outcome.failed:
        return replace(state, analyses=outcome.analyses)
    paths = {d.id: d.path for d in state.documents}
    reasons = tuple(f"{paths.get(doc_id, doc_id)}: extraction failed ({why})" for doc_id, why in outcome.failed)
    if state.strict:
        raise InputError(reasons[0])
    bad = {doc_id for doc_id, _ in outcome.failed}
    return replace(state, analyses=outcome.analyses, skipped=state.skipped + reasons,
                   documents=tuple(d for d in state.documents if d.id not in bad),
                   sentences=tuple(s for s in state.sentences if s.doc_id not in bad))


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


def run(sources: Sequence[Path], threshold: float = 0.5, progress: Progress | None = None, jobs: int = 1,
        strict: bool = False, extractor: Callable | None = None, engine: str = "local",
        scheduler: str | None = None) -> State:
    """Every stage in order."""
    state = State(tuple(sources), threshold=threshold, progress=progress, jobs=jobs, strict=strict,
                  extractor=extractor, engine=engine, scheduler=scheduler)
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
    warnings: tuple[str, ...] = ()
    """Files read with a problem worth knowing, each with the reason."""
    rejected: int = 0
    """Facts set aside because their entity types do not fit the relation."""


def build(sources: Sequence[Path], out: Path, threshold: float = 0.5, progress: Progress | None = None,
          validate: bool = True, jobs: int = 1, strict: bool = False, extractor: Callable | None = None,
          engine: str = "local", scheduler: str | None = None, parts: int = 0) -> BuildReport:
    """Run the pipeline, check the graph against the SHACL shapes (a violation fails the build and
    leaves `out` as it was, unless `validate` is False; with `jobs` > 1 the check runs in another
    process while the files are written into the staged copy), then write the document cache, the store
    and the exports into `out`, replacing them as one set (`out` is locked against other writers
    from start to end); `parts` > 0 also writes the graph as that many N-Quads files in `out/nquads/`."""
    from . import cache
    from .atomic import staged_dir, writer_lock
    from .exports import write_graph
    from .update import entries_of
    from .validate import check

    t0 = time.perf_counter()
    with writer_lock(out):
        state = run(sources, threshold, progress, jobs, strict, extractor, engine, scheduler)
        checking = None
        if validate and jobs > 1:
            from .concurrent_check import Check

            checking = Check(state.quads)  # validates while the files are written
        elif validate:
            check(state.quads)
        try:
            with staged_dir(out) as stage:
                cache.write_all(stage, entries_of(state), threshold)
                write_graph(state, stage, parts)
                if checking is not None:
                    checking.result()  # a violation here discards the staged copy: nothing is written
        finally:
            if checking is not None:
                checking.close()
    assert state.linked is not None
    facts = {(e.fact.subject, e.fact.predicate, e.fact.object) for e in state.linked.evidence}
    return BuildReport(len(state.documents), len(state.sentences), len(state.linked.entities), len(facts),
                       len(state.quads), round(time.perf_counter() - t0, 2), str(out), state.skipped,
                       state.warnings, len(state.linked.rejected))
