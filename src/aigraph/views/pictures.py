"""Static pictures for the README: the overview of the graph and a chart of the most central entities (SVG)."""

from __future__ import annotations

import html
import math
from pathlib import Path

from aigraph.atomic import atomic_write
from aigraph.views.style import FONT_STACK, OTHER_STYLE, TYPE_STYLE, text_width, type_order

GRAPH_SVG = "graph.svg"
TOP_SVG = "top_entities.svg"
PICTURE_NODES = 400
"""The picture of the graph shows at most this many entities with facts, the most central."""
TOP_BARS = 20
HEADER = 90.0
"""Room above the graph for its title and the legend of types."""
INK = "#1f1f1f"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _n(v: float) -> str:
    """A coordinate with one decimal, no trailing zero: small files, the same text for the same graph."""
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def _open(width: float, height: float, label: str) -> list[str]:
    # text stays text, in the pages' whole font stack: any viewer finds a font for Chinese names
    return [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}" height="{_n(height)}" '
            f'viewBox="0 0 {_n(width)} {_n(height)}" role="img" aria-label="{_e(label)}">',
            f"<style>text {{ font-family: {FONT_STACK.replace(chr(34), chr(39))}; fill: {INK}; }}</style>",
            f'<rect width="{_n(width)}" height="{_n(height)}" fill="#ffffff"/>']


def _write(path: Path, parts: list[str]) -> None:
    with atomic_write(path) as fh:
        fh.write("\n".join(parts + ["</svg>"]) + "\n")


def marker(shape: str, x: float, y: float, r: float) -> str:
    """One node's shape (vis-network's names) of half-size `r` at (x, y), as an SVG element."""
    if shape == "dot":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}"/>'
    if shape == "square":
        return f'<rect x="{_n(x - r)}" y="{_n(y - r)}" width="{_n(2 * r)}" height="{_n(2 * r)}"/>'
    corners = {"diamond": [(0, -1), (1, 0), (0, 1), (-1, 0)],
               "triangle": [(0, -1), (0.87, 0.5), (-0.87, 0.5)],
               "triangleDown": [(0, 1), (0.87, -0.5), (-0.87, -0.5)],
               "hexagon": [(math.cos(a * math.pi / 3 + math.pi / 6), math.sin(a * math.pi / 3 + math.pi / 6))
                           for a in range(6)],
               "star": [((1.0 if k % 2 == 0 else 0.45) * math.sin(k * math.pi / 5),
                         -(1.0 if k % 2 == 0 else 0.45) * math.cos(k * math.pi / 5)) for k in range(10)]}
    points = corners.get(shape)
    if points is None:
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}"/>'
    return '<polygon points="' + " ".join(f"{_n(x + r * a)},{_n(y + r * b)}" for a, b in points) + '"/>'


def _legend(kinds: list, right: float, y: float, size: float = 12.0) -> list[str]:
    """A row of shape and name per type, ending at `right`."""
    widths = [2 * size + text_width(str(t), size) + 14 for t in kinds]
    x = right - sum(widths)
    out = []
    for t, w in zip(kinds, widths):
        color, shape, _ = TYPE_STYLE.get(t, OTHER_STYLE)
        out.append(f'<g fill="{color}">{marker(shape, x + size / 2, y - size / 3, size / 2.4)}</g>'
                   f'<text x="{_n(x + size + 4)}" y="{_n(y)}" font-size="{_n(size)}">{_e(t)}</text>')
        x += w
    return out


def draw_graph(g, metrics: dict, path: Path, title: str | None = None, limit: int = PICTURE_NODES,
               plans: dict | None = None) -> int:
    """The overview as an SVG picture, as the page opens: the most central entities with facts in their
    named community clusters, shapes and colours by type, size by PageRank, the most central labelled,
    nothing overlapping (`plans`: see overview.plan_of). Returns how many entities it shows."""
    from aigraph.views.overview import TITLE_FONT, plan_of

    names = {i: g.nodes[i].get("label", i) for i in g}
    rank = sorted(g.nodes, key=lambda i: (-metrics[i].pagerank, names[i].casefold(), i))
    drawn = [i for i in rank if any(n != i for n in g.successors(i)) or any(n != i for n in g.predecessors(i))][:limit]
    sub = g.subgraph(drawn)
    p = plan_of(g, metrics, drawn, plans)
    left, top, right, bottom = p.extent if drawn else (0.0, 0.0, 100.0, 100.0)
    width, height = max(right - left, 100.0), max(bottom - top, 100.0) + HEADER
    kinds = sorted({sub.nodes[i].get("type") for i in drawn}, key=type_order)
    heading = title or (f"The graph: its {len(drawn)} most central entities with facts ({sub.number_of_edges()} "
                        "facts), communities as named clusters")
    out = _open(width, height, heading)
    out.append(f'<text x="12" y="34" font-size="17">{_e(heading)}</text>')
    out += _legend(kinds, width - 8, 20)
    out.append(f'<g transform="translate({_n(-left)},{_n(HEADER - top)})">')
    for c in p.clusters:
        out.append(f'<path d="M{" L".join(f"{_n(x)},{_n(y)}" for x, y in c.outline)} Z" fill="{c.color}" '
                   'fill-opacity="0.14"/>')
    segments = sorted({(s, o) for s, o in sub.edges() if s != o})
    if segments:
        d = " ".join(f"M{_n(p.pos[s][0])},{_n(p.pos[s][1])} L{_n(p.pos[o][0])},{_n(p.pos[o][1])}" for s, o in segments)
        out.append(f'<path d="{d}" fill="none" stroke="#b4b4b4" stroke-width="0.8"/>')
    for t in kinds:
        color, shape, _ = TYPE_STYLE.get(t, OTHER_STYLE)
        out.append(f'<g fill="{color}" stroke="#ffffff" stroke-width="0.7">')
        out += [marker(shape, *p.pos[i], p.radius[i]) for i in drawn if sub.nodes[i].get("type") == t]
        out.append("</g>")
    for c in p.clusters:
        out.append(f'<text x="{_n(c.title_at[0])}" y="{_n(c.title_at[1])}" text-anchor="middle" '
                   f'font-size="{_n(TITLE_FONT)}" font-weight="bold" fill="{c.ink}" style="fill: {c.ink}">'
                   f"{_e(c.title)}</text>")
    for i in drawn[:p.labelled]:
        x, y = p.pos[i]
        # the label's top a tenth of its size under the shape, as the page draws it
        out.append(f'<text x="{_n(x)}" y="{_n(y + p.radius[i] + 1.05 * p.font[i])}" text-anchor="middle" '
                   f'font-size="{_n(p.font[i])}">{_e(names[i])}</text>')
    out.append("</g>")
    _write(path, out)
    return len(drawn)


def _ticks(top: float) -> tuple[list[float], int]:
    """Round tick values from 0 past `top` (steps of 1, 2, 2.5 or 5 times a power of ten), and the
    decimals that show them."""
    if top <= 0:
        return [0.0, 1.0], 0
    raw = top / 5
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) + (1 if f"{step:.10g}".rstrip("0").endswith("25") else 0)
    ticks = [k * step for k in range(int(math.ceil(top / step - 1e-9)) + 1)]
    return ticks, decimals


def draw_top(g, metrics: dict, path: Path, title: str = "The most central entities (PageRank)",
             limit: int = TOP_BARS) -> int:
    """A bar chart of the entities with the highest PageRank, coloured by type. Returns the bar count."""
    top = sorted(metrics, key=lambda i: (-metrics[i].pagerank, g.nodes[i].get("label", i).casefold(), i))[:limit]
    font, row, bar_width = 12.0, 26.0, 440.0
    labels = [f"{g.nodes[i].get('label', i)} ({metrics[i].degree})" for i in top]
    x0 = 16 + max((text_width(s, font) for s in labels), default=0.0)
    y0 = 48.0
    ticks, decimals = _ticks(max((metrics[i].pagerank for i in top), default=0.0))
    scale = bar_width / ticks[-1]
    axis_y = y0 + row * len(top) + 6
    width, height = x0 + bar_width + 40, axis_y + 52
    out = _open(width, height, title)
    out.append(f'<text x="{_n(width / 2)}" y="26" text-anchor="middle" font-size="16">{_e(title)}</text>')
    for k, (i, label) in enumerate(zip(top, labels)):
        y = y0 + row * k
        color = TYPE_STYLE.get(g.nodes[i].get("type"), OTHER_STYLE)[0]
        out.append(f'<rect x="{_n(x0)}" y="{_n(y + 3)}" width="{_n(metrics[i].pagerank * scale)}" '
                   f'height="{_n(row - 6)}" fill="{color}"/>')
        out.append(f'<text x="{_n(x0 - 8)}" y="{_n(y + row / 2 + font * 0.35)}" text-anchor="end" '
                   f'font-size="{_n(font)}">{_e(label)}</text>')
    out.append(f'<path d="M{_n(x0)},{_n(y0 - 4)} V{_n(axis_y)} H{_n(x0 + bar_width)}" fill="none" stroke="{INK}"/>')
    for v in ticks:
        x = x0 + v * scale
        out.append(f'<path d="M{_n(x)},{_n(axis_y)} v4" stroke="{INK}"/><text x="{_n(x)}" y="{_n(axis_y + 18)}" '
                   f'text-anchor="middle" font-size="11">{v:.{decimals}f}</text>')
    out.append(f'<text x="{_n(x0 + bar_width / 2)}" y="{_n(axis_y + 40)}" text-anchor="middle" font-size="12">'
               "PageRank (facts in brackets)</text>")
    kinds = [t for t in TYPE_STYLE if any(g.nodes[i].get("type") == t for i in top)]
    for k, t in enumerate(kinds):
        y = axis_y - 12 - 20 * (len(kinds) - 1 - k)
        out.append(f'<rect x="{_n(x0 + bar_width - 90)}" y="{_n(y - 10)}" width="18" height="10" '
                   f'fill="{TYPE_STYLE[t][0]}"/><text x="{_n(x0 + bar_width - 66)}" y="{_n(y)}" '
                   f'font-size="12">{_e(t)}</text>')
    _write(path, out)
    return len(top)


def write_pictures(g, metrics: dict, out: Path, plans: dict | None = None) -> list[Path]:
    """Both pictures into `out` (`plans`: see overview.plan_of)."""
    out = Path(out)
    draw_graph(g, metrics, out / GRAPH_SVG, plans=plans)
    draw_top(g, metrics, out / TOP_SVG)
    return [out / GRAPH_SVG, out / TOP_SVG]
