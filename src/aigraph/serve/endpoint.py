"""`aigraph serve`: a read-only SPARQL 1.1 Protocol endpoint, a page to type queries, the graph view.

The listening socket is shared by a few worker processes (`serve.pool`); each reads HTTP with a small
asyncio server (`serve.http`), dispatches by path through `ROUTES` and runs SPARQL in-process with
pyoxigraph, on a thread so that it can be timed. A query past the time limit is answered with 503 and
its worker retires (it finishes its other requests, closes, and a fresh one takes its place): a running
query cannot be interrupted, but its process can end.

Adding a page: write `def my_page(req: HttpRequest, ep: Endpoint) -> Response` and register it with
`@route("/exact/path")` or `@route(prefix="/entity/")`; it runs on a thread of the worker and may read
files or the store (`ep.store()`: the graph's store, read-only, reopened after a rebuild). Answer with
`Response(200, "text/html", body)` or `text(404, "one line")`.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from importlib import resources
from pathlib import Path

from aigraph.graph.store import STORE_DIR, open_store
from aigraph.query.shipped import shipped
from aigraph.serve.http import HttpRequest, Response, serve, text
from aigraph.serve.protocol import ProtocolError, read_request

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


# ---------------------------------------------------------------- one worker's requests

class Endpoint:
    """What one worker process answers: the routes, SPARQL on its own read-only store."""

    def __init__(self, graph: str | os.PathLike, timeout: float, quiet: bool = False, threads: int = 4) -> None:
        from aigraph.serve.worker import Graph

        self.graph = Path(graph)
        self.timeout = timeout
        self.quiet = quiet
        self.data = Graph(str(self.graph / STORE_DIR))
        self.threads = ThreadPoolExecutor(threads, thread_name_prefix="aigraph-query")
        self.closing: asyncio.Event | None = None

    def store(self):
        """The graph's store, read-only, reopened when a build has swapped a new one in."""
        return self.data.refresh()

    def run(self, sock, ready_fd: int | None = None) -> None:
        """Serve on `sock` until SIGTERM, or until a query ran over time and the other requests are done."""
        try:
            import uvloop  # optional: a faster event loop when installed

            loop = uvloop.new_event_loop()
        except ImportError:
            loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._serve(sock, ready_fd))
        finally:
            # a query thread over time may still run: the process ends without waiting for it
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)

    async def _serve(self, sock, ready_fd: int | None) -> None:
        import signal

        stop = asyncio.Event()
        self.closing = asyncio.Event()
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        loop.add_signal_handler(signal.SIGINT, stop.set)
        if ready_fd is not None:
            os.write(ready_fd, b"r")
            os.close(ready_fd)
        await serve(sock, self.handle, stop, self.closing)

    async def handle(self, req: HttpRequest) -> Response:
        resp = await self._dispatch(req)
        if not self.quiet:
            print(f"{req.method} {req.path} {resp.status} {len(resp.body)}", file=sys.stderr, flush=True)
        return resp

    async def _dispatch(self, req: HttpRequest) -> Response:
        path = req.path
        if path == SPARQL_PATH:
            if req.method == "OPTIONS":
                return Response(204, headers={"Allow": SPARQL_METHODS})
            if req.method in ("GET", "HEAD", "POST"):
                if req.method != "POST" and not req.query and "text/html" in (req.header("accept") or ""):
                    return Response(200, "text/html", page())
                return await self.sparql(req)
            return self._not_allowed(req, SPARQL_METHODS)
        fn = ROUTES.get(path) or next((f for p, f in PREFIX_ROUTES if path.startswith(p)), None)
        if req.method == "OPTIONS":
            return Response(204, headers={"Allow": PAGE_METHODS})
        if fn is None:
            return text(404, "Not found. The endpoint is /sparql; the query page is /.")
        if req.method not in ("GET", "HEAD"):
            return self._not_allowed(req, PAGE_METHODS)
        return await asyncio.get_running_loop().run_in_executor(self.threads, fn, req, self)

    def _not_allowed(self, req: HttpRequest, allow: str) -> Response:
        if req.method in ("PUT", "DELETE", "PATCH"):
            return text(405, "This endpoint is read-only: use GET or POST with a SPARQL query.", {"Allow": allow})
        if req.method in ("POST", "CONNECT", "TRACE"):
            return text(405, f"{req.method} is not allowed here.", {"Allow": allow})
        return text(501, f"{req.method} is not a method this server knows.", {"Allow": allow})

    async def sparql(self, req: HttpRequest) -> Response:
        from aigraph.serve.worker import answer

        try:
            query = read_request("GET" if req.method == "HEAD" else req.method, req.query,
                                 req.header("content-type"), req.body)
        except ProtocolError as exc:
            return text(exc.status, exc.message)
        loop = asyncio.get_running_loop()
        job = loop.run_in_executor(self.threads, answer, self.data, query, req.header("accept"))
        # a timer on the future rather than wait_for: no task per request (the thread cannot be stopped anyway)
        timer = loop.call_later(self.timeout, _expire, job)
        try:
            status, media, body = await job
        except asyncio.CancelledError:
            if not job.cancelled() or asyncio.current_task().cancelling():
                raise
            # the query goes on in its thread: this worker takes no more requests and ends when the
            # others it holds are answered; a fresh worker takes its place
            self.closing.set()
            return text(503, f"The query ran past the {self.timeout:g} s time limit and was stopped.", close=True)
        finally:
            timer.cancel()
        return Response(status, media, body, {"Vary": "Accept"})


def _expire(job: asyncio.Future) -> None:
    job.cancel()  # the awaiting request answers 503


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
