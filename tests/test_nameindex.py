"""The index of folded names: written with the graph, found by binary search, the same answers as a scan."""

from __future__ import annotations

import random

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from aigraph.errors import UnknownEntity
from aigraph.folding import norm
from aigraph.graph.nameindex import NAMES, lines, lookup, write
from aigraph.graph.store import open_store
from aigraph.query.lookup import find_entity

LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
ENT = "https://aigraph.dev/id/"


def test_binary_search_finds_every_key_and_nothing_else(tmp_path):
    rng = random.Random(3)
    alphabet = "abcxyz深度求索月之暗面01 -"
    names = {f"e{i}": "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for i in range(2000)}
    quads = [Quad(NamedNode(ENT + iri), LABEL, Literal(name)) for iri, name in names.items()]
    quads.append(Quad(NamedNode("https://elsewhere.example/x"), LABEL, Literal("abc")))  # not an entity
    write(quads, tmp_path / NAMES, ENT)
    expected: dict[str, list[str]] = {}
    for iri, name in names.items():
        if norm(name):
            expected.setdefault(norm(name), []).append(ENT + iri)
    for key, iris in expected.items():
        assert lookup(tmp_path / NAMES, key) == sorted(set(iris)), key
    for missing in ("", "zzzzzzzzz", "深度求索月之暗面深度", "0a"):
        if missing not in expected:
            assert lookup(tmp_path / NAMES, missing) == []
    assert lookup(tmp_path / "absent.tsv", "abc") is None


def test_lines_are_sorted_and_one_per_name():
    quads = [Quad(NamedNode(ENT + "DeepSeek"), LABEL, Literal("DeepSeek", language="en")),
             Quad(NamedNode(ENT + "DeepSeek"), ALT, Literal("深度求索", language="zh")),
             Quad(NamedNode(ENT + "DeepSeek"), ALT, Literal("Deep Seek", language="en"))]
    assert lines(quads, ENT) == ["deepseek\thttps://aigraph.dev/id/DeepSeek\n",
                                 "深度求索\thttps://aigraph.dev/id/DeepSeek\n"]


@pytest.mark.parametrize("name", ["deep seek", "DEEPSEEK", "深度求索", "ＤｅｅｐＳｅｅｋ", "deepseek-r1", "Deep_Seek R1"])
def test_lookups_with_the_index_agree_with_the_scan(session_graph, name):
    store = open_store(session_graph)
    assert (session_graph / NAMES).is_file()
    assert find_entity(store, name, index=session_graph / NAMES) == find_entity(store, name)


def test_an_unknown_name_still_gets_suggestions(session_graph):
    store = open_store(session_graph)
    with pytest.raises(UnknownEntity) as err:
        find_entity(store, "DeepSeak", index=session_graph / NAMES)
    assert "DeepSeek" in str(err.value)
