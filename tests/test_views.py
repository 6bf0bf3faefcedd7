"""HTML views: offline, escaped, the right nodes and edges."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from aigraph.cli import cli
from aigraph.views import ViewEdge, ViewNode, render_html


def test_page_is_self_contained():
    page = render_html([ViewNode("https://aigraph.dev/id/A", "A", "Company", ())], [])
    assert not re.search(r'<(?:script|link)[^>]+(?:src|href)=["\']?(?:https?:)?//', page)
    assert "vis.Network" in page


def test_names_from_documents_cannot_inject_markup():
    evil = "<img src=x onerror=alert(1)>"
    page = render_html([ViewNode("https://aigraph.dev/id/x", evil, "Company", (evil,)),
                        ViewNode("https://aigraph.dev/id/y", "</script><script>alert(2)</script>", "Model", ())],
                       [ViewEdge("https://aigraph.dev/id/y", "https://aigraph.dev/id/x", "developedBy", 0.9)])
    assert evil not in page
    assert "</script><script>alert(2)" not in page
    data = re.search(r'<script type="application/json" id="aigraph-data">(.*?)</script>', page, re.S).group(1)
    labels = {n["label"] for n in json.loads(data)["nodes"]}
    assert evil in labels  # shown as text, intact


def test_html_command_whole_graph_and_neighbourhood(session_graph, tmp_path):
    out = tmp_path / "all.html"
    r = CliRunner().invoke(cli, ["html", "-o", str(out), "--graph", str(session_graph)])
    assert r.exit_code == 0, r.output
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    one = tmp_path / "ds.html"
    r = CliRunner().invoke(cli, ["html", "DeepSeek", "-o", str(one), "--graph", str(session_graph), "--json"])
    info = json.loads(r.output)
    assert info["nodes"] >= 2 and info["nodes"] < json.loads(
        CliRunner().invoke(cli, ["html", "-o", str(out), "--graph", str(session_graph), "--json"]).output)["nodes"]
