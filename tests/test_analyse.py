"""Network analyses: tiny graphs with known answers, determinism, the files, the command."""

from __future__ import annotations

import csv
import json
import random

import networkx as nx
import pytest
from click.testing import CliRunner

from aigraph.cli import cli
from aigraph.graph.store import open_store
from aigraph.views import metrics as analyse_module
from aigraph.views.metrics import measure, node_metrics, trend_pairs, write_analysis
from aigraph.views.netgraph import to_networkx


def tiny(facts, types, documents=None, order=None):
    """A graph shaped like `netgraph.to_networkx` output: nodes named by label, typed; facts (s, p, o)."""
    g = nx.MultiDiGraph()
    for name in order or sorted(types):
        g.add_node(name, label=name, type=types[name], aliases=[], documents=sorted((documents or {}).get(name, [])))
    for s, p, o in facts:
        g.add_edge(s, o, key=p, predicate=p, confidence=0.8, support=1)
    return g


STAR = tiny([(leaf, "developedBy", "Hub") for leaf in "ABCD"],
            {"Hub": "Company", "A": "Model", "B": "Model", "C": "Product", "D": "Chip"})


def test_star_centre_is_the_most_central():
    m = node_metrics(STAR)
    assert m["Hub"].pagerank == max(x.pagerank for x in m.values())
    assert m["Hub"].betweenness == pytest.approx(1.0)  # every leaf-to-leaf path goes through the hub
    assert all(m[leaf].betweenness == 0 for leaf in "ABCD")
    assert m["Hub"].degree == m["Hub"].in_degree == 4 and m["A"].out_degree == 1
    assert sum(x.pagerank for x in m.values()) == pytest.approx(1.0)


def test_betweenness_matches_networkx_on_a_path():
    g = tiny([("a", "partnerOf", "b"), ("b", "partnerOf", "c"), ("c", "partnerOf", "d")],
             {k: "Company" for k in "abcd"})
    m = node_metrics(g)
    expected = nx.betweenness_centrality(nx.path_graph(["a", "b", "c", "d"]))
    assert {k: m[k].betweenness for k in "abcd"} == pytest.approx(expected)


TWO_TRIANGLES = tiny(
    [("a", "partnerOf", "b"), ("b", "partnerOf", "c"), ("c", "partnerOf", "a"),
     ("x", "competesWith", "y"), ("y", "competesWith", "z"), ("z", "competesWith", "x"),
     ("c", "investedIn", "x")],
    {**{k: "Company" for k in "abcxyz"}, "lonely": "Trend"})


def test_communities_cores_and_components():
    m = node_metrics(TWO_TRIANGLES)
    assert m["a"].community == m["b"].community == m["c"].community
    assert m["x"].community == m["y"].community == m["z"].community
    assert m["a"].community != m["x"].community
    assert {m[k].core for k in "abcxyz"} == {2} and m["lonely"].core == 0
    assert {m[k].component for k in "abcxyz"} == {0} and m["lonely"].component == 1
    assert m["c"].betweenness > m["a"].betweenness  # the bridge ends carry the paths across


def test_report_statistics():
    r = measure(TWO_TRIANGLES, top=3).report
    assert r["summary"] | {"betweenness": None} == {
        "entities": 7, "facts": 7, "density": round(7 / 42, 8), "components": 2, "largest_component": 6,
        "isolated": 1, "communities": 2, "max_core": 2, "betweenness": None}
    assert r["types"] == [{"type": "Company", "entities": 6, "facts": 14, "isolated": 0},
                          {"type": "Trend", "entities": 1, "facts": 0, "isolated": 1}]
    assert [(p["predicate"], p["facts"]) for p in r["predicates"]] == [
        ("competesWith", 3), ("partnerOf", 3), ("investedIn", 1)]
    assert r["predicates"][0]["type_pairs"] == {"Company -> Company": 3}
    assert [e["name"] for e in r["top"]][:2] == ["c", "x"]  # the bridge ends
    assert len(r["top"]) == 3 and list(r["top_by_type"]) == ["Company", "Trend"]
    assert r["core"]["k"] == 2 and r["core"]["members"] == list("abcxyz")
    assert [c["size"] for c in r["communities"]] == [3, 3]


def test_trend_pairs_by_shared_entities_and_documents():
    g = tiny([("Agent", "relatedTo", "M1"), ("MoE", "relatedTo", "M1"), ("M2", "relatedTo", "Agent"),
              ("M2", "relatedTo", "MoE"), ("M2", "relatedTo", "RL")],
             {"Agent": "Trend", "MoE": "Trend", "RL": "Trend", "Edge AI": "Trend", "M1": "Model", "M2": "Model"},
             documents={"Agent": ["d1", "d2"], "Edge AI": ["d1", "d2"], "MoE": ["d2"]})
    pairs = {(p["a"], p["b"]): p for p in trend_pairs(g)}
    assert pairs[("Agent", "MoE")]["entities"] == 2 and sorted(pairs[("Agent", "MoE")]["via"]) == ["M1", "M2"]
    assert pairs[("Agent", "RL")]["entities"] == 1 and pairs[("MoE", "RL")]["via"] == ["M2"]
    assert pairs[("Agent", "Edge AI")] == {"a": "Agent", "b": "Edge AI", "entities": 0, "documents": 2, "via": []}
    assert pairs[("Agent", "MoE")]["documents"] == 1
    assert trend_pairs(g)[0]["a"] == "Agent" and trend_pairs(g)[0]["b"] == "MoE"  # most frequent first


def test_same_graph_in_any_order_gives_the_same_report():
    facts = [(f"n{i}", "partnerOf", f"n{(i * 7 + 3) % 40}") for i in range(40)] + \
            [(f"n{i}", "developedBy", f"n{(i * 5 + 1) % 40}") for i in range(0, 40, 3)]
    types = {f"n{i}": ("Company", "Model", "Trend")[i % 3] for i in range(40)}
    order = sorted(types)
    random.Random(1).shuffle(order)
    shuffled = facts[:]
    random.Random(2).shuffle(shuffled)
    a, b = measure(tiny(facts, types)), measure(tiny(shuffled, types, order=order))
    assert a.report == b.report
    assert a.metrics == b.metrics


def test_large_graphs_get_sampled_betweenness(monkeypatch):
    monkeypatch.setattr(analyse_module, "EXACT_BETWEENNESS", 50)
    monkeypatch.setattr(analyse_module, "SAMPLES", 40)
    g = tiny([(f"leaf{i}", "developedBy", "hub") for i in range(300)],
             {"hub": "Company", **{f"leaf{i}": "Model" for i in range(300)}})
    m = node_metrics(g)
    assert m["hub"].betweenness == pytest.approx(1.0, abs=0.05)
    assert measure(g).report["summary"]["betweenness"] == "sampled from 40 sources"


def test_progress_hears_each_step_and_the_result_is_the_same():
    heard: list[tuple[str, int, int]] = []
    with_steps = measure(STAR, progress=lambda stage, done, total: heard.append((stage, done, total)))
    assert heard == [("analyse", 0, 3), ("analyse", 1, 3), ("analyse", 2, 3), ("analyse", 3, 3)]
    assert with_steps == measure(STAR)


def test_empty_graph():
    assert node_metrics(nx.MultiDiGraph()) == {}
    assert measure(nx.MultiDiGraph()).report["summary"]["entities"] == 0


def test_files_hold_the_report_and_every_entity(tmp_path):
    result = measure(TWO_TRIANGLES)
    files = write_analysis(TWO_TRIANGLES, result, tmp_path)
    assert [f.name for f in files] == ["analysis.json", "analysis_entities.csv", "analysis_trend_pairs.csv"]
    assert json.loads((tmp_path / "analysis.json").read_text("utf-8")) == result.report
    rows = list(csv.DictReader((tmp_path / "analysis_entities.csv").open(encoding="utf-8")))
    assert [r["iri"] for r in rows] == sorted(TWO_TRIANGLES.nodes)
    assert {r["iri"]: int(r["core"]) for r in rows}["lonely"] == 0


def test_build_leaves_the_analysis_of_its_graph(session_graph):
    g = to_networkx(open_store(session_graph))
    saved = json.loads((session_graph / "analysis.json").read_text("utf-8"))
    assert saved == measure(g).report
    assert saved["summary"]["entities"] == g.number_of_nodes()
    ds = "https://aigraph.dev/id/DeepSeek"
    rows = {r["iri"]: r for r in csv.DictReader((session_graph / "analysis_entities.csv").open(encoding="utf-8"))}
    assert rows[ds]["component"] == rows["https://aigraph.dev/id/DeepSeek-R1"]["component"]


def test_analyse_command(session_graph, tmp_path):
    runner = CliRunner()
    r = runner.invoke(cli, ["analyse", "--graph", str(session_graph), "--out", str(tmp_path), "--top", "3"])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0].startswith(f"{to_networkx(open_store(session_graph)).number_of_nodes()} entities, ")
    for title in ("By type", "By relation", "Most central entities", "Most central by type", "Communities (Leiden)",
                  "Trends that occur together"):
        assert title in lines
    assert (tmp_path / "analysis.json").is_file() and (tmp_path / "graph.svg").is_file()
    js = json.loads(runner.invoke(cli, ["analyse", "--graph", str(session_graph), "--out", str(tmp_path),
                                        "--top", "3", "--json"]).output)
    assert len(js["top"]) == 3 and js == json.loads((tmp_path / "analysis.json").read_text("utf-8"))
    quiet = runner.invoke(cli, ["analyse", "--graph", str(session_graph), "--out", str(tmp_path), "-q"])
    assert quiet.exit_code == 0 and quiet.output == ""
