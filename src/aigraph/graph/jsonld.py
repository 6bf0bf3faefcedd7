"""JSON-LD in compacted form: an `@context` of the project's prefixes, compact IRIs, sorted, deterministic."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from aigraph.atomic import atomic_write
from aigraph.vocab import RDF, XSD_NS, prefixes

XSD_STRING = XSD_NS + "string"
_GEN_DELIMS = tuple(":/?#[]@")


def context() -> dict[str, str]:
    """Prefix → namespace, the same dict the Turtle is written with. JSON-LD 1.1 lets a simple term act
    as a prefix only when its IRI ends in a gen-delim (`#`, `/`, ...), so others are left out."""
    return {p: ns for p, ns in sorted(prefixes().items()) if p and p != "_" and ns.endswith(_GEN_DELIMS)}


class Compactor:
    """Writes IRIs as `prefix:local` with the longest namespace that matches."""

    def __init__(self, ctx: dict[str, str]) -> None:
        self._by_length = sorted(ctx.items(), key=lambda kv: -len(kv[1]))
        # one string per compacted IRI: a big graph names the same predicates, types and nodes
        # hundreds of thousands of times, and each copy would be kept in the document being built
        self._seen: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        got = self._seen.get(iri)
        if got is None:
            got = self._seen[iri] = self._compact(iri)
        return got

    def _compact(self, iri: str) -> str:
        for p, ns in self._by_length:
            local = iri[len(ns):]
            # `p://x` would read as an absolute IRI, not as prefix p
            if iri.startswith(ns) and not local.startswith("//"):
                return f"{p}:{local}"
        return iri

    def node(self, term) -> str:
        return f"_:{term.value}" if isinstance(term, BlankNode) else self.iri(term.value)

    def value(self, term) -> str | dict[str, str]:
        if not isinstance(term, Literal):
            return {"@id": self.node(term)}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value in (XSD_STRING, RDF.langString.value):
            return term.value
        return {"@value": term.value, "@type": self.iri(term.datatype.value)}


def _sort_key(v) -> tuple:
    return (0, v, "", "") if isinstance(v, str) else (1, v.get("@id") or v["@value"], v.get("@type", ""),
                                                      v.get("@language", ""))


def _node_objects(triples: Iterable, c: Compactor) -> dict[str, dict]:
    """Subject → its node object (`@id`, `@type`, properties; values sorted, single ones unwrapped)."""
    props: dict[str, dict[str, list]] = {}
    for s, p, o in triples:
        entry = props.setdefault(c.node(s), {})
        if p == RDF.type and isinstance(o, (NamedNode, BlankNode)):
            entry.setdefault("@type", []).append(c.node(o))
        else:
            entry.setdefault(c.iri(p.value), []).append(c.value(o))
    out: dict[str, dict] = {}
    for sid in sorted(props):
        node: dict = {"@id": sid}
        for key in sorted(props[sid], key=lambda k: (k != "@type", k)):
            values = sorted(props[sid][key], key=_sort_key)
            values = [v for i, v in enumerate(values) if i == 0 or v != values[i - 1]]
            node[key] = values[0] if len(values) == 1 else values
        out[sid] = node
    return out


def document(quads: Iterable) -> dict:
    """Quads (or triples, all in the default graph) as one compacted JSON-LD document: default-graph
    nodes and one `@graph` per named graph."""
    ctx = context()
    c = Compactor(ctx)
    by_graph: dict[str | None, list] = {}
    for q in quads:
        g = _graph_id(q, c)
        by_graph.setdefault(g, []).append((q.subject, q.predicate, q.object))
    nodes = _node_objects(by_graph.pop(None, []), c)
    for g in sorted(by_graph):
        # a named graph's own description (in the default graph) and its content share one node object
        nodes.setdefault(g, {"@id": g})["@graph"] = list(_node_objects(by_graph[g], c).values())
    return {"@context": ctx, "@graph": [nodes[k] for k in sorted(nodes)]}


def _graph_id(q, c: Compactor) -> str | None:
    name = getattr(q, "graph_name", None)
    return c.node(name) if isinstance(name, (NamedNode, BlankNode)) else None


def write_jsonld(quads: Sequence[Quad], path: Path) -> None:
    """The document of `document(quads)`, indented, written atomically, byte for byte as json.dump
    would write it, but one node object at a time: a long document's graph as one dict of dicts
    took several times the memory of its quads."""
    with atomic_write(path) as fh:
        for piece in stream(quads):
            fh.write(piece)


def stream(quads: Sequence[Quad]) -> Iterator[str]:
    """The text of `document(quads)` dumped with indent 1, in pieces of one node object each."""
    ctx = context()
    c = Compactor(ctx)
    # the top-level node, then its own properties (0) before its named graph's content (1), by
    # subject: the order in which the document's sorted node objects are written
    keys = []
    for i, q in enumerate(quads):
        g = _graph_id(q, c)
        s = c.node(q.subject)
        keys.append((s, 0, "", i) if g is None else (g, 1, s, i))
    keys.sort()
    yield '{\n "@context": ' + _indented(_dumps(ctx), 1).lstrip() + ',\n "@graph": ['
    sep = "\n"
    for top, own, graph in _groups(keys):
        node = _node_objects([_spo(quads[k]) for k in own], c).get(top, {"@id": top})
        if not graph:
            yield sep + _indented(_dumps(node), 2)
        else:
            yield sep + _indented(_dumps(node)[:-2] + ',\n "@graph": [', 2)
            inner_sep = "\n"
            for sid, part in graph:
                yield inner_sep + _indented(_dumps(_node_objects([_spo(quads[k]) for k in part], c)[sid]), 4)
                inner_sep = ",\n"
            yield "\n   ]\n  }"
        sep = ",\n"
    yield ("\n ]" if keys else "]") + "\n}\n"


def _groups(keys: list[tuple]) -> Iterator[tuple[str, list[int], list[tuple[str, list[int]]]]]:
    """Sorted keys as (top-level id, indices of its own quads, [(subject, indices)] of its graph)."""
    for top, run in itertools.groupby(keys, key=lambda k: k[0]):
        own: list[int] = []
        graph: list[tuple[str, list[int]]] = []
        for k in run:
            if k[1] == 0:
                own.append(k[3])
            elif graph and graph[-1][0] == k[2]:
                graph[-1][1].append(k[3])
            else:
                graph.append((k[2], [k[3]]))
        yield top, own, graph


def _spo(q) -> tuple:
    return q.subject, q.predicate, q.object


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1)


def _indented(text: str, depth: int) -> str:
    # json.dumps escapes the newlines of strings: every newline in its text is between two lines
    pad = " " * depth
    return "\n".join(pad + line for line in text.split("\n"))
