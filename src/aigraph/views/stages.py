"""Post-build stages: what a build leaves for people, all read from one NetworkX graph built once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Store

from aigraph.atomic import atomic_write
from aigraph.views.funding import FUNDING_HTML, FUNDING_SVG
from aigraph.views.metrics import ANALYSIS_JSON, ENTITIES_CSV, TRENDS_CSV, Measures, measure, write_analysis
from aigraph.views.pictures import GRAPH_SVG, TOP_SVG, write_pictures

GRAPHML = "aigraph.graphml"
HTML = "aigraph.html"
ALIAS_SEPARATOR = "|"
"""Joins list attributes in one GraphML cell (as in the CSV tables)."""


@dataclass(frozen=True)
class ViewInput:
    """What each stage reads."""

    graph: object
    """The MultiDiGraph of `netgraph.to_networkx(store, evidence=True)`."""
    measures: Measures
    """Its metrics, communities and report, computed once."""
    out: Path
    """The folder written into."""
    store: Store | None = None
    """The store the graph was read from (for what the NetworkX graph does not hold: funding rounds)."""
    plans: dict = field(default_factory=dict)
    """Overview layouts made for this graph, shared by the page and the picture (overview.plan_of)."""


def write_graphml(g, path: Path) -> None:
    """The entity graph as GraphML (networkx): list attributes joined, since GraphML holds scalars
    only; the evidence sentences stay out (they are in the RDF exports)."""
    import networkx as nx

    h = nx.MultiDiGraph()
    for n, data in g.nodes(data=True):
        h.add_node(n, **{k: ALIAS_SEPARATOR.join(sorted(map(str, v))) if isinstance(v, (list, tuple, set)) else v
                         for k, v in data.items()})
    for s, o, k, data in g.edges(keys=True, data=True):
        h.add_edge(s, o, key=k, **{a: v for a, v in data.items() if a != "evidence"})
    with atomic_write(path, "wb") as fh:
        nx.write_graphml(h, fh, encoding="utf-8", prettyprint=True)


def _graphml(v: ViewInput) -> None:
    write_graphml(v.graph, v.out / GRAPHML)


def _analysis(v: ViewInput) -> None:
    write_analysis(v.graph, v.measures, v.out)


def _pictures(v: ViewInput) -> None:
    write_pictures(v.graph, v.measures.metrics, v.out, v.plans)


def _html(v: ViewInput) -> None:
    from aigraph.views.html import WHOLE_TITLE, write_view

    write_view(v.graph, v.out / HTML, WHOLE_TITLE, v.measures.metrics, plans=v.plans)


def _funding(v: ViewInput) -> None:
    from aigraph.views.funding import write_funding
    from aigraph.views.funding_data import read_rounds

    write_funding(read_rounds(v.store) if v.store is not None else [], v.out)


STAGES: tuple[tuple[str, Callable[[ViewInput], None]], ...] = (
    ("graphml", _graphml),
    ("html", _html),
    ("analysis", _analysis),
    ("pictures", _pictures),
    ("funding", _funding),
)
"""Named post-build stages, in order."""
FILES: tuple[str, ...] = (GRAPHML, HTML, ANALYSIS_JSON, ENTITIES_CSV, TRENDS_CSV, GRAPH_SVG, TOP_SVG, FUNDING_SVG,
                          FUNDING_HTML)
"""The files the stages write."""


def run(store: Store, out: Path, top: int = 10) -> None:
    """Every post-build stage over the graph in `store`, writing into `out`."""
    from aigraph.views.netgraph import to_networkx

    g = to_networkx(store, evidence=True)
    v = ViewInput(g, measure(g, top=top), Path(out), store)
    for _, stage in STAGES:
        stage(v)


def measure_into(g, out: Path, top: int = 10, progress=None) -> tuple[Measures, list[Path]]:
    """Measure a graph from `netgraph.to_networkx` and write the analysis files and the pictures into
    `out` (what `aigraph analyse` writes): (measures, files). `progress(stage, done, total)` as in
    `metrics.measure`."""
    result = measure(g, top=top, progress=progress)
    return result, write_analysis(g, result, out) + write_pictures(g, result.metrics, out)
