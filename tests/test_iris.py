"""IRIs from any name: hostile names give valid, distinct IRIs, and every export re-parses."""

from __future__ import annotations

import pytest
import rdflib
from pyoxigraph import NamedNode, RdfFormat, Store, parse

from aigraph.graph.exports import NQUADS, TURTLE
from aigraph.graph.iris import slug
from aigraph.graph.rdf import build_quads
from aigraph.model import Document, Entity, Evidence, Fact, Linked, Sentence
from aigraph.pipeline.commit import publish
from aigraph.vocab import ENT

HOSTILE = [
    'a<b>c', '"quoted"', "{x}|y\\z^w`", "with space", "with_underscore", "line\nbreak", "tab\tand\rreturn",
    "🤖 Robot", "👩‍💻 coder", "שלום\u200fعالم", "\u202eevil\u202c", "\u2066isolate\u2069", "x" * 10_000,
    "y" * 9_999 + "🤖", "\ud800lone surrogate", "%41", "A", "_", "..", ".", "#frag?q=1&r", "../../etc",
    "http://example.org/x", "\x00nul\x1besc", "\ufdd0nonchar", "\U000e0001tag", "ＯｐｅｎＡＩ", "ﬁ ligature",
    "e\u0301", "中文 名字", "a b", "a_b",
]


def test_every_hostile_name_gives_a_valid_iri():
    for name in HOSTILE:
        iri = ENT + slug(name)
        assert NamedNode(iri).value == iri, repr(name[:30])
        assert not any(c in iri for c in '<>"{}|\\^` \n\t\r\x00'), repr(name[:30])
        assert len(iri) < 300


def test_distinct_names_keep_distinct_iris():
    slugs = [slug(n) for n in HOSTILE]
    assert len(set(slugs)) == len(HOSTILE)
    assert slug("x" * 10_000) != slug("x" * 10_001)


def _hostile_graph() -> list:
    names = sorted(set(HOSTILE) - {"\ud800lone surrogate"})  # a lone surrogate cannot be a literal
    text = "。".join(n.replace("\x00", "") for n in names[:5])
    doc = Document(id="hostile.txt", path="hostile.txt", text=text, sha256="cd" * 32)
    sent = Sentence("hostile.txt", 0, text, ((0, len(text)),))
    entities = tuple(Entity(n, "Company", frozenset({n + " alias"})) for n in names)
    evidence = tuple(Evidence(Fact(a, "partnerOf" if i % 2 else "competesWith", b, 0.9), sent)
                     for i, (a, b) in enumerate(zip(names, names[1:])))
    linked = Linked(entities, evidence, tuple((n, "hostile.txt", n) for n in names))
    return build_quads([doc], linked)


@pytest.fixture(scope="module")
def hostile_exports(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    quads = _hostile_graph()
    publish(tuple(quads), out)
    return out, quads


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's N-Quads parser uses its own deprecated API
def test_n_quads_export_reparses_to_the_same_quads(hostile_exports):
    out, quads = hostile_exports
    back = list(parse((out / NQUADS).read_bytes(), format=RdfFormat.N_QUADS))
    assert set(back) == set(quads)
    ds = rdflib.Dataset()
    ds.parse(out / NQUADS, format="nquads")
    assert len(ds) == len(quads)


def test_turtle_export_reparses_with_both_parsers(hostile_exports):
    out, quads = hostile_exports
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    back = {(t.subject, t.predicate, t.object) for t in parse((out / TURTLE).read_bytes(), format=RdfFormat.TURTLE)}
    assert back == triples
    g = rdflib.Graph().parse(out / TURTLE, format="turtle")
    assert len(g) == len(triples)


def test_store_holds_every_hostile_entity(hostile_exports):
    out, quads = hostile_exports
    store = Store.read_only(str(out / "store"))
    subjects = {q.subject for q in quads}
    assert all(any(True for _ in store.quads_for_pattern(s, None, None)) for s in subjects)
