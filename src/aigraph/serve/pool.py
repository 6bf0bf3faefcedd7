"""The endpoint's worker processes: one listening socket, a few processes answering on it, each one
replaced when it ends (a worker retires after a query over the time limit)."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from aigraph.errors import AigraphError
from aigraph.serve.http import listen


class Supervisor:
    """Binds the socket, starts the workers and keeps `size` of them running until closed."""

    def __init__(self, graph: Path, host: str, port: int, timeout: float, size: int, quiet: bool) -> None:
        self.graph = Path(graph)
        self.timeout = timeout
        self.size = size
        self.quiet = quiet
        try:
            self.sock = listen(host, port)
        except OSError as exc:
            raise AigraphError(f"Cannot listen on {host}:{port}: {exc.strerror or exc}.",
                               f"Cannot listen on {host}:{port}: {exc.strerror or exc} (is another server "
                               "there? choose another with --port).") from exc
        self._lock = threading.Lock()
        self._workers: list[subprocess.Popen] = []
        self._stopping = threading.Event()
        self._done = threading.Event()
        self._running = threading.Event()
        try:
            self._spawn(size)
        except BaseException:
            self.server_close()
            raise

    @property
    def url(self) -> str:
        host, port = self.sock.getsockname()[:2]
        return f"http://{host}:{port}"

    @property
    def pool(self) -> Supervisor:
        return self

    def _spawn(self, count: int = 1, start_timeout: float = 60.0) -> None:
        """Start `count` workers at once and wait until each says it is serving."""
        started = []
        try:
            for _ in range(count):
                read, write = os.pipe()
                cmd = [sys.executable, "-m", "aigraph.serve.endpoint", str(self.graph), str(self.sock.fileno()),
                       repr(self.timeout), str(write)] + (["quiet"] if self.quiet else [])
                try:
                    proc = subprocess.Popen(cmd, pass_fds=(self.sock.fileno(), write), stdin=subprocess.DEVNULL)
                finally:
                    os.close(write)
                started.append((proc, read))
            deadline = time.monotonic() + start_timeout
            for _proc, read in started:
                left = max(0.0, deadline - time.monotonic())
                if not (select.select([read], [], [], left)[0] and os.read(read, 1) == b"r"):
                    raise AigraphError("An endpoint worker did not start (see the messages above).")
        except BaseException:
            for proc, _ in started:
                if proc.poll() is None:
                    proc.kill()
                proc.wait()
            raise
        finally:
            for _, read in started:
                os.close(read)
        with self._lock:
            self._workers += [proc for proc, _ in started]

    def pids(self) -> list[int]:
        """Process ids of the running workers."""
        with self._lock:
            return sorted(p.pid for p in self._workers if p.poll() is None)

    def serve_forever(self, poll: float = 0.1) -> None:
        """Keep the workers running (a worker that ends is replaced) until shutdown() or Ctrl-C."""
        self._running.set()
        try:
            while not self._stopping.is_set():
                with self._lock:
                    ended = [p for p in self._workers if p.poll() is not None]
                    self._workers = [p for p in self._workers if p.poll() is None]
                for _ in ended:
                    if not self._stopping.is_set():
                        try:
                            self._spawn()
                        except AigraphError as exc:
                            print(exc, file=sys.stderr, flush=True)
                            time.sleep(1)
                self._stopping.wait(poll)
        finally:
            self._done.set()

    def shutdown(self) -> None:
        """Stop serve_forever (from another thread) and wait for it to return."""
        self._stopping.set()
        if self._running.is_set():
            self._done.wait(10)

    def server_close(self) -> None:
        """Stop every worker and close the socket."""
        self._stopping.set()
        with self._lock:
            workers, self._workers = self._workers, []
        for p in workers:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in workers:
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        self.sock.close()
