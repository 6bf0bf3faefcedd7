"""Counts over a built graph: documents, entities by type, facts by predicate, provenance."""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import NamedNode, Store

from aigraph.graph.store import ONTOLOGY_IRI, run
from aigraph.vocab import DCTERMS, ENTITY_TYPES, PREDICATES


@dataclass(frozen=True)
class Stats:
    """What a graph holds."""

    documents: int
    """Source documents (named graphs)."""
    entities: dict[str, int] = field(default_factory=dict)
    """Entities per type, every type listed."""
    facts: dict[str, int] = field(default_factory=dict)
    """Distinct facts per predicate, every predicate listed."""
    facts_with_evidence: int = 0
    """Facts with at least one evidence sentence."""
    facts_multi_sentence: int = 0
    """Facts stated by more than one sentence."""
    evidence: int = 0
    """Evidence sentences (one per fact and sentence)."""
    funding_rounds: int = 0
    """Funding rounds."""
    triples: int = 0
    """Triples of the data (the ontology's own left out)."""
    dated_documents: int = 0
    """Documents with a date (the dates every fact's first and last statement are read from)."""
    first_date: str | None = None
    """The earliest document date."""
    last_date: str | None = None
    """The latest document date."""
    conflicts: int = 0
    """Disagreements between sources (`aigraph conflicts`)."""

    def as_dict(self) -> dict:
        """Plain data for `--json`."""
        return {
            "documents": self.documents,
            "entities": {"total": sum(self.entities.values()), "by_type": self.entities},
            "facts": {"total": sum(self.facts.values()), "with_evidence": self.facts_with_evidence,
                      "multi_sentence": self.facts_multi_sentence, "by_predicate": self.facts},
            "evidence_sentences": self.evidence,
            "funding_rounds": self.funding_rounds,
            "triples": self.triples,
            "dated_documents": self.dated_documents, "first_date": self.first_date, "last_date": self.last_date,
            "conflicts": self.conflicts,
        }

    def rows(self) -> list[tuple[str, int]]:
        """(label, count) lines for a text table; sub-counts indented."""
        out = [("documents", self.documents), ("entities", sum(self.entities.values()))]
        out += [(f"  {t}", n) for t, n in self.entities.items()]
        out.append(("facts", sum(self.facts.values())))
        out += [(f"  {p}", n) for p, n in self.facts.items()]
        out += [("facts with evidence", self.facts_with_evidence),
                ("facts stated by 2+ sentences", self.facts_multi_sentence),
                ("evidence sentences", self.evidence), ("funding rounds", self.funding_rounds),
                ("triples", self.triples)]
        out += [("dated documents", self.dated_documents), ("conflicts", self.conflicts)]
        return out


def _count(store: Store, query: str) -> int:
    return int(next(iter(run(store, query)))["n"].value)


def stats(store: Store) -> Stats:
    """Count what the store holds."""
    types = {t: 0 for t in ENTITY_TYPES}
    for s in run(store, "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?t ; rdfs:label ?l . "
                        "FILTER(STRSTARTS(STR(?e), STR(ent:))) } GROUP BY ?t"):
        local = s["t"].value.rsplit("#", 1)[-1]
        if local in types:
            types[local] = int(s["n"].value)
    preds = {p: 0 for p in PREDICATES}
    for s in run(store, "SELECT ?p (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a aig:Fact ; rdf:predicate ?p } GROUP BY ?p"):
        local = s["p"].value.rsplit("#", 1)[-1]
        if local in preds:
            preds[local] = int(s["n"].value)
    ontology = sum(1 for _ in store.quads_for_pattern(None, None, None, NamedNode(ONTOLOGY_IRI)))
    return Stats(
        documents=_count(store, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a aig:Document }"),
        entities=types,
        facts=preds,
        facts_with_evidence=_count(store, "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a aig:Fact ; aig:evidence ?e }"),
        facts_multi_sentence=_count(store, "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a aig:Fact ; aig:supportCount ?c . FILTER(?c > 1) }"),
        evidence=_count(store, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a aig:Evidence }"),
        funding_rounds=_count(store, "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a aig:FundingRound }"),
        triples=len(store) - ontology,
        **_dates(store),
        conflicts=_count(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a aig:Conflict }"),
    )


def _dates(store: Store) -> dict:
    dates = sorted(q.object.value for q in store.quads_for_pattern(None, DCTERMS.date, None, None))
    return {"dated_documents": len(dates), "first_date": dates[0] if dates else None,
            "last_date": dates[-1] if dates else None}
