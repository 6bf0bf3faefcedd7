"""Static pictures for the README: the core of the graph and a chart of the most central entities (SVG)."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from aigraph.atomic import atomic_write
from aigraph.views.html import OTHER_STYLE, TYPE_STYLE

GRAPH_SVG = "graph.svg"
TOP_SVG = "top_entities.svg"
CORE_NODES = 70
"""The picture of the graph shows at most this many entities: the most central of its largest part."""
TOP_BARS = 20
MARKERS = {"dot": "o", "diamond": "D", "triangle": "^", "square": "s", "star": "*", "triangleDown": "v",
           "hexagon": "h"}
# text stays text in the SVG, so that a viewer draws Chinese names with its own fonts
FONTS = ["DejaVu Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif"]


def _style():
    import matplotlib

    matplotlib.use("Agg")
    return {"svg.fonttype": "none", "svg.hashsalt": "aigraph", "font.family": "sans-serif",
            "font.sans-serif": FONTS, "font.size": 9, "axes.unicode_minus": False}


def _save(fig, path: Path) -> None:
    buf = io.StringIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing")  # CJK names measured with a Latin font
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "aigraph"}, bbox_inches="tight")
    with atomic_write(path) as fh:
        fh.write(buf.getvalue())


def core(g, metrics: dict, limit: int = CORE_NODES) -> set[str]:
    """The most central entities of the graph's largest connected part: component 0, cut to `limit` by
    PageRank, then to the largest part of what is left."""
    import networkx as nx

    members = sorted((i for i, m in metrics.items() if m.component == 0 and m.degree > 0),
                     key=lambda i: (-metrics[i].pagerank, i))[:limit]
    if not members:
        return set()
    parts = sorted(nx.connected_components(g.subgraph(members).to_undirected(as_view=True)),
                   key=lambda c: (-len(c), min(c)))
    return set(parts[0])


def draw_graph(g, metrics: dict, path: Path, title: str | None = None) -> int:
    """The core of the graph as an SVG picture: shapes and colours by type, size by PageRank, arrows for
    facts. Returns how many entities it shows."""
    import matplotlib.pyplot as plt

    from aigraph.views.layout import layout

    keep = core(g, metrics)
    sub = g.subgraph(keep)
    pos = layout(sorted(keep), [(s, o) for s, o in sub.edges()])
    with plt.rc_context(_style()):
        fig, ax = plt.subplots(figsize=(12, 9))
        top_pr = max((metrics[i].pagerank for i in keep), default=1.0) or 1.0
        for s, o in sorted({(s, o) for s, o in sub.edges()}):
            (x1, y1), (x2, y2) = pos[s], pos[o]
            ax.annotate("", xy=(x2, -y2), xytext=(x1, -y1), zorder=1,
                        arrowprops={"arrowstyle": "-|>", "color": "#9a9a9a", "lw": 0.8, "shrinkA": 7, "shrinkB": 7,
                                    "mutation_scale": 9})
        kinds = sorted({sub.nodes[i].get("type") for i in keep}, key=lambda t: (list(TYPE_STYLE).index(t)
                                                                               if t in TYPE_STYLE else 99, str(t)))
        for t in kinds:
            color, shape, _ = TYPE_STYLE.get(t, OTHER_STYLE)
            ids = sorted(i for i in keep if sub.nodes[i].get("type") == t)
            ax.scatter([pos[i][0] for i in ids], [-pos[i][1] for i in ids], zorder=2, label=t, c=color,
                       marker=MARKERS.get(shape, "o"), edgecolors="white", linewidths=0.6,
                       s=[40 + 500 * (metrics[i].pagerank / top_pr) for i in ids])
        for i in sorted(keep):
            big = metrics[i].pagerank / top_pr
            ax.annotate(sub.nodes[i].get("label", i), (pos[i][0], -pos[i][1]), xytext=(0, -9 - 9 * big),
                        textcoords="offset points", ha="center", va="top", fontsize=7 + 5 * big, zorder=3,
                        color="#222222")
        ax.set_title(title or f"The core of the graph: the {len(keep)} most central entities of its largest "
                     f"connected part ({sub.number_of_edges()} facts)", fontsize=13)
        from matplotlib.lines import Line2D

        ax.legend(handles=[Line2D([], [], ls="", marker=MARKERS.get(TYPE_STYLE.get(t, OTHER_STYLE)[1], "o"), ms=8,
                                  color=TYPE_STYLE.get(t, OTHER_STYLE)[0], label=t) for t in kinds],
                  loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        ax.set_axis_off()
        ax.margins(0.06)
        _save(fig, path)
        plt.close(fig)
    return len(keep)


def draw_top(g, metrics: dict, path: Path, title: str = "The most central entities (PageRank)",
             limit: int = TOP_BARS) -> int:
    """A bar chart of the entities with the highest PageRank, coloured by type. Returns the bar count."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    top = sorted(metrics, key=lambda i: (-metrics[i].pagerank, g.nodes[i].get("label", i).casefold(), i))[:limit]
    top.reverse()  # barh draws bottom-up: the first one on top
    with plt.rc_context(_style()):
        fig, ax = plt.subplots(figsize=(8, 0.32 * len(top) + 1.2))
        colors = [TYPE_STYLE.get(g.nodes[i].get("type"), OTHER_STYLE)[0] for i in top]
        ax.barh(range(len(top)), [metrics[i].pagerank for i in top], color=colors)
        ax.set_yticks(range(len(top)), [f"{g.nodes[i].get('label', i)}  ({metrics[i].degree})" for i in top])
        ax.set_xlabel("PageRank (facts in brackets)")
        ax.set_title(title, fontsize=12)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        kinds = [t for t in TYPE_STYLE if any(g.nodes[i].get("type") == t for i in top)]
        ax.legend(handles=[Patch(color=TYPE_STYLE[t][0], label=t) for t in kinds], loc="lower right", frameon=False)
        _save(fig, path)
        plt.close(fig)
    return len(top)


def write_pictures(g, metrics: dict, out: Path) -> list[Path]:
    """Both pictures into `out`."""
    out = Path(out)
    draw_graph(g, metrics, out / GRAPH_SVG)
    draw_top(g, metrics, out / TOP_SVG)
    return [out / GRAPH_SVG, out / TOP_SVG]
