"""The ontology's terms as a closed namespace: a misspelt term raises at once."""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from .prefixes import AIG as _AIG_IRI


class AIG(DefinedNamespace):
    """Classes and properties of ontology/aigraph.ttl (a test checks each is declared there)."""

    _fail = True
    _NS = Namespace(_AIG_IRI)

    Entity: URIRef
    Company: URIRef
    Investor: URIRef
    Model: URIRef
    Chip: URIRef
    Product: URIRef
    Person: URIRef
    Trend: URIRef

    developedBy: URIRef
    trainedOn: URIRef
    usesChip: URIRef
    investedIn: URIRef
    partnerOf: URIRef
    acquired: URIRef
    competesWith: URIRef
    basedOn: URIRef
    founderOf: URIRef
    leads: URIRef
    relatedTo: URIRef
    sameType: URIRef

    Document: URIRef
    Evidence: URIRef
    Fact: URIRef
    FundingRound: URIRef
    evidence: URIRef
    inDocument: URIRef
    mentionedIn: URIRef
    investor: URIRef
    investee: URIRef
    sentenceText: URIRef
    sentenceIndex: URIRef
    charStart: URIRef
    charEnd: URIRef
    confidence: URIRef
    supportCount: URIRef
    amount: URIRef
    amountText: URIRef
    currency: URIRef
    valuation: URIRef
    valuationText: URIRef
    valuationCurrency: URIRef
    date: URIRef
    dateText: URIRef
    sha256: URIRef
    encoding: URIRef
    sourcePath: URIRef

