"""Ingest: decoding, front matter, wrap repair, furniture, sentence offsets into the original file."""

from __future__ import annotations

import pytest

from aigraph.errors import InputError
from aigraph.ingest.reader import decode, iter_sources, read_document
from aigraph.ingest.segment import segment, split_sentences

from .conftest import SEED_003, SEEDS


def test_front_matter_gives_title_and_date_and_is_not_text():
    doc = read_document(SEED_003)
    assert doc.title.startswith("我在硅谷看AI")
    assert doc.date == "2025-02-08"
    sents = segment(doc)
    assert not any(s.text.startswith(("title:", "date:", "categories")) for s in sents)


def test_pdf_hard_wrap_inside_a_sentence_is_repaired():
    # 000 breaks "落地挑" / "战" across a blank line in the middle of a sentence
    doc = read_document(SEEDS / "000_5897dc52d0d30b49.txt")
    texts = [s.text for s in segment(doc)]
    assert "与此同时，生成式AI也面临着能耗压力、企业级落地挑战和模型“黑盒”难题等隐忧。" in texts


def test_offsets_point_into_the_original_file():
    doc = read_document(SEEDS / "000_5897dc52d0d30b49.txt")
    for s in segment(doc):
        rebuilt = "".join(doc.text[a:b] for a, b in s.pieces)
        assert "".join(rebuilt.split()) == "".join(s.text.split()), s.text
        assert doc.text[s.start] == s.text[0]
        assert doc.text[s.end - 1] == s.text[-1]


def test_page_furniture_is_dropped():
    doc = read_document(SEEDS / "004_9e19a4abbeca4b08.txt")
    texts = [s.text for s in segment(doc)]
    assert not any("iResearch Inc." in t and "©" in t for t in texts)
    assert not any(t.strip().isdigit() for t in texts)


def test_markdown_images_and_urls_are_not_sentence_text():
    doc = read_document(SEED_003)
    texts = [s.text for s in segment(doc)]
    assert not any("https://" in t or "![" in t for t in texts)
    assert any(t.startswith("【编者按】2025新年开端") for t in texts)


def test_split_sentences_on_chinese_and_english_stops():
    text = "OpenAI发布了GPT-4o。它很快！Is it? Yes. 谷歌也发布了Gemini。"
    parts = [text[a:b] for a, b in split_sentences(text)]
    assert parts == ["OpenAI发布了GPT-4o。", "它很快！", "Is it?", " Yes.", " 谷歌也发布了Gemini。"]


def test_decode_gb18030_and_utf16():
    text = "英伟达发布了H100芯片。"
    assert decode(text.encode("gb18030")) == (text, "gb18030")
    assert decode(text.encode("utf-16"))[0] == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"))[0] == text


def test_bad_files_say_which_file_and_why(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty.txt: empty file"):
        read_document(empty)
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    with pytest.raises(InputError, match="blob.txt: binary"):
        read_document(binary)
    with pytest.raises(InputError, match="nope: no such file"):
        iter_sources([tmp_path / "nope"])


def test_iter_sources_walks_folders_sorted():
    files = iter_sources([SEEDS])
    assert [f.name for f in files] == sorted(f.name for f in SEEDS.glob("*.txt"))


def test_a_very_long_line_is_cut_into_bounded_sentences_in_bounded_memory():
    import tracemalloc

    from aigraph.ingest.segment import MAX_SENTENCE
    from aigraph.model import Document

    line = "英伟达发布了H100芯片，微软投资了OpenAI，" * 40000  # a million characters, no stop, no newline
    doc = Document("long.txt", "long.txt", line, "0" * 64)
    tracemalloc.start()
    try:
        sents = segment(doc)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert max(len(s.text) for s in sents) <= MAX_SENTENCE
    assert "".join(s.text for s in sents) == line
    assert all(doc.text[s.start:s.end] == s.text for s in sents)
    # memory grows with the text (a few copies of it, 2 bytes a character each), not with one Python
    # object per character (50 bytes and more each)
    assert peak < 24 * len(line)
