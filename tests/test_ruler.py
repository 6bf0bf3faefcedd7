"""The lexicon ruler on its own: aliases in any spelling, word boundaries in both scripts."""

from __future__ import annotations

import pytest
import spacy

from aigraph.extraction import ruler, tokenizer  # noqa: F401
from aigraph.extraction.candidates import candidates


@pytest.fixture(scope="module")
def ruler_nlp():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "aigraph.tokenizer.v1"}}})
    nlp.add_pipe("aigraph_lexicon_ruler_v1")
    return nlp


def _found(nlp, text):
    return {(text[c.start:c.end], c.name, c.source) for c in candidates(nlp(text))}


def test_aliases_in_any_spelling_find_the_canonical_entity(ruler_nlp):
    text = "DeepSeekV3与DeepSeek-R1，以及英伟达的H100"
    found = _found(ruler_nlp, text)
    assert ("DeepSeekV3", "DeepSeek V3", "lexicon") in found
    assert ("DeepSeek-R1", "DeepSeek-R1", "lexicon") in found
    assert ("英伟达", "NVIDIA", "lexicon") in found
    assert ("H100", "H100", "lexicon") in found


def test_no_match_inside_a_latin_word(ruler_nlp):
    assert not any(c[1] == "Meta" for c in _found(ruler_nlp, "Metaverse热潮"))


def test_no_match_that_cuts_a_chinese_word(ruler_nlp):
    # 智能体 (AI Agent) must not be read out of 人工智能体系
    assert not any(c[1] == "AI Agent" for c in _found(ruler_nlp, "云帆科技人工智能体系建设方案"))
    assert any(c[1] == "AI Agent" for c in _found(ruler_nlp, "AI智能体的全面普及"))


def test_urls_are_not_read(ruler_nlp):
    text = "![图片](https://example.com/OpenAI/641)OpenAI发布"
    found = [c for c in candidates(ruler_nlp(text)) if c.name == "OpenAI"]
    assert [text[c.start:c.end] for c in found] == ["OpenAI"]
    assert found[0].start == text.index(")OpenAI") + 1


def test_weak_alias_is_marked_weak(ruler_nlp):
    found = _found(ruler_nlp, "Forerunner、Index联合领投")
    assert ("Index", "Index Ventures", "lexicon-weak") in found


def test_an_alias_that_adds_a_version_names_that_version(ruler_nlp):
    # the lexicon lists these versions as aliases of the family's record
    found = _found(ruler_nlp, "他们用YOLOv8做检测，又试了Whisper v3和Tacotron。")
    assert ("YOLOv8", "YOLOv8", "lexicon") in found
    assert ("Whisper v3", "Whisper v3", "lexicon") in found
    assert ("Tacotron", "Tacotron", "lexicon") in found
