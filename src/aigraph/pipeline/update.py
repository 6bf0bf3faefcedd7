"""Incremental updates: add documents to a built graph or remove them; the others are not read again."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from aigraph.atomic import staged_dir, writer_locked
from aigraph.errors import AigraphError, InputError, StoreError
from aigraph.graph import cache
from aigraph.graph.index import INDEX, Index
from aigraph.graph.index import VERSION as INDEX_VERSION
from aigraph.graph.store import STORE_DIR, _missing
from aigraph.ingest.reader import Source, read_document, unique_ids
from aigraph.pipeline.commit import commit, entries_of
from aigraph.pipeline.stages import Progress, State
from aigraph.pipeline.stages import extract as extract_stage
from aigraph.pipeline.stages import graph as graph_stage
from aigraph.pipeline.stages import link as link_stage
from aigraph.pipeline.stages import segment as segment_stage


@dataclass(frozen=True)
class UpdateReport:
    """What `add` or `remove` changed."""

    added: tuple[str, ...] = ()
    """Documents read and added."""
    replaced: tuple[str, ...] = ()
    """Documents whose older version (same file name, other content) was replaced."""
    unchanged: tuple[str, ...] = ()
    """Files whose content was already in the graph."""
    removed: tuple[str, ...] = ()
    """Documents removed."""
    refreshed: tuple[str, ...] = ()
    """Cached documents read again because the extractor changed since they were read."""
    skipped: tuple[str, ...] = ()
    """Files that could not be read, each with the reason."""
    documents: int = 0
    """Documents in the graph afterwards."""
    entities: int = 0
    facts: int = 0
    seconds: float = 0.0
    out: str = ""
    exports_stale: bool = False
    """Whether the export files are older than the store (refresh them with `export`)."""

    @property
    def changed(self) -> bool:
        """Whether the graph was rewritten."""
        return bool(self.added or self.replaced or self.removed or self.refreshed)


def assemble(entries: Sequence[cache.Entry], threshold: float, progress: Progress | None = None) -> State:
    """Link and graph the documents of these entries: the same stages a full build runs after extraction."""
    entries = sorted(entries, key=lambda e: e.document.id)
    state = State((), documents=tuple(e.document for e in entries),
                  sentences=tuple(a.sentence for e in entries for a in e.readings),
                  readings=tuple(a for e in entries for a in e.readings), threshold=threshold, progress=progress)
    return graph_stage(link_stage(state))


def _extract(docs: Sequence, progress: Progress | None) -> list[cache.Entry]:
    if not docs:
        return []
    state = State((), documents=tuple(docs), progress=progress)
    return entries_of(extract_stage(segment_stage(state)))


def _load(out: Path) -> tuple[list[cache.Entry], float]:
    if not cache.has_cache(out):
        if (out / STORE_DIR).is_dir():
            raise StoreError(f"{out}/ has no document cache (built by an older aigraph): build it again.",
                             f"{out}/ has no document cache (built by an older aigraph): run `aigraph build` again.")
        # a mistyped --graph must not start a new graph beside the real one
        why, how = _missing(Path(out))
        raise StoreError(why.replace("build the graph first", "build one first (`build(files, out)`)"),
                         how.replace("run `aigraph build` first", f"run `aigraph build FILES --out {out}` first"))
    return cache.load(out), cache.threshold(out)


def _refresh(entries: list[cache.Entry], progress: Progress | None) -> tuple[list[cache.Entry], list[cache.Entry]]:
    """Entries read by the current extractor, and the stale ones read again from their cached text
    (a change in how files are decoded needs a full `aigraph build`, which reads the files)."""
    fp = cache.extractor_fingerprint()
    fresh = [e for e in entries if e.extractor == fp]
    again = _extract([e.document for e in entries if e.extractor != fp], progress)
    return fresh, again


@writer_locked
def add(paths: Sequence[Path], out: Path, progress: Progress | None = None, validate: bool = True,
        exports: bool = False) -> UpdateReport:
    """Read new documents into the graph in `out`. A file whose content is already there changes
    nothing; a file with the id of a document already there replaces that document. The store and
    the cache change by the documents' part only; the export files are refreshed when `exports`
    is True, else marked stale (see `export`)."""
    t0 = time.perf_counter()
    listed, threshold, fast = _catalogue(out)
    by_key = {key: doc_id for doc_id, key in listed}
    by_id = dict(listed)
    new, unchanged, replaced, skipped, seen = [], [], [], [], {}
    for source in unique_ids(paths):
        source = _known_id(source, by_id)
        try:
            doc = read_document(source)
        except InputError as exc:
            skipped.append(str(exc))
            continue
        if doc.sha256[:16] in by_key or doc.sha256 in seen:
            unchanged.append(doc.id)
            continue
        if doc.id in {d.id for d in new}:
            raise InputError(f"{doc.id}: two files given have this name; document ids must be unique")
        seen[doc.sha256] = doc.id
        if doc.id in by_id:
            replaced.append(doc.id)
        new.append(doc)
    report = UpdateReport(added=tuple(d.id for d in new if d.id not in replaced), replaced=tuple(replaced),
                          unchanged=tuple(unchanged), skipped=tuple(skipped), out=str(out))
    if not new:
        return replace(report, documents=len(listed), seconds=round(time.perf_counter() - t0, 2))
    added = _extract(new, progress)
    if fast:
        return _incremental(out, report, added, [(i, by_id[i]) for i in replaced], threshold, validate, exports, t0)
    entries = [e for e in _entries(out) if e.document.id not in set(replaced)]
    fresh, again = _refresh(entries, progress)
    state = assemble(fresh + again + added, threshold, progress)
    commit(out, state, (again + added, [by_id[i] for i in replaced]), validate)
    return _summary(replace(report, refreshed=tuple(e.document.id for e in again)), state, t0)


@writer_locked
def remove(names: Sequence[str], out: Path, progress: Progress | None = None, validate: bool = True,
           exports: bool = False) -> UpdateReport:
    """Take documents out of the graph in `out`, by id, file name or content hash (16 hex digits or a
    prefix of at least 6, `doc:` prefix allowed); their facts go, everyone else's stay."""
    t0 = time.perf_counter()
    listed, threshold, fast = _catalogue(out)
    if not listed:
        raise StoreError(f"No documents in {out}/: build the graph first.",
                         f"No documents in {out}/: run `aigraph build` first (or pass --graph DIR).")
    gone = sorted({find_document(listed, name) for name in names})
    report = UpdateReport(removed=tuple(sorted(doc_id for doc_id, _ in gone)), out=str(out))
    if fast:
        return _incremental(out, report, [], gone, threshold, validate, exports, t0)
    gone_keys = {key for _, key in gone}
    fresh, again = _refresh([e for e in _entries(out) if e.key not in gone_keys], progress)
    state = assemble(fresh + again, threshold, progress)
    commit(out, state, (again, sorted(gone_keys)), validate)
    return _summary(replace(report, refreshed=tuple(e.document.id for e in again)), state, t0)


def _catalogue(out: Path) -> tuple[list[tuple[str, str]], float, bool]:
    """(document id, cache key) of every document in the graph, its threshold, and whether the link
    index lets an update work document by document (there is one, of the current layout, and the
    extractor that read the cached documents is the current one; otherwise every document is linked
    again)."""
    if not cache.has_cache(out):
        _load(out)  # raises, saying why
    threshold, extractor = cache.threshold(out), cache.settings(out).get("extractor")
    index_file = out / INDEX
    if extractor == cache.extractor_fingerprint() and index_file.is_file():
        index = Index(index_file)
        try:
            if index.version() == INDEX_VERSION:
                return index.listed(), threshold, True
        finally:
            index.close(commit=False)
    return [(e.document.id, e.key) for e in _entries(out)], threshold, False


def _entries(out: Path) -> list[cache.Entry]:
    """The cached documents of the graph (those its link index lists, when it has one: a writer that
    died may have left entries of a change that never happened)."""
    if not (out / INDEX).is_file():
        return cache.load(out)
    index = Index(out / INDEX)
    try:
        keys = {key for _, key in index.listed()}
    finally:
        index.close(commit=False)
    return [e for e in cache.load(out) if e.key in keys]


def _incremental(out: Path, report: UpdateReport, added: list[cache.Entry], gone: list[tuple[str, str]], threshold: float,
                 validate: bool, exports: bool, t0: float) -> UpdateReport:
    """Change the store, the link index and the cache by the documents' part, in a staged copy of `out`
    swapped in as a whole (the cache folder moved in, not copied: its new entries are new files, and
    the entries of the documents gone are deleted once the swap is done); the export files are
    rewritten (`exports`) or marked stale."""
    written: list[Path] = []
    try:
        with staged_dir(out, moved=(cache.CACHE_DIR,)) as stage:
            documents, entities, facts = _change(out, stage, added, gone, threshold, validate, exports, written)
    except BaseException:
        for f in written:  # the entries of a change that did not happen
            (cache.folder(out) / f.name).unlink(missing_ok=True)
        raise
    for _, key in gone:
        (cache.folder(out) / f"{key}.json.gz").unlink(missing_ok=True)
    return replace(report, documents=documents, entities=entities, facts=facts,
                   seconds=round(time.perf_counter() - t0, 2), exports_stale=not exports)


def _change(out: Path, stage: Path, added: list[cache.Entry], gone: list[tuple[str, str]], threshold: float,
            validate: bool, exports: bool, written: list[Path]) -> tuple[int, int, int]:
    """The change in the staged folder: (documents, entities, facts) afterwards."""
    from pyoxigraph import Store

    from aigraph.graph import validate as shapes
    from aigraph.pipeline import delta
    from aigraph.pipeline.commit import mark_stale, write_exports

    live = Store.read_only(str(out / STORE_DIR))
    live.backup(str(stage / STORE_DIR))  # a checkpoint: hard links to the live store's files
    del live
    store = Store(str(stage / STORE_DIR))
    change = delta.work_out(stage, store, added, [doc_id for doc_id, _ in gone], threshold)
    for q in change.removed:
        store.remove(q)
    store.extend(change.inserted)
    if validate:
        shapes.check_part(*delta.context(store, change.inserted))
    store.flush()
    if not exports:
        _patch_names(stage, store, change)
    del store
    for e in added:
        written.append(cache.folder(stage) / f"{e.key}.json.gz")
    cache.update(stage, added, [])
    if exports:
        write_exports(stage)
    else:
        mark_stale(stage)
    return change.documents, change.entities, change.facts


def _patch_names(stage: Path, store, change) -> None:
    """Keep the index of folded names (names.tsv) current for the entities whose labels changed: lookups
    read it, stale or not."""
    from pyoxigraph import DefaultGraph

    from aigraph.graph import nameindex
    from aigraph.vocab import ENT, RDFS, SKOS

    labels = (RDFS.label, SKOS.altLabel)
    subjects = {q.subject for q in change.removed | change.inserted
                if q.predicate in labels and q.subject.value.startswith(ENT)}
    if not subjects:
        return
    quads = [q for s in subjects for p in labels for q in store.quads_for_pattern(s, p, None, DefaultGraph())]
    nameindex.patch(stage / nameindex.NAMES, {s.value for s in subjects}, quads, ENT)


def _known_id(source: Source, by_id: dict) -> Source:
    """A file given on its own takes the id of the document in the graph whose id its path ends with
    (`news/ai/x.md` is the document `ai/x.md` of a build of `news/`): it is a new version of it."""
    if source.root is not None or source.id in by_id:
        return source
    path = Path(os.path.abspath(source.path)).as_posix()
    known = [i for i in by_id if path.endswith("/" + i)]
    return Source(source.path, max(known, key=len), source.root) if known else source


def find_document(listed: Sequence[tuple[str, str]], name: str) -> tuple[str, str]:
    """The (id, key) of the document a name means: its id (the path in its source folder), a path
    ending with its id, its file name when only one document has it, or its hash."""
    want = name.strip()
    for prefix in ("https://aigraph.dev/doc/", "doc:"):
        if want.startswith(prefix):
            want = want[len(prefix):]
    hits = [d for d in listed if d[0] == want]
    if not hits:
        hits = [d for d in listed if want.endswith("/" + d[0])]
    if not hits:
        hits = [d for d in listed if Path(d[0]).name == Path(want).name]
    if not hits and len(want) >= 6 and all(c in "0123456789abcdef" for c in want.lower()):
        hits = [d for d in listed if d[1].startswith(want.lower()[:16])]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise AigraphError(f"{name!r} matches several documents: {', '.join(d[0] for d in hits)}; give more of the hash.")
    known = ", ".join(f"{i} ({k})" for i, k in listed[:10]) + (" ..." if len(listed) > 10 else "")
    raise AigraphError(f"No document {name!r} in the graph. Documents: {known}")


def _summary(report: UpdateReport, state: State, t0: float) -> UpdateReport:
    assert state.linked is not None
    facts = {(e.fact.subject, e.fact.predicate, e.fact.object) for e in state.linked.evidence}
    return replace(report, documents=len(state.documents), entities=len(state.linked.entities), facts=len(facts),
                   seconds=round(time.perf_counter() - t0, 2))
