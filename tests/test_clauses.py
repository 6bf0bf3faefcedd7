"""Clauses and their subjects on invented sentences whose entities are given."""

from __future__ import annotations

import re

from aigraph.extraction import clauses
from aigraph.extraction.clauses import Ent


def _parse(text: str, **names: str) -> clauses.Parse:
    ents = [Ent(m.start(), m.end(), type_, surface) for surface, type_ in names.items()
            for m in re.finditer(re.escape(surface), text)]
    return clauses.parse(text, sorted(ents, key=lambda e: e.start))


def _subjects(s: clauses.Parse) -> list[str | None]:
    return [None if c.subject is None else s.ents[c.subject].name for c in s.clauses]


def test_a_subject_is_carried_into_the_clauses_after_it():
    s = _parse("星辰科技发布了新模型，随后上线了手机应用。", 星辰科技="Company")
    assert _subjects(s) == ["星辰科技", "星辰科技"]


def test_a_clause_that_opens_on_a_pronoun_has_a_subject_of_its_own():
    s = _parse("星辰科技有大量的用户日志可以用来训练，所以我认为这类模型会越来越多。", 星辰科技="Company")
    assert _subjects(s) == ["星辰科技", None]
    s = _parse("河图智能发布了两款芯片，因此大家都在讨论端侧推理。", 河图智能="Company")
    assert _subjects(s) == ["河图智能", None]


def test_a_pointing_word_still_carries_the_subject():
    # "它" and "这些" point back to what the clause before is about
    s = _parse("星辰科技推出了新模型，它支持多模态输入。", 星辰科技="Company")
    assert _subjects(s) == ["星辰科技", "星辰科技"]
