"""The pages `aigraph serve` serves from the views: /entity/NAME for every entity, /entity/ to find one, /funding."""

from __future__ import annotations

import html
import os
import threading
from pathlib import Path
from urllib.parse import parse_qs, unquote

from pyoxigraph import Store

from aigraph.views.style import FONT_STACK

_lock = threading.Lock()
_stores: dict[str, tuple[tuple[int, int], Store]] = {}
INDEX_SHOWN = 60
"""Entities listed on /entity/ (the most connected)."""


def _store(graph: Path) -> Store:
    """The graph's store opened read-only, once per build: a new build (a new store folder) is reopened."""
    from aigraph.graph.store import STORE_DIR, open_store

    folder = Path(graph) / STORE_DIR
    st = os.stat(folder)
    stamp = (st.st_ino, st.st_mtime_ns)
    with _lock:
        held = _stores.get(str(folder))
        if held is None or held[0] != stamp:
            held = (stamp, open_store(graph))
            _stores[str(folder)] = held
        return held[1]


def served(graph: Path, path: str, query: str = "") -> tuple[int, bytes]:
    """(HTTP status, HTML page) for a GET of `path` (`/entity/NAME`, `/entity/`, `/funding`) with the URL's
    `query` (`depth=2` on an entity's page): the same pages as `aigraph html`, with every name a link."""
    from aigraph.errors import AigraphError, AmbiguousEntity, UnknownEntity

    try:
        store = _store(graph)
    except (AigraphError, OSError) as exc:  # no store (yet), or one being replaced: say so, stay up
        return 503, _message("The graph cannot be read just now", str(exc), []).encode("utf-8")
    if path == "/funding":
        from aigraph.views.funding import funding_page
        from aigraph.views.funding_data import read_rounds

        return 200, funding_page(read_rounds(store), links=True).encode("utf-8")
    if path in ("/entity", "/entity/"):
        return 200, _index(store).encode("utf-8")
    name = unquote(path[len("/entity/"):])
    depth = (parse_qs(query).get("depth") or ["1"])[0]
    depth = int(depth) if depth in ("1", "2", "3") else 1
    from aigraph.views.entity_page import entity_page

    try:
        _, _, page = entity_page(store, name, depth, links=True)
        return 200, page.encode("utf-8")
    except AmbiguousEntity as exc:
        choices = [c.split(" = ")[0] for c in exc.candidates]
        return 300, _message(f"“{name}” names several entities", "Which one?", choices).encode("utf-8")
    except UnknownEntity as exc:
        return 404, _message(f"No entity named “{name}”", "Did you mean:" if exc.suggestions else
                             "Find one by part of its name below.", exc.suggestions).encode("utf-8")


def _page(title: str, body: str) -> str:
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html.escape(title)
            + "</title><style>body { font: 14px/1.45 " + FONT_STACK + "; margin: 1.5em; color: #1f1f1f; }"
            " a { color: #1a5fb4; text-decoration: none; } a:hover { text-decoration: underline; }"
            " li { margin: 2px 0; } .muted { color: #666; }</style></head><body>" + body
            + "<form id=\"find\"><input id=\"name\" placeholder=\"Any name or alias\" aria-label=\"Entity name\" "
            "autocomplete=\"off\"> <button>Open its page</button></form>"
            "<p class=\"muted\"><a href=\"/\">SPARQL query page</a> · <a href=\"/graph\">the whole graph</a> · "
            "<a href=\"/funding\">funding rounds</a></p><script>document.getElementById('find').addEventListener("
            "'submit', function (e) { e.preventDefault(); var v = document.getElementById('name').value.trim(); "
            "if (v) location.href = '/entity/' + encodeURIComponent(v).replace(/\\./g, '%2E'); });</script>"
            "</body></html>")


def _links(names: list[str]) -> str:
    from aigraph.views.entity_page import entity_href

    return "<ul>" + "".join(f"<li><a href=\"{html.escape(entity_href(n))}\">{html.escape(n)}</a></li>"
                            for n in names) + "</ul>"


def _message(title: str, lead: str, names: list[str]) -> str:
    return _page(title, f"<h1>{html.escape(title)}</h1><p>{html.escape(lead)}</p>" + (_links(names) if names else ""))


def _index(store: Store) -> str:
    """The most connected entities, each a link to its page, and a box to open any entity's page."""
    from pyoxigraph import NamedNode

    from aigraph.graph.store import run
    from aigraph.vocab import AIG_NS, PREDICATES

    count: dict[str, int] = {}
    for p in PREDICATES:
        for q in store.quads_for_pattern(None, NamedNode(AIG_NS + p), None, None):
            for end in (q.subject.value, q.object.value):
                count[end] = count.get(end, 0) + 1
    names = {s["e"].value: s["l"].value for s in run(store, "SELECT ?e ?l WHERE { ?e rdfs:label ?l . "
                                                           "FILTER(STRSTARTS(STR(?e), STR(ent:))) }")}
    top = sorted((i for i in count if i in names), key=lambda i: (-count[i], names[i].casefold()))[:INDEX_SHOWN]
    from aigraph.views.entity_page import entity_href

    items = "".join(f"<li><a href=\"{html.escape(entity_href(names[i]))}\">{html.escape(names[i])}</a> "
                    f"<span class=\"muted\">{count[i]} facts</span></li>" for i in top)
    return _page("aigraph: entities", "<h1>Entities</h1><p>Every entity has a page: its neighbourhood, its "
                 "facts and the sentences they were read from. The most connected:</p><ol>" + items + "</ol>")

