"""Investments as events: rounds grouped per sentence and merged across statements, in the graph."""

from __future__ import annotations

from aigraph.graph.funding import rounds
from aigraph.graph.rdf import build_quads
from aigraph.model import Document, Entity, Evidence, Fact, Linked, Quantity, Sentence

USD = "USD"


def _ev(doc: str, index: int, s: str, o: str, amount=None, valuation=None, date=None, conf=0.8) -> Evidence:
    text = f"{s} invested in {o}."
    return Evidence(Fact(s, "investedIn", o, conf, "test", amount, valuation, date), Sentence(doc, index, text, ((0, len(text)),)))


def _linked(evidence) -> Linked:
    names = {n for e in evidence for n in (e.fact.subject, e.fact.object)}
    ents = tuple(Entity(n, "Company" if n.startswith("Co") else "Investor") for n in sorted(names))
    return Linked(ents, tuple(evidence), tuple((n, e.sentence.doc_id, n) for e in evidence for n in (e.fact.subject, e.fact.object)))


M25 = Quantity("2500万美元", "25000000", USD)
OCT = Quantity("2024年10月", "2024-10", None)


def test_co_investors_in_one_sentence_make_one_round():
    evs = [_ev("a.txt", 0, "Fund A", "Co X", amount=M25, date=OCT), _ev("a.txt", 0, "Fund B", "Co X")]
    [r] = rounds(evs)
    assert r.investee == "Co X" and r.investors == ("Fund A", "Fund B")
    assert r.amount == M25 and r.date == OCT


def test_the_same_round_restated_elsewhere_is_one_round_and_unspecified_ones_stay_apart():
    evs = [_ev("a.txt", 0, "Fund A", "Co X", amount=M25, date=OCT),
           _ev("b.txt", 7, "Fund C", "Co X", amount=M25, date=OCT),   # same amount and date: same round
           _ev("b.txt", 9, "Fund A", "Co X"),                        # no amount, no date: its own round
           _ev("b.txt", 11, "Fund D", "Co X")]
    rs = rounds(evs)
    assert sorted(r.investors for r in rs) == [("Fund A",), ("Fund A", "Fund C"), ("Fund D",)]
    merged = next(r for r in rs if len(r.investors) == 2)
    assert {(e.sentence.doc_id, e.sentence.index) for e in merged.evidence} == {("a.txt", 0), ("b.txt", 7)}


def test_rounds_in_the_graph():
    val = Quantity("28亿美元", "2800000000", USD)
    evs = [_ev("a.txt", 0, "Fund A", "Co X", amount=M25, valuation=val, date=OCT), _ev("a.txt", 0, "Fund B", "Co X")]
    doc = Document("a.txt", "a.txt", "", "cd" * 32)
    quads = build_quads([doc], _linked(evs))
    AIG = "https://aigraph.dev/ontology#"
    [node] = [q.subject for q in quads if q.object.value == AIG + "FundingRound"]
    props = {}
    for q in quads:
        if q.subject == node:
            props.setdefault(q.predicate.value[len(AIG):] if q.predicate.value.startswith(AIG) else q.predicate.value,
                             []).append((q.object.value, str(q.graph_name)))
    assert sorted(v for v, _ in props["investor"]) == ["https://aigraph.dev/id/Fund_A", "https://aigraph.dev/id/Fund_B"]
    assert props["investee"] == [("https://aigraph.dev/id/Co_X", "DEFAULT")]
    assert props["amount"] == [("25000000", "DEFAULT")] and props["currency"] == [("USD", "DEFAULT")]
    assert props["valuation"] == [("2800000000", "DEFAULT")] and props["valuationCurrency"] == [("USD", "DEFAULT")]
    assert props["date"] == [("2024-10", "DEFAULT")]
    # the evidence links live in the document's graph, like the facts' own
    assert len(props["evidence"]) == 2
    assert {g for _, g in props["evidence"]} == {"<https://aigraph.dev/doc/cdcdcdcdcdcdcdcd>"}
    # and the plain triples stay
    inv = {(q.subject.value, q.object.value) for q in quads if q.predicate.value == AIG + "investedIn"}
    assert inv == {("https://aigraph.dev/id/Fund_A", "https://aigraph.dev/id/Co_X"),
                   ("https://aigraph.dev/id/Fund_B", "https://aigraph.dev/id/Co_X")}


def _ev_round(doc: str, index: int, s: str, o: str, name: str | None, context: str | None = None) -> Evidence:
    text = f"{s} led the {name or 'new'} round of {o}."
    fact = Fact(s, "investedIn", o, 0.8, "test", round=name, context=context)
    return Evidence(fact, Sentence(doc, index, text, ((0, len(text)),)))


def test_a_named_round_restated_elsewhere_is_one_round():
    evs = [_ev_round("a.txt", 0, "Fund A", "Co X", "Series B"), _ev_round("b.txt", 3, "Fund C", "Co X", "Series B"),
           _ev_round("b.txt", 5, "Fund D", "Co X", "Series C"), _ev_round("c.txt", 1, "Fund E", "Co X", None)]
    rs = rounds(evs)
    assert sorted((r.name, r.investors) for r in rs if r.name) == [("Series B", ("Fund A", "Fund C")), ("Series C", ("Fund D",))]
    assert [r.investors for r in rs if r.name is None] == [("Fund E",)]


def test_round_names_and_context_sentences_in_the_graph():
    earlier = "Co X is a robotics start-up."
    evs = [_ev_round("a.txt", 1, "Fund A", "Co X", "Series B", context=earlier), _ev_round("a.txt", 2, "Fund B", "Co X", None)]
    quads = build_quads([Document("a.txt", "a.txt", "", "cd" * 32)], _linked(evs))
    AIG = "https://aigraph.dev/ontology#"
    names = {(q.subject.value, q.object.value) for q in quads if q.predicate.value == AIG + "roundName"}
    rounds_named = {s for s, v in names if v == "Series B"}
    assert len(rounds_named) == 2  # the round node and the evidence sentence that names it
    [ctx] = [q for q in quads if q.predicate.value == AIG + "contextText"]
    assert ctx.object.value == earlier and str(ctx.graph_name) == "<https://aigraph.dev/doc/cdcdcdcdcdcdcdcd>"
    labels = [q.object.value for q in quads if q.predicate.value.endswith("#label") and "funding round" in q.object.value]
    assert "Co X Series B funding round" in labels
