"""The on-disk graph store (pyoxigraph, RocksDB) and the files exported beside it."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from pyoxigraph import Quad, QueryBoolean, QuerySolutions, RdfFormat, Store, Variable, parse, serialize

from aigraph.errors import StoreError
from aigraph.vocab import ontology_path, prefixes

STORE_DIR = "store"
BULK_BATCH = 50_000
"""Quads handed to the store's bulk loader at a time."""
ONTOLOGY_IRI = "https://aigraph.dev/ontology"


def open_store(directory: str | os.PathLike, write: bool = False) -> Store:
    """Open the store under a graph folder; errors say what to do about them.

    Readers open it read-only (several at once, no lock taken). RocksDB lets a read-only open succeed
    while another process writes, giving a snapshot that may be half-updated, so a reader refuses a
    store whose lock a writer holds."""
    folder = Path(directory)
    path = folder / STORE_DIR
    if not path.is_dir() or not any(path.iterdir()):
        raise StoreError(*_missing(folder))
    writer = lock_holder(path)
    if writer is not None and writer != os.getpid():
        raise StoreError(_locked(path, writer))
    try:
        return Store(str(path)) if write else Store.read_only(str(path))
    except (OSError, RuntimeError) as exc:  # pyoxigraph raises RuntimeError for RocksDB's Corruption
        msg = str(exc)
        if "lock" in msg.lower() or "Resource temporarily unavailable" in msg:
            raise StoreError(_locked(path, lock_holder(path))) from exc
        reason = msg.splitlines()[0] if msg else type(exc).__name__
        raise StoreError(f"{path}/ is not a readable graph store ({reason}): build the graph again to write it.",
                         f"{path}/ is not a readable graph store ({reason}): run `aigraph build` to write it "
                         "again.") from exc


def is_graph_folder(folder: str | os.PathLike) -> bool:
    """Whether `folder` holds a graph `aigraph build` wrote (a store, or the document cache)."""
    folder = Path(folder)
    return (folder / STORE_DIR / "CURRENT").is_file() or (folder / "cache" / "settings.json").is_file()


def _missing(folder: Path) -> tuple[str, str]:
    """Why there is no store under `folder`, and what to do (for the library, for the CLI)."""
    if not folder.exists():
        why = "the folder does not exist"
    elif not folder.is_dir():
        why = "it is a file, not a folder"
    elif (folder / "CURRENT").is_file() and (folder.parent / STORE_DIR).resolve() == folder.resolve():
        return (f"{folder}/ is the store itself: open the folder around it ({folder.parent}).",
                f"{folder}/ is the store itself: pass the folder around it (--graph {folder.parent}).")
    elif not any(folder.iterdir()):
        why = "the folder is empty"
    else:
        why = f"it has no {STORE_DIR}/ folder" if not (folder / STORE_DIR).is_dir() else f"its {STORE_DIR}/ is empty"
    return (f"No graph store in {folder}/ ({why}): build the graph first.",
            f"No graph store in {folder}/ ({why}): run `aigraph build` first (or pass --graph DIR).")


def _locked(path: Path, pid: int | None) -> str:
    who = f"another aigraph process (pid {pid})" if pid else "another aigraph process"
    return f"The graph store {path} is locked by {who} writing to it; wait for it to finish, then try again."


def lock_holder(store_path: Path) -> int | None:
    """The process holding RocksDB's write lock on the store, read from /proc/locks (Linux).

    Probing with fcntl would be wrong: closing any descriptor of the LOCK file drops every lock this
    process holds on it, including a writer's own."""
    try:
        st = (store_path / "LOCK").stat()
        table = Path("/proc/locks").read_text()
    except OSError:
        return None
    dev = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    for m in _LOCK_LINE.finditer(table):
        if m[2] == dev:
            return int(m[1])
    return None


_LOCK_LINE = re.compile(r"^\d+: (?!->)\S+\s+\S+\s+WRITE\s+(\d+)\s+([0-9a-f]+:[0-9a-f]+:\d+)\s", re.M)


def ontology_quads() -> list[Quad]:
    """The ontology's own triples, in their named graph."""
    from pyoxigraph import NamedNode

    data = ontology_path().read_bytes()
    g = NamedNode(ONTOLOGY_IRI)
    return [Quad(t.subject, t.predicate, t.object, g) for t in parse(data, format=RdfFormat.TURTLE)]


def write_store(quads: Sequence[Quad], directory: Path) -> None:
    """Build a fresh store beside the old one and swap it in only when it is complete."""
    import shutil  # the writers' imports stay out of the lookups' start-up
    import tempfile

    from aigraph.atomic import replace_dir

    directory.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".store.", dir=directory))
    try:
        store = Store(str(tmp))
        # in batches: the bulk loader holds what it is given in memory (a long document's graph is large)
        items = list(quads) + ontology_quads()
        for i in range(0, len(items), BULK_BATCH):
            store.bulk_extend(items[i:i + BULK_BATCH])
        del items
        store.flush()
        store.optimize()
        del store
        replace_dir(tmp, directory / STORE_DIR)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_rdf(items: Iterable, path: Path, fmt: RdfFormat) -> None:
    """Serialize triples or quads, in the order given, atomically."""
    from aigraph.atomic import atomic_write

    with atomic_write(path, "wb") as fh:
        serialize(items, fh, format=fmt, prefixes=prefixes() if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else None)


def run(store: Store, query: str, **bindings) -> QuerySolutions | QueryBoolean:
    """A SPARQL query with the project's prefixes; values are bound, never pasted into the text."""
    subs = {Variable(k): v for k, v in bindings.items()}
    return store.query(query, prefixes=prefixes(), substitutions=subs, use_default_graph_as_union=True)
