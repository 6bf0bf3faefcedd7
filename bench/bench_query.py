"""Query speed: `aigraph neighbors` wall time, endpoint queries per second, 1-hop on 10^6 triples.

Run from the repository root after `make build`:

    .venv/bin/python bench/bench_query.py [--graph exports] [--runs 30] [--seconds 5] [--triples 1000000]

Targets (issue 7): neighbors median <= 0.15 s for the whole process; >= 200 endpoint queries/s with
2 concurrent clients on loopback; a 1-hop neighbours query on 10^6 triples <= 50 ms. The script prints
figures; it does not fail.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing as mp
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
AIGRAPH = str(Path(sys.executable).with_name("aigraph"))


def neighbors_wall_time(graph: Path, runs: int) -> None:
    cmd = [AIGRAPH, "neighbors", "DeepSeek", "--graph", str(graph)]
    subprocess.run(cmd, check=True, capture_output=True)  # warm the page cache
    if shutil.which("hyperfine"):
        subprocess.run(["hyperfine", "--warmup", "3", "--runs", str(runs), "-N", " ".join(cmd)], check=False)
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    print(f"neighbors DeepSeek: median {statistics.median(times) * 1000:.0f} ms, "
          f"min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms over {runs} runs (target <= 150 ms); "
          f"CPU time median {statistics.median(cpu) * 1000:.0f} ms (less sensitive to other load)")


QUERY = "SELECT ?m WHERE { ?m aig:developedBy ent:DeepSeek }"


def _client(url: str, seconds: float, out: mp.Queue) -> None:
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port))
    body = urlencode({"query": QUERY})
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"}
    n, errors, end = 0, 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        conn.request("POST", "/sparql", body, headers)
        resp = conn.getresponse()
        resp.read()
        n += 1
        errors += resp.status != 200
    out.put((n, errors))


def endpoint_throughput(graph: Path, seconds: float, clients: int = 2) -> None:
    proc = subprocess.Popen([AIGRAPH, "serve", "--port", "0", "--quiet", "--graph", str(graph)],
                            stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        url = re.search(r"(http://[\d.]+:\d+)/sparql", line)[1]
        out: mp.Queue = mp.Queue()
        procs = [mp.Process(target=_client, args=(url, seconds, out)) for _ in range(clients)]
        t = time.perf_counter()
        for p in procs:
            p.start()
        results = [out.get() for _ in procs]
        for p in procs:
            p.join()
        elapsed = time.perf_counter() - t
        total = sum(n for n, _ in results)
        errors = sum(e for _, e in results)
        print(f"endpoint: {total / elapsed:.0f} queries/s with {clients} clients over {elapsed:.1f} s "
              f"({total} queries, {errors} errors; target >= 200/s)")
    finally:
        proc.terminate()
        proc.wait(10)


def synthetic_graph(path: Path, triples: int, seed: int = 7) -> list[str]:
    """A store laid out like a built graph: typed, labelled entities mentioned in documents; facts as
    plain triples and as reified aig:Fact nodes with confidence, support and an evidence sentence in a
    document's named graph; degrees skewed so that a few entities are hubs (Entity0 the biggest)."""
    from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store

    RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")  # noqa: N806
    RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")  # noqa: N806
    SKOS_ALT = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")  # noqa: N806
    from aigraph.vocab import AIG_NS, DOC, ENT, ENTITY_TYPES, FACT, PREDICATES

    rng = random.Random(seed)
    g = DefaultGraph()
    n_entities = max(100, triples // 40)
    docs = [NamedNode(f"{DOC}{i:016x}") for i in range(max(1, n_entities // 50))]
    names = [f"Entity{i}" for i in range(n_entities)]
    nodes = [NamedNode(ENT + n) for n in names]
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xsd = "http://www.w3.org/2001/XMLSchema#"

    def aig(local: str) -> NamedNode:
        return NamedNode(AIG_NS + local)

    def typed(value, datatype: str) -> Literal:
        return Literal(str(value), datatype=NamedNode(xsd + datatype))

    quads: list[Quad] = []
    for d in docs:
        quads += [Quad(d, RDF_TYPE, aig("Document"), d), Quad(d, RDFS_LABEL, Literal(f"{d.value[-16:]}.txt"), d)]
    for i, node in enumerate(nodes):
        quads += [Quad(node, RDF_TYPE, aig(ENTITY_TYPES[i % len(ENTITY_TYPES)]), g),
                  Quad(node, RDFS_LABEL, Literal(names[i], language="en"), g),
                  Quad(node, SKOS_ALT, Literal(f"实体{i}", language="zh"), g),
                  Quad(node, aig("mentionedIn"), docs[i % len(docs)], docs[i % len(docs)])]
    subj, pred, obj = (NamedNode(rdf + x) for x in ("subject", "predicate", "object"))
    i = 0
    while len(quads) < triples:
        hub = rng.random() < 0.3
        s = nodes[min(int(rng.paretovariate(1.2)) - 1, n_entities - 1) if hub else rng.randrange(n_entities)]
        o = nodes[rng.randrange(n_entities)]
        p = aig(PREDICATES[rng.randrange(len(PREDICATES))])
        f = NamedNode(f"{FACT}{i:016x}")
        d = docs[rng.randrange(len(docs))]
        ev = NamedNode(f"{f.value}/{d.value[-16:]}-{i}")
        quads += [Quad(s, p, o, g), Quad(f, RDF_TYPE, aig("Fact"), g), Quad(f, subj, s, g), Quad(f, pred, p, g),
                  Quad(f, obj, o, g), Quad(f, aig("confidence"), typed("0.800", "decimal"), g),
                  Quad(f, aig("supportCount"), typed(1, "integer"), g),
                  Quad(f, aig("evidence"), ev, d), Quad(ev, RDF_TYPE, aig("Evidence"), d),
                  Quad(ev, aig("inDocument"), d, d),
                  Quad(ev, aig("sentenceText"), Literal(f"{s.value[-8:]} and {o.value[-8:]}: sentence {i}."), d),
                  Quad(ev, aig("sentenceIndex"), typed(i, "integer"), d),
                  Quad(ev, aig("charStart"), typed(i * 40, "integer"), d),
                  Quad(ev, aig("charEnd"), typed(i * 40 + 39, "integer"), d),
                  Quad(ev, aig("confidence"), typed("0.800", "decimal"), d)]
        i += 1
    store = Store(str(path))
    store.bulk_extend(quads)
    store.flush()
    store.optimize()
    del store
    return names


def one_hop_on_synthetic(triples: int, samples: int = 50) -> None:
    from pyoxigraph import Store

    from aigraph.query.card import card
    from aigraph.query.lookup import find_entity, neighbors

    tmp = Path(tempfile.mkdtemp(prefix="aigraph-bench-"))
    try:
        t = time.perf_counter()
        names = synthetic_graph(tmp / "store", triples)
        built = time.perf_counter() - t
        store = Store.read_only(str(tmp / "store"))
        count = len(store)
        rng = random.Random(1)
        picks = ["Entity0"] + [rng.choice(names) for _ in range(samples - 1)]  # Entity0 is the biggest hub
        hop, lookup, sizes = [], [], []
        for name in picks:
            t = time.perf_counter()
            e = find_entity(store, name)
            t1 = time.perf_counter()
            found = neighbors(store, e)
            t2 = time.perf_counter()
            lookup.append(t1 - t)
            hop.append(t2 - t1)
            sizes.append(len(found))
        print(f"synthetic graph: {count} triples, {len(names)} entities (built in {built:.0f} s)")
        print(f"1-hop neighbours: median {statistics.median(hop) * 1000:.1f} ms, "
              f"max {max(hop) * 1000:.1f} ms over {samples} entities "
              f"(median {statistics.median(sizes):.0f} facts; hub {sizes[0]} facts in {hop[0] * 1000:.1f} ms; "
              f"target <= 50 ms)")
        print(f"name lookup (find_entity, canonical name): median {statistics.median(lookup) * 1000:.1f} ms")
        evid, cards = [], []
        for name in picks[1:11]:
            e = find_entity(store, name)
            t = time.perf_counter()
            neighbors(store, e, evidence=True)
            evid.append(time.perf_counter() - t)
            t = time.perf_counter()
            card(store, e)
            cards.append(time.perf_counter() - t)
        print(f"1-hop with evidence sentences: median {statistics.median(evid) * 1000:.1f} ms; "
              f"show card (incl. degree rank over all facts): median {statistics.median(cards) * 1000:.0f} ms")
        t = time.perf_counter()
        find_entity(store, "entity17")
        print(f"name lookup by a variant spelling (label scan in the engine): {(time.perf_counter() - t) * 1000:.0f} ms")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, default=ROOT / "exports")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--triples", type=int, default=1_000_000)
    args = ap.parse_args()
    if not (args.graph / "store").is_dir():
        sys.exit(f"No store in {args.graph}/: run `make build` first.")
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    neighbors_wall_time(args.graph, args.runs)
    endpoint_throughput(args.graph, args.seconds)
    one_hop_on_synthetic(args.triples)


if __name__ == "__main__":
    main()
