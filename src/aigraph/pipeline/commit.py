"""The one commit step of build, add and remove: check the shapes, then swap in cache, store and exports."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from aigraph.atomic import atomic_write, staged_dir
from aigraph.extraction.lexicon import default_lexicon
from aigraph.graph import cache, exports, nameindex
from aigraph.graph.index import INDEX, write_index
from aigraph.pipeline.stages import State
from aigraph.scale.partition import PARTS, write_parts
from aigraph.views import stages as view_stages

FILES: tuple[str, ...] = exports.FILES + view_stages.FILES
"""Every file a commit leaves in the graph folder beside the store and the cache, in writing order."""
STALE = "exports-stale.txt"
"""In a graph folder whose export files are older than its store (after `add` or `remove`): says so
and how to refresh them."""


def entries_of(state: State) -> list[cache.Entry]:
    """The cache entries of an extracted state: each document with its sentences' readings."""
    by_doc: dict[str, list] = {d.id: [] for d in state.documents}
    for r in state.readings:
        by_doc[r.sentence.doc_id].append(r)
    fp = cache.extractor_fingerprint()
    return [cache.Entry(d, tuple(by_doc[d.id]), fp) for d in state.documents]


def write_outputs(quads: Sequence, out: Path, parts: int = 0, checked: Callable | None = None) -> None:
    """The store and every export (exports.WRITERS), then the views read from one NetworkX graph
    (views.stages.STAGES), into `out`; `parts` > 0 adds the graph as that many N-Quads files.
    `checked(store)`, run once the store is written, may raise to stop before the other files."""
    outputs = exports.Outputs(out, quads)
    for name, write in exports.WRITERS:
        write(outputs)
        if name == "store" and checked is not None:
            checked(outputs.store)
    view_stages.run(outputs.store, out)
    if parts:
        write_parts(outputs.quads, out / PARTS, parts)


def publish(quads: Sequence, out: Path, parts: int = 0) -> None:
    """Write the store and every export into a staged copy of `out` that replaces it as a whole: a
    reader never sees a mix of old and new files (no cache, no check: for graphs made by hand)."""
    with staged_dir(out) as stage:
        write_outputs(quads, stage, parts)


def commit(out: Path, state: State, update: tuple[Sequence[cache.Entry], Sequence[str]] | None = None,
           check: bool = True, concurrent: bool = False, parts: int = 0) -> None:
    """Check the graph against the SHACL shapes (a violation raises validate.InvalidGraph and leaves
    `out` as it was), then write the document cache, the store and the exports into a staged copy of
    `out` that takes its place as one set. `update` (written entries, deleted keys) changes only those
    cache files; None writes the whole cache from `state`. With `concurrent` the check runs in another
    process while the files are written, and the copy is swapped in only once it has passed."""
    checking = checked = None
    if check and concurrent:
        from aigraph.graph.concurrent_check import Check

        checking = Check(state.quads)
    elif check:
        from aigraph.pipeline.delta import check_store

        def checked(store) -> None:  # part by part, over the staged store: memory follows the part
            check_store(store, state.quads)
    try:
        with staged_dir(out) as stage:
            entries = entries_of(state)
            if update is not None and cache.has_cache(stage):
                cache.update(stage, list(update[0]), list(update[1]))
                cache.write_settings(stage, state.threshold)
            else:
                cache.write_all(stage, entries, state.threshold)
            assert state.linked is not None
            write_index(stage / INDEX, entries, state.linked.evidence, state.threshold,
                        default_lexicon())
            write_outputs(state.quads, stage, parts, checked)
            (stage / STALE).unlink(missing_ok=True)
            if checking is not None:
                checking.result()  # a violation here discards the staged copy: nothing is written
    finally:
        if checking is not None:
            checking.close()


def write_exports(folder: Path) -> None:
    """Every export and view of the graph in the store of `folder` (the store itself unchanged), as a
    full build writes them from the same quads."""
    from pyoxigraph import NamedNode

    from aigraph.graph.store import ONTOLOGY_IRI, open_store

    store = open_store(folder)
    quads = [q for q in store if q.graph_name != NamedNode(ONTOLOGY_IRI)]
    del store
    outputs = exports.Outputs(folder, quads)
    for name, write in exports.WRITERS:
        if name != "store":
            write(outputs)
    view_stages.run(outputs.store, folder)
    (folder / STALE).unlink(missing_ok=True)


def mark_stale(folder: Path) -> None:
    """Note in `folder` that its export files are older than its store."""
    with atomic_write(folder / STALE) as fh:
        stale = [f for f in FILES if f != nameindex.NAMES]  # the name index is kept current by updates
        fh.write("The export files here (" + ", ".join(stale) + ") are older than the store: documents were "
                 "added or removed since they were written. `aigraph export` (Graph.export()) writes them again.\n")


def export(out: Path) -> None:
    """Rewrite the export files of the graph folder `out` from its store, in a staged copy swapped in whole."""
    with staged_dir(out, fresh=()) as stage:
        write_exports(stage)
