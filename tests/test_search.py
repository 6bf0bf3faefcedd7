"""Fuzzy search over every label, on a tiny graph with known answers and on the seed graph."""

from __future__ import annotations

import pytest

from aigraph.errors import AigraphError
from aigraph.graph.store import open_store
from aigraph.query.search import score, search

from .tinygraph import write_tiny_graph


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return open_store(write_tiny_graph(tmp_path_factory.mktemp("tiny")))


def test_scores_order_exact_prefix_substring_lookalike():
    assert score("zeta", "zeta") == 1.0
    assert 1.0 > score("zeta", "zetalabs") > score("labs", "zetalabs") > score("zetta", "zeta") > 0
    assert score("qqq", "zetalabs") == 0.0


def test_search_finds_names_and_aliases_best_first(tiny):
    hits = search(tiny, "atlas")
    assert [(h.entity.name, h.label, h.score) for h in hits[:2]] == [
        ("Atlas Robotics", "Atlas", 1.0), ("Atlas-1", "Atlas", 1.0)]
    assert [h.entity.name for h in search(tiny, "机器")] == ["Robotics", "Atlas Robotics"]


def test_search_by_type_and_limit(tiny):
    assert [h.entity.name for h in search(tiny, "zeta", type="Model")] == ["Zeta-2"]
    assert len(search(tiny, "a", limit=2)) <= 2


def test_empty_search_is_an_error(tiny):
    with pytest.raises(AigraphError, match="Give some text"):
        search(tiny, " - ")


def test_search_on_the_seed_graph(session_graph):
    names = [h.entity.name for h in search(open_store(session_graph), "deepsek")]
    assert "DeepSeek" in names
