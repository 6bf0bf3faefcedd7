"""English constructions: news sentences of the kind the seeds (all Chinese) do not contain."""

from __future__ import annotations

import pytest


def _facts(analysis, threshold: float = 0.5):
    return {(f.subject, f.predicate, f.object) for f in analysis.facts if f.confidence >= threshold}


@pytest.mark.parametrize("sentence,facts", [
    ("Anthropic, the San Francisco startup backed by Amazon and Google, released Claude 3.5 Sonnet on Thursday.",
     {("Claude 3.5 Sonnet", "developedBy", "Anthropic"), ("Amazon", "investedIn", "Anthropic"),
      ("Google", "investedIn", "Anthropic")}),
    ("Google DeepMind's Gemini 2.0 Flash is available to developers.",
     {("Gemini 2.0 Flash", "developedBy", "Google DeepMind")}),
    ("xAI has raised $6 billion in a Series B round with participation from Andreessen Horowitz, Sequoia Capital "
     "and Fidelity.", {("a16z", "investedIn", "xAI"), ("Sequoia Capital", "investedIn", "xAI")}),
    ("Microsoft has invested $13 billion in OpenAI since 2019.", {("Microsoft", "investedIn", "OpenAI")}),
    ("SoftBank led a $40 billion funding round for OpenAI.", {("SoftBank", "investedIn", "OpenAI")}),
    ("Moonshot AI, the Alibaba-backed startup behind the Kimi chatbot, launched Kimi k1.5.",
     {("Alibaba", "investedIn", "Moonshot AI"), ("Kimi k1.5", "developedBy", "Moonshot AI")}),
    ("AMD agreed to acquire ZT Systems for $4.9 billion.", {("AMD", "acquired", "ZT Systems")}),
    ("Apple has partnered with OpenAI to integrate ChatGPT into Siri.", {("Apple", "partnerOf", "OpenAI")}),
    ("Jensen Huang, the chief executive of Nvidia, said demand for the H200 remains strong.",
     {("Jensen Huang", "leads", "NVIDIA")}),
    ("Safe Superintelligence, founded by Ilya Sutskever, Daniel Gross and Daniel Levy, is valued at $32 billion.",
     {("Ilya Sutskever", "founderOf", "Safe Superintelligence"), ("Daniel Levy", "founderOf", "Safe Superintelligence")}),
    ("Sam Altman, who co-founded OpenAI in 2015, leads the company.", {("Sam Altman", "founderOf", "OpenAI")}),
    ("DeepSeek-V3 was trained on 2,048 Nvidia H800 GPUs for about two months.", {("DeepSeek V3", "trainedOn", "H800")}),
    ("Meta used more than 16,000 H100 GPUs to train Llama 3.1 405B.",
     {("Llama 3.1 405B", "trainedOn", "H100"), ("Meta", "usesChip", "H100")}),
    ("Huawei's Ascend 910C chip competes with Nvidia's H100.", {("Ascend 910C", "competesWith", "H100")}),
    ("DeepSeek-R1 rivals OpenAI's o1 on math and coding benchmarks.", {("DeepSeek-R1", "competesWith", "o1")}),
    ("Qwen2.5-Max topped a coding leaderboard last week, ahead of DeepSeek-R1.", {("Qwen2.5-Max", "competesWith", "DeepSeek-R1")}),
    ("The new H200 delivers 1.9 times the training performance of the H100, Nvidia said.", {("H200", "competesWith", "H100")}),
])
def test_english_constructions(extract_text, sentence, facts):
    [a] = extract_text(sentence)
    assert facts <= _facts(a), sorted(_facts(a))


@pytest.mark.parametrize("sentence,absent", [
    # a former chief leads no more
    ("Mira Murati, the former CEO of OpenAI, founded Thinking Machines Lab.", ("Mira Murati", "leads", "OpenAI")),
    # companies named side by side are not partners
    ("Microsoft, Google and Amazon all reported higher cloud revenue.", ("Microsoft", "partnerOf", "Google")),
    # a company that uses a model's chip does not make it
    ("Google said it will use Nvidia's Blackwell chips.", ("Blackwell", "developedBy", "Google")),
    # memory is no performance
    ("The new H200 delivers 1.8 times the memory of the H100.", ("H200", "competesWith", "H100")),
])
def test_english_no_fact_where_none_is_stated(extract_text, sentence, absent):
    [a] = extract_text(sentence)
    assert absent not in _facts(a), sorted(_facts(a))


def test_english_round_amount_and_valuation(extract_text):
    [a] = extract_text("Mistral AI raised €600 million in a round led by General Catalyst, valuing the "
                       "Paris-based company at $6 billion.")
    [f] = [f for f in a.facts if f.predicate == "investedIn"]
    assert (f.subject, f.object) == ("General Catalyst", "Mistral AI")
    assert (f.amount.value, f.amount.unit) == ("600000000", "EUR")
    assert (f.valuation.value, f.valuation.unit) == ("6000000000", "USD")


def test_english_names_outside_the_lexicon_are_cut_out_of_prose(extract_text):
    [a] = extract_text("After the deal, Blue Owl Capital invested in Crusoe on Thursday in San Francisco.")
    found = {(m.surface, m.type) for m in a.mentions}
    assert ("Blue Owl Capital", "Investor") in found
    assert not {s for s, _ in found} & {"Thursday", "San Francisco", "After"}


def test_plural_chip_names_and_lists_of_investors(extract_text):
    [a] = extract_text("Investors in xAI's round included Andreessen Horowitz, BlackRock, Fidelity and Sequoia Capital, "
                       "and Meta would end 2024 with roughly 350,000 H100s.")
    assert {("a16z", "investedIn", "xAI"), ("Sequoia Capital", "investedIn", "xAI")} <= _facts(a)
    assert ("H100s", "Chip", "H100") in {(m.surface, m.type, m.name) for m in a.mentions}


def test_demonyms_are_not_names(extract_text):
    [a] = extract_text("Nvidia completed its acquisition of Israeli GPU orchestration startup Run:ai in December.")
    assert "Israeli" not in {m.surface for m in a.mentions}
    assert ("NVIDIA", "acquired", "Run:ai") in _facts(a)


@pytest.mark.parametrize("sentence,facts,absent", [
    # an investor named through the company it backs
    ("Amazon, another Anthropic investor, plans to put more money into the startup.",
     {("Amazon", "investedIn", "Anthropic")}, set()),
    # a company's backers listed after it; a fund owned by a group is the fund
    ("Cohere's early backers include Nvidia, Oracle and SoftBank's Vision Fund.",
     {("NVIDIA", "investedIn", "Cohere"), ("Oracle", "investedIn", "Cohere")}, {("SoftBank", "investedIn", "Cohere")}),
    # co-investors of one round
    ("Sequoia Capital also backed Cohere in the round, alongside Nvidia and Salesforce Ventures.",
     {("NVIDIA", "investedIn", "Cohere"), ("Salesforce Ventures", "investedIn", "Cohere")}, set()),
    # a list that goes on with a described pair
    ("Investors in Cohere's round included Sequoia Capital and Fidelity, as well as chipmakers Nvidia and AMD.",
     {("NVIDIA", "investedIn", "Cohere"), ("AMD", "investedIn", "Cohere")}, set()),
    # backers counted among a company's own, or named in an aside after it
    ("Cohere counts Nvidia and Oracle among its investors.",
     {("NVIDIA", "investedIn", "Cohere"), ("Oracle", "investedIn", "Cohere")}, set()),
    ("Cohere, whose backers include Nvidia and Oracle, released a model.",
     {("NVIDIA", "investedIn", "Cohere"), ("Oracle", "investedIn", "Cohere")}, set()),
    ("Cohere counts Nvidia and Oracle among its customers.", set(),
     {("NVIDIA", "investedIn", "Cohere"), ("Oracle", "investedIn", "Cohere")}),
    # every investor of a list that took part in the round
    ("Nvidia and Oracle participated in the round for Cohere.",
     {("NVIDIA", "investedIn", "Cohere"), ("Oracle", "investedIn", "Cohere")}, set()),
    # a headline's future
    ("Nvidia to buy software maker Run:ai for $700 million", {("NVIDIA", "acquired", "Run:ai")}, set()),
    # two rounds in two sentences' worth of text: "alongside" joins nothing when the round's company is unclear
    ("Nvidia backed Cohere and Sequoia Capital backed Mistral, alongside Oracle.", set(),
     {("Oracle", "investedIn", "Cohere"), ("Oracle", "investedIn", "Mistral AI")}),
])
def test_english_investors_and_purchases(extract_text, sentence, facts, absent):
    [a] = extract_text(sentence)
    got = _facts(a)
    assert facts <= got and not absent & got, sorted(got)
