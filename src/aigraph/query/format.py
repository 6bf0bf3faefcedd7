"""Answers of the lookup commands (neighbors, show, search) as text and as JSON-ready data."""

from __future__ import annotations

from aigraph.vocab import compact

# not typing.TYPE_CHECKING: importing typing costs a lookup ~2.5 ms (type checkers go by the name)
TYPE_CHECKING = False
if TYPE_CHECKING:  # only for hints: `neighbors` stays quick to start
    from aigraph.query.card import Card
    from aigraph.query.lookup import EntityRef, Neighbor, Source
    from aigraph.query.search import Hit


def _facts_text(found: list[Neighbor], indent: str = "  ") -> list[str]:
    lines, current = [], None
    for n in found:
        if n.predicate != current:
            current = n.predicate
            lines.append(f"{indent}{current}")
        arrow = "->" if n.direction == "out" else "<-"
        lines.append(f"{indent}  {arrow} {n.other.name} ({n.other.type}) [{n.direction}]")
        lines += [f"{indent}       {source_text(s)}" for s in n.evidence]
    return lines


def source_text(s: Source) -> str:
    """One evidence sentence: where it is, then the sentence on one line."""
    return f"{s.document} sentence {s.sentence}, chars {s.start}-{s.end}: {' '.join(s.text.split())}"


def neighbors_text(entity: EntityRef, found: list[Neighbor]) -> str:
    """The facts around an entity, grouped by relation; further hops grouped by the entity reached."""
    lines = [f"{entity.name} ({entity.type})"]
    first = [n for n in found if n.hop == 1]
    lines += _facts_text(first) if first else ["  no facts"]
    later: dict[tuple[int, str], list[Neighbor]] = {}
    for n in found:
        if n.hop > 1 and n.source is not None:
            later.setdefault((n.hop, n.source.iri), []).append(n)
    for (hop, _), group in later.items():
        src = group[0].source
        lines.append(f"{src.name} ({src.type}), hop {hop}")
        lines += _facts_text(group)
    return "\n".join(lines)


def source_data(s: Source) -> dict:
    """An evidence sentence as a JSON object (absent amounts and dates left out)."""
    d = {"document": s.document, "title": s.title, "sentence": s.sentence, "start": s.start, "end": s.end,
         "text": s.text, "confidence": s.confidence}
    extra = {"amount": s.amount, "amount_value": s.amount_value, "currency": s.currency, "valuation": s.valuation,
             "valuation_value": s.valuation_value, "date": s.date, "date_value": s.date_value}
    return d | {k: v for k, v in extra.items() if v is not None}


def neighbor_data(n: Neighbor, evidence: bool) -> dict:
    """One fact as a JSON object, seen from the entity it was reached from."""
    d = {"direction": n.direction, "predicate": n.predicate, "entity": n.other.name, "type": n.other.type,
         "iri": n.other.iri, "confidence": n.confidence, "support": n.support, "hop": n.hop,
         "from": n.source.name if n.source else None}
    if evidence:
        d["evidence"] = [source_data(s) for s in n.evidence]
    return d


def neighbors_data(entity: EntityRef, found: list[Neighbor], depth: int, evidence: bool) -> dict:
    """The answer of `aigraph neighbors --json`."""
    return {"entity": entity.name, "type": entity.type, "iri": entity.iri, "depth": depth,
            "facts": [neighbor_data(n, evidence) for n in found]} | _also(entity)


def _also(entity: EntityRef) -> dict:
    """`also`: the other entities the name typed could mean, when there are any."""
    return {"also": list(entity.also)} if entity.also else {}


def card_text(c: Card) -> str:
    """An entity's card as text."""
    from aigraph.query.card import quantities

    e = c.entity
    lines = [f"{e.name} ({e.type})", f"  iri:        {compact(e.iri)}",
             f"  aliases:    {', '.join(c.aliases) if c.aliases else '-'}",
             f"  centrality: {c.degree} fact{'s' if c.degree != 1 else ''}, rank {c.rank} of {c.ranked} by degree",
             f"  facts ({len(c.facts)}):"]
    for n in c.facts:
        arrow = "->" if n.direction == "out" else "<-"
        stats = [f"confidence {n.confidence:.2f}" if n.confidence is not None else "",
                 f"{n.support} sentence{'s' if n.support != 1 else ''}" if n.support is not None else ""]
        disputed = c.disputed(n)
        lines.append(f"    {n.predicate} {arrow} {n.other.name} ({n.other.type})"
                     + (f"  [{', '.join(s for s in stats if s)}]" if any(stats) else "")
                     + ("  [conflict]" if disputed else ""))
        if (when := when_text(c.when.get(n.fact or ""))):
            lines.append(f"      {when}")
        lines += [f"      {q}" for q in quantities(n.evidence)]
    if c.conflicts:
        lines.append(f"  conflicts ({len(c.conflicts)}):")
        lines += [f"    {conflict_line(x)}" for x in c.conflicts]
    lines.append(f"  documents ({len(c.documents)}):")
    for d in c.documents:
        lines.append("    " + "  ".join(x for x in (d.label, d.date, d.title) if x))
    return "\n".join(lines)


def when_text(w) -> str:
    """`stated 2024-03-01 to 2024-06-02; happened 2024-03`: a fact in time, on one line ('' when undated)."""
    if w is None:
        return ""
    parts = []
    if w.first:
        parts.append(f"stated {w.first}" + (f" to {w.last}" if w.last and w.last != w.first else ""))
    if w.happened:
        parts.append(f"happened {', '.join(w.happened)}")
    return "; ".join(parts)


def conflict_line(c) -> str:
    """One conflict on one line: who, on what, and each claim with its number of documents."""
    which = " ".join(x for x in (c.round_name, c.date) if x)
    head = f"{c.about.name}: {c.on}" + (f" of the {which} round" if which and c.on != "developer" else "")
    claims = " / ".join(f"{cl.value} ({len({s.document for s in cl.sources})} doc"
                        f"{'s' if len({s.document for s in cl.sources}) != 1 else ''})" for cl in c.claims)
    return f"{head}: {claims}"


def card_data(c: Card) -> dict:
    """The answer of `aigraph show --json`."""
    from aigraph.query.card import quantities
    from aigraph.query.conflicts import conflicts_data

    facts = []
    for n in c.facts:
        d = neighbor_data(n, evidence=True)
        d["quantities"] = quantities(n.evidence)
        w = c.when.get(n.fact or "")
        d["first_stated"], d["last_stated"] = (w.first, w.last) if w else (None, None)
        d["happened"] = list(w.happened) if w else []
        d["conflicts"] = [x.iri for x in c.disputed(n)]
        facts.append(d)
    window = {"window": {"since": c.window.since, "until": c.window.until, "by": c.window.by}} if c.window else {}
    return {"entity": c.entity.name, "type": c.entity.type, "iri": c.entity.iri, "aliases": list(c.aliases),
            "degree": c.degree, "rank": c.rank, "ranked": c.ranked, "facts": facts,
            "conflicts": conflicts_data(list(c.conflicts)),
            "documents": [{"label": d.label, "title": d.title, "date": d.date} for d in c.documents]} \
        | window | _also(c.entity)


def hits_text(text: str, hits: list[Hit]) -> str:
    """Search hits as a table, best first."""
    from aigraph.query.results import table

    if not hits:
        return f"Nothing looks like {text!r}."
    rows = [[h.entity.name, h.entity.type, h.label if h.label != h.entity.name else "", f"{h.score:.2f}",
             compact(h.entity.iri)] for h in hits]
    return table(["name", "type", "matched", "score", "iri"], rows)


def hits_data(hits: list[Hit]) -> list[dict]:
    """The answer of `aigraph search --json`."""
    return [{"entity": h.entity.name, "type": h.entity.type, "iri": h.entity.iri, "matched": h.label,
             "score": h.score} for h in hits]
