"""What changed: the entities, facts and funding rounds first stated in a time window."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from pyoxigraph import DefaultGraph, NamedNode, Store

from aigraph.query.lookup import EntityRef
from aigraph.query.timeline import Window
from aigraph.vocab import AIG, DCTERMS, ENTITY_TYPES, PREDICATES, RDF, RDFS


@dataclass(frozen=True)
class NewEntity:
    """An entity no document dated before the window names."""

    entity: EntityRef
    """The entity."""
    first: str
    """The date of the first document that names it."""


@dataclass(frozen=True)
class NewFact:
    """A fact no document dated before the window states."""

    iri: str
    """The fact's IRI."""
    subject: EntityRef
    """Its subject."""
    predicate: str
    """Its relation (local name)."""
    object: EntityRef
    """Its object."""
    first: str
    """The date of the first document that states it."""
    support: int
    """How many sentences state it (in the whole graph)."""
    happened: tuple[str, ...] = ()
    """The dates its sentences say it happened."""


@dataclass(frozen=True)
class NewRound:
    """A funding round no document dated before the window states."""

    iri: str
    """The round's IRI."""
    company: str
    """The company funded."""
    investors: tuple[str, ...]
    """Its investors, sorted."""
    first: str
    """The date of the first document that states it."""
    name: str | None = None
    """The round's name (`Series B`)."""
    amount: str | None = None
    """The amount with its currency (`1000000000 USD`)."""
    valuation: str | None = None
    """The valuation with its currency."""
    date: str | None = None
    """When the round happened, as its sentences say."""


@dataclass(frozen=True)
class Changes:
    """Everything first stated in a window."""

    window: Window
    """The window (read by document date)."""
    documents: int
    """Documents dated in the window."""
    entities: tuple[NewEntity, ...]
    """Entities first named in the window, by type, then date and name."""
    facts: tuple[NewFact, ...]
    """Facts first stated in the window, by relation, then date and names."""
    rounds: tuple[NewRound, ...]
    """Funding rounds first stated in the window, by date and company."""

    def by_type(self) -> dict[str, list[NewEntity]]:
        """The new entities grouped by type, largest group first."""
        return _grouped(self.entities, lambda e: e.entity.type)

    def by_relation(self) -> dict[str, list[NewFact]]:
        """The new facts grouped by relation, largest group first."""
        return _grouped(self.facts, lambda f: f.predicate)


def _grouped(items, key) -> dict:
    counts = Counter(key(x) for x in items)
    out: dict = {k: [] for k in sorted(counts, key=lambda k: (-counts[k], k))}
    for x in items:
        out[key(x)].append(x)
    return out


def _one(store: Store, node: NamedNode, prop: NamedNode) -> str | None:
    for q in store.quads_for_pattern(node, prop, None, DefaultGraph()):
        return q.object.value
    return None


def _all(store: Store, node: NamedNode, prop: NamedNode) -> list[str]:
    return sorted(q.object.value for q in store.quads_for_pattern(node, prop, None, DefaultGraph()))


def _money(store: Store, node: NamedNode, value: NamedNode, unit: NamedNode) -> str | None:
    v = _one(store, node, value)
    return " ".join(x for x in (v, _one(store, node, unit)) if x) if v else None


def changes(store: Store, window: Window) -> Changes:
    """The entities, facts and funding rounds first stated in the window (by their documents' dates).

    The store is read by index, not joined in the engine: one pass over every aig:firstStated, then
    each node that falls in the window looked up by its IRI, so the cost follows what is new."""
    window = Window(window.since, window.until, "document")
    types = {AIG.term(t).value: t for t in ENTITY_TYPES}
    wanted = {AIG.term(p).value: p for p in PREDICATES}
    entities, facts, rounds = [], [], []
    refs: dict[str, EntityRef | None] = {}

    def ref(iri: str) -> EntityRef | None:
        if iri not in refs:
            node = NamedNode(iri)
            typ = next((types[t] for t in _all(store, node, RDF.type) if t in types), None)
            label = _one(store, node, RDFS.label)
            refs[iri] = EntityRef(iri, label, typ) if typ and label is not None else None
        return refs[iri]

    for q in store.quads_for_pattern(None, AIG.firstStated, None, DefaultGraph()):
        first = q.object.value
        if not window.contains(first):
            continue
        node = q.subject
        kinds = _all(store, node, RDF.type)
        if AIG.Fact.value in kinds:
            p = wanted.get(_one(store, node, RDF.predicate) or "")
            s, o = ref(_one(store, node, RDF.subject) or ""), ref(_one(store, node, RDF.object) or "")
            if p and s and o:
                facts.append(NewFact(node.value, s, p, o, first, int(_one(store, node, AIG.supportCount) or 0),
                                     tuple(_all(store, node, AIG.eventDate))))
        elif AIG.FundingRound.value in kinds:
            company = ref(_one(store, node, AIG.investee) or "")
            investors = tuple(sorted(r.name for i in _all(store, node, AIG.investor) if (r := ref(i))))
            rounds.append(NewRound(node.value, company.name if company else "", investors, first,
                                   _one(store, node, AIG.roundName),
                                   _money(store, node, AIG.amount, AIG.currency),
                                   _money(store, node, AIG.valuation, AIG.valuationCurrency),
                                   _one(store, node, AIG.date)))
        elif (e := ref(node.value)) is not None:
            entities.append(NewEntity(e, first))
    documents = sum(1 for q in store.quads_for_pattern(None, DCTERMS.date, None, None) if window.contains(q.object.value))
    return Changes(
        window, documents,
        tuple(sorted(entities, key=lambda e: (e.entity.type, e.first, e.entity.name.casefold(), e.entity.iri))),
        tuple(sorted(facts, key=lambda f: (f.predicate, f.first, f.subject.name.casefold(),
                                           f.object.name.casefold(), f.iri))),
        tuple(sorted(rounds, key=lambda r: (r.first, r.company.casefold(), r.iri))))


# ---------------------------------------------------------------- as text and JSON

def changes_text(c: Changes, limit: int = 10) -> str:
    """What changed, grouped by entity type and relation; at most `limit` lines per group (0: all)."""
    head = f"{c.window.describe()}: {c.documents} document{'s' if c.documents != 1 else ''}; first stated: " \
           f"{len(c.entities)} entities, {len(c.facts)} facts, {len(c.rounds)} funding rounds"
    lines = [head]

    def cut(items: list, show) -> None:
        shown = items if not limit else items[:limit]
        lines.extend(show(x) for x in shown)
        if len(items) > len(shown):
            lines.append(f"      ... and {len(items) - len(shown)} more")

    if c.entities:
        lines.append(f"\nEntities ({len(c.entities)})")
        for typ, group in c.by_type().items():
            lines.append(f"  {typ} ({len(group)})")
            cut(group, lambda e: f"    {e.first}  {e.entity.name}")
    if c.facts:
        lines.append(f"\nFacts ({len(c.facts)})")
        for rel, group in c.by_relation().items():
            lines.append(f"  {rel} ({len(group)})")
            cut(group, lambda f: f"    {f.first}  {f.subject.name} -> {f.object.name}"
                + (f"  (happened {', '.join(f.happened)})" if f.happened else ""))
    if c.rounds:
        lines.append(f"\nFunding rounds ({len(c.rounds)})")
        cut(list(c.rounds), lambda r: f"    {r.first}  {r.company}"
            + "".join(f"  {x}" for x in (r.name, r.amount, f"valued {r.valuation}" if r.valuation else None,
                                          f"on {r.date}" if r.date else None) if x)
            + f"  from {', '.join(r.investors)}")
    return "\n".join(lines)


def changes_data(c: Changes) -> dict:
    """What changed, as JSON-ready data."""
    return {
        "since": c.window.since, "until": c.window.until, "documents": c.documents,
        "counts": {"entities": dict(Counter(e.entity.type for e in c.entities)),
                   "facts": dict(Counter(f.predicate for f in c.facts)), "rounds": len(c.rounds)},
        "entities": [{"name": e.entity.name, "type": e.entity.type, "iri": e.entity.iri, "first_stated": e.first}
                     for e in c.entities],
        "facts": [{"iri": f.iri, "subject": f.subject.name, "predicate": f.predicate, "object": f.object.name,
                   "first_stated": f.first, "support": f.support, "happened": list(f.happened)} for f in c.facts],
        "rounds": [{"iri": r.iri, "company": r.company, "investors": list(r.investors), "first_stated": r.first,
                    "round": r.name, "amount": r.amount, "valuation": r.valuation, "date": r.date} for r in c.rounds],
    }
