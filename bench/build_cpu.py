"""CPU time of a whole `aigraph build seeds` (process and workers), one source tree or two in turn (A/B).

    .venv/bin/python bench/build_cpu.py                                   # this checkout, 3 runs
    .venv/bin/python bench/build_cpu.py --src /tmp/base/src src --runs 3  # A B A B A B

Each run is a fresh process, as a user starts it (bytecode cached: PYTHONDONTWRITEBYTECODE is dropped),
building into an empty folder; the first run of each tree is a warm-up and is not counted. CPU time
(user + system, waited-for children included) moves less than wall time on a shared machine; the load
average is printed beside each figure.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_once(src: Path, out: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one build with `src` first on the path."""
    shutil.rmtree(out, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(src)
    cmd = [sys.executable, "-m", "aigraph.cli", "build", str(ROOT / "seeds"), "--out", str(out), "-q"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"build with {src} failed")
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", nargs="+", type=Path, default=[ROOT / "src"], help="source trees, run in turn")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    figures: dict[Path, list[float]] = {s: [] for s in args.src}
    with tempfile.TemporaryDirectory() as tmp:
        for src in args.src:
            run_once(src.resolve(), Path(tmp) / "warm")
        for r in range(args.runs):
            for src in args.src:
                cpu, wall = run_once(src.resolve(), Path(tmp) / "graph")
                figures[src].append(cpu)
                load = " ".join(f"{x:.1f}" for x in os.getloadavg())
                print(f"run {r + 1} {src}: {cpu:.2f} s CPU, {wall:.2f} s wall (load {load})", flush=True)
    for src, cpus in figures.items():
        print(f"{src}: median {statistics.median(cpus):.2f} s CPU, best {min(cpus):.2f} s ({len(cpus)} runs)")
    if len(args.src) == 2:
        a, b = (statistics.median(figures[s]) for s in args.src)
        print(f"ratio {args.src[1]} / {args.src[0]}: {b / a:.2f}")


if __name__ == "__main__":
    main()
