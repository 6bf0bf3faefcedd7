"""The overview's plan: which entities are drawn, how large, with which labels, where, in which named cluster."""

from __future__ import annotations

import math
from dataclasses import dataclass

from aigraph.views.layout import PAD, Item, base_layout, extent, hull, item, skyline, spread
from aigraph.views.style import COMMUNITY_COLORS, text_width

CANVAS = (1400.0, 950.0)
"""The drawing area the layout is made for (a 1400x1000 window less the page's bar): one unit is one
pixel there at the fitted zoom."""
TOP_LABELS = 50
"""Entities whose labels the fitted overview shows; the others' labels appear as one zooms in."""
TOP_FONT = (12.0, 20.0)
"""Label sizes of the TOP_LABELS most central entities (least and most central)."""
TIER_FONTS = ((150, 7.0), (10**9, 4.5))
"""Label sizes of the others, by rank (up to rank 150, then the rest): drawn from about 1.4x and 2.2x."""
RADIUS = (3.5, 24.0)
"""Shape half-sizes, least and most central (by PageRank to the power 0.75)."""
CLUSTER_MIN = 5
"""Communities this large are drawn as a coloured cluster named by its most central members."""
TITLE_FONT = 15.0
TITLE_NAMES = (2, 3)
"""Members named in a cluster's title: the third only when the title stays within the cluster's width."""
HULL_MARGIN = 10.0
"""How far a cluster's coloured area reaches beyond its members' boxes."""
GAP = 2 * HULL_MARGIN + 10.0
"""Space between clusters, and between the graph's separate parts."""
MIN_FIT = 0.9
"""The least zoom that fits the drawing in CANVAS without shrinking the top labels below readable size
(12 px at zoom 1, so at least 10.8 px)."""
BUDGET = 0.45
"""Share of CANVAS the boxes of all entities may take; past it the lesser labels and shapes shrink."""


@dataclass(frozen=True)
class Cluster:
    """A community drawn as a coloured area behind its members."""

    community: int
    """Its id (as `aigraph analyse` numbers them)."""
    title: str
    """Its most central members' names."""
    members: tuple[str, ...]
    """Its entities, most central first."""
    color: str
    """Its colour."""
    ink: str
    """Its title's colour (its colour, darker)."""
    outline: tuple[tuple[float, float], ...]
    """The convex hull of its members' boxes, HULL_MARGIN wider, rounded."""
    title_at: tuple[float, float]
    """Where its title's baseline centre is."""


@dataclass(frozen=True)
class Plan:
    """Where and how each drawn entity goes."""

    pos: dict[str, tuple[float, float]]
    """Node centre of every drawn entity."""
    radius: dict[str, float]
    """Shape half-size."""
    font: dict[str, float]
    """Label size (px at zoom 1)."""
    items: dict[str, Item]
    """The box of shape and label."""
    clusters: tuple[Cluster, ...]
    """Named communities, largest first."""
    extent: tuple[float, float, float, float]
    """Left, top, right, bottom of everything drawn."""
    labelled: int
    """How many labels the fitted view is made to show (the most central entities)."""


def plan(g, metrics: dict, drawn: list[str], top_labels: int = TOP_LABELS, canvas: tuple[float, float] = CANVAS,
         seed: int = 7) -> Plan:
    """Sizes and positions for the entities `drawn` (most central first): communities laid out one by one
    and packed, the graph's separate parts packed around the largest one, nothing overlapping."""
    names = {i: g.nodes[i].get("label", i) for i in drawn}
    top_pr = max((metrics[i].pagerank for i in drawn), default=1.0) or 1.0
    shrink = 1.0
    while True:
        radius, font, items = _sizes(drawn, metrics, names, top_pr, top_labels, shrink)
        used = sum((2 * it.half_width + PAD) * (it.top + it.bottom + PAD) for it in items.values())
        if used <= BUDGET * canvas[0] * canvas[1] or shrink < 0.3:
            break
        shrink *= 0.85
    while True:
        pos, clusters, box = _placed(g, metrics, drawn, names, items, canvas, seed)
        # packing may need more room than the budget promised: the fitted zoom would then draw the top
        # labels below their readable size, so the lesser entities give up more of theirs
        fit = min(canvas[0] / max(box[2] - box[0], 1.0), canvas[1] / max(box[3] - box[1], 1.0))
        if fit >= MIN_FIT or shrink < 0.3:
            break
        shrink *= 0.85
        radius, font, items = _sizes(drawn, metrics, names, top_pr, top_labels, shrink)
    return Plan(pos, radius, font, items, tuple(clusters), tuple(float(v) for v in box),
                min(top_labels, len(drawn)))


def plan_of(g, metrics: dict, drawn: list[str], plans: dict | None = None) -> Plan:
    """plan(g.subgraph(drawn), metrics, drawn), kept in `plans` (one dict per graph and metrics, as the
    caller holds it) for the next view that draws the same entities: the page and the picture of a
    graph of up to PICTURE_NODES linked entities draw the same ones, and a plan is most of their time."""
    key = tuple(drawn)
    if plans is not None and key in plans:
        return plans[key]
    p = plan(g, metrics, drawn)  # the same plan as of g.subgraph(drawn): plan only reads `drawn` of g
    if plans is not None:
        plans[key] = p
    return p


def _sizes(drawn: list[str], metrics: dict, names: dict[str, str], top_pr: float, top_labels: int,
           shrink: float) -> tuple[dict[str, float], dict[str, float], dict[str, Item]]:
    """Shape half-sizes, label sizes and boxes: the top labels at full size, the others `shrink` times theirs."""
    radius, font = {}, {}
    for rank, iri in enumerate(drawn):
        share = math.sqrt(metrics[iri].pagerank / top_pr)
        radius[iri] = RADIUS[0] + (RADIUS[1] - RADIUS[0]) * share ** 1.5
        if rank < top_labels:
            font[iri] = TOP_FONT[0] + (TOP_FONT[1] - TOP_FONT[0]) * share
        else:
            radius[iri] = max(2.0, radius[iri] * shrink)
            font[iri] = max(2.5, next(f for upto, f in TIER_FONTS if rank < upto) * shrink)
    return radius, font, {i: item(radius[i], text_width(names[i], font[i]), font[i]) for i in drawn}


def _placed(g, metrics: dict, drawn: list[str], names: dict[str, str], items: dict[str, Item],
            canvas: tuple[float, float], seed: int) -> tuple[dict, list, tuple[float, float, float, float]]:
    """Positions, outlined clusters and the extent of everything drawn (titles included)."""
    rank_of = {iri: r for r, iri in enumerate(drawn)}
    blocks = _blocks(g, metrics, drawn, rank_of, names, items, seed)
    pos, clusters = _pack(blocks, canvas)
    clusters = _outlined(clusters, pos, items)
    boxes = [items[i].box for i in drawn]
    box = extent([pos[i][0] for i in drawn], [pos[i][1] for i in drawn], boxes) if drawn else (0.0, 0.0, 0.0, 0.0)
    for c in clusters:
        half = _title_width(c.title) / 2
        box = (min([box[0], c.title_at[0] - half] + [x for x, _ in c.outline]),
               min([box[1], c.title_at[1] - TITLE_FONT] + [y for _, y in c.outline]),
               max([box[2], c.title_at[0] + half] + [x for x, _ in c.outline]),
               max([box[3]] + [y for _, y in c.outline]))
    return pos, clusters, (math.floor(box[0]), math.floor(box[1]), math.ceil(box[2]), math.ceil(box[3]))


def _title_width(title: str) -> float:
    return text_width(title, TITLE_FONT) * 1.12  # drawn bold


@dataclass
class _Block:
    """A laid-out piece: members' positions from its top-left corner, its size, its named clusters."""

    pos: dict[str, tuple[float, float]]
    size: tuple[float, float]
    clusters: list[tuple[int, str, tuple[str, ...], tuple[float, float]]]
    """(community, title, members, title position) of each named cluster in the block."""

    def moved(self, dx: float, dy: float) -> tuple[dict, list]:
        return ({m: (x + dx, y + dy) for m, (x, y) in self.pos.items()},
                [(c, t, ms, (tx + dx, ty + dy)) for c, t, ms, (tx, ty) in self.clusters])


def _group(members: list[str], g, items: dict[str, Item], seed: int, named: tuple[int, list[str]] | None) -> _Block:
    """One community (or small part) laid out, its title above it when named; the margin its coloured
    area needs is inside the block."""
    idx = {iri: k for k, iri in enumerate(members)}
    # the members' links read from their adjacency, not through a subgraph view (its filters cost more)
    edges = sorted({(min(idx[a], idx[b]), max(idx[a], idx[b])) for a in members for b in g.succ[a]
                    if b in idx and a != b})
    boxes = [items[m].box for m in members]
    xs, ys = spread(base_layout(len(members), edges, seed), boxes)
    left, top, right, bottom = extent(xs, ys, boxes)
    clusters = []
    if named is not None:
        left, top, right, bottom = left - HULL_MARGIN, top - HULL_MARGIN, right + HULL_MARGIN, bottom + HULL_MARGIN
        names = list(named[1])
        while len(names) > TITLE_NAMES[0] and _title_width(" · ".join(names)) > right - left:
            names.pop()
        title = " · ".join(names)
        width = _title_width(title)
        if width > right - left:  # a title wider than its cluster widens the block, centred
            left, right = (left + right) / 2 - width / 2, (left + right) / 2 + width / 2
        top -= TITLE_FONT * 1.4
        clusters.append((named[0], title, tuple(members), ((left + right) / 2, top + TITLE_FONT)))
    block = _Block({m: (x, y) for m, x, y in zip(members, xs, ys)}, (right - left, bottom - top), clusters)
    pos, clusters = block.moved(-left, -top)
    return _Block(pos, block.size, clusters)


def _blocks(g, metrics, drawn, rank_of, names, items, seed) -> list[_Block]:
    """The largest connected part as its communities packed by how they link; every other part as one block."""
    import networkx as nx

    u = g.subgraph(drawn).to_undirected(as_view=True)
    parts = sorted((sorted(c, key=rank_of.get) for c in nx.connected_components(u)), key=lambda c: (-len(c), rank_of[c[0]]))
    by_comm: dict[int, list[str]] = {}
    for iri in drawn:
        by_comm.setdefault(metrics[iri].community, []).append(iri)

    def named(members: list[str]) -> tuple[int, list[str]] | None:
        if len(members) < CLUSTER_MIN:
            return None
        return metrics[members[0]].community, [names[m] for m in members[:TITLE_NAMES[1]]]

    blocks = []
    for part in parts:
        comms = sorted({metrics[i].community for i in part}, key=lambda c: rank_of[by_comm[c][0]])
        in_part = set(part)
        groups = [[i for i in by_comm[c] if i in in_part] for c in comms]
        if len(groups) == 1:
            blocks.append(_group(part, g, items, seed, named(part)))
        else:
            inner = [_group(m, g, items, seed, named(m)) for m in groups]
            blocks.append(_merge(inner, groups, g, seed))
    return blocks


def _merge(inner: list[_Block], groups: list[list[str]], g, seed: int) -> _Block:
    """Communities of one connected part placed by how many facts link them, then pushed apart."""
    weight = links_between(g, {m: k for k, members in enumerate(groups) for m in members})
    pairs = sorted(weight)
    coords = base_layout(len(inner), pairs, seed, weights=[weight[p] for p in pairs])
    boxes = [((b.size[0] + GAP) / 2, (b.size[1] + GAP) / 2, (b.size[1] + GAP) / 2) for b in inner]
    xs, ys = spread(coords, boxes, fill=0.55, aspect=CANVAS[0] / CANVAS[1], pad=0.0)
    left = min(x - b.size[0] / 2 for x, b in zip(xs, inner))
    top = min(y - b.size[1] / 2 for y, b in zip(ys, inner))
    pos: dict[str, tuple[float, float]] = {}
    clusters: list = []
    for x, y, b in zip(xs, ys, inner):
        p, c = b.moved(x - b.size[0] / 2 - left, y - b.size[1] / 2 - top)
        pos.update(p)
        clusters += c
    right = max(x + b.size[0] / 2 for x, b in zip(xs, inner))
    bottom = max(y + b.size[1] / 2 for y, b in zip(ys, inner))
    return _Block(pos, (right - left, bottom - top), clusters)


def links_between(g, at: dict[str, int]) -> dict[tuple[int, int], int]:
    """(group, group) -> links between them, for nodes in groups `at` (node -> group) of a MultiDiGraph:
    each linked pair counts its distinct keys in either direction, as the edges of
    `g.to_undirected(as_view=True)` are, read from the adjacency (iterating that view costs more than
    the layout it feeds)."""
    weight: dict[tuple[int, int], int] = {}
    for a, k in at.items():
        succ, pred = g.succ[a], g.pred[a]
        for b in set(succ) | set(pred):
            if b in at and k != at[b] and a < b:
                key = (min(k, at[b]), max(k, at[b]))
                weight[key] = weight.get(key, 0) + len(set(succ.get(b, ())) | set(pred.get(b, ())))
    return weight


def _pack(blocks: list[_Block], canvas: tuple[float, float]) -> tuple[dict[str, tuple[float, float]], list]:
    """Blocks packed (largest first) into the strip width whose result fits the canvas at the largest zoom."""
    sizes = [b.size for b in blocks]
    widest = max((w for w, _ in sizes), default=0.0)
    area = sum((w + GAP) * (h + GAP) for w, h in sizes)
    best = None
    for k in range(12):
        width = max(widest, math.sqrt(area * canvas[0] / canvas[1]) * (0.7 + 0.1 * k))
        corners = skyline(sizes, width, GAP)
        w = max((x + s[0] for (x, _), s in zip(corners, sizes)), default=0.0)
        h = max((y + s[1] for (_, y), s in zip(corners, sizes)), default=0.0)
        zoom = min(canvas[0] / max(w, 1.0), canvas[1] / max(h, 1.0))
        if best is None or zoom > best[0] + 1e-9:
            best = (zoom, corners)
    pos: dict[str, tuple[float, float]] = {}
    raw: list = []
    for (ox, oy), b in zip(best[1] if best else [], blocks):
        p, c = b.moved(ox, oy)
        pos.update({m: (round(x, 1), round(y, 1)) for m, (x, y) in p.items()})
        raw += c
    raw.sort(key=lambda r: (-len(r[2]), r[0]))
    return pos, raw


def _outlined(raw: list, pos: dict, items: dict[str, Item]) -> list[Cluster]:
    """Named clusters, largest first, each with its colour and the convex hull of its members' boxes."""
    out = []
    for k, (c, title, members, at) in enumerate(raw):
        corners = []
        for m in members:
            (x, y), it = pos[m], items[m]
            for cx, cy in ((x - it.half_width, y - it.top), (x + it.half_width, y - it.top),
                           (x - it.half_width, y + it.bottom), (x + it.half_width, y + it.bottom)):
                corners += [(cx + ox, cy + oy) for ox, oy in _ROUND]
        color = COMMUNITY_COLORS[k % len(COMMUNITY_COLORS)]
        out.append(Cluster(c, title, members, color, darker(color),
                           tuple((round(a, 1), round(b, 1)) for a, b in hull(corners)),
                           (round(at[0], 1), round(at[1], 1))))
    return out


_ROUND = tuple((HULL_MARGIN * math.cos(a * math.pi / 4), HULL_MARGIN * math.sin(a * math.pi / 4)) for a in range(8))
"""Eight points HULL_MARGIN around a corner: a cluster's outline rounds each member's box."""


def darker(color: str, by: float = 0.55) -> str:
    """A #rrggbb colour with each channel scaled by `by`."""
    return "#" + "".join(f"{int(int(color[i:i + 2], 16) * by):02x}" for i in (1, 3, 5))
