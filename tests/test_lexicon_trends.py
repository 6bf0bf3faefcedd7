"""The trend taxonomy: every trend defined, wider trends that exist, no trend alias that is a common word."""

from __future__ import annotations

import re

import pytest

from aigraph.errors import AigraphError
from aigraph.extraction.candidates import english_common
from aigraph.extraction.lexicon import Lexicon, default_lexicon, entry_from_record
from aigraph.extraction.names_cn import cn_common
from aigraph.folding import norm

# a Chinese word jieba's dictionary counts more often than this is in ordinary use (代理 1946, 模块化 136,
# 量化 117); 开源 (70) is used in the trend's sense in the texts we read
ORDINARY = 100


def _trends():
    return [e for e in default_lexicon().entries if e.type == "Trend"]


def test_every_trend_has_a_definition():
    trends = _trends()
    assert len(trends) >= 60
    for e in trends:
        assert e.definition and e.definition.endswith(".") and len(e.definition) < 200, e.name


def test_wider_trends_are_trends_and_the_taxonomy_has_depth():
    lex = default_lexicon()
    narrower = [e for e in _trends() if e.broader]
    assert len(narrower) >= 15
    for e in narrower:
        chain = lex.broader(e)
        assert chain and all(t.type == "Trend" for t in chain), e.name
    assert [t.name for t in lex.broader(lex.canonical("RLHF"))] == ["Reinforcement learning"]


def test_no_alias_is_claimed_by_two_trends():
    seen: dict[str, str] = {}
    for e in _trends():
        for a in (*e.names, *e.weak_aliases):
            assert seen.setdefault(norm(a), e.name) == e.name, f"{a!r}: {seen[norm(a)]} and {e.name}"


def test_no_strong_trend_alias_is_a_common_word_used_otherwise():
    common = english_common()
    for e in _trends():
        for a in e.names:
            if re.fullmatch(r"[A-Za-z]+", a) and a.casefold() in common:
                # "RAG", "CoT", "MoE": only in capitals is it the trend (in English prose "rag" is not)
                assert not a.islower() and a != a.capitalize(), f"{e.name}: {a!r} is an English word"
            if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", a):
                assert not cn_common(a, ORDINARY), f"{e.name}: {a!r} is a common Chinese word: make it weak"


def test_weak_trend_aliases_have_context_words():
    for e in _trends():
        if e.weak_aliases:
            assert e.context, e.name


@pytest.mark.parametrize("sentence", [
    "他是这家公司在华南地区的销售代理。",
    "蒸馏水的沸点是一百摄氏度。",
    "请把表格里的两列文字对齐。",
    "这家量化基金的规模去年翻了一倍。",
    "模块化家具在年轻人中很受欢迎。",
    "老师傅正在给果树剪枝。",
    "这部电影讲的是多元宇宙里的另一个自己。",
])
def test_ordinary_senses_of_trend_words_are_no_trends(extract_text, sentence):
    [a] = extract_text(sentence)
    assert not [m for m in a.mentions if m.type == "Trend"], a.mentions


@pytest.mark.parametrize("sentence,surface", [
    ("知识蒸馏让小模型学到了大模型的能力，蒸馏后的模型更快。", "蒸馏"),
    ("AI智能体与多模态是今年大模型最重要的两个方向。", "多模态"),
    ("视频生成是今年AI行业增长最快的赛道。", "视频生成"),
    # named technology waves, marked wherever real news names them
    ("这位创业者早年做过RPA，后来又投身元宇宙。", "RPA"),
    ("这几年，元宇宙是资本追逐的风口。", "元宇宙"),
    ("芯片厂商在发布会上大谈物理AI和机器人。", "物理AI"),
    ("几年前资本追逐区块链和NFT，如今转向大模型。", "区块链"),
    ("几年前资本追逐区块链和NFT，如今转向大模型。", "NFT"),
])
def test_trend_words_in_their_trend_sense(extract_text, sentence, surface):
    [a] = extract_text(sentence)
    assert (surface, "Trend") in {(m.surface, m.type) for m in a.mentions}


def test_open_sourced_names_the_trend_and_distilled_does_not(extract_text):
    [a] = extract_text("星河智能昨天开源了300亿参数的推理模型Fan-3。")
    assert ("开源", "Trend") in {(m.surface, m.type) for m in a.mentions}
    assert [f for f in a.facts if f.predicate == "relatedTo" and f.object == "Open source" and f.subject != "星河智能"]
    [a] = extract_text("工程师们从大模型蒸馏了一个小模型。")
    assert not [m for m in a.mentions if m.type == "Trend"]


def test_a_taxonomy_only_trend_needs_a_sentence_about_trends(extract_text):
    [a] = extract_text("这家公司推出了视频生成模型。")
    assert not [m for m in a.mentions if m.type == "Trend"]


def test_the_loader_reads_definitions_and_checks_wider_trends():
    good = entry_from_record({"name": "Agentic RAG", "type": "Trend", "definition": "RAG driven by an agent.",
                              "broader": "RAG"}, "t")
    assert (good.definition, good.broader) == ("RAG driven by an agent.", "RAG")
    with pytest.raises(AigraphError, match="trends only"):
        entry_from_record({"name": "Acme", "type": "Company", "definition": "A company."}, "t")
    with pytest.raises(AigraphError, match="must be a string"):
        entry_from_record({"name": "X", "type": "Trend", "broader": ["RAG"]}, "t")
    with pytest.raises(AigraphError, match="not a trend of the lexicon"):
        Lexicon([good])
    loop = [entry_from_record({"name": "A", "type": "Trend", "broader": "B"}, "t"),
            entry_from_record({"name": "B", "type": "Trend", "broader": "A"}, "t")]
    with pytest.raises(AigraphError, match="loop"):
        Lexicon(loop)
