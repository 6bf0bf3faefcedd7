"""Where sources disagree: one funding round stated with different amounts or valuations, one model with different developers."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from aigraph.graph.funding import Round, round_iri
from aigraph.graph.iris import entity_iri, fact_iri
from aigraph.model import Linked, Quantity
from aigraph.vocab import AIG, FACT, RDF, RDFS

TOLERANCE = Decimal("0.05")
"""Two amounts in one currency within this share of the larger are one figure, rounded differently
(`约1亿美元` and `1.02亿美元`); further apart, the sources disagree."""


@dataclass(frozen=True)
class Conflict:
    """Statements of one thing that cannot all be true, each kept with its own sources."""

    about: str
    """Canonical name of the entity they are about: the company funded, or the model."""
    on: str
    """What they disagree on: `amount`, `valuation` or `developer`."""
    claims: tuple[NamedNode, ...]
    """The funding rounds or developedBy facts that disagree, sorted (each has its evidence)."""
    round_name: str | None = None
    """The round's name, when that is what makes the statements one round."""
    date: str | None = None
    """The round's date, when that is what makes the statements one round."""

    @property
    def iri(self) -> NamedNode:
        """Stable IRI: the same disagreement gives the same node on every build."""
        key = chr(31).join((self.about, self.on, *(c.value for c in self.claims)))
        return NamedNode(f"{FACT}conflict-{hashlib.sha256(key.encode()).hexdigest()[:16]}")


def conflicts(found: Sequence[Round], linked: Linked) -> list[Conflict]:
    """Every disagreement among the funding rounds and the developedBy facts, sorted."""
    return sorted(round_conflicts(found) + developer_conflicts(linked), key=lambda c: (c.about, c.on, c.iri.value))


# ---------------------------------------------------------------- funding rounds

def _compatible(a: str | None, b: str | None) -> bool:
    """Two dates that may be one day: equal, or one the other at a coarser precision, or one unknown."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def same_round(a: Round, b: Round) -> bool:
    """Whether two rounds of one company are one round stated twice: the same name at compatible dates,
    or the same month (at least) with no other name."""
    da = a.date.value if a.date and a.date.value else None
    db = b.date.value if b.date and b.date.value else None
    if a.name and b.name:
        return a.name == b.name and _compatible(da, db)
    return bool(da and db and len(da) >= 7 and len(db) >= 7 and da[:7] == db[:7])


def _groups(rs: Sequence[Round]) -> list[list[Round]]:
    """The rounds of one company gathered into the rounds they state (linked by same_round, transitively)."""
    parent = list(range(len(rs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(rs)):
        for j in range(i + 1, len(rs)):
            if same_round(rs[i], rs[j]):
                parent[root(j)] = root(i)
    out: dict[int, list[Round]] = defaultdict(list)
    for i, r in enumerate(rs):
        out[root(i)].append(r)
    return [g for g in out.values() if len(g) > 1]


def _number(q: Quantity | None) -> Decimal | None:
    try:
        return Decimal(q.value) if q and q.value is not None else None
    except InvalidOperation:
        return None


def differ(a: Quantity, b: Quantity) -> bool:
    """Two amounts in one currency further apart than TOLERANCE (other currencies are not compared)."""
    x, y = _number(a), _number(b)
    if x is None or y is None or (a.unit or "") != (b.unit or ""):
        return False
    top = max(abs(x), abs(y))
    return top > 0 and abs(x - y) / top > TOLERANCE


def round_conflicts(found: Sequence[Round]) -> list[Conflict]:
    """One round of one company stated with amounts (or valuations) that differ."""
    by_company: dict[str, list[Round]] = defaultdict(list)
    for r in found:
        by_company[r.investee].append(r)
    out = []
    for company, rs in sorted(by_company.items()):
        for group in _groups(rs):
            name = next((r.name for r in group if r.name), None)
            dates = sorted({r.date.value for r in group if r.date and r.date.value}, key=len)
            for on in ("amount", "valuation"):
                stated = [r for r in group if getattr(r, on) is not None and getattr(r, on).value is not None]
                if any(differ(getattr(a, on), getattr(b, on)) for i, a in enumerate(stated) for b in stated[i + 1:]):
                    claims = tuple(sorted({round_iri(r) for r in stated}, key=lambda n: n.value))
                    out.append(Conflict(company, on, claims, name, dates[0] if dates and not name else None))
    return out


# ---------------------------------------------------------------- developers

MADE = ("Model", "Product", "Chip")
"""What has a developer: a model, a product or a chip."""


def _family(a: str, b: str) -> bool:
    """Whether one maker's name is the other's followed by more words: a unit of it (`Google` and
    `Google DeepMind`, `Microsoft` and `Microsoft Research`)."""
    return a.startswith(b + " ") or b.startswith(a + " ")


def developer_conflicts(linked: Linked) -> list[Conflict]:
    """A model (or a product, or a chip) that sources attribute to different developers. Developers one
    sentence names together made it together, a developer that acquired the other (or was acquired by
    it) is the same maker, and so is a unit named after its parent: none of these is a disagreement."""
    types = {e.name: e.type for e in linked.entities}
    makers: dict[str, set[str]] = defaultdict(set)
    together: dict[str, set[frozenset[str]]] = defaultdict(set)
    by_sentence: dict[tuple[str, str, int], set[str]] = defaultdict(set)
    acquired: set[frozenset[str]] = set()
    for ev in linked.evidence:
        f = ev.fact
        if f.predicate == "acquired":
            acquired.add(frozenset((f.subject, f.object)))
        elif f.predicate == "developedBy" and types.get(f.subject) in MADE:
            makers[f.subject].add(f.object)
            by_sentence[(f.subject, ev.sentence.doc_id, ev.sentence.index)].add(f.object)
    for (model, _, _), names in by_sentence.items():
        together[model] |= {frozenset((a, b)) for a in names for b in names if a != b}
    out = []
    for model, names in sorted(makers.items()):
        apart = {frozenset((a, b)) for a in names for b in names if a < b and not _family(a, b)}
        apart -= together[model] | acquired
        if apart:
            disputed = sorted({n for pair in apart for n in pair})
            out.append(Conflict(model, "developer", tuple(fact_iri(model, "developedBy", n) for n in disputed)))
    return out


# ---------------------------------------------------------------- RDF

def conflict_quads(c: Conflict) -> list[Quad]:
    """The conflict in the default graph: what it is about, on what, and the claims (which keep their
    own evidence)."""
    g = DefaultGraph()
    node = c.iri
    label = f"{c.about}: sources disagree on the {c.on}"
    out = [
        Quad(node, RDF.type, AIG.Conflict, g),
        Quad(node, RDFS.label, Literal(label, language="en"), g),
        Quad(node, AIG.conflictAbout, entity_iri(c.about), g),
        Quad(node, AIG.conflictOn, Literal(c.on), g),
    ]
    out += [Quad(node, AIG.claim, claim, g) for claim in c.claims]
    if c.round_name:
        out.append(Quad(node, AIG.roundName, Literal(c.round_name), g))
    if c.date:
        out.append(Quad(node, AIG.date, Literal(c.date), g))
    return out
