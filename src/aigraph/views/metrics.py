"""Network analyses of the graph: centralities, communities, cores, components, statistics, trend pairs."""

from __future__ import annotations

import csv
import json
import random
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import astuple, dataclass, fields
from itertools import combinations
from pathlib import Path

from aigraph.atomic import atomic_write
from aigraph.vocab import ENTITY_TYPES

SEED = 42
"""Seed of every randomised step (community search, betweenness sampling): same graph, same answer."""
EXACT_BETWEENNESS = 5000
"""Graphs up to this many nodes get exact betweenness; larger ones a seeded sample of source nodes."""
SAMPLES = 256
"""Source nodes sampled for betweenness on large graphs (Brandes-Pich estimate, scaled up)."""
LEIDEN_ITERATIONS = 10
"""Leiden passes. Until stable (-1) takes 10 s on 100k entities for 0.1% more modularity than 10 passes (1.8 s)."""
FOCUS_TYPES = ("Company", "Model", "Chip", "Investor", "Trend", "Product", "Person")


@dataclass(frozen=True)
class NodeMetrics:
    """What the analyses say about one entity. Centralities see each linked pair once, in both directions."""

    degree: int
    """Facts touching the entity."""
    in_degree: int
    """Facts with the entity as object."""
    out_degree: int
    """Facts with the entity as subject."""
    pagerank: float
    """PageRank on the undirected graph weighted by facts per pair (sums to 1)."""
    betweenness: float
    """Normalised betweenness (share of shortest paths through the entity); 0 when not computed."""
    community: int
    """Community id: 0 is the largest community (Leiden, modularity)."""
    core: int
    """k-core number: the largest k such that the entity is in a subgraph where all have degree >= k."""
    component: int
    """Connected component id: 0 is the largest."""


def _igraph(u, order: list[str]):
    from aigraph.views.netgraph import load_igraph

    ig = load_igraph()

    idx = {n: i for i, n in enumerate(order)}
    edges = sorted((min(idx[a], idx[b]), max(idx[a], idx[b]), d["weight"]) for a, b, d in u.edges(data=True))
    return ig.Graph(n=len(order), edges=[(a, b) for a, b, _ in edges], edge_attrs={"weight": [w for _, _, w in edges]})


def _ranked(groups: list[list[str]], label) -> list[list[str]]:
    """Groups sorted largest first, ties by their smallest label, members sorted."""
    return sorted((sorted(grp, key=label) for grp in groups), key=lambda grp: (-len(grp), label(grp[0])))


def node_metrics(g, seed: int = SEED, betweenness: bool = True) -> dict[str, NodeMetrics]:
    """Every node's metrics. NetworkX holds the graph; igraph does PageRank, betweenness and Leiden, which
    pure Python is too slow for on 100k nodes."""
    import networkx as nx

    from aigraph.views.netgraph import load_igraph, undirected

    ig = load_igraph()

    u = undirected(g)
    order = sorted(u.nodes)
    n = len(order)
    if n == 0:
        return {}
    ig_graph = _igraph(u, order)
    label = lambda iri: (g.nodes[iri].get("label", iri).casefold(), iri)  # noqa: E731
    pagerank = ig_graph.pagerank(weights="weight") if ig_graph.ecount() else [1.0 / n] * n
    between = [0.0] * n
    if betweenness and n > 2:
        if n <= EXACT_BETWEENNESS:
            raw, scale = ig_graph.betweenness(directed=False), 1.0
        else:
            sources = sorted(random.Random(seed).sample(range(n), SAMPLES))
            # igraph counts the sampled sources' paths as it counts all pairs: scale up by n / samples
            raw, scale = ig_graph.betweenness(directed=False, sources=sources), n / SAMPLES
        norm = 2.0 / ((n - 1) * (n - 2))
        between = [b * scale * norm for b in raw]
    ig.set_random_number_generator(random.Random(seed))
    try:
        parts = ig_graph.community_leiden(objective_function="modularity", weights="weight", n_iterations=LEIDEN_ITERATIONS)
    finally:
        ig.set_random_number_generator(random)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, c in enumerate(parts.membership):
        groups[c].append(order[i])
    community = {iri: cid for cid, grp in enumerate(_ranked(list(groups.values()), label)) for iri in grp}
    component = {iri: cid for cid, grp in enumerate(_ranked([list(c) for c in nx.connected_components(u)], label))
                 for iri in grp}
    core = nx.core_number(u)
    return {
        iri: NodeMetrics(g.degree(iri), g.in_degree(iri), g.out_degree(iri), round(pagerank[i], 8),
                         round(between[i], 8), community[iri], core[iri], component[iri])
        for i, iri in enumerate(order)
    }


def report(g, metrics: dict[str, NodeMetrics], top: int = 10, pairs: list[dict] | None = None) -> dict:
    """The analyses as JSON-ready data, sorted so that the same graph always gives the same text.
    `pairs`: the trend pairs if already computed."""
    names = {iri: d.get("label", iri) for iri, d in g.nodes(data=True)}
    kind = {iri: d.get("type") for iri, d in g.nodes(data=True)}
    rank = sorted(metrics, key=lambda iri: (-metrics[iri].pagerank, names[iri].casefold(), iri))

    def entry(iri: str) -> dict:
        m = metrics[iri]
        return {"name": names[iri], "type": kind[iri], "iri": iri, "pagerank": m.pagerank,
                "betweenness": m.betweenness, "degree": m.degree}

    types: Counter = Counter(kind.values())
    facts: Counter = Counter()
    isolated: Counter = Counter()
    by_type: dict[str, list[str]] = defaultdict(list)
    by_comm: dict[int, list[str]] = defaultdict(list)
    by_comp: Counter = Counter()
    for iri in rank:
        m = metrics[iri]
        facts[kind[iri]] += m.degree
        isolated[kind[iri]] += m.degree == 0
        if len(by_type[kind[iri]]) < top:
            by_type[kind[iri]].append(iri)
        by_comm[m.community].append(iri)
        by_comp[m.component] += 1
    max_core = max((m.core for m in metrics.values()), default=0)
    n = g.number_of_nodes()
    return {
        "summary": {
            "entities": n, "facts": g.number_of_edges(),
            "density": round(g.number_of_edges() / (n * (n - 1)), 8) if n > 1 else 0.0,
            "components": len(by_comp), "largest_component": max(by_comp.values(), default=0),
            "isolated": sum(isolated.values()),
            "communities": sum(1 for members in by_comm.values() if len(members) > 1),
            "max_core": max_core,
            "betweenness": "exact" if n <= EXACT_BETWEENNESS else f"sampled from {SAMPLES} sources",
        },
        "types": [{"type": t, "entities": types[t], "facts": facts[t], "isolated": isolated[t]}
                  for t in sorted(types, key=lambda t: (-types[t], str(t)))],
        "predicates": _predicates(g, kind),
        "top": [entry(iri) for iri in rank[:top]],
        "top_by_type": {t: [entry(iri) for iri in by_type[t]]
                        for t in FOCUS_TYPES + tuple(sorted(set(types) - set(ENTITY_TYPES), key=str)) if types[t]},
        "communities": [{"id": cid, "size": len(members),
                         "types": dict(sorted(Counter(kind[i] for i in members).items())),
                         "members": [names[i] for i in members[:top]]}
                        for cid, members in sorted(by_comm.items()) if len(members) > 1],
        "core": {"k": max_core,
                 "members": sorted((names[i] for i in metrics if metrics[i].core == max_core), key=str.casefold)
                 if max_core else [],
                 "sizes": {str(k): c for k, c in sorted(Counter(m.core for m in metrics.values()).items())}},
        "components": [{"id": cid, "size": size} for cid, size in sorted(by_comp.items()) if size > 1],
        "trend_pairs": (pairs if pairs is not None else trend_pairs(g, rank, limit=top))[:top],
    }


def _predicates(g, kind: dict[str, str]) -> list[dict]:
    stats: dict[str, dict] = {}
    for s, o, d in g.edges(data=True):
        st = stats.setdefault(d["predicate"], {"facts": 0, "confidence": 0.0, "pairs": Counter()})
        st["facts"] += 1
        st["confidence"] += d.get("confidence", 1.0)
        st["pairs"][f"{kind[s]} -> {kind[o]}"] += 1
    return [{"predicate": p, "facts": st["facts"], "mean_confidence": round(st["confidence"] / st["facts"], 3),
             "type_pairs": dict(sorted(st["pairs"].items(), key=lambda kv: (-kv[1], kv[0])))}
            for p, st in sorted(stats.items(), key=lambda kv: (-kv[1]["facts"], kv[0]))]


def trend_pairs(g, rank: list[str] | None = None, examples: int = 3, limit: int | None = None) -> list[dict]:
    """Pairs of trends that occur together: linked to the same entity (with up to `examples` of those
    entities, in `rank` order: most central first) or mentioned in the same document. Most frequent first."""
    names = {iri: d.get("label", iri) for iri, d in g.nodes(data=True)}
    trends = sorted((iri for iri, d in g.nodes(data=True) if d.get("type") == "Trend"),
                    key=lambda iri: (names[iri].casefold(), iri))
    order = {iri: i for i, iri in enumerate(trends)}
    linked: Counter = Counter()
    shown: dict[tuple[str, str], list[str]] = defaultdict(list)
    for iri in rank or sorted(g.nodes):
        near = sorted({n for n in g.successors(iri) if n in order} | {n for n in g.predecessors(iri) if n in order}
                      - {iri}, key=order.__getitem__)
        for pair in combinations(near, 2):
            linked[pair] += 1
            if len(shown[pair]) < examples:
                shown[pair].append(names[iri])
    in_docs: dict[str, list[str]] = defaultdict(list)
    for iri in trends:
        for doc in g.nodes[iri].get("documents", ()):
            in_docs[doc].append(iri)
    docs: Counter = Counter()
    for members in in_docs.values():
        docs.update(combinations(members, 2))
    keys = sorted(set(linked) | set(docs), key=lambda p: (-linked[p], -docs[p], order[p[0]], order[p[1]]))
    return [{"a": names[a], "b": names[b], "entities": linked[(a, b)], "documents": docs[(a, b)],
             "via": shown.get((a, b), [])} for a, b in keys[:limit]]


@dataclass(frozen=True)
class Measures:
    """The result of `measure`."""

    report: dict
    """Summary, statistics, top entities, communities, cores, components, top trend pairs (JSON-ready)."""
    metrics: dict[str, NodeMetrics]
    """Every entity's metrics, by IRI."""
    trend_pairs: list[dict]
    """Every pair of co-occurring trends, most frequent first."""


def measure(g, top: int = 10, seed: int = SEED, progress: Callable[[str, int, int], None] | None = None) -> Measures:
    """All analyses of a graph from `netgraph.to_networkx`; `progress(stage, done, total)` hears of each
    of the three steps (metrics, trend pairs, report)."""
    step = progress or (lambda stage, done, total: None)
    step("analyse", 0, 3)
    metrics = node_metrics(g, seed)
    step("analyse", 1, 3)
    names = {iri: d.get("label", iri) for iri, d in g.nodes(data=True)}
    rank = sorted(metrics, key=lambda iri: (-metrics[iri].pagerank, names[iri].casefold(), iri))
    pairs = trend_pairs(g, rank)
    step("analyse", 2, 3)
    result = Measures(report(g, metrics, top, pairs), metrics, pairs)
    step("analyse", 3, 3)
    return result


ANALYSIS_JSON = "analysis.json"
ENTITIES_CSV = "analysis_entities.csv"
TRENDS_CSV = "analysis_trend_pairs.csv"


def write_analysis(g, result: Measures, out) -> list[Path]:
    """analysis.json (the report) and two CSV tables (every entity's metrics, every trend pair), atomically."""
    out = Path(out)
    with atomic_write(out / ANALYSIS_JSON) as fh:
        json.dump(result.report, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    with atomic_write(out / ENTITIES_CSV) as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["iri", "name", "type"] + [f.name for f in fields(NodeMetrics)])
        for iri in sorted(result.metrics):
            d = g.nodes[iri]
            w.writerow([iri, d.get("label", iri), d.get("type")] + list(astuple(result.metrics[iri])))
    with atomic_write(out / TRENDS_CSV) as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["trend_a", "trend_b", "entities", "documents", "via"])
        for r in result.trend_pairs:
            w.writerow([r["a"], r["b"], r["entities"], r["documents"], "; ".join(r["via"])])
    return [out / ANALYSIS_JSON, out / ENTITIES_CSV, out / TRENDS_CSV]
