"""Files a build leaves in the graph folder: the store, Turtle, N-Quads and the HTML view."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import RdfFormat

from .graph import triples_of
from .store import open_store, write_rdf, write_store

TURTLE = "aigraph.ttl"
NQUADS = "aigraph.nq"
HTML = "aigraph.html"


def write_exports(state, out: Path) -> None:
    """Write the store first, then each export file, every one atomically."""
    from .views import graph_data, write_html

    out.mkdir(parents=True, exist_ok=True)
    write_store(state.quads, out)
    write_rdf(triples_of(state.quads), out / TURTLE, RdfFormat.TURTLE)
    write_rdf(list(state.quads), out / NQUADS, RdfFormat.N_QUADS)
    store = open_store(out)
    nodes, edges = graph_data(store)
    write_html(nodes, edges, out / HTML, title="aigraph: the AI industry graph")
