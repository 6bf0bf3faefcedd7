"""Relation constructions on seed sentences and on news-like sentences they were not written for."""

from __future__ import annotations

import pytest


def _facts(analysis, threshold: float = 0.5):
    return {(f.subject, f.predicate, f.object) for f in analysis.facts if f.confidence >= threshold}


@pytest.mark.parametrize("sentence,fact", [
    # developedBy
    ("谷歌发布的Gemini 2.0 Flash-Lite是Gemini 2.0系列的新变体。", ("Gemini 2.0 Flash-Lite", "developedBy", "Google")),
    ("Anthropic在9月发布编程工具Claude Code，其企业用户均可试用。", ("Claude Code", "developedBy", "Anthropic")),
    ("比如2023年，Anthropic Claude 2首次把上下文窗口扩展到了10万token。", ("Claude 2", "developedBy", "Anthropic")),
    ("随后，谷歌加快了节奏，新品接连亮相：3月12日发布了一款名为“Gemma 3”的开放模型；紧接着4月17日推出Gemini 2.5 Flash。",
     ("Gemini 2.5 Flash", "developedBy", "Google")),
    # investedIn
    ("初创企业Lumina天使轮拿到了3000万美元投资，Accel、Index联合领投。", ("Index Ventures", "investedIn", "Lumina")),
    ("硅谷风投机构Greylock早期投资的Codeium，正在开发面向企业的AI编程助手。", ("Greylock", "investedIn", "Codeium")),
    # founderOf / leads
    ("Mistral AI是一家成立于2023年4月的法国AI初创公司，公司由前DeepMind研究员Arthur Mensch和前Meta研究员Guillaume Lample等联合创立。",
     ("Guillaume Lample", "founderOf", "Mistral AI")),
    ("在2024年11月，Mistral AI的CEO-Arthur Mensch 接受了一次长达两小时的专访。", ("Arthur Mensch", "leads", "Mistral AI")),
    # partnerOf / acquired
    ("微软与OpenAI宣布达成新的合作协议。", ("Microsoft", "partnerOf", "OpenAI")),
    ("英伟达以7亿美元收购了Run:ai。", None),
    # competesWith
    ("Claude 3.5 Sonnet在推理上与GPT-4o不相上下，尤其在代码生成方面表现突出。", ("Claude 3.5 Sonnet", "competesWith", "GPT-4o")),
    ("智谱大模型能力在不少任务上比肩Anthropic，其中GLM-4的推理成本较低。", ("Zhipu AI", "competesWith", "Anthropic")),
    # basedOn / hardware
    ("Notion AI则利用Claude 2生成会议纪要、回复同事消息和撰写周报。", ("Notion AI", "basedOn", "Claude 2")),
    ("根据估算，GPT-4 可能使用了约 10,000 至 25,000 张 A100 显卡完成训练。", ("GPT-4", "trainedOn", "A100")),
    ("相比之下，Inflection 通过 3,500 张 H100 显卡训练出了与 GPT-3.5 能力相当的模型。", ("Inflection AI", "usesChip", "H100")),
    # relatedTo
    ("作为谷歌推出的新一代多模态模型，Gemini 2.0可以同时理解文本、视频和语音输入。", ("Gemini 2.0", "relatedTo", "Multimodal")),
    ("比如，摩根大通在财富管理中借助AI Agent完成客户画像。", ("JPMorgan Chase", "relatedTo", "AI Agent")),
    ("谷歌、英伟达和Mistral AI等企业都把合成数据当作扩充训练语料的重要来源。", ("Mistral AI", "relatedTo", "Synthetic data")),
])
def test_constructions(extract_text, sentence, fact):
    [a] = extract_text(sentence)
    if fact is None:
        assert not any(f.predicate == "acquired" and f.object == "NVIDIA" for f in a.facts)
    else:
        assert fact in _facts(a), sorted(_facts(a))


@pytest.mark.parametrize("sentence,absent", [
    # a list of names is not a list of facts
    ("包括谷歌、苹果、英伟达和甲骨文在内的科技巨头正在加大对数据中心的资本开支。", "partnerOf"),
    # a company that only reports a figure is not tied to the trend it reports on
    ("根据研究机构IT桔子的数据，2023年以来，国内具身智能赛道的投资总额已超过300亿元。", "relatedTo"),
    ("亚马逊云科技预测，2026年会是企业部署AI Agent的转折之年，推动力主要来自多模态学习。", "relatedTo"),
    pytest.param("亚马逊云科技预计，2026年会是企业落地AI应用的转折之年，推动力主要来自多模态学习。", "relatedTo",
                 marks=pytest.mark.xfail(strict=True, reason="a forecast cued by 预计 (not 预测) is not read as reporting")),
    # a former CEO does not lead
    ("前Salesforce联席CEO Bret Taylor创立的AI客服公司Sierra提供客服服务。", "leads"),
])
def test_no_fact_where_none_is_stated(extract_text, sentence, absent):
    [a] = extract_text(sentence)
    assert not any(f.predicate == absent for f in a.facts if f.confidence >= 0.5), sorted(_facts(a))


def test_chips_counted_in_a_cluster_are_not_made_by_whoever_announced_it(extract_text):
    [a] = extract_text("xAI于2024年建成了拥有10万张H100 GPU的超级计算集群Colossus。")
    assert not any(f.predicate == "developedBy" and f.subject == "H100" for f in a.facts if f.confidence >= 0.5), \
        sorted(_facts(a))


def test_coordinated_investors_each_get_the_fact_with_amount(extract_text):
    [a] = extract_text("初创企业Lumina天使轮拿到了3000万美元投资，Forerunner、Index联合领投。")
    rounds = [f for f in a.facts if f.predicate == "investedIn"]
    assert {f.subject for f in rounds} == {"Forerunner Ventures", "Index Ventures"}
    assert all((f.amount.value, f.amount.unit) == ("30000000", "USD") for f in rounds)


def test_valuation_is_told_from_amount(extract_text):
    [a] = extract_text("AI芯片初创公司Cerebras2023年估值达到41亿美元，在Fidelity领投的最新一轮中募资2.5亿美元。")
    [f] = [f for f in a.facts if f.predicate == "investedIn"]
    assert (f.subject, f.object) == ("Fidelity Investments", "Cerebras")
    assert f.amount.value == "250000000" and f.valuation.value == "4100000000"
    # the valuation named first, the raising after it: the second figure is the round's
    [a] = extract_text("云帆科技以40亿美元的估值完成了3亿美元的C轮融资，由红杉资本领投。")
    [f] = [f for f in a.facts if f.predicate == "investedIn"]
    assert f.amount.value == "300000000" and f.valuation.value == "4000000000"


def test_every_fact_fits_the_schema_signature(extract_text):
    from aigraph.vocab import signatures

    sentences = [
        "两年前，大模型公司Anthropic，在芯片厂商英伟达提供的2万张H100集群上训练了Claude 3。",
        "参投方包括淡马锡、微软联合创始人比尔·盖茨和三星等多家机构和科技界名人。",
        ("3月2日，北京大学张华团队和浙江大学研究人员以不到100美元的算力费用，训练出一个名为t2的小型推理模型，"
         "效果与谷歌的Gemini 2.0 Flash和阿里巴巴的QwQ接近。"),
    ]
    analyses = extract_text(*sentences)
    # a fact read across sentences names an entity of an earlier sentence: type names document-wide
    types = {m.name: m.type for a in analyses for m in a.mentions}
    assert any(a.facts for a in analyses)
    for a in analyses:
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
    ("例如，阿里巴巴于2024年9月开源的Qwen2.5-72B参数规模达到720亿。", ("Qwen2.5-72B", "developedBy", "Alibaba")),
    # made in-house
    ("百度自研飞桨深度学习框架面向产业落地。", ("PaddlePaddle", "developedBy", "Baidu")),
])
def test_makers_with_time_and_in_house(extract_text, sentence, fact):
    [a] = extract_text(sentence)
    assert fact in _facts(a), sorted(_facts(a))


@pytest.mark.parametrize("sentence,facts", [
    # the investor stands before 向, the company after it
    ("据报道，亚马逊累计已向Anthropic投资80亿美元。", {("Amazon", "investedIn", "Anthropic")}),
    # a co-investor named before is not the company the round funds
    ("百川智能完成新一轮5亿美元融资，由腾讯领投，红杉中国跟投。",
     {("Tencent", "investedIn", "Baichuan AI"), ("HongShan", "investedIn", "Baichuan AI")}),
    ("此外，阿里巴巴还领投了智谱的B轮融资，并参投了零一万物和百川智能。",
     {("Alibaba", "investedIn", "Zhipu AI"), ("Alibaba", "investedIn", "Baichuan AI")}),
    ("MiniMax在3月又完成了一笔6亿美元融资，腾讯、红杉中国参与本轮，估值达到25亿美元。",
     {("Tencent", "investedIn", "MiniMax")}),
    # titles in a row, founders with a time, a founder named as such
    ("百度董事长兼CEO李彦宏在年度大会上表示，百度会持续投入大模型。", {("Robin Li", "leads", "Baidu")}),
    ("零一万物由前微软全球副总裁李开复于2023年3月创立。", {("Kai-Fu Lee", "founderOf", "01.AI")}),
    ("穆斯塔法·苏莱曼同时是DeepMind的联合创始人之一，如今与微软及其CEO纳德拉共事。",
     {("Mustafa Suleyman", "founderOf", "Google DeepMind"), ("Satya Nadella", "leads", "Microsoft")}),
    ("英伟达CEO黄仁勋在GTC大会上发布了新一代芯片。", {("Jensen Huang", "leads", "NVIDIA")}),
    ("AMD宣布以49亿美元收购ZT Systems。", {("AMD", "acquired", "ZT Systems")}),
    ("此外，Scale AI是Meta最重要的数据标注合作伙伴，可以提前接触其新模型。", {("Scale AI", "partnerOf", "Meta")}),
])
def test_news_constructions(extract_text, sentence, facts):
    [a] = extract_text(sentence)
    assert facts <= _facts(a), sorted(_facts(a))
    assert not any(f.predicate == "investedIn" and f.object in {"Amazon", "Alibaba", "Tencent"} for f in a.facts)


def test_a_chip_maker_does_not_use_its_own_chip(extract_text):
    [a] = extract_text("华为轮值董事长徐直军在开发者大会上介绍了昇腾芯片的新进展。")
    assert ("Huawei", "usesChip", "Ascend") not in _facts(a, 0.0)
    assert ("Eric Xu", "leads", "Huawei") in _facts(a)


def test_a_company_announcing_a_chip_it_makes_is_not_its_user():
    names = dict(云帆半导体="Company", YF8000="Chip")
    facts = _given("1985年，云帆半导体推出了第一款商用AI芯片YF8000。", **names)
    assert ("YF8000", "developedBy", "云帆半导体") in facts and ("云帆半导体", "usesChip", "YF8000") not in facts
    assert ("云帆半导体", "usesChip", "YF8000") in _given("云帆半导体在数据中心部署了YF8000。", **names)


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


def test_we_claiming_a_known_makers_model_is_read_when_the_article_named_the_maker(extract_text):
    first, said = "谷歌的一位研究负责人在播客里谈了很多。", "Gemini 1.5 Pro是我们最新的旗舰模型，推理更稳。"
    _, a = extract_text(first, said)
    assert ("Gemini 1.5 Pro", "developedBy", "Google") in _facts(a)
    # the maker never named before: 我们 could be anyone
    [b] = extract_text(said)
    assert not any(f.predicate == "developedBy" for f in b.facts)


def test_a_partner_named_with_the_firms_title_invests_the_firms_money(extract_text):
    # the firm's partner leads the round: the investor is the firm, not the partner in person
    for text in ("红杉资本合伙人王立文领导了对AI初创公司Lumina的B轮投资。", "AI初创公司Lumina完成B轮融资，由红杉资本合伙人王立文领投。"):
        [a] = extract_text(text)
        assert {s for s, p, o in _facts(a) if p == "investedIn" and o == "Lumina"} == {"Sequoia Capital"}
    # a person named as an investor on their own stays one
    [b] = extract_text("AI初创公司Lumina完成种子轮融资，由天使投资人Elad Gil领投。")
    assert ("Elad Gil", "investedIn", "Lumina") in _facts(b)


def test_a_short_english_sentence_of_names_and_figures_is_read_as_english():
    names = dict(Zentrova="Company", Quillon="Investor", Brightlane="Company")
    assert ("Quillon", "investedIn", "Zentrova") in _given("Zentrova raised $40 million from Quillon.", **names)
    assert ("Quillon", "investedIn", "Zentrova") in _given("Quillon invested $40 million in Zentrova.", **names)
    # a Chinese sentence with an English phrase in it is still read as Chinese only
    assert not _given("Quillon的报告提到了invested in Zentrova这个说法。", **names)


def test_he_opening_a_sentence_is_the_person_the_profile_opened_on(extract_text):
    _, b = extract_text("萨姆·奥特曼（Sam Altman）生于美国，是一名程序员。", "他目前是OpenAI的首席执行官，常年住在旧金山。")
    [f] = [f for f in b.facts if f.predicate == "leads"]
    assert (f.subject, f.object) == ("Sam Altman", "OpenAI") and f.context is not None
    # two people named before: whom 他 stands for is not clear
    _, c = extract_text("萨姆·奥特曼和黄仁勋在台上聊了一个小时。", "他目前是OpenAI的首席执行官，常年住在旧金山。")
    assert not any(f.predicate == "leads" for f in c.facts)


def test_we_who_founded_is_the_speaker_of_the_labelled_sentence_only(extract_text):
    a, b = extract_text("Sam Altman： 我想我们在2015年创办 OpenAI 时我差不多 30 岁。", "我们创办了Anthropic，这很难。")
    assert ("Sam Altman", "founderOf", "OpenAI") in _facts(a)
    # later in the turn the speaker is less sure
    assert not any(f.predicate == "founderOf" for f in b.facts)


def test_a_sale_and_a_later_clause_state_an_acquisition(extract_text):
    [a] = extract_text("PhysX 最终卖给了英伟达。")
    [b] = extract_text("英伟达发布了新的GPU，并收购了以色列公司Mellanox。")
    assert ("NVIDIA", "acquired", "Mellanox") in _facts(b)
    assert not any(f.predicate == "acquired" for f in a.facts)  # PhysX is a product here: no company sold
