"""Files a build leaves in the graph folder: the store, Turtle, N-Quads and the HTML view."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import RdfFormat

from .atomic import staged_dir
from .graph import triples_of
from .store import open_store, write_rdf, write_store

TURTLE = "aigraph.ttl"
NQUADS = "aigraph.nq"
HTML = "aigraph.html"
PARTS = "nquads"


def write_exports(state, out: Path, parts: int = 0) -> None:
    """Write the store and every export file into a staged folder that replaces `out` as a whole;
    `parts` > 0 adds the graph as that many N-Quads files (nquads/part-NNNNN.nq) for bulk loaders."""
    with staged_dir(out) as stage:
        _write_all(state, stage)
        if parts:
            from .partition import write_parts

            write_parts(state.quads, stage / PARTS, parts)


def _write_all(state, out: Path) -> None:
    from .views import graph_data, write_html

    write_store(state.quads, out)
    write_rdf(triples_of(state.quads), out / TURTLE, RdfFormat.TURTLE)
    write_rdf(list(state.quads), out / NQUADS, RdfFormat.N_QUADS)
    store = open_store(out)
    nodes, edges = graph_data(store)
    write_html(nodes, edges, out / HTML, title="aigraph: the AI industry graph")
