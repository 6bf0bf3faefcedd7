"""Query worker processes for the endpoint: one query at a time each, killed when over time."""

from __future__ import annotations

import json
import os
import queue
import select
import subprocess
import sys
import threading
import time

from aigraph.serve.protocol import ProtocolError, Request

_LEN = 4


class QueryTimeout(ProtocolError):
    """A query that ran past the time limit (its worker was killed)."""


class Worker:
    """One `python -m aigraph.serve.worker STORE` process and its pipes."""

    def __init__(self, store_path: str, start_timeout: float = 60.0) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "aigraph.serve.worker", store_path],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0,
        )
        header, _ = self.receive(time.monotonic() + start_timeout)
        if not header.get("ready"):
            self.kill()
            raise OSError("the query worker did not start")

    def send(self, header: dict, body: bytes) -> None:
        head = json.dumps(header).encode("utf-8")
        self.proc.stdin.write(len(head).to_bytes(_LEN, "big") + head + len(body).to_bytes(_LEN, "big") + body)

    def receive(self, deadline: float) -> tuple[dict, bytes]:
        head = json.loads(self._read(self._read_len(deadline), deadline))
        return head, self._read(self._read_len(deadline), deadline)

    def _read_len(self, deadline: float) -> int:
        return int.from_bytes(self._read(_LEN, deadline), "big")

    def _read(self, n: int, deadline: float) -> bytes:
        fd = self.proc.stdout.fileno()
        parts, got = [], 0
        while got < n:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
            chunk = os.read(fd, min(n - got, 1 << 20))
            if not chunk:
                raise EOFError("the query worker stopped")
            parts.append(chunk)
            got += len(chunk)
        return b"".join(parts)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except OSError:
                pass


class WorkerPool:
    """A fixed number of workers; a request waits for a free one, a query over time kills its worker
    (a fresh one takes its place on the next request)."""

    def __init__(self, store_path: str, size: int = 2, timeout: float = 10.0) -> None:
        self.store_path = store_path
        self.timeout = timeout
        self._idle: queue.Queue[Worker | None] = queue.Queue()
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> Worker:
        w = Worker(self.store_path)
        with self._lock:
            self._all.add(w)
        return w

    def _drop(self, w: Worker) -> None:
        w.kill()
        with self._lock:
            self._all.discard(w)

    def ask(self, req: Request, accept: str | None) -> tuple[int, str, bytes]:
        """Status, media type and body for one request, within the time limit."""
        deadline = time.monotonic() + self.timeout
        try:
            w = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout(503, f"Every query worker stayed busy for {self.timeout:g} s; try again.") from None
        try:
            if w is None or not w.alive():
                if w is not None:
                    self._drop(w)
                w = self._spawn()
            header = {"accept": accept, "format": req.format, "default_graphs": list(req.default_graphs),
                      "named_graphs": list(req.named_graphs)}
            w.send(header, req.query.encode("utf-8"))
            head, body = w.receive(deadline)
            return int(head["status"]), str(head["type"]), body
        except TimeoutError:
            if w is not None:
                self._drop(w)
            w = None
            raise QueryTimeout(503, f"The query ran past the {self.timeout:g} s time limit and was stopped.") from None
        except (EOFError, OSError, ValueError) as exc:
            if w is not None:
                self._drop(w)
            w = None
            return 500, "text/plain", f"The query worker failed: {exc}".encode()
        finally:
            self._idle.put(w)

    def pids(self) -> list[int]:
        """Process ids of the running workers."""
        with self._lock:
            return sorted(w.proc.pid for w in self._all)

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()
