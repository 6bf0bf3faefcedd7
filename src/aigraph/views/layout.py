"""Node positions computed before the page opens, so that the browser has no physics to run."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence

EDGE = 150.0
"""Mean edge length of a laid-out component, in screen pixels at zoom 1."""
GAP = 140.0
"""Space between components, and the cell width of the grid of unlinked entities."""
ROW = 70.0
"""Cell height of the grid of unlinked entities."""
KK_LIMIT = 400
"""Components up to this size get Kamada-Kawai (even edge lengths, few overlaps); larger ones the faster
Fruchterman-Reingold."""


def layout(nodes: Sequence[str], edges: Sequence[tuple[str, str]], seed: int = 7,
           order: Callable[[str], object] | None = None) -> dict[str, tuple[float, float]]:
    """Positions for every node: each connected component laid out by Fruchterman-Reingold (igraph,
    seeded), components packed in rows, largest first, and the nodes without edges in a grid below,
    in `order` (e.g. by type then name). The same input always gives the same positions."""
    import igraph as ig

    names = sorted(nodes)
    idx = {n: i for i, n in enumerate(names)}
    pairs = sorted({(min(idx[a], idx[b]), max(idx[a], idx[b])) for a, b in edges if a != b})
    graph = ig.Graph(n=len(names), edges=pairs)
    comps = sorted((sorted(c) for c in graph.connected_components() if len(c) > 1), key=lambda c: (-len(c), c[0]))
    linked = [_component(graph, c, seed) for c in comps]
    pos: dict[str, tuple[float, float]] = {}
    width = max([math.sqrt(sum(w * h for _, w, h in linked)) * 1.6] + [w for _, w, h in linked])
    x = y = row_h = 0.0
    for coords, w, h in linked:
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h + GAP, 0.0
        for i, (cx, cy) in coords.items():
            pos[names[i]] = (round(x + cx, 1), round(y + cy, 1))
        x += w + GAP
        row_h = max(row_h, h)
    single = sorted((n for n in names if n not in pos), key=order or (lambda n: n))
    top = y + row_h + (2 * GAP if pos else 0.0)
    cols = max(1, int(max(width, GAP) // GAP)) if pos else max(1, math.ceil(math.sqrt(len(single) * ROW / GAP)))
    for k, n in enumerate(single):
        pos[n] = (round((k % cols) * GAP, 1), round(top + (k // cols) * ROW, 1))
    return pos


def _component(graph, members: list[int], seed: int) -> tuple[dict[int, tuple[float, float]], float, float]:
    """One component's layout, scaled to EDGE and moved to start at (0, 0): (coords, width, height)."""
    import igraph as ig

    sub = graph.subgraph(members)
    if len(members) == 2:
        coords = [(0.0, 0.0), (EDGE, 0.0)]
    else:
        ig.set_random_number_generator(random.Random(seed))  # FR starts from seeded random positions
        try:
            if len(members) <= KK_LIMIT:
                coords = list(sub.layout_kamada_kawai(maxiter=50 * len(members)).coords)
            else:
                coords = list(sub.layout_fruchterman_reingold(niter=500).coords)
        finally:
            ig.set_random_number_generator(random)
        if len(members) <= KK_LIMIT:  # Kamada-Kawai keeps edges even: scale them to EDGE
            lengths = [math.dist(coords[a], coords[b]) for a, b in sub.get_edgelist()]
            factor = EDGE / ((sum(lengths) / len(lengths)) or 1.0)
        else:  # hubs stretch FR's edges: give every node the same room instead
            xs, ys = [c[0] for c in coords], [c[1] for c in coords]
            area = (max(xs) - min(xs)) * (max(ys) - min(ys))
            factor = math.sqrt(len(members) * (0.8 * EDGE) ** 2 / (area or 1.0))
        coords = [(cx * factor, cy * factor) for cx, cy in coords]
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    out = {members[i]: (cx - min(xs), cy - min(ys)) for i, (cx, cy) in enumerate(coords)}
    return out, max(xs) - min(xs), max(ys) - min(ys)
