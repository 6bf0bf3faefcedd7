"""The library face, without click: `aigraph.build` and `aigraph.Graph`, as a notebook would use them."""

from __future__ import annotations

import shutil

import networkx as nx
import pytest

import aigraph
from aigraph import AigraphError, Graph, InputError, StoreError, UnknownEntity

from .conftest import SEED_003


def test_import_aigraph_is_a_library():
    assert callable(aigraph.build) and isinstance(aigraph.Graph, type)
    assert set(aigraph.__all__) >= {"build", "Graph", "AigraphError"}


def test_build_takes_files_and_folders(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED_003, folder / SEED_003.name)
    (folder / "note.md").write_text("深度求索发布了DeepSeek-R1模型。\n", encoding="utf-8")
    report = aigraph.build(folder, tmp_path / "out")  # a folder, searched recursively
    assert report.documents == 2 and report.facts > 0 and (tmp_path / "out" / "aigraph.ttl").is_file()
    again = aigraph.build([folder / "note.md"], tmp_path / "one")  # a list of files
    assert again.documents == 1


def test_a_folder_without_documents_is_an_error_not_an_empty_graph(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="No .txt, .md or .html files in"):
        aigraph.build(tmp_path / "empty", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_open_a_missing_graph_speaks_of_the_library(tmp_path):
    with pytest.raises(StoreError) as caught:
        Graph.open(tmp_path / "nothing")
    assert "--graph" not in str(caught.value) and "build the graph first" in str(caught.value)
    assert "--graph DIR" in caught.value.cli_message()


def test_questions_to_a_built_graph(session_graph):
    g = Graph.open(session_graph)
    deepseek = g.entity("深度求索")
    assert deepseek.name == "DeepSeek" and deepseek.type == "Company"
    found = g.neighbors("DeepSeek")
    assert any(n.predicate == "developedBy" and n.other.name == "DeepSeek-R1" for n in found)
    assert str(found).startswith("DeepSeek (Company)") and "DeepSeek-R1" in str(found)
    assert g.card("DeepSeek").entity == deepseek
    assert g.search("deepseek", limit=3)[0].entity.name.startswith("DeepSeek")
    with pytest.raises(UnknownEntity, match="Did you mean"):
        g.entity("DeepSeekk")


def test_sparql_binds_values_and_gives_plain_data(session_graph):
    g = Graph.open(session_graph)
    rows = g.sparql("SELECT ?m ?c WHERE { ?m aig:developedBy ?c }", c=g.entity("DeepSeek"))
    assert {"m": "https://aigraph.dev/id/DeepSeek-R1", "c": "https://aigraph.dev/id/DeepSeek"} in rows
    hostile = "DeepSeek\" } ; DROP ALL ; #"
    assert g.sparql("SELECT ?e ?l WHERE { ?e rdfs:label ?l }", l=hostile) == []  # bound, never pasted
    assert g.sparql("ASK { ?m aig:developedBy ?c }") is True
    with pytest.raises(AigraphError, match="read-only"):
        g.sparql("DELETE WHERE { ?s ?p ?o }")


def test_paths_stats_validation_and_networkx(session_graph):
    g = Graph.open(session_graph)
    [first, *_] = g.path("DeepSeek-R1", "DeepSeek")
    assert ("developedBy", "out") in first[0].relations
    facts = sum(g.stats().facts.values())
    assert facts > 0 and g.validate() == []
    net = g.to_networkx()
    assert isinstance(net, nx.MultiDiGraph) and net.number_of_edges() == facts


def test_add_and_remove_through_the_graph(built_graph, tmp_path):
    doc = tmp_path / "new.txt"
    doc.write_text("Acme Robotics发布了RoboLM-7模型。\n", encoding="utf-8")
    g = Graph.open(built_graph)
    before = g.stats().documents
    assert g.add(doc).added == ("new.txt",)
    assert g.stats().documents == before + 1  # the store is opened afresh after a change
    assert g.remove("new.txt").removed == ("new.txt",)
    assert g.stats().documents == before
