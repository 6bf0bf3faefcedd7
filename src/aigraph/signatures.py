"""Which entity types each relation may link, read from the ontology's domains and ranges."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, parse

from .model import ENTITY_TYPES, PREDICATES
from .prefixes import AIG, ontology_path

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_OWL = "http://www.w3.org/2002/07/owl#"


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
    """Predicate local name -> Signature, for every relation of model.PREDICATES."""
    triples = list(parse(ontology_path().read_bytes(), format=RdfFormat.TURTLE))
    out: dict[tuple, list] = {}
    for t in triples:
        out.setdefault((t.subject, t.predicate.value), []).append(t.object)

    def one(node, prop: str):
        vals = out.get((node, prop), [])
        return vals[0] if vals else None

    def members(node) -> list:
        items = []
        while node is not None and node != NamedNode(_RDF + "nil"):
            items.append(one(node, _RDF + "first"))
            node = one(node, _RDF + "rest")
        return items

    def types(node) -> frozenset[str]:
        if isinstance(node, BlankNode):
            return frozenset().union(*(types(m) for m in members(one(node, _OWL + "unionOf"))))
        local = node.value[len(AIG):] if isinstance(node, NamedNode) and node.value.startswith(AIG) else ""
        if local == "Entity":
            return frozenset(ENTITY_TYPES)
        if local not in ENTITY_TYPES:
            raise ValueError(f"ontology: {node} is not an entity class")
        return frozenset({local})

    sigs = {}
    for p in PREDICATES:
        node = NamedNode(AIG + p)
        same = one(node, AIG + "sameType")
        sigs[p] = Signature(types(one(node, _RDFS + "domain")), types(one(node, _RDFS + "range")),
                            isinstance(same, Literal) and same.value == "true")
    return sigs
