"""SHACL validation: the shapes restate the ontology, the seed graph conforms, and each kind of
breakage is reported; a build that breaks the shapes writes nothing."""

from __future__ import annotations

import pytest
import rdflib
from click.testing import CliRunner
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Triple

from aigraph.cli import cli
from aigraph.graph.store import open_store
from aigraph.graph.validate import InvalidGraph, validate_quads, validate_store
from aigraph.vocab import AIG_NS, ENT, PREDICATES, ontology_path, signatures

from .conftest import SEED_003, SEEDS

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_INT = NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def _classes(g: rdflib.Graph, node) -> set[str]:
    """Entity types a shape node requires: sh:class, or the sh:class of each sh:or member."""
    out = {str(c)[len(AIG_NS):] for c in g.objects(node, SH["class"])}
    for lst in g.objects(node, SH["or"]):
        for member in rdflib.collection.Collection(g, lst):
            out |= {str(c)[len(AIG_NS):] for c in g.objects(member, SH["class"])}
    return out


def test_relation_shapes_restate_the_ontology_domain_and_range():
    g = rdflib.Graph().parse(data=ontology_path("shapes.ttl").read_text("utf-8"), format="turtle")
    for p in PREDICATES:
        prop = rdflib.URIRef(AIG_NS + p)
        [shape] = [s for s in g.subjects(SH.targetSubjectsOf, prop) if (s, SH.property, None) in g
                   and any((ps, SH.path, prop) in g for ps in g.objects(s, SH.property))]
        [pshape] = [ps for ps in g.objects(shape, SH.property) if (ps, SH.path, prop) in g]
        assert _classes(g, shape) == set(signatures()[p].domain), p
        assert _classes(g, pshape) == set(signatures()[p].range), p


def test_a_whole_seed_build_has_zero_violations(tmp_path):
    from aigraph.pipeline.build import build

    build(sorted(SEEDS.glob("*.txt")), tmp_path / "g")  # validates before writing: would raise
    assert validate_store(open_store(tmp_path / "g")) == []


def _seed_quads(session_graph) -> list[Quad]:
    return list(open_store(session_graph))


def _fact_quads(quads, predicate: str) -> tuple[NamedNode, NamedNode, NamedNode]:
    fact = next(q.subject for q in quads if q.predicate.value.endswith("#predicate") and q.object.value == AIG_NS + predicate)
    s = next(q.object for q in quads if q.subject == fact and q.predicate.value.endswith("#subject"))
    o = next(q.object for q in quads if q.subject == fact and q.predicate.value.endswith("#object"))
    return fact, s, o


def test_each_kind_of_breakage_is_reported(session_graph):
    quads = _seed_quads(session_graph)
    g = DefaultGraph()
    fact, s, o = _fact_quads(quads, "developedBy")
    support = next(q for q in quads if q.subject == fact and q.predicate.value == AIG_NS + "supportCount")
    ev = next(q.subject for q in quads if q.object == NamedNode(AIG_NS + "Evidence"))
    start = next(q for q in quads if q.subject == ev and q.predicate.value == AIG_NS + "charStart")
    label = next(q for q in quads if q.subject == NamedNode(ENT + "DeepSeek") and q.predicate.value.endswith("#label"))
    broken = [q for q in quads if q not in (support, start, label)] + [
        Quad(o, RDF_TYPE, NamedNode(AIG_NS + "Model"), g),                                 # a second type
        Quad(NamedNode(ENT + "DeepSeek-R1"), NamedNode(AIG_NS + "founderOf"), o, g),       # a model founding a company
        Quad(NamedNode(ENT + "DeepSeek-R1"), NamedNode(AIG_NS + "competesWith"), NamedNode(ENT + "DeepSeek"), g),
        Quad(fact, NamedNode(AIG_NS + "supportCount"), Literal("9", datatype=XSD_INT), g),
        Quad(ev, NamedNode(AIG_NS + "charStart"), Literal("999999999", datatype=XSD_INT), start.graph_name),
    ]
    found = validate_quads(broken)
    text = "\n".join(v.line() for v in found)
    assert all(v.severity == "Violation" for v in found)
    assert {v.shape for v in found} >= {"Entity", "founderOf", "SameTypeEnds", "StatedFact", "FactConsistency", "Evidence"}
    assert "An entity has exactly one entity type" in text
    assert "ent:DeepSeek rdfs:label: An entity has exactly one non-empty label" in text
    assert "has support count 9 but" in text
    assert "ent:DeepSeek-R1 aig:founderOf ent:" in text and "has no aig:Fact with evidence" in text
    assert any(v.shape == "Evidence" and v.path == "aig:charStart" for v in found)


def test_validate_command(session_graph, built_graph):
    ok = CliRunner().invoke(cli, ["validate", "--graph", str(session_graph)])
    assert ok.exit_code == 0 and ok.output == "conforms: 0 violations\n"
    store = open_store(built_graph, write=True)
    store.add(Quad(NamedNode(ENT + "DeepSeek"), RDF_TYPE, NamedNode(AIG_NS + "Chip"), DefaultGraph()))
    store.flush()
    del store
    bad = CliRunner().invoke(cli, ["validate", "--graph", str(built_graph)])
    assert bad.exit_code == 1
    assert "Violation: ent:DeepSeek rdf:type: An entity has exactly one entity type." in bad.output.splitlines()
    js = CliRunner().invoke(cli, ["validate", "--json", "--graph", str(built_graph)])
    import json

    data = json.loads(js.output)
    assert data["conforms"] is False and any(v["focus"] == "ent:DeepSeek" for v in data["violations"])


def test_a_build_that_breaks_the_shapes_leaves_the_previous_graph_intact(built_graph, monkeypatch):
    import aigraph.graph.rdf
    from aigraph.pipeline.build import build
    from aigraph.pipeline.commit import FILES

    before = {f: (built_graph / f).read_bytes() for f in FILES}
    quads_before = sorted(map(str, open_store(built_graph)))
    real = aigraph.graph.rdf.build_quads

    def faulty(docs, linked):  # a graph stage with a bug: an entity with two types
        return real(docs, linked) + [Quad(NamedNode(ENT + "DeepSeek"), RDF_TYPE, NamedNode(AIG_NS + "Chip"), DefaultGraph())]

    monkeypatch.setattr(aigraph.graph.rdf, "build_quads", faulty)
    with pytest.raises(InvalidGraph, match=r"breaks \d+ SHACL constraint.*An entity has exactly one entity type"):
        build([SEED_003], built_graph)
    assert {f: (built_graph / f).read_bytes() for f in FILES} == before
    assert sorted(map(str, open_store(built_graph))) == quads_before
    build([SEED_003], built_graph, validate=False)  # written anyway when asked
    assert CliRunner().invoke(cli, ["validate", "--graph", str(built_graph)]).exit_code == 1


def _key(v):
    return (v.focus, v.path, v.value, v.severity, v.shape)


def _broken(quads: list[Quad]) -> list[Quad]:
    """Every kind of breakage test_each_kind_of_breakage_is_reported makes, on any built graph."""
    g = DefaultGraph()
    fact, s, o = _fact_quads(quads, "developedBy")
    support = next(q for q in quads if q.subject == fact and q.predicate.value == AIG_NS + "supportCount")
    ev = next(q.subject for q in quads if q.object == NamedNode(AIG_NS + "Evidence"))
    start = next(q for q in quads if q.subject == ev and q.predicate.value == AIG_NS + "charStart")
    label = next(q for q in quads if q.subject == o and q.predicate.value.endswith("#label"))
    return [q for q in quads if q not in (support, start, label)] + [
        Quad(o, RDF_TYPE, NamedNode(AIG_NS + "Model"), g),
        Quad(s, NamedNode(AIG_NS + "founderOf"), o, g),
        Quad(s, NamedNode(AIG_NS + "competesWith"), NamedNode(ENT + "DeepSeek"), g),
        Quad(fact, NamedNode(AIG_NS + "supportCount"), Literal("9", datatype=XSD_INT), g),
        Quad(ev, NamedNode(AIG_NS + "charStart"), Literal("999999999", datatype=XSD_INT), start.graph_name),
        Quad(ev, NamedNode(AIG_NS + "currency"), Literal("dollars"), start.graph_name),
        Quad(NamedNode(ENT + "Nameless"), RDF_TYPE, NamedNode(AIG_NS + "Chip"), g),
    ]


@pytest.mark.parametrize("broken", [False, True], ids=["as built", "broken"])
def test_the_native_checker_finds_what_pyshacl_finds_on_the_seeds(broken):
    from aigraph.graph.validate import pyshacl_violations, validate_triples
    from aigraph.pipeline.stages import STAGES, State

    state = State(tuple(sorted(SEEDS.glob("*.txt"))))
    for _, stage in STAGES:
        state = stage(state)
    quads = _broken(list(state.quads)) if broken else list(state.quads)
    triples = {Triple(q.subject, q.predicate, q.object) for q in quads}
    ours, reference = validate_triples(triples), pyshacl_violations(triples)
    assert sorted(map(_key, ours)) == sorted(map(_key, reference))
    assert bool(ours) == broken
    if broken:
        assert len({v.shape for v in ours}) >= 6
        # where a shape words its own message the two agree word for word
        worded = {_key(v): v.message for v in reference if not v.message.startswith(("Value", "Less", "More", "Node"))}
        assert worded and all(v.message == worded[_key(v)] for v in ours if _key(v) in worded)


def test_the_kept_checker_lets_go_of_the_graph_it_judged(session_graph):
    from aigraph.graph.validate import _checker, check_part

    quads = _seed_quads(session_graph)
    checker = _checker()
    # the checker is built once per process; the data and the SPARQL store of the last check (a part of
    # a long document's graph) are not kept in it until the next one, whether the part passed or not
    check_part(quads)
    assert checker.store is None and not checker.data.sp and not checker._classes
    with pytest.raises(InvalidGraph):
        check_part(quads[:50])
    assert checker.store is None and not checker.data.sp and not checker._classes
