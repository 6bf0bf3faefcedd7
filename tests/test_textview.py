"""HTML and control characters: stripped before they reach a sentence, offsets still into the file."""

from __future__ import annotations

import re

import pytest

from aigraph.ingest.reader import read_document
from aigraph.ingest.segment import segment
from aigraph.ingest.textview import CONTROLS, FILLER, visible

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>AI 周报 &amp; 快讯</title>
<style>p { color: red; } /* OpenAI发布了假模型。 */</style>
<script>var s = "<p>谷歌发布了脚本里的模型。</p>";</script></head>
<body><nav><a href="/">首页</a> | <a href="/ai">人工智能</a></nav>
<!-- 评论：英伟达发布了注释芯片。 -->
<h1>本周要闻</h1>
<p>深度求索发布了<b>DeepSeek-R1</b>模型，
性能接近<a href="https://openai.com">OpenAI</a>的o1。</p>
<p>AT&amp;T与微软&#x5408;作&#20316;。</p>
<table><tr><td>英伟达</td><td>H100</td></tr></table>
</body></html>
"""


def _page(tmp_path, text: str = PAGE, name: str = "news.html"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return read_document(f)


def test_html_tags_scripts_styles_and_comments_are_not_text(tmp_path):
    doc = _page(tmp_path)
    assert doc.format == "html"
    assert doc.title == "AI 周报 & 快讯"
    texts = [s.text for s in segment(doc)]
    assert texts == [
        "本周要闻",
        "深度求索发布了DeepSeek-R1模型，性能接近OpenAI的o1。",
        "AT&T与微软合作作。",
        "英伟达",
        "H100",
    ]


def test_html_offsets_point_into_the_file_and_cover_the_markup(tmp_path):
    doc = _page(tmp_path)
    s = next(s for s in segment(doc) if s.text.startswith("深度求索"))
    source = doc.text[s.start:s.end]
    assert source.startswith("深度求索发布了<b>DeepSeek-R1</b>")
    assert source.endswith("的o1。")
    # each piece is a run of the file's own characters
    assert "".join(doc.text[a:b] for a, b in s.pieces) == s.text


def test_an_html_page_saved_as_txt_is_read_as_html(tmp_path):
    doc = _page(tmp_path, name="saved.txt")
    assert doc.format == "html"
    assert not any("<" in s.text for s in segment(doc))


CONTROL_TEXT = ("OpenAI\x00发布了\x1b[31mGPT-4o\x1b[0m。\u2028谷歌\u200b发布了\u202eGemini\u202c。\r\n"
                "Anthropic\x7f发布了Claude\x85英伟达\ufeff发布了H100。\u2029微软\x07投资了\x08OpenAI。\n")


def test_control_characters_never_reach_a_sentence(tmp_path):
    f = tmp_path / "controls.txt"
    f.write_text(CONTROL_TEXT, encoding="utf-8")
    doc = read_document(f)
    sents = segment(doc)
    texts = [s.text for s in sents]
    assert not any(CONTROLS.search(t) for t in texts)
    assert "谷歌发布了Gemini。" in texts
    assert "微软投资了OpenAI。" in texts
    # ANSI colour codes lose their ESC; what remains of them is plain text
    assert texts[0].startswith("OpenAI发布了[31mGPT-4o")
    for s in sents:
        assert doc.text[s.start] == s.text[0] and doc.text[s.end - 1] == s.text[-1]
        assert "".join(doc.text[a:b] for a, b in s.pieces) == s.text


def test_line_separators_end_lines_and_crlf_is_one_break():
    view = visible("甲。\r\n乙。\u2028丙。\r丁。")
    assert view.split("\n") == ["甲。" + FILLER, "乙。", "丙。", "丁。"]


@pytest.mark.parametrize("text", [PAGE, CONTROL_TEXT, "a&amp;b&lt;c&#0;&bogus;&"])
def test_the_view_has_the_length_of_the_text(text):
    assert len(visible(text, is_html=True)) == len(text)
    assert len(visible(text)) == len(text)


def test_title_and_file_name_lose_their_controls(tmp_path):
    f = tmp_path / "a\x1bb.md"
    f.write_text("---\ntitle: 周报\x00第一期\ndate: 2025-01-02\n---\n英伟达发布了H100芯片。\n", encoding="utf-8")
    doc = read_document(f)
    assert doc.id == "ab.md"
    assert doc.title == "周报第一期"
    assert not re.search(r"[\x00-\x1f]", doc.id + doc.title)
