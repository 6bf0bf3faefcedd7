"""Endpoint throughput side by side: `aigraph serve`, Oxigraph's own server and an rdflib-based endpoint.

    .venv/bin/python bench/endpoint.py [--graph exports] [--seconds 5] [--clients 2 8] [--base OLD/src]

Each server answers the same 1-hop query over the same data; N client processes (keep-alive
connections, Python's http.client) ask it as fast as it answers for a fixed time. The servers take
turns per round (interleaved), so that other load on the machine weighs on each alike; the ratio of
the medians is printed. Server CPU seconds per query are read from /proc (the server and its workers).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import multiprocessing as mp
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ONE_HOP = """SELECT ?p ?x WHERE { { ent:DeepSeek ?p ?x } UNION { ?x ?p ent:DeepSeek } }"""
FULL_PREFIXES = ("PREFIX ent: <https://aigraph.dev/id/>\nPREFIX aig: <https://aigraph.dev/ontology#>\n")
SOURCES: dict[str, str] = {}
"""Server kind → the source tree its `aigraph` runs from (PYTHONPATH), for kinds other than "aigraph"."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_up(port: int, proc: subprocess.Popen, seconds: float = 60.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("server did not start")


@contextlib.contextmanager
def server(kind: str, graph: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """A running server of `kind` over the graph: ("url of the query path", process)."""
    port = _free_port()
    tmp = None
    env = None
    if kind == "aigraph" or kind in SOURCES:
        cmd = [str(BIN / "aigraph"), "serve", "--port", str(port), "--quiet", "--graph", str(graph)]
        path = "/sparql"
        if kind in SOURCES:
            env = dict(os.environ, PYTHONPATH=SOURCES[kind])
    elif kind == "oxigraph":
        cmd = [str(BIN / "oxigraph"), "serve-read-only", "--location", str(graph / "store"),
               "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
        path = "/query"
    elif kind == "rdflib":
        cmd = [sys.executable, str(Path(__file__).with_name("rdflib_endpoint.py")), str(graph / "aigraph.nq"),
               str(port)]
        path = "/sparql"
    else:
        raise ValueError(kind)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, env=env)
    try:
        _wait_up(port, proc)
        yield f"http://127.0.0.1:{port}{path}", proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def _client(url: str, query: str, seconds: float, start: float, out: mp.Queue) -> None:
    hostport, path = url.removeprefix("http://").split("/", 1)
    host, port = hostport.split(":")
    conn = http.client.HTTPConnection(host, int(port))
    body = urlencode({"query": query})
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}
    while time.time() < start:
        time.sleep(0.001)
    n = errors = 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        conn.request("POST", "/" + path, body, headers)
        resp = conn.getresponse()
        resp.read()
        n += 1
        errors += resp.status != 200
    out.put((n, errors))


def _cpu_of_tree(pid: int) -> float:
    """CPU seconds (user + system) of a process and its live children, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for p in [pid] + _children(pid):
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            for c in (task / "children").read_text().split():
                out += [int(c)] + _children(int(c))
    return out


def load(url: str, proc: subprocess.Popen, clients: int, seconds: float, query: str = ONE_HOP) -> tuple[float, float, int]:
    """(queries per second, server CPU ms per query, errors) with `clients` processes for `seconds`."""
    ctx = mp.get_context("fork")
    out = ctx.Queue()
    start = time.time() + 0.3
    procs = [ctx.Process(target=_client, args=(url, query, seconds, start, out)) for _ in range(clients)]
    for p in procs:
        p.start()
    cpu0 = _cpu_of_tree(proc.pid)
    results = [out.get() for _ in procs]
    cpu1 = _cpu_of_tree(proc.pid)
    for p in procs:
        p.join()
    total = sum(n for n, _ in results)
    return total / seconds, 1000 * (cpu1 - cpu0) / max(total, 1), sum(e for _, e in results)


def compare(graph: Path, kinds: list[str], clients: list[int], seconds: float, rounds: int) -> list[tuple]:
    """Rows (server, clients, median q/s, CPU ms/query, ratio to oxigraph), servers interleaved per round."""
    figures: dict[tuple[str, int], list[tuple[float, float, int]]] = {}
    for _ in range(rounds):
        for kind in kinds:
            with server(kind, graph) as (url, proc):
                query = ONE_HOP if kind != "oxigraph" else FULL_PREFIXES + ONE_HOP
                load(url, proc, 1, 0.5, query)  # warm up
                for n in clients:
                    figures.setdefault((kind, n), []).append(load(url, proc, n, seconds, query))
    rows = []
    for n in clients:
        base = statistics.median(q for q, _, _ in figures[("oxigraph", n)]) if "oxigraph" in kinds else None
        for kind in kinds:
            runs = figures[(kind, n)]
            qps = statistics.median(q for q, _, _ in runs)
            cpu = statistics.median(c for _, c, _ in runs)
            errors = sum(e for _, _, e in runs)
            rows.append((kind, n, qps, cpu, errors, qps / base if base else None))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, default=ROOT / "exports")
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--clients", type=int, nargs="+", default=[2, 8])
    ap.add_argument("--servers", nargs="+", default=["aigraph", "oxigraph", "rdflib"])
    ap.add_argument("--base", metavar="SRC", help="also serve from this source tree (aigraph-base), for A/B")
    args = ap.parse_args()
    if args.base:
        SOURCES["aigraph-base"] = str(Path(args.base).resolve())
        args.servers.insert(0, "aigraph-base")
    print(f"load average {os.getloadavg()[0]:.2f}")
    for kind, n, qps, cpu, errors, ratio in compare(args.graph, args.servers, args.clients, args.seconds, args.rounds):
        print(f"{kind:9} {n} clients: {qps:8,.0f} q/s  {cpu:6.3f} ms CPU/query  {errors} errors  "
              f"{'' if ratio is None else f'{ratio:.2f}x oxigraph'}")


if __name__ == "__main__":
    main()
