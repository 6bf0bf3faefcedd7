"""SPARQL results as text: every --format, on a tiny graph with known answers."""

from __future__ import annotations

import json

import pytest
from pyoxigraph import QueryResultsFormat, RdfFormat, parse, parse_query_results

from aigraph.errors import AigraphError
from aigraph.graph.store import open_store
from aigraph.query.results import CELL, clip, render, table, tabulate, width
from aigraph.query.sparql import execute

from .tinygraph import write_tiny_graph

SELECT = "SELECT ?m ?name WHERE { ?m aig:developedBy ent:Zeta_Labs ; rdfs:label ?name }"
CONSTRUCT = "CONSTRUCT { ?m aig:developedBy ent:Zeta_Labs } WHERE { ?m aig:developedBy ent:Zeta_Labs }"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return open_store(write_tiny_graph(tmp_path_factory.mktemp("tiny")))


def test_table_csv_tsv_json(tiny):
    assert render(execute(tiny, SELECT), "table") == "m           name\n----------  ------\nent:Zeta-2  Zeta-2\n(1 row)\n"
    assert render(execute(tiny, SELECT), "csv") == "m,name\nent:Zeta-2,Zeta-2\n"
    assert render(execute(tiny, SELECT), "tsv") == "m\tname\nent:Zeta-2\tZeta-2\n"
    assert json.loads(render(execute(tiny, SELECT), "json")) == [{"m": "ent:Zeta-2", "name": "Zeta-2"}]


def test_standard_result_formats_parse_back(tiny):
    for fmt, qrf in (("sparql-json", QueryResultsFormat.JSON), ("sparql-xml", QueryResultsFormat.XML)):
        parsed = parse_query_results(render(execute(tiny, SELECT), fmt).encode(), format=qrf)
        assert [s["m"].value for s in parsed] == ["https://aigraph.dev/id/Zeta-2"]


def test_ask(tiny):
    ask = "ASK { ent:Zeta-2 aig:developedBy ent:Zeta_Labs }"
    assert render(execute(tiny, ask), "table") == "true\n"
    assert json.loads(render(execute(tiny, ask), "json")) == {"boolean": True}
    assert bool(parse_query_results(render(execute(tiny, ask), "sparql-json").encode(), format=QueryResultsFormat.JSON))


def test_construct_as_turtle_and_ntriples(tiny):
    turtle = render(execute(tiny, CONSTRUCT), "table")
    assert "@prefix ent: <https://aigraph.dev/id/> ." in turtle
    assert len(list(parse(turtle.encode(), format=RdfFormat.TURTLE))) == 1
    nt = render(execute(tiny, CONSTRUCT), "ntriples")
    assert nt == "<https://aigraph.dev/id/Zeta-2> <https://aigraph.dev/ontology#developedBy> <https://aigraph.dev/id/Zeta_Labs> .\n"


def test_formats_that_do_not_fit_the_result_say_so(tiny):
    with pytest.raises(AigraphError, match="CONSTRUCT"):
        render(execute(tiny, SELECT), "turtle")
    with pytest.raises(AigraphError, match="turtle or ntriples"):
        render(execute(tiny, CONSTRUCT), "csv")


def test_table_aligns_chinese_and_flattens_line_breaks():
    assert table(["a", "b"], [["英伟达", "x\ny"]]) == "a       b\n------  ---\n英伟达  x y\n(1 row)"


def test_table_cuts_wide_cells_and_the_other_formats_keep_them_whole():
    long = "深度求索" * 30 + "R1"
    out = tabulate(["name", "n"], [[long, "1"]], "table").splitlines()
    assert out[2].startswith("深度求索") and out[2].endswith("…  1") and width(out[2].split("  ")[0]) <= CELL
    assert tabulate(["name", "n"], [[long, "1"]], "csv").splitlines()[1] == f"{long},1"
    assert clip("abcdef", 4) == "abc…" and clip("abcd", 4) == "abcd" and clip("英伟达", 5) == "英伟…"
