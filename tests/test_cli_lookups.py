"""The lookup commands through the CLI, with exact output on a tiny graph with known answers."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from aigraph.cli import cli
from aigraph.query.shipped import shipped

from .tinygraph import dump, files, write_tiny_graph


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return write_tiny_graph(tmp_path_factory.mktemp("tiny"))


def run(graph, *args):
    return CliRunner().invoke(cli, [*args, "--graph", str(graph)])


def test_neighbors_depth_and_evidence_exact(graph):
    result = run(graph, "neighbors", "H200", "--depth", "2", "--evidence", "--relation", "trainedOn,developedBy")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "H200 (Chip)",
        "  trainedOn",
        "    <- Atlas-1 (Model) [in]",
        "         news.txt sentence 0, chars 0-55: Atlas Robotics released Atlas-1, trained on H200 chips.",
        "Atlas-1 (Model), hop 2",
        "  developedBy",
        "    -> Atlas Robotics (Company) [out]",
        "         news.txt sentence 0, chars 0-55: Atlas Robotics released Atlas-1, trained on H200 chips.",
    ]


def test_neighbors_json_with_type_filter(graph):
    result = run(graph, "neighbors", "zeta labs", "--depth", "2", "--type", "Model", "--json", "--evidence")
    data = json.loads(result.output)
    assert (data["entity"], data["type"], data["depth"]) == ("Zeta Labs", "Company", 2)
    (fact,) = data["facts"]
    assert {k: fact[k] for k in ("direction", "predicate", "entity", "type", "hop", "from")} == {
        "direction": "in", "predicate": "developedBy", "entity": "Zeta-2", "type": "Model", "hop": 1,
        "from": "Zeta Labs"}
    assert [(e["document"], e["sentence"]) for e in fact["evidence"]] == [("news.txt", 2)]


def test_ambiguous_name_lists_the_choices_and_a_typed_name_picks_one(graph):
    result = run(graph, "neighbors", "atlas")
    assert result.exit_code == 1
    assert result.output == ("Error: 'atlas' matches several entities: Atlas-1 (Model) = ent:Atlas-1; "
                             "Atlas Robotics (Company) = ent:Atlas_Robotics. Say which: give its full name, "
                             "`Name (Type)`, or its ent: IRI.\n")
    assert run(graph, "neighbors", "Atlas (Company)").output.startswith("Atlas Robotics (Company)\n")


def test_bad_relation_is_a_usage_message(graph):
    result = run(graph, "neighbors", "H200", "--relation", "makes")
    assert result.exit_code == 1 and "Unknown relation 'makes'; use one of developedBy" in result.output


def test_show_exact(graph):
    result = run(graph, "show", "灯塔资本")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Beacon Capital (Investor)",
        "  iri:        ent:Beacon_Capital",
        "  aliases:    灯塔资本",
        "  centrality: 1 fact, rank 8 of 8 by degree",
        "  facts (1):",
        "    investedIn -> Atlas Robotics (Company)  [confidence 0.90, 1 sentence]",
        "      stated 2024-04-01; happened 2024-03",
        "      amount $50 million (50000000 USD)",
        "      date March 2024 (2024-03)",
        "  documents (1):",
        "    news.txt  2024-04-01  About news.txt",
    ]


def test_show_json(graph):
    data = json.loads(run(graph, "show", "Atlas Robotics", "--json").output)
    assert (data["degree"], data["rank"], data["ranked"], data["aliases"]) == (4, 1, 8, ["Atlas", "阿特拉斯机器人"])
    invest = next(f for f in data["facts"] if f["predicate"] == "investedIn")
    assert invest["quantities"] == ["amount $50 million (50000000 USD)", "date March 2024 (2024-03)"]
    assert invest["evidence"][0]["amount_value"] == "50000000"
    assert [d["label"] for d in data["documents"]] == ["news.txt", "report.txt"]


def test_search_exact_and_json(graph):
    assert run(graph, "search", "zeta").output.splitlines() == [
        "name       type     matched  score  iri",
        "---------  -------  -------  -----  -------------",
        "Zeta-2     Model             0.92   ent:Zeta-2",
        "Zeta Labs  Company           0.88   ent:Zeta_Labs",
        "(2 rows)",
    ]
    data = json.loads(run(graph, "search", "灯塔", "--json").output)
    assert [(h["entity"], h["matched"]) for h in data] == [("Beacon Capital", "灯塔资本")]
    assert run(graph, "search", "qqqq").output == "Nothing looks like 'qqqq'.\n"


def test_sparql_list_and_name(graph):
    listed = CliRunner().invoke(cli, ["sparql", "--list"]).output.splitlines()
    assert [line.split()[0] for line in listed] == list(shipped())
    csv = run(graph, "sparql", "--name", "models-developers", "--format", "csv").output
    assert csv.splitlines() == ["model,modelName,developer,developerName,confidence,support",
                                "ent:Atlas-1,Atlas-1,ent:Atlas_Robotics,Atlas Robotics,0.9,1",
                                "ent:Zeta-2,Zeta-2,ent:Zeta_Labs,Zeta Labs,0.9,1"]


def test_sparql_needs_exactly_one_query(graph):
    assert run(graph, "sparql").exit_code == 2
    assert run(graph, "sparql", "ASK {}", "--name", "trends").exit_code == 2


def test_sparql_standard_formats(graph):
    out = run(graph, "sparql", "SELECT ?m WHERE { ?m aig:developedBy ent:Zeta_Labs }", "--format", "sparql-json").output
    assert json.loads(out)["results"]["bindings"] == [{"m": {"type": "uri", "value": "https://aigraph.dev/id/Zeta-2"}}]
    xml = run(graph, "sparql", "ASK { ?s ?p ?o }", "--format", "sparql-xml").output
    assert "<boolean>true</boolean>" in xml


def test_a_malformed_query_is_one_line_with_line_and_column(graph, tmp_path):
    result = run(graph, "sparql", "SELECT ?m WHERE {\n  ?m aig:developedBy ?c .\n  FILTER(?c = ) }")
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert re.match(r"Error: SPARQL syntax error at line 3, column \d+ \(near '[^']*'\): the expression before "
                    r"'\)' is incomplete: '=' needs a value after it", result.output)
    query = tmp_path / "models.rq"
    query.write_text("SELECT ?m WHERE { ?m ex:madeBy ?c }\n", "utf-8")
    result = run(graph, "sparql", str(query))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {query}: SPARQL syntax error at line 1, column ")
    assert result.output.endswith("; unknown prefix ex: (declare it with PREFIX)\n")


EVIL = ['x" || ?s != "', 'x\\u0022 || ?s != \\u0022', "} ; DROP ALL ;"]


@pytest.mark.parametrize("evil", EVIL)
def test_injection_through_every_lookup_command(tmp_path, evil):
    graph = write_tiny_graph(tmp_path)
    before = (dump(graph), files(graph))
    for args in (["neighbors", evil], ["show", evil], ["neighbors", evil, "--depth", "2", "--evidence"]):
        result = run(graph, *args)
        assert result.exit_code == 1 and result.output.startswith(f"Error: No entity named {evil!r}."), args
    assert run(graph, "search", evil).output == f"Nothing looks like {evil!r}.\n"
    assert run(graph, "sparql", evil).exit_code == 1
    assert (dump(graph), files(graph)) == before


def test_a_canonical_name_wins_over_an_alias_and_the_others_are_named(tmp_path, monkeypatch):
    from aigraph.model import Entity

    from . import tinygraph

    monkeypatch.setattr(tinygraph, "ENTITIES", tinygraph.ENTITIES + (Entity("Helio Labs", "Company", frozenset({"Helio"})),))
    graph = write_tiny_graph(tmp_path)
    note = "note: {!r} is also a name of Helio Labs (Company); {!r} picks it.\n"
    for typed in ("Helio", "helio"):
        for command in ("neighbors", "show"):
            result = run(graph, command, typed)
            assert result.exit_code == 0 and result.stdout.startswith("Helio (Product)\n"), (command, typed)
            assert result.stderr == note.format(typed, f"{typed} (Company)"), (command, typed)
        assert json.loads(run(graph, "neighbors", typed, "--json").stdout)["also"] == ["Helio Labs (Company)"]
    assert run(graph, "neighbors", "Helio", "--quiet").stderr == ""
    assert run(graph, "show", "Helio (Company)").stdout.startswith("Helio Labs (Company)\n")
    assert "also" not in json.loads(run(graph, "show", "Zeta Labs", "--json").stdout)
