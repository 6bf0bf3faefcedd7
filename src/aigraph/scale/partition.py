"""The graph as partitioned N-Quads: files a SPARQL store bulk-loads in parallel, one named graph per file."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import DefaultGraph, Quad, RdfFormat

from aigraph.graph.store import write_rdf

PARTS = "nquads"
"""The folder of the graph folder that holds the parts."""


def part_of(q: Quad, parts: int) -> int:
    """The part a quad goes to: a document's whole named graph stays in one part; the default graph is
    spread by subject. Stable across runs and machines (a hash of the IRI, not Python's hash())."""
    key = str(q.subject) if isinstance(q.graph_name, DefaultGraph) else str(q.graph_name)
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big") % parts


def write_parts(quads: Iterable[Quad], folder: Path, parts: int) -> list[Path]:
    """Write `parts` files part-00000.nq ... (each sorted; empty parts written too, so that the set of
    files depends only on `parts`) and return their paths."""
    buckets: list[list[Quad]] = [[] for _ in range(parts)]
    for q in quads:
        buckets[part_of(q, parts)].append(q)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, bucket in enumerate(buckets):
        path = folder / f"part-{i:05d}.nq"
        bucket.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
        write_rdf(bucket, path, RdfFormat.N_QUADS)
        paths.append(path)
    return paths
