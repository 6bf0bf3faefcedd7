"""The mixed tokenizer: Han characters one by one, Latin words and numbers whole, text kept exactly."""

from __future__ import annotations

import spacy

from aigraph.extraction import tokenizer  # noqa: F401  (registers aigraph.tokenizer.v1)


def _nlp():
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "aigraph.tokenizer.v1"}}})


def test_tokens_of_mixed_text():
    doc = _nlp()("OpenAI推出了GPT-4o模型")
    assert [t.text for t in doc] == ["OpenAI", "推", "出", "了", "GPT", "-", "4", "o", "模", "型"]


def test_text_is_preserved_with_spaces_and_newlines():
    text = "  讯飞星火 4.0 Turbo  在\nHumanEval 上 "
    doc = _nlp()(text)
    assert doc.text == text


def test_latin_word_boundaries_align_spans():
    doc = _nlp()("Metaverse和Meta")
    assert doc.char_span(0, 4) is None  # "Meta" inside "Metaverse" is not a span
    assert doc.char_span(10, 14).text == "Meta"


def test_whitespace_runs_are_tokens_and_a_single_space_trails_the_token_before_it():
    doc = _nlp()(" 中 文  ab 1.5\n")
    assert [(t.text, t.whitespace_) for t in doc] == [
        (" ", ""), ("中", " "), ("文", ""), ("  ", ""), ("ab", " "), ("1.5", ""), ("\n", "")]


def test_links_and_mail_addresses_are_blanked_out_with_offsets_kept():
    from aigraph.extraction.candidates import masked_text

    for text, gone in [("见 https://openai.com/x 和[图](a.png)，OpenAI发布", ("https://openai.com/x", "[图](a.png)")),
                       ("联系 bp@qq.com 或 www.a.cn ，OpenAI发布", ("bp@qq.com", "www.a.cn"))]:
        masked = masked_text(_nlp()(text))
        assert len(masked) == len(text) and "OpenAI发布" in masked
        assert all(" " * len(g) in masked and g not in masked for g in gone)
