"""Interactive HTML views of the graph: pyvis networks in a self-contained, offline page."""

from __future__ import annotations

import html
import json
from collections import deque
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pyoxigraph import Store

from .atomic import atomic_write
from .model import PREDICATES
from .prefixes import AIG
from .query import EntityRef, run

TYPE_STYLE: dict[str, tuple[str, str]] = {
    "Company": ("#4e79a7", "dot"),
    "Investor": ("#f28e2b", "diamond"),
    "Model": ("#e15759", "triangle"),
    "Chip": ("#76b7b2", "square"),
    "Product": ("#59a14f", "star"),
    "Person": ("#edc948", "ellipse"),
    "Trend": ("#b07aa1", "hexagon"),
}


@dataclass(frozen=True)
class ViewNode:
    """A node to draw."""

    iri: str
    label: str
    type: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ViewEdge:
    """An edge to draw."""

    source: str
    target: str
    predicate: str
    confidence: float | None


_NODES = """
SELECT ?e ?label ?type (GROUP_CONCAT(DISTINCT ?alt; separator="\\u001f") AS ?alts) WHERE {
  ?e rdfs:label ?label ; a ?type .
  FILTER(STRSTARTS(STR(?e), STR(ent:)) && STRSTARTS(STR(?type), STR(aig:)) && ?type != aig:Entity)
  OPTIONAL { ?e skos:altLabel ?alt }
} GROUP BY ?e ?label ?type"""
_EDGES = """
SELECT ?s ?p ?o (MAX(?c) AS ?conf) WHERE {
  ?s ?p ?o . VALUES ?p { %s }
  OPTIONAL { ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; aig:confidence ?c }
} GROUP BY ?s ?p ?o""" % " ".join(f"aig:{p}" for p in PREDICATES)


def graph_data(store: Store) -> tuple[list[ViewNode], list[ViewEdge]]:
    """Every entity and every fact of the graph, sorted."""
    nodes = []
    for s in run(store, _NODES):
        alts = tuple(sorted(a for a in (s["alts"].value.split("\u001f") if s["alts"] else []) if a))
        nodes.append(ViewNode(s["e"].value, s["label"].value, s["type"].value[len(AIG):], alts))
    edges = [ViewEdge(s["s"].value, s["o"].value, s["p"].value[len(AIG):],
                      float(s["conf"].value) if s["conf"] is not None else None) for s in run(store, _EDGES)]
    nodes.sort(key=lambda n: n.iri)
    edges.sort(key=lambda e: (e.source, e.predicate, e.target))
    return nodes, edges


def neighbourhood(nodes: list[ViewNode], edges: list[ViewEdge], center: EntityRef,
                  depth: int = 1) -> tuple[list[ViewNode], list[ViewEdge]]:
    """The part of the graph within `depth` hops of `center`."""
    adj: dict[str, set[str]] = {}
    for e in edges:
        adj.setdefault(e.source, set()).add(e.target)
        adj.setdefault(e.target, set()).add(e.source)
    keep = {center.iri}
    frontier = deque([(center.iri, 0)])
    while frontier:
        iri, d = frontier.popleft()
        if d == depth:
            continue
        for nxt in sorted(adj.get(iri, ())):
            if nxt not in keep:
                keep.add(nxt)
                frontier.append((nxt, d + 1))
    return [n for n in nodes if n.iri in keep], [e for e in edges if e.source in keep and e.target in keep]


def to_pyvis(nodes: list[ViewNode], edges: list[ViewEdge]):
    """A pyvis Network with colours and shapes by type and relation names on the edges."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    degree: dict[str, int] = {}
    for e in edges:
        degree[e.source] = degree.get(e.source, 0) + 1
        degree[e.target] = degree.get(e.target, 0) + 1
    for n in nodes:
        color, shape = TYPE_STYLE.get(n.type, ("#999999", "dot"))
        tip = f"{n.label} ({n.type})" + (f"\naliases: {', '.join(n.aliases)}" if n.aliases else "")
        net.add_node(n.iri, label=n.label, title=tip, color=color, shape=shape, group=n.type,
                     size=10 + 3 * min(degree.get(n.iri, 0), 15))
    for e in edges:
        conf = f" ({e.confidence:.2f})" if e.confidence is not None else ""
        net.add_edge(e.source, e.target, label=e.predicate, title=f"{e.predicate}{conf}", arrows="to")
    net.set_options(json.dumps(_OPTIONS))
    return net


_OPTIONS = {
    "edges": {"font": {"size": 10, "align": "middle"}, "smooth": {"type": "continuous"},
              "color": {"inherit": False, "color": "#9a9a9a"}},
    "nodes": {"font": {"size": 14}},
    "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300, "fit": True},
                "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120}},
    "interaction": {"hover": True, "navigationButtons": False},
    "layout": {"randomSeed": 7},
}


def _json_for_script(data) -> str:
    """JSON safe inside a <script> element: no '<' can close it."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(nodes: list[ViewNode], edges: list[ViewEdge], title: str = "aigraph") -> str:
    """A complete page: vis-network inlined, the data as JSON, a legend; no network access needed."""
    net = to_pyvis(nodes, edges)
    lib = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2")
    js = lib.joinpath("vis-network.min.js").read_text("utf-8")
    css = lib.joinpath("vis-network.css").read_text("utf-8")
    legend = "".join(
        f'<span class="lg"><i style="background:{c}"></i>{t}</span>' for t, (c, _) in TYPE_STYLE.items()
    )
    return _PAGE.format(
        title=html.escape(title), css=css, js=js, legend=legend,
        nodes=_json_for_script(net.nodes), edges=_json_for_script(net.edges),
        options=_json_for_script(_OPTIONS), count=f"{len(nodes)} entities, {len(edges)} facts",
    )


def write_html(nodes: list[ViewNode], edges: list[ViewEdge], path: str | Path, title: str = "aigraph") -> None:
    """Write the page atomically."""
    with atomic_write(path) as fh:
        fh.write(render_html(nodes, edges, title))


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>{css}
html,body{{height:100%;margin:0;font-family:system-ui,sans-serif}}
#bar{{position:absolute;top:0;left:0;right:0;padding:6px 10px;background:#fafafa;border-bottom:1px solid #ddd;font-size:13px;z-index:2}}
#net{{position:absolute;top:36px;bottom:0;left:0;right:0}}
.lg{{margin-right:10px}} .lg i{{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}}
</style></head>
<body><div id="bar"><b>{title}</b> · {count} · {legend}</div><div id="net"></div>
<script>{js}</script>
<script>
var nodes = new vis.DataSet({nodes});
var edges = new vis.DataSet({edges});
var network = new vis.Network(document.getElementById("net"), {{nodes: nodes, edges: edges}}, {options});
network.once("stabilizationIterationsDone", function () {{ network.setOptions({{physics: false}}); document.body.dataset.ready = "1"; }});
</script></body></html>
"""
