"""Node positions computed before a page opens: clusters laid out and packed, no shape or label overlapping."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

LABEL_GAP = 0.0
"""Space between a shape and the box of the label drawn under it."""
LINE = 1.9
"""How far below its shape a label reaches, in font sizes: vis-network draws a label's top about 0.65 font
sizes below the shape and its descenders 2.35 below; the pages lift labels by LIFT."""
LIFT = 0.55
"""How much the pages lift each label (vis-network's `font.vadjust`), in font sizes."""
PAD = 5.0
"""Least space between two nodes' boxes."""
KK_LIMIT = 300
"""Groups up to this size get Kamada-Kawai (even edge lengths); larger ones the faster Fruchterman-Reingold."""
FILL = 0.4
"""Share of a group's area its nodes' boxes take before overlaps are removed: lower spreads them out."""
EXPAND_EVERY = 10
EXPAND = 1.02
"""Every EXPAND_EVERY rounds of `separate` that still leave overlaps, the boxes move apart by this factor."""
COMPACT_ROUNDS = 4
COMPACT_FACTOR = 0.8
"""Rounds of drawing a layout together, and how much each shrinks it (see `compact`)."""


@dataclass(frozen=True)
class Item:
    """A node as a page draws it: a shape of half-size `radius`, its label of `width` x `height` below."""

    radius: float
    """Half the width of the shape (vis-network's `size`)."""
    width: float
    """The label's width (0 for none)."""
    height: float
    """The label's height (0 for none)."""

    @property
    def half_width(self) -> float:
        """Half the width of the box holding shape and label."""
        return max(self.radius, self.width / 2)

    @property
    def top(self) -> float:
        """From the node's centre up to the box's top."""
        return self.radius

    @property
    def bottom(self) -> float:
        """From the node's centre down to the box's bottom."""
        return self.radius + (LABEL_GAP + self.height if self.height else 0.0)

    @property
    def box(self) -> Box:
        """The box around the node's centre."""
        return (self.half_width, self.top, self.bottom)


Box = tuple[float, float, float]
"""A box around a point: (half width, reach above, reach below)."""


def item(radius: float, label_width: float, font: float) -> Item:
    """The box of a node whose label, `label_width` wide at font size `font`, is drawn under it."""
    return Item(radius, label_width, font * LINE if label_width else 0.0)


def separate(xs: Sequence[float], ys: Sequence[float], boxes: Sequence[Box], pad: float = PAD,
             pinned: frozenset[int] = frozenset(), iterations: int = 400) -> tuple[list[float], list[float]]:
    """Move boxes apart until none overlaps another (with `pad` between): each overlapping pair is pushed
    apart along the axis it overlaps least, pinned ones staying put. Positions change as little as that
    needs, so the layout keeps its shape. Small groups (most of an overview's) are done in plain Python,
    with the very same arithmetic in the same order: numpy's overhead per round is most of their time."""
    if len(boxes) <= SMALL:
        return _separate_small(xs, ys, boxes, pad, pinned, iterations)
    return _separate_numpy(xs, ys, boxes, pad, pinned, iterations)


SMALL = 24
"""Groups up to this size are separated in plain Python (same result as numpy, faster below this size)."""


def _separate_small(xs: Sequence[float], ys: Sequence[float], boxes: Sequence[Box], pad: float,
                    pinned: frozenset[int], iterations: int) -> tuple[list[float], list[float]]:
    """`_separate_numpy` step by step on lists: every float operation as numpy does it, in its order
    (np.add.at adds each pair's push in pair order: first to the pairs' first boxes, then to their
    second), so that the positions are bit for bit the same."""
    import numpy as np  # only for the mean, summed as numpy sums

    n = len(boxes)
    x = [float(v) for v in xs]
    hw = [float(b[0]) + pad / 2 for b in boxes]
    off = [float((b[2] - b[1]) / 2) for b in boxes]
    hh = [float((b[1] + b[2]) / 2) + pad / 2 for b in boxes]
    y = [float(v) + o for v, o in zip(ys, off)]
    free = [0.0 if i in pinned else 1.0 for i in range(n)]
    first_pinned = next((i for i in range(n) if not free[i]), None)
    for _round in range(iterations):
        hits = []
        for i in range(n - 1):
            xi, yi, hwi, hhi = x[i], y[i], hw[i], hh[i]
            k = i + 1
            for j, xj, hwj in zip(range(k, n), x[k:], hw[k:]):
                dx = xj - xi
                ox = hwi + hwj - abs(dx)
                if ox > 1e-6:
                    dy = y[j] - yi
                    oy = hhi + hh[j] - abs(dy)
                    if oy > 1e-6:
                        hits.append((i, j, dx, dy, ox, oy))
        if not hits:
            break
        mx, my = [0.0] * n, [0.0] * n
        pushes = []
        for a, b, pdx, pdy, pox, poy in hits:
            along_x = pox < poy
            sx = 1.0 if pdx > 0 else -1.0 if pdx < 0 else 1.0 if (a + b) % 2 == 0 else -1.0
            sy = 1.0 if pdy > 0 else -1.0 if pdy < 0 else 1.0
            both = max(free[a] + free[b], 1e-9)
            push_x = (pox if along_x else 0.0) * sx
            push_y = (0.0 if along_x else poy) * sy
            share_a, share_b = free[a] / both, free[b] / both
            mx[a] += -push_x * share_a
            my[a] += -push_y * share_a
            pushes.append((b, push_x * share_b, push_y * share_b))
        for b, px, py in pushes:
            mx[b] += px
            my[b] += py
        x = [v + m for v, m in zip(x, mx)]
        y = [v + m for v, m in zip(y, my)]
        if _round % EXPAND_EVERY == EXPAND_EVERY - 1:
            if first_pinned is not None:
                cx, cy = x[first_pinned], y[first_pinned]
            else:
                cx, cy = float(np.asarray(x).mean()), float(np.asarray(y).mean())
            x = [cx + (v - cx) * EXPAND if f > 0 else v for v, f in zip(x, free)]
            y = [cy + (v - cy) * EXPAND if f > 0 else v for v, f in zip(y, free)]
    else:
        _settle(x, y, hw, hh, free)
    return x, [v - o for v, o in zip(y, off)]


def _separate_numpy(xs: Sequence[float], ys: Sequence[float], boxes: Sequence[Box], pad: float,
                    pinned: frozenset[int], iterations: int) -> tuple[list[float], list[float]]:
    import numpy as np

    n = len(boxes)
    x = np.array(xs, dtype=float)
    hw = np.array([b[0] for b in boxes]) + pad / 2
    off = np.array([(b[2] - b[1]) / 2 for b in boxes])  # box centre below the node's centre
    hh = np.array([(b[1] + b[2]) / 2 for b in boxes]) + pad / 2
    y = np.array(ys, dtype=float) + off
    free = np.ones(n)
    free[list(pinned)] = 0.0
    chunk = max(1, 4_000_000 // max(n, 1))
    for _round in range(iterations):
        mx, my, moved = np.zeros(n), np.zeros(n), False
        for i0 in range(0, n, chunk):
            i1 = min(n, i0 + chunk)  # rows i0..i1 against the columns from i0 on: each pair once
            dx = x[None, i0:] - x[i0:i1, None]
            dy = y[None, i0:] - y[i0:i1, None]
            ox = hw[i0:i1, None] + hw[None, i0:] - np.abs(dx)
            oy = hh[i0:i1, None] + hh[None, i0:] - np.abs(dy)
            hit = (ox > 1e-6) & (oy > 1e-6)
            hit &= np.arange(i0, n)[None, :] > np.arange(i0, i1)[:, None]
            a, c = np.nonzero(hit)
            if not len(a):
                continue
            moved = True
            ia, b = a + i0, c + i0
            b_local = c
            pdx, pdy, pox, poy = dx[a, b_local], dy[a, b_local], ox[a, b_local], oy[a, b_local]
            along_x = pox < poy
            # which way each pair parts: from where they stand, ties by index so the result is stable
            sx = np.where(pdx > 0, 1.0, np.where(pdx < 0, -1.0, np.where((ia + b) % 2 == 0, 1.0, -1.0)))
            sy = np.where(pdy > 0, 1.0, np.where(pdy < 0, -1.0, 1.0))
            share_a = free[ia] / np.maximum(free[ia] + free[b], 1e-9)
            share_b = free[b] / np.maximum(free[ia] + free[b], 1e-9)
            push_x = np.where(along_x, pox, 0.0) * sx
            push_y = np.where(along_x, 0.0, poy) * sy
            np.add.at(mx, ia, -push_x * share_a)
            np.add.at(my, ia, -push_y * share_a)
            np.add.at(mx, b, push_x * share_b)
            np.add.at(my, b, push_y * share_b)
        if not moved:
            break
        x += mx
        y += my
        if _round % EXPAND_EVERY == EXPAND_EVERY - 1:
            # boxes jammed together part slowly, the push crossing the crowd one box a round: make room
            cx, cy = (x[~free.astype(bool)][0], y[~free.astype(bool)][0]) if free.min() == 0 else (x.mean(), y.mean())
            x = np.where(free > 0, cx + (x - cx) * EXPAND, x)
            y = np.where(free > 0, cy + (y - cy) * EXPAND, y)
    else:
        _settle(x, y, hw, hh, free)
    return [float(v) for v in x], [float(v) for v in y - off]


def _settle(x, y, hw, hh, free) -> None:
    """The last resort when pushing has not parted every box: pinned boxes stay, then each other box, top
    to bottom, moves down below every placed box it overlaps. Always ends with no overlap."""
    order = sorted(range(len(x)), key=lambda i: (free[i], y[i] - hh[i], x[i]))
    placed: list[int] = []
    for i in order:
        moved = True
        while moved and free[i]:
            moved = False
            for j in placed:
                if abs(x[i] - x[j]) < hw[i] + hw[j] - 1e-6 and abs(y[i] - y[j]) < hh[i] + hh[j] - 1e-6:
                    y[i] = y[j] + hh[j] + hh[i]
                    moved = True
        placed.append(i)


def base_layout(n: int, edges: Sequence[tuple[int, int]], seed: int = 7,
                weights: Sequence[float] | None = None) -> list[tuple[float, float]]:
    """Positions of `n` nodes with mean edge length about 1 (igraph, seeded): Kamada-Kawai for small
    groups, Fruchterman-Reingold for large ones; a node alone at the origin, two side by side. The same
    input gives the same positions (the random start is seeded), so they are kept for the next call: an
    overview lays its groups out again at each step of shrinking the lesser labels."""
    return list(_base_layout(n, tuple(edges), seed, tuple(weights) if weights else None))


@lru_cache(maxsize=4096)
def _base_layout(n: int, edges: tuple[tuple[int, int], ...], seed: int,
                 weights: tuple[float, ...] | None) -> tuple[tuple[float, float], ...]:
    from aigraph.views.netgraph import load_igraph

    if n == 1:
        return ((0.0, 0.0),)
    if n == 2:
        return ((0.0, 0.0), (1.0, 0.0))
    ig = load_igraph()
    g = ig.Graph(n=n, edges=list(edges))
    ig.set_random_number_generator(random.Random(seed))  # FR starts from seeded random positions
    try:
        if n <= KK_LIMIT and g.is_connected():
            coords = list(g.layout_kamada_kawai(maxiter=50 * n).coords)
        else:
            coords = list(g.layout_fruchterman_reingold(niter=500, weights=list(weights) if weights else None).coords)
    finally:
        ig.set_random_number_generator(random)
    lengths = [math.dist(coords[a], coords[b]) for a, b in g.get_edgelist()]
    unit = (sum(lengths) / len(lengths)) if lengths else 1.0
    return tuple((cx / (unit or 1.0), cy / (unit or 1.0)) for cx, cy in coords)


def spread(coords: Sequence[tuple[float, float]], boxes: Sequence[Box], fill: float | None = None,
           aspect: float = 1.0, pad: float = PAD) -> tuple[list[float], list[float]]:
    """Scale a base layout so that its boxes take about `fill` of its area (wider by `aspect`), then
    remove the overlaps that remain."""
    if len(coords) == 1:
        return [0.0], [0.0]
    fill = fill or FILL
    xs = [c[0] * math.sqrt(aspect) for c in coords]
    ys = [c[1] / math.sqrt(aspect) for c in coords]
    area = sum((2 * b[0] + pad) * (b[1] + b[2] + pad) for b in boxes)
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    long = max(w, h, 1e-9)
    # a thin layout (a line, a star of three) counts as a third as high as long, or it would spread far
    scale = math.sqrt(area / fill / (max(w, long / 3) * max(h, long / 3)))
    xs, ys = separate([x * scale for x in xs], [y * scale for y in ys], boxes, pad)
    return compact(xs, ys, boxes, pad)


def compact(xs: Sequence[float], ys: Sequence[float], boxes: Sequence[Box], pad: float = PAD,
            rounds: int | None = None, factor: float | None = None) -> tuple[list[float], list[float]]:
    """Draw the boxes together: shrink towards their centre, push apart again, a few times. The empty
    space a layout leaves between its parts goes; their order and neighbours stay."""
    xs, ys = list(xs), list(ys)
    if len(xs) < 2:
        return xs, ys
    factor = factor or COMPACT_FACTOR
    for _ in range(COMPACT_ROUNDS if rounds is None else rounds):
        cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
        xs, ys = separate([cx + (x - cx) * factor for x in xs], [cy + (y - cy) * factor for y in ys], boxes, pad)
    return xs, ys


def extent(xs: Sequence[float], ys: Sequence[float], boxes: Sequence[Box]) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of all the boxes."""
    return (min(x - b[0] for x, b in zip(xs, boxes)), min(y - b[1] for y, b in zip(ys, boxes)),
            max(x + b[0] for x, b in zip(xs, boxes)), max(y + b[2] for y, b in zip(ys, boxes)))


def skyline(sizes: Sequence[tuple[float, float]], width: float, gap: float) -> list[tuple[float, float]]:
    """Top-left corners of boxes of `sizes`, each put in the order given as high up as it fits (then as far
    left) in a strip `width` wide: a bottom-left packing that fills the holes beside large boxes."""
    sky: list[tuple[float, float, float]] = [(0.0, max(width, max((w for w, _ in sizes), default=0.0)), 0.0)]
    out = []
    for w, h in sizes:
        best = None
        for i, (x0, _, _) in enumerate(sky):
            # the box's top is the highest skyline under its span
            right, top, j = x0 + w, 0.0, i
            while j < len(sky) and sky[j][0] < right - 1e-9:
                top = max(top, sky[j][2])
                j += 1
            if right > sky[-1][1] + 1e-9:
                break
            if best is None or (top, x0) < best[:2]:
                best = (top, x0)
        top, x0 = best if best is not None else (max(s[2] for s in sky), 0.0)
        out.append((x0, top))
        _raise(sky, x0, x0 + w + gap, top + h + gap)
    return out


def _raise(sky: list[tuple[float, float, float]], a: float, b: float, level: float) -> None:
    """Set the skyline to `level` from a to b (segments are (start, end, height), sorted, contiguous)."""
    end = sky[-1][1]
    b = min(b, end)
    cut: list[tuple[float, float, float]] = []
    for x0, x1, y in sky:
        if x1 <= a or x0 >= b:
            cut.append((x0, x1, y))
            continue
        if x0 < a:
            cut.append((x0, a, y))
        if x1 > b:
            cut.append((b, x1, y))
    cut.append((a, b, level))
    cut.sort()
    merged: list[tuple[float, float, float]] = []
    for seg in cut:
        if merged and abs(merged[-1][2] - seg[2]) < 1e-9 and abs(merged[-1][1] - seg[0]) < 1e-9:
            merged[-1] = (merged[-1][0], seg[1], seg[2])
        else:
            merged.append(seg)
    sky[:] = merged


def hull(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The convex hull of points, counter-clockwise (Andrew's monotone chain)."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts
    return _chain(pts)[:-1] + _chain(pts[::-1])[:-1]


def _chain(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """One half of the hull: points kept while each turn is to the left (the cross product inline: this
    runs for every corner of every cluster member)."""
    out: list[tuple[float, float]] = []
    for p in pts:
        px, py = p
        while len(out) >= 2:
            (ox, oy), (ax, ay) = out[-2], out[-1]
            if (ax - ox) * (py - oy) - (ay - oy) * (px - ox) > 0:
                break
            out.pop()
        out.append(p)
    return out
