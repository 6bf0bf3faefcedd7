"""Load the graph into an external SPARQL 1.1 store, by SPARQL Update or the Graph Store Protocol."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from pyoxigraph import BlankNode, DefaultGraph, NamedNode, RdfFormat, Store, Triple, serialize

from aigraph.errors import AigraphError

PROTOCOLS = ("update", "gsp")


class PushError(AigraphError):
    """The external store refused or could not be reached."""


@dataclass(frozen=True)
class PushReport:
    """What was sent where."""

    endpoint: str
    protocol: str
    graphs: int
    triples: int
    requests: int


def graphs_of(store: Store) -> dict[NamedNode | DefaultGraph, list[Triple]]:
    """The store's triples by graph, graphs and triples in a stable order."""
    by_graph: dict = defaultdict(list)
    for q in store:
        by_graph[q.graph_name].append(Triple(q.subject, q.predicate, q.object))
    return {g: sorted(ts, key=str) for g, ts in sorted(by_graph.items(), key=lambda kv: str(kv[0]))}


def push(store: Store, endpoint: str, protocol: str = "update", default_graph: str | None = None,
         user: str | None = None, password: str | None = None, batch: int = 2000, replace: bool = True,
         progress: Callable | None = None, timeout: float = 300) -> PushReport:
    """Send every graph of `store` to `endpoint`. The default graph goes to the endpoint's default graph,
    or to the named graph `default_graph` (stores such as Virtuoso have no writable default graph).
    With `replace`, each graph the push writes is emptied first, so pushing twice gives the same store."""
    if protocol not in PROTOCOLS:
        raise PushError(f"Unknown protocol {protocol!r}: use one of {', '.join(PROTOCOLS)}.")
    client = _Client(endpoint, user, password, timeout)
    graphs = graphs_of(store)
    total = sum(len(ts) for ts in graphs.values())
    sent = 0
    for graph, triples in graphs.items():
        target = NamedNode(default_graph) if isinstance(graph, DefaultGraph) and default_graph else graph
        # a blank node means the same node only within one request: such a graph goes whole
        size = (len(triples) or 1) if any(_has_bnode(t) for t in triples) else batch
        for i in range(0, max(len(triples), 1), size):
            chunk = triples[i:i + size]
            first = i == 0
            if protocol == "update":
                client.update(_update_text(target, chunk, clear=first and replace))
            else:
                client.graph_store(target, chunk, put=first and replace)
            sent += len(chunk)
            if progress:
                progress("push", sent, total)
    return PushReport(endpoint, protocol, len(graphs), total, client.requests)


def _has_bnode(t: Triple) -> bool:
    return isinstance(t.subject, BlankNode) or isinstance(t.object, BlankNode)


def _update_text(graph, triples: list[Triple], clear: bool) -> str:
    """DROP then INSERT DATA; with blank nodes, INSERT {...} WHERE {} (some stores, Virtuoso among
    them, refuse blank nodes in INSERT DATA)."""
    body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
    if isinstance(graph, NamedNode):
        body = f"GRAPH {graph} {{\n{body}\n}}"
    parts = []
    if clear:
        parts.append(f"DROP SILENT GRAPH {graph}" if isinstance(graph, NamedNode) else "DROP SILENT DEFAULT")
    if triples:
        bnodes = any(_has_bnode(t) for t in triples)
        parts.append(f"INSERT {{ {body} }} WHERE {{}}" if bnodes else f"INSERT DATA {{ {body} }}")
    return " ;\n".join(parts)


class _Client:
    def __init__(self, endpoint: str, user: str | None, password: str | None, timeout: float) -> None:
        self.endpoint, self.timeout, self.requests = endpoint, timeout, 0
        handlers: list = []
        if user is not None:
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            mgr.add_password(None, endpoint, user, password or "")
            handlers += [urllib.request.HTTPBasicAuthHandler(mgr), urllib.request.HTTPDigestAuthHandler(mgr)]
        self.opener = urllib.request.build_opener(*handlers)

    def update(self, text: str) -> None:
        self._send("POST", self.endpoint, text.encode("utf-8"), "application/sparql-update")

    def graph_store(self, graph, triples: list[Triple], put: bool) -> None:
        param = {"graph": graph.value} if isinstance(graph, NamedNode) else {"default": ""}
        sep = "&" if "?" in self.endpoint else "?"
        url = self.endpoint + sep + urllib.parse.urlencode(param).removesuffix("=")
        data = serialize(triples, format=RdfFormat.N_TRIPLES) if triples else b""
        self._send("PUT" if put else "POST", url, data, "application/n-triples")

    def _send(self, method: str, url: str, data: bytes, content_type: str) -> None:
        req = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": f"{content_type}; charset=utf-8"})
        self.requests += 1
        try:
            with self.opener.open(req, timeout=self.timeout) as resp:
                resp.read()
        except urllib.error.HTTPError as exc:
            detail = _first_line(exc.read().decode("utf-8", "replace"))
            needs = "default" in detail.lower()
            raise PushError(f"{url}: HTTP {exc.code} {exc.reason}: {detail}" + (" (does it need a default_graph IRI?)" if needs else ""),
                            f"{url}: HTTP {exc.code} {exc.reason}: {detail}" + (" (does it need --default-graph IRI?)" if needs else "")) from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise PushError(f"Cannot reach {url}: {reason}. Is the SPARQL store running?") from exc


def _first_line(text: str) -> str:
    """The server's error message, out of its HTML page: the longest line that is not a status line."""
    import re

    lines = [" ".join(line.split()) for line in re.sub(r"<[^>]+>", "\n", text).splitlines()]
    lines = [line for line in lines if line and not line.startswith("HTTP/")]
    return lines[0][:300] if lines else "no details"
