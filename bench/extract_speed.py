"""Extraction speed on one core: the seeds' sentences through the spaCy pipeline, CPU time, best of N.

    .venv/bin/python bench/extract_speed.py                       # this checkout
    PYTHONPATH=/path/to/other/src .venv/bin/python bench/extract_speed.py --label other   # A/B, in turn
    .venv/bin/python bench/extract_speed.py --sample eval/weixin/dev.jsonl   # the sentences of bench/run.py's
                                                                            # peers table

CPU time rather than wall time: on a shared machine the figure moves less; run A and B in turn.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from aigraph.extraction.nlp import build_nlp, extract
from aigraph.model import Sentence
from aigraph.pipeline.stages import State, ingest, segment

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--label", default="aigraph")
    ap.add_argument("--sample", type=Path, help="a JSONL file whose `sent` fields are read too, as bench/peers.py does")
    args = ap.parse_args()
    sentences = list(segment(ingest(State(tuple(sorted((ROOT / "seeds").glob("*.txt")))))).sentences)
    if args.sample:
        for i, line in enumerate(args.sample.read_text("utf-8").splitlines()):
            text = json.loads(line)["sent"]
            sentences.append(Sentence("sample", i, text, ((0, len(text)),)))
    chars = sum(len(s.text) for s in sentences)
    nlp = build_nlp()
    extract(nlp, sentences[:200])  # caches warm
    best = float("inf")
    for _ in range(args.runs):
        t0 = time.process_time()
        extract(nlp, sentences)
        best = min(best, time.process_time() - t0)
    print(f"{args.label}: {len(sentences):,} sentences, {chars:,} characters, {chars / best:,.0f} chars per CPU-second"
          f" (best of {args.runs})")


if __name__ == "__main__":
    main()
