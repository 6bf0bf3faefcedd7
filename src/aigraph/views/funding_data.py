"""Funding rounds read from the store: company, investors, amount, valuation, date and the sentences behind them."""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import Store

from aigraph.graph.store import run

USD_PER = {"USD": 1.0, "CNY": 0.14, "RMB": 0.14, "EUR": 1.08, "GBP": 1.27, "JPY": 0.0067, "HKD": 0.128,
           "KRW": 0.00075, "SGD": 0.74, "CAD": 0.73, "AUD": 0.66, "INR": 0.012, "CHF": 1.13, "TWD": 0.031}
"""Rough exchange rates, used only to size rounds against each other (amounts are shown as stated)."""


@dataclass(frozen=True)
class Said:
    """A sentence a round was read from."""

    document: str
    """The document's label."""
    sentence: int
    """Sentence number in it."""
    text: str
    """The sentence."""
    amount: str | None = None
    """The amount as written there."""
    date: str | None = None
    """The date as written there."""
    published: str | None = None
    """The document's date, when known."""


@dataclass(frozen=True)
class Round:
    """One funding round."""

    iri: str
    """The round's IRI (or the fact's, for a graph built without round events)."""
    company: tuple[str, str]
    """(IRI, name) of the company funded."""
    investors: tuple[tuple[str, str], ...]
    """(IRI, name) of each investor, by name."""
    amount: float | None
    """Money raised, normalised."""
    currency: str | None
    """Its ISO 4217 code."""
    valuation: float | None
    """The company's valuation, normalised."""
    valuation_currency: str | None
    """The valuation's currency."""
    date: str | None
    """When (YYYY, YYYY-MM or YYYY-MM-DD)."""
    evidence: tuple[Said, ...]
    """The sentences that state it."""

    @property
    def usd(self) -> float | None:
        """The amount in US dollars at the rough rates of USD_PER (None when unknown)."""
        if self.amount is None:
            return None
        rate = USD_PER.get((self.currency or "USD").upper())
        return self.amount * rate if rate is not None else None

    @property
    def reported(self) -> str | None:
        """The earliest date of the documents that report the round (when its own date is unknown)."""
        return min((s.published for s in self.evidence if s.published), default=None)

    @property
    def when(self) -> tuple[str | None, bool]:
        """(date, whether it is the round's own): its own date, else the date it was first reported."""
        return (self.date, True) if self.date else (self.reported, False)

    @property
    def stated(self) -> str | None:
        """The amount as the sentences write it (the first that states one)."""
        return next((s.amount for s in self.evidence if s.amount), None)


_ROUNDS = """
SELECT ?r ?c ?name ?amount ?currency ?valuation ?vcur ?date WHERE {
  ?r a aig:FundingRound ; aig:investee ?c . ?c rdfs:label ?name .
  OPTIONAL { ?r aig:amount ?amount } OPTIONAL { ?r aig:currency ?currency }
  OPTIONAL { ?r aig:valuation ?valuation } OPTIONAL { ?r aig:valuationCurrency ?vcur }
  OPTIONAL { ?r aig:date ?date }
}"""

_INVESTORS = "SELECT ?r ?i ?name WHERE { ?r a aig:FundingRound ; aig:investor ?i . ?i rdfs:label ?name }"

_EVIDENCE_OF = """aig:evidence ?ev . ?ev aig:sentenceText ?text ; aig:sentenceIndex ?idx ; aig:inDocument ?d .
  ?d rdfs:label ?doc . OPTIONAL { ?ev aig:amountText ?amountText } OPTIONAL { ?ev aig:dateText ?dateText }
  OPTIONAL { ?d dcterms:date ?published }"""

_EVIDENCE = "SELECT ?r ?doc ?idx ?text ?amountText ?dateText ?published WHERE { ?r a aig:FundingRound ; %s }" % _EVIDENCE_OF

# a graph built without round events: each investedIn fact is a round of one investor
_FACTS = """
SELECT ?r ?i ?iname ?c ?name ?amount ?currency ?date ?doc ?idx ?text ?amountText ?dateText ?published WHERE {
  ?r rdf:predicate aig:investedIn ; rdf:subject ?i ; rdf:object ?c ; %s
  ?i rdfs:label ?iname . ?c rdfs:label ?name .
  OPTIONAL { ?ev aig:amount ?amount } OPTIONAL { ?ev aig:currency ?currency } OPTIONAL { ?ev aig:date ?date }
}""" % _EVIDENCE_OF


def _v(s, key: str) -> str | None:
    return s[key].value if s[key] is not None else None


def _f(s, key: str) -> float | None:
    return float(s[key].value) if s[key] is not None else None


def read_rounds(store: Store) -> list[Round]:
    """Every funding round of the graph, by company name, date and amount."""
    base = {s["r"].value: s for s in run(store, _ROUNDS)}
    if not base:
        return _from_facts(store)
    investors: dict[str, set[tuple[str, str]]] = {}
    for s in run(store, _INVESTORS):
        investors.setdefault(s["r"].value, set()).add((s["i"].value, s["name"].value))
    said: dict[str, set[Said]] = {}
    for s in run(store, _EVIDENCE):
        said.setdefault(s["r"].value, set()).add(
            Said(s["doc"].value, int(s["idx"].value), s["text"].value, _v(s, "amountText"), _v(s, "dateText"),
                 _v(s, "published")))
    out = [Round(r, (s["c"].value, s["name"].value), tuple(sorted(investors.get(r, ()), key=lambda i: (i[1].casefold(), i[0]))),
                 _f(s, "amount"), _v(s, "currency"), _f(s, "valuation"), _v(s, "vcur"), _v(s, "date"),
                 tuple(sorted(said.get(r, ()), key=lambda x: (x.document, x.sentence)))) for r, s in base.items()]
    return sorted(out, key=_order)


def _from_facts(store: Store) -> list[Round]:
    rows: dict[tuple[str, str, str, str], dict] = {}
    for s in run(store, _FACTS):
        key = (s["r"].value, _v(s, "amount") or "", _v(s, "currency") or "", _v(s, "date") or "")
        row = rows.setdefault(key, {"s": s, "said": set()})
        row["said"].add(Said(s["doc"].value, int(s["idx"].value), s["text"].value, _v(s, "amountText"), _v(s, "dateText"),
                 _v(s, "published")))
    out = []
    for (fact, amount, currency, date), row in rows.items():
        s = row["s"]
        out.append(Round(f"{fact}#{amount}{currency}{date}", (s["c"].value, s["name"].value), ((s["i"].value, s["iname"].value),),
                         float(amount) if amount else None, currency or None, None, None, date or None,
                         tuple(sorted(row["said"], key=lambda x: (x.document, x.sentence)))))
    return sorted(out, key=_order)


def _order(r: Round) -> tuple:
    return (r.company[1].casefold(), r.when[0] or "9999", -(r.usd or 0.0), r.iri)
