"""Interactive HTML views of the graph: pyvis node and edge data in a self-contained, offline page."""

from __future__ import annotations

import json
import re
from collections import deque
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pyoxigraph import Store

from aigraph.atomic import atomic_write

TYPE_STYLE: dict[str, tuple[str, str, str]] = {
    "Company": ("#4e79a7", "dot", "●"),
    "Investor": ("#f28e2b", "diamond", "◆"),
    "Model": ("#e15759", "triangle", "▲"),
    "Chip": ("#76b7b2", "square", "■"),
    "Product": ("#59a14f", "star", "★"),
    "Person": ("#edc948", "triangleDown", "▼"),
    "Trend": ("#b07aa1", "hexagon", "⬢"),
}
"""Colour, vis-network shape and legend glyph of each entity type."""
OTHER_STYLE = ("#9c9c9c", "dot", "●")
MAX_NODES = 5000
"""Larger graphs are shown as their most central entities (by PageRank), so the page stays fast."""
WHOLE_TITLE = "aigraph: the AI industry graph"
EVIDENCE_SHOWN = 3
"""Evidence sentences in an edge's tooltip."""
SENTENCE_CHARS = 220


def around(g, iri: str, depth: int = 1) -> set[str]:
    """Nodes within `depth` hops of `iri`, whatever the direction of the facts."""
    keep = {iri}
    frontier = deque([(iri, 0)])
    while frontier:
        node, d = frontier.popleft()
        if d == depth:
            continue
        for nxt in sorted(set(g.successors(node)) | set(g.predecessors(node))):
            if nxt not in keep:
                keep.add(nxt)
                frontier.append((nxt, d + 1))
    return keep


def view_data(g, metrics: dict | None = None, max_nodes: int = MAX_NODES) -> dict:
    """What the page draws: pyvis node and edge records with positions, sizes by PageRank, colours and
    shapes by type, tooltips (aliases, documents, evidence sentences), the legend and the search index.
    Graphs over `max_nodes` keep their most central entities."""
    from pyvis.edge import Edge
    from pyvis.node import Node

    from aigraph.views.layout import layout
    from aigraph.views.metrics import node_metrics

    metrics = metrics if metrics is not None else node_metrics(g, betweenness=False)
    names = {iri: d.get("label", iri) for iri, d in g.nodes(data=True)}
    rank = sorted(g.nodes, key=lambda i: (-metrics[i].pagerank, names[i].casefold(), i))
    shown = set(rank[:max_nodes])
    total_nodes, total_edges = g.number_of_nodes(), g.number_of_edges()
    if len(shown) < total_nodes:
        g = g.subgraph(shown)
    kind = {iri: g.nodes[iri].get("type", "Entity") for iri in g}
    pos = layout(list(g.nodes), [(s, o) for s, o in g.edges()],
                 order=lambda i: (list(TYPE_STYLE).index(kind[i]) if kind[i] in TYPE_STYLE else 99,
                                  names[i].casefold(), i))
    nodes = []
    for iri in sorted(g.nodes):
        d, m = g.nodes[iri], metrics[iri]
        color, shape, _ = TYPE_STYLE.get(kind[iri], OTHER_STYLE)
        x, y = pos[iri]
        nodes.append(Node(iri, shape, label=d.get("label", iri), color=color, group=kind[iri], x=x, y=y,
                          value=round(m.pagerank ** 0.5, 6), title=_node_tip(d, kind[iri], m)).options)
    edges = []
    for i, (s, o, d) in enumerate(sorted(g.edges(data=True), key=lambda e: (e[0], e[2]["predicate"], e[1]))):
        edges.append(Edge(s, o, directed=True, id=f"e{i}", label=d["predicate"],
                          title=_edge_tip(names[s], names[o], d)).options)
    types = sorted(set(kind.values()), key=lambda t: (list(TYPE_STYLE).index(t) if t in TYPE_STYLE else 99, t))
    count = f"{len(nodes):,} entities, {len(edges):,} facts"
    if len(nodes) < total_nodes:
        count += f" (the {len(nodes):,} most central of {total_nodes:,} entities, {total_edges:,} facts)"
    big = len(nodes) > 1000
    return {
        "nodes": nodes, "edges": edges, "count": count,
        "focus": sorted(i for i in g if g.degree(i) > 0),
        "names": [[i, names[i], list(g.nodes[i].get("aliases", ()))] for i in rank if i in g],
        "types": [{"type": t, "color": TYPE_STYLE.get(t, OTHER_STYLE)[0], "glyph": TYPE_STYLE.get(t, OTHER_STYLE)[2],
                   "count": sum(1 for k in kind.values() if k == t)} for t in types],
        "options": _options(big),
    }


def _node_tip(d: dict, kind: str, m) -> str:
    lines = [f"{d.get('label')} ({kind})"]
    if d.get("aliases"):
        lines.append("aliases: " + ", ".join(d["aliases"]))
    lines.append(f"{m.degree} fact{'s' if m.degree != 1 else ''} · PageRank {m.pagerank:.4f} · community {m.community}")
    docs = d.get("documents") or []
    if docs:
        lines.append(f"mentioned in {len(docs)} document{'s' if len(docs) != 1 else ''}: " + ", ".join(docs[:5])
                     + (" …" if len(docs) > 5 else ""))
    return "\n".join(lines)


def _edge_tip(source: str, target: str, d: dict) -> str:
    support = d.get("support") or 1
    lines = [f"{source} —{d['predicate']}→ {target}",
             f"confidence {d.get('confidence', 1.0):.2f} · {support} sentence{'s' if support != 1 else ''}"]
    for doc, idx, text in (d.get("evidence") or [])[:EVIDENCE_SHOWN]:
        text = text if len(text) <= SENTENCE_CHARS else text[: SENTENCE_CHARS - 1] + "…"
        lines.append(f"“{text}” ({doc}, sentence {idx})")
    return "\n".join(lines)


def _options(big: bool) -> dict:
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        # on a big overview the hubs grow (and keep readable labels) while the rest stay dots until zoomed
        "nodes": {"borderWidth": 1, "font": {"size": 14, "face": "system-ui, sans-serif"},
                  "scaling": {"min": 10, "max": 160, "label": {"enabled": True, "min": 14, "max": 160,
                                                               "drawThreshold": 8, "maxVisible": 28}}
                  if big else {"min": 8, "max": 34, "label": {"enabled": True, "min": 13, "max": 26, "drawThreshold": 6}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False, "width": 1,
                  "color": {"color": "#a0a0a0", "highlight": "#333333", "hover": "#555555"},
                  "font": {"size": 10, "color": "#555555", "strokeWidth": 3}},
        "interaction": {"hover": not big, "tooltipDelay": 150, "hideEdgesOnDrag": big, "multiselect": True},
    }


def _json_for_script(data) -> str:
    """JSON safe inside a <script> element: no '<' can close it, no '&' can start an entity."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_page(data: dict, title: str) -> str:
    """A complete page: vis-network from the pyvis package inlined, our script and styles, the data as
    JSON; nothing is fetched from anywhere."""
    import html

    lib = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2")
    own = resources.files("aigraph.views").joinpath("templates")
    parts = {
        "TITLE": html.escape(title),
        "VIS_CSS": lib.joinpath("vis-network.css").read_text("utf-8"),
        "VIS_JS": lib.joinpath("vis-network.min.js").read_text("utf-8"),
        "CSS": own.joinpath("view.css").read_text("utf-8"),
        "JS": own.joinpath("view.js").read_text("utf-8"),
        "DATA": _json_for_script(data),
    }
    # one pass, so that nothing inserted is scanned for markers again
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], own.joinpath("view.html").read_text("utf-8"))


@dataclass(frozen=True)
class Scope:
    """What one `aigraph html` page shows."""

    graph: object
    """The part of the `netgraph.to_networkx` graph to draw (with evidence)."""
    metrics: dict
    """Every entity's metrics in the whole graph (sizes and community ids stay those of the whole)."""
    title: str
    """The page's title."""
    file_name: str
    """The default file name: aigraph.html, <name>.html or community-<N>.html."""


def scope(store: Store, name: str | None = None, community: int | None = None, depth: int = 1,
          window=None) -> Scope:
    """The whole graph, the entities within `depth` hops of the entity `name` (any alias), or community
    `community` (ids as `aigraph analyse` gives them); with a `window` (`query.timeline.Window`), only
    the facts stated (or happening) in it."""
    from aigraph.errors import AigraphError
    from aigraph.query.lookup import find_entity
    from aigraph.views.metrics import node_metrics
    from aigraph.views.netgraph import to_networkx

    if name and community is not None:
        raise AigraphError("Give a name or a community, not both.", "Give NAME or --community, not both.")
    entity = find_entity(store, name) if name else None  # a name not found fails before the graph is read
    g = to_networkx(store, evidence=True)
    if window:
        from aigraph.views.window import within

        g = within(store, g, window, frozenset([entity.iri] if entity else []))
    metrics = node_metrics(g, betweenness=False)
    if entity:
        return Scope(g.subgraph(around(g, entity.iri, depth)), metrics, f"aigraph: {entity.name}",
                     f"{safe_filename(entity.name)}.html")
    if community is not None:
        members = [iri for iri, m in metrics.items() if m.community == community]
        if not members:
            top = max((m.community for m in metrics.values()), default=-1)
            raise AigraphError(f"No community {community}: ids go from 0 to {top}.",
                              f"No community {community}: ids go from 0 to {top} (see `aigraph analyse`).")
        return Scope(g.subgraph(members), metrics, f"aigraph: community {community}", f"community-{community}.html")
    return Scope(g, metrics, WHOLE_TITLE, "aigraph.html")


def safe_filename(name: str) -> str:
    """A file name made from an entity's name: letters, digits, '-', '_' and '.' kept, the rest '_'."""
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("._") or "entity"


def write_view(g, path: str | Path, title: str = "aigraph", metrics: dict | None = None,
               max_nodes: int = MAX_NODES) -> dict:
    """Write the page for a graph from `netgraph.to_networkx` atomically; returns what it drew."""
    data = view_data(g, metrics, max_nodes)
    with atomic_write(path) as fh:
        fh.write(render_page(data, title))
    return data
