"""The graph over time: wall time of `aigraph changes --since` and `aigraph diff OLD NEW`, whole processes.

Build two graphs first, an older one and a newer one, e.g. from the shared corpus (file names repeat
across its subfolders, so build from a flat copy with unique names):

    mkdir -p /tmp/wx/all /tmp/wx/y2023
    for f in $(cd ../shared/corpus/weixin && find . -name '*.md'); do n=$(echo ${f#./} | tr / _);
      cp ../shared/corpus/weixin/$f /tmp/wx/all/$n; case $n in *_2023-*) cp ../shared/corpus/weixin/$f /tmp/wx/y2023/$n;; esac; done
    .venv/bin/aigraph build /tmp/wx/y2023 --out /tmp/wx/g2023 && .venv/bin/aigraph build /tmp/wx/all --out /tmp/wx/gall
    .venv/bin/python bench/bench_time.py --old /tmp/wx/g2023 --new /tmp/wx/gall --since 2024-06-01

Target (issue 19): both answer in under 2 s. Runs alternate between the commands (A/B in pairs) so that
the machine's load falls on both alike; the script prints the median and spread of each and the load
average, and does not fail.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

AIGRAPH = str(Path(sys.executable).with_name("aigraph"))


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", type=Path, required=True, help="The older graph folder.")
    ap.add_argument("--new", type=Path, required=True, help="The newer graph folder.")
    ap.add_argument("--since", default="2024-06-01", help="The date `changes` looks from.")
    ap.add_argument("--runs", type=int, default=7, help="Runs of each command.")
    args = ap.parse_args()
    commands = {
        f"changes --since {args.since}": [AIGRAPH, "changes", "--since", args.since, "--graph", str(args.new)],
        f"changes --since {args.since} --json": [AIGRAPH, "changes", "--since", args.since, "--json",
                                                 "--graph", str(args.new)],
        "diff OLD NEW": [AIGRAPH, "diff", str(args.old), str(args.new)],
        "diff OLD NEW --json": [AIGRAPH, "diff", str(args.old), str(args.new), "--json"],
        "neighbors OpenAI --since (window)": [AIGRAPH, "neighbors", "OpenAI", "--since", args.since,
                                              "--graph", str(args.new)],
    }
    for cmd in commands.values():
        timed(cmd)  # warm the page cache
    times: dict[str, list[float]] = {name: [] for name in commands}
    load = os.getloadavg()
    for _ in range(args.runs):
        for name, cmd in commands.items():  # interleaved, so load changes fall on every command alike
            times[name].append(timed(cmd))
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; after: "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" ({os.cpu_count()} cores)")
    width = max(map(len, commands))
    print(f"{'command':{width}s}  median   min    max   (s, {args.runs} runs, whole process)")
    for name, ts in times.items():
        print(f"{name:{width}s}  {statistics.median(ts):6.2f} {min(ts):6.2f} {max(ts):6.2f}")


if __name__ == "__main__":
    main()
