"""NetworkX view of the store: same nodes and edges as the RDF graph."""

from __future__ import annotations

from aigraph.graph.store import open_store, run
from aigraph.views.netgraph import to_networkx


def test_networkx_graph_matches_the_store(session_graph):
    store = open_store(session_graph)
    g = to_networkx(store)
    n_facts = next(iter(run(store, "SELECT (COUNT(*) AS ?n) WHERE { ?f a aig:Fact }")))["n"].value
    assert g.number_of_edges() == int(n_facts)
    ds = "https://aigraph.dev/id/DeepSeek"
    assert g.nodes[ds]["type"] == "Company"
    assert any(d["predicate"] == "developedBy" for _, _, d in g.in_edges(ds, data=True))
