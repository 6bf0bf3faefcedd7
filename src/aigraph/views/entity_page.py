"""An entity's page: its neighbourhood drawn around it, fitted, with its card (names, facts, sources) beside it."""

from __future__ import annotations

import math
from pathlib import Path
from urllib.parse import quote

from pyoxigraph import NamedNode, Store

from aigraph.atomic import atomic_write
from aigraph.query.card import Card, card, quantities
from aigraph.query.lookup import EntityRef, Neighbor, find_entity, neighbors
from aigraph.views.html import EDGE_FONT, clip, options, render_page, safe_filename
from aigraph.views.layout import LIFT, PAD, item, separate
from aigraph.views.style import OTHER_STYLE, TYPE_STYLE, text_width, type_order
from aigraph.vocab import AIG_NS, PREDICATES

FOCUS = (30.0, 24.0)
"""The focus entity's shape half-size and label size: the largest on its page."""
NEAR = ((7.0, 20.0), (13.0, 16.0))
"""Its neighbours' shape half-sizes and label sizes, least to most connected."""
FAR = ((4.0, 10.0), (9.0, 12.0))
"""Entities two or more hops away."""
MAX_SCALE = 1.3
"""A small neighbourhood is fitted no larger than this."""
SOURCES_SHOWN = 4
"""Sentences shown under each fact on the card (the rest are counted)."""


def entity_href(name: str) -> str:
    """The path of an entity's page on `aigraph serve`: /entity/ and the name, every reserved character
    (dots too, so that no name reads as `..`) percent-encoded."""
    return "/entity/" + quote(name, safe="").replace(".", "%2E")


def _degrees(store: Store, iris: set[str]) -> dict[str, int]:
    """How many facts each entity takes part in (the store's indexes, entity by entity)."""
    preds = {AIG_NS + p for p in PREDICATES}
    out = {}
    for iri in iris:
        node = NamedNode(iri)
        out[iri] = sum(1 for q in store.quads_for_pattern(node, None, None, None) if q.predicate.value in preds) + \
            sum(1 for q in store.quads_for_pattern(None, None, node, None) if q.predicate.value in preds)
    return out


def _links_among(store: Store, iris: set[str]) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) of the facts between the entities `iris`."""
    preds = {AIG_NS + p for p in PREDICATES}
    out = set()
    for iri in iris:
        for q in store.quads_for_pattern(NamedNode(iri), None, None, None):
            if q.predicate.value in preds and q.object.value in iris:
                out.add((iri, q.predicate.value[len(AIG_NS):], q.object.value))
    return out


def _fact_tip(s: str, p: str, o: str, n: Neighbor | None) -> str:
    lines = [f"{s} —{p}→ {o}"]
    if n is None:
        return "\n".join(lines + ["(a fact between two neighbours: its sources are on their pages)"])
    support = n.support or len(n.evidence) or 1
    conf = f"confidence {n.confidence:.2f} · " if n.confidence is not None else ""
    lines.append(f"{conf}{support} sentence{'s' if support != 1 else ''}")
    qty = quantities(n.evidence)
    if qty:
        lines.append("; ".join(qty))
    for src in n.evidence[:3]:
        lines.append(f"“{clip(src.text)}” ({src.document}, sentence {src.sentence})")
    return "\n".join(lines)


def _rings(order: list[str], boxes: dict, inner: float) -> dict[str, tuple[float, float]]:
    """Points on one to four rings around the origin, in `order` around the circle, consecutive ones on
    alternating rings: the arrangement with the smallest reach."""
    best = None
    n = len(order)
    for k in range(1, 5):
        if k > 1 and n < 8 * k:
            break
        gap = max((b[1] + b[2] for b in boxes.values()), default=0.0) + PAD
        radii, r = [], inner
        for j in range(k):
            ring = order[j::k]
            around = sum(max(2 * boxes[i][0], boxes[i][1] + boxes[i][2]) + 2 * PAD for i in ring)
            r = max(r + (gap if j else 0.0), around / (2 * math.pi))
            radii.append(r)
        reach = radii[-1] + max((max(b) for b in boxes.values()), default=0.0)
        if best is None or reach < best[0]:
            best = (reach, radii)
    radii = best[1] if best else [inner]
    k = len(radii)
    # start at the top, go clockwise
    return {iri: (radii[i % k] * math.sin(2 * math.pi * i / n), -radii[i % k] * math.cos(2 * math.pi * i / n))
            for i, iri in enumerate(order)}


def entity_data(store: Store, entity: EntityRef, depth: int = 1, links: bool = False) -> dict:
    """What an entity's page draws and shows: the focus at the centre and largest, its neighbours on rings
    around it (entities further out beyond them, near the neighbour they hang from), no shape or label
    overlapping, and its card. With `links`, names link to their pages on `aigraph serve`."""
    from aigraph.views.funding_data import read_rounds

    c = card(store, entity)
    facts = list(c.facts) if depth == 1 else neighbors(store, entity, depth, evidence=True)
    ref = {entity.iri: entity}
    hop = {entity.iri: 0}
    parent: dict[str, str] = {}
    by_fact: dict[tuple[str, str, str], Neighbor] = {}
    for n in facts:
        src = n.source or entity
        ref.setdefault(n.other.iri, n.other)
        if n.other.iri not in hop:
            hop[n.other.iri] = n.hop
            parent[n.other.iri] = src.iri
        s, o = (src.iri, n.other.iri) if n.direction == "out" else (n.other.iri, src.iri)
        by_fact.setdefault((s, n.predicate, o), n)
    shown = set(ref)
    triples = set(by_fact) | _links_among(store, shown)
    degree = _degrees(store, shown)
    top = max((degree[i] for i in shown if i != entity.iri), default=1) or 1
    size, font = {}, {}
    for iri in shown:
        if iri == entity.iri:
            size[iri], font[iri] = FOCUS
            continue
        (r0, f0), (r1, f1) = NEAR if hop[iri] == 1 else FAR
        share = math.sqrt(degree[iri] / top)
        size[iri], font[iri] = r0 + (r1 - r0) * share, f0 + (f1 - f0) * share
    items = {i: item(size[i], text_width(ref[i].name, font[i]), font[i]) for i in shown}
    boxes = {i: it.box for i, it in items.items()}
    near = sorted((i for i in shown if hop[i] == 1), key=lambda i: _ring_order(i, entity.iri, by_fact, ref))
    pos = {entity.iri: (0.0, 0.0)}
    pos.update(_rings(near, boxes, items[entity.iri].bottom + 2.5 * max((b[2] for b in boxes.values()), default=0.0)))
    for h in range(2, depth + 1):
        # each entity a hop further out goes on a ring beyond the others, beside the one it hangs from
        reach = max(math.hypot(x, y) + max(boxes[i]) for i, (x, y) in pos.items()) + 2 * PAD
        kids: dict[str, list[str]] = {}
        for iri in sorted((i for i in shown if hop[i] == h), key=lambda i: ref[i].name.casefold()):
            kids.setdefault(parent[iri], []).append(iri)
        for par, ks in sorted(kids.items()):
            ring = reach + max(max(boxes[k]) for k in ks)
            widths = [(2 * boxes[k][0] + PAD) / ring for k in ks]
            angle = math.atan2(pos[par][0], -pos[par][1]) - sum(widths) / 2
            for k, w in zip(ks, widths):
                angle += w / 2
                pos[k] = (ring * math.sin(angle), -ring * math.cos(angle))
                angle += w / 2
    order = sorted(shown)
    xs, ys = separate([pos[i][0] for i in order], [pos[i][1] for i in order], [boxes[i] for i in order],
                      pinned=frozenset({order.index(entity.iri)}))
    pos = {i: (round(x, 1), round(y, 1)) for i, x, y in zip(order, xs, ys)}
    nodes = []
    for iri in order:
        color, shape, _ = TYPE_STYLE.get(ref[iri].type, OTHER_STYLE)
        x, y = pos[iri]
        b = boxes[iri]
        nodes.append({"id": iri, "label": ref[iri].name, "shape": shape, "color": color, "group": ref[iri].type,
                      "x": x, "y": y, "size": round(size[iri], 2),
                      "font": {"size": round(font[iri], 2), "vadjust": round(-LIFT * font[iri], 2)},
                      "box": [round(b[0], 1), round(b[1], 1), round(b[2], 1)], "focus": iri == entity.iri,
                      "title": f"{ref[iri].name} ({ref[iri].type})\n{degree[iri]} fact{'s' if degree[iri] != 1 else ''}"
                               + ("" if iri == entity.iri else "\ndouble-click: its page" if links else "")})
    edges = [{"id": f"e{k}", "from": s, "to": o, "label": p, "title": _fact_tip(ref[s].name, p, ref[o].name, by_fact.get((s, p, o))),
              "width": 2 if entity.iri in (s, o) else 1}
             for k, (s, p, o) in enumerate(sorted(triples))]
    ext = (min(x - boxes[i][0] for i, (x, _) in pos.items()), min(y - boxes[i][1] for i, (_, y) in pos.items()),
           max(x + boxes[i][0] for i, (x, _) in pos.items()), max(y + boxes[i][2] for i, (_, y) in pos.items()))
    kinds = sorted({ref[i].type for i in shown}, key=type_order)
    rounds = [r for r in read_rounds(store) if entity.iri == r.company[0] or entity.iri in {i for i, _ in r.investors}]
    return {
        "nodes": nodes, "edges": edges,
        "count": f"{len(shown) - 1} entit{'y' if len(shown) == 2 else 'ies'} within {depth} hop{'s' if depth > 1 else ''}, "
                 f"{len(triples)} fact{'s' if len(triples) != 1 else ''}",
        "names": [[i, ref[i].name, [], ref[i].type, True] for i in sorted(shown, key=lambda i: (hop[i], -degree[i], ref[i].name))],
        "types": [{"type": t, "color": TYPE_STYLE.get(t, OTHER_STYLE)[0], "glyph": TYPE_STYLE.get(t, OTHER_STYLE)[2],
                   "count": sum(1 for i in shown if ref[i].type == t)} for t in kinds],
        "clusters": [], "extent": [round(v, 1) for v in ext], "max_scale": MAX_SCALE,
        "top_font": round(min((font[i] for i in shown if hop[i] <= 1), default=10.0), 2),
        "options": _page_options(),
        "focus": entity.iri, "links": links,
        "card": _card_json(c, facts, rounds, links),
    }


def _page_options() -> dict:
    o = options(big=False)
    o["edges"]["font"]["size"] = EDGE_FONT
    return o


def _ring_order(iri: str, focus: str, by_fact: dict, ref: dict) -> tuple:
    """Neighbours around the ring grouped by how they relate to the focus, then by type and name."""
    rel = sorted(p for (s, p, o) in by_fact if focus in (s, o) and iri in (s, o))
    return (rel[0] if rel else "~", type_order(ref[iri].type), ref[iri].name.casefold(), iri)


def _card_json(c: Card, facts: list[Neighbor], rounds: list, links: bool) -> dict:
    color = TYPE_STYLE.get(c.entity.type, OTHER_STYLE)[0]
    own = [n for n in facts if n.hop == 1]
    return {
        "name": c.entity.name, "type": c.entity.type, "color": color, "aliases": list(c.aliases),
        "degree": c.degree, "rank": c.rank, "ranked": c.ranked, "links": links,
        "facts": [{"predicate": n.predicate, "direction": n.direction, "other": n.other.name, "other_type": n.other.type,
                   "href": entity_href(n.other.name) if links else None, "id": n.other.iri,
                   "confidence": n.confidence, "support": n.support, "quantities": quantities(n.evidence),
                   "sources": [{"document": s.document, "title": s.title, "sentence": s.sentence, "text": s.text}
                               for s in n.evidence[:SOURCES_SHOWN]],
                   "more": max(0, len(n.evidence) - SOURCES_SHOWN)} for n in own],
        "rounds": [{"company": r.company[1], "investors": [i[1] for i in r.investors], "amount": r.stated,
                    "normalised": f"{r.amount:,.0f} {r.currency or ''}".strip() if r.amount is not None else None,
                    "date": r.date, "reported": r.when[0] if not r.when[1] else None,
                    "sources": [{"document": s.document, "sentence": s.sentence, "text": s.text} for s in r.evidence[:2]]}
                   for r in rounds],
        "documents": [{"label": d.label, "title": d.title, "date": d.date} for d in c.documents],
    }


def entity_page(store: Store, name: str, depth: int = 1, links: bool = False) -> tuple[EntityRef, dict, str]:
    """(entity, data, page) of the entity `name` (any alias, as `find_entity` reads it)."""
    entity = find_entity(store, name)
    data = entity_data(store, entity, depth, links)
    return entity, data, render_page(data, f"aigraph: {entity.name}")


def write_entity_page(store: Store, name: str, path: str | Path | None = None, depth: int = 1) -> tuple[Path, dict]:
    """Write the page of the entity `name` (default file: <name>.html in the current folder)."""
    entity, data, page = entity_page(store, name, depth)
    target = Path(path) if path is not None else Path(f"{safe_filename(entity.name)}.html")
    with atomic_write(target) as fh:
        fh.write(page)
    return target, data
