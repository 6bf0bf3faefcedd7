"""HTML views and pictures: offline, escaped, the right nodes and edges, sizes, tooltips, layouts."""

from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET

from click.testing import CliRunner

from aigraph.cli import cli
from aigraph.graph.store import open_store
from aigraph.views.html import TYPE_STYLE, render_page, view_data
from aigraph.views.layout import layout
from aigraph.views.metrics import node_metrics
from aigraph.views.netgraph import to_networkx
from aigraph.views.pictures import draw_top, write_pictures

from .test_analyse import STAR, tiny
from .tinygraph import view_graph

ENT = "https://aigraph.dev/id/"


def render_html(nodes, edges, title: str = "aigraph") -> str:
    return render_page(view_data(view_graph(nodes, edges)), title)


def page_data(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="aigraph-data">(.*?)</script>', page, re.S)[1])


def test_page_is_self_contained():
    page = render_html([(ENT + "A", "A", "Company", ())], [])
    assert not re.search(r'<(?:script|link|img|iframe)[^>]+(?:src|href)=', page)
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", page)
    assert "vis.Network" in page and "new vis.DataSet" in page


def test_names_from_documents_cannot_inject_markup():
    evil = "<img src=x onerror=alert(1)>"
    page = render_html([(ENT + "x", evil, "Company", (evil,)),
                        (ENT + "y", "</script><script>alert(2)</script>", "Model", ())],
                       [(ENT + "y", ENT + "x", "developedBy", 0.9, 1, (("d.txt", 0, evil),))])
    assert evil not in page
    assert "</script><script>alert(2)" not in page
    data = page_data(page)
    assert evil in {n["label"] for n in data["nodes"]}  # shown as text, intact
    assert evil in data["edges"][0]["title"]
    titled = render_page(data, title=f"aigraph: {evil}")
    assert "<title>aigraph: &lt;img src=x onerror=alert(1)&gt;</title>" in titled


def test_view_draws_every_node_and_edge_styled_by_type_and_centrality():
    data = view_data(STAR)
    assert len(data["nodes"]) == 5 and len(data["edges"]) == 4
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id["Hub"]["value"] > by_id["A"]["value"]  # size follows PageRank
    for n in data["nodes"]:
        assert (n["color"], n["shape"]) == TYPE_STYLE[n["group"]][:2]
        assert isinstance(n["x"], float) and isinstance(n["y"], float)
    assert {e["label"] for e in data["edges"]} == {"developedBy"}
    assert {(e["from"], e["to"]) for e in data["edges"]} == {(leaf, "Hub") for leaf in "ABCD"}
    assert [t["type"] for t in data["types"]] == ["Company", "Model", "Chip", "Product"]
    assert data["options"]["physics"]["enabled"] is False  # laid out beforehand: nothing to settle
    assert data["names"][0][0] == "Hub"  # search ranks the most central first


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
    assert data["edges"] == [] and "the 5 most central of 65 entities" in data["count"]


def test_layout_is_deterministic_and_spreads_nodes():
    edges = [(f"n{i}", f"n{(i * 3 + 1) % 30}") for i in range(30)] + [("a", "b")]
    nodes = [f"n{i}" for i in range(30)] + ["a", "b", "single"]
    pos = layout(nodes, edges)
    assert pos == layout(list(reversed(nodes)), list(reversed(edges)))
    assert set(pos) == set(nodes)
    pts = sorted(pos.values())
    assert min(math.dist(p, q) for i, p in enumerate(pts) for q in pts[i + 1:]) > 5
    assert pos["single"][1] > max(y for n, (_, y) in pos.items() if n != "single")  # unlinked ones below


def test_html_command_whole_graph_neighbourhood_and_community(session_graph, tmp_path):
    runner = CliRunner()
    g = to_networkx(open_store(session_graph))
    out = tmp_path / "all.html"
    r = runner.invoke(cli, ["html", "-o", str(out), "--graph", str(session_graph), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output) == {"output": str(out), "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    one = tmp_path / "ds.html"
    r = runner.invoke(cli, ["html", "DeepSeek", "-o", str(one), "--graph", str(session_graph), "--json"])
    ids = {n["id"] for n in page_data(one.read_text("utf-8"))["nodes"]}
    assert {ENT + "DeepSeek", ENT + "DeepSeek-R1"} <= ids and len(ids) < g.number_of_nodes()
    m = node_metrics(g, betweenness=False)
    comm = tmp_path / "c.html"
    cid = m[ENT + "DeepSeek"].community
    r = runner.invoke(cli, ["html", "--community", str(cid), "-o", str(comm), "--graph", str(session_graph)])
    assert r.exit_code == 0, r.output
    assert {n["id"] for n in page_data(comm.read_text("utf-8"))["nodes"]} == \
        {i for i, x in m.items() if x.community == cid}
    bad = runner.invoke(cli, ["html", "--community", "100000", "--graph", str(session_graph)])
    assert bad.exit_code == 1 and "No community 100000" in bad.output


def test_pictures_are_svg_and_deterministic(session_graph, tmp_path):
    g = to_networkx(open_store(session_graph))
    m = node_metrics(g)
    files = write_pictures(g, m, tmp_path)
    first = [f.read_bytes() for f in files]
    write_pictures(g, m, tmp_path)
    assert [f.read_bytes() for f in files] == first
    for f in files:
        ET.parse(f)  # well-formed SVG
    texts = "".join(t.text or "" for t in ET.parse(tmp_path / "top_entities.svg").iter("{http://www.w3.org/2000/svg}text"))
    best = max(m, key=lambda i: (m[i].pagerank, i))
    assert g.nodes[best]["label"] in texts  # names stay text, so any viewer's fonts can draw them
    assert draw_top(g, m, tmp_path / "t.svg", limit=3) == 3


def test_html_command_refuses_unknown_names_and_two_scopes(session_graph, tmp_path):
    out = tmp_path / "x.html"
    unknown = CliRunner().invoke(cli, ["html", "DeepSeak", "-o", str(out), "--graph", str(session_graph)])
    assert unknown.exit_code == 1 and unknown.output.startswith("Error: No entity named 'DeepSeak'. Did you mean DeepSeek")
    both = CliRunner().invoke(cli, ["html", "DeepSeek", "--community", "0", "-o", str(out), "--graph", str(session_graph)])
    assert both.exit_code == 1 and "Give NAME or --community, not both." in both.output
    assert not out.exists()
