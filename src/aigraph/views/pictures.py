"""Static pictures for the README: the overview of the graph and a chart of the most central entities (SVG)."""

from __future__ import annotations

import io
import re
import warnings
from functools import cache
from pathlib import Path

from aigraph.atomic import atomic_write
from aigraph.views.style import CJK_FAMILIES, FONT_STACK, OTHER_STYLE, TYPE_STYLE, type_order

GRAPH_SVG = "graph.svg"
TOP_SVG = "top_entities.svg"
PICTURE_NODES = 400
"""The picture of the graph shows at most this many entities with facts, the most central."""
TOP_BARS = 20
MARKERS = {"dot": "o", "diamond": "D", "triangle": "^", "square": "s", "star": "*", "triangleDown": "v",
           "hexagon": "h"}
PT = 0.72
"""Points per layout unit: the layout's unit is a screen pixel, drawn here at 100 per inch."""


@cache
def cjk_family() -> str | None:
    """The first installed font with Chinese glyphs (CJK_FAMILIES), known to matplotlib; None when there
    is none. A font installed after matplotlib built its font list is added from the system's fonts."""
    from matplotlib import font_manager as fm

    def known() -> str | None:
        have = {f.name for f in fm.fontManager.ttflist}
        return next((f for f in CJK_FAMILIES if f in have), None)

    found = known()
    if found is None:
        for path in fm.findSystemFonts():
            if re.search(r"cjk|wqy|sourcehan|droidsansfallback|pingfang|msyh|simhei", Path(path).name, re.I):
                try:
                    fm.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):  # a font file matplotlib cannot read
                    continue
        found = known()
    return found


def _style():
    import matplotlib

    matplotlib.use("Agg")
    # a family list: matplotlib takes each glyph from the first font that has it
    family = ["DejaVu Sans"] + ([cjk_family()] if cjk_family() else [])
    return {"svg.fonttype": "none", "svg.hashsalt": "aigraph", "font.family": family, "font.size": 9,
            "axes.unicode_minus": False}


def _save(fig, path: Path) -> None:
    buf = io.StringIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing")  # no CJK font here: the viewer's draw them
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "aigraph"}, bbox_inches="tight")
    # text stays text: name the pages' whole font stack, so that any viewer finds a font for Chinese names
    svg = re.sub(r"font-family: [^;\"]*", lambda _: "font-family: " + FONT_STACK.replace('"', "'"), buf.getvalue())
    with atomic_write(path) as fh:
        fh.write(svg)


def draw_graph(g, metrics: dict, path: Path, title: str | None = None, limit: int = PICTURE_NODES,
               plans: dict | None = None) -> int:
    """The overview as an SVG picture, as the page opens: the most central entities with facts in their
    named community clusters, shapes and colours by type, size by PageRank, the most central labelled,
    nothing overlapping (`plans`: see overview.plan_of). Returns how many entities it shows."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Polygon

    from aigraph.views.overview import TITLE_FONT, plan_of

    names = {i: g.nodes[i].get("label", i) for i in g}
    rank = sorted(g.nodes, key=lambda i: (-metrics[i].pagerank, names[i].casefold(), i))
    drawn = [i for i in rank if any(n != i for n in g.successors(i)) or any(n != i for n in g.predecessors(i))][:limit]
    sub = g.subgraph(drawn)
    p = plan_of(g, metrics, drawn, plans)
    left, top, right, bottom = p.extent if drawn else (0.0, 0.0, 100.0, 100.0)
    with plt.rc_context(_style()):
        fig = plt.figure(figsize=(max(right - left, 100) / 100, max(bottom - top, 100) / 100 + 0.9))
        ax = fig.add_axes((0, 0, 1, (bottom - top) / 100 / fig.get_figheight()))
        ax.set_xlim(left, right)
        ax.set_ylim(bottom, top)  # y grows downwards, as on the page
        for c in p.clusters:
            ax.add_patch(Polygon(c.outline, closed=True, facecolor=c.color, alpha=0.14, edgecolor="none", zorder=0))
            ax.text(c.title_at[0], c.title_at[1], c.title, ha="center", va="baseline", fontsize=TITLE_FONT * PT,
                    fontweight="bold", color=c.ink, zorder=4)
        segments = sorted({(s, o) for s, o in sub.edges() if s != o})
        for s, o in segments:
            (x1, y1), (x2, y2) = p.pos[s], p.pos[o]
            ax.plot([x1, x2], [y1, y2], color="#b4b4b4", lw=0.6, zorder=1)
        kinds = sorted({sub.nodes[i].get("type") for i in drawn}, key=type_order)
        for t in kinds:
            color, shape, _ = TYPE_STYLE.get(t, OTHER_STYLE)
            ids = [i for i in drawn if sub.nodes[i].get("type") == t]
            ax.scatter([p.pos[i][0] for i in ids], [p.pos[i][1] for i in ids], zorder=2, c=color,
                       marker=MARKERS.get(shape, "o"), edgecolors="white", linewidths=0.5,
                       s=[(2 * p.radius[i] * PT) ** 2 for i in ids])
        for i in drawn[:p.labelled]:
            x, y = p.pos[i]
            ax.text(x, y + p.radius[i] + 0.1 * p.font[i], names[i], ha="center", va="top", fontsize=p.font[i] * PT,
                    color="#1f1f1f", zorder=3)
        ax.set_axis_off()
        fig.text(0.01, 1 - 0.3 / fig.get_figheight(), title or f"The graph: its {len(drawn)} most central entities with "
                 f"facts ({sub.number_of_edges()} facts), communities as named clusters", fontsize=13, va="center")
        if kinds:
            fig.legend(handles=[Line2D([], [], ls="", marker=MARKERS.get(TYPE_STYLE.get(t, OTHER_STYLE)[1], "o"),
                                       ms=7, color=TYPE_STYLE.get(t, OTHER_STYLE)[0], label=t) for t in kinds],
                       loc="upper right", bbox_to_anchor=(0.995, 1.0), ncol=len(kinds), frameon=False, fontsize=9)
        _save(fig, path)
        plt.close(fig)
    return len(drawn)


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


def write_pictures(g, metrics: dict, out: Path, plans: dict | None = None) -> list[Path]:
    """Both pictures into `out` (`plans`: see overview.plan_of)."""
    out = Path(out)
    draw_graph(g, metrics, out / GRAPH_SVG, plans=plans)
    draw_top(g, metrics, out / TOP_SVG)
    return [out / GRAPH_SVG, out / TOP_SVG]
