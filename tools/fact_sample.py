"""Draw facts at random from a built graph, each with its evidence sentences, for judging by hand.

Run from the repository root: `.venv/bin/python tools/fact_sample.py --graph DIR [--n 100] [--seed 1] -o FILE`.
Writes JSON Lines, one fact per line: subject, predicate, object, their types, confidence, and every
sentence that states it (document, text). A judge adds "correct": true/false and a "why".
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from pyoxigraph import NamedNode

from aigraph.graph.store import open_store, run

_FACTS = """
SELECT ?f ?sl ?st ?p ?ol ?ot ?conf WHERE {
  ?f a aig:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; aig:confidence ?conf .
  ?s rdfs:label ?sl ; a ?st . ?o rdfs:label ?ol ; a ?ot .
}"""

_EVIDENCE = """
SELECT ?f ?doc ?text WHERE {
  ?f aig:evidence ?ev . ?ev aig:sentenceText ?text ; aig:inDocument ?d . ?d rdfs:label ?doc .
}"""


def local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def sample(graph: Path, n: int, seed: int) -> list[dict]:
    """`n` distinct facts drawn with a fixed seed, with their evidence sentences."""
    store = open_store(graph)
    facts = {}
    for s in run(store, _FACTS):
        facts.setdefault(s["f"].value, {
            "fact": s["f"].value, "subject": s["sl"].value, "subject_type": local(s["st"].value),
            "predicate": local(s["p"].value), "object": s["ol"].value, "object_type": local(s["ot"].value),
            "confidence": float(s["conf"].value)})
    keys = sorted(facts)
    random.Random(seed).shuffle(keys)
    out = []
    for key in keys[:n]:
        row = facts[key]
        row["evidence"] = sorted({(e["doc"].value, e["text"].value)
                                  for e in run(store, _EVIDENCE, f=NamedNode(key))})
        row["evidence"] = [{"document": d, "sentence": t} for d, t in row["evidence"]]
        out.append(row)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, required=True)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", type=Path, default=None)
    a = ap.parse_args()
    rows = sample(a.graph, a.n, a.seed)
    fh = a.output.open("w", encoding="utf-8") if a.output else sys.stdout
    for r in rows:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} facts", file=sys.stderr)


if __name__ == "__main__":
    main()
