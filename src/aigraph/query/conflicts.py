"""Where sources disagree: the conflicts of a built graph, each claim with the sentences that make it."""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import NamedNode, Store

from aigraph.graph.store import run
from aigraph.query.lookup import EntityRef
from aigraph.vocab import AIG_NS

ON = ("amount", "valuation", "developer")
"""What sources may disagree on."""


@dataclass(frozen=True)
class Said:
    """A sentence making a claim."""

    document: str
    """The document's label."""
    date: str | None
    """The document's date."""
    sentence: int
    """The sentence's position in the document."""
    start: int
    """Offset of its first character in the source file."""
    end: int
    """Offset just past its last character."""
    text: str
    """The sentence."""
    written: str | None = None
    """The amount or valuation as the sentence writes it."""


@dataclass(frozen=True)
class Claim:
    """One of the disagreeing statements."""

    node: str
    """The funding round's or the developedBy fact's IRI."""
    value: str
    """What it says: an amount with its currency (`1000000000 USD`) or the developer's name."""
    sources: tuple[Said, ...]
    """The sentences that say it, by document date."""


@dataclass(frozen=True)
class Conflict:
    """Sources that disagree about one entity."""

    iri: str
    """The conflict's node."""
    about: EntityRef
    """The company funded, or the model."""
    on: str
    """`amount`, `valuation` or `developer`."""
    round_name: str | None
    """The round's name, when that makes the statements one round."""
    date: str | None
    """The round's date, when that makes the statements one round."""
    claims: tuple[Claim, ...]
    """The claims, each with its sentences."""

    @property
    def documents(self) -> int:
        """How many documents take part."""
        return len({s.document for c in self.claims for s in c.sources})


_HEAD = """
  ?c aig:conflictAbout ?about ; aig:conflictOn ?on .
  ?about rdfs:label ?label ; a ?type .
  FILTER(STRSTARTS(STR(?type), STR(aig:)) && ?type != aig:Entity)
  OPTIONAL { ?c aig:roundName ?name } OPTIONAL { ?c aig:date ?date }"""

_ALL = "SELECT ?c ?about ?label ?type ?on ?name ?date WHERE { ?c a aig:Conflict . %s }" % _HEAD

# conflicts about the entity, or with a claim it takes part in (an investor of a round, a developer)
_OF = """
SELECT ?e ?c ?about ?label ?type ?on ?name ?date WHERE {
  { { ?c aig:conflictAbout ?e } UNION { ?c aig:claim ?r . ?r aig:investor ?e } UNION { ?c aig:claim ?f . ?f rdf:object ?e } }
  %s
}""" % _HEAD

_CLAIMS = """
SELECT ?c ?claim ?amount ?currency ?valuation ?valuationCurrency ?developer ?doc ?docDate ?idx ?start ?end ?text
       ?amountText ?valuationText WHERE {
  ?c aig:claim ?claim .
  OPTIONAL { ?claim aig:amount ?amount } OPTIONAL { ?claim aig:currency ?currency }
  OPTIONAL { ?claim aig:valuation ?valuation } OPTIONAL { ?claim aig:valuationCurrency ?valuationCurrency }
  OPTIONAL { ?claim rdf:object ?dev . ?dev rdfs:label ?developer }
  ?claim aig:evidence ?ev .
  ?ev aig:inDocument ?d ; aig:sentenceIndex ?idx ; aig:charStart ?start ; aig:charEnd ?end ; aig:sentenceText ?text .
  OPTIONAL { ?d rdfs:label ?doc } OPTIONAL { ?d dcterms:date ?docDate }
  OPTIONAL { ?ev aig:amountText ?amountText } OPTIONAL { ?ev aig:valuationText ?valuationText }
}"""


def _v(s, key: str) -> str | None:
    return s[key].value if s[key] is not None else None


def conflicts(store: Store, entity: EntityRef | None = None, on: str | None = None) -> list[Conflict]:
    """Every conflict of the graph (or those an entity takes part in; or only those on one thing), each
    claim with its sentences; sorted by entity, then what they disagree on."""
    rows = run(store, _OF, e=NamedNode(entity.iri)) if entity is not None else run(store, _ALL)
    heads = {}
    for s in rows:
        if on and s["on"].value != on:
            continue
        heads[s["c"].value] = (EntityRef(s["about"].value, s["label"].value, s["type"].value[len(AIG_NS):]),
                               s["on"].value, _v(s, "name"), _v(s, "date"))
    out = []
    for iri, (about, what, name, date) in heads.items():
        claims: dict[str, tuple[str, set[Said]]] = {}
        for s in run(store, _CLAIMS, c=NamedNode(iri)):
            value, written = _value(s, what)
            said = Said(_v(s, "doc") or "", _v(s, "docDate"), int(s["idx"].value), int(s["start"].value),
                        int(s["end"].value), s["text"].value, written)
            claims.setdefault(s["claim"].value, (value, set()))[1].add(said)
        out.append(Conflict(iri, about, what, name, date, tuple(sorted(
            (Claim(node, value, _by_date(said)) for node, (value, said) in claims.items()),
            key=lambda c: (c.sources[0].date or "9999", c.value) if c.sources else ("9999", c.value)))))
    return sorted(out, key=lambda c: (c.about.name.casefold(), ON.index(c.on) if c.on in ON else 9, c.iri))


def _value(s, on: str) -> tuple[str, str | None]:
    """(the claim's value, the sentence's wording of it)."""
    if on == "developer":
        return _v(s, "developer") or "", None
    if on == "valuation":
        return " ".join(x for x in (_v(s, "valuation"), _v(s, "valuationCurrency")) if x), _v(s, "valuationText")
    return " ".join(x for x in (_v(s, "amount"), _v(s, "currency")) if x), _v(s, "amountText")


def _by_date(said: set[Said]) -> tuple[Said, ...]:
    # one line per sentence: a round's sentence is evidence once per investor it names
    once: dict[tuple[str, int], Said] = {}
    for s in sorted(said, key=lambda x: (x.document, x.sentence, x.written or "")):
        once.setdefault((s.document, s.sentence), s)
    return tuple(sorted(once.values(), key=lambda x: (x.date or "9999", x.document, x.sentence)))


def conflicts_text(found: list[Conflict]) -> str:
    """Conflicts as text: what is disputed, then each claim with its sentences, earliest first."""
    if not found:
        return "No conflicts: no two sources disagree on a round's amount or valuation or on a model's developer."
    lines = []
    for c in found:
        which = " ".join(x for x in (c.round_name, c.date) if x)
        lines.append(f"{c.about.name} ({c.about.type}): sources disagree on the {c.on}"
                     + (f" of the {which} round" if which and c.on != "developer" else "")
                     + f" ({len(c.claims)} claims, {c.documents} document{'s' if c.documents != 1 else ''})")
        for claim in c.claims:
            lines.append(f"  {claim.value}")
            for s in claim.sources:
                written = f" [{s.written}]" if s.written else ""
                lines.append(f"    {s.date or '----------'}  {s.document} sentence {s.sentence}{written}: "
                             f"{' '.join(s.text.split())}")
    return "\n".join(lines)


def conflicts_data(found: list[Conflict]) -> list[dict]:
    """Conflicts as JSON-ready data."""
    return [{"iri": c.iri, "about": c.about.name, "type": c.about.type, "about_iri": c.about.iri, "on": c.on,
             "round": c.round_name, "date": c.date,
             "claims": [{"node": cl.node, "value": cl.value,
                         "sources": [{"document": s.document, "date": s.date, "sentence": s.sentence,
                                      "start": s.start, "end": s.end, "text": s.text, "written": s.written}
                                     for s in cl.sources]} for cl in c.claims]} for c in found]
