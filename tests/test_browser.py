"""The views in a real headless Chromium, measured as a user sees them: fitted to the window, labels apart,
the focus largest, Chinese drawn with a CJK font, links that open pages, names that stay text."""

from __future__ import annotations

import hashlib
import re
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from aigraph.cli import cli
from aigraph.graph.store import open_store
from aigraph.views.html import write_view
from aigraph.views.netgraph import to_networkx
from aigraph.views.style import CJK_FAMILIES

from .conftest import SEEDS
from .tinygraph import view_graph

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ENT = "https://aigraph.dev/id/"
EVIL = "<img src=x onerror=alert(1)>"
HOOK = (Path(__file__).parent / "canvas_hook.js").read_text("utf-8")
HAN = re.compile(r"[\u4e00-\u9fff]")
READABLE = 10.0
"""Least label size (px on screen) of the most central entities at the fitted zoom."""


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it (or run `make browser`).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory) -> Path:
    """The graph of every seed report, as `make build` makes it."""
    from aigraph.pipeline.build import build

    out = tmp_path_factory.mktemp("seeds")
    build(sorted(SEEDS.glob("*.txt")), out)
    return out


class Opened:
    """A page, what it logged, the dialogs it opened and the requests it tried beyond the file or server."""

    def __init__(self, browser, url: str, size: tuple[int, int] = (1280, 800), allow: str = "file:"):
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.remote: list[str] = []
        self.allow = allow
        self.page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        self.page.add_init_script(HOOK)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.page.goto(url)
        self.ready()

    def ready(self) -> None:
        self.page.wait_for_selector("body[data-ready='1']", timeout=30000)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route) -> None:
        if route.request.url.startswith(self.allow):
            route.continue_()
        else:
            self.remote.append(route.request.url)
            route.abort()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def texts(self) -> list[dict]:
        """Every text the graph's canvas draws in one frame, with its box on the page."""
        return self.js("window.__aigraphTexts()")

    def boxes(self) -> dict[str, list[float]]:
        """Each shown node's box (shape and label), in page pixels."""
        return self.js("""() => { const net = window.aigraph.network, out = {};
            const r = document.getElementById('net').getBoundingClientRect();
            window.aigraph.nodes.forEach(n => { if (n.hidden) return;
              const a = net.canvasToDOM({x: n.x - n.box[0], y: n.y - n.box[1]});
              const b = net.canvasToDOM({x: n.x + n.box[0], y: n.y + n.box[2]});
              out[n.id] = [a.x + r.left, a.y + r.top, b.x + r.left, b.y + r.top]; });
            return out; }""")

    def net_rect(self) -> list[float]:
        return self.js("(() => { const r = document.getElementById('net').getBoundingClientRect();"
                       " return [r.left, r.top, r.right, r.bottom]; })()")

    def search(self, text: str) -> str:
        self.page.fill("#search", text)
        self.page.press("#search", "Enter")
        return self.page.text_content("#status") or ""

    def _tooltip_at(self, x: float, y: float) -> str:
        self.page.mouse.move(x - 40, y - 40)
        self.page.mouse.move(x, y, steps=4)
        self.page.wait_for_function("() => { const t = document.querySelector('div.vis-tooltip');"
                                    " return t && t.style.visibility === 'visible'; }", timeout=5000)
        return self.js("() => document.querySelector('div.vis-tooltip').textContent")

    def hover(self, node_id: str) -> str:
        """Move the mouse onto a node and return the tooltip that opens."""
        x, y = self.js("""id => { const n = window.aigraph.network; n.moveTo({position: n.getPosition(id), scale: 1});
                             const p = n.canvasToDOM(n.getPosition(id));
                             const r = document.getElementById('net').getBoundingClientRect();
                             return [p.x + r.left, p.y + r.top]; }""", node_id)
        return self._tooltip_at(x, y)

    def hover_edge(self, edge_id: str) -> str:
        """Move the mouse onto the middle of an edge and return the tooltip that opens."""
        x, y = self.js("""id => { const n = window.aigraph.network, e = window.aigraph.edges.get(id);
                             const a = n.getPosition(e.from), b = n.getPosition(e.to);
                             const mid = {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
                             n.moveTo({position: mid, scale: 1}); const p = n.canvasToDOM(mid);
                             const r = document.getElementById('net').getBoundingClientRect();
                             return [p.x + r.left, p.y + r.top]; }""", edge_id)
        return self._tooltip_at(x, y)

    def platform_fonts(self, selector: str) -> dict[str, int]:
        """The fonts Chromium drew an element's text with: family -> glyphs."""
        # Chromium reports fonts only for text it has laid out: force layout, and on a loaded machine
        # the report can still come back empty for a node changed a moment ago, so ask again.
        self.page.wait_for_function("s => document.querySelector(s).getBoundingClientRect().width > 0", arg=selector)
        cdp = self.page.context.new_cdp_session(self.page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        fonts: list[dict] = []
        for _ in range(20):
            root = cdp.send("DOM.getDocument")["root"]["nodeId"]
            node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            if fonts:
                break
            self.page.wait_for_timeout(100)
        cdp.detach()
        return {f["familyName"]: f["glyphCount"] for f in fonts}

    def missing_glyphs(self, font: str, text: str) -> list[str]:
        """Characters of `text` that the canvas font `font` draws as nothing or as the box of a missing glyph."""
        return self.js("""([font, text]) => {
            const c = document.createElement('canvas'); c.width = c.height = 72;
            const x = c.getContext('2d'), f = font.replace(/[\\d.]+px/, '48px');
            const raster = ch => { x.clearRect(0, 0, 72, 72); x.font = f; x.textBaseline = 'top';
                                   x.fillText(ch, 8, 8); return x.getImageData(0, 0, 72, 72).data.join(','); };
            const none = raster(''), tofu = raster('\\u{10FFFD}');
            return [...text].filter(ch => { const r = raster(ch); return r === none || r === tofu; }); }""", [font, text])


def overlapping(texts: list[dict]) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for k, a in enumerate(texts) for b in texts[k + 1:]
            if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]]


def inside(box: list[float], rect: list[float], slack: float = 1.0) -> bool:
    return box[0] >= rect[0] - slack and box[1] >= rect[1] - slack and box[2] <= rect[2] + slack and box[3] <= rect[3] + slack


def test_seed_overview_fits_the_window_and_its_top_50_labels_are_apart(browser, seed_graph):
    view = Opened(browser, (seed_graph / "aigraph.html").as_uri(), (1400, 1000))
    rect = view.net_rect()
    boxes = view.boxes()
    assert boxes and all(inside(b, rect) for b in boxes.values())  # the whole graph is in the window
    data = view.js("window.aigraph.data")
    top = [row[1] for row in data["names"] if row[4]][:50]
    texts = view.texts()
    drawn = {t["text"]: t for t in texts}
    assert [n for n in top if n not in drawn] == []  # every one of the 50 is labelled without zooming
    assert min(drawn[n]["px"] for n in top) >= READABLE
    assert overlapping(texts) == []  # no two labels (nor cluster titles) overlap
    titles = [c["title"] for c in data["clusters"]]
    assert titles and set(titles) <= set(drawn)  # the clusters are named on the canvas
    # zoomed in, the lesser entities' labels appear, still apart
    view.js("window.aigraph.network.moveTo({scale: window.aigraph.network.getScale() * 2.5})")
    closer = view.texts()
    assert len(closer) > len([t for t in closer if t["text"] in top]) and overlapping(closer) == []
    assert view.errors == [] and view.remote == [] and view.dialogs == []


def test_overview_draws_linked_entities_and_finds_the_others(browser, session_graph):
    g = to_networkx(open_store(session_graph))
    linked = {i for i in g if g.degree(i) > 0}
    alone = sorted(g.nodes[i]["label"] for i in g if i not in linked)
    view = Opened(browser, (session_graph / "aigraph.html").as_uri())
    assert view.js("[window.aigraph.nodes.length, window.aigraph.edges.length]") == [len(linked), g.number_of_edges()]
    assert view.search("DeepSeek").startswith("found: DeepSeek") or "first: DeepSeek" in view.search("DeepSeek")
    assert ENT + "DeepSeek" in view.js("window.aigraph.network.getSelectedNodes()")
    assert view.search("deepseek-r1").endswith("DeepSeek-R1")  # exact names first, any case
    assert view.search("no such entity anywhere") == "no match"
    assert alone and "has no facts: not drawn" in view.search(alone[0])
    tip = view.hover(ENT + "DeepSeek")
    assert tip.startswith("DeepSeek (Company)")
    # the search box's placeholder fits in it, as drawn in the box's own font
    room, needs = view.js("""(() => { const s = document.getElementById('search'), st = getComputedStyle(s);
        const c = document.createElement('canvas').getContext('2d'); c.font = st.font;
        return [s.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight),
                c.measureText(s.placeholder).width]; })()""")
    assert needs <= room
    assert view.errors == [] and view.remote == [] and view.dialogs == []


def test_type_filter_hides_one_type_and_fits_the_rest_again(browser, seed_graph):
    g = to_networkx(open_store(seed_graph))
    models = sum(1 for i, d in g.nodes(data=True) if d["type"] == "Model" and g.degree(i) > 0)
    view = Opened(browser, (seed_graph / "aigraph.html").as_uri(), (1400, 1000))
    before = view.js("window.aigraph.network.getScale()")
    view.page.uncheck("#types input[value='Company']")
    view.page.uncheck("#types input[value='Model']")
    assert view.js("window.aigraph.nodes.get({filter: n => n.hidden && n.group === 'Model'}).length") == models
    rect = view.net_rect()
    shown = view.boxes()
    assert shown and all(inside(b, rect) for b in shown.values())
    spread = [min(b[0] for b in shown.values()), min(b[1] for b in shown.values()),
              max(b[2] for b in shown.values()), max(b[3] for b in shown.values())]
    # refitted: the rest spans the window in one direction (not left where it was)
    assert spread[2] - spread[0] > 0.8 * (rect[2] - rect[0]) or spread[3] - spread[1] > 0.8 * (rect[3] - rect[1])
    # never zoomed out to fit fewer entities (when the rest reaches the same corners the scale stays the
    # same, up to the fitting's rounding)
    assert view.js("window.aigraph.network.getScale()") >= before * 0.995
    assert overlapping(view.texts()) == []
    view.page.check("#types input[value='Company']")
    view.page.check("#types input[value='Model']")
    assert view.js("window.aigraph.nodes.get({filter: n => n.hidden}).length") == 0
    assert view.errors == []


def test_chinese_labels_are_drawn_with_a_cjk_font(browser, seed_graph):
    view = Opened(browser, (seed_graph / "aigraph.html").as_uri(), (1400, 1000))
    assert view.missing_glyphs("14px sans-serif", "\U0010fffd") == ["\U0010fffd"]  # the check sees a missing glyph
    han = [n for n in view.js("window.aigraph.data.nodes") if HAN.search(n["label"])]
    assert han
    checked = 0
    for node in han[:6]:
        view.js("id => window.aigraph.network.focus(id, {scale: 4})", node["id"])
        drawn = [t for t in view.texts() if t["text"] == node["label"]]
        assert drawn, node["label"]
        assert view.missing_glyphs(drawn[0]["font"], node["label"]) == []
        # the same font on the page: Chromium says which fonts it drew the text with
        view.js("""([font, text]) => { let p = document.getElementById('probe');
                   if (!p) { p = document.createElement('span'); p.id = 'probe'; document.body.appendChild(p); }
                   p.style.font = font; p.textContent = text; }""", [drawn[0]["font"], node["label"]])
        fonts = view.platform_fonts("#probe")
        assert sum(n for f, n in fonts.items() if f in CJK_FAMILIES) >= len(HAN.findall(node["label"])), fonts
        checked += 1
    assert checked and view.errors == []


def test_entity_page_centres_the_focus_largest_with_its_card(browser, session_graph, tmp_path):
    g = to_networkx(open_store(session_graph), evidence=True)
    page = tmp_path / "deepseek.html"
    r = CliRunner().invoke(cli, ["html", "deepseek", "-o", str(page), "--graph", str(session_graph), "-q"])
    assert r.exit_code == 0, r.output
    view = Opened(browser, page.as_uri(), (1400, 1000))
    assert view.js("document.title") == "aigraph: DeepSeek"
    rect = view.net_rect()
    boxes = view.boxes()
    assert all(inside(b, rect) for b in boxes.values())
    centre = [(boxes[ENT + "DeepSeek"][0] + boxes[ENT + "DeepSeek"][2]) / 2, (rect[0] + rect[2]) / 2]
    assert abs(centre[0] - centre[1]) < 0.1 * (rect[2] - rect[0])  # in the middle
    sizes = view.js("""() => { const net = window.aigraph.network, s = net.getScale(), out = {};
                       window.aigraph.nodes.forEach(n => out[n.id] = n.size * s); return out; }""")
    assert sizes[ENT + "DeepSeek"] == max(sizes.values()) and sorted(sizes.values())[-2] < sizes[ENT + "DeepSeek"]
    texts = view.texts()
    px = {t["text"]: t["px"] for t in texts}
    assert px["DeepSeek"] == max(px.values()) and len(px) == len(boxes)  # every label shown, the focus's largest
    assert overlapping(texts) == []
    # the card beside the graph, not over it
    side = view.js("(() => { const r = document.getElementById('side').getBoundingClientRect();"
                   " return [r.left, r.top, r.right, r.bottom]; })()")
    assert side[0] >= rect[2] - 1 and side[2] <= 1400
    card = view.page.text_content("#side")
    assert "深度求索" in card and "developedBy" in card and "Company" in card
    fonts = view.platform_fonts("#side h2 + div")  # the aliases, with Chinese ones
    assert sum(n for f, n in fonts.items() if f in CJK_FAMILIES) >= 4, fonts
    edge = view.js("iri => window.aigraph.edges.get({filter: e => e.from === iri && e.label === 'developedBy'})",
                   ENT + "DeepSeek-R1")
    assert len(edge) == 1 and edge[0]["to"] == ENT + "DeepSeek"
    tip = view.hover_edge(edge[0]["id"])
    (_, _, sentence), *_ = g.get_edge_data(ENT + "DeepSeek-R1", ENT + "DeepSeek")["developedBy"]["evidence"]
    assert tip.startswith("DeepSeek-R1 —developedBy→ DeepSeek") and sentence[:40] in tip
    assert view.errors == [] and view.remote == []


@contextmanager
def serving(graph: Path):
    from aigraph.serve.endpoint import make_server

    srv = make_server(graph, port=0, quiet=True, workers=1)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv.url
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(5)


def test_served_entity_pages_link_to_their_neighbours_pages(browser, session_graph):
    with serving(session_graph) as url:
        view = Opened(browser, url + "/entity/DeepSeek", allow=url)
        links = view.js("[...document.querySelectorAll('#side a')].map(a => [a.textContent, a.getAttribute('href')])")
        assert ["DeepSeek-R1", "/entity/DeepSeek-R1"] in links
        view.page.click("#side a[href='/entity/DeepSeek-R1']")
        view.page.wait_for_url(url + "/entity/DeepSeek-R1")
        view.ready()
        assert view.js("document.title") == "aigraph: DeepSeek-R1"
        assert view.js("window.aigraph.data.focus") == ENT + "DeepSeek-R1"
        view.page.click("#side a[href='/entity/DeepSeek']")  # and back
        view.page.wait_for_url(url + "/entity/DeepSeek")
        view.ready()
        # a double click on a node opens its page too
        view.js("id => window.aigraph.network.focus(id, {scale: 1})", ENT + "DeepSeek-R1")
        x, y = view.js("""id => { const n = window.aigraph.network, p = n.canvasToDOM(n.getPosition(id));
                         const r = document.getElementById('net').getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }""",
                       ENT + "DeepSeek-R1")
        view.page.mouse.dblclick(x, y)
        view.page.wait_for_url(url + "/entity/DeepSeek-R1")
        # the query page leads to entity pages: its link, and every entity in its results
        view.page.goto(url + "/")
        view.page.click("#entity-link")
        view.page.wait_for_url(url + "/entity/")
        assert view.js("[...document.querySelectorAll('ol a')].some(a => a.textContent === 'DeepSeek')")
        view.page.goto(url + "/")
        view.page.fill("#query", "SELECT ?e WHERE { ?e rdfs:label 'DeepSeek'@en }")
        view.page.click("#run")
        view.page.click("#results a")
        view.page.wait_for_url(re.compile(re.escape(url) + r"/entity/ent%3ADeepSeek"))
        view.ready()
        assert view.js("document.title") == "aigraph: DeepSeek"
        missing = view.page.goto(url + "/entity/DeepSeak")
        assert missing.status == 404 and "DeepSeek" in view.page.text_content("ul")
        assert view.errors == [] or all("404" in e for e in view.errors)
        assert view.remote == [] and view.dialogs == []


def evil_graph(out: Path) -> Path:
    """A graph whose names, aliases and sentences are markup, written through the real graph code."""
    from aigraph.graph.rdf import build_quads
    from aigraph.graph.store import write_store
    from aigraph.model import Document, Entity, Evidence, Fact, Linked, Quantity, Sentence

    script = "<script>window.pwned=1</script>"
    ents = (Entity(EVIL, "Company", frozenset({script})), Entity(script, "Investor"), Entity("Plain Co", "Company"))
    text = f"{script} invested $5 million in {EVIL}. {EVIL} competes with Plain Co."
    doc = Document("<b>doc</b>.txt", "<b>doc</b>.txt", text, hashlib.sha256(text.encode()).hexdigest(), date="2024-05-01")
    s0, s1 = Sentence(doc.id, 0, text.split(". ")[0] + ".", ((0, 40),)), Sentence(doc.id, 1, text.split(". ")[1], ((41, 80),))
    evidence = (Evidence(Fact(script, "investedIn", EVIL, 0.9, amount=Quantity("$5 million", "5000000", "USD")), s0),
                Evidence(Fact(EVIL, "competesWith", "Plain Co", 0.9), s1))
    mentions = tuple(sorted({(e.name, doc.id, e.name) for e in ents}))
    write_store(build_quads([doc], Linked(ents, evidence, mentions)), out)
    return out


def test_names_from_documents_stay_inert(browser, tmp_path):
    g = view_graph([(ENT + "evil", EVIL, "Company", ("<script>window.pwned=1</script>",)),
                    (ENT + "m", "\"><svg onload=alert(2)>", "Model", ()),
                    (ENT + "DeepSeek", "DeepSeek", "Company", ())],
                   [(ENT + "m", ENT + "evil", "developedBy", 0.9, 1, (("<b>doc</b>.txt", 1, EVIL + " said so"),)),
                    (ENT + "DeepSeek", ENT + "evil", "partnerOf", 0.8, 1, ())])
    page = tmp_path / "evil.html"
    write_view(g, page, title=f"aigraph: {EVIL}")
    view = Opened(browser, page.as_uri())
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


def test_served_entity_and_funding_pages_keep_hostile_names_inert(browser, tmp_path):
    graph = evil_graph(tmp_path / "evil")
    with serving(graph) as url:
        view = Opened(browser, url + "/entity/" + __import__("urllib.parse").parse.quote(EVIL, safe=""), allow=url)
        assert view.js("document.title") == f"aigraph: {EVIL}"
        assert view.js("document.querySelectorAll('img, svg').length") == 0
        card = view.page.text_content("#side")
        assert EVIL in card and "<script>window.pwned=1</script>" in card and "$5 million" in card
        hrefs = view.js("[...document.querySelectorAll('#side a')].map(a => a.getAttribute('href'))")
        assert hrefs and all(h.startswith("/entity/") and "<" not in h for h in hrefs)
        funding = Opened(browser, url + "/funding", allow=url)
        assert funding.js("document.querySelectorAll('img, script').length") == 1  # its own script only
        assert funding.js("document.querySelectorAll('#chart svg').length") == 1
        assert EVIL in funding.page.text_content("#chart")
        view.page.wait_for_timeout(300)
        for v in (view, funding):
            assert v.js("window.pwned === undefined") and v.dialogs == [] and v.errors == [] and v.remote == []


def test_readme_picture_of_the_graph_keeps_its_labels_apart(browser, seed_graph):
    view = Opened(browser, (seed_graph / "aigraph.html").as_uri())  # the entities, in the page's order
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto((seed_graph / "graph.svg").as_uri())
    boxes = page.evaluate("""[...document.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
        const r = t.getBoundingClientRect(); return {text: t.textContent, left: r.left, top: r.top,
        right: r.right, bottom: r.bottom}; })""")
    top = [row[1] for row in view.js("window.aigraph.data.names") if row[4]][:50]
    assert set(top) <= {b["text"] for b in boxes}  # the most central are named
    assert overlapping(boxes) == []


def test_funding_page_shows_each_round_and_its_evidence_on_hover(browser, seed_graph):
    view = Opened(browser, (seed_graph / "funding.html").as_uri(), (1400, 1000))
    rounds = view.js("document.querySelectorAll('#chart g.round').length")
    assert rounds == view.js("document.querySelectorAll('tbody tr').length") > 0
    marker = view.page.locator("#chart g.round circle").first
    marker.hover()
    tip = view.page.text_content("#tip")
    assert view.js("!document.getElementById('tip').hidden") and "investors:" in tip and "“" in tip
    # an investor's link: a point on its curve, found by the browser's own geometry
    x, y = view.js("""() => { const p = document.querySelector('#chart path.link');
                     const pt = p.getPointAtLength(p.getTotalLength() / 2), m = p.getScreenCTM();
                     return [pt.x * m.a + m.e, pt.y * m.d + m.f]; }""")
    view.page.mouse.move(x - 30, y - 30)
    view.page.mouse.move(x, y, steps=3)
    assert " → " in view.page.text_content("#tip") and "round" in view.page.text_content("#tip")
    assert view.errors == [] and view.remote == []
