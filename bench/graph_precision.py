"""Graph-level precision on the development documents (seed files 000 and 003).

Builds the graph of the two documents, takes its distinct (subject, predicate, object) facts, maps both
ends of each to the development gold's entities (the names and aliases of entities_a.jsonl plus every
surface the gold sentences give a name), and prints the share of facts the gold also holds. Also
printed: the same share over facts with at least one evidence sentence among the annotated sentences
(the gold annotates only part of seed 000), and the share of gold facts the graph holds.

    .venv/bin/python bench/graph_precision.py [--json] [--show N] [--threshold T] [--graph DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared/eval beside the main checkout (worktrees live one level deeper)
EVAL = next((d / "shared" / "eval" for d in ROOT.parents if (d / "shared" / "eval").is_dir()), ROOT.parent / "shared" / "eval")
DEV_SEEDS = ("000_5897dc52d0d30b49.txt", "003_066453869a5c638a.txt")
SYMMETRIC = {"partnerOf", "competesWith"}
_DROP = str.maketrans("", "", " \t-_·・.'\"“”‘’()（）")


def norm(text: str) -> str:
    """The scorer's normalisation (../shared/eval/score.py): NFKC, casefold, separators dropped."""
    return unicodedata.normalize("NFKC", str(text)).casefold().translate(_DROP)


class Groups:
    """Union-find over normalised names: each gold entity with all its names and surfaces."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, names) -> None:
        names = [n for n in names if n]
        for n in names[1:]:
            a, b = self.find(names[0]), self.find(n)
            if a != b:
                self.parent[max(a, b)] = min(a, b)

    def known(self, name: str) -> str | None:
        return self.find(name) if name in self.parent else None


def load_gold(gold: Path, entities: Path) -> tuple[Groups, set[tuple[str, str, str]], set[tuple[str, str]]]:
    groups = Groups()
    for line in entities.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            groups.union([norm(row["name"])] + [norm(a) for a in row.get("aliases", [])])
    rows = [json.loads(line) for line in gold.read_text("utf-8").splitlines() if line.strip()]
    for row in rows:
        for e in row.get("entities", []):
            groups.union([norm(e["name"]), norm(e.get("surface", ""))])
    facts, sentences = set(), set()
    for row in rows:
        sentences.add((row["doc"], norm(row["sent"])))
        for r in row.get("relations", []):
            s, o = groups.find(norm(r["s"])), groups.find(norm(r["o"]))
            facts.add(_fact(s, r["p"], o))
    return groups, facts, sentences


def _fact(s: str, p: str, o: str) -> tuple[str, str, str]:
    return (min(s, o), p, max(s, o)) if p in SYMMETRIC else (s, p, o)


_FACTS = """
SELECT ?f ?s ?p ?o ?sl ?ol WHERE {
  ?f a aig:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  ?s rdfs:label ?sl . ?o rdfs:label ?ol .
}"""
_NAMES = "SELECT ?e ?n WHERE { ?e rdfs:label|skos:altLabel ?n . FILTER(STRSTARTS(STR(?e), STR(ent:))) }"
_EVIDENCE = "SELECT ?f ?doc ?text WHERE { ?f aig:evidence ?ev . ?ev aig:inDocument ?d ; aig:sentenceText ?text . ?d rdfs:label ?doc }"


def graph_facts(graph_dir: Path):
    from aigraph.graph.store import open_store, run

    store = open_store(graph_dir)
    names: dict[str, set[str]] = defaultdict(set)
    for r in run(store, _NAMES):
        names[r["e"].value].add(r["n"].value)
    evidence: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in run(store, _EVIDENCE):
        evidence[r["f"].value].add((r["doc"].value, norm(r["text"].value)))
    out = []
    for r in run(store, _FACTS):
        out.append({"fact": r["f"].value, "s": r["s"].value, "p": r["p"].value.rsplit("#", 1)[-1], "o": r["o"].value,
                    "s_label": r["sl"].value, "o_label": r["ol"].value, "s_names": names[r["s"].value],
                    "o_names": names[r["o"].value], "evidence": evidence[r["f"].value]})
    return out


def candidates(label: str, names: set[str], groups: Groups) -> set[str]:
    """Gold entities one end of a graph fact may be: by its canonical label, else by its aliases."""
    own = groups.known(norm(label))
    if own:
        return {own}
    found = {g for g in (groups.known(norm(n)) for n in names) if g}
    return found or {"<not in gold>:" + norm(label)}


def measure(graph_dir: Path, gold: Path, entities: Path) -> dict:
    groups, gold_facts, annotated = load_gold(gold, entities)
    rows = graph_facts(graph_dir)
    correct, wrong, in_annotated, correct_annotated, found = [], [], 0, 0, set()
    for f in rows:
        hits = {_fact(s, f["p"], o) for s in candidates(f["s_label"], f["s_names"], groups)
                for o in candidates(f["o_label"], f["o_names"], groups)} & gold_facts
        annotated_fact = bool(f["evidence"] & annotated)
        in_annotated += annotated_fact
        if hits:
            correct.append(f)
            found |= hits
            correct_annotated += annotated_fact
        else:
            wrong.append(f)
    n = len(rows)
    return {
        "graph_facts": n,
        "in_gold": len(correct),
        "precision": round(len(correct) / n, 4) if n else 0.0,
        "facts_with_annotated_evidence": in_annotated,
        "precision_annotated": round(correct_annotated / in_annotated, 4) if in_annotated else 0.0,
        "gold_facts": len(gold_facts),
        "gold_facts_in_graph": len(found),
        "recall": round(len(found) / len(gold_facts), 4) if gold_facts else 0.0,
        "wrong": sorted((f["s_label"], f["p"], f["o_label"], bool(f["evidence"] & annotated)) for f in wrong),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=EVAL / "gold_seeds_a.jsonl")
    ap.add_argument("--entities", type=Path, default=EVAL / "entities_a.jsonl")
    ap.add_argument("--graph", type=Path, default=None, help="measure this built graph instead of building one")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", type=int, default=20, help="list this many facts the gold does not hold")
    ap.add_argument("--threshold", type=float, default=0.5, help="confidence threshold of the build")
    a = ap.parse_args()
    if a.graph is None:
        from aigraph.pipeline.build import build

        tmp = Path(tempfile.mkdtemp(prefix="aigraph-precision-"))
        build([ROOT / "seeds" / name for name in DEV_SEEDS], tmp, threshold=a.threshold)
        a.graph = tmp
    res = measure(a.graph, a.gold, a.entities)
    if a.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return
    print(f"graph facts (seeds 000 + 003)        {res['graph_facts']}")
    print(f"  also in the dev gold               {res['in_gold']}   precision {res['precision']:.3f}")
    print(f"facts with evidence in annotated sentences {res['facts_with_annotated_evidence']}"
          f"   precision {res['precision_annotated']:.3f}")
    print(f"gold facts held by the graph         {res['gold_facts_in_graph']} / {res['gold_facts']}"
          f"   recall {res['recall']:.3f}")
    if a.show and res["wrong"]:
        print("not in the gold (subject, predicate, object, evidence in an annotated sentence):")
        for w in res["wrong"][: a.show]:
            print("  ", *w)


if __name__ == "__main__":
    sys.exit(main())
