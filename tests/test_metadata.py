"""Document metadata: header lines of exported articles, front matter, HTML <meta>, dates as written."""

from __future__ import annotations

import pytest

from aigraph.ingest.metadata import header_block, html_meta, iso_date, read
from aigraph.ingest.reader import read_document
from aigraph.ingest.segment import segment

# an exported article as WeChat public accounts publish them (invented text, the real layout)
ARTICLE = """# 星河智能完成新一轮融资，推出视觉大模型

文章作者: 硅谷观察
发布时间: 2024-05-08 09:30
发布地: 北京
原文链接: http://mp.weixin.qq.com/s?__biz=MzA5&mid=22&idx=1&sn=ab12#rd

封面图链接: https://mmbiz.qpic.cn/mmbiz_jpg/abc/300

**（记得关注公众号并设🌟标，第一时间收到AI行业新闻）**

全文约3,000 字，阅读约需 6分钟

星河智能今天发布了新的视觉模型。![](https://mmbiz.qpic.cn/mmbiz_png/xyz/640?wx_fmt=png)

作者在文中写道，[这篇报告](https://example.com/report)值得一读。
"""


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "2024-05-08-001.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return read_document(path)


def test_header_lines_give_title_author_time_and_url(article):
    assert article.title == "星河智能完成新一轮融资，推出视觉大模型"
    assert article.creator == "硅谷观察"
    assert article.issued == "2024-05-08T09:30"
    assert article.date == "2024-05-08"
    assert article.source == "http://mp.weixin.qq.com/s?__biz=MzA5&mid=22&idx=1&sn=ab12#rd"


def test_header_lines_and_boilerplate_never_reach_a_sentence(article):
    texts = [s.text for s in segment(article)]
    assert texts[0].startswith("星河智能完成新一轮融资，推出视觉大模型")  # the headline is the first statement
    joined = "\n".join(texts)
    for noise in ("文章作者", "发布时间", "原文链接", "封面图", "mmbiz", "http", "关注公众号", "阅读约需", "](", "!["):
        assert noise not in joined, noise
    assert "星河智能今天发布了新的视觉模型。" in joined
    assert "作者在文中写道，这篇报告值得一读。" in texts  # a link's text stays, its syntax goes


def test_sentence_offsets_still_point_into_the_file(article):
    for s in segment(article):
        rebuilt = "".join(article.text[a:b] for a, b in s.pieces)
        assert "".join(rebuilt.split()) == "".join(s.text.split()), s.text


def test_a_byline_inside_the_body_is_text_not_a_header():
    text = "# 标题\n\n正文第一段写了一些事情。\n作者：张三\n发布时间：2024-01-01\n"
    fields, spans = header_block(text)
    assert spans == () and fields == {"title": "标题"}


def test_one_header_line_is_not_a_block():
    text = "作者：张三，一位记者，写下了这句话。\n\n正文。\n"
    assert header_block(text) == ({}, ())


def test_front_matter_fields():
    text = '---\ntitle: "A day in AI"\nauthor: Ann Lee\ndate: 2024-06-03 08:15:00\nurl: https://news.example/a\n---\nBody.\n'
    meta, body = read(text)
    assert (meta.title, meta.creator, meta.issued, meta.source) == ("A day in AI", "Ann Lee", "2024-06-03T08:15",
                                                                    "https://news.example/a")
    assert text[body:] == "Body.\n"


def test_html_meta_and_canonical_link():
    page = ('<html><head><title>Site | Page</title><meta property="og:title" content="Chips &amp; models">'
            '<meta content="Bo Chen" name="author"><meta name="article:published_time" content="2024-03-05T08:00:00+08:00">'
            '<link rel="canonical" href="https://news.example/chips"></head><body><p>Text.</p></body></html>')
    assert html_meta(page) == {"title": "Chips & models", "creator": "Bo Chen", "issued": "2024-03-05T08:00",
                               "source": "https://news.example/chips"}
    assert html_meta("<html><head><title>Only a title</title></head></html>") == {"title": "Only a title"}


@pytest.mark.parametrize("written, iso", [
    ("2023-05-23 11:32", "2023-05-23T11:32"),
    ("2024年3月5日", "2024-03-05"),
    ("2024年3月", "2024-03"),
    ("2024/03", "2024-03"),
    ("2024.3.15", "2024-03-15"),
    ("2024", "2024"),
    ("Tue, 05 Mar 2024 08:00:00 +0800", "2024-03-05T08:00"),
    ("March 5, 2024", "2024-03-05"),
    ("5 Mar 2024", "2024-03-05"),
    ("2024-02-30", None),
    ("soon", None),
])
def test_dates_as_written(written, iso):
    assert iso_date(written) == iso


def test_metadata_reaches_the_graph_as_dublin_core(tmp_path):
    from pyoxigraph import Literal, NamedNode

    from aigraph.graph.iris import doc_iri
    from aigraph.graph.rdf import document_quads
    from aigraph.model import Linked
    from aigraph.vocab import DCTERMS, XSD_NS

    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = read_document(path)
    got = {(q.predicate, q.object) for q in document_quads(doc, Linked((), (), ())) if q.subject == doc_iri(doc)}
    assert (DCTERMS.title, Literal("星河智能完成新一轮融资，推出视觉大模型")) in got
    assert (DCTERMS.creator, Literal("硅谷观察")) in got
    assert (DCTERMS.issued, Literal("2024-05-08T09:30:00", datatype=NamedNode(XSD_NS + "dateTime"))) in got
    assert (DCTERMS.date, Literal("2024-05-08", datatype=NamedNode(XSD_NS + "date"))) in got
    assert (DCTERMS.source, NamedNode("http://mp.weixin.qq.com/s?__biz=MzA5&mid=22&idx=1&sn=ab12#rd")) in got
