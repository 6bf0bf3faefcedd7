"""`aigraph serve`: a read-only SPARQL 1.1 Protocol endpoint, a page to type queries, the graph view."""

from __future__ import annotations

import json
import socket
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from aigraph.graph.store import STORE_DIR, open_store
from aigraph.query.shipped import shipped
from aigraph.serve.pool import WorkerPool
from aigraph.serve.protocol import ProtocolError, read_request

MAX_BODY = 1 << 20
TEXT_TYPES = ("text/", "application/sparql-results+", "application/json", "application/ld+json", "application/n-",
              "application/rdf+xml", "application/trig", "application/xml")


@cache
def page() -> bytes:
    """The query page, with the shipped queries embedded as JSON that cannot close its script tag."""
    html = resources.files("aigraph.serve").joinpath("templates", "sparql.html").read_text("utf-8")
    data = {name: [about, text] for name, (about, text) in shipped().items()}
    return html.replace("{{QUERIES}}", script_json(data)).encode("utf-8")


def script_json(data) -> str:
    """JSON to put inside <script>: `<`, `>` and `&` escaped so that no text can end the element."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


VIEW_ROUTES = ("/entity", "/entity/", "/funding")
"""Paths served by `aigraph.views.pages.served` (with every /entity/NAME)."""


class Endpoint(ThreadingHTTPServer):
    """The HTTP server: one thread per connection, queries run by a pool of worker processes."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], graph: Path, pool: WorkerPool, quiet: bool = False) -> None:
        super().__init__(address, Handler)
        self.graph = graph
        self.pool = pool
        self.quiet = quiet

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def make_server(graph: Path, host: str = "127.0.0.1", port: int = 3030, timeout: float = 10.0,
                workers: int = 2, quiet: bool = False) -> Endpoint:
    """An endpoint over the store in `graph` (not yet serving; call serve_forever)."""
    open_store(graph)  # a missing or locked store fails here, with the usual message
    pool = WorkerPool(str(Path(graph) / STORE_DIR), size=workers, timeout=timeout)
    try:
        return Endpoint((host, port), Path(graph), pool, quiet)
    except BaseException:
        pool.close()
        raise


class Handler(BaseHTTPRequestHandler):
    """Routes: `/` the query page, `/sparql` the endpoint, `/graph` the HTML graph view, `/entity/NAME` an
    entity's page, `/funding` the funding rounds."""

    server: Endpoint
    server_version = "aigraph"
    protocol_version = "HTTP/1.1"
    timeout = 120  # seconds an idle kept-alive connection may hold its thread

    def setup(self) -> None:
        super().setup()
        # headers and body go out as separate writes; without this Nagle's algorithm and delayed ACKs
        # hold each response back ~40 ms on a kept-alive connection
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        if not self.server.quiet:
            super().log_message(format, *args)

    def _send(self, status: int, media: str, body: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        charset = "; charset=utf-8" if media.startswith(TEXT_TYPES) else ""
        self.send_header("Content-Type", media + charset)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str, extra: dict[str, str] | None = None) -> None:
        self._send(status, "text/plain", (message + "\n").encode("utf-8"), extra)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(200, "text/html", page())
        elif url.path == "/sparql":
            if not url.query and "text/html" in (self.headers.get("Accept") or ""):
                self._send(200, "text/html", page())
            else:
                self._query(url.query, None, b"")
        elif url.path in VIEW_ROUTES or url.path.startswith("/entity/"):
            self._view(url.path, url.query)
        elif url.path == "/graph":
            view = self.server.graph / "aigraph.html"
            if view.is_file():
                self._send(200, "text/html", view.read_bytes())
            else:
                self._error(404, f"No graph view in {self.server.graph}/: run `aigraph build` or `aigraph html`.")
        else:
            self._error(404, "Not found. The endpoint is /sparql; the query page is /.")

    def _view(self, path: str, query: str) -> None:
        """An entity's page, the entity finder or the funding page, made by the views (issue 17)."""
        from aigraph.views.pages import served

        status, body = served(self.server.graph, path, query)
        self._send(status, "text/html", body)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._error(404, "Not found. POST queries to /sparql.")
            return
        length = self.headers.get("Content-Length")
        if length is None:
            self._error(411, "Send a Content-Length.")
            return
        try:
            n = int(length)
        except ValueError:
            self._error(400, "Bad Content-Length.")
            return
        if n > MAX_BODY or n < 0:
            self._error(413, f"Queries are limited to {MAX_BODY} bytes.", {"Connection": "close"})
            self.close_connection = True
            return
        self._query(url.query, self.headers.get("Content-Type"), self.rfile.read(n))

    def _refuse(self) -> None:
        self._error(405, "This endpoint is read-only: use GET or POST with a SPARQL query.", {"Allow": "GET, HEAD, POST"})

    do_PUT = do_DELETE = do_PATCH = _refuse

    def _query(self, url_query: str, content_type: str | None, body: bytes) -> None:
        try:
            req = read_request(self.command if self.command != "HEAD" else "GET", url_query, content_type, body)
            status, media, data = self.server.pool.ask(req, self.headers.get("Accept"))
        except ProtocolError as exc:
            self._error(exc.status, exc.message)
            return
        self._send(status, media, data, {"Vary": "Accept"})
