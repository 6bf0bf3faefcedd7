"""The shipped SPARQL queries: each one runs, and gives the known answers on the tiny graph."""

from __future__ import annotations

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store

from aigraph.errors import AigraphError
from aigraph.graph.store import open_store
from aigraph.query.shipped import named_query, shipped
from aigraph.query.sparql import as_python, execute
from aigraph.vocab import AIG_NS, ENT

from .tinygraph import write_tiny_graph

RDFS = "http://www.w3.org/2000/01/rdf-schema#"
REQUIRED = {"models-developers", "funding-rounds", "model-chips", "company-portfolio", "trends", "facts-evidence"}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return open_store(write_tiny_graph(tmp_path_factory.mktemp("tiny")))


def rows(store, name):
    return [{k: v or "" for k, v in r.items()} for r in as_python(execute(store, named_query(name)))]


def test_the_required_queries_are_shipped_with_descriptions():
    assert REQUIRED <= set(shipped())
    assert all(about for about, _ in shipped().values())


def test_unknown_query_name_lists_the_shipped_ones():
    with pytest.raises(AigraphError, match="No shipped query named 'nope'.*models-developers"):
        named_query("nope")


@pytest.mark.parametrize("name", sorted(shipped()))
def test_each_query_runs_on_the_seed_graph(session_graph, name):
    result = execute(open_store(session_graph), named_query(name))
    names = [v.value for v in result.variables]
    assert names and all(len(r) == len(names) for r in as_python(result)), name


def test_models_and_developers(tiny, session_graph):
    got = [(r["modelName"], r["developerName"]) for r in rows(tiny, "models-developers")]
    assert got == [("Atlas-1", "Atlas Robotics"), ("Zeta-2", "Zeta Labs")]
    seed = [(r["modelName"], r["developerName"]) for r in rows(open_store(session_graph), "models-developers")]
    assert ("DeepSeek-R1", "DeepSeek") in seed


def test_funding_rounds_with_amounts_and_dates(tiny):
    assert rows(tiny, "funding-rounds") == [{
        "companyName": "Atlas Robotics", "investors": "Beacon Capital", "amount": "50000000", "currency": "USD",
        "valuation": "", "date": "2024-03", "amountText": "$50 million", "valuationText": "",
        "dateText": "March 2024", "documents": "news.txt"}]


def test_funding_round_events_one_row_each(tmp_path):
    # two rounds of one company, one with two investors and no sentence, one with no investor named
    store = Store(str(tmp_path / "s"))
    g = DefaultGraph()
    r1, r2 = NamedNode("https://aigraph.dev/fact/round-1"), NamedNode("https://aigraph.dev/fact/round-2")
    ent = {n: NamedNode(ENT + n) for n in ("Nova", "Fund_One", "Fund_Two")}
    a, label = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NamedNode(RDFS + "label")
    store.extend([
        Quad(r1, a, NamedNode(AIG_NS + "FundingRound"), g), Quad(r1, NamedNode(AIG_NS + "investee"), ent["Nova"], g),
        Quad(r1, NamedNode(AIG_NS + "investor"), ent["Fund_One"], g),
        Quad(r1, NamedNode(AIG_NS + "investor"), ent["Fund_Two"], g),
        Quad(r1, NamedNode(AIG_NS + "amount"), Literal("100000000"), g), Quad(r1, NamedNode(AIG_NS + "date"), Literal("2025-01"), g),
        Quad(r2, a, NamedNode(AIG_NS + "FundingRound"), g), Quad(r2, NamedNode(AIG_NS + "investee"), ent["Nova"], g),
        Quad(r2, NamedNode(AIG_NS + "date"), Literal("2025-06"), g),
        Quad(ent["Nova"], label, Literal("Nova", language="en"), g),
        Quad(ent["Fund_One"], label, Literal("Fund One", language="en"), g),
        Quad(ent["Fund_Two"], label, Literal("Fund Two", language="en"), g),
    ])
    got = [(r["companyName"], sorted(r["investors"].split(", ")), r["amount"], r["date"])
           for r in rows(store, "funding-rounds")]
    assert got == [("Nova", ["Fund One", "Fund Two"], "100000000", "2025-01"), ("Nova", [""], "", "2025-06")]


def test_funding_rounds_of_a_graph_without_events(tmp_path):
    # a graph built before rounds were events: the investedIn sentences stand in for them
    from .tinygraph import write_tiny_graph

    graph = write_tiny_graph(tmp_path / "g")
    store = Store(str(graph / "store"))
    rnd = NamedNode(AIG_NS + "FundingRound")
    for r in [q.subject for q in store.quads_for_pattern(None, None, rnd)]:
        for q in list(store.quads_for_pattern(r, None, None)):
            store.remove(q)
    assert list(store.quads_for_pattern(None, None, rnd)) == []
    (row,) = rows(store, "funding-rounds")
    assert (row["companyName"], row["investors"], row["amountText"], row["dateText"], row["documents"]) == \
        ("Atlas Robotics", "Beacon Capital", "$50 million", "March 2024", "news.txt")


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
