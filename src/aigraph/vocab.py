"""The ontology as data: prefixes, entity types, relations and their signatures, closed namespaces."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, parse

_PREFIX = re.compile(r"^@prefix\s+([A-Za-z][\w-]*)?:\s*<([^>]*)>\s*\.", re.M)


def ontology_path(name: str = "aigraph.ttl") -> Path:
    """Path of a file in the packaged ontology folder."""
    # beside this module, not through importlib.resources (whose zip support costs lookups ~7 ms at start)
    return Path(__file__).with_name("ontology") / name


@cache
def prefixes() -> dict[str, str]:
    """Prefix -> namespace IRI, exactly as the ontology declares them: the one dict every writer binds."""
    return {m[1] or "": m[2] for m in _PREFIX.finditer(ontology_path().read_text("utf-8"))}


def compact(iri: str) -> str:
    """Shorten an IRI with the longest matching prefix (`aig:developedBy`)."""
    best = ""
    for p, ns in prefixes().items():
        if iri.startswith(ns) and len(ns) > len(prefixes().get(best, "")):
            best = p
    if best:
        return f"{best}:{iri[len(prefixes()[best]):]}"
    return iri


AIG_NS = prefixes()["aig"]
"""The ontology's namespace IRI."""
ENT = prefixes()["ent"]
"""Namespace of entity IRIs."""
DOC = prefixes()["doc"]
"""Namespace of document IRIs (each also the name of the document's graph)."""
FACT = prefixes()["fact"]
"""Namespace of fact, evidence and funding-round IRIs."""


class _Closed(type):
    """Metaclass of a closed namespace: declared terms become NamedNodes, any other name raises."""

    def __new__(mcs, name: str, bases: tuple, ns: dict):
        cls = super().__new__(mcs, name, bases, ns)
        base = ns.get("_NS", "")
        cls._terms = {t: NamedNode(base + t) for t in ns.get("__annotations__", {})}
        for t, node in cls._terms.items():
            setattr(cls, t, node)
        return cls

    def __getattr__(cls, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        raise AttributeError(f"{cls._prefix}:{name} is not a declared term (see {cls._source})")

    def term(cls, local: str) -> NamedNode:
        """A term by its local name given as data (`AIG.term("developedBy")`); undeclared names raise."""
        try:
            return cls._terms[local]
        except KeyError:
            raise AttributeError(f"{cls._prefix}:{local} is not a declared term (see {cls._source})") from None

    def __contains__(cls, local: str) -> bool:
        return local in cls._terms

    def __iter__(cls):
        return iter(cls._terms)


class AIG(metaclass=_Closed):
    """Classes and properties of ontology/aigraph.ttl (a test checks the two lists agree)."""

    _NS = AIG_NS
    _prefix = "aig"
    _source = "ontology/aigraph.ttl"

    Entity: NamedNode
    Company: NamedNode
    Investor: NamedNode
    Model: NamedNode
    Chip: NamedNode
    Product: NamedNode
    Person: NamedNode
    Trend: NamedNode

    developedBy: NamedNode
    trainedOn: NamedNode
    usesChip: NamedNode
    investedIn: NamedNode
    partnerOf: NamedNode
    acquired: NamedNode
    competesWith: NamedNode
    basedOn: NamedNode
    founderOf: NamedNode
    leads: NamedNode
    relatedTo: NamedNode
    sameType: NamedNode

    Document: NamedNode
    Evidence: NamedNode
    Fact: NamedNode
    FundingRound: NamedNode
    evidence: NamedNode
    inDocument: NamedNode
    mentionedIn: NamedNode
    investor: NamedNode
    investee: NamedNode
    sentenceText: NamedNode
    sentenceIndex: NamedNode
    charStart: NamedNode
    charEnd: NamedNode
    confidence: NamedNode
    supportCount: NamedNode
    amount: NamedNode
    amountText: NamedNode
    currency: NamedNode
    valuation: NamedNode
    valuationText: NamedNode
    valuationCurrency: NamedNode
    date: NamedNode
    dateText: NamedNode
    contextText: NamedNode
    sha256: NamedNode
    encoding: NamedNode
    sourcePath: NamedNode
    firstStated: NamedNode
    lastStated: NamedNode
    eventDate: NamedNode
    roundName: NamedNode
    Conflict: NamedNode
    conflictAbout: NamedNode
    conflictOn: NamedNode
    claim: NamedNode


class RDF(metaclass=_Closed):
    """The RDF terms the graph writes and reads."""

    _NS = prefixes()["rdf"]
    _prefix = "rdf"
    _source = "the RDF vocabulary"

    type: NamedNode
    subject: NamedNode
    predicate: NamedNode
    object: NamedNode
    first: NamedNode
    rest: NamedNode
    nil: NamedNode
    langString: NamedNode


class RDFS(metaclass=_Closed):
    """The RDFS terms the graph writes and reads."""

    _NS = prefixes()["rdfs"]
    _prefix = "rdfs"
    _source = "the RDFS vocabulary"

    label: NamedNode
    domain: NamedNode
    range: NamedNode
    subClassOf: NamedNode


class SKOS(metaclass=_Closed):
    """The SKOS terms the graph writes."""

    _NS = prefixes()["skos"]
    _prefix = "skos"
    _source = "the SKOS vocabulary"

    altLabel: NamedNode
    definition: NamedNode
    broader: NamedNode


class DCTERMS(metaclass=_Closed):
    """The Dublin Core terms documents carry."""

    _NS = prefixes()["dcterms"]
    _prefix = "dcterms"
    _source = "Dublin Core"

    title: NamedNode
    date: NamedNode
    creator: NamedNode
    issued: NamedNode
    source: NamedNode


class OWL(metaclass=_Closed):
    """The OWL terms the ontology is read with."""

    _NS = prefixes()["owl"]
    _prefix = "owl"
    _source = "the OWL vocabulary"

    Class: NamedNode
    ObjectProperty: NamedNode
    SymmetricProperty: NamedNode
    unionOf: NamedNode


XSD_NS = prefixes()["xsd"]
"""Namespace of the XML Schema datatypes."""


# ---------------------------------------------------------------- entity types and relations, from the Turtle

@cache
def _ontology() -> dict[tuple, list]:
    """(subject, predicate IRI) -> objects, in the Turtle's order."""
    out: dict[tuple, list] = {}
    for t in parse(ontology_path().read_bytes(), format=RdfFormat.TURTLE):
        out.setdefault((t.subject, t.predicate.value), []).append(t.object)
    return out


def _local(node) -> str:
    return node.value[len(AIG_NS):] if isinstance(node, NamedNode) and node.value.startswith(AIG_NS) else ""


def _entity_types() -> tuple[str, ...]:
    """The direct subclasses of aig:Entity, in the order the Turtle declares them."""
    return tuple(_local(s) for (s, p), objs in _ontology().items()
                 if p == RDFS.subClassOf.value and AIG.Entity in objs and _local(s))


def _predicates() -> tuple[str, ...]:
    """Object properties whose domain and range are entity types, in the Turtle's order."""
    out = []
    for (s, p), objs in _ontology().items():
        if p == RDF.type.value and OWL.ObjectProperty in objs and _local(s):
            try:
                _types(_one(s, RDFS.domain)), _types(_one(s, RDFS.range))
            except ValueError:
                continue  # a provenance property (evidence, inDocument, investor): not a relation between entities
            out.append(_local(s))
    return tuple(out)


def _one(node, prop: NamedNode):
    vals = _ontology().get((node, prop.value), [])
    return vals[0] if vals else None


def _types(node) -> frozenset[str]:
    if isinstance(node, BlankNode):
        members, item = [], _one(node, OWL.unionOf)
        while item is not None and item != RDF.nil:
            members.append(_one(item, RDF.first))
            item = _one(item, RDF.rest)
        return frozenset().union(*(_types(m) for m in members))
    local = _local(node)
    if local == "Entity":
        return frozenset(ENTITY_TYPES)
    if local not in ENTITY_TYPES:
        raise ValueError(f"ontology: {node} is not an entity class")
    return frozenset({local})


ENTITY_TYPES: tuple[str, ...] = _entity_types()
"""The seven entity types, as the ontology declares them."""
PREDICATES: tuple[str, ...] = _predicates()
"""The relations between entities, as the ontology declares them."""
SYMMETRIC: frozenset[str] = frozenset(
    _local(s) for (s, p), objs in _ontology().items() if p == RDF.type.value and OWL.SymmetricProperty in objs)
"""Relations that hold both ways (owl:SymmetricProperty)."""


@dataclass(frozen=True)
class Signature:
    """The entity types a relation accepts at each end."""

    domain: frozenset[str]
    """Types its subject may have."""
    range: frozenset[str]
    """Types its object may have."""
    same_type: bool = False
    """Both ends must have the same type (`aig:sameType true`)."""

    def accepts(self, subject_type: str, object_type: str) -> bool:
        """Whether a fact between entities of these types fits the relation."""
        if subject_type not in self.domain or object_type not in self.range:
            return False
        return subject_type == object_type or not self.same_type


@cache
def signatures() -> dict[str, Signature]:
    """Predicate local name -> Signature, for every relation of PREDICATES: the ontology's domains and
    ranges, the only statement of which types a relation links."""
    sigs = {}
    for p in PREDICATES:
        node = AIG.term(p)
        same = _one(node, AIG.sameType)
        sigs[p] = Signature(_types(_one(node, RDFS.domain)), _types(_one(node, RDFS.range)),
                            isinstance(same, Literal) and same.value == "true")
    return sigs
