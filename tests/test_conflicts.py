"""Where sources disagree: one round with different amounts or valuations, one model with different developers."""

from __future__ import annotations

from aigraph.graph.conflicts import conflicts, developer_conflicts, differ, round_conflicts, same_round
from aigraph.graph.funding import Round, round_iri, rounds
from aigraph.graph.iris import fact_iri
from aigraph.model import Entity, Evidence, Fact, Linked, Quantity, Sentence


def _ev(doc: str, index: int, s: str, p: str, o: str, text: str = "", **extra) -> Evidence:
    text = text or f"{s} {p} {o}."
    return Evidence(Fact(s, p, o, 0.8, "test", **extra), Sentence(doc, index, text, ((0, len(text)),)))


def usd(n: int) -> Quantity:
    return Quantity(f"{n} dollars", str(n), "USD")


def _round(name=None, date=None, amount=None, valuation=None, doc="a.txt") -> Round:
    ev = _ev(doc, 0, "Fund A", "investedIn", "Co X")
    return Round("Co X", ("Fund A",), amount, valuation, Quantity(date, date) if date else None, (ev,), name)


def test_what_makes_two_statements_one_round():
    assert same_round(_round("Series B"), _round("Series B", "2024-03"))
    assert same_round(_round("Series B", "2024"), _round("Series B", "2024-03-02"))
    assert not same_round(_round("Series B", "2023-05"), _round("Series B", "2024-03"))
    assert not same_round(_round("Series A"), _round("Series B"))
    assert same_round(_round(None, "2024-03-01"), _round(None, "2024-03-20"))  # the same month, no names
    assert not same_round(_round(None, "2024"), _round(None, "2024"))          # a year says too little
    assert not same_round(_round(), _round())


def test_amounts_differ_beyond_rounding_in_one_currency_only():
    assert differ(usd(1_000_000_000), usd(800_000_000))
    assert not differ(usd(1_000_000_000), usd(1_020_000_000))
    assert not differ(usd(1_000_000_000), Quantity("7亿元", "700000000", "CNY"))


def test_a_round_restated_with_another_amount_is_a_conflict_with_both_claims():
    a = _round("Series B", amount=usd(1_000_000_000), valuation=usd(2_500_000_000), doc="a.txt")
    b = _round("Series B", amount=usd(800_000_000), valuation=usd(2_520_000_000), doc="b.txt")
    c = _round("Series C", amount=usd(3_000_000_000), doc="c.txt")  # another round: not part of it
    found = round_conflicts([a, b, c])
    assert [(x.about, x.on, x.round_name) for x in found] == [("Co X", "amount", "Series B")]
    assert set(found[0].claims) == {round_iri(a), round_iri(b)}


def test_rounds_read_from_sentences_carry_their_names():
    evs = [_ev("a.txt", 0, "Fund A", "investedIn", "Co X", "Co X完成10亿美元B轮融资，Fund A领投。", amount=usd(10**9)),
           _ev("b.txt", 3, "Fund A", "investedIn", "Co X", "Co X宣布完成8亿美元B轮融资。", amount=usd(8 * 10**8))]
    rs = rounds(evs)
    assert sorted(r.name for r in rs) == ["Series B", "Series B"]
    linked = Linked((Entity("Co X", "Company"), Entity("Fund A", "Investor")), tuple(evs), ())
    [c] = conflicts(rs, linked)
    assert c.on == "amount" and c.round_name == "Series B" and len(c.claims) == 2


def _linked(evs) -> Linked:
    types = {"M": "Model", "N": "Model"}
    names = sorted({n for e in evs for n in (e.fact.subject, e.fact.object)})
    return Linked(tuple(Entity(n, types.get(n, "Company")) for n in names), tuple(evs), ())


def test_a_model_attributed_to_different_developers():
    evs = [_ev("a.txt", 0, "M", "developedBy", "Co A"), _ev("b.txt", 1, "M", "developedBy", "Co B"),
           _ev("a.txt", 2, "N", "developedBy", "Co A")]
    [c] = developer_conflicts(_linked(evs))
    assert (c.about, c.on) == ("M", "developer")
    assert set(c.claims) == {fact_iri("M", "developedBy", "Co A"), fact_iri("M", "developedBy", "Co B")}


def test_joint_developers_and_an_acquired_maker_are_no_conflict():
    together = [_ev("a.txt", 0, "M", "developedBy", "Co A"), _ev("a.txt", 0, "M", "developedBy", "Co B"),
                _ev("b.txt", 4, "M", "developedBy", "Co B")]
    assert developer_conflicts(_linked(together)) == []
    bought = [_ev("a.txt", 0, "M", "developedBy", "Co A"), _ev("b.txt", 1, "M", "developedBy", "Co B"),
              _ev("c.txt", 2, "Co A", "acquired", "Co B")]
    assert developer_conflicts(_linked(bought)) == []
    unit = [_ev("a.txt", 0, "M", "developedBy", "Co A"), _ev("b.txt", 1, "M", "developedBy", "Co A Research")]
    assert developer_conflicts(_linked(unit)) == []


def test_diff_pairs_an_entity_spelt_anew_instead_of_removing_and_adding_it():
    from aigraph.query.diff import Snapshot, compare

    def snap(entities):
        return Snapshot({}, entities, {}, {}, {})

    old = snap({"ent:Pix": ("Pix", "Company", frozenset()), "ent:Gone": ("Gone", "Company", frozenset())})
    new = snap({"ent:PIX": ("PIX", "Company", frozenset({"Pix"})), "ent:Pixel": ("Pixel", "Product", frozenset()),
                "ent:New": ("New", "Company", frozenset())})
    d = compare(old, new)
    assert d.entities.renamed == (("ent:Pix", "ent:PIX"),)
    assert d.entities.added == ("ent:New", "ent:Pixel") and d.entities.removed == ("ent:Gone",)
