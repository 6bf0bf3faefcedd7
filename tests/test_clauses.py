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


def test_a_time_word_of_the_narrative_may_open_a_clause_before_its_subject():
    # "同年", "后来", "次年" say when, like a date: the company after them is the clause's subject
    s = _parse("星辰科技于2019年上市，同年河图智能向星辰科技投资了3亿元。", 星辰科技="Company", 河图智能="Company")
    assert _subjects(s) == ["星辰科技", "河图智能"]
    s = _parse("后来河图智能也推出了芯片。", 河图智能="Company")
    assert _subjects(s) == ["河图智能"]
    # near miss: a word that is no time word still stands between
    s = _parse("同行河图智能也推出了芯片。", 河图智能="Company")
    assert _subjects(s) != ["河图智能"]


def test_where_money_came_from_is_not_the_clauses_subject():
    # "从X获得": X gives; the subject before goes on
    s = _parse("星辰科技成立于2018年，当年从河图资本获得了首笔投资。", 星辰科技="Company", 河图资本="Investor")
    assert _subjects(s) == ["星辰科技", "星辰科技"]
    # near miss: a date after 从 opens the clause, and the company after it is its subject
    s = _parse("从2016年开始，星辰科技深耕隐私计算。", 星辰科技="Company")
    assert _subjects(s) == [None, "星辰科技"]
