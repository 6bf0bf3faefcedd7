"""The endpoint's query page in a real headless Chromium: pick a shipped query, run it, see the table;
errors and markup in results are shown as text."""

from __future__ import annotations

import pytest

from .test_browser import ARGS, CHROMIUM, EVIL
from .test_server import serving
from .tinygraph import write_tiny_graph


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it (or run `make browser`).")
    from playwright.sync_api import sync_playwright

    graph = write_tiny_graph(tmp_path_factory.mktemp("tiny"))
    (graph / "aigraph.html").write_text("<html><body>the graph view</body></html>", encoding="utf-8")
    with serving(graph, timeout=10, workers=1) as srv, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        tab = browser.new_page()
        tab.dialogs = []
        tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
        tab.goto(srv.url + "/")
        yield tab
        browser.close()


def run(page, query: str | None = None, named: str | None = None) -> None:
    if named:
        page.select_option("#named", named)
    if query is not None:
        page.fill("#query", query)
    page.click("#run")
    page.wait_for_function("() => / ms\\)$/.test(document.getElementById('status').textContent)"
                           " || document.getElementById('error').textContent", timeout=15000)


def rows(page) -> list[list[str]]:
    return page.evaluate("() => [...document.querySelectorAll('#results tr')].map("
                         "r => [...r.cells].map(c => c.textContent))")


def test_a_shipped_query_runs_and_shows_its_table(page):
    run(page, named="models-developers")
    assert page.input_value("#query").startswith("# Models and the companies")
    table = rows(page)
    assert table[0] == ["model", "modelName", "developer", "developerName", "confidence", "support"]
    assert sorted(r[1] for r in table[1:]) == ["Atlas-1", "Zeta-2"]
    assert page.text_content("#status").startswith("2 rows")


def test_errors_and_markup_are_shown_as_text(page):
    run(page, "SELECT ?m WHERE {\n ?m ex:p ?x")
    assert page.text_content("#error").startswith("400: SPARQL syntax error at line 2, column ")
    assert rows(page) == []
    run(page, "DROP ALL")
    assert page.text_content("#error").startswith("403: ")
    run(page, f'SELECT ?x WHERE {{ BIND("{EVIL}" AS ?x) }}')
    assert rows(page) == [["x"], [EVIL]] and page.text_content("#error") == ""
    assert page.evaluate("() => document.querySelectorAll('#results img').length") == 0 and page.dialogs == []


def test_the_graph_view_link(page):
    href = page.evaluate("() => document.getElementById('graph-link').href")
    assert page.request.get(href).text() == "<html><body>the graph view</body></html>"
