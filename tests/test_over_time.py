"""The graph over time, end to end: two builds a week apart, what changed, a round whose sources disagree."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import aigraph
from aigraph.cli import cli

# three articles as exported from WeChat public accounts (invented sentences, the real layout)
HEADER = """# {title}

文章作者: 科技观察
发布时间: {date} 09:00
发布地: 北京
原文链接: http://mp.weixin.qq.com/s?__biz=X&mid={n}#rd

封面图链接: https://mmbiz.qpic.cn/mmbiz_jpg/{n}/300

"""
ARTICLES = {
    "2024-05-01-001.md": ("2024-05-01", "月之暗面融资", [
        "月之暗面完成10亿美元B轮融资，由阿里巴巴领投，投后估值25亿美元。",
        "百度发布了文心一言。"]),
    "2024-05-02-002.md": ("2024-05-02", "阿里大模型", ["阿里巴巴推出了通义千问大模型。"]),
    "2024-05-08-003.md": ("2024-05-08", "一周回顾", [
        "月之暗面宣布完成B轮融资，融资金额8亿美元，阿里巴巴领投，估值达到30亿美元。",
        "2024年3月，红杉中国向智谱AI投资了5亿元。",
        "百度发布了文心一言。"]),
}


def _write(folder: Path, names) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(names, 1):
        date, title, lines = ARTICLES[name]
        text = HEADER.format(title=title, date=date, n=i) + "\n\n".join(lines) + "\n\n**👇关注公众号后设🌟标**\n"
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    """The graph of the first week's two articles, and the graph a week later with the third."""
    root = tmp_path_factory.mktemp("weeks")
    first = _write(root / "week1", ["2024-05-01-001.md", "2024-05-02-002.md"])
    both = _write(root / "week2", list(ARTICLES))
    aigraph.build(first, root / "old")
    aigraph.build(both, root / "new")
    return root / "old", root / "new"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_each_fact_knows_when_it_was_first_and_last_stated_and_when_it_happened(builds):
    _, new = builds
    g = aigraph.Graph.open(new)
    card = g.card("百度")
    [ernie] = [n for n in card.facts if n.other.name == "ERNIE Bot"]
    when = card.when[ernie.fact]
    assert (when.first, when.last, when.happened) == ("2024-05-01", "2024-05-08", ())
    [hongshan] = [n for n in g.card("智谱AI").facts if n.predicate == "investedIn"]
    assert g.card("智谱AI").when[hongshan.fact].happened == ("2024-03",)   # told on 2024-05-08, happened in March
    assert g.card("智谱AI").when[hongshan.fact].first == "2024-05-08"


def test_neighbors_in_a_window_by_document_date(builds):
    _, new = builds
    g = aigraph.Graph.open(new)
    late = g.neighbors("阿里巴巴", since="2024-05-03", evidence=True)
    assert [(n.predicate, n.other.name) for n in late] == [("investedIn", "Moonshot AI")]
    assert [s.document for s in late[0].evidence] == ["2024-05-08-003.md"]   # only the sentence in the window
    early = g.neighbors("阿里巴巴", until="2024-05-02")
    assert sorted(n.other.name for n in early) == ["Moonshot AI", "Qwen"]
    assert [n.other.name for n in g.neighbors("百度", since="2024-05-03")] == ["ERNIE Bot"]  # stated again


def test_neighbors_in_a_window_by_event_date(builds):
    _, new = builds
    g = aigraph.Graph.open(new)
    assert [n.other.name for n in g.neighbors("智谱AI", since="2024-03", until="2024-03", by="event")] == ["HongShan"]
    assert list(g.neighbors("智谱AI", since="2024-04", by="event")) == []
    assert list(g.neighbors("智谱AI", since="2024-05-09")) == []


def test_changes_since_a_date_lists_only_what_is_new(builds):
    _, new = builds
    c = aigraph.Graph.open(new).changes("2024-05-03")
    assert c.documents == 1
    assert {(f.subject.name, f.predicate, f.object.name) for f in c.facts} == {("HongShan", "investedIn", "Zhipu AI")}
    assert {e.entity.name for e in c.entities} == {"HongShan", "Zhipu AI"}
    assert sorted((r.company, r.amount, r.first) for r in c.rounds) == [
        ("Moonshot AI", "800000000 USD", "2024-05-08"), ("Zhipu AI", "500000000 CNY", "2024-05-08")]
    assert aigraph.Graph.open(new).changes(until="2024-05-01").documents == 1


def test_changes_command_text_and_json(builds):
    _, new = builds
    text = run("changes", "--since", "2024-05-03", "--graph", str(new))
    assert text.exit_code == 0
    assert text.output.splitlines()[0] == ("stated since 2024-05-03: 1 document; first stated: 2 entities, 1 facts, "
                                           "2 funding rounds")
    assert "    2024-05-08  HongShan -> Zhipu AI  (happened 2024-03)" in text.output
    data = json.loads(run("changes", "--since", "2024-05-03", "--json", "--graph", str(new)).output)
    assert data["counts"] == {"entities": {"Company": 1, "Investor": 1}, "facts": {"investedIn": 1}, "rounds": 2}
    bad = run("changes", "--since", "next week", "--graph", str(new))
    assert bad.exit_code == 1 and bad.output.startswith("Error: since: 'next week' is not a date")


def test_the_round_whose_sources_disagree_is_flagged_with_every_source(builds):
    _, new = builds
    found = aigraph.Graph.open(new).conflicts("月之暗面")
    assert sorted((c.on, c.round_name) for c in found) == [("amount", "Series B"), ("valuation", "Series B")]
    amount = next(c for c in found if c.on == "amount")
    assert [(cl.value, [s.document for s in cl.sources], cl.sources[0].written) for cl in amount.claims] == [
        ("1000000000 USD", ["2024-05-01-001.md"], "10亿美元"), ("800000000 USD", ["2024-05-08-003.md"], "8亿美元")]
    out = run("conflicts", "--graph", str(new), "--on", "valuation").output
    assert out.splitlines()[0] == ("Moonshot AI (Company): sources disagree on the valuation of the Series B round "
                                   "(2 claims, 2 documents)")
    shown = run("show", "Moonshot AI", "--graph", str(new)).output
    assert "investedIn <- Alibaba (Company)  [confidence 0.85, 2 sentences]  [conflict]" in shown
    assert "    Moonshot AI: amount of the Series B round: 1000000000 USD (1 doc) / 800000000 USD (1 doc)" in shown
    data = json.loads(run("show", "Moonshot AI", "--json", "--graph", str(new)).output)
    [fact] = data["facts"]
    assert (fact["first_stated"], fact["last_stated"]) == ("2024-05-01", "2024-05-08")
    assert sorted(fact["conflicts"]) == sorted(c["iri"] for c in data["conflicts"]) and len(fact["conflicts"]) == 2
    assert aigraph.Graph.open(builds[0]).conflicts() == []   # a week earlier the sources agreed


def test_diff_between_the_two_builds(builds, tmp_path):
    old, new = builds
    d = aigraph.diff(old, new, patch=tmp_path / "patch")
    assert [d.label(i) for i in d.documents.added] == ["2024-05-08-003.md"] and not d.documents.removed
    assert {d.label(i) for i in d.entities.added} == {"HongShan", "Zhipu AI"} and not d.entities.removed
    assert {d.label(i) for i in d.facts.added} == {"HongShan investedIn Zhipu AI"}
    changed = {c.label: c.attributes for c in d.facts.changed}
    assert changed["ERNIE Bot developedBy Baidu"] == {"support": ("1", "2")}
    assert changed["Alibaba investedIn Moonshot AI"] == {"support": ("1", "2")}
    assert len(d.rounds.added) == 2 and len(d.conflicts.added) == 2
    added = (tmp_path / "patch" / "added.nq").read_text("utf-8").splitlines()
    removed = (tmp_path / "patch" / "removed.nq").read_text("utf-8").splitlines()
    assert any("2024-05-08" in line and "dc/terms/issued" in line for line in added)
    assert any('"1"^^<http://www.w3.org/2001/XMLSchema#integer>' in line and "supportCount" in line for line in removed)
    assert aigraph.diff(old, old).empty


def test_the_patch_turns_the_old_build_into_the_new_one(builds, tmp_path):
    from pyoxigraph import NamedNode, RdfFormat, Store, parse

    from aigraph.graph.store import ONTOLOGY_IRI

    old, new = builds
    aigraph.diff(old, new, patch=tmp_path)
    store = Store()
    ontology = NamedNode(ONTOLOGY_IRI)
    store.extend(q for q in aigraph.Graph.open(old).store if q.graph_name != ontology)
    for q in parse(path=str(tmp_path / "removed.nq"), format=RdfFormat.N_QUADS):
        store.remove(q)
    store.extend(parse(path=str(tmp_path / "added.nq"), format=RdfFormat.N_QUADS))
    target = {q for q in aigraph.Graph.open(new).store if q.graph_name != ontology}
    assert set(store) == target


def test_diff_command(builds, tmp_path):
    old, new = builds
    out = run("diff", str(old), str(new), "--patch", str(tmp_path / "p"))
    assert out.exit_code == 0
    lines = out.output.splitlines()
    assert lines[0] == f"{old} -> {new}"
    assert lines[1:6] == ["  documents       +1  -0  ~0", "  entities        +2  -0  ~0", "  facts           +1  -0  ~2",
                          "  funding rounds  +2  -0  ~0", "  conflicts       +2  -0  ~0"]
    assert (tmp_path / "p" / "added.nq").is_file()
    same = run("diff", str(old), str(old))
    assert same.output.splitlines()[0] == f"{old} -> {old}: the same"
    data = json.loads(run("diff", str(old), str(new), "--json").output)
    assert [x["label"] for x in data["facts"]["added"]] == ["HongShan investedIn Zhipu AI"]


def test_shipped_queries_by_month_and_date(builds):
    _, new = builds
    out = run("sparql", "--name", "funding-by-month", "--format", "json", "--graph", str(new))
    rows = json.loads(out.output)
    assert [(r["month"], r["companyName"], r["dated"]) for r in rows] == [
        ("2024-03", "Zhipu AI", "event"), ("2024-05", "Moonshot AI", "reported"), ("2024-05", "Moonshot AI", "reported")]
    assert "since" not in rows[0]
    windowed = json.loads(run("sparql", "--name", "funding-by-month", "--since", "2024-04", "--format", "json",
                              "--graph", str(new)).output)
    assert [r["companyName"] for r in windowed] == ["Moonshot AI", "Moonshot AI"]
    facts = json.loads(run("sparql", "--name", "facts-by-date", "--since", "2024-05-03", "--format", "json",
                           "--graph", str(new)).output)
    assert [(r["subjectName"], r["firstStated"]) for r in facts] == [("HongShan", "2024-05-08")]
    refused = run("sparql", "--name", "trends", "--since", "2024", "--graph", str(new))
    assert refused.exit_code == 1 and "does not select ?since" in refused.output


def test_html_view_of_a_window(builds, tmp_path, monkeypatch):
    _, new = builds
    monkeypatch.chdir(tmp_path)
    out = run("html", "--since", "2024-05-03", "--graph", str(new), "--json")
    data = json.loads(out.output)
    assert data["output"] == "aigraph-since-2024-05-03.html" and (tmp_path / data["output"]).is_file()
    whole = aigraph.Graph.open(new).to_networkx()
    assert 0 < data["edges"] < whole.number_of_edges()


def test_add_gives_the_dates_a_full_build_gives(builds, tmp_path):
    """The dates and conflicts are derived from all documents: adding the third article to the first
    week's graph gives the graph built from all three at once."""
    old, new = builds
    grown = tmp_path / "grown"
    shutil.copytree(old, grown)
    folder = tmp_path / "third"
    _write(folder, list(ARTICLES))
    g = aigraph.Graph(grown)
    g.add(folder / "2024-05-08-003.md")
    g.export()  # an update leaves the export files stale until they are written again
    for name in ("aigraph.nq", "edges.csv", "nodes.csv"):
        assert (grown / name).read_bytes() == (new / name).read_bytes(), name
