"""Where a build's memory goes: the stages and the commit's steps run by hand in one process, with the
resident memory after each and the peak so far. Prints one line per step.

    .venv/bin/python bench/build_memory.py /tmp/upd/big/big.txt --out /tmp/mem-graph   # a --big file

The steps are those of `aigraph build` with one process and validation on (pipeline.stages.STAGES, then
pipeline.commit: cache, link index, store, SHACL check, every export writer, the views), written into
`--out` (replaced). Memory is Linux's VmRSS; the peak is ru_maxrss.
"""

from __future__ import annotations

import argparse
import gc
import resource
import shutil
import time
from pathlib import Path


def rss_mb() -> int:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) // 1024 for line in fh if line.startswith("VmRSS"))


def peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sources", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True, help="graph folder written (replaced)")
    args = ap.parse_args()

    from aigraph.extraction.lexicon import default_lexicon
    from aigraph.graph import cache, exports
    from aigraph.graph.index import INDEX, write_index
    from aigraph.pipeline import stages
    from aigraph.pipeline.commit import entries_of
    from aigraph.pipeline.delta import check_store
    from aigraph.views import stages as view_stages

    t0 = time.perf_counter()

    def step(name: str, detail: str = "") -> None:
        gc.collect()
        print(f"{name:10s} RSS {rss_mb():6,} MB  peak {peak_mb():6,} MB  {time.perf_counter() - t0:6.0f} s  {detail}",
              flush=True)

    step("start")
    state = stages.State(tuple(args.sources))
    for name, stage in stages.STAGES:
        state = stage(state)
        kept = f"{len(state.readings):,} sentences kept of {state.sentence_count:,}" if state.readings else ""
        step(name, kept + (f", {len(state.quads):,} quads" if state.quads else ""))
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    entries = entries_of(state)
    cache.write_all(args.out, entries, state.threshold)
    step("cache")
    write_index(args.out / INDEX, entries, state.linked.evidence, state.threshold, default_lexicon())
    del entries
    step("index")
    outputs = exports.Outputs(args.out, state.quads)
    for name, write in exports.WRITERS:
        write(outputs)
        step(name)
        if name == "store":
            check_store(outputs.store, state.quads)
            step("check")
    view_stages.run(outputs.store, args.out)
    step("views")


if __name__ == "__main__":
    main()
