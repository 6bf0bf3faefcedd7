"""IRIs from any name: hostile names give valid, distinct IRIs, and every export re-parses."""

from __future__ import annotations

import io
import re

import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, RdfFormat, Store, Triple, parse, serialize
from rdflib.compare import isomorphic

from aigraph.graph.exports import JSONLD, NQUADS, NTRIPLES, TURTLE
from aigraph.graph.iris import slug
from aigraph.graph.rdf import build_quads
from aigraph.model import Document, Entity, Evidence, Fact, Linked, Sentence
from aigraph.pipeline.commit import publish
from aigraph.vocab import ENT, prefixes

HOSTILE = [
    'a<b>c', '"quoted"', "{x}|y\\z^w`", "with space", "with_underscore", "line\nbreak", "tab\tand\rreturn",
    "🤖 Robot", "👩‍💻 coder", "שלום\u200fعالم", "\u202eevil\u202c", "\u2066isolate\u2069", "x" * 10_000,
    "y" * 9_999 + "🤖", "\ud800lone surrogate", "%41", "A", "_", "..", ".", "#frag?q=1&r", "../../etc",
    "http://example.org/x", "\x00nul\x1besc", "\ufdd0nonchar", "\U000e0001tag", "ＯｐｅｎＡＩ", "ﬁ ligature",
    "e\u0301", "中文 名字", "a b", "a_b", "W.A.L.T.", "a.", "1.", "...", "-dash-", "~tilde~", "x.y.",
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


def test_no_local_name_ends_in_a_dot():
    # rdflib 7 rejects `ent:W.A.L.T\\.` (valid Turtle): a trailing dot is percent-encoded
    assert slug("W.A.L.T.") == "W.A.L.T%2E"
    assert slug("..") == "%2E%2E" and slug("a.b") == "a.b"
    assert not any(slug(n).endswith(".") for n in HOSTILE)


def _rdflib_quads(path, fmt: str) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(path, format=fmt)
    return ds


def _as_rdflib(quads) -> rdflib.Dataset:
    """pyoxigraph quads as an rdflib Dataset, through N-Quads (each parser reads its own)."""
    buf = io.BytesIO()
    serialize(quads, buf, format=RdfFormat.N_QUADS)
    ds = rdflib.Dataset()
    ds.parse(data=buf.getvalue().decode("utf-8"), format="nquads")
    return ds


def _graphs(ds: rdflib.Dataset) -> dict:
    """Named graph IRI (None for the default graph) -> rdflib Graph of its triples."""
    out: dict = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        key = None if g is None or str(g) == "urn:x-rdflib:default" else str(g)
        out.setdefault(key, rdflib.Graph()).add((s, p, o))
    return out


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("name,fmt,quads", [(TURTLE, "turtle", False), (NTRIPLES, "nt", False),
                                            (NQUADS, "nquads", True), (JSONLD, "json-ld", True)])
def test_every_export_round_trips_through_rdflib_and_pyoxigraph(hostile_exports, name, fmt, quads):
    """Each export, read by rdflib and by pyoxigraph, is isomorphic to the graph written (graph by
    graph for the quad formats, the union of all graphs for the triple formats)."""
    out, written = hostile_exports
    ox_fmt = {TURTLE: RdfFormat.TURTLE, NTRIPLES: RdfFormat.N_TRIPLES, NQUADS: RdfFormat.N_QUADS,
              JSONLD: RdfFormat.JSON_LD}[name]
    by_ox = list(parse((out / name).read_bytes(), format=ox_fmt))
    expected = _as_rdflib(written)
    if quads:
        want = _graphs(expected)
        for got in (_graphs(_rdflib_quads(out / name, fmt)), _graphs(_as_rdflib(by_ox))):
            assert set(got) == set(want)
            assert all(isomorphic(got[g], want[g]) for g in want)
    else:
        union = rdflib.Graph()
        for s, p, o, _ in expected.quads((None, None, None, None)):
            union.add((s, p, o))
        by_rdflib = rdflib.Graph().parse(out / name, format=fmt)
        ox_graph = rdflib.Graph()
        for s, p, o, _ in _as_rdflib([t for t in by_ox]).quads((None, None, None, None)):
            ox_graph.add((s, p, o))
        assert isomorphic(by_rdflib, union) and isomorphic(ox_graph, union)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_name_gives_an_iri_both_parsers_read_back_from_turtle(name):
    iri = ENT + slug(name)
    buf = io.BytesIO()
    serialize([Triple(NamedNode(iri), NamedNode(ENT + "p"), Literal("v"))], buf, format=RdfFormat.TURTLE,
              prefixes=prefixes())
    assert [t.subject.value for t in parse(buf.getvalue(), format=RdfFormat.TURTLE)] == [iri]
    assert [str(s) for s in rdflib.Graph().parse(data=buf.getvalue().decode("utf-8"), format="turtle").subjects()] == [iri]


def test_characters_outside_rfc3987_ucschar_are_escaped():
    # a variation selector of plane 14 is a combining mark, yet no IRI may hold it unescaped
    assert slug("A\U000E0100") == "A%F3%A0%84%80"
    assert slug("模型\ufdd0") == "模型%EF%B7%90"


@pytest.mark.parametrize("head", range(145, 152))
def test_a_long_name_is_never_cut_inside_a_percent_escape(head):
    # the readable head of a long name keeps 150 characters: an escape there must stay whole
    name = "a" * head + "%»" * 40
    s = slug(name)
    assert "~" in s and not re.search(r"%(?![0-9A-F]{2})", s)
    buf = io.BytesIO()
    serialize([Triple(NamedNode(ENT + s), NamedNode(ENT + "p"), Literal("v"))], buf, format=RdfFormat.TURTLE)
    assert [t.subject.value for t in parse(buf.getvalue(), format=RdfFormat.TURTLE)] == [ENT + s]
    assert slug(name + "x") != s
