"""The shipped SPARQL queries: each one runs, and gives the known answers on the tiny graph."""

from __future__ import annotations

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store

from aigraph.errors import AigraphError
from aigraph.named_queries import named_query, shipped
from aigraph.prefixes import AIG, ENT
from aigraph.query import sparql
from aigraph.store import open_store

from .tinygraph import write_tiny_graph

REQUIRED = {"models-developers", "funding-rounds", "model-chips", "company-portfolio", "trends", "facts-evidence"}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return open_store(write_tiny_graph(tmp_path_factory.mktemp("tiny")))


def rows(store, name):
    names, table = sparql(store, named_query(name))
    return [dict(zip(names, r)) for r in table]


def test_the_required_queries_are_shipped_with_descriptions():
    assert REQUIRED <= set(shipped())
    assert all(about for about, _ in shipped().values())


def test_unknown_query_name_lists_the_shipped_ones():
    with pytest.raises(AigraphError, match="No shipped query named 'nope'.*models-developers"):
        named_query("nope")


@pytest.mark.parametrize("name", sorted(shipped()))
def test_each_query_runs_on_the_seed_graph(session_graph, name):
    names, table = sparql(open_store(session_graph), named_query(name))
    assert names and all(len(r) == len(names) for r in table), name


def test_models_and_developers(tiny, session_graph):
    got = [(r["modelName"], r["developerName"]) for r in rows(tiny, "models-developers")]
    assert got == [("Atlas-1", "Atlas Robotics"), ("Zeta-2", "Zeta Labs")]
    seed = [(r["modelName"], r["developerName"]) for r in rows(open_store(session_graph), "models-developers")]
    assert ("DeepSeek-R1", "DeepSeek") in seed


def test_funding_rounds_with_amounts_and_dates(tiny):
    assert rows(tiny, "funding-rounds") == [{
        "investorName": "Beacon Capital", "companyName": "Atlas Robotics", "amountText": "$50 million",
        "amount": "50000000", "currency": "USD", "valuationText": "", "valuation": "", "dateText": "March 2024",
        "date": "2024-03", "document": "news.txt"}]


def test_funding_round_events_are_listed_too(tmp_path):
    # the shape an aig:FundingRound event may take: investee, investor, amount and date on the round
    store = Store(str(tmp_path / "s"))
    g, rnd, rnd2 = DefaultGraph(), NamedNode("https://aigraph.dev/round/1"), NamedNode("https://aigraph.dev/round/2")
    ent = {n: NamedNode(ENT + n) for n in ("Nova", "Fund_One")}
    rdfs_label = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    store.extend([
        Quad(rnd, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NamedNode(AIG + "FundingRound"), g),
        Quad(rnd, NamedNode(AIG + "investee"), ent["Nova"], g),
        Quad(rnd, NamedNode(AIG + "investor"), ent["Fund_One"], g),
        Quad(rnd2, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NamedNode(AIG + "FundingRound"), g),
        Quad(rnd2, NamedNode(AIG + "investee"), ent["Nova"], g),
        Quad(rnd2, NamedNode(AIG + "date"), Literal("2025-06"), g),
        Quad(rnd, NamedNode(AIG + "amountText"), Literal("1亿元"), g),
        Quad(rnd, NamedNode(AIG + "date"), Literal("2025-01"), g),
        Quad(ent["Nova"], rdfs_label, Literal("Nova", language="en"), g),
        Quad(ent["Fund_One"], rdfs_label, Literal("Fund One", language="en"), g),
    ])
    got = [(r["investorName"], r["companyName"], r["amountText"], r["date"]) for r in rows(store, "funding-rounds")]
    assert got == [("Fund One", "Nova", "1亿元", "2025-01"), ("", "Nova", "", "2025-06")]  # no investor named


def test_chips_used_to_train_or_run(tiny):
    got = [(r["userName"], r["use"], r["chipName"]) for r in rows(tiny, "model-chips")]
    assert got == [("Atlas-1", "trained on", "H200"), ("Helio", "runs on", "H200")]


def test_company_portfolio(tiny):
    got = [(r["companyName"], r["kind"], r["count"], r["names"]) for r in rows(tiny, "company-portfolio")]
    assert got == [("Atlas Robotics", "models", "1", "Atlas-1"), ("Atlas Robotics", "products", "1", "Helio"),
                   ("Zeta Labs", "models", "1", "Zeta-2")]


def test_trends_by_linked_entities(tiny):
    (row,) = rows(tiny, "trends")
    assert (row["trendName"], row["linked"]) == ("Robotics", "2")
    assert sorted(row["entities"].split(", ")) == ["Atlas-1", "Zeta-2"]


def test_facts_with_evidence(tiny):
    got = rows(tiny, "facts-evidence")
    assert len(got) == 9
    invest = next(r for r in got if r["predicate"] == "investedIn")
    assert (invest["subjectName"], invest["objectName"], invest["document"], invest["sentence"]) == (
        "Beacon Capital", "Atlas Robotics", "news.txt",
        "In March 2024 Beacon Capital invested $50 million in Atlas Robotics.")
    assert int(invest["end"]) - int(invest["start"]) == len(invest["sentence"])
