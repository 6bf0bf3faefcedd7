"""Shortest connections: relations and directions on every hop, ties sorted, the command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from aigraph.cli import cli
from aigraph.errors import AigraphError
from aigraph.graph.store import open_store
from aigraph.query.lookup import find_entity
from aigraph.views.metrics import node_metrics
from aigraph.views.netgraph import to_networkx
from aigraph.views.paths import Hop, shortest_paths

from .test_analyse import tiny

G = tiny([("R1", "developedBy", "DeepSeek"), ("HighFlyer", "investedIn", "DeepSeek"),
          ("DeepSeek", "competesWith", "OpenAI"), ("o1", "developedBy", "OpenAI"), ("R1", "competesWith", "o1"),
          ("o1", "competesWith", "R1"), ("Alone", "relatedTo", "Alone2")],
         {"R1": "Model", "DeepSeek": "Company", "HighFlyer": "Investor", "OpenAI": "Company", "o1": "Model",
          "Alone": "Trend", "Alone2": "Trend"})


def test_each_hop_has_its_relation_and_direction():
    assert shortest_paths(G, "R1", "HighFlyer") == [(
        Hop("R1", "DeepSeek", (("developedBy", "out"),)),
        Hop("DeepSeek", "HighFlyer", (("investedIn", "in"),)),
    )]


def test_every_fact_between_two_entities_is_shown_both_ways():
    (path,) = shortest_paths(G, "o1", "R1")
    assert path == (Hop("o1", "R1", (("competesWith", "in"), ("competesWith", "out"))),)


def test_ties_sorted_by_names_and_limited():
    paths = shortest_paths(G, "R1", "OpenAI")
    assert [[h.target for h in p] for p in paths] == [["DeepSeek", "OpenAI"], ["o1", "OpenAI"]]
    assert len(shortest_paths(G, "R1", "OpenAI", limit=1)) == 1


def test_no_connection_and_same_entity():
    assert shortest_paths(G, "R1", "Alone") == []
    with pytest.raises(AigraphError, match="same entity"):
        shortest_paths(G, "R1", "R1")


def test_path_command_exact_output(session_graph):
    r = CliRunner().invoke(cli, ["path", "DeepSeek-R1", "deepseek", "--graph", str(session_graph)])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[:4] == [
        "1 shortest connection of 1 hop between DeepSeek-R1 (Model) and DeepSeek (Company)",
        "",
        "1. DeepSeek-R1 (Model)",
        "   -[developedBy]-> DeepSeek (Company)",
    ]
    back = CliRunner().invoke(cli, ["path", "DeepSeek", "DeepSeek-R1", "--json", "--graph", str(session_graph)])
    data = json.loads(back.output)
    assert data["hops"] == 1 and data["from"]["name"] == "DeepSeek"
    assert {"predicate": "developedBy", "direction": "in"} in data["paths"][0][0]["relations"]


def test_path_command_between_unconnected_entities(session_graph):
    store = open_store(session_graph)
    g = to_networkx(store)
    m = node_metrics(g, betweenness=False)
    ds = "https://aigraph.dev/id/DeepSeek"

    def named(iri: str) -> bool:
        try:
            return find_entity(store, g.nodes[iri]["label"]).iri == iri
        except AigraphError:
            return False

    other = next(i for i in sorted(m) if m[i].component != m[ds].component and named(i))
    name = g.nodes[other]["label"]
    r = CliRunner().invoke(cli, ["path", "DeepSeek", name, "--graph", str(session_graph)])
    assert r.exit_code == 0, r.output
    assert r.output == f"No connection between DeepSeek (Company) and {name} ({g.nodes[other]['type']}).\n"
    unknown = CliRunner().invoke(cli, ["path", "DeepSeek", "DeepSeak-R9", "--graph", str(session_graph)])
    assert unknown.exit_code == 1 and "No entity named 'DeepSeak-R9'" in unknown.output
