"""Validation beside the file writing (builds with --jobs > 1): the same verdict as validate.check, and a
graph that breaks the shapes still leaves the previous graph as it was."""

from __future__ import annotations

import pytest
from pyoxigraph import DefaultGraph, NamedNode, Quad

from aigraph.graph.concurrent_check import Check
from aigraph.graph.store import open_store
from aigraph.graph.validate import InvalidGraph, validate_quads
from aigraph.pipeline.commit import FILES
from aigraph.vocab import AIG_NS, ENT

from .conftest import SEED_003

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
TWO_TYPES = Quad(NamedNode(ENT + "DeepSeek"), RDF_TYPE, NamedNode(AIG_NS + "Chip"), DefaultGraph())


def test_the_check_in_another_process_gives_the_verdict_of_this_one(session_graph):
    quads = [q for q in open_store(session_graph) if q.graph_name != NamedNode("https://aigraph.dev/ontology")]
    Check(quads).result()  # the seed graph conforms
    bad = quads + [TWO_TYPES]
    with pytest.raises(InvalidGraph) as err:
        Check(bad).result()
    assert err.value.violations == [v for v in validate_quads(bad) if v.severity == "Violation"]
    assert "An entity has exactly one entity type" in str(err.value)


def test_a_parallel_build_that_breaks_the_shapes_leaves_the_previous_graph_intact(built_graph, monkeypatch):
    import aigraph.graph.rdf
    from aigraph.pipeline.build import build

    before = {f: (built_graph / f).read_bytes() for f in FILES}
    real = aigraph.graph.rdf.build_quads
    monkeypatch.setattr(aigraph.graph.rdf, "build_quads", lambda docs, linked: real(docs, linked) + [TWO_TYPES])
    with pytest.raises(InvalidGraph, match=r"breaks \d+ SHACL constraint.*An entity has exactly one entity type"):
        build([SEED_003], built_graph, jobs=2)
    assert {f: (built_graph / f).read_bytes() for f in FILES} == before
    assert not list(built_graph.parent.glob(f".{built_graph.name}.staging-*"))
