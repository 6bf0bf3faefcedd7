"""The lexicon: valid records, the seven types, no alias claimed twice without a way to choose."""

from __future__ import annotations

import json

import pytest

from aigraph.errors import AigraphError
from aigraph.extraction.lexicon import data_dir, default_lexicon, entry_from_record
from aigraph.folding import norm
from aigraph.vocab import ENTITY_TYPES


def test_every_record_is_valid():
    files = sorted(data_dir().glob("*.jsonl"))
    assert files
    n = 0
    for f in files:
        for i, line in enumerate(f.read_text("utf-8").splitlines(), 1):
            if line.strip():
                entry_from_record(json.loads(line), f"{f.name}:{i}")
                n += 1
    assert n == len(default_lexicon().entries)


def test_types_are_the_seven_of_the_schema():
    assert {e.type for e in default_lexicon().entries} <= set(ENTITY_TYPES)


def test_canonical_names_are_unique():
    seen: dict[str, str] = {}
    for e in default_lexicon().entries:
        key = norm(e.name)
        assert key not in seen, f"{e.name!r} and {seen[key]!r} are the same name"
        seen[key] = e.name


def test_shared_aliases_are_resolved_by_context():
    """An alias two entities claim strongly must be told apart by context words of one of them."""
    lex = default_lexicon()
    for key, claims in lex.by_key.items():
        strong = [e for e, s in claims if s]
        if len(strong) > 1:
            assert any(e.context for e in strong), f"{key!r} is claimed by {[e.name for e in strong]} with no context"


def test_bad_records_are_refused_with_a_reason():
    with pytest.raises(AigraphError, match="type 'Startup' is not one of"):
        entry_from_record({"name": "X", "type": "Startup"}, "f:1")
    with pytest.raises(AigraphError, match="non-empty string 'name'"):
        entry_from_record({"type": "Company"}, "f:2")
    with pytest.raises(AigraphError, match="unknown field"):
        entry_from_record({"name": "X", "type": "Company", "alias": ["Y"]}, "f:3")


def test_normalisation_joins_spelling_variants():
    assert norm("DeepSeek V3") == norm("DeepSeek-V3") == norm("deepseekv3")
    assert norm("埃隆·马斯克") == norm("埃隆马斯克")
    assert norm("ＧＰＴ－４") == norm("GPT-4")


GENERIC = ("AI", "人工智能", "大模型", "模型", "芯片", "公司", "平台", "科技", "智能", "集团", "实验室", "研究院",
           "研究所", "大学", "资本", "基金", "创投", "投资", "Labs", "Capital", "Ventures", "Group", "Research")


def test_no_generic_word_names_an_entity():
    lex = default_lexicon()
    for word in GENERIC:
        assert not lex.lookup(word), f"{word!r} is an alias of {[e.name for e, _ in lex.lookup(word)]}"


def test_company_suffix_is_left_to_the_matcher():
    """"甲骨文公司" is never listed beside "甲骨文": annotators mark the name and the matcher accepts the glue."""
    for e in default_lexicon().entries:
        keys = {norm(a) for a in (e.name, *e.aliases, *e.weak_aliases)}
        for a in e.aliases:
            if a.endswith("公司"):
                assert norm(a[:-2]) not in keys, f"{e.name}: {a!r}"


def test_developers_resolve_to_one_company():
    lex = default_lexicon()
    for e in lex.entries:
        if e.developer:
            dev = lex.canonical(e.developer)
            assert dev is not None and dev.type == "Company", f"{e.name}: developer {e.developer!r}"


def test_lexicon_names_organisations_and_people_in_both_languages():
    lex = default_lexicon()
    assert lex.canonical("英伟达").name == lex.canonical("NVIDIA").name == "NVIDIA"
    assert lex.canonical("月之暗面").name == lex.canonical("Moonshot AI").name
    assert lex.canonical("红杉中国").type == "Investor"
    assert lex.canonical("黄仁勋").name == lex.canonical("Jensen Huang").name
    assert lex.canonical("清华大学").type == "Company"


def test_context_words_do_not_confirm_themselves():
    """A context word inside the weak alias itself would be found whenever the alias is, and prove nothing."""
    for e in default_lexicon().entries:
        for w in e.weak_aliases:
            for c in e.context:
                assert c.casefold() not in w.casefold(), f"{e.name}: context {c!r} lies in weak alias {w!r}"


def test_find_reports_every_alias_the_plain_automaton_finds_whatever_surrounds_it():
    # find() scans with characters outside the aliases written as one stand-in: the matches must be
    # those of the lexicon's plain automaton over the folded text, overlapping ones and offsets included
    lex = default_lexicon()
    text = "据悉，OpenAI 与深度求索（DeepSeek）都发布了模型；\x00\x01 Deep-Seek 和 open ai、GPT-4o。"
    folded = norm(text)
    plain = sorted((end - len(key) + 1, key) for end, key in lex.automaton.iter(folded))
    found = list(lex.find(text))
    assert found and sorted((len(norm(text[:a])), key) for a, _, key in found) == plain
    assert all(norm(text[a:b]) == key for a, b, key in found)
