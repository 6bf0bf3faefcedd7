"""Boilerplate of published articles: link syntax, share prompts and end matter blanked, offsets kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from aigraph.ingest.boilerplate import blank, spans
from aigraph.ingest.segment import segment
from aigraph.ingest.textview import FILLER
from aigraph.model import Document

BODY = "这是一段正文，讲的是一家公司的新模型和它的用户，篇幅足够长，可以算作文章的主体内容。\n\n" * 6


def doc(text: str) -> Document:
    return Document(id="a.md", path="a.md", text=text, sha256="0" * 64)


def sentences(text: str) -> list[str]:
    return [s.text for s in segment(doc(text))]


def test_image_and_link_syntax_go_link_text_stays():
    texts = sentences("看这张图![图1](https://img.example/a.png)和[这份报告](https://x.example/r?id=1)。\n")
    assert texts == ["看这张图和这份报告。"]


def test_a_link_around_an_image_and_a_link_text_over_a_line_break():
    text = "[**![](https://img.example/a.png)**](https://x.example/a)\n" \
           "[第一篇：一家公司的\n长篇访谈](https://x.example/b)\n"
    joined = "".join(sentences(text))
    assert "](" not in joined and "![" not in joined and "http" not in joined and "[" not in joined
    assert "长篇访谈" in joined


def test_share_prompts_are_dropped_sentences_about_following_are_not():
    texts = sentences(BODY + "**👇关注公众号后设🌟标，掌握第一手AI新动态**\n\n"
                      "对了，喜欢就别忘了点赞、收藏、转发支持一下！\n\n"
                      "投资人一直在关注这家公司的进展，也在关注它的竞争对手如何回应这次发布。\n")
    assert not any("公众号" in t or "点赞" in t for t in texts)
    assert "投资人一直在关注这家公司的进展，也在关注它的竞争对手如何回应这次发布。" in texts


def test_end_matter_is_cut_from_its_heading():
    texts = sentences(BODY + "#  往期回顾\n\n[1、一家公司发布了另一个模型](https://x.example/1)\n\n"
                      "公司介绍：我们提供企业咨询服务。\n")
    assert texts[-1].startswith("这是一段正文")
    assert not any("往期" in t or "另一个模型" in t or "咨询" in t for t in texts)


def test_an_end_heading_early_in_the_article_is_text():
    texts = sentences("推荐阅读\n\n" + BODY)
    assert "推荐阅读" in texts and len(texts) > 5


def test_the_end_mark_cuts_what_follows():
    texts = sentences(BODY + "_**\\--END--**_\n\n欢迎各大品牌方合作。\n")
    assert not any("END" in t or "品牌方" in t for t in texts)


@given(st.lists(st.sampled_from(list("ab 关注公众号[]()!#*_\n-:：往期回顾END/.") + ["https://x.y/z", "![", "]("]),
                max_size=120).map("".join))
def test_blanking_keeps_length_and_line_breaks(text):
    d = doc(text)
    out = blank(d, text)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert all(o == t or o == FILLER for o, t in zip(out, text))
    assert spans(d, text) == sorted(spans(d, text))
