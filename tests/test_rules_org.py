"""Partnerships of `rules_org` on invented sentences whose entities are given."""

from __future__ import annotations

import re

from aigraph.extraction import clauses, rules_org
from aigraph.extraction.clauses import Ent


def _hits(construction, text: str, **names: str) -> set[tuple[str, str, str]]:
    ents = sorted((Ent(m.start(), m.end(), t, n) for n, t in names.items() for m in re.finditer(re.escape(n), text)),
                  key=lambda e: e.start)
    s = clauses.parse(text, ents)
    return {(s.ents[h.subject].name, h.predicate, s.ents[h.object].name) for h in construction(s)}


def test_co_winners_of_a_contract_are_not_partners():
    names = dict(云帆航天="Company", 星河航天="Company")
    assert ("云帆航天", "partnerOf", "星河航天") in _hits(rules_org.partners, "云帆航天和星河航天一起研制新型火箭。", **names)
    assert not _hits(rules_org.partners, "云帆航天和星河航天一起获得了货运订单，但后来各自走了不同的路。", **names)
    assert not _hits(rules_org.partners, "云帆航天与星河航天共同中标了该项目。", **names)
