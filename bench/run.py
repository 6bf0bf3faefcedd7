"""Benchmarks: each figure users wait for beside its peer, as ratios in one run; build time and memory by size.

    python bench/run.py --write BENCHMARKS.md [--corpus ../shared/corpus/weixin]   # the side-by-side run
    python bench/run.py --scaling [--quick]     # also build time, memory and speed-up by corpus size

The side-by-side run measures extraction (against jieba and an Aho-Corasick scan of the lexicon), builds
(seeds; the corpus with --jobs 2 when --corpus is given), every shipped query, SHACL validation (against
pyshacl), `aigraph neighbors` (against `python -c pass`) and the endpoint's 1-hop throughput (against
Oxigraph's own server and an rdflib-based endpoint, 2 and 8 clients, servers taking turns).

Synthetic corpora are the seed reports copied N times, each copy with its own first line (so that every
document is new to the graph). Builds run as subprocesses (`aigraph build`), so that their peak memory
(ru_maxrss, workers included) and wall time are those a user sees.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
AIGRAPH = [sys.executable, "-m", "aigraph.cli"]


# ---------------------------------------------------------------- corpora

def make_corpus(folder: Path, copies: int) -> Path:
    """The seeds `copies` times, each copy a distinct document."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_text("utf-8")
            (folder / f"{i:04d}_{seed.name}").write_text(f"第{i}份副本。\n{text}", encoding="utf-8")
    return folder


def make_big_file(path: Path, megabytes: int) -> Path:
    """One document of about `megabytes` MB: the seeds' bodies over and over."""
    bodies = [s.read_text("utf-8").split("\n---\n", 1)[-1] for s in sorted(SEEDS.glob("*.txt"))]
    block = "\n\n".join(bodies).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        for _ in range(megabytes * 2**20 // len(block) + 1):
            fh.write(block)
    return path


def corpus_chars(folder: Path) -> int:
    return sum(len(p.read_text("utf-8")) for p in folder.rglob("*.txt"))


# ---------------------------------------------------------------- measuring

def run_measured(cmd: list[str]) -> tuple[float, int, str, float]:
    """Wall seconds, peak RSS in MB (the process and the workers it waited for), stdout, and CPU seconds
    (user + system, workers included: the work done, whatever else the machine was running)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as users run it: the package's bytecode cached
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{err.read().decode()[-2000:]}")
        return seconds, usage.ru_maxrss // 1024, out.read().decode(), usage.ru_utime + usage.ru_stime


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


# ---------------------------------------------------------------- the benchmarks

def throughput() -> list[tuple[str, str]]:
    """Characters per second on the seeds, one core, in this process (spaCy pipeline built)."""
    from aigraph.extraction.nlp import build_nlp, extract
    from aigraph.graph.validate import check
    from aigraph.pipeline.commit import write_outputs
    from aigraph.pipeline.stages import STAGES, State

    files = sorted(SEEDS.glob("*.txt"))
    nlp = build_nlp()
    state = State(tuple(files))
    stage_times = {}
    for name, stage in STAGES:
        t0 = time.perf_counter()
        state = stage(state)
        stage_times[name] = time.perf_counter() - t0
    chars = sum(len(s.text) for s in state.sentences)
    file_chars = sum(len(d.text) for d in state.documents)
    extract(nlp, state.sentences[:200])
    extract_only = median_time(lambda: extract(nlp, state.sentences), 3)
    pipeline = median_time(lambda: _stages(files), 3)
    with tempfile.TemporaryDirectory() as tmp:
        exports = median_time(lambda: write_outputs(state.quads, Path(tmp) / "g"), 1)
    validation = median_time(lambda: check(state.quads), 1)
    rows = [
        ("characters (files / sentences)", f"{file_chars:,} / {chars:,}"),
        ("extraction only (spaCy pipeline over sentences)", f"{chars / extract_only:,.0f} chars/s"),
        ("all stages: ingest, segment, extract, link, graph", f"{file_chars / pipeline:,.0f} chars/s"),
        ("all stages, SHACL validation and every export file written",
         f"{file_chars / (pipeline + validation + exports):,.0f} chars/s"),
    ]
    rows += [(f"  stage {name}", f"{1000 * t:,.0f} ms (first run, cold caches)") for name, t in stage_times.items()]
    rows.append(("  SHACL validation (native)", f"{1000 * validation:,.0f} ms"))
    rows.append(("  exports (store, 4 RDF syntaxes, CSV, GraphML, HTML, analyses, pictures)", f"{1000 * exports:,.0f} ms"))
    return rows


def _stages(files):
    from aigraph.pipeline.stages import STAGES, State

    state = State(tuple(files))
    for _, stage in STAGES:
        state = stage(state)
    return state


def scaling(work: Path, sizes: list[int], big_mb: int) -> tuple[list[tuple], dict[int, Path]]:
    """Build time and peak memory of `aigraph build` on the seeds x N; graphs kept for the query tests."""
    rows, graphs = [], {}
    base = None
    last = (0.0, 0)
    for n in sizes:
        corpus = make_corpus(work / f"corpus-x{n}", n)
        out = work / f"graph-x{n}"
        seconds, rss, _, cpu = run_measured(AIGRAPH + ["build", str(corpus), "--out", str(out), "--quiet"])
        chars = corpus_chars(corpus)
        per_char = seconds / chars
        base = base or per_char
        # the cost of the characters added since the previous size: fixed costs (start, imports, pipeline)
        # cancel out, so a flat column means linear growth
        marginal = f"{1e6 * (seconds - last[0]) / (chars - last[1]):,.2f}" if last[1] else ""
        last = (seconds, chars)
        rows.append((f"seeds x{n}", f"{n * 5}", f"{chars / 1e6:.1f} M", f"{seconds:,.1f}", f"{cpu:,.1f}", f"{rss:,}",
                     f"{1e6 * per_char:,.2f}", marginal, f"{per_char / base:.2f}"))
        graphs[n] = out
    if big_mb:
        big = make_big_file(work / "big" / "big.txt", big_mb)
        out = work / "graph-big"
        seconds, rss, _, cpu = run_measured(AIGRAPH + ["build", str(big), "--out", str(out), "--quiet"])
        chars = corpus_chars(big.parent)
        rows.append((f"one {big.stat().st_size / 2**20:.0f} MB file", "1", f"{chars / 1e6:.1f} M", f"{seconds:,.1f}",
                     f"{cpu:,.1f}",
                     f"{rss:,}", f"{1e6 * seconds / chars:,.2f}", "", f"{seconds / chars / base:.2f}"))
    return rows, graphs


def speedup(work: Path, n: int, repeat: int = 3) -> list[tuple]:
    """Extraction wall time with 1 and 2 worker processes on the seeds x N (pipeline already built, best
    of `repeat` runs taken in turn, so that other work on the machine weighs on both alike), and whole
    builds. CPU seconds show the work each needed whatever else ran at the time."""
    from aigraph.ingest.reader import iter_sources, read_document
    from aigraph.ingest.segment import segment
    from aigraph.scale import reader
    from aigraph.scale.workers import extract_all

    corpus = make_corpus(work / f"corpus-x{n}", n)
    sentences = [s for f in iter_sources([corpus]) for s in segment(read_document(f))]
    chars = sum(len(s.text) for s in sentences)
    reader.init(None)  # the pipeline is built once here; forked workers inherit it
    times: dict[int, list[float]] = {1: [], 2: []}
    cpu: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(repeat):
        for jobs in (1, 2):
            t0, c0 = time.perf_counter(), os.times()
            extract_all(sentences, jobs=jobs)
            c1 = os.times()
            times[jobs].append(time.perf_counter() - t0)
            cpu[jobs].append(c1.user + c1.system + c1.children_user + c1.children_system
                             - c0.user - c0.system - c0.children_user - c0.children_system)
    rows = []
    best = {jobs: min(t) for jobs, t in times.items()}
    for jobs in (1, 2):
        rows.append((f"extraction, --jobs {jobs} (best of {repeat})", f"{best[jobs]:,.1f} s",
                     f"{min(cpu[jobs]):,.1f} s", f"{chars / best[jobs]:,.0f} chars/s",
                     f"{best[1] / best[jobs]:.2f}x"))
    builds: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
    for _ in range(2):
        for jobs in (1, 2):
            out = work / f"speedup-j{jobs}"
            seconds, _, _, used = run_measured(AIGRAPH + ["build", str(corpus), "--out", str(out), "-q", "--jobs", str(jobs)])
            builds[jobs].append((seconds, used))
    for jobs in (1, 2):
        wall, used = min(builds[jobs])
        rows.append((f"whole build, --jobs {jobs} (best of 2)", f"{wall:,.1f} s", f"{used:,.1f} s",
                     f"{chars / wall:,.0f} chars/s", f"{min(builds[1])[0] / wall:.2f}x"))
    same = all((work / "speedup-j1" / f).read_bytes() == (work / "speedup-j2" / f).read_bytes()
               for f in ("aigraph.nq", "aigraph.ttl"))
    rows.append(("same graph from both", "yes" if same else "NO", "", "", ""))
    return rows


QUERIES = {
    "models of one developer": "SELECT ?m WHERE { ?m aig:developedBy ent:DeepSeek }",
    "provenance of one fact": """SELECT ?doc ?start ?text WHERE {
        ?fact rdf:subject ent:DeepSeek-R1 ; rdf:predicate aig:developedBy ; rdf:object ent:DeepSeek ;
              aig:evidence ?ev . ?ev aig:inDocument ?d ; aig:charStart ?start ; aig:sentenceText ?text .
        ?d rdfs:label ?doc }""",
    "facts per predicate (group by)": "SELECT ?p (COUNT(*) AS ?n) WHERE { ?f a aig:Fact ; rdf:predicate ?p } GROUP BY ?p",
    "two hops from an entity": """SELECT DISTINCT ?x ?y WHERE {
        { ent:DeepSeek ?p ?x } UNION { ?x ?p ent:DeepSeek } ?x ?q ?y . FILTER(isIRI(?y)) }""",
    "entities mentioned in most documents": """SELECT ?e (COUNT(?d) AS ?n) WHERE { ?e aig:mentionedIn ?d }
        GROUP BY ?e ORDER BY DESC(?n) LIMIT 10""",
}


def latency(graphs: dict[int, Path]) -> tuple[list[tuple], list[tuple]]:
    """`neighbors` from the shell and in process; SPARQL on our store and on rdflib's in-memory store."""
    import rdflib
    from pyoxigraph import Store

    from aigraph.graph.store import run
    from aigraph.query.lookup import find_entity, neighbors
    from aigraph.vocab import prefixes

    nrows = []
    for n, g in graphs.items():
        cli = statistics.median(run_measured(AIGRAPH + ["neighbors", "DeepSeek", "--graph", str(g)])[0]
                                for _ in range(5))
        store = Store.read_only(str(g / "store"))
        warm = median_time(lambda store=store: neighbors(store, find_entity(store, "DeepSeek")), 30)
        nrows.append((f"seeds x{n}", f"{1000 * cli:,.0f} ms", f"{1000 * warm:,.1f} ms"))
    n, g = max((k, v) for k, v in graphs.items() if k <= 10)
    store = Store.read_only(str(g / "store"))
    ds = rdflib.Dataset(default_union=True)
    t0 = time.perf_counter()
    ds.parse(g / "aigraph.nq", format="nquads")
    load = time.perf_counter() - t0
    head = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in prefixes().items())
    qrows = [(f"(graph: seeds x{n}, {len(ds):,} quads; rdflib load {load:,.1f} s)", "", "", "")]
    for name, q in QUERIES.items():
        ours = median_time(lambda q=q: list(run(store, q)), 20)
        theirs = median_time(lambda q=q: list(ds.query(head + q)), 5)
        qrows.append((name, f"{1000 * ours:,.2f} ms", f"{1000 * theirs:,.1f} ms", f"{theirs / ours:,.0f}x"))
    return nrows, qrows


def profile() -> list[tuple]:
    """Where extraction time goes on the seeds: cProfile, time inside each module (tottime)."""
    from aigraph.extraction.nlp import build_nlp, extract
    from aigraph.ingest.reader import read_document
    from aigraph.ingest.segment import segment

    sentences = [s for f in sorted(SEEDS.glob("*.txt")) for s in segment(read_document(f))]
    nlp = build_nlp()
    extract(nlp, sentences)  # every lazy load done (jieba's dictionary, OpenCC's tables): steady state measured
    prof = cProfile.Profile()
    prof.enable()
    extract(nlp, sentences)
    prof.disable()
    stats = pstats.Stats(prof, stream=io.StringIO())
    by_module: dict[str, float] = {}
    total = 0.0
    for (file, _, func), (_, _, tottime, _, _) in stats.stats.items():
        total += tottime
        by_module[_where(file, func)] = by_module.get(_where(file, func), 0.0) + tottime
    rows = sorted(by_module.items(), key=lambda kv: -kv[1])[:12]
    return [(name, f"{100 * t / total:.1f} %", f"{1000 * t:,.0f} ms") for name, t in rows]


def _where(file: str, func: str) -> str:
    if "/aigraph/" in file:
        return "aigraph." + Path(file).stem
    if "spacy" in file or "thinc" in file or file.endswith(".pyx"):
        return "spaCy internals"
    if file == "~":
        return f"builtins ({func.split(' of ')[0].strip('<>{}').replace('method ', '')})"
    return Path(file).parent.name + "/" + Path(file).stem


# ---------------------------------------------------------------- report

def table(header: tuple, rows: list[tuple]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def side_by_side(work: Path, corpus: Path | None, seconds: float, rounds: int, emit) -> list[tuple]:
    """The issue-16 figures with their peers; returns the targets table's rows."""
    import endpoint
    import peers

    targets = []
    sents = peers.sentences(ROOT / "eval" / "weixin" / "dev.jsonl")
    chars = sum(len(s.text) for s in sents)
    rows = peers.extraction(sents)
    emit(f"## Extraction against its peers (one core; {len(sents):,} sentences, {chars:,} characters: the seeds "
         "and the real-news development sentences)\n\n" + table(("what", "characters/s", "ratio to aigraph"), rows))
    targets.append(("extraction ≥ 500,000 chars/s per core", f"{rows[0][1]} chars/s (jieba.lcut: {rows[1][1]})",
                    "yes" if float(rows[0][1].replace(",", "")) >= 500_000 else "no"))

    seed_graph = work / "graph-seeds"
    wall, _, _, cpu = run_measured(AIGRAPH + ["build", str(SEEDS), "--out", str(seed_graph), "--quiet"])
    build_rows = [("seeds (5 reports), one process", f"{wall:,.1f} s", f"{cpu:,.1f} s")]
    targets.append(("seed build ≤ 3 s CPU", f"{cpu:,.1f} s CPU ({wall:,.1f} s wall)", "yes" if cpu <= 3 else "no"))
    corpus_graph = None
    if corpus is not None:
        corpus_graph = work / "graph-corpus"
        wall, rss, _, cpu = run_measured(AIGRAPH + ["build", str(corpus), "--out", str(corpus_graph), "--quiet",
                                                    "--jobs", "2"])
        files = sum(1 for p in corpus.rglob("*") if p.is_file())
        build_rows.append((f"{corpus.name} ({files} files), --jobs 2", f"{wall:,.1f} s", f"{cpu:,.1f} s ({rss:,} MB peak)"))
        targets.append((f"{corpus.name} corpus build ≤ 60 s wall with --jobs 2", f"{wall:,.1f} s",
                        "yes" if wall <= 60 else "no"))
    emit("## Builds (`aigraph build`, whole process)\n\n" + table(("corpus", "wall", "CPU"), build_rows))

    qrows, worst = [], {}
    for label, graph, limit in (("seeds", seed_graph, 0.5), ("corpus", corpus_graph, 2.0)):
        if graph is None:
            continue
        slowest = 0.0
        for name, secs, n in peers.shipped_queries(graph):
            qrows.append((name, label, f"{1000 * secs:,.0f} ms", f"{n:,}"))
            slowest = max(slowest, secs)
        worst[label] = (slowest, limit)
    emit("## Shipped queries (`aigraph sparql --name`, median in process)\n\n"
         + table(("query", "graph", "time", "rows"), qrows))
    for label, (secs, limit) in worst.items():
        targets.append((f"every shipped query ≤ {limit:g} s on the {label} graph", f"slowest {secs:.2f} s",
                        "yes" if secs <= limit else "no"))

    native, reference, n = peers.validation(seed_graph)
    emit("## SHACL validation of the seed graph\n\n" + table(
        ("checker", "time", "ratio"), [(f"aigraph (native; {n:,} triples)", f"{1000 * native:,.0f} ms", "1.00x"),
                                        ("pyshacl (the reference)", f"{1000 * reference:,.0f} ms",
                                         f"{reference / native:.1f}x slower")]))

    lrows = peers.lookups(seed_graph)
    emit("## Lookups on the seed graph (median of 15)\n\n" + table(("what", "time", "peer"), lrows))
    wall_ms = float(lrows[0][1].split(" ms")[0].replace(",", ""))
    targets.append(("`neighbors` ≤ 0.08 s median, whole process", f"{wall_ms / 1000:.3f} s", "yes" if wall_ms <= 80 else "no"))

    erows = endpoint.compare(seed_graph, ["aigraph", "oxigraph", "rdflib"], [2, 8], seconds, rounds)
    emit(f"## Endpoint: a 1-hop query, queries per second (median of {rounds} interleaved rounds of {seconds:g} s)"
         "\n\n" + table(("server", "clients", "queries/s", "server CPU per query", "errors", "ratio to Oxigraph"),
                         [(k, n, f"{q:,.0f}", f"{c:.3f} ms", e, f"{r:.2f}x") for k, n, q, c, e, r in erows]))
    for k, n, _, _, _, r in erows:
        if k == "aigraph":
            targets.append((f"1-hop endpoint throughput ≥ 0.8x Oxigraph's server, {n} clients", f"{r:.2f}x",
                            "yes" if r >= 0.8 else "no"))
    return targets


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scaling", action="store_true", help="also build time and memory by corpus size (long)")
    ap.add_argument("--quick", action="store_true", help="with --scaling: seeds x1 and x10 only, no 50 MB file")
    ap.add_argument("--corpus", type=Path, help="a folder of real articles to build with --jobs 2")
    ap.add_argument("--seconds", type=float, default=4.0, help="seconds of load per endpoint measurement")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds of endpoint measurements")
    ap.add_argument("--write", type=Path, help="also write the report to this markdown file")
    ap.add_argument("--keep", type=Path, help="keep corpora and graphs in this folder")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    sizes = [1, 10] if args.quick else [1, 10, 100]
    big_mb = 0 if args.quick else 50
    started = time.perf_counter()
    sections: list[str] = []

    def emit(text: str) -> None:
        # each section is printed (and written) as soon as it is measured: a long run that fails late
        # keeps what it measured
        sections.append(text)
        print(text + "\n", flush=True)
        if args.write:
            args.write.write_text("\n\n".join(sections) + "\n", encoding="utf-8")

    with tempfile.TemporaryDirectory(prefix="aigraph-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout
        emit("# Benchmarks\n\nProduced by `" + " ".join(["bench/run.py", *sys.argv[1:]]) + f"` on commit "
             f"`{commit.strip() or '?'}`; every figure beside its peer, measured in one run on the same machine. "
             "`make bench` runs the side-by-side part; `--scaling` adds build time and memory by corpus size.")
        emit(f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
             f"{platform.system()} {platform.machine()}; load average at start "
             f"{', '.join(f'{x:.1f}' for x in os.getloadavg())} (other work on the machine slows every figure; "
             "the ratios, measured in turn, suffer less).")
        targets = side_by_side(work, args.corpus, args.seconds, args.rounds, emit)
        sections.insert(2, "## Targets (issue 16)\n\n" + table(("target", "measured", "met?"), targets))
        emit("## Where extraction time goes (cProfile on the seeds, time inside each module)\n\n"
             + table(("module", "share", "time"), profile()))
        if args.scaling:
            emit("## Throughput on the seeds (one core, pipeline already loaded)\n\n"
                 + table(("what", "figure"), throughput()))
            rows, graphs = scaling(work, sizes, big_mb)
            emit("## Build time and peak memory by corpus size (`aigraph build`, one process)\n\n"
                 + table(("corpus", "files", "characters", "seconds", "CPU seconds", "peak MB", "µs per char",
                          "µs per added char", "cost per char vs x1"), rows))
            emit("## Parallel speed-up (seeds x10)\n\n"
                 + table(("what", "wall time", "CPU time", "throughput", "speed-up"), speedup(work, 10)))
            nrows, qrows = latency(graphs)
            emit("## `neighbors DeepSeek` latency by graph size (median)\n\n"
                 + table(("graph", "shell command (process start included)", "in process (warm)"), nrows))
            emit("## SPARQL latency: pyoxigraph store vs rdflib in-memory Dataset (median)\n\n"
                 + table(("query", "aigraph store", "rdflib", "ratio"), qrows))
    emit(f"(benchmark run: {time.perf_counter() - started:,.0f} s; load average at the end "
         f"{', '.join(f'{x:.1f}' for x in os.getloadavg())})")


if __name__ == "__main__":
    main()
