"""Synthetic knowledge graphs of any size, shaped like the real one (typed nodes, heavy-tailed degrees)."""

from __future__ import annotations

import random

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from aigraph.graph.iris import decimal, entity_iri, fact_iri
from aigraph.vocab import AIG, DOC, ENTITY_TYPES, PREDICATES, RDF, RDFS, XSD_NS

# rough type mix of the seed graph: many companies and trends, fewer chips and investors
WEIGHTS = {"Company": 30, "Investor": 8, "Model": 18, "Chip": 6, "Product": 14, "Person": 10, "Trend": 14}


def synthetic_facts(n: int, m: int = 2, docs: int = 0, seed: int = 7):
    """n entities (name, type) and about n*m facts (subject, predicate, object) by preferential attachment,
    and, when docs > 0, the documents each entity is mentioned in."""
    rng = random.Random(seed)
    types = rng.choices(ENTITY_TYPES, weights=[WEIGHTS[t] for t in ENTITY_TYPES], k=n)
    names = [f"{t}-{i:06d}" for i, t in enumerate(types)]
    targets: list[int] = list(range(min(n, m + 1)))
    facts = set()
    for i in range(m + 1, n):
        for _ in range(m):
            j = rng.choice(targets)
            if j != i:
                facts.add((names[i], rng.choice(PREDICATES), names[j]))
            targets.append(j)
        targets.append(i)
    mentions = {}
    if docs:
        for name in names:
            mentions[name] = sorted({f"doc-{rng.randrange(docs):05d}" for _ in range(rng.randint(1, 3))})
    return list(zip(names, types)), sorted(facts), mentions


def synthetic_networkx(n: int, m: int = 2, docs: int = 0, seed: int = 7):
    """The same data as `to_networkx` would read from a store holding it."""
    import networkx as nx

    entities, facts, mentions = synthetic_facts(n, m, docs, seed)
    g = nx.MultiDiGraph()
    for name, typ in entities:
        g.add_node(entity_iri(name).value, label=name, type=typ, aliases=[], documents=mentions.get(name, []))
    for s, p, o in facts:
        g.add_edge(entity_iri(s).value, entity_iri(o).value, key=p, predicate=p, confidence=0.9, support=1)
    return g


def synthetic_quads(n: int, m: int = 2, docs: int = 0, seed: int = 7) -> list[Quad]:
    """The graph layout of DEVELOPING.md for synthetic data: typed, labelled entities, facts as triples
    and reified statements, mentions in document graphs."""
    entities, facts, mentions = synthetic_facts(n, m, docs, seed)
    g = DefaultGraph()
    out = []
    for name, typ in entities:
        e = entity_iri(name)
        out += [Quad(e, RDF.type, AIG.term(typ), g), Quad(e, RDFS.label, Literal(name), g)]
        for d in mentions.get(name, []):
            out.append(Quad(e, AIG.mentionedIn, NamedNode(DOC + d), NamedNode(DOC + d)))
    for d in sorted({d for ds in mentions.values() for d in ds}):
        out += [Quad(NamedNode(DOC + d), RDF.type, AIG.Document, NamedNode(DOC + d)),
                Quad(NamedNode(DOC + d), RDFS.label, Literal(d), NamedNode(DOC + d))]
    for s, p, o in facts:
        si, pi, oi, f = entity_iri(s), AIG.term(p), entity_iri(o), fact_iri(s, p, o)
        out += [Quad(si, pi, oi, g), Quad(f, RDF.type, AIG.Fact, g),
                Quad(f, RDF.subject, si, g), Quad(f, RDF.predicate, pi, g),
                Quad(f, RDF.object, oi, g),
                Quad(f, AIG.confidence, decimal("0.9"), g),
                Quad(f, AIG.supportCount, Literal("1", datatype=NamedNode(XSD_NS + "integer")), g)]
    return out
