"""The index of folded names beside the store: `key<TAB>IRI` lines sorted, so a variant spelling is found by
binary search in the file instead of a scan of every label."""

from __future__ import annotations

import mmap
from collections.abc import Iterable
from pathlib import Path

NAMES = "names.tsv"
"""The index file in a graph folder."""

_LABELS = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel"}


def lines(quads: Iterable, entity_ns: str) -> list[str]:
    """The index lines of every label and alias of the entities (IRIs under `entity_ns`), sorted."""
    from aigraph.folding import norm

    out: set[str] = set()
    for q in quads:
        if q.predicate.value in _LABELS and q.subject.value.startswith(entity_ns):
            key = norm(q.object.value)
            if key and "\t" not in key and "\n" not in key and "\r" not in key:
                out.add(f"{key}\t{q.subject.value}\n")
    return sorted(out)  # code point order is the byte order of UTF-8: what lookup bisects


def write(quads: Iterable, path: Path, entity_ns: str) -> None:
    """Write the index of `quads` to `path` atomically."""
    from aigraph.atomic import atomic_write

    with atomic_write(path, "wb") as fh:
        fh.write("".join(lines(quads, entity_ns)).encode("utf-8"))


def lookup(path: Path, key: str) -> list[str] | None:
    """IRIs of the entities with a name whose key is `key`, in order; None when there is no index."""
    try:
        f = open(path, "rb")  # noqa: SIM115 (closed below, after the map)
    except OSError:
        return None
    with f:
        if f.seek(0, 2) == 0:
            return []
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            k = key.encode("utf-8") + b"\t"
            lo, hi = 0, len(m)
            while lo < hi:  # lo and hi stay at line starts; lo ends at the first line >= k
                mid = (lo + hi) // 2
                start = max(lo, m.rfind(b"\n", lo, mid) + 1)
                end = m.find(b"\n", start)
                end = len(m) if end < 0 else end
                if m[start:end] < k:
                    lo = end + 1
                else:
                    hi = start
            out = []
            while lo < len(m):
                end = m.find(b"\n", lo)
                end = len(m) if end < 0 else end
                line = m[lo:end]
                if not line.startswith(k):
                    break
                out.append(line[len(k):].decode("utf-8"))
                lo = end + 1
            return out


def patch(path: Path, iris: set[str], quads: Iterable, entity_ns: str) -> None:
    """Rewrite the index at `path` with the lines of the entities `iris` replaced by those of `quads`
    (their label and alias quads as they are now): what an update changes, without the whole graph.
    No index, nothing to patch (lookups then scan the labels)."""
    from aigraph.atomic import atomic_write

    try:
        old = path.read_bytes().decode("utf-8").splitlines(keepends=True)
    except FileNotFoundError:
        return
    kept = {ln for ln in old if ln.rstrip("\n").split("\t", 1)[-1] not in iris}
    with atomic_write(path, "wb") as fh:
        fh.write("".join(sorted(kept | set(lines(quads, entity_ns)))).encode("utf-8"))
