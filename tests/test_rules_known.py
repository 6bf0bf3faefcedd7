"""The known-maker reading, on invented sentences whose entities (and the makers the lexicon knows) are given."""

from __future__ import annotations

import re

from aigraph.extraction.clauses import Ent
from aigraph.extraction.relations import sentence_facts


def _read(text: str, makers: dict[str, str] | None = None, **names: str) -> set[tuple[str, str, str]]:
    """Facts of at least 0.5; `makers` gives the lexicon's developer of a thing, by surface."""
    makers = makers or {}
    ents = sorted((Ent(m.start(), m.end(), t, n, developer=makers.get(n, ""))
                   for n, t in names.items() for m in re.finditer(re.escape(n), text)), key=lambda e: e.start)
    return {(f.subject, f.predicate, f.object) for f in sentence_facts(text, ents, "2024-06-01") if f.confidence >= 0.5}


def test_a_known_maker_named_in_the_sentence_is_read():
    text = "云帆科技在第三天的开发者活动上，宣布星河模型向企业客户开放。"
    facts = _read(text, {"星河模型": "云帆科技"}, 云帆科技="Company", 星河模型="Model")
    assert ("星河模型", "developedBy", "云帆科技") in facts


def test_a_maker_the_sentence_does_not_name_is_not_read():
    # the lexicon knows 云帆科技 made 星河模型, but the sentence names only another company
    text = "北辰集团的工程师在内部测试中用上了星河模型。"
    facts = _read(text, {"星河模型": "云帆科技"}, 北辰集团="Company", 星河模型="Model")
    assert not any(p == "developedBy" for _, p, _ in facts)


def test_the_parent_of_the_known_maker_is_read_when_only_it_is_named():
    text = "Acme Labs近来的重点项目之一，是为Acme完成Zeta-1的训练。"
    assert ("Zeta-1", "developedBy", "Acme") in _read("Acme内部，Zeta-1是最受重视的项目。", {"Zeta-1": "Acme Labs"},
                                                       Acme="Company", **{"Zeta-1": "Model"})
    # both named: only the maker itself
    assert _read(text, {"Zeta-1": "Acme Labs"}, **{"Acme Labs": "Company", "Zeta-1": "Model"}) \
        >= {("Zeta-1", "developedBy", "Acme Labs")}


def test_a_business_unit_of_the_known_maker_is_not_read():
    # a product the lexicon credits to the parent is not the cloud unit's because the unit is named
    text = "一家车企借助Google Cloud和Gemini改造了客服系统。"
    facts = _read(text, {"Gemini": "Google"}, **{"Google Cloud": "Company", "Gemini": "Model"})
    assert ("Gemini", "developedBy", "Google Cloud") not in facts


def test_a_research_lab_of_the_known_maker_is_read_for_its_models():
    text = "Google DeepMind的一位研究员介绍了Gemini的长上下文设计。"
    facts = _read(text, {"Gemini": "Google"}, **{"Google DeepMind": "Company", "Gemini": "Model"})
    assert ("Gemini", "developedBy", "Google DeepMind") in facts
    # two labs named: which one made it is not said
    two = "Gemini的路线图同时参考了Google Brain和Google DeepMind的早期工作。"
    facts = _read(two, {"Gemini": "Google"}, **{"Google Brain": "Company", "Google DeepMind": "Company", "Gemini": "Model"})
    assert not any(p == "developedBy" and s == "Gemini" for s, p, _ in facts)


def test_a_thing_named_as_the_yardstick_of_a_comparison_gets_no_maker():
    makers = {"星河模型": "云帆科技", "星河Mini": "云帆科技"}
    # 星河Mini is what the other model is measured against; 云帆科技 is named for another reason
    text = "北辰集团新模型的价格比星河Mini低一半，也达到了星河模型的水平，云帆科技对此没有回应。"
    facts = _read(text, makers, 北辰集团="Company", 云帆科技="Company", 星河模型="Model", 星河Mini="Model")
    assert not any(p == "developedBy" for _, p, _ in facts)
    # the same thing named for itself keeps its maker
    facts = _read("云帆科技介绍，星河Mini已向企业客户开放。", makers, 云帆科技="Company", 星河Mini="Model")
    assert ("星河Mini", "developedBy", "云帆科技") in facts


def test_a_thing_and_its_maker_named_side_by_side_are_two_topics():
    makers = {"星河模型": "云帆科技"}
    for text in ("说到星河模型和云帆科技的研究，大家都很熟悉。", "云帆科技、星河模型、北辰集团都在名单上。"):
        facts = _read(text, makers, 云帆科技="Company", 星河模型="Model", 北辰集团="Company")
        assert not any(p == "developedBy" for _, p, _ in facts), text
    facts = _read("云帆科技的星河模型已经开放。", makers, 云帆科技="Company", 星河模型="Model")
    assert ("星河模型", "developedBy", "云帆科技") in facts


def test_a_thing_in_a_clause_about_another_company_gets_no_maker_from_elsewhere():
    makers = {"星河芯片": "云帆科技"}
    text = "北辰集团正在建设新的星河芯片生产线，云帆科技的软件用于加速建设。"
    facts = _read(text, makers, 北辰集团="Company", 星河芯片="Chip", 云帆科技="Company")
    assert not any(p == "developedBy" for _, p, _ in facts)
    # the maker in the thing's own clause is still read
    near = "云帆科技推出了星河芯片，北辰集团是首批客户。"
    assert ("星河芯片", "developedBy", "云帆科技") in _read(near, makers, 北辰集团="Company", 星河芯片="Chip", 云帆科技="Company")


def test_a_thing_named_as_what_another_resembles_gets_no_maker():
    text = "当云帆科技的新产品发布时，它带来了一种类似于星河助手的交互方式。"
    facts = _read(text, {"星河助手": "云帆科技"}, 云帆科技="Company", 星河助手="Product")
    assert ("星河助手", "developedBy", "云帆科技") not in facts
