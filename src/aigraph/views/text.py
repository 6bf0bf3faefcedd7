"""Answers of `aigraph analyse` and `aigraph path` as readable text and as JSON-ready data."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for hints
    from aigraph.query.lookup import EntityRef
    from aigraph.views.paths import Hop


def analysis_text(r: dict) -> str:
    """The report of `analyse.analyse` as readable tables."""
    from aigraph.query.results import table

    s = r["summary"]
    out = [f"{_count(s['entities'], 'entity', 'entities')}, {_count(s['facts'], 'fact')}; "
           f"{_count(s['components'], 'connected part')} (largest {s['largest_component']}), "
           f"{_count(s['isolated'], 'entity', 'entities')} without facts, {_count(s['communities'], 'community', 'communities')}, "
           f"densest core: {s['max_core']}-core; betweenness {s['betweenness']}", ""]

    def section(title: str, names: list[str], rows: list[list]) -> None:
        out.extend([title, table(names, [[str(c) for c in row] for row in rows]), ""])

    section("By type", ["type", "entities", "facts", "without facts"],
            [[t["type"], t["entities"], t["facts"], t["isolated"]] for t in r["types"]])
    section("By relation", ["relation", "facts", "mean confidence", "from -> to"],
            [[p["predicate"], p["facts"], p["mean_confidence"],
              ", ".join(f"{k} ({v})" for k, v in p["type_pairs"].items())] for p in r["predicates"]])
    section("Most central entities", ["#", "entity", "type", "PageRank", "betweenness", "facts"],
            [[i, e["name"], e["type"], f"{e['pagerank']:.4f}", f"{e['betweenness']:.4f}", e["degree"]]
             for i, e in enumerate(r["top"], 1)])
    section("Most central by type", ["type", "entities, most central first"],
            [[t, ", ".join(e["name"] for e in es)] for t, es in r["top_by_type"].items()])
    section("Communities (Leiden)", ["id", "size", "types", "most central members"],
            [[c["id"], c["size"], ", ".join(f"{k} {v}" for k, v in c["types"].items()), ", ".join(c["members"][:6])]
             for c in r["communities"][:len(r["top"]) or 10]])
    core = r["core"]
    out.extend([f"The {core['k']}-core ({len(core['members'])} entities): {', '.join(core['members'][:30])}"
                + (" ..." if len(core["members"]) > 30 else ""), ""])
    section("Trends that occur together", ["trend", "trend", "linked entities", "documents", "for example"],
            [[p["a"], p["b"], p["entities"], p["documents"], ", ".join(p["via"])] for p in r["trend_pairs"]])
    return "\n".join(out).rstrip()


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _entity(g, iri: str) -> dict:
    return {"name": g.nodes[iri]["label"], "type": g.nodes[iri]["type"], "iri": iri}


def paths_json(g, a: EntityRef, b: EntityRef, found: list[tuple[Hop, ...]]) -> dict:
    """The paths of `paths.shortest_paths` as JSON-ready data: both ends, the hop count, every hop."""
    return {"from": _entity(g, a.iri), "to": _entity(g, b.iri), "hops": len(found[0]) if found else None,
            "paths": [[{"from": _entity(g, h.source), "to": _entity(g, h.target),
                        "relations": [{"predicate": p, "direction": d} for p, d in h.relations]}
                       for h in p] for p in found]}


def paths_text(g, a: EntityRef, b: EntityRef, found: list[tuple[Hop, ...]]) -> str:
    """The paths as numbered lists of hops: `-[rel]->` for a fact read forwards, `<-[rel]-` backwards."""
    if not found:
        return f"No connection between {a.name} ({a.type}) and {b.name} ({b.type})."
    hops = len(found[0])
    lines = [f"{len(found)} shortest connection{'s' if len(found) != 1 else ''} of {hops} hop"
             f"{'s' if hops != 1 else ''} between {a.name} ({a.type}) and {b.name} ({b.type})"]
    for i, p in enumerate(found, 1):
        lines += ["", f"{i}. {a.name} ({a.type})"]
        for h in p:
            rels = " / ".join(f"-[{pred}]->" if d == "out" else f"<-[{pred}]-" for pred, d in h.relations)
            lines.append(f"   {rels} {g.nodes[h.target]['label']} ({g.nodes[h.target]['type']})")
    return "\n".join(lines)

