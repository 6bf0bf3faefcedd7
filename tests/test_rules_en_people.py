"""Founders listed after the company in English (`rules_en_people`), on invented sentences with given entities."""

from __future__ import annotations

import re

import pytest

from aigraph.extraction import clauses, rules_en_people
from aigraph.extraction.clauses import Ent

NAMES = {"Nimbus Labs": "Company", "Orbit": "Company", "Jane Roe": "Person", "Li Wei": "Person", "Sam Poe": "Person",
         "Max Doe": "Person"}


def _founders(text: str) -> set[str]:
    ents = sorted((Ent(m.start(), m.end(), t, n) for n, t in NAMES.items() for m in re.finditer(re.escape(n), text)),
                  key=lambda e: e.start)
    s = clauses.parse(text, ents)
    return {s.ents[h.subject].name for h in rules_en_people.founders_listed(s) if s.ents[h.object].name == "Nimbus Labs"}


@pytest.mark.parametrize("text,expected", [
    ("Nimbus Labs, the robotics startup founded by Jane Roe, Li Wei and Sam Poe in 2021, raised new money.",
     {"Jane Roe", "Li Wei", "Sam Poe"}),
    ("Nimbus Labs, the startup founded by former Orbit CTO Jane Roe, closed its first round.", {"Jane Roe"}),
    ("Nimbus Labs was founded in 2020 by Jane Roe, a former Orbit engineer, and Li Wei.", {"Jane Roe", "Li Wei"}),
    ("Max Doe co-founded Nimbus Labs in March with Jane Roe, who previously ran sales at Orbit, and former Orbit "
     "engineer Li Wei.", {"Jane Roe", "Li Wei"}),
])
def test_founders_listed(text, expected):
    assert _founders(text) == expected


@pytest.mark.parametrize("text", [
    "Nimbus Labs, the startup founded by Jane Roe, hired Max Doe as its finance chief.",  # Max Doe was hired
    "Max Doe joined Nimbus Labs in March with Jane Roe.",  # joined, not co-founded
])
def test_who_is_named_after_is_no_founder(text):
    assert "Max Doe" not in _founders(text)
    assert "Jane Roe" not in _founders(text) or "founded" in text


def _leads(text: str) -> set[tuple[str, str]]:
    ents = sorted((Ent(m.start(), m.end(), t, n) for n, t in NAMES.items() for m in re.finditer(re.escape(n), text)),
                  key=lambda e: e.start)
    s = clauses.parse(text, ents)
    return {(s.ents[h.subject].name, s.ents[h.object].name) for h in rules_en_people.its_chief(s) if h.predicate == "leads"}


def test_its_chief_is_the_chief_of_the_company_named_last():
    assert _leads("Orbit agreed to buy a stake in Nimbus Labs and hire its CEO Jane Roe.") == {("Jane Roe", "Nimbus Labs")}
    # another person stands between: "its" may be theirs
    assert not _leads("Nimbus Labs hired Max Doe, and its CEO Jane Roe said so.")
