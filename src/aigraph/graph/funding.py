"""Investments as events: funding rounds with their investors, company, amount, valuation and date."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from aigraph.extraction.roundnames import round_name
from aigraph.graph.iris import decimal, entity_iri
from aigraph.model import Evidence, Quantity
from aigraph.vocab import AIG, FACT, RDF, RDFS


@dataclass(frozen=True)
class Round:
    """One funding round as the documents state it."""

    investee: str
    """Canonical name of the company funded."""
    investors: tuple[str, ...]
    """Canonical names of the investors, sorted."""
    amount: Quantity | None
    """Money raised."""
    valuation: Quantity | None
    """The company's valuation."""
    date: Quantity | None
    """When it happened."""
    evidence: tuple[Evidence, ...]
    """The investedIn evidence the round was read from."""
    name: str | None = None
    """The round's name (`Series B`, `Angel`) when its sentences give one (the most often given): the name
    the extractor bound to the round's clauses, else the one name the sentence gives."""

    @property
    def key(self) -> tuple[str, ...]:
        """What makes two statements the same round: the company with the amount and the date, when
        either is known; else the company with the round's name; otherwise the one sentence that
        states it."""
        amount = f"{self.amount.value} {self.amount.unit}" if self.amount and self.amount.value else ""
        date = self.date.value if self.date and self.date.value else ""
        if amount or date:
            return (self.investee, amount, date)
        if self.name:
            return (self.investee, "", "", self.name)
        s = self.evidence[0].sentence
        return (self.investee, "", "", s.doc_id, str(s.index))


def rounds(evidence: Sequence[Evidence]) -> list[Round]:
    """The funding rounds behind the investedIn facts: the investors of one company named in one
    sentence make one round; rounds of the same company with the same amount and date, stated in
    several sentences or documents, are one round."""
    by_sentence: dict[tuple, list[Evidence]] = defaultdict(list)
    for ev in evidence:
        if ev.fact.predicate == "investedIn":
            by_sentence[(ev.fact.object, ev.sentence.doc_id, ev.sentence.index)].append(ev)
    merged: dict[tuple, list[Round]] = defaultdict(list)
    for (investee, _, _), evs in sorted(by_sentence.items()):
        r = Round(investee, tuple(sorted({e.fact.subject for e in evs})), _pick(evs, lambda e: e.fact.amount),
                  _pick(evs, lambda e: e.fact.valuation), _pick(evs, lambda e: e.fact.date), tuple(evs),
                  _pick(evs, lambda e: e.fact.round) or round_name(evs[0].sentence.text))
        merged[r.key].append(r)
    out = []
    for key in sorted(merged):
        parts = merged[key]
        evs = tuple(e for r in parts for e in r.evidence)
        named = Counter(r.name for r in parts if r.name)
        out.append(Round(key[0], tuple(sorted({i for r in parts for i in r.investors})),
                         _pick(evs, lambda e: e.fact.amount), _pick(evs, lambda e: e.fact.valuation),
                         _pick(evs, lambda e: e.fact.date), evs,
                         min(named, key=lambda n: (-named[n], n)) if named else None))
    return out


def _pick(evs: Sequence[Evidence], get: Callable[[Evidence], Quantity | str | None]) -> Any:
    """The attribute as stated by the most confident evidence that states it (earliest on ties)."""
    stated = [e for e in evs if get(e) is not None and getattr(get(e), "value", get(e)) is not None]
    if not stated:
        return None
    best = min(stated, key=lambda e: (-e.fact.confidence, e.sentence.doc_id, e.sentence.index))
    return get(best)


def round_iri(r: Round) -> NamedNode:
    """Stable IRI of a round, from what identifies it."""
    return NamedNode(f"{FACT}round-{hashlib.sha256(chr(31).join(r.key).encode()).hexdigest()[:16]}")


def round_quads(r: Round) -> list[Quad]:
    """The round in the default graph (its evidence links go to each document's graph)."""
    g = DefaultGraph()
    node = round_iri(r)
    label = " ".join(x for x in (r.investee, r.name or "", "funding round", r.date.value if r.date else "") if x)
    out = [
        Quad(node, RDF.type, AIG.FundingRound, g),
        Quad(node, RDFS.label, Literal(label, language="en"), g),
        Quad(node, AIG.investee, entity_iri(r.investee), g),
    ]
    out += [Quad(node, AIG.investor, entity_iri(i), g) for i in r.investors]
    if r.amount:
        out.append(Quad(node, AIG.amount, decimal(r.amount.value), g))
        if r.amount.unit:
            out.append(Quad(node, AIG.currency, Literal(r.amount.unit), g))
    if r.valuation:
        out.append(Quad(node, AIG.valuation, decimal(r.valuation.value), g))
        if r.valuation.unit:
            out.append(Quad(node, AIG.valuationCurrency, Literal(r.valuation.unit), g))
    if r.date:
        out.append(Quad(node, AIG.date, Literal(r.date.value), g))
    if r.name:
        out.append(Quad(node, AIG.roundName, Literal(r.name), g))
    return out
