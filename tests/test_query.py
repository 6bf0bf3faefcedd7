"""Lookups on a real store built from a seed file: any alias, near misses, neighbours, SPARQL."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal

from aigraph.errors import AigraphError, UnknownEntity
from aigraph.graph.store import open_store, run
from aigraph.query.lookup import find_entity, neighbors
from aigraph.query.sparql import as_python, execute
from aigraph.vocab import ENT


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
    rows = as_python(execute(store, "SELECT ?m WHERE { ?m aig:developedBy ent:DeepSeek } ORDER BY ?m"))
    assert {"m": ENT + "DeepSeek-R1"} in rows


def test_sparql_syntax_error_is_an_aigraph_error(store):
    with pytest.raises(AigraphError, match="SPARQL syntax error"):
        execute(store, "SELECT WHERE {")


@pytest.mark.parametrize("evil", ['x" || ?s != "', 'x\\u0022 || true || "', "} ; DROP ALL ;"])
def test_user_text_is_bound_never_pasted(store, evil):
    q = "SELECT ?e ?name WHERE { ?e rdfs:label ?name }"
    assert list(run(store, q, name=Literal(evil))) == []
    with pytest.raises(UnknownEntity):
        find_entity(store, evil)
    assert find_entity(store, "DeepSeek").name == "DeepSeek"


def test_missing_store_says_to_build(tmp_path):
    with pytest.raises(AigraphError, match="build the graph first") as caught:
        open_store(tmp_path)
    assert "run `aigraph build` first" in caught.value.cli_message()


# --- a tiny graph with known answers ---------------------------------------------------------------

@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    from .tinygraph import write_tiny_graph

    return open_store(write_tiny_graph(tmp_path_factory.mktemp("tiny")))


def _facts(found):
    return [(n.hop, n.source.name, n.direction, n.predicate, n.other.name) for n in found]


def test_neighbors_one_hop_with_confidence_support_and_fact(tiny):
    found = neighbors(tiny, find_entity(tiny, "Atlas Robotics"))
    assert _facts(found) == [
        (1, "Atlas Robotics", "out", "competesWith", "Zeta Labs"),
        (1, "Atlas Robotics", "in", "developedBy", "Atlas-1"),
        (1, "Atlas Robotics", "in", "developedBy", "Helio"),
        (1, "Atlas Robotics", "in", "investedIn", "Beacon Capital"),
    ]
    assert all(n.confidence == 0.9 and n.support == 1 and n.fact.startswith("https://aigraph.dev/fact/") for n in found)


def test_neighbors_depth_two_reaches_each_fact_once(tiny):
    found = neighbors(tiny, find_entity(tiny, "Zeta Labs"), depth=2)
    assert _facts(found) == [
        (1, "Zeta Labs", "in", "competesWith", "Atlas Robotics"),
        (1, "Zeta Labs", "in", "developedBy", "Zeta-2"),
        (2, "Atlas Robotics", "in", "developedBy", "Atlas-1"),
        (2, "Atlas Robotics", "in", "developedBy", "Helio"),
        (2, "Atlas Robotics", "in", "investedIn", "Beacon Capital"),
        (2, "Zeta-2", "out", "relatedTo", "Robotics"),
    ]


def test_neighbors_type_filter_limits_the_walk(tiny):
    found = neighbors(tiny, find_entity(tiny, "Atlas Robotics"), depth=2, types=("model", "Company"))
    assert _facts(found) == [
        (1, "Atlas Robotics", "out", "competesWith", "Zeta Labs"),
        (1, "Atlas Robotics", "in", "developedBy", "Atlas-1"),
        (2, "Zeta Labs", "in", "developedBy", "Zeta-2"),
    ]


def test_neighbors_relation_filter(tiny):
    found = neighbors(tiny, find_entity(tiny, "H200"), depth=3, relations=("usesChip", "aig:developedBy"))
    assert _facts(found) == [
        (1, "H200", "in", "usesChip", "Helio"),
        (2, "Helio", "out", "developedBy", "Atlas Robotics"),
        (3, "Atlas Robotics", "in", "developedBy", "Atlas-1"),
    ]


def test_unknown_type_or_relation_names_the_choices(tiny):
    e = find_entity(tiny, "H200")
    with pytest.raises(AigraphError, match="Unknown entity type 'Robot'; use one of Company"):
        neighbors(tiny, e, types=("Robot",))
    with pytest.raises(AigraphError, match="Unknown relation 'makes'; use one of developedBy"):
        neighbors(tiny, e, relations=("makes",))


def test_evidence_gives_document_position_and_amounts(tiny):
    found = neighbors(tiny, find_entity(tiny, "灯塔资本"), evidence=True)
    assert len(found) == 1
    (src,) = found[0].evidence
    text = "In March 2024 Beacon Capital invested $50 million in Atlas Robotics."
    start = len("Atlas Robotics released Atlas-1, trained on H200 chips.") + 1
    assert (src.document, src.title, src.sentence, src.start, src.end, src.text) == \
        ("news.txt", "About news.txt", 1, start, start + len(text), text)
    assert (src.amount, src.amount_value, src.currency, src.date, src.date_value) == \
        ("$50 million", "50000000", "USD", "March 2024", "2024-03")


def test_evidence_on_the_seed_graph_points_into_the_source_file(store):
    from .conftest import SEED_003

    found = neighbors(store, find_entity(store, "DeepSeek-R1"), relations=("developedBy",), evidence=True)
    dev = next(n for n in found if n.other.name == "DeepSeek")
    assert dev.evidence
    raw = SEED_003.read_text("utf-8")
    for src in dev.evidence:  # offsets point into the file (wrapped lines are joined in the text)
        assert src.document == SEED_003.name
        assert "DeepSeek" in src.text and src.end > src.start
        assert raw[src.start:src.start + 8] == src.text[:8]


def test_ambiguous_name_lists_candidates_to_choose_from(tiny):
    from aigraph.errors import AmbiguousEntity

    with pytest.raises(AmbiguousEntity) as info:
        find_entity(tiny, "atlas")
    assert info.value.candidates == ["Atlas-1 (Model) = ent:Atlas-1", "Atlas Robotics (Company) = ent:Atlas_Robotics"]
    assert find_entity(tiny, "Atlas (Model)").name == "Atlas-1"
    assert find_entity(tiny, "atlas", type="company").name == "Atlas Robotics"
    assert find_entity(tiny, "ent:Atlas_Robotics").name == "Atlas Robotics"
    assert find_entity(tiny, "https://aigraph.dev/id/Atlas-1").name == "Atlas-1"


@pytest.mark.parametrize("name", ["Zeta Labs", "zeta labs", "ZETA-LABS", "zeta_labs", "Ｚｅｔａ Ｌａｂｓ"])
def test_near_misses_of_a_canonical_name(tiny, name):
    assert find_entity(tiny, name).name == "Zeta Labs"


def test_chinese_alias(tiny):
    assert find_entity(tiny, "阿特拉斯机器人").name == "Atlas Robotics"
    assert find_entity(tiny, "机器人").type == "Trend"


EVIL = ['x" || ?s != "', 'x\\u0022 || ?s != \\u0022', "} ; DROP ALL ;", "ent:x> } ; DROP ALL ; <x"]


@pytest.mark.parametrize("evil", EVIL)
def test_injection_through_lookups_changes_nothing(tmp_path, evil):
    from aigraph.query.search import search

    from .tinygraph import dump, files, write_tiny_graph

    graph = write_tiny_graph(tmp_path)
    before, before_files = dump(graph), files(graph)
    store = open_store(graph)
    with pytest.raises(UnknownEntity):
        find_entity(store, evil)
    with pytest.raises(UnknownEntity):
        find_entity(store, evil, type="Company")
    assert search(store, evil) == []
    with pytest.raises(AigraphError):
        execute(store, evil)
    del store
    assert dump(graph) == before and files(graph) == before_files
