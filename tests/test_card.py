"""Entity cards on a tiny graph with known answers, and on the seed graph."""

from __future__ import annotations

import pytest

from aigraph.graph.store import open_store
from aigraph.query.card import card, centrality, quantities
from aigraph.query.lookup import find_entity

from .tinygraph import write_tiny_graph


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return open_store(write_tiny_graph(tmp_path_factory.mktemp("tiny")))


def test_card_of_the_most_connected_entity(tiny):
    c = card(tiny, find_entity(tiny, "atlas robotics"))
    assert c.entity.name == "Atlas Robotics" and c.entity.type == "Company"
    assert c.aliases == ("Atlas", "阿特拉斯机器人")
    assert (c.degree, c.rank, c.ranked) == (4, 1, 8)
    assert [(f.predicate, f.other.name) for f in c.facts] == [
        ("competesWith", "Zeta Labs"), ("developedBy", "Atlas-1"), ("developedBy", "Helio"),
        ("investedIn", "Beacon Capital")]
    assert [(d.label, d.title, d.date) for d in c.documents] == [
        ("news.txt", "About news.txt", "2024-04-01"), ("report.txt", "About report.txt", "2024-04-01")]


def test_amounts_and_dates_of_a_fact(tiny):
    c = card(tiny, find_entity(tiny, "Beacon Capital"))
    (fact,) = c.facts
    assert quantities(fact.evidence) == ["amount $50 million (50000000 USD)", "date March 2024 (2024-03)"]


def test_ties_share_a_rank(tiny):
    # degrees: Atlas Robotics 4, Atlas-1 3, then H200, Helio, Robotics, Zeta Labs, Zeta-2 with 2, Beacon 1
    assert centrality(tiny, find_entity(tiny, "Atlas-1").iri) == (3, 2)
    assert centrality(tiny, find_entity(tiny, "Zeta-2").iri) == (2, 3)
    assert centrality(tiny, find_entity(tiny, "H200").iri) == (2, 3)
    assert centrality(tiny, find_entity(tiny, "Beacon Capital").iri) == (1, 8)


def test_card_on_the_seed_graph(session_graph):
    store = open_store(session_graph)
    c = card(store, find_entity(store, "DeepSeek-R1"))
    assert c.entity.type == "Model"
    assert ("developedBy", "DeepSeek") in [(f.predicate, f.other.name) for f in c.facts]
    assert c.degree == len(c.facts) and 1 <= c.rank <= c.ranked
    assert [d.label for d in c.documents] == ["003_066453869a5c638a.txt"]
