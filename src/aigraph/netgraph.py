"""The graph as NetworkX: entities as nodes, facts as edges, read from the store (no second copy)."""

from __future__ import annotations

from pyoxigraph import Store

from .views import graph_data


def to_networkx(store: Store):
    """A MultiDiGraph: node = entity IRI (label, type, aliases), edge = fact (predicate, confidence)."""
    import networkx as nx

    nodes, edges = graph_data(store)
    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(n.iri, label=n.label, type=n.type, aliases=list(n.aliases))
    for e in edges:
        g.add_edge(e.source, e.target, key=e.predicate, predicate=e.predicate,
                   confidence=e.confidence if e.confidence is not None else 1.0)
    return g
