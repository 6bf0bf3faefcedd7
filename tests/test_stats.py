"""`aigraph stats`: exact counts on a tiny graph with a known answer."""

from __future__ import annotations

import json

from click.testing import CliRunner

from aigraph.cli import cli
from aigraph.graph.rdf import build_quads
from aigraph.graph.store import open_store, write_store
from aigraph.model import Document, Entity, Evidence, Fact, Linked, Quantity, Sentence
from aigraph.query.stats import stats


def _graph(tmp_path):
    docs = [Document("a.txt", "a.txt", "", "aa" * 32), Document("b.txt", "b.txt", "", "bb" * 32)]

    def sent(doc, i):
        return Sentence(doc, i, f"sentence {i}", ((10 * i, 10 * i + 9),))

    money = Quantity("1亿美元", "100000000", "USD")
    linked = Linked(
        entities=(Entity("Acme", "Company", frozenset({"艾克米"})), Entity("Fund", "Investor"),
                  Entity("RoboLM", "Model"), Entity("Zed", "Person")),
        evidence=(
            Evidence(Fact("RoboLM", "developedBy", "Acme", 0.9), sent("a.txt", 0)),
            Evidence(Fact("RoboLM", "developedBy", "Acme", 0.7), sent("b.txt", 1)),
            Evidence(Fact("Fund", "investedIn", "Acme", 0.8, amount=money), sent("a.txt", 2)),
            Evidence(Fact("Zed", "founderOf", "Acme", 0.6), sent("b.txt", 3)),
        ),
        mentions=(("Acme", "a.txt", "Acme"), ("Acme", "b.txt", "艾克米")),
    )
    write_store(build_quads(docs, linked), tmp_path)
    return tmp_path


def test_counts_on_a_tiny_graph(tmp_path):
    s = stats(open_store(_graph(tmp_path))).as_dict()
    assert s["documents"] == 2
    assert s["entities"] == {"total": 4, "by_type": {"Company": 1, "Investor": 1, "Model": 1, "Chip": 0, "Product": 0,
                                                     "Person": 1, "Trend": 0}}
    assert s["facts"]["total"] == 3 and s["facts"]["with_evidence"] == 3 and s["facts"]["multi_sentence"] == 1
    assert s["facts"]["by_predicate"]["developedBy"] == 1 and s["facts"]["by_predicate"]["investedIn"] == 1
    assert s["evidence_sentences"] == 4 and s["funding_rounds"] == 1


def test_stats_command_table_and_json(tmp_path):
    g = _graph(tmp_path)
    r = CliRunner().invoke(cli, ["stats", "--graph", str(g)])
    lines = r.output.splitlines()
    assert r.exit_code == 0
    assert lines[:3] == ["documents                           2", "entities                            4",
                         "  Company                           1"]
    assert "facts stated by 2+ sentences        1" in lines and "funding rounds                      1" in lines
    data = json.loads(CliRunner().invoke(cli, ["stats", "--json", "--graph", str(g)]).output)
    assert data["facts"]["total"] == 3 and data["triples"] > 0
