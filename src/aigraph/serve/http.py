"""A small HTTP/1.1 server on asyncio: keep-alive, a deep listen backlog, limits, a route table."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import lru_cache
from http import HTTPStatus
from urllib.parse import unquote, urlsplit

MAX_HEAD = 64 << 10
"""Bytes of request line and headers accepted."""
MAX_BODY = 1 << 20
"""Bytes of request body accepted (queries are small)."""
IDLE = 120.0
"""Seconds an idle kept-alive connection stays open."""
BACKLOG = 1024
"""Connections the kernel queues before the server accepts them (many clients opening at once)."""
TEXT_TYPES = ("text/", "application/sparql-results+", "application/json", "application/ld+json", "application/n-",
              "application/rdf+xml", "application/trig", "application/xml")


@dataclass(frozen=True)
class HttpRequest:
    """One request as read from the connection."""

    method: str
    """Upper-case method."""
    path: str
    """The path of the target, percent-decoded."""
    query: str
    """The query string of the target, as sent."""
    headers: dict[str, str]
    """Header names lower-cased; repeated headers joined with `, `."""
    body: bytes = b""
    """The body (Content-Length or chunked)."""

    def header(self, name: str, default: str | None = None) -> str | None:
        """A header by its lower-case name."""
        return self.headers.get(name, default)


@dataclass(frozen=True)
class Response:
    """What a route answers."""

    status: int
    """HTTP status."""
    media: str = "text/plain"
    """Media type (`; charset=utf-8` is added to text types)."""
    body: bytes = b""
    """The body."""
    headers: dict[str, str] = field(default_factory=dict)
    """Extra headers."""
    close: bool = False
    """Close the connection after this response."""


def text(status: int, message: str, headers: dict[str, str] | None = None, close: bool = False) -> Response:
    """A plain-text answer of one line."""
    return Response(status, "text/plain", (message + "\n").encode("utf-8"), headers or {}, close)


Handler = Callable[[HttpRequest], Awaitable[Response]]


class BadRequest(Exception):
    """A request that cannot be read; answered, then the connection is closed."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def head_bytes(status: int, media: str, length: int, headers: dict[str, str], close: bool) -> bytes:
    """The status line and headers of a response."""
    charset = "; charset=utf-8" if media.startswith(TEXT_TYPES) else ""
    lines = [f"HTTP/1.1 {status} {_reason(status)}", f"Content-Type: {media}{charset}", f"Content-Length: {length}",
             "X-Content-Type-Options: nosniff", "Cache-Control: no-store", "Server: aigraph"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    if close:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


@lru_cache(maxsize=64)
def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


class Connection(asyncio.Protocol):
    """One client connection: requests read in turn (pipelined ones too), each answered before the next."""

    def __init__(self, handler: Handler, connections: set, closing: asyncio.Event) -> None:
        self.handler = handler
        self.connections = connections
        self.closing = closing
        self.busy = False
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None
        self.wakeup: asyncio.Event = asyncio.Event()
        self.closed = False
        self.task: asyncio.Task | None = None

    def connection_made(self, transport) -> None:
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            # headers and body go out in one write, but Nagle's algorithm would still hold back a second
            # small response on the connection until the client's delayed ACK
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.connections.add(self)
        self.task = asyncio.get_running_loop().create_task(self.serve())

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > MAX_HEAD + MAX_BODY + 4096:
            self.transport.pause_reading()  # a client sending far ahead of the answers waits
        self.wakeup.set()

    def eof_received(self) -> bool:
        self.closed = True
        self.wakeup.set()
        return True  # keep the write side open until the answer is sent

    def connection_lost(self, exc) -> None:
        self.closed = True
        self.wakeup.set()
        self.connections.discard(self)

    async def _more(self, timeout: float) -> None:
        """Wait for more bytes; raise EOFError when the client has gone."""
        if self.closed:
            raise EOFError
        self.wakeup.clear()
        self.transport.resume_reading()
        await asyncio.wait_for(self.wakeup.wait(), timeout)
        if self.closed and not self.buffer:
            raise EOFError

    async def serve(self) -> None:
        try:
            while True:
                try:
                    req = await self.read_request()
                except BadRequest as exc:
                    self.send(text(exc.status, exc.message, close=True), head=False)
                    break
                if req is None:
                    break
                self.busy = True
                try:
                    resp = await self.handler(req)
                except Exception as exc:  # a bug in a route: answer 500, keep serving others
                    resp = text(500, f"Internal error: {type(exc).__name__}: {exc}", close=True)
                finally:
                    self.busy = False
                close = resp.close or _wants_close(req) or self.closing.is_set()
                self.send(resp, head=req.method == "HEAD", close=close)
                if close:
                    break
        except (EOFError, asyncio.TimeoutError, ConnectionError):
            pass
        finally:
            if self.transport is not None and not self.transport.is_closing():
                self.transport.close()

    def send(self, resp: Response, head: bool, close: bool | None = None) -> None:
        if self.transport is None or self.transport.is_closing():
            return
        close = resp.close if close is None else close
        data = head_bytes(resp.status, resp.media, len(resp.body), resp.headers, close)
        self.transport.write(data if head else data + resp.body)

    async def read_request(self) -> HttpRequest | None:
        """The next request, None when the client closed the connection between requests."""
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end >= 0:
                break
            if len(self.buffer) > MAX_HEAD:
                raise BadRequest(431, "Request headers are too large.")
            try:
                await self._more(IDLE)
            except EOFError:
                if self.buffer.strip():
                    raise BadRequest(400, "The request ended before its headers did.") from None
                return None
        head = bytes(self.buffer[:end]).decode("latin-1")
        del self.buffer[:end + 4]
        lines = head.lstrip("\r\n").split("\r\n")
        parts = lines[0].split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            raise BadRequest(400, "Bad request line.")
        method, target, version = parts
        headers: dict[str, str] = {"http-version": version}
        for line in lines[1:]:
            name, sep, value = line.partition(":")
            if not sep or not name or name != name.strip():
                raise BadRequest(400, "Bad header line.")
            key = name.lower()
            headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
        body = await self.read_body(headers)
        url = urlsplit(target)
        return HttpRequest(method.upper(), unquote(url.path or "/"), url.query, headers, body)

    async def read_body(self, headers: dict[str, str]) -> bytes:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            self._continue(headers)
            return await self._chunked()
        length = headers.get("content-length")
        if length is None:
            return b""
        if not length.isdigit():
            raise BadRequest(400, "Bad Content-Length.")
        n = int(length)
        if n > MAX_BODY:
            raise BadRequest(413, f"Queries are limited to {MAX_BODY} bytes.")
        self._continue(headers)
        while len(self.buffer) < n:
            try:
                await self._more(IDLE)
            except EOFError:
                raise BadRequest(400, "The request ended before its body did.") from None
        body = bytes(self.buffer[:n])
        del self.buffer[:n]
        return body

    def _continue(self, headers: dict[str, str]) -> None:
        # curl asks before sending a body over 1 KiB; without this it waits a second
        if headers.get("expect", "").lower() == "100-continue" and not self.buffer:
            self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")

    async def _chunked(self) -> bytes:
        body = bytearray()
        while True:
            line = await self._line()
            try:
                size = int(line.split(b";")[0].strip() or b"x", 16)
            except ValueError:
                raise BadRequest(400, "Bad chunk size.") from None
            if len(body) + size > MAX_BODY:
                raise BadRequest(413, f"Queries are limited to {MAX_BODY} bytes.")
            if size == 0:
                while await self._line():  # trailers
                    pass
                return bytes(body)
            while len(self.buffer) < size + 2:
                try:
                    await self._more(IDLE)
                except EOFError:
                    raise BadRequest(400, "The request ended inside a chunk.") from None
            body += self.buffer[:size]
            del self.buffer[:size + 2]

    async def _line(self) -> bytes:
        while (i := self.buffer.find(b"\r\n")) < 0:
            if len(self.buffer) > MAX_HEAD:
                raise BadRequest(400, "Bad chunked body.")
            try:
                await self._more(IDLE)
            except EOFError:
                raise BadRequest(400, "The request ended inside a chunked body.") from None
        line = bytes(self.buffer[:i])
        del self.buffer[:i + 2]
        return line


def _wants_close(req: HttpRequest) -> bool:
    conn = req.headers.get("connection", "").lower()
    if req.headers.get("http-version") == "HTTP/1.0":
        return "keep-alive" not in conn
    return "close" in conn


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket with a deep backlog (raises OSError when the address is taken)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(BACKLOG)
        sock.setblocking(False)
    except BaseException:
        sock.close()
        raise
    return sock


async def serve(sock: socket.socket, handler: Handler, stop: asyncio.Event, closing: asyncio.Event | None = None) -> None:
    """Answer connections on `sock` with `handler` until `stop` is set, or until `closing` is set and
    the requests being answered then are done (no new connections are taken meanwhile; each
    connection closes after its answer)."""
    loop = asyncio.get_running_loop()
    closing = closing or asyncio.Event()
    connections: set[Connection] = set()
    server = await loop.create_server(lambda: Connection(handler, connections, closing), sock=sock, backlog=BACKLOG)
    try:
        stopped = loop.create_task(stop.wait())
        draining = loop.create_task(closing.wait())
        await asyncio.wait([stopped, draining], return_when=asyncio.FIRST_COMPLETED)
        if not stop.is_set():
            server.close()
            while any(c.busy for c in connections) and not stop.is_set():
                await asyncio.sleep(0.05)
        stopped.cancel()
        draining.cancel()
    finally:
        server.close()
        for c in list(connections):
            if c.transport is not None:
                c.transport.close()
            if c.task is not None:
                c.task.cancel()
