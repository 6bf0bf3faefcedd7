"""An entity's card: names, centrality, facts with amounts and dates, the documents it is in."""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import NamedNode, Store

from aigraph.graph.store import run
from aigraph.query.lookup import EntityRef, Neighbor, Source, neighbors
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


def card(store: Store, entity: EntityRef) -> Card:
    """The card of one entity."""
    node = NamedNode(entity.iri)
    aliases = sorted({s["a"].value for s in run(store, _ALIASES, e=node)} - {entity.name}, key=str.casefold)
    facts = tuple(neighbors(store, entity, evidence=True))
    degree, rank = centrality(store, entity.iri)
    ranked = int(next(iter(run(store, _ENTITIES)))["n"].value)
    docs = {DocumentRef(s["label"].value if s["label"] else "", s["title"].value if s["title"] else None,
                        s["date"].value if s["date"] else None) for s in run(store, _DOCUMENTS, e=node)}
    return Card(entity, tuple(aliases), degree, rank, ranked, facts, tuple(sorted(docs, key=lambda d: d.label)))


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
