"""The graph stage: documents and linked facts as RDF quads, one named graph per document."""

from __future__ import annotations

import hashlib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from .docdate import date_datatype, document_date
from .funding import round_iri, round_quads, rounds
from .model import SYMMETRIC, Document, Evidence, Linked, Quantity
from .prefixes import AIG, DOC, ENT, FACT

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_ALT = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
ONTOLOGY_GRAPH = NamedNode("https://aigraph.dev/ontology")

# characters an IRI may carry unescaped besides letters and digits (RFC 3987 iunreserved and sub-delims)
_SAFE = set("-._~!$&'()*+,;=:@")


def slug(name: str) -> str:
    """A readable, valid IRI path segment for any name: letters and digits of any script kept,
    spaces as '_', everything else percent-encoded (so `<>"{}|\\^` and controls never leak)."""
    name = unicodedata.normalize("NFC", name.strip())
    out = []
    for c in name:
        if c == " ":
            out.append("_")
        elif c == "_":
            out.append("%5F")  # so that "a b" and "a_b" stay apart
        elif c.isascii() and (c.isalnum() or c in _SAFE):
            out.append(c)
        elif not c.isascii() and (c.isalnum() or unicodedata.category(c)[0] in "LNM") and not _bidi_or_private(c):
            out.append(c)
        else:
            # surrogatepass: a lone surrogate (from a JSON escape) is still encoded, never an error
            out.append("".join(f"%{b:02X}" for b in c.encode("utf-8", "surrogatepass")))
    s = "".join(out)
    if s in (".", ".."):
        s = s.replace(".", "%2E")  # a dot segment would be resolved away when the IRI is parsed
    if len(s) > 200:
        # very long names keep a readable head and a hash of the whole
        s = s[:150] + "~" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return s or "_"


def _bidi_or_private(c: str) -> bool:
    return unicodedata.category(c) in ("Cf", "Co", "Cs", "Cn") or unicodedata.bidirectional(c) in ("RLE", "LRE", "RLO", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI")


def entity_iri(name: str) -> NamedNode:
    """The entity's IRI: the same canonical name gives the same IRI on every build."""
    return NamedNode(ENT + slug(name))


def doc_iri(doc: Document) -> NamedNode:
    """The document's IRI, also the name of its graph: keyed by the content hash."""
    return NamedNode(DOC + doc.sha256[:16])


def fact_iri(s: str, p: str, o: str) -> NamedNode:
    """One node per distinct fact (symmetric facts in a fixed order)."""
    if p in SYMMETRIC and o < s:
        s, o = o, s
    digest = hashlib.sha256(f"{s}\x1f{p}\x1f{o}".encode()).hexdigest()[:16]
    return NamedNode(f"{FACT}{digest}")


def _lit(value: str | int | float, datatype: str | None = None, lang: str | None = None) -> Literal:
    if lang:
        return Literal(str(value), language=lang)
    if datatype:
        return Literal(str(value), datatype=NamedNode(XSD + datatype))
    return Literal(str(value))


def decimal(value: str | float) -> Literal:
    """An xsd:decimal in canonical form (`0.9`, `1`, `25000000`): the form the store keeps, so that the
    exports written from the quads and the store agree literally."""
    d = Decimal(str(value)).normalize()
    s = format(d, "f")
    return Literal(s.rstrip("0").rstrip(".") if "." in s else s, datatype=NamedNode(XSD + "decimal"))


def _lang(text: str) -> str:
    return "en" if text.isascii() else "zh"


def _term(local: str) -> NamedNode:
    return NamedNode(AIG + local)


def document_quads(doc: Document, linked: Linked) -> list[Quad]:
    """The named graph of one document: what only this document says (its metadata, the entities
    it names, its evidence sentences). Global facts live in the default graph, so that querying
    the union of all graphs gives each triple once."""
    g = doc_iri(doc)
    out: list[Quad] = []

    def add(s, p, o) -> None:
        out.append(Quad(s, p, o, g))

    add(g, RDF_TYPE, _term("Document"))
    add(g, RDFS_LABEL, _lit(doc.id))
    add(g, _term("sourcePath"), _lit(doc.id))
    add(g, _term("sha256"), _lit(doc.sha256))
    add(g, _term("encoding"), _lit(doc.encoding))
    if doc.title:
        add(g, NamedNode(DCT + "title"), _lit(doc.title))
    date = document_date(doc)
    if date:
        add(g, NamedNode(DCT + "date"), _lit(date, date_datatype(date)))
    for name in sorted({name for name, doc_id, _ in linked.mentions if doc_id == doc.id}):
        add(entity_iri(name), _term("mentionedIn"), g)
    for ev in linked.evidence:
        if ev.sentence.doc_id == doc.id:
            out.extend(Quad(s, p, o, g) for s, p, o in evidence_triples(ev, g))
    return out


def evidence_iri(ev: Evidence, graph: NamedNode) -> NamedNode:
    """The evidence node of one fact in one sentence."""
    f = ev.fact
    return NamedNode(f"{fact_iri(f.subject, f.predicate, f.object).value}/{graph.value.rsplit('/', 1)[-1]}-{ev.sentence.index}")


def evidence_triples(ev: Evidence, graph: NamedNode) -> list[tuple]:
    """The evidence sentence of a fact: document, offsets, text, confidence, amounts and dates."""
    f, sent = ev.fact, ev.sentence
    fact = fact_iri(f.subject, f.predicate, f.object)
    evn = evidence_iri(ev, graph)
    triples = [
        (fact, _term("evidence"), evn),
        (evn, RDF_TYPE, _term("Evidence")),
        (evn, _term("inDocument"), graph),
        (evn, _term("sentenceText"), _lit(sent.text)),
        (evn, _term("sentenceIndex"), _lit(sent.index, "integer")),
        (evn, _term("charStart"), _lit(sent.start, "integer")),
        (evn, _term("charEnd"), _lit(sent.end, "integer")),
        (evn, _term("confidence"), decimal(round(f.confidence, 3))),
    ]
    triples += _quantity_triples(evn, f.amount, "amount", "amountText", "currency")
    triples += _quantity_triples(evn, f.valuation, "valuation", "valuationText", "valuationCurrency")
    if f.date:
        triples.append((evn, _term("dateText"), _lit(f.date.text)))
        if f.date.value:
            triples.append((evn, _term("date"), _lit(f.date.value)))
    return triples


def _quantity_triples(node: NamedNode, q: Quantity | None, value_term: str, text_term: str,
                      unit_term: str) -> list[tuple]:
    if not q:
        return []
    out = [(node, _term(text_term), _lit(q.text))]
    if q.value is not None:
        out.append((node, _term(value_term), decimal(q.value)))
    if q.unit:
        out.append((node, _term(unit_term), _lit(q.unit)))
    return out


def summary_quads(linked: Linked) -> list[Quad]:
    """The default graph: each entity with its type, canonical label and aliases; each fact as a
    plain triple and as a reified statement with its best confidence and its support count."""
    g = DefaultGraph()
    out: list[Quad] = []
    for e in linked.entities:
        node = entity_iri(e.name)
        out.append(Quad(node, RDF_TYPE, _term(e.type), g))
        out.append(Quad(node, RDFS_LABEL, _lit(e.name, lang=_lang(e.name)), g))
        out.extend(Quad(node, SKOS_ALT, _lit(a, lang=_lang(a)), g) for a in sorted(e.aliases))
    support: dict[tuple[str, str, str], set] = defaultdict(set)
    conf: dict[tuple[str, str, str], float] = defaultdict(float)
    for ev in linked.evidence:
        key = (ev.fact.subject, ev.fact.predicate, ev.fact.object)
        support[key].add((ev.sentence.doc_id, ev.sentence.index))
        conf[key] = max(conf[key], ev.fact.confidence)
    for key in sorted(support):
        s, p, o = entity_iri(key[0]), _term(key[1]), entity_iri(key[2])
        fact = fact_iri(*key)
        out += [
            Quad(s, p, o, g),
            Quad(fact, RDF_TYPE, _term("Fact"), g),
            Quad(fact, NamedNode(RDF + "subject"), s, g),
            Quad(fact, NamedNode(RDF + "predicate"), p, g),
            Quad(fact, NamedNode(RDF + "object"), o, g),
            Quad(fact, _term("supportCount"), _lit(len(support[key]), "integer"), g),
            Quad(fact, _term("confidence"), decimal(round(conf[key], 3)), g),
        ]
    return out


def funding_quads(docs: Sequence[Document], linked: Linked) -> list[Quad]:
    """Funding rounds in the default graph, each linked to its evidence in the document's graph."""
    graphs = {d.id: doc_iri(d) for d in docs}
    out: list[Quad] = []
    for r in rounds(linked.evidence):
        out.extend(round_quads(r, entity_iri, decimal))
        node = round_iri(r)
        for ev in r.evidence:
            g = graphs[ev.sentence.doc_id]
            out.append(Quad(node, _term("evidence"), evidence_iri(ev, g), g))
    return out


def build_quads(docs: Sequence[Document], linked: Linked) -> list[Quad]:
    """All quads of the graph: one named graph per document plus the default summary graph."""
    quads: list[Quad] = []
    for doc in docs:
        quads.extend(document_quads(doc, linked))
    quads.extend(summary_quads(linked))
    quads.extend(funding_quads(docs, linked))
    return sorted(set(quads), key=_quad_key)


def _quad_key(q: Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def triples_of(quads: Iterable[Quad]):
    """The union of all graphs as sorted, distinct triples (for the Turtle export)."""
    from pyoxigraph import Triple

    seen = {Triple(q.subject, q.predicate, q.object) for q in quads}
    return sorted(seen, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
