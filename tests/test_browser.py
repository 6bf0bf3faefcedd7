"""The HTML views in a real headless Chromium: they draw, count right, search, filter, and run no names."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from aigraph.cli import cli
from aigraph.graph.store import open_store
from aigraph.views.html import around, write_view
from aigraph.views.netgraph import to_networkx

from .tinygraph import view_graph

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ENT = "https://aigraph.dev/id/"
EVIL = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it (or run `make browser`).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Opened:
    """A page, what it logged, the dialogs it opened and the requests it tried beyond the file."""

    def __init__(self, browser, path: Path):
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.remote: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-ready='1']", timeout=30000)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.remote.append(route.request.url)
            route.abort()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def search(self, text: str) -> str:
        self.page.fill("#search", text)
        self.page.press("#search", "Enter")
        return self.page.text_content("#status") or ""

    def hover(self, node_id: str) -> str:
        """Move the mouse onto a node and return the tooltip that opens."""
        x, y = self.js("""id => { const n = window.aigraph.network; n.moveTo({position: n.getPosition(id), scale: 1});
                             const p = n.canvasToDOM(n.getPosition(id));
                             const r = document.getElementById('net').getBoundingClientRect();
                             return [p.x + r.left, p.y + r.top]; }""", node_id)
        self.page.mouse.move(x - 40, y - 40)
        self.page.mouse.move(x, y, steps=4)
        self.page.wait_for_function("() => { const t = document.querySelector('div.vis-tooltip');"
                                    " return t && t.style.visibility === 'visible'; }", timeout=5000)
        return self.js("() => document.querySelector('div.vis-tooltip').textContent")


    def hover_edge(self, edge_id: str) -> str:
        """Move the mouse onto the middle of an edge and return the tooltip that opens."""
        x, y = self.js("""id => { const n = window.aigraph.network, e = window.aigraph.edges.get(id);
                             const a = n.getPosition(e.from), b = n.getPosition(e.to);
                             const mid = {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
                             n.moveTo({position: mid, scale: 1}); const p = n.canvasToDOM(mid);
                             const r = document.getElementById('net').getBoundingClientRect();
                             return [p.x + r.left, p.y + r.top]; }""", edge_id)
        self.page.mouse.move(x - 40, y - 40)
        self.page.mouse.move(x, y, steps=4)
        self.page.wait_for_function("() => { const t = document.querySelector('div.vis-tooltip');"
                                    " return t && t.style.visibility === 'visible'; }", timeout=5000)
        return self.js("() => document.querySelector('div.vis-tooltip').textContent")


def test_seed_graph_page_draws_every_entity_and_fact(browser, session_graph):
    g = to_networkx(open_store(session_graph))
    view = Opened(browser, session_graph / "aigraph.html")
    assert view.js("[window.aigraph.nodes.length, window.aigraph.edges.length]") == \
        [g.number_of_nodes(), g.number_of_edges()]
    assert view.js("document.querySelector('#net canvas').width") > 0
    status = view.search("DeepSeek")
    assert "DeepSeek" in status
    assert ENT + "DeepSeek" in view.js("window.aigraph.network.getSelectedNodes()")
    assert view.search("deepseek-r1").endswith("DeepSeek-R1")  # exact names first, any case
    assert view.search("no such entity anywhere") == "no match"
    tip = view.hover(ENT + "DeepSeek")
    assert tip.startswith("DeepSeek (Company)")
    assert view.errors == [] and view.remote == [] and view.dialogs == []


def test_type_filter_hides_one_type(browser, session_graph):
    g = to_networkx(open_store(session_graph))
    models = sum(1 for _, d in g.nodes(data=True) if d["type"] == "Model")
    view = Opened(browser, session_graph / "aigraph.html")
    view.page.uncheck("#types input[value='Model']")
    assert view.js("window.aigraph.nodes.get({filter: n => n.hidden}).length") == models
    view.page.check("#types input[value='Model']")
    assert view.js("window.aigraph.nodes.get({filter: n => n.hidden}).length") == 0
    assert view.errors == []


def test_names_from_documents_stay_inert(browser, tmp_path):
    g = view_graph([(ENT + "evil", EVIL, "Company", ("<script>window.pwned=1</script>",)),
                    (ENT + "m", "\"><svg onload=alert(2)>", "Model", ()),
                    (ENT + "DeepSeek", "DeepSeek", "Company", ())],
                   [(ENT + "m", ENT + "evil", "developedBy", 0.9, 1, (("<b>doc</b>.txt", 1, EVIL + " said so"),)),
                    (ENT + "DeepSeek", ENT + "evil", "partnerOf", 0.8, 1, ())])
    page = tmp_path / "evil.html"
    write_view(g, page, title=f"aigraph: {EVIL}")
    view = Opened(browser, page)
    assert view.js("document.title") == f"aigraph: {EVIL}"
    assert view.js("document.querySelectorAll('img, svg, b:not(#title)').length") == 0
    assert EVIL in view.search("onerror")
    tip = view.hover(ENT + "evil")
    assert tip.startswith(EVIL) and "<script>window.pwned=1</script>" in tip
    # the tooltip is text: its only elements are the line breaks innerText makes
    assert view.js("[...document.querySelector('div.vis-tooltip').children].every(c => c.tagName === 'BR')")
    view.page.wait_for_timeout(300)
    assert view.js("window.pwned === undefined")
    assert view.dialogs == [] and view.errors == [] and view.remote == []


def test_neighbourhood_page_from_the_command(browser, session_graph, tmp_path):
    g = to_networkx(open_store(session_graph), evidence=True)
    near = g.subgraph(around(g, ENT + "DeepSeek", 1))
    page = tmp_path / "deepseek.html"
    r = CliRunner().invoke(cli, ["html", "deepseek", "-o", str(page), "--graph", str(session_graph), "-q"])
    assert r.exit_code == 0, r.output
    view = Opened(browser, page)
    assert view.js("document.title") == "aigraph: DeepSeek"
    assert view.js("[window.aigraph.nodes.length, window.aigraph.edges.length]") == \
        [near.number_of_nodes(), near.number_of_edges()]
    edge = view.js("iri => window.aigraph.edges.get({filter: e => e.from === iri && e.label === 'developedBy'})",
                   ENT + "DeepSeek-R1")
    assert len(edge) == 1 and edge[0]["to"] == ENT + "DeepSeek"
    tip = view.hover_edge(edge[0]["id"])
    (_, _, sentence), *_ = g.get_edge_data(ENT + "DeepSeek-R1", ENT + "DeepSeek")["developedBy"]["evidence"]
    assert tip.startswith("DeepSeek-R1 —developedBy→ DeepSeek") and sentence[:60] in tip
    assert view.errors == [] and view.remote == []
