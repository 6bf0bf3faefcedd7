"""A small graph with known answers, written through the real graph and store code (no extractor)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from aigraph.graph.rdf import build_quads
from aigraph.graph.store import write_store
from aigraph.model import Document, Entity, Evidence, Fact, Linked, Quantity, Sentence

ENTITIES = (
    Entity("Atlas Robotics", "Company", frozenset({"Atlas", "阿特拉斯机器人"})),
    Entity("Atlas-1", "Model", frozenset({"Atlas"})),
    Entity("Helio", "Product"),
    Entity("H200", "Chip"),
    Entity("Robotics", "Trend", frozenset({"机器人"})),
    Entity("Beacon Capital", "Investor", frozenset({"灯塔资本"})),
    Entity("Zeta Labs", "Company"),
    Entity("Zeta-2", "Model"),
)

SENTENCES = {
    "news.txt": [
        "Atlas Robotics released Atlas-1, trained on H200 chips.",
        "In March 2024 Beacon Capital invested $50 million in Atlas Robotics.",
        "Atlas Robotics competes with Zeta Labs, maker of Zeta-2.",
    ],
    "report.txt": [
        "Helio, a product of Atlas Robotics, runs on H200.",
        "Atlas-1 and Zeta-2 both target robotics.",
    ],
}

# (subject, predicate, object, document, sentence index, extras)
FACTS = (
    ("Atlas-1", "developedBy", "Atlas Robotics", "news.txt", 0, {}),
    ("Atlas-1", "trainedOn", "H200", "news.txt", 0, {}),
    ("Beacon Capital", "investedIn", "Atlas Robotics", "news.txt", 1,
     {"amount": Quantity("$50 million", "50000000", "USD"), "date": Quantity("March 2024", "2024-03")}),
    ("Atlas Robotics", "competesWith", "Zeta Labs", "news.txt", 2, {}),
    ("Zeta-2", "developedBy", "Zeta Labs", "news.txt", 2, {}),
    ("Helio", "developedBy", "Atlas Robotics", "report.txt", 0, {}),
    ("Helio", "usesChip", "H200", "report.txt", 0, {}),
    ("Atlas-1", "relatedTo", "Robotics", "report.txt", 1, {}),
    ("Zeta-2", "relatedTo", "Robotics", "report.txt", 1, {}),
)


def documents() -> tuple[list[Document], dict[tuple[str, int], Sentence]]:
    docs, sents = [], {}
    for doc_id, lines in SENTENCES.items():
        text = "\n".join(lines)
        docs.append(Document(doc_id, doc_id, text, hashlib.sha256(text.encode()).hexdigest(),
                             title=f"About {doc_id}", date="2024-04-01"))
        start = 0
        for i, line in enumerate(lines):
            sents[(doc_id, i)] = Sentence(doc_id, i, line, ((start, start + len(line)),))
            start += len(line) + 1
    return docs, sents


def write_tiny_graph(out: Path) -> Path:
    """The tiny graph's store under `out`; returns `out`."""
    docs, sents = documents()
    evidence = tuple(Evidence(Fact(s, p, o, 0.9, **extra), sents[(d, i)]) for s, p, o, d, i, extra in FACTS)
    mentions = {(e.name, d, e.name) for e in ENTITIES for (d, _), sent in sents.items() if e.name in sent.text}
    linked = Linked(ENTITIES, evidence, tuple(sorted(mentions)))
    write_store(build_quads(docs, linked), out)
    return out


def dump(graph: Path) -> list[str]:
    """Every quad of a graph's store, sorted, read through a read-only open."""
    from aigraph.graph.store import open_store

    return sorted(str(q) for q in open_store(graph))


def files(graph: Path) -> list[tuple[str, int, int]]:
    """The store's files with sizes and modification times, to see that nothing wrote to it."""
    store = graph / "store"
    return sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in store.iterdir())


def view_graph(nodes, edges):
    """A MultiDiGraph shaped as netgraph.to_networkx makes them, from nodes (iri, label, type, aliases[,
    documents]) and edges (source, target, predicate, confidence, support, evidence)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for iri, label, kind, aliases, *docs in nodes:
        g.add_node(iri, label=label, type=kind, aliases=list(aliases), documents=list(docs[0]) if docs else [])
    for s, o, p, conf, support, evidence in edges:
        g.add_edge(s, o, key=p, predicate=p, confidence=conf, support=support, evidence=list(evidence))
    return g
