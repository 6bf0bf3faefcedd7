"""SHACL Core and SPARQL constraints checked natively: an index of the triples in Python, pyoxigraph for sh:sparql.

It evaluates the constraint components `ontology/shapes.ttl` uses (targets, nodeKind, pattern, counts,
datatype, lengths, class, in, or, qualified counts, ranges, lessThan, sh:sparql SELECT constraints) the
way SHACL defines them; `Unsupported` names anything else, so that the caller can use pyshacl instead.
The results are those pyshacl reports (a test compares the two on the seed graph and on broken graphs).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Store, Triple, Variable, parse

SH = "http://www.w3.org/ns/shacl#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = NamedNode(RDF_NS + "type")
SUBCLASS = NamedNode(RDFS_NS + "subClassOf")
LANGSTRING = RDF_NS + "langString"
NUMERIC = {XSD + t for t in ("decimal", "integer", "int", "long", "short", "byte", "double", "float",
                              "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
                              "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}

_SHAPE_KEYS = {"targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode", "property", "path", "message",
               "severity", "deactivated", "name", "description", "order", "group", "declare", "prefix", "namespace",
               "nodeKind", "pattern", "flags", "minCount", "maxCount", "datatype", "minLength", "maxLength", "class",
               "in", "or", "qualifiedValueShape", "qualifiedMaxCount", "qualifiedMinCount",
               "qualifiedValueShapesDisjoint", "minInclusive", "maxInclusive", "minExclusive", "maxExclusive",
               "lessThan", "sparql", "select", "prefixes"}


_RANGES = {"minInclusive": lambda a, b: a >= b, "maxInclusive": lambda a, b: a <= b,
           "minExclusive": lambda a, b: a > b, "maxExclusive": lambda a, b: a < b}
_ORDER = ("nodeKind", "pattern", "minCount", "maxCount", "datatype", "minLength", "maxLength", "class", "in", "or",
          "qualifiedValueShape", *_RANGES, "lessThan")


class Unsupported(Exception):
    """The shapes use a SHACL feature this checker does not evaluate."""


@dataclass(frozen=True)
class Result:
    """One validation result, as terms."""

    focus: object
    path: object | None
    value: object | None
    message: str
    severity: str
    shape: object


def sh(local: str) -> NamedNode:
    return NamedNode(SH + local)


class Index:
    """Triples by subject and predicate, and by predicate and object."""

    def __init__(self, triples: Iterable) -> None:
        """`triples`: Triples, or (subject, predicate, object) tuples of terms."""
        self.sp: dict = defaultdict(lambda: defaultdict(list))
        self.po: dict = defaultdict(lambda: defaultdict(list))
        for t in triples:
            s, p, o = t if isinstance(t, tuple) else (t.subject, t.predicate, t.object)
            self.sp[s][p].append(o)
            self.po[p][o].append(s)

    def objects(self, s, p) -> list:
        d = self.sp.get(s)
        return d.get(p, []) if d is not None else []

    def value(self, s, p):
        v = self.objects(s, p)
        return v[0] if v else None

    def subjects(self, p, o) -> list:
        d = self.po.get(p)
        return d.get(o, []) if d is not None else []

    def items(self, head) -> list:
        """An RDF list's members."""
        out = []
        while head is not None and head != NamedNode(RDF_NS + "nil"):
            out.append(self.value(head, NamedNode(RDF_NS + "first")))
            head = self.value(head, NamedNode(RDF_NS + "rest"))
        return out


class Checker:
    """The shapes graph, ready to check data graphs."""

    def __init__(self, shapes_ttl: bytes) -> None:
        self.shapes = Index(parse(shapes_ttl, format=RdfFormat.TURTLE))
        for s, preds in self.shapes.sp.items():
            for p in preds:
                if p.value.startswith(SH) and p.value[len(SH):] not in _SHAPE_KEYS:
                    raise Unsupported(f"{p.value[len(SH):]} (in {s})")
        targets = ("targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode")
        self.node_shapes = sorted({s for t in targets for subs in self.shapes.po.get(sh(t), {}).values()
                                   for s in subs}, key=str)
        self._plans: dict = {}
        self.owner = {ps: s for s in self.shapes.sp for ps in self.shapes.objects(s, sh("property"))}
        # each shape's parameters by local name, read once (a check looks them up for every node)
        self.params: dict = {s: {p.value[len(SH):]: objs for p, objs in preds.items() if p.value.startswith(SH)}
                             for s, preds in self.shapes.sp.items()}

    # -- running

    def check(self, data: Index, sparql_store: Store | None = None, focus: Iterable | None = None) -> list[Result]:
        """The results of every node shape at each of its targets in `data` (sh:sparql constraints run on
        `sparql_store`). With `focus`, a shape judges only the focus nodes among its targets, but for
        the shapes with sh:sparql constraints: those judge the whole of `data` from their targets (the
        classes and relations whose rule is broken), so they run at all of them."""
        self.data = data
        self.store = sparql_store
        self._classes: dict = {}
        only = set(focus) if focus is not None else None
        out: list[Result] = []
        try:
            for shape in self.node_shapes:
                if self.shapes.value(shape, sh("deactivated")) == Literal(True):
                    continue
                targets = self._targets(shape)
                if only is not None and not self.params.get(shape, {}).get("sparql"):
                    targets &= only
                for node in sorted(targets, key=str):
                    out += self._node(shape, node, shape)
        finally:
            # the checker is built once and kept: it must not keep the data it judged (a part of a
            # long document's graph) alive until the next check
            self.data, self.store, self._classes = Index(()), None, {}
        return out

    def _targets(self, shape) -> set:
        sg, d = self.shapes, self.data
        found = set(sg.objects(shape, sh("targetNode")))
        for c in sg.objects(shape, sh("targetClass")):
            for sub in self._subclasses(c):
                found.update(d.subjects(TYPE, sub))
        for p in sg.objects(shape, sh("targetSubjectsOf")):
            found.update(s for subs in d.po.get(p, {}).values() for s in subs)
        for p in sg.objects(shape, sh("targetObjectsOf")):
            found.update(d.po.get(p, {}).keys())
        return found

    def _subclasses(self, c) -> set:
        out, todo = {c}, [c]
        while todo:
            for sub in self.data.subjects(SUBCLASS, todo.pop()):
                if sub not in out:
                    out.add(sub)
                    todo.append(sub)
        return out

    def _has_class(self, node, c) -> bool:
        key = (node, c)
        if key not in self._classes:
            seen, todo, found = set(), list(self.data.objects(node, TYPE)), False
            while todo:
                t = todo.pop()
                if t == c:
                    found = True
                    break
                if t not in seen:
                    seen.add(t)
                    todo += self.data.objects(t, SUBCLASS)
            self._classes[key] = found
        return self._classes[key]

    def conforms(self, shape, node) -> bool:
        """Whether `node` conforms to `shape` (for sh:or and qualified value shapes)."""
        return not self._node(shape, node, shape, first=True)

    def _node(self, shape, focus, report_shape, first: bool = False) -> list[Result]:
        params = self.params.get(shape, {})
        out = self._constraints(shape, focus, None, [focus], report_shape, first)
        if first and out:
            return out
        for ps in params.get("property", ()):
            pp = self.params.get(ps, {})
            if pp.get("deactivated") == [Literal(True)]:
                continue
            path = pp.get("path", [None])[0]
            if not isinstance(path, NamedNode):
                raise Unsupported(f"a property path that is not one IRI ({path})")
            values = list(dict.fromkeys(self.data.objects(focus, path)))
            out += self._constraints(ps, focus, path, values, ps, first)
            if first and out:
                return out
        for query in params.get("sparql", ()):
            out += self._sparql(shape, query, focus)
            if first and out:
                return out
        return out

    def _plan(self, shape) -> list[tuple[str, object]]:
        """The shape's constraint parameters in checking order, read once: (name, value)."""
        plan = self._plans.get(shape)
        if plan is None:
            params = self.params.get(shape, {})
            plan = []
            for name in _ORDER:
                if name in params:
                    value = params[name] if name == "class" else params[name][0]
                    if name == "in":
                        value = frozenset(self.shapes.items(value))
                    elif name == "or":
                        value = self.shapes.items(value)
                    elif name == "pattern":
                        flags = params.get("flags", [None])[0]
                        value = (value, re.compile(value.value, re.I if flags is not None and "i" in flags.value else 0))
                    elif name == "qualifiedValueShape":
                        value = (value, params.get("qualifiedMaxCount", [None])[0],
                                 params.get("qualifiedMinCount", [None])[0])
                    plan.append((name, value))
            self._plans[shape] = plan
        return plan

    def _constraints(self, shape, focus, path, values: list, report_shape, first: bool) -> list[Result]:
        out: list[Result] = []

        def fail(value, default: str) -> None:
            out.append(self._result(shape, report_shape, focus, path, value, default))

        for name, p in self._plan(shape):
            if name == "nodeKind":
                kind = p.value[len(SH):]
                for v in values:
                    if not _kind_ok(v, kind):
                        fail(v, f"Value is not of node kind {kind}")
            elif name == "pattern":
                for v in values:
                    if isinstance(v, BlankNode) or not p[1].search(v.value):
                        fail(v, f"Value does not match pattern {p[0].value!r}")
            elif name == "minCount":
                if path is not None and len(values) < int(p.value):
                    fail(None, f"Fewer than {p.value} values")
            elif name == "maxCount":
                if path is not None and len(values) > int(p.value):
                    fail(None, f"More than {p.value} values")
            elif name == "datatype":
                for v in values:
                    if not (isinstance(v, Literal) and v.datatype == p and _well_formed(v)):
                        fail(v, f"Value is not a literal of datatype {p.value}")
            elif name in ("minLength", "maxLength"):
                n = int(p.value)
                for v in values:
                    if isinstance(v, BlankNode) or (len(v.value) < n if name == "minLength" else len(v.value) > n):
                        fail(v, f"Value breaks {name} {p.value}")
            elif name == "class":
                for c in p:
                    for v in values:
                        if not self._has_class(v, c):
                            fail(v, f"Value does not have class {c.value}")
            elif name == "in":
                for v in values:
                    if v not in p:
                        fail(v, "Value is not in the allowed list")
            elif name == "or":
                for v in values:
                    if not any(self.conforms(m, v) for m in p):
                        fail(v, "Value does not conform to any shape of sh:or")
            elif name == "qualifiedValueShape":
                q, mx, mn = p
                n = sum(1 for v in values if self.conforms(q, v))
                if mx is not None and n > int(mx.value):
                    fail(None, f"More than {mx.value} values conform to the qualified shape")
                if mn is not None and n < int(mn.value):
                    fail(None, f"Fewer than {mn.value} values conform to the qualified shape")
            elif name in _RANGES:
                b = _number(p)
                for v in values:
                    a = _number(v)
                    if a is None or b is None or not _RANGES[name](a, b):
                        fail(v, f"Value breaks {name} {p.value}")
            elif name == "lessThan":
                for v in values:
                    for w in self.data.objects(focus, p):
                        a, b = _number(v), _number(w)
                        if a is None or b is None or not a < b:
                            fail(v, f"Value is not less than {w.value}")
        return out

    def _sparql(self, shape, constraint, focus) -> list[Result]:
        if self.store is None:
            raise Unsupported("sh:sparql without a store to run it on")
        sg = self.shapes
        text = sg.value(constraint, sh("select")).value
        head = ""
        for decl_node in sg.objects(constraint, sh("prefixes")):
            for d in sg.objects(decl_node, sh("declare")):
                head += f"PREFIX {sg.value(d, sh('prefix')).value}: <{sg.value(d, sh('namespace')).value}>\n"
        query = head + text.replace("$this", "?this")
        message = sg.value(constraint, sh("message"))
        out = []
        result = self.store.query(query, substitutions={Variable("this"): focus}, use_default_graph_as_union=True)
        names = [v.value for v in result.variables]
        for row in result:
            binding = {n: row[n] for n in names if row[n] is not None}
            text_msg = message.value if message is not None else "A SPARQL constraint is broken"
            text_msg = re.sub(r"\{[?$](\w+)\}", lambda m, b=binding: _shown(b.get(m[1])), text_msg)
            out.append(Result(focus, binding.get("path"), binding.get("value"), text_msg,
                              self._severity(constraint, shape), shape))
        return out

    def _severity(self, shape, fallback) -> str:
        sev = self.shapes.value(shape, sh("severity")) or self.shapes.value(fallback, sh("severity"))
        return sev.value[len(SH):] if sev is not None else "Violation"

    def _result(self, shape, report_shape, focus, path, value, default: str) -> Result:
        message = self.shapes.value(shape, sh("message"))
        return Result(focus, path, value, message.value if message is not None else default,
                      self._severity(shape, report_shape), report_shape)


def _shown(term) -> str:
    if term is None:
        return ""
    return term.value if isinstance(term, (NamedNode, Literal)) else str(term)


def _kind_ok(v, kind: str) -> bool:
    iri, blank, lit = isinstance(v, NamedNode), isinstance(v, BlankNode), isinstance(v, Literal)
    return {"IRI": iri, "BlankNode": blank, "Literal": lit, "BlankNodeOrIRI": iri or blank,
            "IRIOrLiteral": iri or lit, "BlankNodeOrLiteral": blank or lit}.get(kind, False)


def _number(v) -> Decimal | None:
    if not isinstance(v, Literal) or v.datatype.value not in NUMERIC:
        return None
    try:
        return Decimal(v.value)
    except InvalidOperation:
        return None


_LEXICAL = {XSD + "integer": re.compile(r"[+-]?\d+"), XSD + "decimal": re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
            XSD + "date": re.compile(r"-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?"),
            XSD + "gYearMonth": re.compile(r"-?\d{4,}-\d{2}(Z|[+-]\d{2}:\d{2})?"),
            XSD + "gYear": re.compile(r"-?\d{4,}(Z|[+-]\d{2}:\d{2})?")}


def _well_formed(v: Literal) -> bool:
    rx = _LEXICAL.get(v.datatype.value)
    return rx is None or rx.fullmatch(v.value) is not None


def union_triples(quads: Iterable[Quad]) -> set[Triple]:
    return {Triple(q.subject, q.predicate, q.object) for q in quads}
