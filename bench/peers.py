"""The measurements `bench/run.py` puts side by side with their peers: extraction against jieba and an
Aho-Corasick scan, shipped queries, SHACL validation against pyshacl, lookups against `python -c pass`."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
AIGRAPH = [sys.executable, "-m", "aigraph.cli"]


def env() -> dict[str, str]:
    """The environment a user's shell gives: bytecode caches written and read (this machine's sessions set
    PYTHONDONTWRITEBYTECODE, which makes every start compile the package again)."""
    e = dict(os.environ)
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    return e


def timed(fn, repeat: int = 3) -> float:
    """Median wall seconds of `fn()` over `repeat` runs."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def process(cmd: list[str], repeat: int = 5) -> tuple[float, float]:
    """(median wall seconds, median CPU seconds) of a command run `repeat` times (after one warm-up)."""
    subprocess.run(cmd, env=env(), capture_output=True, cwd=ROOT, check=True)
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env(), capture_output=True, cwd=ROOT, check=True)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


# ---------------------------------------------------------------- extraction

def sentences(sample: Path | None = None) -> list:
    """The seed reports' sentences, and the sentences of a JSONL sample (`sent` fields) when given."""
    from aigraph.ingest.reader import read_document
    from aigraph.ingest.segment import segment
    from aigraph.model import Sentence

    out = [s for f in sorted(SEEDS.glob("*.txt")) for s in segment(read_document(f))]
    if sample is not None and sample.is_file():
        for i, line in enumerate(sample.read_text("utf-8").splitlines()):
            text = json.loads(line)["sent"]
            out.append(Sentence("sample", i, text, ((0, len(text)),)))
    return out


def extraction(sents: list, repeat: int = 3) -> list[tuple[str, str, str]]:
    """Characters per second on one core: our pipeline, jieba.lcut and an Aho-Corasick scan of our lexicon
    over the same sentences, each warmed up first; rows (what, chars/s, ratio to ours)."""
    import jieba

    from aigraph.extraction.lexicon import default_lexicon
    from aigraph.extraction.nlp import build_nlp, extract

    chars = sum(len(s.text) for s in sents)
    nlp = build_nlp()
    extract(nlp, sents[:300])
    ours = timed(lambda: extract(nlp, sents), repeat)
    texts = [s.text for s in sents]
    jieba.lcut(texts[0])
    theirs = timed(lambda: [jieba.lcut(t) for t in texts], repeat)
    automaton = default_lexicon().automaton
    scan = timed(lambda: [list(automaton.iter(t.lower())) for t in texts], repeat)
    rate = chars / ours
    return [("aigraph extraction (spaCy pipeline, all components)", f"{rate:,.0f}", "1.00x"),
            ("jieba.lcut (segmentation only)", f"{chars / theirs:,.0f}", f"{(chars / theirs) / rate:.2f}x"),
            ("Aho-Corasick scan of the lexicon (pyahocorasick)", f"{chars / scan:,.0f}", f"{(chars / scan) / rate:.2f}x")]


# ---------------------------------------------------------------- queries, validation, lookups

def shipped_queries(graph: Path, repeat: int = 3) -> list[tuple[str, float, int]]:
    """(name, median seconds, rows) of every shipped query on a built graph."""
    from aigraph.graph.store import open_store
    from aigraph.query.shipped import shipped
    from aigraph.query.sparql import execute

    store = open_store(graph)
    out = []
    for name, (_, text) in shipped().items():
        rows = len(list(execute(store, text)))
        out.append((name, timed(lambda text=text: list(execute(store, text)), repeat), rows))
    return out


def validation(graph: Path) -> tuple[float, float, int]:
    """(native seconds, pyshacl seconds, triples) for the union of a built graph's quads."""
    from pyoxigraph import NamedNode, Triple

    from aigraph.graph.store import ONTOLOGY_IRI, open_store
    from aigraph.graph.validate import pyshacl_violations, validate_triples

    triples = {Triple(q.subject, q.predicate, q.object) for q in open_store(graph)
               if q.graph_name != NamedNode(ONTOLOGY_IRI)}
    validate_triples(triples)
    return timed(lambda: validate_triples(triples), 3), timed(lambda: pyshacl_violations(triples), 1), len(triples)


def lookups(graph: Path, name: str = "DeepSeek", repeat: int = 15) -> list[tuple[str, str, str]]:
    """`aigraph neighbors NAME` as a user runs it, against `python -c pass`, and in process."""
    from pyoxigraph import Store

    from aigraph.graph.nameindex import NAMES
    from aigraph.query.lookup import find_entity, neighbors

    # the installed command, as a user runs it (`python -m` adds runpy's imports)
    script = Path(sys.executable).with_name("aigraph")
    command = [str(script)] if script.is_file() else AIGRAPH
    base_wall, base_cpu = process([sys.executable, "-c", "pass"], repeat)
    wall, cpu = process(command + ["neighbors", name, "--graph", str(graph)], repeat)
    variant = name.lower() if name.lower() != name else name.upper()
    vwall, vcpu = process(command + ["neighbors", variant, "--graph", str(graph)], repeat)
    store = Store.read_only(str(graph / "store"))
    warm = timed(lambda: neighbors(store, find_entity(store, name, index=graph / NAMES)), 30)
    return [(f"`aigraph neighbors {name}` (whole process)", f"{1000 * wall:,.0f} ms wall, {1000 * cpu:,.0f} ms CPU",
             f"{wall / base_wall:.1f}x `python -c pass` ({1000 * base_wall:.0f} ms)"),
            (f"`aigraph neighbors {variant}` (a variant spelling)", f"{1000 * vwall:,.0f} ms wall, "
             f"{1000 * vcpu:,.0f} ms CPU", f"{vwall / base_wall:.1f}x `python -c pass`"),
            ("the same lookup in process (store open)", f"{1000 * warm:.2f} ms", "")]
