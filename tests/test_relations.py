"""Relation constructions on seed sentences and on news-like sentences they were not written for."""

from __future__ import annotations

import pytest


def _facts(analysis, threshold: float = 0.5):
    return {(f.subject, f.predicate, f.object) for f in analysis.facts if f.confidence >= threshold}


@pytest.mark.parametrize("sentence,fact", [
    # developedBy
    ("谷歌发布的Gemini 2.0 Flash-Lite是Gemini 2.0系列的新变体。", ("Gemini 2.0 Flash-Lite", "developedBy", "Google")),
    ("OpenAI在7月发布AI搜索工具SearchGPT，其付费用户均可使用。", ("SearchGPT", "developedBy", "OpenAI")),
    ("比如2024年，Google Gemini 1.5 Pro突破性地实现了最高可达1000万token的处理能力。", ("Gemini 1.5 Pro", "developedBy", "Google")),
    ("紧接着，OpenAI继续推动创新，发布动作不断：1月24日发布了一款代号为“Operator”的全新AI Agent产品；随后2月1日推出o3-mini。",
     ("o3-mini", "developedBy", "OpenAI")),
    # investedIn
    ("初创企业DayDream种子轮拿到了5000万美元投资，Forerunner、Index联合领投。", ("Index Ventures", "investedIn", "DayDream")),
    ("硅谷投资机构UpHonest Capital早期投资的Cosine，正在打造全自动的AI软件开发助理。", ("UpHonest Capital", "investedIn", "Cosine")),
    # founderOf / leads
    ("Perplexity是一家成立于2022年8月的美国AI创业公司，公司由前OpenAI研究科学家Aravind Srinivas和前Meta研究科学家Denis Yarats等联合创立。",
     ("Denis Yarats", "founderOf", "Perplexity")),
    ("在2025年1月，Anthropic的CEO-Dario Amodei 发表了一篇长达万字的深度分析报告。", ("Dario Amodei", "leads", "Anthropic")),
    # partnerOf / acquired
    ("微软与OpenAI宣布达成新的合作协议。", ("Microsoft", "partnerOf", "OpenAI")),
    ("英伟达以7亿美元收购了Run:ai。", None),
    # competesWith
    ("GPT-4o在性能上与GPT-4 Turbo不相上下，尤其在非英语文本处理方面表现优异。", ("GPT-4o", "competesWith", "GPT-4 Turbo")),
    ("DeepSeek大模型性能在多个方面比肩OpenAI，其中DeepSeek V3的训练成本很低。", ("DeepSeek", "competesWith", "OpenAI")),
    # basedOn / hardware
    ("Shopify Sidekick则利用LLama 2生成产品描述、回应客户查询和创建营销内容。", ("Shopify Sidekick", "basedOn", "Llama 2")),
    ("根据估算，GPT-4 可能使用了约 10,000 至 25,000 张 A100 显卡完成训练。", ("GPT-4", "trainedOn", "A100")),
    ("相比之下，Inflection 通过 3,500 张 H100 显卡训练出了与 GPT-3.5 能力相当的模型。", ("Inflection AI", "usesChip", "H100")),
    # relatedTo
    ("作为OpenAI推出的全新多模态模型，GPT-4o具备同时接受文本、音频和图像作为输入的能力。", ("GPT-4o", "relatedTo", "Multimodal")),
    ("例如，Two Sigma在量化投资中使用AI Agent进行选股策略。", ("Two Sigma", "relatedTo", "AI Agent")),
    ("微软、Meta、OpenAI和Anthropic等公司纷纷将合成数据作为增强模型训练效率的有效手段。", ("Anthropic", "relatedTo", "Synthetic data")),
])
def test_constructions(extract_text, sentence, fact):
    [a] = extract_text(sentence)
    if fact is None:
        assert not any(f.predicate == "acquired" and f.object == "NVIDIA" for f in a.facts)
    else:
        assert fact in _facts(a), sorted(_facts(a))


@pytest.mark.parametrize("sentence,absent", [
    # a list of names is not a list of facts
    ("包括Meta、亚马逊、Alphabet和微软在内的主要科技公司正在推动对人工智能基础设施的空前投资。", "partnerOf"),
    # a company that only reports a figure is not tied to the trend it reports on
    ("根据咨询公司来觅PEVC的统计，自2024年以来，全球AI Agent赛道的融资金额已突破665亿元人民币。", "relatedTo"),
    ("谷歌云预测，2025年将成为企业采用AI技术的关键一年，这一趋势主要由多模态学习驱动。", "relatedTo"),
    # a former CEO does not lead
    ("前Salesforce联席CEO Bret Taylor创立的AI客服公司Sierra提供客服服务。", "leads"),
])
def test_no_fact_where_none_is_stated(extract_text, sentence, absent):
    [a] = extract_text(sentence)
    assert not any(f.predicate == absent for f in a.facts if f.confidence >= 0.5), sorted(_facts(a))


def test_chips_counted_in_a_cluster_are_not_made_by_whoever_announced_it(extract_text):
    [a] = extract_text("Meta于2022年公布了拥有1.6万张A100 GPU的超级计算集群RSC。")
    assert not any(f.predicate == "developedBy" and f.subject == "A100" for f in a.facts if f.confidence >= 0.5), \
        sorted(_facts(a))


def test_coordinated_investors_each_get_the_fact_with_amount(extract_text):
    [a] = extract_text("初创企业DayDream种子轮拿到了5000万美元投资，Forerunner、Index联合领投。")
    rounds = [f for f in a.facts if f.predicate == "investedIn"]
    assert {f.subject for f in rounds} == {"Forerunner Ventures", "Index Ventures"}
    assert all((f.amount.value, f.amount.unit) == ("50000000", "USD") for f in rounds)


def test_valuation_is_told_from_amount(extract_text):
    [a] = extract_text("AI推理芯片制造商Groq2024年估值达到28亿美元，在Blackrock领投的新一轮中融资6.4亿美元。")
    [f] = [f for f in a.facts if f.predicate == "investedIn"]
    assert (f.subject, f.object) == ("BlackRock", "Groq")
    assert f.amount.value == "640000000" and f.valuation.value == "2800000000"


def test_every_fact_fits_the_schema_signature(extract_text):
    from aigraph.vocab import signatures

    sentences = [
        "一年多以前，基础大模型制造商OpenAI，在芯片制造商英伟达生产的25000个最新进GPU集群上训练了GPT-4。",
        "投资方包括软银、亚马逊创始人贝索斯和英伟达等多家知名企业和AI领域知名人士。",
        "2月6日，斯坦福大学李飞飞团队和华盛顿大学研究人员以不到50美元云计算费用，成功蒸馏出一个名为s1的新推理模型，表现与OpenAI的o1和DeepSeek的R1相似。",
    ]
    for a in extract_text(*sentences):
        types = {m.name: m.type for m in a.mentions}
        for f in a.facts:
            assert signatures()[f.predicate].accepts(types[f.subject], types[f.object]), f


def test_lexicon_knowledge_of_the_maker_vetoes_a_misreading(tmp_path):
    """A developedBy that contradicts the lexicon's `developer` falls below the graph threshold."""
    import json

    from aigraph.extraction.nlp import build_nlp, extract
    from aigraph.model import Sentence

    lex = tmp_path / "lex.jsonl"
    rows = [{"name": "Acme", "type": "Company"}, {"name": "Globex", "type": "Company"},
            {"name": "Zeta-1", "type": "Model", "developer": "Globex"}]
    lex.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    nlp = build_nlp(str(lex))
    text = "Acme发布了Zeta-1模型。"
    [a] = extract(nlp, [Sentence("d", 0, text, ((0, len(text)),))])
    [f] = [f for f in a.facts if f.predicate == "developedBy"]
    assert f.object == "Acme" and f.confidence < 0.5
    text2 = "Globex发布了Zeta-1模型。"
    [b] = extract(nlp, [Sentence("d", 1, text2, ((0, len(text2)),))])
    assert any(f.object == "Globex" and f.confidence >= 0.5 for f in b.facts)


@pytest.mark.parametrize("sentence,fact", [
    # a time between the maker and its verb
    ("例如，英伟达于2024年6月开源的Nemotron-4 340B参数规模达到3400亿参数。", ("Nemotron-4 340B", "developedBy", "NVIDIA")),
    # made in-house
    ("腾讯自研Angel机器学习平台面向大模型训练。", ("Angel", "developedBy", "Tencent")),
])
def test_makers_with_time_and_in_house(extract_text, sentence, fact):
    [a] = extract_text(sentence)
    assert fact in _facts(a), sorted(_facts(a))


@pytest.mark.parametrize("sentence,facts", [
    # the investor stands before 向, the company after it
    ("据悉，微软累计已向OpenAI投资约130亿美元。", {("Microsoft", "investedIn", "OpenAI")}),
    # a co-investor named before is not the company the round funds
    ("月之暗面完成新一轮10亿美元融资，由阿里巴巴领投，红杉中国跟投。",
     {("Alibaba", "investedIn", "Moonshot AI"), ("HongShan", "investedIn", "Moonshot AI")}),
    ("此前，腾讯还领投了月之暗面的新一轮融资，并参投了MiniMax和百川智能。",
     {("Tencent", "investedIn", "Moonshot AI"), ("Tencent", "investedIn", "Baichuan AI")}),
    ("月之暗面在8月又完成了一笔3亿美元融资，腾讯、高榕资本参与本轮，估值达到33亿美元。",
     {("Tencent", "investedIn", "Moonshot AI")}),
    # titles in a row, founders with a time, a founder named as such
    ("腾讯董事会主席兼CEO马化腾在内部年会上表示，腾讯在AI上不急于抢发。", {("Pony Ma", "leads", "Tencent")}),
    ("MiniMax由前商汤科技副总裁闫俊杰于2021年底创立。", {("Yan Junjie", "founderOf", "MiniMax")}),
    ("马斯克同时是OpenAI的联合创始人之一，目前正在起诉OpenAI及其CEO奥特曼。",
     {("Elon Musk", "founderOf", "OpenAI"), ("Sam Altman", "leads", "OpenAI")}),
    ("英伟达CEO黄仁勋在GTC大会上发布了新一代芯片。", {("Jensen Huang", "leads", "NVIDIA")}),
    ("AMD宣布以49亿美元收购ZT Systems。", {("AMD", "acquired", "ZT Systems")}),
    ("同时，Cosine是OpenAI最大的模型微调合作伙伴，拥有其前沿模型的早期使用权限。", {("Cosine", "partnerOf", "OpenAI")}),
])
def test_news_constructions(extract_text, sentence, facts):
    [a] = extract_text(sentence)
    assert facts <= _facts(a), sorted(_facts(a))
    assert not any(f.predicate == "investedIn" and f.object in {"Microsoft", "Alibaba"} for f in a.facts)


def test_a_chip_maker_does_not_use_its_own_chip(extract_text):
    [a] = extract_text("华为轮值董事长徐直军在全联接大会上公布了昇腾芯片路线图。")
    assert ("Huawei", "usesChip", "Ascend") not in _facts(a, 0.0)
    assert ("Eric Xu", "leads", "Huawei") in _facts(a)


# ---------------------------------------------------------------- denials and suppositions (hand-given entities)

def _given(text: str, **names: str) -> set[tuple[str, str, str]]:
    import re

    from aigraph.extraction.clauses import Ent
    from aigraph.extraction.relations import sentence_facts
    ents = sorted((Ent(m.start(), m.end(), t, n) for n, t in names.items() for m in re.finditer(re.escape(n), text)),
                  key=lambda e: e.start)
    return {(f.subject, f.predicate, f.object) for f in sentence_facts(text, ents, "2024-06-01") if f.confidence >= 0.5}


def test_a_denied_tie_to_a_trend_is_not_stated():
    said = _given("晨光日报刊登了一篇长文，专门讨论了智能体。", 晨光日报="Company", 智能体="Trend")
    denied = _given("晨光日报刊登了一篇长文，但并不是专门讨论智能体的。", 晨光日报="Company", 智能体="Trend")
    assert ("晨光日报", "relatedTo", "智能体") in said
    assert ("晨光日报", "relatedTo", "智能体") not in denied


def test_a_supposition_states_no_tie_and_no_rivalry():
    assert ("云帆科技", "relatedTo", "合成数据") in _given("云帆科技正在大量使用合成数据。", 云帆科技="Company", 合成数据="Trend")
    assert not _given("如果你能买到云帆科技的芯片，是否还需要合成数据？", 云帆科技="Company", 合成数据="Trend")
    assert ("星河模型", "competesWith", "极光模型") in _given("星河模型的表现超越了极光模型。", 星河模型="Model", 极光模型="Model")
    assert not _given("假如星河模型的表现能超越极光模型，格局就会改变。", 星河模型="Model", 极光模型="Model")


def test_a_denial_does_not_take_back_who_made_what():
    # "没有开源" denies the opening, not the making
    assert ("星河模型", "developedBy", "云帆科技") in _given("云帆科技没有开源其发布的星河模型。", 云帆科技="Company", 星河模型="Model") \
        | _given("云帆科技发布的星河模型没有开源。", 云帆科技="Company", 星河模型="Model")
