"""The on-disk graph store (pyoxigraph, RocksDB) and the files exported beside it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, Store, parse, serialize

from .atomic import atomic_write, replace_dir
from .errors import StoreError
from .prefixes import ontology_path, prefixes

STORE_DIR = "store"
ENV_VAR = "AIGRAPH_GRAPH"
ONTOLOGY_IRI = "https://aigraph.dev/ontology"


def graph_dir(option: str | os.PathLike | None) -> Path:
    """Where the graph lives: the --graph option, else $AIGRAPH_GRAPH, else ./exports."""
    return Path(option or os.environ.get(ENV_VAR) or "exports")


def open_store(directory: str | os.PathLike, write: bool = False) -> Store:
    """Open the store under a graph folder; errors say what to do about them."""
    path = Path(directory) / STORE_DIR
    if not path.is_dir() or not any(path.iterdir()):
        raise StoreError(f"No graph store in {Path(directory)}/: run `aigraph build` first (or pass --graph DIR).")
    try:
        return Store(str(path)) if write else Store.read_only(str(path))
    except OSError as exc:
        msg = str(exc)
        if "lock" in msg.lower() or "Resource temporarily unavailable" in msg:
            raise StoreError(f"The graph store {path} is locked by another aigraph process; wait for it to finish.") from exc
        raise StoreError(f"Cannot open the graph store {path}: {msg.splitlines()[0] if msg else exc}") from exc


def ontology_quads() -> list[Quad]:
    """The ontology's own triples, in their named graph."""
    from pyoxigraph import NamedNode

    data = ontology_path().read_bytes()
    g = NamedNode(ONTOLOGY_IRI)
    return [Quad(t.subject, t.predicate, t.object, g) for t in parse(data, format=RdfFormat.TURTLE)]


def write_store(quads: Sequence[Quad], directory: Path) -> None:
    """Build a fresh store beside the old one and swap it in only when it is complete."""
    directory.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".store.", dir=directory))
    try:
        store = Store(str(tmp))
        store.bulk_extend(list(quads) + ontology_quads())
        store.flush()
        store.optimize()
        del store
        replace_dir(tmp, directory / STORE_DIR)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_rdf(items: Iterable, path: Path, fmt: RdfFormat) -> None:
    """Serialize triples or quads, in the order given, atomically."""
    with atomic_write(path, "wb") as fh:
        serialize(items, fh, format=fmt, prefixes=prefixes() if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else None)
