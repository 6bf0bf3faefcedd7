"""HTML views and pictures: offline, escaped, the right nodes and edges, sizes, tooltips, layouts without overlaps."""

from __future__ import annotations

import json
import random
import re
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from aigraph.cli import cli
from aigraph.graph.store import open_store
from aigraph.query.lookup import find_entity
from aigraph.views.entity_page import entity_data, entity_href
from aigraph.views.funding import draw, funding_page
from aigraph.views.funding_data import Round, Said, read_rounds
from aigraph.views.html import TYPE_STYLE, render_page, view_data
from aigraph.views.layout import SMALL, Item, _separate_numpy, _separate_small, separate, skyline
from aigraph.views.metrics import node_metrics
from aigraph.views.netgraph import to_networkx
from aigraph.views.overview import links_between, plan, plan_of
from aigraph.views.pictures import draw_top, write_pictures
from aigraph.views.style import CJK_FAMILIES, text_width

from .test_analyse import STAR, tiny
from .tinygraph import view_graph, write_tiny_graph

ENT = "https://aigraph.dev/id/"
SVG = "{http://www.w3.org/2000/svg}"
EVIL = "<img src=x onerror=alert(1)>"


def render_html(nodes, edges, title: str = "aigraph") -> str:
    return render_page(view_data(view_graph(nodes, edges)), title)


def page_data(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="aigraph-data">(.*?)</script>', page, re.S)[1])


def overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Two boxes (left, top, right, bottom) share more than their edges."""
    return a[0] < b[2] - 1e-6 and b[0] < a[2] - 1e-6 and a[1] < b[3] - 1e-6 and b[1] < a[3] - 1e-6


def node_boxes(nodes: list[dict]) -> dict[str, tuple[float, float, float, float]]:
    """Each drawn node's box (shape and label) from the page's data."""
    return {n["id"]: (n["x"] - n["box"][0], n["y"] - n["box"][1], n["x"] + n["box"][0], n["y"] + n["box"][2])
            for n in nodes}


def test_page_is_self_contained():
    page = render_html([(ENT + "A", "A", "Company", ()), (ENT + "B", "B", "Model", ())],
                       [(ENT + "B", ENT + "A", "developedBy", 0.9, 1, ())])
    assert not re.search(r'<(?:script|link|img|iframe)[^>]+(?:src|href)=', page)
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", page)
    assert "vis.Network" in page and "new vis.DataSet" in page
    assert '"Noto Sans CJK SC"' in page and '"WenQuanYi Zen Hei"' in page  # the CJK font stack is named


def test_names_from_documents_cannot_inject_markup():
    page = render_html([(ENT + "x", EVIL, "Company", (EVIL,)),
                        (ENT + "y", "</script><script>alert(2)</script>", "Model", ())],
                       [(ENT + "y", ENT + "x", "developedBy", 0.9, 1, (("d.txt", 0, EVIL),))])
    assert EVIL not in page
    assert "</script><script>alert(2)" not in page
    data = page_data(page)
    assert EVIL in {n["label"] for n in data["nodes"]}  # shown as text, intact
    assert EVIL in data["edges"][0]["title"]
    titled = render_page(data, title=f"aigraph: {EVIL}")
    assert "<title>aigraph: &lt;img src=x onerror=alert(1)&gt;</title>" in titled


def test_view_draws_every_linked_node_and_edge_styled_by_type_and_centrality():
    data = view_data(STAR)
    assert len(data["nodes"]) == 5 and len(data["edges"]) == 4
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id["Hub"]["size"] > by_id["A"]["size"]  # size follows PageRank
    assert by_id["Hub"]["font"]["size"] > by_id["A"]["font"]["size"]
    for n in data["nodes"]:
        assert (n["color"], n["shape"]) == TYPE_STYLE[n["group"]][:2]
        assert isinstance(n["x"], float) and isinstance(n["y"], float)
    assert {e["label"] for e in data["edges"]} == {"developedBy"}
    assert {(e["from"], e["to"]) for e in data["edges"]} == {(leaf, "Hub") for leaf in "ABCD"}
    assert [t["type"] for t in data["types"]] == ["Company", "Model", "Chip", "Product"]
    assert data["options"]["physics"]["enabled"] is False  # laid out beforehand: nothing to settle
    assert data["options"]["nodes"]["labelHighlightBold"] is False  # a bolder label could cover a neighbour
    assert data["names"][0][0] == "Hub"  # search ranks the most central first


def test_entities_without_facts_are_not_drawn_but_can_be_found():
    g = tiny([("m", "developedBy", "c")], {"m": "Model", "c": "Company", "alone": "Company"})
    data = view_data(g)
    assert {n["id"] for n in data["nodes"]} == {"m", "c"}
    assert ["alone", "alone", [], "Company", False] in data["names"]
    assert "1 without facts not drawn" in data["count"]
    assert next(t for t in data["types"] if t["type"] == "Company")["count"] == 1


def test_a_graph_without_facts_still_gets_its_page_and_pictures(tmp_path):
    g = tiny([], {"a": "Company", "b": "Model"})
    data = view_data(g)
    assert data["nodes"] == [] and data["clusters"] == [] and len(data["names"]) == 2
    assert "2 without facts not drawn" in data["count"]
    files = write_pictures(g, node_metrics(g), tmp_path)
    assert all(ET.parse(f) for f in files)


def test_tooltips_carry_aliases_documents_and_evidence():
    nodes = [(ENT + "DeepSeek", "DeepSeek", "Company", ("深度求索",), ("003.txt",)),
             (ENT + "R1", "DeepSeek-R1", "Model", ())]
    edges = [(ENT + "R1", ENT + "DeepSeek", "developedBy", 0.9, 2,
                      (("003.txt", 4, "DeepSeek发布了DeepSeek-R1。"), ("004.txt", 9, "R1 is DeepSeek's model.")))]
    data = page_data(render_html(nodes, edges))
    tip = next(n["title"] for n in data["nodes"] if n["id"] == ENT + "DeepSeek")
    assert "aliases: 深度求索" in tip and "003.txt" in tip
    edge = data["edges"][0]["title"]
    assert edge.startswith("DeepSeek-R1 —developedBy→ DeepSeek")
    assert "2 sentences" in edge and "“DeepSeek发布了DeepSeek-R1。” (003.txt, sentence 4)" in edge
    assert "R1 is DeepSeek's model." in edge


def test_large_graphs_show_their_most_central_entities():
    g = tiny([(f"m{i}", "developedBy", f"c{i % 5}") for i in range(60)],
             {**{f"m{i}": "Model" for i in range(60)}, **{f"c{i}": "Company" for i in range(5)}})
    data = view_data(g, max_nodes=5)
    assert sorted(n["id"] for n in data["nodes"]) == [f"c{i}" for i in range(5)]
    assert data["edges"] == [] and "the 5 most central of 65 linked entities" in data["count"]


def test_separate_leaves_no_box_overlapping_and_keeps_pinned_ones():
    rnd = random.Random(3)
    for _ in range(5):
        n = rnd.randint(2, 60)
        xs = [rnd.uniform(0, 100) for _ in range(n)]
        ys = [rnd.uniform(0, 100) for _ in range(n)]
        boxes = [Item(rnd.uniform(2, 12), rnd.uniform(0, 80), rnd.uniform(5, 20)).box for _ in range(n)]
        nx_, ny_ = separate(xs, ys, boxes, pad=2.0, pinned=frozenset({0}))
        assert (nx_[0], ny_[0]) == pytest.approx((xs[0], ys[0]))
        rects = [(x - b[0], y - b[1], x + b[0], y + b[2]) for x, y, b in zip(nx_, ny_, boxes)]
        assert not [(i, j) for i in range(n) for j in range(i + 1, n) if overlaps(rects[i], rects[j])]
    assert separate([0.0, 0.0], [0.0, 0.0], [(5, 5, 5), (5, 5, 5)]) == separate([0.0, 0.0], [0.0, 0.0], [(5, 5, 5)] * 2)


def test_skyline_packs_within_the_width_without_overlap():
    rnd = random.Random(5)
    sizes = [(rnd.uniform(10, 120), rnd.uniform(10, 90)) for _ in range(40)]
    corners = skyline(sizes, 300.0, 4.0)
    rects = [(x, y, x + w, y + h) for (x, y), (w, h) in zip(corners, sizes)]
    assert all(r[2] <= 300.0 + 1e-6 for r in rects)
    assert not [(i, j) for i in range(40) for j in range(i + 1, 40) if overlaps(rects[i], rects[j])]
    assert max(r[3] for r in rects) < sum(h for _, h in sizes) / 2  # side by side, not a column


def test_text_width_counts_wide_characters_wider():
    assert text_width("深度求索", 10) > text_width("abcd", 10) > 0
    assert text_width("W", 20) == pytest.approx(2 * text_width("W", 10))
    assert text_width("", 12) == 0


@pytest.fixture(scope="module")
def seed_plan(session_graph):
    g = to_networkx(open_store(session_graph))
    m = node_metrics(g, betweenness=False)
    drawn = sorted((i for i in g if g.degree(i) > 0), key=lambda i: (-m[i].pagerank, g.nodes[i]["label"].casefold(), i))
    return g, m, drawn, plan(g.subgraph(drawn), m, drawn)


def test_overview_plan_has_no_overlaps_and_named_clusters(seed_plan):
    g, m, drawn, p = seed_plan
    rects = {i: (p.pos[i][0] - p.items[i].half_width, p.pos[i][1] - p.items[i].top,
                 p.pos[i][0] + p.items[i].half_width, p.pos[i][1] + p.items[i].bottom) for i in drawn}
    keys = sorted(rects)
    assert not [(a, b) for k, a in enumerate(keys) for b in keys[k + 1:] if overlaps(rects[a], rects[b])]
    left, top, right, bottom = p.extent
    assert all(left <= r[0] and top <= r[1] and r[2] <= right and r[3] <= bottom for r in rects.values())
    assert p.clusters and all(len(c.members) >= 5 for c in p.clusters)
    for c in p.clusters:
        assert c.title.split(" · ")[0] == g.nodes[c.members[0]]["label"]  # named by its most central member
        assert {m[i].community for i in c.members} == {c.community}
    # the most central are labelled larger than any other
    assert min(p.font[i] for i in drawn[:p.labelled]) > max(p.font[i] for i in drawn[p.labelled:])
    assert plan(g.subgraph(drawn), m, drawn) == p  # the same graph, the same picture


def test_plan_of_gives_the_plan_of_the_drawn_subgraph_and_makes_it_once(seed_plan, monkeypatch):
    import aigraph.views.overview as overview

    g, m, drawn, p = seed_plan
    plans: dict = {}
    assert plan_of(g, m, drawn, plans) == p  # the whole graph given: only `drawn` of it is read
    monkeypatch.setattr(overview, "plan", lambda *a, **k: pytest.fail("planned twice"))
    assert plan_of(g, m, drawn, plans) is plans[tuple(drawn)]


def test_links_between_groups_count_as_the_undirected_view_counts_them():
    import networkx as nx

    rng = random.Random(3)
    for _ in range(30):
        g = nx.MultiDiGraph()
        nodes = [f"n{k}" for k in range(12)]
        g.add_nodes_from(nodes)
        for _ in range(rng.randint(0, 40)):  # parallel facts, both directions, self-loops
            g.add_edge(rng.choice(nodes), rng.choice(nodes), key=rng.choice("abc"))
        at = {n: rng.randrange(4) for n in rng.sample(nodes, 9)}
        expected: dict = {}
        for a, b in g.to_undirected(as_view=True).edges():
            if a in at and b in at and at[a] != at[b]:
                key = (min(at[a], at[b]), max(at[a], at[b]))
                expected[key] = expected.get(key, 0) + 1
        assert links_between(g, at) == expected


def test_small_groups_are_separated_bit_for_bit_as_numpy_separates_them():
    rng = random.Random(5)
    for _ in range(400):
        n = rng.randint(1, SMALL)
        width = rng.choice([0.0, 1.0, 20.0])
        xs = [rng.uniform(-width, width) for _ in range(n)]
        ys = [rng.uniform(-width, width) for _ in range(n)]
        boxes = [(rng.uniform(1, 20), rng.uniform(1, 10), rng.uniform(1, 30)) for _ in range(n)]
        pinned = frozenset(rng.sample(range(n), min(n, rng.randint(0, 2))))
        iterations = rng.choice([400, 12, 3])  # 3 and 12 rounds often leave overlaps to _settle
        assert _separate_small(xs, ys, boxes, 5.0, pinned, iterations) == \
            _separate_numpy(xs, ys, boxes, 5.0, pinned, iterations)


def test_entity_page_centres_and_enlarges_the_focus_with_its_card(session_graph):
    store = open_store(session_graph)
    ds = find_entity(store, "DeepSeek")
    data = entity_data(store, ds)
    focus = next(n for n in data["nodes"] if n["focus"])
    assert focus["id"] == ds.iri and (focus["x"], focus["y"]) == (0.0, 0.0)
    others = [n for n in data["nodes"] if not n["focus"]]
    assert others and focus["size"] > max(n["size"] for n in others)
    assert focus["font"]["size"] > max(n["font"]["size"] for n in others)
    rects = node_boxes(data["nodes"])
    keys = sorted(rects)
    assert not [(a, b) for k, a in enumerate(keys) for b in keys[k + 1:] if overlaps(rects[a], rects[b])]
    c = data["card"]
    assert (c["name"], c["type"]) == ("DeepSeek", "Company") and "深度求索" in c["aliases"]
    r1 = next(f for f in c["facts"] if f["other"] == "DeepSeek-R1")
    assert r1["predicate"] == "developedBy" and r1["direction"] == "in" and r1["sources"]
    # the sentence's 2月6日 dates another clause's event (a team distilling s1), not DeepSeek's making of R1
    assert not any("2025-02-06" in q for q in r1["quantities"])
    assert r1["href"] is None  # a file: no server to link to
    assert {f["id"] for f in c["facts"]} <= {n["id"] for n in others}
    linked = entity_data(store, ds, links=True)["card"]
    assert next(f for f in linked["facts"] if f["other"] == "DeepSeek-R1")["href"] == "/entity/DeepSeek-R1"


def test_entity_href_encodes_every_reserved_character():
    assert entity_href("DeepSeek") == "/entity/DeepSeek"
    assert entity_href("../sparql?x=1#y") == "/entity/%2E%2E%2Fsparql%3Fx%3D1%23y"
    assert entity_href("深度求索") == "/entity/%E6%B7%B1%E5%BA%A6%E6%B1%82%E7%B4%A2"
    assert entity_href("javascript:alert(1)").startswith("/entity/javascript%3A")


def test_funding_view_draws_each_round_with_its_evidence(tmp_path):
    graph = write_tiny_graph(tmp_path / "g")
    rounds = read_rounds(open_store(graph))
    assert len(rounds) == 1
    r = rounds[0]
    assert r.company[1] == "Atlas Robotics" and [n for _, n in r.investors] == ["Beacon Capital"]
    assert (r.amount, r.currency, r.date, r.usd) == (50000000.0, "USD", "2024-03", 50000000.0)
    svg = ET.fromstring(draw(rounds).svg)
    texts = [t.text for t in svg.iter(SVG + "text")]
    assert {"Atlas Robotics", "Beacon Capital", "$50M", "2024"} <= set(texts)
    titles = [t.text for t in svg.iter(SVG + "title")]
    assert any("In March 2024 Beacon Capital invested $50 million in Atlas Robotics." in t for t in titles)
    assert len([g for g in svg.iter(SVG + "g") if g.get("class") == "round"]) == 1
    assert len([p for p in svg.iter(SVG + "path") if p.get("class") == "link"]) == 1
    assert draw(rounds).svg == draw(read_rounds(open_store(graph))).svg


def test_funding_view_sizes_by_amount_and_escapes_names():
    said = (Said("d.txt", 1, EVIL + " raised money", "1亿美元"),)
    big = Round("r1", (ENT + "a", EVIL), ((ENT + "i", "</title><script>x</script>"),), 1e8, "USD", None, None,
                "2024-05", said)
    small = Round("r2", (ENT + "b", "Small & Co"), ((ENT + "i", "</title><script>x</script>"),), 1e7, "CNY", None,
                  None, None, said)
    d = draw([big, small], links=True)
    assert EVIL not in d.svg and "<script>x" not in d.svg
    svg = ET.fromstring(d.svg)
    sizes = {float(c.get("r")) for g in svg.iter(SVG + "g") if g.get("class") == "round" for c in g.iter(SVG + "circle")}
    assert len(sizes) == 2  # area by amount (a yuan amount converted roughly)
    assert {a.get("href") for a in svg.iter(SVG + "a")} >= {entity_href(EVIL), entity_href("Small & Co")}
    page = funding_page([big, small])
    assert EVIL not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "No funding rounds" in draw([]).svg


def test_html_command_whole_graph_entity_community_and_funding(session_graph, tmp_path):
    runner = CliRunner()
    g = to_networkx(open_store(session_graph))
    linked = [i for i in g if g.degree(i) > 0]
    out = tmp_path / "all.html"
    r = runner.invoke(cli, ["html", "-o", str(out), "--graph", str(session_graph), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output) == {"output": str(out), "nodes": len(linked), "edges": g.number_of_edges()}
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    one = tmp_path / "ds.html"
    r = runner.invoke(cli, ["html", "DeepSeek", "-o", str(one), "--graph", str(session_graph), "--json"])
    data = page_data(one.read_text("utf-8"))
    ids = {n["id"] for n in data["nodes"]}
    assert {ENT + "DeepSeek", ENT + "DeepSeek-R1"} <= ids and len(ids) < len(linked)
    assert data["card"]["name"] == "DeepSeek"
    m = node_metrics(g, betweenness=False)
    comm = tmp_path / "c.html"
    cid = m[ENT + "DeepSeek"].community
    r = runner.invoke(cli, ["html", "--community", str(cid), "-o", str(comm), "--graph", str(session_graph)])
    assert r.exit_code == 0, r.output
    assert {n["id"] for n in page_data(comm.read_text("utf-8"))["nodes"]} == \
        {i for i, x in m.items() if x.community == cid and g.degree(i) > 0}
    bad = runner.invoke(cli, ["html", "--community", "100000", "--graph", str(session_graph)])
    assert bad.exit_code == 1 and "No community 100000" in bad.output
    fund = tmp_path / "funding.html"
    r = runner.invoke(cli, ["html", "--funding", "-o", str(fund), "--graph", str(session_graph), "--json"])
    assert r.exit_code == 0, r.output
    rounds = read_rounds(open_store(session_graph))
    assert json.loads(r.output)["rounds"] == len(rounds) > 0
    assert ET.parse(tmp_path / "funding.svg").getroot().tag == SVG + "svg"  # the picture beside the page


def test_build_writes_the_funding_view(session_graph):
    svg = ET.parse(session_graph / "funding.svg").getroot()
    rounds = read_rounds(open_store(session_graph))
    assert len([g for g in svg.iter(SVG + "g") if g.get("class") == "round"]) == len(rounds)
    assert (session_graph / "funding.html").read_text("utf-8").count("<tr>") == len(rounds) + 1


def test_pictures_are_svg_deterministic_and_name_a_cjk_font(session_graph, tmp_path):
    g = to_networkx(open_store(session_graph))
    m = node_metrics(g)
    files = write_pictures(g, m, tmp_path)
    first = [f.read_bytes() for f in files]
    write_pictures(g, m, tmp_path)
    assert [f.read_bytes() for f in files] == first
    for f in files:
        ET.parse(f)  # well-formed SVG
        assert "Noto Sans CJK SC" in f.read_text("utf-8")  # any viewer is pointed at a font for Chinese names
    texts = "".join(t.text or "" for t in ET.parse(tmp_path / "top_entities.svg").iter(SVG + "text"))
    best = max(m, key=lambda i: (m[i].pagerank, i))
    assert g.nodes[best]["label"] in texts  # names stay text, so any viewer's fonts can draw them
    assert draw_top(g, m, tmp_path / "t.svg", limit=3) == 3
    graph_texts = {t.text for t in ET.parse(tmp_path / "graph.svg").iter(SVG + "text")}
    assert g.nodes[best]["label"] in graph_texts


def test_pictures_are_drawn_without_matplotlib_and_show_every_drawn_entity(session_graph, tmp_path):
    import subprocess
    import sys

    # a build's pictures are written as SVG text: importing matplotlib (and igraph's plotting) costs more
    # than drawing them
    code = ("import sys; from aigraph.graph.store import open_store; from aigraph.views.netgraph import to_networkx; "
            "from aigraph.views.metrics import node_metrics; from aigraph.views.pictures import write_pictures; "
            f"g = to_networkx(open_store({str(session_graph)!r})); write_pictures(g, node_metrics(g), {str(tmp_path)!r}); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    g = to_networkx(open_store(session_graph))
    m = node_metrics(g)
    svg = ET.parse(tmp_path / "graph.svg").getroot()
    linked = [i for i in g if any(n != i for n in g.successors(i)) or any(n != i for n in g.predecessors(i))]
    shapes = [e for e in svg.iter() if e.tag in (SVG + "circle", SVG + "rect", SVG + "polygon")]
    legend = len({g.nodes[i].get("type") for i in linked})
    assert len(shapes) == len(linked) + legend + 1  # every entity with facts, the legend, the background
    assert any(f in "".join(e.text or "" for e in svg.iter(SVG + "style")) for f in CJK_FAMILIES)
    bars = ET.parse(tmp_path / "top_entities.svg").getroot()
    assert len([r for r in bars.iter(SVG + "rect") if r.get("height") == "20"]) == min(len(m), 20)


def test_html_command_refuses_unknown_names_and_two_scopes(session_graph, tmp_path):
    out = tmp_path / "x.html"
    unknown = CliRunner().invoke(cli, ["html", "DeepSeak", "-o", str(out), "--graph", str(session_graph)])
    assert unknown.exit_code == 1 and unknown.output.startswith("Error: No entity named 'DeepSeak'. Did you mean DeepSeek")
    both = CliRunner().invoke(cli, ["html", "DeepSeek", "--community", "0", "-o", str(out), "--graph", str(session_graph)])
    assert both.exit_code == 1 and "Give NAME, --community or --funding, not two of them." in both.output
    assert not out.exists()
