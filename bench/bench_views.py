"""Benchmark of the views and analyses: prints figures, asserts nothing.

    .venv/bin/python bench/bench_views.py [--nodes 100000] [--view-nodes 5000] [--runs 3]

1. the seed graph's page (built from seeds/) opening and settling in headless Chromium (target < 3 s);
2. a 5,000-node synthetic graph's page (target < 5 s), and the view of the 100k-node graph (its top 5,000);
3. the analyses on a 100k-node synthetic graph, in memory and as the `aigraph analyse` command on a store
   holding it (target < 60 s).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_networkx, synthetic_quads  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def open_times(browser, page_path: Path, runs: int) -> tuple[list[float], int, int]:
    """Seconds from navigation to the first drawn frame, per run (a fresh tab each time), and the counts."""
    times, counts = [], (0, 0)
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        errors: list[str] = []
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        t0 = time.perf_counter()
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=120000)
        times.append(time.perf_counter() - t0)
        counts = tuple(page.evaluate("[window.aigraph.nodes.length, window.aigraph.edges.length]"))
        if errors:
            print(f"  page errors: {errors[:3]}")
        page.close()
    return times, counts[0], counts[1]


def show(label: str, times: list[float], extra: str = "") -> None:
    print(f"{label:48s} median {statistics.median(times):6.2f} s  max {max(times):6.2f} s  {extra}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--view-nodes", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    opts = ap.parse_args()

    from playwright.sync_api import sync_playwright

    from aigraph.graph.store import write_store
    from aigraph.pipeline.build import build
    from aigraph.views.html import write_view
    from aigraph.views.metrics import measure

    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        tmp = Path(tmp)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        print(f"chromium {browser.version}")

        seeds = tmp / "seeds"
        t0 = time.perf_counter()
        build(sorted((ROOT / "seeds").glob("*.txt")), seeds)
        print(f"{'build of seeds/ (with analysis and pictures)':48s} {time.perf_counter() - t0:6.2f} s")
        times, n, m = open_times(browser, seeds / "aigraph.html", opts.runs)
        show("seed graph page: open and settle", times, f"{n} nodes, {m} edges (target < 3 s)")

        g = synthetic_networkx(opts.view_nodes, docs=opts.view_nodes // 20)
        t0 = time.perf_counter()
        write_view(g, tmp / "synthetic.html", "synthetic")
        made = time.perf_counter() - t0
        size = (tmp / "synthetic.html").stat().st_size / 1e6
        times, n, m = open_times(browser, tmp / "synthetic.html", opts.runs)
        show(f"{opts.view_nodes}-node page: open and settle", times, f"{n} nodes, {m} edges (target < 5 s)")
        print(f"{'  (page written by Python in)':48s} {made:6.2f} s  {size:.1f} MB")

        big = synthetic_networkx(opts.nodes, docs=opts.nodes // 20)
        t0 = time.perf_counter()
        result = measure(big)
        s = result.report["summary"]
        print(f"{f'analyses of a {opts.nodes}-node graph, in memory':48s} {time.perf_counter() - t0:6.2f} s  "
              f"{s['entities']} nodes, {s['facts']} edges, {s['communities']} communities, betweenness "
              f"{s['betweenness']} (target < 60 s)")
        t0 = time.perf_counter()
        write_view(big, tmp / "big.html", "synthetic", result.metrics)
        made = time.perf_counter() - t0
        times, n, m = open_times(browser, tmp / "big.html", opts.runs)
        show(f"{opts.nodes}-node graph's page (top {n}): open", times, f"{n} nodes, {m} edges; written in {made:.1f} s")
        browser.close()

        store_dir = tmp / "store100k"
        t0 = time.perf_counter()
        write_store(synthetic_quads(opts.nodes, docs=opts.nodes // 20), store_dir)
        print(f"{f'store of the {opts.nodes}-node graph written in':48s} {time.perf_counter() - t0:6.2f} s")
        t0 = time.perf_counter()
        subprocess.run([str(ROOT / ".venv" / "bin" / "aigraph"), "analyse", "--graph", str(store_dir), "--quiet"],
                       check=True)
        print(f"{'`aigraph analyse` on it (read, analyse, write)':48s} {time.perf_counter() - t0:6.2f} s  (target < 60 s)")


if __name__ == "__main__":
    main()
