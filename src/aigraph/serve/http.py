"""A small HTTP/1.1 server: a thread per connection that reads, answers and writes (no hand-offs), keep-alive,
a deep listen backlog, limits, and a way to retire: stop taking connections, finish the requests in hand."""

from __future__ import annotations

import select
import socket
import struct
import threading
from collections.abc import Callable
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


Handler = Callable[[HttpRequest, "Connection"], Response]


class BadRequest(Exception):
    """A request that cannot be read; answered, then the connection is closed."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def head_bytes(status: int, media: str, length: int, headers: dict[str, str], close: bool) -> bytes:
    """The status line and headers of a response."""
    return _head(status, media, tuple(headers.items()), close) % length


@lru_cache(maxsize=256)
def _head(status: int, media: str, headers: tuple[tuple[str, str], ...], close: bool) -> bytes:
    # the same few heads again and again: built once, the length put in with `%`
    charset = "; charset=utf-8" if media.startswith(TEXT_TYPES) else ""
    lines = [f"HTTP/1.1 {status} {_reason(status)}", f"Content-Type: {media}{charset}", "Content-Length: \0",
             "X-Content-Type-Options: nosniff", "Cache-Control: no-store", "Server: aigraph"]
    lines += [f"{k}: {v}" for k, v in headers]
    if close:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1").replace(b"%", b"%%").replace(b"\0", b"%d", 1)


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


class Connection:
    """One client connection, served by its own thread: each request read, answered and written in turn."""

    def __init__(self, sock: socket.socket, server: Server) -> None:
        self.sock = sock
        self.server = server
        self.buffer = bytearray()
        self.lock = threading.Lock()
        self.busy = True
        """A request is in hand (a new connection counts as one until its first request is answered:
        a worker that retires still answers the connections it has taken)."""
        self.answered = False
        """Someone else (the watchdog) answered the request in hand; nothing more goes out here."""

    def run(self) -> None:
        try:
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            # the kernel's timeouts, not Python's: a socket with a Python timeout polls before every recv
            # and send, two system calls (and two releases of the GIL) where one does
            idle = struct.pack("ll", int(IDLE), int(IDLE % 1 * 1e6))
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, idle)
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, idle)
            while True:
                try:
                    req = self.read_request()
                except BadRequest as exc:
                    self.send(text(exc.status, exc.message, close=True), head=False, close=True)
                    break
                if req is None:
                    break
                self.busy = True
                try:
                    resp = self.server.handler(req, self)
                except Exception as exc:  # a bug in a route: answer 500, keep serving others
                    resp = text(500, f"Internal error: {type(exc).__name__}: {exc}", close=True)
                close = resp.close or _wants_close(req) or self.server.closing.is_set()
                sent = self.send(resp, head=req.method == "HEAD", close=close)
                self.busy = False
                if not sent or close:
                    break
        except (OSError, EOFError):
            pass
        finally:
            self.server.forget(self)
            try:
                self.sock.close()
            except OSError:
                pass

    def send(self, resp: Response, head: bool, close: bool) -> bool:
        """Write an answer unless the request was answered already; False when nothing more may go out."""
        data = head_bytes(resp.status, resp.media, len(resp.body), resp.headers, close)
        with self.lock:
            if self.answered:
                return False
            self.sock.sendall(data if head else data + resp.body)
            self.answered = close
        return True

    def _more(self) -> None:
        try:
            chunk = self.sock.recv(1 << 16)
        except BlockingIOError:  # SO_RCVTIMEO ran out
            raise TimeoutError from None
        if not chunk:
            raise EOFError
        self.buffer += chunk

    def read_request(self) -> HttpRequest | None:
        """The next request, None when the client closed the connection between requests."""
        while (end := self.buffer.find(b"\r\n\r\n")) < 0:
            if len(self.buffer) > MAX_HEAD:
                raise BadRequest(431, "Request headers are too large.")
            try:
                self._more()
            except (TimeoutError, EOFError):
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
        body = self.read_body(headers)
        url = urlsplit(target)
        return HttpRequest(method.upper(), unquote(url.path or "/"), url.query, headers, body)

    def read_body(self, headers: dict[str, str]) -> bytes:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            self._continue(headers)
            return self._chunked()
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
                self._more()
            except (TimeoutError, EOFError):
                raise BadRequest(400, "The request ended before its body did.") from None
        body = bytes(self.buffer[:n])
        del self.buffer[:n]
        return body

    def _continue(self, headers: dict[str, str]) -> None:
        # curl asks before sending a body over 1 KiB; without this it waits a second
        if headers.get("expect", "").lower() == "100-continue" and not self.buffer:
            self.sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")

    def _chunked(self) -> bytes:
        body = bytearray()
        while True:
            line = self._line()
            try:
                size = int(line.split(b";")[0].strip() or b"x", 16)
            except ValueError:
                raise BadRequest(400, "Bad chunk size.") from None
            if len(body) + size > MAX_BODY:
                raise BadRequest(413, f"Queries are limited to {MAX_BODY} bytes.")
            if size == 0:
                while self._line():  # trailers
                    pass
                return bytes(body)
            while len(self.buffer) < size + 2:
                try:
                    self._more()
                except (TimeoutError, EOFError):
                    raise BadRequest(400, "The request ended inside a chunk.") from None
            body += self.buffer[:size]
            del self.buffer[:size + 2]

    def _line(self) -> bytes:
        while (i := self.buffer.find(b"\r\n")) < 0:
            if len(self.buffer) > MAX_HEAD:
                raise BadRequest(400, "Bad chunked body.")
            try:
                self._more()
            except (TimeoutError, EOFError):
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
    """A listening TCP socket with a deep backlog, non-blocking (raises OSError when the address is taken)."""
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


class Server:
    """Accepts connections on a listening socket (shared with other processes) and serves each on a thread.

    `closing` set: no new connections are taken, each connection closes after the answer in hand, and
    `serve` returns once none is answering (idle ones are closed)."""

    def __init__(self, sock: socket.socket, handler: Handler, max_connections: int = 256) -> None:
        self.sock = sock
        self.handler = handler
        self.max_connections = max_connections
        self.closing = threading.Event()
        self.stop = threading.Event()
        self.connections: set[Connection] = set()
        self._lock = threading.Lock()

    def forget(self, conn: Connection) -> None:
        with self._lock:
            self.connections.discard(conn)

    def serve(self, poll: float = 0.2) -> None:
        """Accept and serve until `stop`, or until `closing` and the requests in hand are answered."""
        while not self.stop.is_set():
            if self.closing.is_set():
                with self._lock:
                    conns = list(self.connections)
                for c in conns:
                    if not c.busy:  # idle kept-alive connections: nothing in hand, close them
                        try:
                            c.sock.shutdown(socket.SHUT_RDWR)
                        except OSError:
                            pass
                if not any(c.busy and not c.answered for c in conns):  # a request over time is answered
                    return
                self.stop.wait(poll / 4)
                continue
            if len(self.connections) >= self.max_connections:
                self.stop.wait(0.01)  # the rest wait in the kernel's queue
                continue
            try:
                ready = select.select([self.sock], [], [], poll)[0]
            except (OSError, ValueError):
                return
            if not ready:
                continue
            try:
                client, _ = self.sock.accept()  # another process sharing the socket may have taken it
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                return
            client.setblocking(True)
            conn = Connection(client, self)
            with self._lock:
                self.connections.add(conn)
            threading.Thread(target=conn.run, daemon=True, name="aigraph-conn").start()
