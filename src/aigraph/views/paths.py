"""Shortest connections between two entities, with the relation and its direction on every hop."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from aigraph.errors import AigraphError

SCAN = 2000
"""Shortest paths looked at before sorting (hubs can make millions; the first ones are enough)."""


@dataclass(frozen=True)
class Hop:
    """One step of a path: from one entity to the next, and every fact linking the two."""

    source: str
    """IRI of the entity the step leaves."""
    target: str
    """IRI of the entity the step reaches."""
    relations: tuple[tuple[str, str], ...]
    """(predicate, direction): `out` when the fact reads source -> target, `in` when target -> source."""


def shortest_paths(g, a: str, b: str, limit: int = 5) -> list[tuple[Hop, ...]]:
    """Up to `limit` shortest paths from `a` to `b` in a graph from `netgraph.to_networkx`, whatever the
    direction of the facts, sorted by the names along the way. No path: an empty list."""
    import networkx as nx

    from aigraph.views.netgraph import undirected

    if a == b:
        raise AigraphError("Both names mean the same entity: give two different entities.")
    u = undirected(g)
    try:
        found = list(islice(nx.all_shortest_paths(u, a, b), SCAN))
    except nx.NetworkXNoPath:
        return []
    name = lambda iri: (g.nodes[iri].get("label", iri).casefold(), iri)  # noqa: E731
    found.sort(key=lambda p: [name(n) for n in p])
    return [tuple(_hop(g, s, t) for s, t in zip(p, p[1:])) for p in found[:limit]]


def _hop(g, s: str, t: str) -> Hop:
    rels = {(d["predicate"], "out") for d in g.get_edge_data(s, t, default={}).values()}
    rels |= {(d["predicate"], "in") for d in g.get_edge_data(t, s, default={}).values()}
    return Hop(s, t, tuple(sorted(rels)))
