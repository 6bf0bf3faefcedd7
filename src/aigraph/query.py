"""Questions to the store: find an entity by any of its names, its neighbours, SPARQL."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, QueryBoolean, QuerySolutions, Store, Variable

from .errors import AigraphError, AmbiguousEntity, UnknownEntity
from .lexicon import norm
from .model import PREDICATES
from .prefixes import AIG, ENT, compact, prefixes

_LABELS = """
SELECT ?e ?l ?t WHERE {
  ?e a ?t ; rdfs:label|skos:altLabel ?l .
  FILTER(STRSTARTS(STR(?e), STR(ent:)) && STRSTARTS(STR(?t), STR(aig:)))
}"""


@dataclass(frozen=True)
class EntityRef:
    """An entity of the graph."""

    iri: str
    """Its IRI."""
    name: str
    """Its canonical label."""
    type: str
    """Its entity type (local name)."""


@dataclass(frozen=True)
class Neighbor:
    """One fact touching an entity, seen from that entity."""

    direction: str
    """`out` when the entity is the subject, `in` when it is the object."""
    predicate: str
    """Predicate local name."""
    other: EntityRef
    """The entity at the other end."""
    confidence: float | None
    """The fact's best confidence."""
    support: int | None
    """How many sentences state it."""


def run(store: Store, query: str, **bindings) -> QuerySolutions | QueryBoolean:
    """A SPARQL query with the project's prefixes; values are bound, never pasted into the text."""
    subs = {Variable(k): v for k, v in bindings.items()}
    return store.query(query, prefixes=prefixes(), substitutions=subs, use_default_graph_as_union=True)


def labels(store: Store) -> dict[str, tuple[str, str, set[str]]]:
    """IRI → (canonical label, type, all labels)."""
    out: dict[str, tuple[str, str, set[str]]] = {}
    canonical = {str(s["e"].value): s["l"].value for s in run(store, "SELECT ?e ?l WHERE { ?e rdfs:label ?l . FILTER(STRSTARTS(STR(?e), STR(ent:))) }")}
    for s in run(store, _LABELS):
        iri = s["e"].value
        t = s["t"].value[len(AIG):]
        name = canonical.get(iri, iri[len(ENT):])
        entry = out.setdefault(iri, (name, t, set()))
        entry[2].add(s["l"].value)
    return out


def find_entity(store: Store, name: str) -> EntityRef:
    """The entity a name means: any alias, any case, spacing or hyphenation; near misses and
    ambiguous names raise with the candidates."""
    table = labels(store)
    key = norm(name)
    exact = sorted({iri for iri, (_, _, ls) in table.items() if any(norm(lb) == key for lb in ls)})
    if len(exact) == 1:
        iri = exact[0]
        return EntityRef(iri, table[iri][0], table[iri][1])
    if len(exact) > 1:
        canon = [iri for iri in exact if norm(table[iri][0]) == key]
        if len(canon) == 1:
            return EntityRef(canon[0], table[canon[0]][0], table[canon[0]][1])
        raise AmbiguousEntity(name, sorted(f"{table[i][0]} ({table[i][1]})" for i in exact))
    raise UnknownEntity(name, suggest(table, name))


def suggest(table: dict[str, tuple[str, str, set[str]]], name: str, n: int = 5) -> list[str]:
    """Canonical names that look like `name`."""
    key = norm(name)
    by_label: dict[str, str] = {}
    for _, (canon, _, ls) in table.items():
        for lb in ls:
            by_label.setdefault(norm(lb), canon)
    close = difflib.get_close_matches(key, list(by_label), n=n * 2, cutoff=0.6)
    if key and len(key) >= 2:
        close += sorted(k for k in by_label if key in k)[:n]
    out: list[str] = []
    for k in close:
        if by_label[k] not in out:
            out.append(by_label[k])
    return out[:n]


_NEIGHBORS = """
SELECT ?e ?dir ?p ?other ?label ?type ?conf ?support WHERE {
  { ?e ?p ?other . BIND("out" AS ?dir) } UNION { ?other ?p ?e . BIND("in" AS ?dir) }
  VALUES ?p { %s }
  ?other rdfs:label ?label ; a ?type .
  FILTER(STRSTARTS(STR(?type), STR(aig:)) && ?type != aig:Entity)
  OPTIONAL {
    ?f a aig:Fact ; rdf:predicate ?p ; aig:confidence ?conf ; aig:supportCount ?support .
    { ?f rdf:subject ?e ; rdf:object ?other } UNION { ?f rdf:subject ?other ; rdf:object ?e }
  }
}""" % " ".join(f"aig:{p}" for p in PREDICATES)


def neighbors(store: Store, entity: EntityRef) -> list[Neighbor]:
    """Every fact with the entity as subject (out) or object (in), sorted."""
    seen: dict[tuple[str, str, str], Neighbor] = {}
    for s in run(store, _NEIGHBORS, e=NamedNode(entity.iri)):
        other = EntityRef(s["other"].value, s["label"].value, s["type"].value[len(AIG):])
        key = (s["dir"].value, s["p"].value, other.iri)
        conf = float(s["conf"].value) if s["conf"] is not None else None
        sup = int(s["support"].value) if s["support"] is not None else None
        prev = seen.get(key)
        if prev is None or (conf or 0) > (prev.confidence or 0):
            seen[key] = Neighbor(key[0], s["p"].value[len(AIG):], other, conf, sup)
    return sorted(seen.values(), key=lambda n: (n.predicate, n.direction, n.other.name.casefold()))


def sparql(store: Store, query: str) -> tuple[list[str], list[list[str]]] | bool:
    """Run a SELECT or ASK query; SELECT gives (variables, rows of compact strings)."""
    try:
        result = run(store, query)
    except SyntaxError as exc:
        raise AigraphError(f"SPARQL syntax error: {str(exc).splitlines()[0]}") from exc
    if isinstance(result, QueryBoolean):
        return bool(result)
    if not isinstance(result, QuerySolutions):
        raise AigraphError("Only SELECT and ASK queries print as tables; use CONSTRUCT through `aigraph serve`.")
    names = [v.value for v in result.variables]
    rows = [[_show(sol[v]) for v in names] for sol in result]
    return names, rows


def _show(term) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, NamedNode):
        return compact(term.value)
    return str(term)
