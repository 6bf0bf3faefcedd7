"""Document-level updates give the store a full build gives, whatever the order of adds and removes."""

from __future__ import annotations

import random

import pytest
from pyoxigraph import NamedNode

from aigraph.graph.index import INDEX
from aigraph.graph.nameindex import NAMES
from aigraph.graph.store import ONTOLOGY_IRI, open_store
from aigraph.pipeline.build import build
from aigraph.pipeline.commit import STALE
from aigraph.pipeline.update import add, remove

# invented news items: a name outside the lexicon spelled two ways (its canonical spelling follows the
# majority, so an add can rename it in other documents) and also written without its descriptor
# ("Veltrix": grouped with "Veltrix AI"), funding rounds stated in several documents (one round with two
# amounts: a conflict), two developers of one model (a conflict an acquisition takes away), trends of the
# taxonomy with their wider trends (one of them named on its own in another document), dated documents
# (front matter), and facts between well-known companies
DOCS = {
    "a.txt": "Veltrix AI发布了Veltrix-1模型。\n2024年10月，Veltrix AI完成了由红杉资本领投的1000万美元A轮融资。\n",
    "b.txt": "VELTRIX AI发布了新的Veltrix-2模型。\n深度求索发布了DeepSeek-R1模型。\n",
    "c.txt": "VELTRIX AI与阿里巴巴达成合作。\nVELTRIX AI推出了Veltrix Chat产品。\n",
    "d.txt": "2024年10月，Veltrix AI完成了由红杉资本领投的1000万美元A轮融资，IDG资本跟投。\n",
    "e.txt": "月之暗面发布了Kimi大模型。\n阿里巴巴投资了月之暗面。\n",
    "f.txt": "英伟达发布了H200芯片。\n微软投资了OpenAI。\n",
    "g.md": "---\ntitle: 简讯\ndate: 2024-11-02\n---\nVeltrix发布了Veltrix-3模型。\nVeltrix AI采用RLHF技术训练Veltrix-3模型。\n",
    "h.md": "---\ndate: 2024-09-15\n---\n2024年10月，Veltrix AI完成了由红杉资本领投的2000万美元A轮融资。\n"
            "Veltrix-1模型由阿里巴巴开发。\n",
    "i.md": "---\ndate: 2023-05\n---\n强化学习正在改变大模型训练。\n人机对齐成为大模型研究的热点，Veltrix AI也在研究人机对齐。\n",
    "j.md": "---\ndate: 2025-01-03\n---\n阿里巴巴收购了Veltrix AI。\n",
}


def _data(graph) -> list[str]:
    return sorted(str(q) for q in open_store(graph) if q.graph_name != NamedNode(ONTOLOGY_IRI))


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    src = tmp_path_factory.mktemp("news")
    for name, text in DOCS.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_sequence_of_adds_and_removes_gives_the_full_builds_store(tmp_path, files, seed):
    rng = random.Random(seed)
    names = sorted(DOCS)
    current = set(rng.sample(names, 2))
    out = tmp_path / "g"
    build([files / n for n in sorted(current)], out, validate=False)
    for step in range(6):
        gone = set(rng.sample(sorted(current), 1)) if current and rng.random() < 0.4 else set()
        new = set(rng.sample([n for n in names if n not in current], min(2, len(names) - len(current))))
        report = None
        if gone:
            report = remove(sorted(gone), out)
        if new:
            report = add([files / n for n in sorted(new)], out)
        current = (current - gone) | new
        assert (out / STALE).exists() and (out / INDEX).is_file()
        full = tmp_path / f"full{step}"
        built = build([files / n for n in sorted(current)], full, validate=False)
        if report is not None:
            assert (report.documents, report.entities, report.facts) == (built.documents, built.entities, built.facts)
        assert _data(out) == _data(full), (step, sorted(current))
        # the index of names is kept current (lookups read it), the other exports are stale
        assert (out / NAMES).read_bytes() == (full / NAMES).read_bytes(), (step, sorted(current))


def test_a_rename_reaches_the_documents_already_in_the_graph(tmp_path, files):
    out = tmp_path / "g"
    build([files / "a.txt"], out)
    report = add([files / "b.txt", files / "c.txt"], out)  # now VELTRIX AI is written more often
    assert report.added == ("b.txt", "c.txt")
    full = tmp_path / "full"
    build([files / n for n in ("a.txt", "b.txt", "c.txt")], full)
    assert _data(out) == _data(full)


def test_updates_keep_groups_trends_dates_rounds_and_conflicts_as_a_build_makes_them(tmp_path, files):
    """Each change here moves something only the whole graph decides: a short name joins its group, a
    wider trend becomes a trend of its own, a conflict appears and goes, first and last stated dates move."""
    out = tmp_path / "g"
    build([files / "a.txt", files / "g.md"], out)
    steps = [("add", ["h.md"]), ("add", ["i.md", "j.md"]), ("remove", ["a.txt"]), ("remove", ["j.md"]),
             ("add", ["a.txt", "d.txt"]), ("remove", ["g.md", "i.md"])]
    current = {"a.txt", "g.md"}
    seen = set()
    for i, (what, names) in enumerate(steps):
        if what == "add":
            add([files / n for n in names], out)
            current |= set(names)
        else:
            remove(names, out, validate=True)
            current -= set(names)
        full = tmp_path / f"full{i}"
        build([files / n for n in sorted(current)], full)
        data = _data(out)
        assert data == _data(full), (i, sorted(current))
        seen |= {w for w in ("Conflict", "firstStated", "broader", "roundName", "altLabel> \"Veltrix\"")
                 if any(w in q for q in data)}
    assert seen == {"Conflict", "firstStated", "broader", "roundName", 'altLabel> "Veltrix"'}


def test_the_check_of_a_part_finds_what_the_whole_graph_check_finds(session_graph):
    """check_part (the native checker over a part of the graph) reports a broken support count and a
    relation between entities of the wrong types, as the full check does."""
    from pyoxigraph import DefaultGraph, Literal, Quad

    from aigraph.graph.validate import InvalidGraph, check, check_part
    from aigraph.vocab import AIG, RDF, XSD_NS

    quads = [q for q in open_store(session_graph) if q.graph_name != NamedNode(ONTOLOGY_IRI)]
    check_part(quads)  # the whole graph is a part of itself, and it conforms
    fact = next(q.subject for q in quads if q.predicate == RDF.type and q.object == AIG.Fact)
    broken = [q for q in quads if not (q.subject == fact and q.predicate == AIG.supportCount)]
    broken.append(Quad(fact, AIG.supportCount, Literal("7", datatype=NamedNode(XSD_NS + "integer")), DefaultGraph()))
    for checker in (check, check_part):
        with pytest.raises(InvalidGraph, match="support count 7"):
            checker(broken)
    model = next(q.subject for q in quads if q.predicate == RDF.type and q.object == AIG.Model)
    company = next(q.subject for q in quads if q.predicate == RDF.type and q.object == AIG.Company)
    wrong = quads + [Quad(model, AIG.competesWith, company, DefaultGraph())]
    with pytest.raises(InvalidGraph, match="different entity types"):
        check_part(wrong)


def test_focus_nodes_are_judged_alone_but_the_whole_graph_constraints_judge_the_part(session_graph):
    """With focus nodes, a node shape judges only them (a broken node outside the focus is another
    part's business); the SPARQL constraints, whose targets are classes and relations, still judge
    every node of the part."""
    from pyoxigraph import DefaultGraph, Literal, Quad

    from aigraph.graph.validate import InvalidGraph, check_part
    from aigraph.vocab import AIG, RDF, RDFS, XSD_NS

    quads = [q for q in open_store(session_graph) if q.graph_name != NamedNode(ONTOLOGY_IRI)]
    model = next(q.subject for q in quads if q.predicate == RDF.type and q.object == AIG.Model)
    other = next(q.subject for q in quads if q.predicate == RDF.type and q.object == AIG.Company)
    unnamed = [q for q in quads if not (q.subject == model and q.predicate == RDFS.label)]
    check_part(unnamed, focus={other})
    with pytest.raises(InvalidGraph, match="label"):
        check_part(unnamed, focus={model})
    fact = next(q.subject for q in quads if q.predicate == RDF.type and q.object == AIG.Fact)
    miscounted = [q for q in quads if not (q.subject == fact and q.predicate == AIG.supportCount)]
    miscounted.append(Quad(fact, AIG.supportCount, Literal("7", datatype=NamedNode(XSD_NS + "integer")), DefaultGraph()))
    with pytest.raises(InvalidGraph, match="support count 7"):
        check_part(miscounted, focus={other})


def test_an_update_that_fails_leaves_the_folder_as_it_was(tmp_path, files, monkeypatch):
    import aigraph.graph.validate
    from aigraph.graph.validate import InvalidGraph

    out = tmp_path / "g"
    build([files / "a.txt", files / "e.txt"], out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def refuse(quads, focus=None):
        raise InvalidGraph([])

    monkeypatch.setattr(aigraph.graph.validate, "check_part", refuse)
    for change in (lambda: add([files / "b.txt"], out), lambda: remove(["e.txt"], out)):
        with pytest.raises(InvalidGraph):
            change()
        assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_a_folder_moved_into_the_copy_comes_back_when_the_writer_died(tmp_path):
    import os

    from aigraph.atomic import staged_dir

    out = tmp_path / "g"
    (out / "cache").mkdir(parents=True)
    (out / "cache" / "entry").write_text("kept")
    # what a writer killed between moving the cache and the swap leaves
    stage = tmp_path / ".g.staging-999999"
    stage.mkdir()
    os.rename(out / "cache", stage / "cache")
    (tmp_path / ".g.moved-999999").write_text("cache\n")
    with staged_dir(out, moved=("cache",)) as new:
        assert (new / "cache" / "entry").read_text() == "kept"
    assert (out / "cache" / "entry").read_text() == "kept" and not stage.exists()
