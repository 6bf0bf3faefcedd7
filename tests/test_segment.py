"""Segmentation: paragraphs kept apart, PDF artefacts repaired, and properties that hold for any input."""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aigraph.errors import InputError
from aigraph.ingest.decoding import decode
from aigraph.ingest.segment import MAX_SENTENCE, MAX_WORD, segment
from aigraph.ingest.textview import CONTROLS, FILLER, visible
from aigraph.model import Document


def _doc(text: str, fmt: str = "text") -> Document:
    return Document(id="t.txt", path="t.txt", text=text, sha256="0" * 64, format=fmt)


def _texts(text: str, fmt: str = "text") -> list[str]:
    return [s.text for s in segment(_doc(text, fmt))]


# ---------------------------------------------------------------- paragraphs (issue 18, item 1)

def test_a_blank_line_ends_a_paragraph_ending_in_a_full_stop():
    assert _texts("It was a busy week for AI companies.\n\n深度求索发布了DeepSeek-R1模型。") == [
        "It was a busy week for AI companies.", "深度求索发布了DeepSeek-R1模型。"]


def test_english_paragraphs_stay_apart():
    news = ("Mistral AI raises new money from investors in Paris this week\n\n"
            "The round was led by a group of American funds that had backed it before.\n\n"
            "Its chief executive said the money would pay for training larger models.\n")
    assert _texts(news) == ["Mistral AI raises new money from investors in Paris this week",
                            "The round was led by a group of American funds that had backed it before.",
                            "Its chief executive said the money would pay for training larger models."]


def test_html_paragraphs_stay_apart():
    page = "<html><body><p>It was a busy week for AI companies.</p>\n<p>深度求索发布了DeepSeek-R1模型。</p></body></html>"
    assert _texts(page, "html") == ["It was a busy week for AI companies.", "深度求索发布了DeepSeek-R1模型。"]


def test_a_fact_after_an_english_sentence_is_read_in_its_own_sentence(extract_text):
    [(a, b)] = [(s.start, s.end) for s in segment(_doc("It was a busy week for AI companies.\n\n"
                                                        "深度求索发布了DeepSeek-R1模型。"))][1:]
    [reading] = extract_text("It was a busy week for AI companies.\n\n深度求索发布了DeepSeek-R1模型。"[a:b])
    assert [(f.subject, f.predicate, f.object) for f in reading.facts] == [("DeepSeek-R1", "developedBy", "DeepSeek")]


def test_wrapped_english_lines_get_a_space_and_keep_their_words():
    assert _texts("The companies,\nand their investors, met in a room that was far too small for everyone.") == [
        "The companies, and their investors, met in a room that was far too small for everyone."]


# ---------------------------------------------------------------- PDF artefacts (item 2)

def test_a_line_break_hyphen_is_repaired_and_a_word_hyphen_kept():
    text = ("The model was devel-\noped by a team working for years on the problem of language models, and GPT-\n"
            "4 was called state-of-the-\nart by everyone.")
    assert _texts(text) == ["The model was developed by a team working for years on the problem of language "
                            "models, and GPT-4 was called state-of-the-art by everyone."]


def test_short_chinese_wraps_are_joined():
    assert _texts("月之暗面\n发布了Kimi\n大模型") == ["月之暗面发布了Kimi大模型"]


@pytest.mark.parametrize("line", ["第 1 页 共 6 页", "第1页/共6页", "Confidential - Page 1 of 6", "Page 3",
                                  "- 4 -", "2 / 6"])
def test_page_number_lines_are_not_sentences(line):
    assert _texts(f"{line}\n深度求索发布了DeepSeek-R1模型。\n") == ["深度求索发布了DeepSeek-R1模型。"]


def test_a_running_header_is_dropped_and_a_sentence_runs_on_across_the_page_break():
    def page(n: int, body: str) -> str:
        return f"2025年AI产业发展十大趋势\n{body}\n第 {n} 页 共 3 页\n"

    text = (page(1, "深度求索在2024年底\n发布了DeepSeek-V3模型，") + "\f" + page(2, "并且开源了全部的权重。") + "\f"
            + page(3, "智谱发布了GLM-4模型。"))
    assert _texts(text) == ["深度求索在2024年底发布了DeepSeek-V3模型，并且开源了全部的权重。", "智谱发布了GLM-4模型。"]


def test_a_pdf_wrap_across_a_blank_line_in_mid_sentence_is_joined():
    # text from PDFs may put a blank line after every printed line: a line cut at a comma goes on
    assert _texts("深度求索在2024年底发布了DeepSeek-V3模型，\n\n并且开源了全部的权重。") == [
        "深度求索在2024年底发布了DeepSeek-V3模型，并且开源了全部的权重。"]


def test_a_figures_short_labels_stay_apart_and_a_latin_name_cut_at_a_full_line_is_joined():
    # the labels of a diagram, one per line between blank lines: "路由模块B" and "Input" are two labels
    assert _texts("路由模块A\n\n路由模块B\n\nInput") == ["路由模块A", "路由模块B", "Input"]
    # a full printed line ending inside a Latin name goes on after the blank line
    line = "在今年的开发者大会上，这家公司的负责人又一次着重介绍了他们的AI"
    assert _texts(f"{line}\n\nAgent平台。") == [f"{line} Agent平台。"]


# ---------------------------------------------------------------- bounds (item 6)

def test_a_million_letters_in_a_row_are_not_text(extract_text):
    text = "x" * 1_000_000 + " 深度求索发布了DeepSeek-R1模型。"
    sents = segment(_doc(text))
    assert [s.text for s in sents] == ["深度求索发布了DeepSeek-R1模型。"]
    assert _texts("a" * MAX_WORD + " b.") == ["a" * MAX_WORD + " b."]


# ---------------------------------------------------------------- properties of any input

def _same(part: str, source: str) -> bool:
    """Equal, but for white space standing for white space (a line break joining two lines, HTML's spacing)."""
    return len(part) == len(source) and all(p == f or (p.isspace() and f.isspace()) for p, f in zip(part, source))


def _check(doc: Document) -> None:
    """Every sentence: its pieces slice the file to its text (a space that joins two lines stands on
    the line break), no control character, no longer than the bound, no blank line crossed unless the
    line before it stops in mid-sentence."""
    view = visible(doc.text, doc.format == "html")
    for s in segment(doc):
        assert s.text and len(s.text) <= MAX_SENTENCE
        assert not CONTROLS.search(s.text) and FILLER not in s.text and "\n" not in s.text and "\t" not in s.text
        assert sum(b - a for a, b in s.pieces) == len(s.text)
        pos = 0
        for a, b in s.pieces:
            part, seen = s.text[pos:pos + b - a], view[a:b]
            assert _same(part, seen), (part, seen)
            if "&" not in doc.text:  # entities aside, the view is the file
                assert _same(part, doc.text[a:b]), (part, doc.text[a:b])
            pos += b - a
        for (_, b), (a, _) in zip(s.pieces, s.pieces[1:]):
            gap = view[b:a]
            if re.search(r"\n[ \t\x00]*\n", gap):
                before = view[:b].rstrip().rsplit("\n", 1)[-1].rstrip()
                assert before and not re.search("[。！？!?；;…][”’\"'」』）)】》]?$", before), (before, gap)


_ALPHABET = st.sampled_from(list("深度求索发布了模型月之暗面。，！？；、abcXYZ .-\n\n\t\r\x0c&<>#*0123456789"
                                 "\u2028\u200b\x00\x1b"))
_TEXTS = st.text(_ALPHABET, max_size=400) | st.text(max_size=200)


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 400)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, st.sampled_from(["text", "html"]))
def test_any_text_gives_clean_sentences_that_slice_the_file(text, fmt):
    _check(_doc(text, fmt))


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 300)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_any_bytes_give_a_clean_skip_or_clean_sentences(data):
    try:
        text, _ = decode(data, "fuzz.txt")
    except InputError as exc:
        assert str(exc).startswith("fuzz.txt: ") and "\n" not in str(exc)
        return
    _check(_doc(text))


def test_no_sentence_runs_across_a_paragraph_that_ends_in_a_stop():
    paragraphs = ["OpenAI发布了o1模型。", "It was a busy week.", "谷歌发布了Gemini模型！", "Was it?"]
    assert _texts("\n\n".join(paragraphs)) == paragraphs


def test_a_speakers_label_line_that_comes_back_is_no_running_header():
    # an interview puts "**Name：**" on its own line before every turn: the label stays, a repeated title goes
    turn = "**林远：**\n我们在上海做机器人。\n\n**主持人：**\n你们融资了吗？\n\n"
    texts = _texts("星河访谈\n" + turn * 3 + "星河访谈\n星河访谈\n")
    assert texts.count("林远：我们在上海做机器人。") == 3
    assert "星河访谈" not in " ".join(texts)


def test_a_speakers_label_after_a_blank_line_starts_a_new_sentence():
    # the host's turn may stop on a comma: the next speaker's label still begins a turn of its own
    text = "**主持人：** 林远是之前的CEO，\n\n**韩梅：**\n她是星河的CEO。\n"
    assert _texts(text) == ["主持人： 林远是之前的CEO，", "韩梅：她是星河的CEO。"]
