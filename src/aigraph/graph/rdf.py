"""The graph stage: documents and linked facts as RDF quads, one named graph per document."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from aigraph.graph.conflicts import conflict_quads, conflicts
from aigraph.graph.funding import Round, round_iri, round_quads, rounds
from aigraph.graph.iris import decimal, doc_iri, entity_iri, evidence_iri, fact_iri
from aigraph.ingest.docdate import date_datatype, document_date
from aigraph.model import Document, Entity, Evidence, Linked, Quantity
from aigraph.vocab import AIG, DCTERMS, RDF, RDFS, SKOS, XSD_NS


def _lit(value: str | int | float, datatype: str | None = None, lang: str | None = None) -> Literal:
    if lang:
        return Literal(str(value), language=lang)
    if datatype:
        return Literal(str(value), datatype=NamedNode(XSD_NS + datatype))
    return Literal(str(value))


def _lang(text: str) -> str:
    return "en" if text.isascii() else "zh"


def document_quads(doc: Document, linked: Linked, grouped: dict | None = None) -> list[Quad]:
    """The named graph of one document: what only this document says (its metadata, the entities
    it names, its evidence sentences). Global facts live in the default graph, so that querying
    the union of all graphs gives each triple once. `grouped` is `by_document(linked)`, for callers
    that graph many documents."""
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
    names, evidence = (grouped if grouped is not None else by_document(linked)).get(doc.id, ((), ()))
    for name in sorted(set(names)):
        add(entity_iri(name), AIG.mentionedIn, g)
    for ev in evidence:
        out.extend(Quad(s, p, o, g) for s, p, o in evidence_triples(ev, g))
    return out


def by_document(linked: Linked) -> dict[str, tuple[list[str], list[Evidence]]]:
    """The mentioned names and the evidence of each document, grouped in one pass."""
    groups: dict[str, tuple[list[str], list[Evidence]]] = defaultdict(lambda: ([], []))
    for name, doc_id, _ in linked.mentions:
        groups[doc_id][0].append(name)
    for ev in linked.evidence:
        groups[ev.sentence.doc_id][1].append(ev)
    return dict(groups)


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


Triple3 = tuple[str, str, str]


def summary_quads(linked: Linked, dates: Mapping[str, str] | None = None) -> list[Quad]:
    """The default graph: each entity with its type, canonical label and aliases; each fact as a
    plain triple and as a reified statement with its best confidence and its support count. With the
    documents' `dates` (document id -> ISO date), entities and facts also get when they were first and
    last stated, and facts the dates their sentences say they happened."""
    dates = dates or {}
    named: dict[str, set[str]] = defaultdict(set)
    for name, doc_id, _ in linked.mentions:
        if doc_id in dates:
            named[name].add(dates[doc_id])
    support: dict[Triple3, set] = defaultdict(set)
    conf: dict[Triple3, float] = defaultdict(float)
    said: dict[Triple3, set[str]] = defaultdict(set)
    happened: dict[Triple3, set[str]] = defaultdict(set)
    for ev in linked.evidence:
        key = (ev.fact.subject, ev.fact.predicate, ev.fact.object)
        support[key].add((ev.sentence.doc_id, ev.sentence.index))
        conf[key] = max(conf[key], ev.fact.confidence)
        if ev.sentence.doc_id in dates:
            said[key].add(dates[ev.sentence.doc_id])
        if ev.fact.date and ev.fact.date.value:
            happened[key].add(ev.fact.date.value)
    return entity_quads(linked.entities, named) + fact_quads(support, conf, said, happened)


def entity_quads(entities: Iterable[Entity], stated: Mapping[str, Iterable[str]] | None = None) -> list[Quad]:
    """Each entity with its type, canonical label and aliases, in the default graph; with `stated`
    (name -> the dates of the documents naming it, or just the first and last), when it was first
    and last stated; a trend with its definition and wider trend."""
    g = DefaultGraph()
    stated = stated or {}
    out: list[Quad] = []
    for e in entities:
        node = entity_iri(e.name)
        out.append(Quad(node, RDF.type, AIG.term(e.type), g))
        out.append(Quad(node, RDFS.label, _lit(e.name, lang=_lang(e.name)), g))
        out.extend(Quad(node, SKOS.altLabel, _lit(a, lang=_lang(a)), g) for a in sorted(e.aliases))
        out.extend(Quad(s, p, o, g) for s, p, o in stated_triples(node, stated.get(e.name, ())))
        if e.definition:
            out.append(Quad(node, SKOS.definition, _lit(e.definition, lang="en"), g))
        if e.broader:
            out.append(Quad(node, SKOS.broader, entity_iri(e.broader), g))
    return out


def fact_quads(support: Mapping[Triple3, set], conf: Mapping[Triple3, float],
               said: Mapping[Triple3, Iterable[str]] | None = None,
               happened: Mapping[Triple3, Iterable[str]] | None = None) -> list[Quad]:
    """Each fact (subject, predicate, object) as a plain triple and as a reified statement with its best
    confidence and its support count (the sentences stating it), in the default graph; with `said`
    (the dates of the documents stating it, or the first and last) and `happened` (the dates its
    sentences give), when it was first and last stated and when it happened."""
    g = DefaultGraph()
    said, happened = said or {}, happened or {}
    out: list[Quad] = []
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
        out.extend(Quad(fact, AIG.eventDate, _lit(d), g) for d in sorted(set(happened.get(key, ()))))
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
    found = rounds(linked.evidence)
    out = round_quads_of(found, graphs.__getitem__, document_dates(docs))
    for c in conflicts(found, linked):
        out.extend(conflict_quads(c))
    return out


def round_quads_of(found: Iterable[Round], graph_of: Callable[[str], NamedNode], dates: Mapping[str, str]) -> list[Quad]:
    """These funding rounds, each with when it was first and last stated (`dates`: document id ->
    date) and linked to its evidence in the graph of its document (`graph_of(document id)`)."""
    out: list[Quad] = []
    for r in found:
        out.extend(round_quads(r))
        node = round_iri(r)
        said = {dates[ev.sentence.doc_id] for ev in r.evidence if ev.sentence.doc_id in dates}
        out.extend(Quad(s, p, o, DefaultGraph()) for s, p, o in stated_triples(node, said))
        for ev in r.evidence:
            g = graph_of(ev.sentence.doc_id)
            out.append(Quad(node, AIG.evidence, evidence_iri(ev, g), g))
    return out


def build_quads(docs: Sequence[Document], linked: Linked) -> list[Quad]:
    """All quads of the graph: one named graph per document plus the default summary graph."""
    quads: list[Quad] = []
    grouped = by_document(linked)
    for doc in docs:
        quads.extend(document_quads(doc, linked, grouped))
    quads.extend(summary_quads(linked, document_dates(docs)))
    quads.extend(funding_quads(docs, linked))
    return sorted(set(quads), key=quad_key)


def quad_key(q: Quad) -> str:
    """Sort key of a quad: graph, subject, predicate, object, as one string (the order of the tuple of
    the four, in a quarter of the memory: a long document's graph is sorted whole)."""
    return f"{q.graph_name}\x00{q.subject}\x00{q.predicate}\x00{q.object}"


def union_triples(quads: Sequence[Quad]) -> Iterator:
    """The triples of `triples_of(quads)`, in its order, from quads sorted by quad_key, made one at a
    time: each graph's run of quads is already in triple order, so the runs are merged, not copied
    and sorted (a long document's graph is large)."""
    from pyoxigraph import Triple

    runs, start = [], 0
    for i in range(1, len(quads) + 1):
        if i == len(quads) or quads[i].graph_name != quads[start].graph_name:
            runs.append(range(start, i))
            start = i

    def keyed(run: range) -> Iterator[tuple[str, int]]:
        for i in run:
            q = quads[i]
            yield f"{q.subject}\x00{q.predicate}\x00{q.object}", i

    last = None
    for key, i in heapq.merge(*(keyed(r) for r in runs)):
        if key != last:
            q = quads[i]
            yield Triple(q.subject, q.predicate, q.object)
            last = key


def triples_of(quads: Iterable[Quad]):
    """The union of all graphs as sorted, distinct triples (for the Turtle export)."""
    from pyoxigraph import Triple

    seen = {Triple(q.subject, q.predicate, q.object) for q in quads}
    return sorted(seen, key=lambda t: f"{t.subject}\x00{t.predicate}\x00{t.object}")
