"""The command line: exact output, errors that say how to fix them, help with examples, README."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from aigraph.cli import cli, command_names

from .conftest import ROOT


def test_every_command_has_help_with_an_example_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    runner = CliRunner()
    assert command_names()
    for name in command_names():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output, name
        assert f"aigraph {name}" in readme, name


def test_every_option_has_help_and_is_in_the_readme():
    import click

    readme = (ROOT / "README.md").read_text("utf-8")
    for name in command_names():
        for param in cli.commands[name].params:
            if isinstance(param, click.Option) and "--help" not in param.opts:
                assert param.help, (name, param.opts)
                assert any(f"{opt}" in readme for opt in param.opts), (name, param.opts)


def test_neighbors_output_is_exact(session_graph):
    result = CliRunner().invoke(cli, ["neighbors", "DeepSeek-R1", "--graph", str(session_graph)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "DeepSeek-R1 (Model)"
    assert "  developedBy" in lines
    assert "    -> DeepSeek (Company) [out]" in lines


def test_neighbors_json_and_alias(session_graph):
    result = CliRunner().invoke(cli, ["neighbors", "deepseek", "--json", "--graph", str(session_graph)])
    data = json.loads(result.output)
    assert data["entity"] == "DeepSeek"
    assert {"direction": "in", "predicate": "developedBy", "entity": "DeepSeek-R1"}.items() <= \
        next(f for f in data["facts"] if f["entity"] == "DeepSeek-R1").items()


def test_unknown_name_exits_1_with_suggestions(session_graph):
    result = CliRunner().invoke(cli, ["neighbors", "DeepSeak", "--graph", str(session_graph)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: No entity named 'DeepSeak'. Did you mean DeepSeek")


def test_graph_from_environment_variable(session_graph, monkeypatch):
    monkeypatch.setenv("AIGRAPH_GRAPH", str(session_graph))
    result = CliRunner().invoke(cli, ["neighbors", "DeepSeek"])
    assert result.exit_code == 0 and result.output.startswith("DeepSeek (Company)")


def test_missing_graph_says_to_build(tmp_path):
    result = CliRunner().invoke(cli, ["neighbors", "DeepSeek", "--graph", str(tmp_path)])
    assert result.exit_code == 1
    assert "run `aigraph build` first" in result.output


def test_sparql_formats(session_graph):
    q = "SELECT ?m WHERE { ?m aig:developedBy ent:DeepSeek } ORDER BY ?m"
    runner = CliRunner()
    table = runner.invoke(cli, ["sparql", q, "--graph", str(session_graph)]).output
    assert table.splitlines()[0].strip() == "m"
    assert re.search(r"^ent:DeepSeek-R1\s*$", table, re.M)
    csv = runner.invoke(cli, ["sparql", q, "--format", "csv", "--graph", str(session_graph)]).output
    assert csv.splitlines()[0] == "m" and "ent:DeepSeek-R1" in csv.splitlines()
    js = json.loads(runner.invoke(cli, ["sparql", q, "--format", "json", "--graph", str(session_graph)]).output)
    assert {"m": "ent:DeepSeek-R1"} in js


def test_sparql_from_a_file(session_graph, tmp_path):
    f = tmp_path / "q.rq"
    f.write_text("ASK { ent:DeepSeek-R1 aig:developedBy ent:DeepSeek }", encoding="utf-8")
    result = CliRunner().invoke(cli, ["sparql", str(f), "--graph", str(session_graph)])
    assert result.output.strip() == "true"
