"""The build pipeline: a plain ordered list of named stages, each a function from State to State."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from aigraph.errors import InputError
from aigraph.graph import link as linking
from aigraph.graph import rdf
from aigraph.ingest import reader
from aigraph.ingest import segment as segmentation
from aigraph.model import Document, Linked, Reading, Sentence
from aigraph.scale import workers

Progress = Callable[..., None]
"""progress(stage, done, total, **info): called as work advances. The extract stage also passes
docs=(documents done, documents) and chars=(characters done)."""


@dataclass(frozen=True)
class State:
    """What the build knows after each stage."""

    sources: tuple[Path | reader.Source, ...]
    """Files to read (a path's document id is its file name; see reader.find_sources)."""
    documents: tuple[Document, ...] = ()
    """Decoded documents."""
    sentences: Iterable[Sentence] = ()
    """Clean sentences of all documents, in order: after segmentation, made as they are read
    (`Segmented`); after extraction, a tuple of those with a mention or a fact."""
    sentence_count: int = 0
    """How many sentences the documents have (all of them, whatever extraction found)."""
    readings: tuple[Reading, ...] = ()
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
    """Builds the spaCy pipeline (default: extraction.nlp.build_nlp)."""
    engine: str = "local"
    """Where extraction runs: `local` (processes on this machine) or `dask` (a Dask cluster)."""
    scheduler: str | None = None
    """The Dask scheduler's address (None: a local cluster of `jobs` workers)."""


def ingest(state: State) -> State:
    """Read and decode every source file; unreadable files are recorded and skipped."""
    docs, skipped, warnings = [], list(state.skipped), list(state.warnings)
    seen: dict[str, str] = {}
    sources = reader.unique_ids(state.sources)
    for i, source in enumerate(sources, 1):
        path = source.path
        try:
            doc = reader.read_document(source)
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
        _tick(state, "ingest", i, len(sources))
    return replace(state, documents=tuple(docs), skipped=tuple(skipped), warnings=tuple(warnings))


@dataclass(frozen=True)
class Segmented:
    """The documents' clean sentences, in order, made as they are read: one document's paragraph at a
    time, never all at once (a long document has hundreds of thousands of sentences, and extraction
    keeps only those that name something)."""

    documents: tuple[Document, ...]
    """The documents whose sentences these are."""

    def __iter__(self) -> Iterator[Sentence]:
        for doc in self.documents:
            yield from segmentation.sentences(doc)


def segment(state: State) -> State:
    """Split each document into clean sentences with source offsets (made as extraction reads them)."""
    return replace(state, sentences=Segmented(state.documents))


def extract(state: State) -> State:
    """Run the spaCy pipeline over all sentences (in `jobs` processes), keeping those with a mention or
    a fact; a document whose extraction fails is reported and left out whole (an error with `strict`)."""
    # a sentence without a mention says nothing to the graph: it is counted, not kept (a long document
    # has hundreds of thousands)
    outcome = workers.extract_all(state.sentences, state.jobs, state.progress, state.extractor, state.engine,
                                  state.scheduler, keep=lambda r: bool(r.mentions or r.facts))
    readings = outcome.readings
    state = replace(state, sentence_count=state.sentence_count or outcome.sentences, readings=readings,
                    sentences=tuple(r.sentence for r in readings))
    if not outcome.failed:
        return state
    paths = {d.id: d.path for d in state.documents}
    reasons = tuple(f"{paths.get(doc_id, doc_id)}: extraction failed ({why})" for doc_id, why in outcome.failed)
    if state.strict:
        raise InputError(reasons[0])
    bad = {doc_id for doc_id, _ in outcome.failed}
    return replace(state, skipped=state.skipped + reasons, documents=tuple(d for d in state.documents if d.id not in bad))


def link(state: State) -> State:
    """Merge mentions into canonical entities; keep facts above the threshold."""
    return replace(state, linked=linking.link(state.readings, state.threshold))


def graph(state: State) -> State:
    """Turn documents and linked facts into quads."""
    assert state.linked is not None
    return replace(state, quads=tuple(rdf.build_quads(state.documents, state.linked)))


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
