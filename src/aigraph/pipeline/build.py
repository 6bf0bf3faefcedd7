"""A whole build: every stage over the sources, then the commit step into the graph folder."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from aigraph.atomic import writer_lock
from aigraph.errors import StoreError
from aigraph.graph.store import is_graph_folder
from aigraph.pipeline.commit import FILES, commit
from aigraph.pipeline.stages import Progress, run


@dataclass(frozen=True)
class BuildReport:
    """What a build produced."""

    documents: int
    """Documents read."""
    sentences: int
    """Sentences extracted."""
    entities: int
    """Entities in the graph."""
    facts: int
    """Distinct facts in the graph."""
    quads: int
    """Quads written."""
    seconds: float
    """Wall time of the build."""
    out: str
    """The graph folder written."""
    skipped: tuple[str, ...]
    """Files left out, each with the reason."""
    warnings: tuple[str, ...] = ()
    """Files read with a problem worth knowing, each with the reason."""
    rejected: int = 0
    """Facts set aside because their entity types do not fit the relation."""


def out_folder(out: str | os.PathLike) -> Path:
    """The graph folder a build may write, or StoreError saying why not: an empty name, the root, a
    path through a file, a file, or a folder holding other things than a graph (a build replaces the
    folder as a whole: it must not take anyone's files with it)."""
    if not str(out).strip():
        raise StoreError("The graph folder's name is empty: name a folder for the graph (e.g. 'exports').",
                         "--out is empty: give a folder for the graph (e.g. --out exports).")
    path = Path(out)
    real = Path(os.path.realpath(path))
    if real.parent == real:
        raise StoreError(f"{path} cannot be a graph folder: name a folder inside it (e.g. {real / 'exports'}).")
    for above in (path, *path.parents):
        if above.exists() and not above.is_dir():
            what = "is a file" if above == path else f"is a file, so {path} cannot be a folder"
            raise StoreError(f"{above} {what}: name a folder for the graph.",
                             f"--out {path}: {above} {what}; give a folder for the graph.")
    if path.is_dir() and any(path.iterdir()) and not is_graph_folder(path) and not _only_exports(path):
        raise StoreError(f"{path}/ holds other files and no graph: a build replaces its folder as a whole, so "
                         "give a new or empty folder, or one `build` wrote.",
                         f"--out {path}/ holds other files and no graph: a build replaces its folder as a "
                         "whole, so give a new or empty folder (or one `aigraph build` wrote).")
    return path


def _only_exports(path: Path) -> bool:
    """Whether the folder holds nothing but files a build writes: the exports of a clone, checked in
    without their store, are a build's output too."""
    return all(p.name in FILES and p.is_file() for p in path.iterdir())


def build(sources: Sequence[Path], out: str | os.PathLike, threshold: float = 0.5, progress: Progress | None = None,
          validate: bool = True, jobs: int = 1, strict: bool = False, extractor: Callable | None = None,
          engine: str = "local", scheduler: str | None = None, parts: int = 0) -> BuildReport:
    """Run the pipeline over the source files, then commit: check the graph against the SHACL shapes
    (a violation fails the build and leaves `out` as it was, unless `validate` is False; with `jobs` > 1
    the check runs in another process while the files are written) and write the document cache, the
    store and the exports into `out` as one set. `out` is locked against other writers from start to
    end; `parts` > 0 also writes the graph as that many N-Quads files in `out/nquads/`."""
    t0 = time.perf_counter()
    out = out_folder(out)
    with writer_lock(out):
        state = run(sources, threshold, progress, jobs, strict, extractor, engine, scheduler)
        commit(Path(out), state, check=validate, concurrent=jobs > 1, parts=parts)
    assert state.linked is not None
    facts = {(e.fact.subject, e.fact.predicate, e.fact.object) for e in state.linked.evidence}
    return BuildReport(len(state.documents), state.sentence_count or len(state.sentences), len(state.linked.entities), len(facts),
                       len(state.quads), round(time.perf_counter() - t0, 2), str(out), state.skipped,
                       state.warnings, len(state.linked.rejected))
