"""SPARQL run by pyoxigraph in an endpoint worker: the read-only store, one request's answer."""

from __future__ import annotations

import json
import os

from pyoxigraph import (
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    serialize,
)

from aigraph.errors import RefusedQuery
from aigraph.graph.jsonld import document
from aigraph.query.guard import check_read_only
from aigraph.query.syntax import syntax_message
from aigraph.serve.protocol import GRAPH_TYPES, RESULT_TYPES, ProtocolError, Request, choose
from aigraph.vocab import prefixes


class Graph:
    """The store, read-only, reopened when `aigraph build` has swapped a new one in."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._id: tuple[int, int] | None = None
        self.store: Store | None = None
        self.refresh()

    def refresh(self, force: bool = False) -> Store:
        st = os.stat(self.path)
        if force or self.store is None or (st.st_dev, st.st_ino) != self._id:
            self.store = Store.read_only(self.path)
            self._id = (st.st_dev, st.st_ino)
        return self.store


def graph_body(triples: list, fmt: RdfFormat) -> bytes:
    """A CONSTRUCT or DESCRIBE result in an RDF syntax: JSON-LD compacted with the project's prefixes
    (like aigraph.jsonld), Turtle with them declared."""
    if fmt == RdfFormat.JSON_LD:
        return json.dumps(document(triples), ensure_ascii=False).encode("utf-8")
    return serialize(triples, format=fmt, prefixes=prefixes() if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else None)


def answer(graph: Graph, req: Request, accept: str | None) -> tuple[int, str, bytes]:
    """Status, media type and body for one request."""
    try:
        check_read_only(req.query)
        kwargs: dict = {"prefixes": prefixes()}
        if req.default_graphs:
            kwargs["default_graph"] = [NamedNode(g) for g in req.default_graphs]
        else:
            kwargs["use_default_graph_as_union"] = True
        if req.named_graphs:
            kwargs["named_graphs"] = [NamedNode(g) for g in req.named_graphs]
        try:
            result = graph.refresh().query(req.query, **kwargs)
        except OSError:  # files of a replaced store vanished under us: open the new one once
            result = graph.refresh(force=True).query(req.query, **kwargs)
        table = isinstance(result, (QuerySolutions, QueryBoolean))
        media = choose(req, accept, graph_result=not table)
        if table:
            body = result.serialize(format=getattr(QueryResultsFormat, RESULT_TYPES[media]))
        else:
            body = graph_body(list(result), getattr(RdfFormat, GRAPH_TYPES[media]))
        return 200, media, body
    except ProtocolError as exc:
        return exc.status, "text/plain", exc.message.encode("utf-8")
    except RefusedQuery as exc:
        return 403, "text/plain", str(exc).encode("utf-8")
    except SyntaxError as exc:
        return 400, "text/plain", syntax_message(exc, req.query).encode("utf-8")
    except ValueError as exc:
        return 400, "text/plain", f"Bad query: {str(exc).splitlines()[0] if str(exc) else exc}".encode()
    except OSError as exc:
        return 500, "text/plain", f"Cannot read the graph store: {exc}".encode()
