"""Lookups on the store: an entity by any of its names, its neighbours, the sentences behind its facts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Store

from aigraph.errors import AigraphError, AmbiguousEntity, UnknownEntity
from aigraph.graph.store import run
from aigraph.vocab import AIG_NS, ENT, ENTITY_TYPES, PREDICATES, SYMMETRIC, compact

_LABELS = """
SELECT ?e ?l ?t WHERE {
  ?e a ?t ; rdfs:label|skos:altLabel ?l .
  FILTER(STRSTARTS(STR(?e), STR(ent:)) && STRSTARTS(STR(?t), STR(aig:)) && ?t != aig:Entity)
}"""

# an exact canonical label: index lookups only, so resolving a name stays fast on any size of graph
_BY_LABEL = """
SELECT ?e ?l ?t WHERE {
  ?e rdfs:label ?l ; a ?t .
  FILTER(STRSTARTS(STR(?e), STR(ent:)) && STRSTARTS(STR(?t), STR(aig:)) && ?t != aig:Entity)
}"""

_BY_IRI = """
SELECT ?e ?l ?t WHERE {
  ?e rdfs:label ?l ; a ?t .
  FILTER(STRSTARTS(STR(?t), STR(aig:)) && ?t != aig:Entity)
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
    also: tuple[str, ...] = field(default=(), compare=False)
    """Other entities the name typed also names (`Name (Type)`), when the canonical name won over their aliases."""


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
    source: EntityRef | None = None
    """The entity the fact was reached from (the one asked about, or one hop further out)."""
    hop: int = 1
    """How many facts away from the entity asked about (1 = its own facts)."""
    fact: str | None = None
    """The IRI of the reified fact, when there is one."""
    evidence: tuple = ()
    """The `Source` sentences that state the fact (filled in on request)."""


def labels(store: Store) -> dict[str, tuple[str, str, set[str]]]:
    """IRI → (canonical label, type, all labels)."""
    out: dict[str, tuple[str, str, set[str]]] = {}
    canonical = {str(s["e"].value): s["l"].value for s in run(store, "SELECT ?e ?l WHERE { ?e rdfs:label ?l . FILTER(STRSTARTS(STR(?e), STR(ent:))) }")}
    for s in run(store, _LABELS):
        iri = s["e"].value
        t = s["t"].value[len(AIG_NS):]
        name = canonical.get(iri, iri[len(ENT):])
        entry = out.setdefault(iri, (name, t, set()))
        entry[2].add(s["l"].value)
    return out


def entity_types(value: str | None) -> str | None:
    """A type name as users type it (`model`, `Model`) → its ontology local name; unknown ones raise."""
    if value is None:
        return None
    for t in ENTITY_TYPES:
        if t.casefold() == value.strip().casefold():
            return t
    raise AigraphError(f"Unknown entity type {value!r}; use one of {', '.join(ENTITY_TYPES)}.")


def relation_name(value: str) -> str:
    """A relation as users type it (`developedby`, `aig:developedBy`) → its local name; unknown ones raise."""
    key = value.strip().removeprefix("aig:").casefold()
    for p in PREDICATES:
        if p.casefold() == key:
            return p
    raise AigraphError(f"Unknown relation {value!r}; use one of {', '.join(PREDICATES)}.")


def find_entity(store: Store, name: str, type: str | None = None, index: Path | None = None) -> EntityRef:
    """The entity a name means: any alias, any case, spacing or hyphenation, an IRI (`ent:DeepSeek`) or
    `Name (Type)` as ambiguity messages print it; near misses and ambiguous names raise with the
    candidates. `type` keeps only entities of that type. `index` is the graph's index of folded names
    (`graph.nameindex`): with it a variant spelling is a binary search, without it a scan of the labels."""
    name = name.strip()
    type = entity_types(type)
    by_iri = _by_iri(store, name)
    if by_iri is not None and type in (None, by_iri.type):
        return by_iri
    found = _by_canonical_label(store, name, type)
    if found is not None:
        return replace(found, also=_aliased_elsewhere(store, name, found.iri, type))
    from aigraph.folding import norm  # not needed for an exact name: keeps `neighbors NAME` quick to start

    key = norm(name)
    indexed = _by_index(store, index, key) if index is not None else None
    table = indexed if indexed else _by_folded_label(store, key) if indexed is None else {}
    if not table:  # the complete scan: exact `norm` on every label (width and script variants too)
        table = labels(store)
    if type:
        table = {iri: v for iri, v in table.items() if v[1] == type}
    exact = sorted({iri for iri, (_, _, ls) in table.items() if key in ls or any(norm(lb) == key for lb in ls)})
    if len(exact) == 1:
        iri = exact[0]
        return EntityRef(iri, table[iri][0], table[iri][1])
    if len(exact) > 1:
        canon = [iri for iri in exact if norm(table[iri][0]) == key]
        if len(canon) == 1:
            also = tuple(f"{table[i][0]} ({table[i][1]})" for i in exact if i != canon[0])
            return EntityRef(canon[0], table[canon[0]][0], table[canon[0]][1], also)
        raise AmbiguousEntity(name, [f"{table[i][0]} ({table[i][1]}) = {compact(i)}" for i in exact])
    typed = _typed_name(name)
    if typed is not None and type is None:
        return find_entity(store, *typed, index=index)
    raise UnknownEntity(name, suggest(table, name))


def _by_index(store: Store, index: Path, key: str) -> dict[str, tuple[str, str, set[str]]] | None:
    """The entities the index lists under `key` ({} when none; None when the graph has no index)."""
    from aigraph.graph.nameindex import lookup

    iris = lookup(index, key) if key else []
    if iris is None:
        return None
    out: dict[str, tuple[str, str, set[str]]] = {}
    for iri in iris:
        ref = _by_iri(store, iri)
        if ref is not None:
            out[iri] = (ref.name, ref.type, {key})
    return out


def _by_iri(store: Store, name: str) -> EntityRef | None:
    iri = ENT + name[4:] if name.startswith("ent:") else name if name.startswith(ENT) else None
    if iri is None:
        return None
    try:
        node = NamedNode(iri)
    except ValueError:
        return None
    for s in run(store, _BY_IRI, e=node):
        return EntityRef(iri, s["l"].value, s["t"].value[len(AIG_NS):])
    return None


def _by_canonical_label(store: Store, name: str, type: str | None) -> EntityRef | None:
    """The one entity whose canonical label is exactly `name`, if there is exactly one."""
    hits: dict[str, EntityRef] = {}
    for lit in (Literal(name, language="en"), Literal(name, language="zh"), Literal(name)):
        for s in run(store, _BY_LABEL, l=lit):
            ref = EntityRef(s["e"].value, name, s["t"].value[len(AIG_NS):])
            if type in (None, ref.type):
                hits.setdefault(ref.iri, ref)
    return next(iter(hits.values())) if len(hits) == 1 else None


_BY_ALIAS = """
SELECT ?l ?e ?name ?t WHERE {
  ?e skos:altLabel ?l ; rdfs:label ?name ; a ?t .
  FILTER(STRSTARTS(STR(?e), STR(ent:)) && STRSTARTS(STR(?t), STR(aig:)) && ?t != aig:Entity)
}"""


def _aliased_elsewhere(store: Store, name: str, iri: str, type: str | None) -> tuple[str, ...]:
    """`Name (Type)` of the other entities that have `name` exactly as an alias (index lookups only)."""
    out: set[str] = set()
    for lit in (Literal(name, language="en"), Literal(name, language="zh"), Literal(name)):
        for s in run(store, _BY_ALIAS, l=lit):
            t = s["t"].value[len(AIG_NS):]
            if s["e"].value != iri and type in (None, t):
                out.add(f"{s['name'].value} ({t})")
    return tuple(sorted(out, key=str.casefold))


# a character class in a SPARQL string: backslashes doubled once for the regex, once for the string
_SPARQL_REGEX = {" ": "\\\\s", "\t": "\\\\s", "-": "\\\\-"}

# lower case with the separators `norm` drops taken out: in the engine, so a variant spelling is
# found without bringing every label into Python; `norm` then checks each candidate
@cache
def _folded_query() -> str:
    from aigraph.folding import DROP

    return r"""
SELECT ?e ?l ?k WHERE {
  { ?e rdfs:label ?l } UNION { ?e skos:altLabel ?l }
  FILTER(LCASE(REPLACE(STR(?l), "[%s]", "")) = ?k)
}""" % "".join(sorted({_SPARQL_REGEX.get(c, c) for c in DROP}))


def _by_folded_label(store: Store, key: str) -> dict[str, tuple[str, str, set[str]]]:
    found: dict[str, set[str]] = {}
    if key:
        for s in run(store, _folded_query(), k=Literal(key)):
            if s["e"].value.startswith(ENT):
                found.setdefault(s["e"].value, set()).add(s["l"].value)
    out: dict[str, tuple[str, str, set[str]]] = {}
    for iri, ls in found.items():  # a few candidates: their names and types one by one (joining is slower)
        ref = _by_iri(store, iri)
        if ref is not None:
            out[iri] = (ref.name, ref.type, ls)
    return out


def _typed_name(name: str) -> tuple[str, str] | None:
    """`Gemini (Model)` → ("Gemini", "Model"), as the ambiguity message lists candidates."""
    head, sep, tail = name.rpartition(" (")
    if not sep or not tail.endswith(")"):
        return None
    tail = tail[:-1].split(")")[0].strip()
    return (head, tail) if tail.casefold() in {t.casefold() for t in ENTITY_TYPES} else None


def suggest(table: dict[str, tuple[str, str, set[str]]], name: str, n: int = 5) -> list[str]:
    """Canonical names that look like `name`."""
    import difflib

    from aigraph.folding import norm

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


# Substituted variables are not known to Oxigraph's planner, so each query keeps the entity's
# patterns inside UNION branches or next to a small VALUES and avoids patterns such as
# `?f a aig:Fact` that look more selective than they are: otherwise a lookup scans the whole graph.
_NEIGHBORS = """
SELECT ?e ?dir ?p ?other ?label ?type WHERE {
  { ?e ?p ?other . BIND("out" AS ?dir) } UNION { ?other ?p ?e . BIND("in" AS ?dir) }
  VALUES ?p { %s }
  ?other rdfs:label ?label ; a ?type .
  FILTER(STRSTARTS(STR(?type), STR(aig:)) && ?type != aig:Entity)
}""" % " ".join(f"aig:{p}" for p in PREDICATES)

_FACTS = """
SELECT ?e ?f ?s ?p ?o ?conf ?support WHERE {
  { ?f rdf:subject ?e ; rdf:predicate ?p ; rdf:object ?o . BIND(?e AS ?s)
    OPTIONAL { ?f aig:confidence ?conf } OPTIONAL { ?f aig:supportCount ?support } }
  UNION
  { ?f rdf:object ?e ; rdf:predicate ?p ; rdf:subject ?s . BIND(?e AS ?o)
    OPTIONAL { ?f aig:confidence ?conf } OPTIONAL { ?f aig:supportCount ?support } }
}"""


def _in_default_graph(store: Store, query: str, **bindings):
    """A query over the default graph alone, where a build writes entities, facts and their reified
    statements: index lookups there skip the union over every document's graph (a hub's facts in half
    the time)."""
    from pyoxigraph import DefaultGraph, Variable

    from aigraph.vocab import prefixes

    return store.query(query, prefixes=prefixes(), default_graph=DefaultGraph(),
                       substitutions={Variable(k): v for k, v in bindings.items()})


def one_hop(store: Store, entity: EntityRef) -> list[Neighbor]:
    """Every fact with the entity as subject (out) or object (in), sorted."""
    node = NamedNode(entity.iri)
    facts: dict[tuple[str, str, str], tuple[str, float | None, int | None]] = {}
    for s in _in_default_graph(store, _FACTS, e=node):
        key = (s["s"].value, s["p"].value, s["o"].value)
        conf = float(s["conf"].value) if s["conf"] is not None else None
        sup = int(s["support"].value) if s["support"] is not None else None
        if key not in facts or (conf or 0) > (facts[key][1] or 0):
            facts[key] = (s["f"].value, conf, sup)
    seen: dict[tuple[str, str, str], Neighbor] = {}
    for s in _in_default_graph(store, _NEIGHBORS, e=node):
        other = EntityRef(s["other"].value, s["label"].value, s["type"].value[len(AIG_NS):])
        direction, p = s["dir"].value, s["p"].value
        key = (direction, p, other.iri)
        if key in seen:
            continue
        spo = (entity.iri, p, other.iri) if direction == "out" else (other.iri, p, entity.iri)
        fact, conf, sup = facts.get(spo, (None, None, None))
        seen[key] = Neighbor(direction, p[len(AIG_NS):], other, conf, sup, entity, 1, fact)
    return sorted(seen.values(), key=lambda n: (n.predicate, n.direction, n.other.name.casefold()))


def neighbors(store: Store, entity: EntityRef, depth: int = 1, types: tuple[str, ...] = (),
              relations: tuple[str, ...] = (), evidence: bool = False,
              keep: Callable[[Neighbor], bool] | None = None) -> list[Neighbor]:
    """The facts around an entity out to `depth` hops, each fact once, breadth first.

    `types` keeps facts whose far end has one of these types, `relations` facts with one of these
    predicates, `keep` (when given) the facts it says yes to (a time window: `query.timeline`); the
    walk only goes on through facts it keeps."""
    want_types = {entity_types(t) for t in types}
    want_rel = {relation_name(r) for r in relations}
    visited = {entity.iri}
    done: set[tuple[str, str, str]] = set()
    frontier, out = [entity], []
    for hop in range(1, depth + 1):
        reached: list[EntityRef] = []
        for src in frontier:
            for n in one_hop(store, src):
                if (want_rel and n.predicate not in want_rel) or (want_types and n.other.type not in want_types):
                    continue
                if keep is not None and not keep(n):
                    continue
                key = _fact_key(src.iri, n)
                if key in done:
                    continue
                done.add(key)
                out.append(replace(n, hop=hop))
                if n.other.iri not in visited:
                    visited.add(n.other.iri)
                    reached.append(n.other)
        frontier = sorted(reached, key=lambda e: e.name.casefold())
    if evidence:
        out = _with_evidence(store, out)
    return out


def _fact_key(src: str, n: Neighbor) -> tuple[str, str, str]:
    s, o = (src, n.other.iri) if n.direction == "out" else (n.other.iri, src)
    if n.predicate in SYMMETRIC and o < s:
        s, o = o, s
    return s, n.predicate, o


@dataclass(frozen=True)
class Source:
    """A sentence a fact was read from, where it is, and the amounts and dates it states."""

    document: str
    """The document's label (its file name)."""
    title: str | None
    """The document's title, when it has one."""
    sentence: int
    """Sentence number in the document."""
    start: int
    """Offset of the sentence's first character in the source file."""
    end: int
    """Offset just past its last character."""
    text: str
    """The sentence."""
    confidence: float | None
    """The extractor's confidence in this sentence's reading."""
    amount: str | None = None
    """An amount of money as written (`2500万美金`)."""
    amount_value: str | None = None
    """The amount normalised to a number."""
    currency: str | None = None
    """ISO 4217 code of the amount or valuation."""
    valuation: str | None = None
    """A valuation as written."""
    valuation_value: str | None = None
    """The valuation normalised to a number."""
    date: str | None = None
    """A date as written (`2024年10月`)."""
    date_value: str | None = None
    """The date normalised (`2024-10`)."""


_EVIDENCE_OF = """ aig:evidence ?ev .
    ?ev aig:inDocument ?d ; aig:sentenceText ?text ; aig:sentenceIndex ?idx ; aig:charStart ?start ; aig:charEnd ?end .
    OPTIONAL { ?d rdfs:label ?doc } OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?ev aig:confidence ?conf }
    OPTIONAL { ?ev aig:amountText ?amountText } OPTIONAL { ?ev aig:amount ?amount }
    OPTIONAL { ?ev aig:currency ?currency } OPTIONAL { ?ev aig:valuationText ?valText }
    OPTIONAL { ?ev aig:valuation ?valuation } OPTIONAL { ?ev aig:dateText ?dateText } OPTIONAL { ?ev aig:date ?date }"""

# the entity's patterns first in each branch (see _NEIGHBORS): one query for all its facts' sentences
_EVIDENCE = """
SELECT ?e ?f ?doc ?title ?idx ?start ?end ?text ?conf ?amountText ?amount ?currency ?valText ?valuation ?dateText ?date
WHERE {
  { ?f rdf:subject ?e ; %s }
  UNION
  { ?f rdf:object ?e ; %s }
}""" % (_EVIDENCE_OF, _EVIDENCE_OF)

_SOURCE_FIELDS = ("doc", "title", "idx", "start", "end", "text", "conf", "amountText", "amount", "currency",
                  "valText", "valuation", "dateText", "date")


def evidence_of(store: Store, entity: EntityRef) -> dict[str, tuple[Source, ...]]:
    """Fact IRI → the sentences stating it, by document and position, for every fact of an entity."""
    out: dict[str, set[Source]] = {}
    for s in run(store, _EVIDENCE, e=NamedNode(entity.iri)):
        v = {k: (s[k].value if s[k] is not None else None) for k in _SOURCE_FIELDS}
        out.setdefault(s["f"].value, set()).add(Source(
            v["doc"] or "", v["title"], int(v["idx"]), int(v["start"]), int(v["end"]), v["text"],
            float(v["conf"]) if v["conf"] is not None else None, v["amountText"], v["amount"], v["currency"],
            v["valText"], v["valuation"], v["dateText"], v["date"]))
    return {f: tuple(sorted(srcs, key=lambda x: (x.document, x.start, x.end))) for f, srcs in out.items()}


def _with_evidence(store: Store, found: list[Neighbor]) -> list[Neighbor]:
    by_source: dict[str, dict[str, tuple[Source, ...]]] = {}
    out = []
    for n in found:
        if n.fact and n.source is not None:
            if n.source.iri not in by_source:
                by_source[n.source.iri] = evidence_of(store, n.source)
            n = replace(n, evidence=by_source[n.source.iri].get(n.fact, ()))
        out.append(n)
    return out
