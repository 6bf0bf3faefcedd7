"""The endpoint's worker processes: one listening socket, a few processes answering on it, each one
replaced when it ends (a worker retires after a query over the time limit)."""

from __future__ import annotations

import os
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
            for _ in range(size):
                self._spawn()
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

    def _spawn(self, start_timeout: float = 60.0) -> None:
        read, write = os.pipe()
        cmd = [sys.executable, "-m", "aigraph.serve.endpoint", str(self.graph), str(self.sock.fileno()),
               repr(self.timeout), str(write)] + (["quiet"] if self.quiet else [])
        try:
            proc = subprocess.Popen(cmd, pass_fds=(self.sock.fileno(), write), stdin=subprocess.DEVNULL)
        finally:
            os.close(write)
        try:
            import select

            ready = select.select([read], [], [], start_timeout)[0] and os.read(read, 1) == b"r"
        finally:
            os.close(read)
        if not ready:
            proc.kill()
            proc.wait()
            raise AigraphError("An endpoint worker did not start (see the messages above).")
        with self._lock:
            self._workers.append(proc)

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
