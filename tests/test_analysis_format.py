"""The text and JSON of `measure` and `path`, on tiny graphs with known answers."""

from __future__ import annotations

from aigraph.query.lookup import EntityRef
from aigraph.views.metrics import measure
from aigraph.views.paths import shortest_paths
from aigraph.views.text import analysis_text, paths_json, paths_text

from .test_analyse import STAR, tiny

G = tiny([("R1", "developedBy", "DeepSeek"), ("HighFlyer", "investedIn", "DeepSeek"),
          ("R1", "competesWith", "o1"), ("o1", "competesWith", "R1"), ("o1", "developedBy", "OpenAI"),
          ("R1", "relatedTo", "MoE"), ("R1", "relatedTo", "RL"), ("Lone", "relatedTo", "Lone")],
         {"R1": "Model", "DeepSeek": "Company", "HighFlyer": "Investor", "o1": "Model", "OpenAI": "Company",
          "MoE": "Trend", "RL": "Trend", "Lone": "Trend"})


def ref(name: str) -> EntityRef:
    return EntityRef(name, name, G.nodes[name]["type"])


def test_summary_line_and_the_tables_of_a_star():
    text = analysis_text(measure(STAR, top=3).report)
    lines = text.splitlines()
    assert lines[0] == ("5 entities, 4 facts; 1 connected part (largest 5), 0 entities without facts, 1 community, "
                        "densest core: 1-core; betweenness exact")
    central = lines.index("Most central entities")
    assert lines[central + 1].split() == ["#", "entity", "type", "PageRank", "betweenness", "facts"]
    assert lines[central + 3].split()[:2] == ["1", "Hub"] and lines[central + 3].split()[4:] == ["1.0000", "4"]
    assert lines[central + 6] == "(3 rows)"
    assert "The 1-core (5 entities): A, B, C, D, Hub" in lines
    assert text.endswith("(0 rows)")  # a star has no trends


def test_trend_pairs_are_listed_with_the_entity_that_links_them():
    lines = analysis_text(measure(G).report).splitlines()
    pairs = lines.index("Trends that occur together")
    assert lines[pairs + 3].split() == ["MoE", "RL", "1", "0", "R1"]


def test_paths_text_shows_direction_and_every_relation():
    assert paths_text(G, ref("HighFlyer"), ref("o1"), shortest_paths(G, "HighFlyer", "o1")) == "\n".join([
        "1 shortest connection of 3 hops between HighFlyer (Investor) and o1 (Model)",
        "",
        "1. HighFlyer (Investor)",
        "   -[investedIn]-> DeepSeek (Company)",
        "   <-[developedBy]- R1 (Model)",
        "   <-[competesWith]- / -[competesWith]-> o1 (Model)",
    ])
    assert paths_text(G, ref("R1"), ref("Lone"), []) == "No connection between R1 (Model) and Lone (Trend)."


def test_paths_json_names_both_ends_and_each_hop():
    found = shortest_paths(G, "DeepSeek", "o1")
    data = paths_json(G, ref("DeepSeek"), ref("o1"), found)
    assert data["hops"] == 2 and data["from"] == {"name": "DeepSeek", "type": "Company", "iri": "DeepSeek"}
    assert data["paths"][0][0] == {"from": {"name": "DeepSeek", "type": "Company", "iri": "DeepSeek"},
                                   "to": {"name": "R1", "type": "Model", "iri": "R1"},
                                   "relations": [{"predicate": "developedBy", "direction": "in"}]}
    assert paths_json(G, ref("R1"), ref("Lone"), [])["hops"] is None
