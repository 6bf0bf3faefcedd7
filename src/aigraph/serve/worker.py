"""A query worker process for the endpoint: framed requests on stdin, framed results on stdout, killable."""

from __future__ import annotations

import json
import os
import struct
import sys
from typing import BinaryIO

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

_LEN = struct.Struct(">I")


def write_frame(out: BinaryIO, header: dict, body: bytes = b"") -> None:
    """One message: a JSON header and a body, each preceded by its length."""
    head = json.dumps(header).encode("utf-8")
    out.write(_LEN.pack(len(head)) + head + _LEN.pack(len(body)) + body)
    out.flush()


def read_frame(inp: BinaryIO) -> tuple[dict, bytes] | None:
    """The next message, or None at end of input."""
    head = _exact(inp, _LEN.size)
    if head is None:
        return None
    header = json.loads(_exact(inp, _LEN.unpack(head)[0]) or b"{}")
    body = _exact(inp, _LEN.unpack(_exact(inp, _LEN.size) or b"\0\0\0\0")[0]) or b""
    return header, body


def _exact(inp: BinaryIO, n: int) -> bytes | None:
    buf = b""
    while len(buf) < n:
        chunk = inp.read(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


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
            fmt = getattr(RdfFormat, GRAPH_TYPES[media])
            if fmt == RdfFormat.JSON_LD:  # compacted with the project's prefixes, like aigraph.jsonld
                body = json.dumps(document(result), ensure_ascii=False).encode("utf-8")
            else:
                body = serialize(list(result), format=fmt,
                                 prefixes=prefixes() if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else None)
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


def main() -> None:
    """Serve requests until stdin closes; stdout carries nothing but frames."""
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    graph = Graph(sys.argv[1])
    write_frame(out, {"ready": True})
    inp = sys.stdin.buffer
    while (msg := read_frame(inp)) is not None:
        header, body = msg
        req = Request(body.decode("utf-8"), tuple(header.get("default_graphs", ())),
                      tuple(header.get("named_graphs", ())), header.get("format"))
        status, media, data = answer(graph, req, header.get("accept"))
        write_frame(out, {"status": status, "type": media}, data)


if __name__ == "__main__":
    main()
