"""An entity's card: names, centrality, facts with amounts and dates, the documents it is in."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import NamedNode, Store

from aigraph.graph.store import run
from aigraph.query.conflicts import Conflict, conflicts
from aigraph.query.lookup import EntityRef, Neighbor, Source, neighbors
from aigraph.query.timeline import Window, keep_in
from aigraph.vocab import PREDICATES


@dataclass(frozen=True)
class DocumentRef:
    """A document an entity is mentioned in."""

    label: str
    """The document's label (its file name)."""
    title: str | None
    """Its title, when it has one."""
    date: str | None
    """Its publication date, when known."""


@dataclass(frozen=True)
class Card:
    """Everything the graph says about one entity, in one place."""

    entity: EntityRef
    """The entity."""
    aliases: tuple[str, ...]
    """Its other names, sorted."""
    degree: int
    """How many facts it takes part in."""
    rank: int
    """Its place among all entities by degree (1 = most connected; ties share a place)."""
    ranked: int
    """How many entities were ranked."""
    facts: tuple[Neighbor, ...]
    """Its facts, with their evidence sentences."""
    documents: tuple[DocumentRef, ...]
    """The documents that mention it, by label."""
    when: dict[str, When] = field(default_factory=dict)
    """Fact IRI -> when the fact was first and last stated and when its sentences say it happened."""
    conflicts: tuple[Conflict, ...] = ()
    """Disagreements the entity takes part in (a round's amount, a model's developer), with their sentences."""
    window: Window | None = None
    """The time window the card was drawn for, if any: facts, sentences and documents outside it left out."""

    def disputed(self, n: Neighbor) -> list[Conflict]:
        """The conflicts a fact of the card is a claim of (directly, or through the round it states)."""
        said = {(s.document, s.sentence) for s in n.evidence}
        return [c for c in self.conflicts if any(
            claim.node == n.fact or (n.predicate == "investedIn" and said & {(x.document, x.sentence) for x in claim.sources})
            for claim in c.claims)]


@dataclass(frozen=True)
class When:
    """A fact in time."""

    first: str | None
    """The date of the earliest document stating it."""
    last: str | None
    """The date of the latest."""
    happened: tuple[str, ...] = ()
    """The dates its sentences say it happened, sorted."""


_ALIASES = "SELECT ?e ?a WHERE { ?e skos:altLabel ?a }"

_DOCUMENTS = """
SELECT ?e ?label ?title ?date WHERE {
  ?e aig:mentionedIn ?d .
  OPTIONAL { ?d rdfs:label ?label } OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d dcterms:date ?date }
}"""

# degree = plain fact triples at either end; one grouped pass over the facts, no graph library needed
_DEGREES = """
SELECT ?x (COUNT(*) AS ?n) WHERE {
  VALUES ?p { %s }
  { ?x ?p ?y } UNION { ?y ?p ?x }
} GROUP BY ?x""" % " ".join(f"aig:{p}" for p in PREDICATES)

_ENTITIES = """
SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
  VALUES ?t { aig:Company aig:Investor aig:Model aig:Chip aig:Product aig:Person aig:Trend }
  ?e a ?t .
}"""


def card(store: Store, entity: EntityRef, window: Window | None = None) -> Card:
    """The card of one entity; with a `window`, only the facts stated (or happening) in it, with the
    sentences and documents that put them there."""
    node = NamedNode(entity.iri)
    aliases = sorted({s["a"].value for s in run(store, _ALIASES, e=node)} - {entity.name}, key=str.casefold)
    keep = keep_in(store, window)
    facts = neighbors(store, entity, evidence=True, keep=keep)
    if keep is not None:
        facts = keep.trim(facts)
    degree, rank = centrality(store, entity.iri)
    ranked = int(next(iter(run(store, _ENTITIES)))["n"].value)
    docs = {DocumentRef(s["label"].value if s["label"] else "", s["title"].value if s["title"] else None,
                        s["date"].value if s["date"] else None) for s in run(store, _DOCUMENTS, e=node)}
    if window and window.by == "document":
        docs = {d for d in docs if window.contains(d.date)}
    return Card(entity, tuple(aliases), degree, rank, ranked, tuple(facts), tuple(sorted(docs, key=lambda d: d.label)),
                when_of(store, entity.iri), tuple(conflicts(store, entity)), window)


# the entity's patterns first in each branch (see query.lookup)
_WHEN_OF = """ OPTIONAL { ?f aig:firstStated ?first } OPTIONAL { ?f aig:lastStated ?last }
    OPTIONAL { ?f aig:eventDate ?happened }"""
_WHEN = """
SELECT ?e ?f ?first ?last ?happened WHERE {
  { ?f rdf:subject ?e . %s } UNION { ?f rdf:object ?e . %s }
}""" % (_WHEN_OF, _WHEN_OF)


def when_of(store: Store, iri: str) -> dict[str, When]:
    """Fact IRI -> its dates, for every fact of an entity."""
    first: dict[str, str | None] = {}
    last: dict[str, str | None] = {}
    happened: dict[str, set[str]] = {}
    for s in run(store, _WHEN, e=NamedNode(iri)):
        f = s["f"].value
        first[f] = s["first"].value if s["first"] is not None else None
        last[f] = s["last"].value if s["last"] is not None else None
        happened.setdefault(f, set())
        if s["happened"] is not None:
            happened[f].add(s["happened"].value)
    return {f: When(first[f], last[f], tuple(sorted(happened[f]))) for f in first}


def centrality(store: Store, iri: str) -> tuple[int, int]:
    """(degree, rank by degree among all entities; 1 is the most connected)."""
    degrees = {s["x"].value: int(s["n"].value) for s in run(store, _DEGREES)}
    mine = degrees.get(iri, 0)
    return mine, 1 + sum(1 for n in degrees.values() if n > mine)


def quantities(sources: tuple[Source, ...]) -> list[str]:
    """The amounts, valuations and dates a fact's sentences state, as written and normalised, once each."""
    out: list[str] = []
    for s in sources:
        for text, value, what in ((s.amount, s.amount_value, "amount"), (s.valuation, s.valuation_value, "valuation"),
                                  (s.date, s.date_value, "date")):
            if not text:
                continue
            norm = f"{value} {s.currency}" if value and what != "date" and s.currency else value
            item = f"{what} {text}" + (f" ({norm})" if norm and norm != text else "")
            if item not in out:
                out.append(item)
    return out
