"""The graph stage: documents and linked facts as RDF quads, one named graph per document."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from aigraph.graph.conflicts import conflict_quads, conflicts
from aigraph.graph.funding import round_iri, round_quads, rounds
from aigraph.graph.iris import decimal, doc_iri, entity_iri, evidence_iri, fact_iri
from aigraph.ingest.docdate import date_datatype, document_date
from aigraph.model import Document, Evidence, Linked, Quantity
from aigraph.vocab import AIG, DCTERMS, RDF, RDFS, SKOS, XSD_NS


def _lit(value: str | int | float, datatype: str | None = None, lang: str | None = None) -> Literal:
    if lang:
        return Literal(str(value), language=lang)
    if datatype:
        return Literal(str(value), datatype=NamedNode(XSD_NS + datatype))
    return Literal(str(value))


def _lang(text: str) -> str:
    return "en" if text.isascii() else "zh"


def document_quads(doc: Document, linked: Linked) -> list[Quad]:
    """The named graph of one document: what only this document says (its metadata, the entities
    it names, its evidence sentences). Global facts live in the default graph, so that querying
    the union of all graphs gives each triple once."""
    g = doc_iri(doc)
    out: list[Quad] = []

    def add(s, p, o) -> None:
        out.append(Quad(s, p, o, g))

    add(g, RDF.type, AIG.Document)
    add(g, RDFS.label, _lit(doc.id))
    add(g, AIG.sourcePath, _lit(doc.id))
    add(g, AIG.sha256, _lit(doc.sha256))
    add(g, AIG.encoding, _lit(doc.encoding))
    if doc.title:
        add(g, DCTERMS.title, _lit(doc.title))
    date = document_date(doc)
    if date:
        add(g, DCTERMS.date, _lit(date, date_datatype(date)))
    out.extend(Quad(s, p, o, g) for s, p, o in about_triples(doc, g))
    for name in sorted({name for name, doc_id, _ in linked.mentions if doc_id == doc.id}):
        add(entity_iri(name), AIG.mentionedIn, g)
    for ev in linked.evidence:
        if ev.sentence.doc_id == doc.id:
            out.extend(Quad(s, p, o, g) for s, p, o in evidence_triples(ev, g))
    return out


def about_triples(doc: Document, node: NamedNode) -> list[tuple]:
    """What the document says about itself, as Dublin Core: author, publication time, source URL."""
    out: list[tuple] = []
    if doc.creator:
        out.append((node, DCTERMS.creator, _lit(doc.creator)))
    if doc.issued:
        # a time as stated (no zone given: the publisher's local time), else the date at its precision
        out.append((node, DCTERMS.issued, _lit(doc.issued + ":00", "dateTime") if "T" in doc.issued
                    else _lit(doc.issued, date_datatype(doc.issued))))
    if doc.source:
        try:
            out.append((node, DCTERMS.source, NamedNode(doc.source)))
        except ValueError:  # not an IRI as RDF takes it (spaces, brackets): kept as text
            out.append((node, DCTERMS.source, _lit(doc.source)))
    return out


def evidence_triples(ev: Evidence, graph: NamedNode) -> list[tuple]:
    """The evidence sentence of a fact: document, offsets, text, confidence, amounts and dates."""
    f, sent = ev.fact, ev.sentence
    fact = fact_iri(f.subject, f.predicate, f.object)
    evn = evidence_iri(ev, graph)
    triples = [
        (fact, AIG.evidence, evn),
        (evn, RDF.type, AIG.Evidence),
        (evn, AIG.inDocument, graph),
        (evn, AIG.sentenceText, _lit(sent.text)),
        (evn, AIG.sentenceIndex, _lit(sent.index, "integer")),
        (evn, AIG.charStart, _lit(sent.start, "integer")),
        (evn, AIG.charEnd, _lit(sent.end, "integer")),
        (evn, AIG.confidence, decimal(round(f.confidence, 3))),
    ]
    triples += _quantity_triples(evn, f.amount, AIG.amount, AIG.amountText, AIG.currency)
    triples += _quantity_triples(evn, f.valuation, AIG.valuation, AIG.valuationText, AIG.valuationCurrency)
    if f.date:
        triples.append((evn, AIG.dateText, _lit(f.date.text)))
        if f.date.value:
            triples.append((evn, AIG.date, _lit(f.date.value)))
    if f.round:
        triples.append((evn, AIG.roundName, _lit(f.round)))
    if f.context:
        triples.append((evn, AIG.contextText, _lit(f.context)))
    return triples


def _quantity_triples(node: NamedNode, q: Quantity | None, value_term: NamedNode, text_term: NamedNode,
                      unit_term: NamedNode) -> list[tuple]:
    if not q:
        return []
    out = [(node, text_term, _lit(q.text))]
    if q.value is not None:
        out.append((node, value_term, decimal(q.value)))
    if q.unit:
        out.append((node, unit_term, _lit(q.unit)))
    return out


def summary_quads(linked: Linked, dates: dict[str, str] | None = None) -> list[Quad]:
    """The default graph: each entity with its type, canonical label and aliases; each fact as a
    plain triple and as a reified statement with its best confidence and its support count. With the
    documents' `dates` (document id -> ISO date), entities and facts also get when they were first and
    last stated, and facts the dates their sentences say they happened."""
    g = DefaultGraph()
    dates = dates or {}
    out: list[Quad] = []
    named: dict[str, set[str]] = defaultdict(set)
    for name, doc_id, _ in linked.mentions:
        if doc_id in dates:
            named[name].add(dates[doc_id])
    for e in linked.entities:
        node = entity_iri(e.name)
        out.append(Quad(node, RDF.type, AIG.term(e.type), g))
        out.append(Quad(node, RDFS.label, _lit(e.name, lang=_lang(e.name)), g))
        out.extend(Quad(node, SKOS.altLabel, _lit(a, lang=_lang(a)), g) for a in sorted(e.aliases))
        out.extend(Quad(s, p, o, g) for s, p, o in stated_triples(node, named.get(e.name, ())))
        if e.definition:
            out.append(Quad(node, SKOS.definition, _lit(e.definition, lang="en"), g))
        if e.broader:
            out.append(Quad(node, SKOS.broader, entity_iri(e.broader), g))
    support: dict[tuple[str, str, str], set] = defaultdict(set)
    conf: dict[tuple[str, str, str], float] = defaultdict(float)
    said: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    happened: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for ev in linked.evidence:
        key = (ev.fact.subject, ev.fact.predicate, ev.fact.object)
        support[key].add((ev.sentence.doc_id, ev.sentence.index))
        conf[key] = max(conf[key], ev.fact.confidence)
        if ev.sentence.doc_id in dates:
            said[key].add(dates[ev.sentence.doc_id])
        if ev.fact.date and ev.fact.date.value:
            happened[key].add(ev.fact.date.value)
    for key in sorted(support):
        s, p, o = entity_iri(key[0]), AIG.term(key[1]), entity_iri(key[2])
        fact = fact_iri(*key)
        out += [
            Quad(s, p, o, g),
            Quad(fact, RDF.type, AIG.Fact, g),
            Quad(fact, RDF.subject, s, g),
            Quad(fact, RDF.predicate, p, g),
            Quad(fact, RDF.object, o, g),
            Quad(fact, AIG.supportCount, _lit(len(support[key]), "integer"), g),
            Quad(fact, AIG.confidence, decimal(round(conf[key], 3)), g),
        ]
        out.extend(Quad(s_, p_, o_, g) for s_, p_, o_ in stated_triples(fact, said.get(key, ())))
        out.extend(Quad(fact, AIG.eventDate, _lit(d), g) for d in sorted(happened.get(key, ())))
    return out


def stated_triples(node: NamedNode, dates) -> list[tuple]:
    """When a node was first and last stated: the earliest and latest of its documents' dates."""
    if not dates:
        return []
    first, last = min(dates), max(dates)
    return [(node, AIG.firstStated, _lit(first, date_datatype(first))),
            (node, AIG.lastStated, _lit(last, date_datatype(last)))]


def document_dates(docs: Sequence[Document]) -> dict[str, str]:
    """Document id -> the document's date (ISO, at the precision it gives), for the dated ones."""
    return {d.id: date for d in docs if (date := document_date(d))}


def funding_quads(docs: Sequence[Document], linked: Linked) -> list[Quad]:
    """Funding rounds in the default graph, each linked to its evidence in the document's graph, with
    when it was first and last stated; then the conflicts among rounds and developers."""
    graphs = {d.id: doc_iri(d) for d in docs}
    dates = document_dates(docs)
    out: list[Quad] = []
    found = rounds(linked.evidence)
    for r in found:
        out.extend(round_quads(r))
        node = round_iri(r)
        said = {dates[ev.sentence.doc_id] for ev in r.evidence if ev.sentence.doc_id in dates}
        out.extend(Quad(s, p, o, DefaultGraph()) for s, p, o in stated_triples(node, said))
        for ev in r.evidence:
            g = graphs[ev.sentence.doc_id]
            out.append(Quad(node, AIG.evidence, evidence_iri(ev, g), g))
    for c in conflicts(found, linked):
        out.extend(conflict_quads(c))
    return out


def build_quads(docs: Sequence[Document], linked: Linked) -> list[Quad]:
    """All quads of the graph: one named graph per document plus the default summary graph."""
    quads: list[Quad] = []
    for doc in docs:
        quads.extend(document_quads(doc, linked))
    quads.extend(summary_quads(linked, document_dates(docs)))
    quads.extend(funding_quads(docs, linked))
    return sorted(set(quads), key=_quad_key)


def _quad_key(q: Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def triples_of(quads: Iterable[Quad]):
    """The union of all graphs as sorted, distinct triples (for the Turtle export)."""
    from pyoxigraph import Triple

    seen = {Triple(q.subject, q.predicate, q.object) for q in quads}
    return sorted(seen, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
