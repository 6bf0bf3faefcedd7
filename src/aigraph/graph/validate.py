"""SHACL validation of the graph against ontology/shapes.ttl: checked natively (`graph.shacl`), pyshacl the reference."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, Triple, parse, serialize

from aigraph.errors import AigraphError
from aigraph.vocab import compact, ontology_path

SHAPES = "shapes.ttl"
_IRI = re.compile(r"https?://[^\s<>\"{}|^`]+")


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result."""

    focus: str
    """The node that breaks the shape (compact IRI)."""
    path: str
    """The property concerned, if any."""
    value: str
    """The offending value, if any."""
    message: str
    """What is wrong."""
    severity: str
    """`Violation`, `Warning` or `Info`."""
    shape: str
    """The shape that reported it (a named shape of shapes.ttl, or the shape it belongs to)."""

    def line(self) -> str:
        """One line for a terminal."""
        where = " ".join(x for x in (self.focus, self.path, self.value) if x)
        return f"{self.severity}: {where}: {self.message}"


class InvalidGraph(AigraphError):
    """The graph breaks the shapes; nothing was written."""

    def __init__(self, violations: list[Violation]) -> None:
        self.violations = violations
        shown = "; ".join(v.line() for v in violations[:3]) + ("; ..." if len(violations) > 3 else "")
        head = f"The graph breaks {len(violations)} SHACL constraint(s), so nothing was written: {shown}. "
        super().__init__(head + "Build with validate=False to write it anyway; Graph.validate() lists every violation.",
                         head + "Build with --no-validate to write it anyway, then `aigraph validate` lists every "
                                "violation.")


def check(quads: Iterable[Quad]) -> None:
    """Raise InvalidGraph when the quads break a shape of severity Violation (see check_part: the
    same check, whatever part of a graph the quads are)."""
    check_part(quads)


def shapes_graph():
    """The shapes as an rdflib Graph."""
    import rdflib

    return rdflib.Graph().parse(data=ontology_path(SHAPES).read_text("utf-8"), format="turtle")


def check_part(quads: Iterable[Quad], focus: Iterable | None = None) -> None:
    """Raise InvalidGraph when part of a graph (the quads an update inserts, with the context the shapes
    need) breaks a shape of severity Violation; with `focus`, only those nodes are judged by the node
    and property shapes (the quads beside them are there to judge them by), while the whole-graph
    SPARQL constraints judge the part as a whole. Checked natively, as `validate_quads`."""
    quads = list(quads)
    found = _validate({(q.subject, q.predicate, q.object) for q in quads}, quads, focus)
    bad = [v for v in found if v.severity == "Violation"]
    if bad:
        raise InvalidGraph(bad)


def validate_triples(triples: Iterable[Triple]) -> list[Violation]:
    """Violations of the shapes by these triples (the union of the graph's named graphs), sorted; the
    ontology is read beside them, as pyshacl reads it (`pyshacl_violations`). Shapes the native checker
    cannot evaluate are left to pyshacl."""
    triples = set(triples)
    return _validate({(t.subject, t.predicate, t.object) for t in triples},
                     [Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples])


def _validate(spo: set[tuple], quads: list[Quad], focus: Iterable | None = None) -> list[Violation]:
    """Violations by the union of `quads`, whose distinct (subject, predicate, object) are `spo`; with
    `focus`, of those nodes (and of the whole-graph SPARQL constraints: see shacl.Checker.check)."""
    from aigraph.graph import shacl

    try:
        checker = _checker()
        store = Store()
        store.bulk_extend(quads)
        store.bulk_extend(_ontology_quads())
        onto = [(t.subject, t.predicate, t.object) for t in _ontology_triples()]
        results = checker.check(shacl.Index(list(spo) + onto), store, focus)
    except shacl.Unsupported:
        return pyshacl_violations({Triple(*t) for t in spo}, focus)
    return sorted((_violation(r) for r in results), key=lambda v: (v.focus, v.path, v.value, v.message))


@cache
def _checker():
    from aigraph.graph import shacl

    return shacl.Checker(ontology_path(SHAPES).read_bytes())


@cache
def _ontology_triples() -> list[Triple]:
    return list(parse(ontology_path().read_bytes(), format=RdfFormat.TURTLE))


@cache
def _ontology_quads() -> list[Quad]:
    return [Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in _ontology_triples()]


def _violation(r) -> Violation:
    shape = r.shape
    if isinstance(shape, BlankNode):  # a property shape: name the node shape it belongs to
        shape = _checker().owner.get(shape, shape)
    return Violation(_term(r.focus), _term(r.path), _term(r.value), _IRI.sub(lambda m: compact(m.group()), r.message),
                     r.severity, _term(shape).rsplit("#", 1)[-1] if shape is not None else "")


def _term(term) -> str:
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return compact(term.value)
    if isinstance(term, Literal):
        return term.value
    return "_:" + str(term.value)[:8]


def pyshacl_violations(triples: Iterable[Triple], focus: Iterable | None = None) -> list[Violation]:
    """The reference: violations as pyshacl finds them (an rdflib copy of the graph; seconds, not ms);
    with `focus`, of those nodes only (pyshacl's focus nodes: every shape judges only them)."""
    import pyshacl
    import rdflib

    # the ontology is part of the data (as in the store), so that shapes targeting its terms see them
    everything = set(triples) | set(_ontology_triples())
    data = rdflib.Graph().parse(data=serialize(everything, format=RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    shapes = shapes_graph()
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                    abort_on_first=False, allow_infos=True, allow_warnings=True,
                                    focus_nodes=[rdflib.URIRef(n.value) for n in focus] if focus else None)
    if not isinstance(report, rdflib.Graph):
        # pyshacl could not run a shape at all: a bug in shapes.ttl, not in the data
        raise AigraphError(f"{ontology_path(SHAPES)}: the shapes cannot be evaluated: {getattr(report, 'message', report)}")
    return sorted(_results(report, shapes, rdflib), key=lambda v: (v.focus, v.path, v.value, v.message))


def validate_quads(quads: Iterable[Quad]) -> list[Violation]:
    """Violations in a set of quads, read as the union of its graphs (as queries read it)."""
    quads = list(quads)
    return _validate({(q.subject, q.predicate, q.object) for q in quads}, quads)


def validate_store(store: Store) -> list[Violation]:
    """Violations in a built store."""
    return validate_quads(store)


def _results(report, shapes, rdflib) -> list[Violation]:
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    out = []
    for r in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        def get(p, r=r):
            v = report.value(r, p)
            return "" if v is None else _show(v, rdflib)

        shape = report.value(r, sh.sourceShape)
        # a property shape is a blank node: name the node shape it belongs to
        owner = next(iter(shapes.subjects(sh.property, shape)), None) if isinstance(shape, rdflib.BNode) else None
        message = _IRI.sub(lambda m: compact(m.group()), get(sh.resultMessage))
        out.append(Violation(get(sh.focusNode), get(sh.resultPath), get(sh.value), message,
                             get(sh.resultSeverity).rsplit("#", 1)[-1].rsplit(":", 1)[-1],
                             _show(owner if owner is not None else shape, rdflib).rsplit("#", 1)[-1] if shape is not None else ""))
    return out


def _show(term, rdflib) -> str:
    if isinstance(term, rdflib.URIRef):
        return compact(str(term))
    if isinstance(term, rdflib.Literal):
        return str(term)
    return "_:" + str(term)[:8]
