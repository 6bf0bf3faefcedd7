"""Benchmark of the views and analyses: prints figures, asserts nothing.

    .venv/bin/python bench/bench_views.py [--graph FOLDER] [--nodes 100000] [--view-nodes 5000] [--runs 3]

1. the seed graph's overview (built from seeds/) opening and settling in headless Chromium at 1400x1000
   (target < 3 s), how many of its 50 most central entities are labelled there and how many drawn texts
   overlap (target: 50, none);
2. with --graph (a built graph, e.g. of the 676-article corpus): its overview the same way (target < 5 s),
   the time to make its views, and entity pages served by `aigraph serve`: the server's answer and the
   page opened and drawn in the browser, for its ten most connected entities (target < 1 s);
3. a 5,000-node synthetic graph's page (target < 5 s), and the view of a 100k-node graph (its top 5,000);
4. the analyses on a 100k-node synthetic graph, in memory and as the `aigraph analyse` command on a store
   holding it (target < 60 s). --nodes 0 skips 3 and 4.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_networkx, synthetic_quads  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
HOOK = (ROOT / "tests" / "canvas_hook.js").read_text("utf-8")
SIZE = {"width": 1400, "height": 1000}


def open_times(browser, url: str, runs: int, size: dict | None = None) -> tuple[list[float], int, int]:
    """Seconds from navigation to the first drawn frame, per run (a fresh tab each time), and the counts."""
    times, counts = [], (0, 0)
    for _ in range(runs):
        page = browser.new_page(viewport=size or {"width": 1280, "height": 800})
        errors: list[str] = []
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        t0 = time.perf_counter()
        page.goto(url)
        page.wait_for_selector("body[data-ready='1']", timeout=120000)
        times.append(time.perf_counter() - t0)
        counts = tuple(page.evaluate("[window.aigraph.nodes.length, window.aigraph.edges.length]"))
        if errors:
            print(f"  page errors: {errors[:3]}")
        page.close()
    return times, counts[0], counts[1]


def labels(browser, url: str) -> tuple[int, int, float, int]:
    """At 1400x1000: (how many of the 50 most central are labelled, the smallest of their labels in px,
    how many pairs of drawn texts overlap, how many texts are drawn)."""
    page = browser.new_page(viewport=SIZE)
    page.add_init_script(HOOK)
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=120000)
    texts = page.evaluate("window.__aigraphTexts()")
    top = [row[1] for row in page.evaluate("window.aigraph.data.names") if row[4]][:50]
    page.close()
    drawn = {t["text"]: t for t in texts}
    shown = [n for n in top if n in drawn]
    clash = sum(1 for k, a in enumerate(texts) for b in texts[k + 1:]
                if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"])
    return len(shown), min((drawn[n]["px"] for n in shown), default=0.0), clash, len(texts)


def show(label: str, times: list[float], extra: str = "") -> None:
    print(f"{label:52s} median {statistics.median(times):6.2f} s  max {max(times):6.2f} s  {extra}")


def overview(browser, folder: Path, runs: int, target: float, name: str) -> None:
    times, n, m = open_times(browser, (folder / "aigraph.html").as_uri(), runs, SIZE)
    show(f"{name}: overview open and settle (1400x1000)", times, f"{n} nodes, {m} edges (target < {target:.0f} s)")
    shown, smallest, clash, drawn = labels(browser, (folder / "aigraph.html").as_uri())
    print(f"{'  labelled at the fitted zoom':52s} {shown}/50 of the most central, smallest {smallest:.1f} px; "
          f"{drawn} texts drawn, {clash} overlapping pairs")


def entity_pages(browser, folder: Path, runs: int) -> None:
    """Entity pages of the ten most connected entities, served by `aigraph serve` in this process."""
    from aigraph.graph.store import open_store
    from aigraph.serve.endpoint import make_server
    from aigraph.views.netgraph import to_networkx

    g = to_networkx(open_store(folder))
    top = sorted(g.nodes, key=lambda i: (-g.degree(i), g.nodes[i]["label"]))[:10]
    srv = make_server(folder, port=0, quiet=True, workers=1)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        answer, opened = [], []
        for iri in top:
            url = srv.url + "/entity/" + quote(g.nodes[iri]["label"], safe="").replace(".", "%2E")
            for _ in range(runs):
                t0 = time.perf_counter()
                with urllib.request.urlopen(url) as resp:
                    resp.read()
                answer.append(time.perf_counter() - t0)
            opened += open_times(browser, url, 1, SIZE)[0]
        show("entity pages: the server's answer", answer, f"the {len(top)} most connected, {runs} times each")
        show("entity pages: served, opened and drawn", opened, "(target < 1 s)")
    finally:
        srv.shutdown()
        srv.server_close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, default=None, help="a built graph folder to measure as well")
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--view-nodes", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    opts = ap.parse_args()

    from playwright.sync_api import sync_playwright

    from aigraph.graph.store import open_store, write_store
    from aigraph.pipeline.build import build
    from aigraph.views.html import write_view
    from aigraph.views.metrics import measure

    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        tmp = Path(tmp)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        print(f"chromium {browser.version}")

        seeds = tmp / "seeds"
        t0 = time.perf_counter()
        build(sorted((ROOT / "seeds").glob("*.txt")), seeds)
        print(f"{'build of seeds/ (with analysis and pictures)':52s} {time.perf_counter() - t0:6.2f} s")
        overview(browser, seeds, opts.runs, 3, "seed graph")

        if opts.graph:
            from aigraph.views import stages

            t0 = time.perf_counter()
            out = tmp / "views"
            out.mkdir()
            stages.run(open_store(opts.graph), out)
            print(f"{f'{opts.graph.name}: the views made in':52s} {time.perf_counter() - t0:6.2f} s  "
                  "(graph read, measures, overview, pictures, funding)")
            for f in ("aigraph.html", "funding.html"):
                (opts.graph / f).write_bytes((out / f).read_bytes())
            overview(browser, opts.graph, opts.runs, 5, opts.graph.name)
            entity_pages(browser, opts.graph, opts.runs)

        if opts.nodes:
            g = synthetic_networkx(opts.view_nodes, docs=opts.view_nodes // 20)
            t0 = time.perf_counter()
            write_view(g, tmp / "synthetic.html", "synthetic")
            made = time.perf_counter() - t0
            size = (tmp / "synthetic.html").stat().st_size / 1e6
            times, n, m = open_times(browser, (tmp / "synthetic.html").as_uri(), opts.runs)
            show(f"{opts.view_nodes}-node page: open and settle", times, f"{n} nodes, {m} edges (target < 5 s)")
            print(f"{'  (page written by Python in)':52s} {made:6.2f} s  {size:.1f} MB")

            big = synthetic_networkx(opts.nodes, docs=opts.nodes // 20)
            t0 = time.perf_counter()
            result = measure(big)
            s = result.report["summary"]
            print(f"{f'analyses of a {opts.nodes}-node graph, in memory':52s} {time.perf_counter() - t0:6.2f} s  "
                  f"{s['entities']} nodes, {s['facts']} edges, {s['communities']} communities, betweenness "
                  f"{s['betweenness']} (target < 60 s)")
            t0 = time.perf_counter()
            write_view(big, tmp / "big.html", "synthetic", result.metrics)
            made = time.perf_counter() - t0
            times, n, m = open_times(browser, (tmp / "big.html").as_uri(), opts.runs)
            show(f"{opts.nodes}-node graph's page (top {n}): open", times, f"{n} nodes, {m} edges; written in {made:.1f} s")
        browser.close()

        if opts.nodes:
            store_dir = tmp / "store100k"
            t0 = time.perf_counter()
            write_store(synthetic_quads(opts.nodes, docs=opts.nodes // 20), store_dir)
            print(f"{f'store of the {opts.nodes}-node graph written in':52s} {time.perf_counter() - t0:6.2f} s")
            t0 = time.perf_counter()
            subprocess.run([str(ROOT / ".venv" / "bin" / "aigraph"), "analyse", "--graph", str(store_dir), "--quiet"],
                           check=True)
            print(f"{'`aigraph analyse` on it (read, analyse, write)':52s} {time.perf_counter() - t0:6.2f} s  (target < 60 s)")


if __name__ == "__main__":
    main()
