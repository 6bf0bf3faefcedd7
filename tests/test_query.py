"""Lookups on a real store built from a seed file: any alias, near misses, neighbours, SPARQL."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal

from aigraph.errors import AigraphError, UnknownEntity
from aigraph.query import find_entity, neighbors, run, sparql
from aigraph.store import open_store


@pytest.fixture(scope="module")
def store(session_graph):
    return open_store(session_graph)


@pytest.mark.parametrize("name", ["DeepSeek", "deepseek", "DEEPSEEK", "Deep Seek", "deep-seek"])
def test_find_entity_by_any_spelling(store, name):
    assert find_entity(store, name).name == "DeepSeek"


def test_find_entity_by_chinese_alias(store):
    assert find_entity(store, "英伟达").name == "NVIDIA"


def test_unknown_name_suggests_close_ones(store):
    with pytest.raises(UnknownEntity) as info:
        find_entity(store, "DeepSeak")
    assert "DeepSeek" in info.value.suggestions
    assert "Did you mean DeepSeek" in str(info.value)


def test_neighbors_lists_models_developed_by_deepseek(store):
    found = neighbors(store, find_entity(store, "DeepSeek"))
    assert any(n.predicate == "developedBy" and n.direction == "in" and n.other.name == "DeepSeek-R1" for n in found)


def test_sparql_uses_project_prefixes(store):
    names, rows = sparql(store, "SELECT ?m WHERE { ?m aig:developedBy ent:DeepSeek } ORDER BY ?m")
    assert names == ["m"]
    assert ["ent:DeepSeek-R1"] in rows


def test_sparql_syntax_error_is_an_aigraph_error(store):
    with pytest.raises(AigraphError, match="SPARQL syntax error"):
        sparql(store, "SELECT WHERE {")


@pytest.mark.parametrize("evil", ['x" || ?s != "', 'x\\u0022 || true || "', "} ; DROP ALL ;"])
def test_user_text_is_bound_never_pasted(store, evil):
    q = "SELECT ?e ?name WHERE { ?e rdfs:label ?name }"
    assert list(run(store, q, name=Literal(evil))) == []
    with pytest.raises(UnknownEntity):
        find_entity(store, evil)
    assert find_entity(store, "DeepSeek").name == "DeepSeek"


def test_missing_store_says_to_build(tmp_path):
    with pytest.raises(AigraphError, match="run `aigraph build` first"):
        open_store(tmp_path)
