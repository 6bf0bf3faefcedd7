"""`aigraph serve`: a read-only SPARQL 1.1 Protocol endpoint, a query page, the graph view, entity pages.

The listening socket is shared by a few worker processes (`serve.pool`); in each, a thread per connection
reads a request, dispatches it by path through `ROUTES`, runs SPARQL with pyoxigraph and writes the answer
(`serve.http`). A watchdog answers a query still running at the time limit with 503 and retires the
worker: it takes no new connections, finishes the requests in hand and ends, and a fresh one takes its
place (a running query cannot be interrupted, but its process can end).

Adding a page: write `def my_page(req: HttpRequest, ep: Endpoint) -> Response` and register it with
`@route("/exact/path")` or `@route(prefix="/entity/")`; it runs on the connection's thread and may read
files or the store (`ep.store()`: the graph's store, read-only, reopened after a rebuild). Answer with
`Response(200, "text/html", body)` or `text(404, "one line")`.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path

from aigraph.graph.store import STORE_DIR, open_store
from aigraph.query.shipped import shipped
from aigraph.serve.http import Connection, HttpRequest, Response, Server, text
from aigraph.serve.protocol import ProtocolError, read_request
from aigraph.serve.worker import Graph, answer

Page = Callable[[HttpRequest, "Endpoint"], Response]
ROUTES: dict[str, Page] = {}
"""Exact paths → page functions (GET and HEAD)."""
PREFIX_ROUTES: list[tuple[str, Page]] = []
"""Path prefixes → page functions, tried in order after the exact paths."""
SPARQL_PATH = "/sparql"
SPARQL_METHODS = "GET, HEAD, POST, OPTIONS"
PAGE_METHODS = "GET, HEAD, OPTIONS"


def route(*paths: str, prefix: str | None = None) -> Callable[[Page], Page]:
    """Register a page function for exact `paths` or for every path under `prefix`."""
    def register(fn: Page) -> Page:
        for p in paths:
            ROUTES[p] = fn
        if prefix is not None:
            PREFIX_ROUTES.append((prefix, fn))
        return fn
    return register


@cache
def page() -> bytes:
    """The query page, with the shipped queries embedded as JSON that cannot close its script tag."""
    html = resources.files("aigraph.serve").joinpath("templates", "sparql.html").read_text("utf-8")
    data = {name: [about, text] for name, (about, text) in shipped().items()}
    return html.replace("{{QUERIES}}", script_json(data)).encode("utf-8")


def script_json(data) -> str:
    """JSON to put inside <script>: `<`, `>` and `&` escaped so that no text can end the element."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# ---------------------------------------------------------------- pages

@route("/", "/index.html")
def query_page(req: HttpRequest, ep: Endpoint) -> Response:
    return Response(200, "text/html", page())


@route("/graph")
def graph_view(req: HttpRequest, ep: Endpoint) -> Response:
    view = ep.graph / "aigraph.html"
    if view.is_file():
        return Response(200, "text/html", view.read_bytes())
    return text(404, f"No graph view in {ep.graph}/: run `aigraph build` or `aigraph html`.")


@route("/entity", "/entity/", "/funding", prefix="/entity/")
def view_page(req: HttpRequest, ep: Endpoint) -> Response:
    """An entity's page (`/entity/NAME`), the entity finder (`/entity/`) or the funding page, made by the views."""
    from urllib.parse import quote

    from aigraph.views.pages import served

    # the views read the path as it was sent (they decode it once); the request gives it decoded
    status, body = served(ep.graph, quote(req.path, safe="/"), req.query)
    return Response(status, "text/html", body)


# ---------------------------------------------------------------- one worker's requests

class Endpoint:
    """What one worker process answers: the routes, SPARQL on its own read-only store, the time limit."""

    def __init__(self, graph: str | os.PathLike, timeout: float, quiet: bool = False) -> None:
        self.graph = Path(graph)
        self.timeout = timeout
        self.quiet = quiet
        self.data = Graph(str(self.graph / STORE_DIR))
        self.server: Server | None = None
        self._running: dict[Connection, tuple[float, bool]] = {}
        self._lock = threading.Lock()

    def store(self):
        """The graph's store, read-only, reopened when a build has swapped a new one in."""
        return self.data.refresh()

    def run(self, sock, ready_fd: int | None = None) -> None:
        """Serve on `sock` until SIGTERM, or until a query ran over time and the other requests are done."""
        import signal

        self.server = Server(sock, self.handle)
        signal.signal(signal.SIGTERM, lambda *_: self.server.stop.set())
        signal.signal(signal.SIGINT, lambda *_: self.server.stop.set())
        threading.Thread(target=self._watch, daemon=True, name="aigraph-watchdog").start()
        if ready_fd is not None:
            os.write(ready_fd, b"r")
            os.close(ready_fd)
        try:
            self.server.serve()
        finally:
            # a query thread over time may still run: the process ends without waiting for it
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)

    def _watch(self, every: float = 0.05) -> None:
        """Answer each query still running at its deadline with 503, then retire this worker; stop when the
        process that started this one has gone (killed without the chance to stop its workers)."""
        parent = os.getppid()
        while True:
            time.sleep(every)
            if os.getppid() != parent:
                self.server.stop.set()
            now = time.monotonic()
            with self._lock:
                late = [(c, head) for c, (deadline, head) in self._running.items() if deadline <= now]
                for c, _ in late:
                    del self._running[c]
            for conn, head in late:
                try:
                    conn.send(text(503, f"The query ran past the {self.timeout:g} s time limit and was stopped.",
                                   close=True), head=head, close=True)
                except OSError:
                    conn.answered = True  # the client has gone: nothing to wait for
                self.server.closing.set()

    def handle(self, req: HttpRequest, conn: Connection) -> Response:
        resp = self._dispatch(req, conn)
        if not self.quiet:
            print(f"{req.method} {req.path} {resp.status} {len(resp.body)}", file=sys.stderr, flush=True)
        return resp

    def _dispatch(self, req: HttpRequest, conn: Connection) -> Response:
        path = req.path
        if path == SPARQL_PATH:
            if req.method == "OPTIONS":
                return Response(204, headers={"Allow": SPARQL_METHODS})
            if req.method in ("GET", "HEAD", "POST"):
                if req.method != "POST" and not req.query and "text/html" in (req.header("accept") or ""):
                    return Response(200, "text/html", page())
                return self.sparql(req, conn)
            return self._not_allowed(req, SPARQL_METHODS)
        fn = ROUTES.get(path) or next((f for p, f in PREFIX_ROUTES if path.startswith(p)), None)
        if req.method == "OPTIONS":
            return Response(204, headers={"Allow": PAGE_METHODS})
        if fn is None:
            return text(404, "Not found. The endpoint is /sparql; the query page is /.")
        if req.method not in ("GET", "HEAD"):
            return self._not_allowed(req, PAGE_METHODS)
        return fn(req, self)

    def _not_allowed(self, req: HttpRequest, allow: str) -> Response:
        if req.method in ("PUT", "DELETE", "PATCH"):
            return text(405, "This endpoint is read-only: use GET or POST with a SPARQL query.", {"Allow": allow})
        if req.method in ("POST", "CONNECT", "TRACE"):
            return text(405, f"{req.method} is not allowed here.", {"Allow": allow})
        return text(501, f"{req.method} is not a method this server knows.", {"Allow": allow})

    def sparql(self, req: HttpRequest, conn: Connection) -> Response:
        try:
            query = read_request("GET" if req.method == "HEAD" else req.method, req.query,
                                 req.header("content-type"), req.body)
        except ProtocolError as exc:
            return text(exc.status, exc.message)
        with self._lock:
            self._running[conn] = (time.monotonic() + self.timeout, req.method == "HEAD")
        try:
            status, media, body = answer(self.data, query, req.header("accept"))
        finally:
            with self._lock:
                self._running.pop(conn, None)
        return Response(status, media, body, {"Vary": "Accept"})


def make_server(graph: Path, host: str = "127.0.0.1", port: int = 3030, timeout: float = 10.0,
                workers: int = 2, quiet: bool = False):
    """An endpoint over the store in `graph`: the socket bound and `workers` processes answering on it
    (`serve_forever` keeps them running, replacing any that ends; `server_close` stops them)."""
    from aigraph.serve.pool import Supervisor

    open_store(graph)  # a missing or locked store fails here, with the usual message
    return Supervisor(Path(graph), host, port, timeout, workers, quiet)


def main() -> None:
    """`python -m aigraph.serve.endpoint GRAPH FD TIMEOUT READY_FD [quiet]` (started by `serve.pool`):
    answer HTTP on the inherited listening socket FD until stopped; one byte on READY_FD says it serves."""
    import socket

    graph, fd, timeout, ready = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    Endpoint(graph, timeout, quiet=sys.argv[5:] == ["quiet"]).run(socket.socket(fileno=fd), ready)


if __name__ == "__main__":
    main()
