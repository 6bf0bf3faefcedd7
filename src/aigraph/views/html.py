"""Interactive HTML views of the graph: node and edge data for vis-network in a self-contained, offline page."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import deque
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pyoxigraph import Store

from aigraph.atomic import atomic_write
from aigraph.views.style import FONT_STACK, OTHER_STYLE, TYPE_STYLE, type_order

__all__ = ["OTHER_STYLE", "TYPE_STYLE", "around", "render_page", "scope", "view_data", "write_view"]

MAX_NODES = 5000
"""Larger graphs are shown as their most central entities (by PageRank), so the page stays fast."""
WHOLE_TITLE = "aigraph: the AI industry graph"
EVIDENCE_SHOWN = 3
"""Evidence sentences in an edge's tooltip."""
SENTENCE_CHARS = 220
THRESHOLD = 10.0
"""Labels smaller than this on screen (px) are not drawn: the lesser ones appear as one zooms in."""
EDGE_FONT = 3.5
"""Fact labels' size: drawn only well zoomed in, where they have room."""


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


def view_data(g, metrics: dict | None = None, max_nodes: int = MAX_NODES, plans: dict | None = None) -> dict:
    """What the overview draws: the entities with facts (at most `max_nodes`, the most central), laid out
    in named community clusters with no shape or label overlapping, sized by PageRank, coloured and
    shaped by type, the labels of the most central shown at the fitted zoom and the others as one zooms
    in; tooltips with aliases, documents and evidence; every entity (drawn or not) in the search index.
    `plans`: layouts already made for this graph and metrics (see overview.plan_of)."""
    from aigraph.views.layout import LIFT
    from aigraph.views.metrics import node_metrics
    from aigraph.views.overview import HULL_MARGIN, plan_of

    metrics = metrics if metrics is not None else node_metrics(g, betweenness=False)
    names = {iri: d.get("label", iri) for iri, d in g.nodes(data=True)}
    rank = sorted(g.nodes, key=lambda i: (-metrics[i].pagerank, names[i].casefold(), i))
    linked = [i for i in rank if any(n != i for n in g.successors(i)) or any(n != i for n in g.predecessors(i))]
    drawn = linked[:max_nodes]
    sub = g.subgraph(drawn)
    kind = {iri: g.nodes[iri].get("type", "Entity") for iri in g}
    p = plan_of(g, metrics, drawn, plans)
    nodes = []
    for iri in sorted(drawn):
        color, shape, _ = TYPE_STYLE.get(kind[iri], OTHER_STYLE)
        x, y = p.pos[iri]
        it = p.items[iri]
        nodes.append({"id": iri, "label": names[iri], "shape": shape, "color": color, "group": kind[iri],
                      "x": x, "y": y, "size": round(p.radius[iri], 2), "font": {"size": round(p.font[iri], 2), "vadjust": round(-LIFT * p.font[iri], 2)},
                      "box": [round(it.half_width, 1), round(it.top, 1), round(it.bottom, 1)],
                      "title": _node_tip(g.nodes[iri], kind[iri], metrics[iri])})
    edges = _edges(sub, names)
    types = sorted(set(kind.values()), key=type_order)
    facts = sub.number_of_edges()
    count = f"{len(nodes):,} entities with {facts:,} facts"
    if len(drawn) < len(linked):
        count += f" (the {len(drawn):,} most central of {len(linked):,} linked entities, {g.number_of_edges():,} facts)"
    if len(linked) < len(rank):
        count += f"; {len(rank) - len(linked):,} without facts not drawn (search finds them)"
    shown = set(drawn)
    return {
        "nodes": nodes, "edges": edges, "count": count,
        "names": [[i, names[i], list(g.nodes[i].get("aliases", ())), kind[i], i in shown] for i in rank],
        "types": [{"type": t, "color": TYPE_STYLE.get(t, OTHER_STYLE)[0], "glyph": TYPE_STYLE.get(t, OTHER_STYLE)[2],
                   "count": sum(1 for i in drawn if kind[i] == t), "all": sum(1 for k in kind.values() if k == t)}
                  for t in types],
        "clusters": [{"title": c.title, "color": c.color, "ink": c.ink, "outline": c.outline, "at": c.title_at,
                      "members": list(c.members), "community": c.community} for c in p.clusters],
        "hull_margin": HULL_MARGIN,
        "extent": p.extent, "labelled": p.labelled,
        "top_font": round(min((p.font[i] for i in drawn[:p.labelled]), default=THRESHOLD), 2),
        "options": options(big=len(nodes) > 1000),
    }


def _edges(g, names: dict[str, str], tips: dict | None = None) -> list[dict]:
    out = []
    for i, (s, o, d) in enumerate(sorted(g.edges(data=True), key=lambda e: (e[0], e[2]["predicate"], e[1]))):
        tip = (tips or {}).get((s, d["predicate"], o)) or _edge_tip(names[s], names[o], d)
        out.append({"id": f"e{i}", "from": s, "to": o, "label": d["predicate"], "title": tip})
    return out


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
        lines.append(f"“{clip(text)}” ({doc}, sentence {idx})")
    return "\n".join(lines)


def clip(text: str, limit: int = SENTENCE_CHARS) -> str:
    """A sentence cut to `limit` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def options(big: bool = False, threshold: float = THRESHOLD) -> dict:
    """vis-network's options: positions given (no physics), sizes and label sizes per node, labels under
    `threshold` px on screen not drawn, none made bold on hover (a wider label could cover a neighbour)."""
    font = {"face": FONT_STACK, "color": "#1f1f1f", "strokeWidth": 3, "strokeColor": "#ffffff"}
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "nodes": {"borderWidth": 1, "labelHighlightBold": False, "font": font,
                  "scaling": {"label": {"enabled": False, "drawThreshold": threshold, "maxVisible": 30}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False, "width": 1,
                  "labelHighlightBold": False, "color": {"color": "#b4b4b4", "highlight": "#333333", "hover": "#555555"},
                  "font": {"size": EDGE_FONT, "face": FONT_STACK, "color": "#555555", "strokeWidth": 2},
                  "scaling": {"label": {"enabled": False, "drawThreshold": threshold, "maxVisible": 12}}},
        "interaction": {"hover": not big, "tooltipDelay": 150, "hideEdgesOnDrag": big, "multiselect": True},
    }


def _json_for_script(data) -> str:
    """JSON safe inside a <script> element: no '<' can close it, no '&' can start an entity."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def vis_network_files() -> Path:
    """The folder of vis-network's script and styles inside the pyvis package, found without importing
    pyvis (its __init__ imports IPython and Jinja, 0.2 s of a build, for files that are only read)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis is not installed: the pages inline its copy of vis-network")
    return Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib" / "vis-9.1.2"


def render_page(data: dict, title: str) -> str:
    """A complete page: vis-network from the pyvis package inlined, our script and styles, the data as
    JSON; nothing is fetched from anywhere."""
    import html

    lib = vis_network_files()
    own = resources.files("aigraph.views").joinpath("templates")
    parts = {
        "TITLE": html.escape(title),
        "FONTS": FONT_STACK,
        "VIS_CSS": lib.joinpath("vis-network.css").read_text("utf-8"),
        "VIS_JS": lib.joinpath("vis-network.min.js").read_text("utf-8"),
        "CSS": own.joinpath("view.css").read_text("utf-8"),
        "JS": own.joinpath("view.js").read_text("utf-8") + own.joinpath("card.js").read_text("utf-8"),
        "DATA": _json_for_script(data),
    }
    # one pass, so that nothing inserted is scanned for markers again
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], own.joinpath("view.html").read_text("utf-8"))


@dataclass(frozen=True)
class Scope:
    """What one `aigraph html` page of the whole graph or of a community shows."""

    graph: object
    """The part of the `netgraph.to_networkx` graph to draw (with evidence)."""
    metrics: dict
    """Every entity's metrics in the whole graph (sizes and community ids stay those of the whole)."""
    title: str
    """The page's title."""
    file_name: str
    """The default file name: aigraph.html or community-<N>.html."""


def scope(store: Store, community: int | None = None, window=None) -> Scope:
    """The whole graph, or community `community` (ids as `aigraph analyse` gives them); with a `window`
    (`query.timeline.Window`), only the facts stated (or happening) in it."""
    from aigraph.errors import AigraphError
    from aigraph.views.metrics import node_metrics
    from aigraph.views.netgraph import to_networkx

    g = to_networkx(store, evidence=True)
    if window:
        from aigraph.views.window import within

        g = within(store, g, window)
    metrics = node_metrics(g, betweenness=False)
    if community is not None:
        members = [iri for iri, m in metrics.items() if m.community == community]
        if not members:
            top = max((m.community for m in metrics.values()), default=-1)
            raise AigraphError(f"No community {community}: ids go from 0 to {top}.",
                               f"No community {community}: ids go from 0 to {top} (see `aigraph analyse`).")
        return Scope(g.subgraph(members), metrics, f"aigraph: community {community}", f"community-{community}.html")
    return Scope(g, metrics, WHOLE_TITLE, "aigraph.html")


def safe_filename(name: str, limit: int = 200) -> str:
    """A file name made from an entity's name: letters, digits, '-', '_' and '.' kept, the rest '_';
    a name longer than `limit` UTF-8 bytes (file systems allow 255 with the suffix) keeps its head and
    a hash of the whole."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("._") or "entity"
    if len(safe.encode("utf-8")) <= limit:
        return safe
    import hashlib

    head = safe.encode("utf-8")[: limit - 17].decode("utf-8", "ignore")
    return f"{head}-{hashlib.sha256(name.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"


def write_view(g, path: str | Path, title: str = "aigraph", metrics: dict | None = None,
               max_nodes: int = MAX_NODES, plans: dict | None = None) -> dict:
    """Write the overview page of a graph from `netgraph.to_networkx` atomically; returns what it drew."""
    data = view_data(g, metrics, max_nodes, plans)
    with atomic_write(path) as fh:
        fh.write(render_page(data, title))
    return data
