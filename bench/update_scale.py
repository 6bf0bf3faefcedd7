"""Incremental cost at scale: add and remove one document in a graph of N documents, and the peak
memory of a build of one big file. Prints the figures; the graph is built once and kept.

    .venv/bin/python bench/update_scale.py --docs 10000 --keep /tmp/upd      # build once, then time add/remove
    .venv/bin/python bench/update_scale.py --docs 10000 --names 3 --keep /tmp/upd   # a graph of many names
    .venv/bin/python bench/update_scale.py --big 50 --keep /tmp/upd          # peak memory of one 50 MB file

Documents are short news items made of paragraphs of the seed reports, picked by a seeded random
generator, each with a line of its own (so that every document is new to the graph). Commands run as
subprocesses, so wall time and peak memory (ru_maxrss) are what a user sees.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AIGRAPH = [sys.executable, "-m", "aigraph.cli"]


def paragraphs() -> list[str]:
    out = []
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        body = seed.read_text("utf-8").split("\n---\n", 1)[-1]
        out += [p.strip() for p in body.split("\n") if len(p.strip()) >= 40]
    return out


_SYLLABLES = ("ka", "lo", "mi", "zen", "tor", "vex", "qua", "rin", "dol", "bra", "sul", "nex", "pho", "gri", "tau",
              "jem", "wix", "fal", "dro", "yun")


def invented(rng: random.Random) -> str:
    """A company name no lexicon knows (`Torvexqua`)."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(4)).capitalize()


def make_news(folder: Path, n: int, per_doc: int = 3, seed: int = 11, names: int = 0) -> Path:
    """n short documents (idempotent: kept when already there); with `names`, each also has that many
    sentences of a company of an invented name releasing a model, so that the graph holds many names."""
    folder.mkdir(parents=True, exist_ok=True)
    if len(list(folder.glob("*.txt"))) == n:
        return folder
    rng, paras = random.Random(seed), paragraphs()
    for i in range(n):
        body = "\n\n".join(rng.sample(paras, per_doc))
        news = "".join(f"{c} AI发布了{c}-{i % 7 + 1}模型。\n" for c in (invented(rng) for _ in range(names)))
        (folder / f"news_{i:05d}.txt").write_text(f"简讯第{i}号。\n\n{news}{body}\n", encoding="utf-8")
    return folder


def run(cmd: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in MB (children included), stdout; a failure stops the benchmark."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status):
            raise SystemExit(f"{' '.join(cmd)} failed:\n{err.read().decode()[-2000:]}")
        return seconds, usage.ru_maxrss // 1024, out.read().decode()


def scale(work: Path, n: int, repeat: int, names: int = 0) -> None:
    suffix = f"-{names}names" if names else ""
    corpus = make_news(work / f"news-{n}{suffix}", n, names=names)
    graph = work / f"graph-{n}{suffix}"
    if not (graph / "store").is_dir():
        s, rss, _ = run(AIGRAPH + ["build", str(corpus), "--out", str(graph), "--quiet", "--jobs", "2", "--no-validate"])
        print(f"build {n} documents: {s:.1f} s, peak {rss:,} MB")
    extra = work / "extra"
    extra.mkdir(exist_ok=True)
    one = extra / "one_more_news.txt"
    one.write_text("简讯加一。\n\n2025年3月，Lumora AI宣布完成由Accel领投的1800万美元A轮融资。\n\n"
                   "深度求索发布了DeepSeek-R1模型，对标OpenAI的o1。\n", encoding="utf-8")
    print(f"load average {os.getloadavg()[0]:.1f}")
    for _ in range(repeat):
        s, rss, _ = run(AIGRAPH + ["add", str(one), "--graph", str(graph), "--quiet"])
        print(f"add 1 file to {n} documents:    {s:6.2f} s  peak {rss:,} MB")
        s, rss, _ = run(AIGRAPH + ["remove", one.name, "--graph", str(graph), "--quiet"])
        print(f"remove 1 file from {n + 1} documents: {s:6.2f} s  peak {rss:,} MB")
    print(f"load average {os.getloadavg()[0]:.1f}")


def big(work: Path, megabytes: int) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from run import make_big_file

    path = make_big_file(work / "big" / "big.txt", megabytes)
    out = work / "graph-big"
    print(f"load average {os.getloadavg()[0]:.1f}")
    s, rss, _ = run(AIGRAPH + ["build", str(path), "--out", str(out), "--quiet"])
    print(f"build one {path.stat().st_size / 2**20:.0f} MB file: {s:.1f} s, peak {rss:,} MB")
    print(f"load average {os.getloadavg()[0]:.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=0, help="time add/remove in a graph of this many documents")
    ap.add_argument("--big", type=int, default=0, help="peak memory of a build of one file of this many MB")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--names", type=int, default=0, help="sentences per document naming invented companies and models")
    ap.add_argument("--keep", type=Path, default=None, help="work folder (kept; the graph is built once)")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="aigraph-scale-"))
    if args.docs:
        scale(work, args.docs, args.repeat, args.names)
    if args.big:
        big(work, args.big)


if __name__ == "__main__":
    main()
