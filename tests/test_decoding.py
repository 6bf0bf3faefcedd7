"""Decoding: every encoding a user's files come in, in a strict order; binary files refused by name."""

from __future__ import annotations

import os
import random

import pytest

from aigraph.errors import InputError
from aigraph.ingest.decoding import decode
from aigraph.ingest.reader import read_document
from aigraph.ingest.segment import segment

SIMPLIFIED = "英伟达发布了H100芯片，微软与OpenAI合作开发大模型。\n2024年，深度求索推出DeepSeek-V3。\n"
TRADITIONAL = "輝達發表了新的人工智慧晶片，台積電負責生產。\n微軟與開放人工智慧研究中心合作開發大型語言模型。\n"


@pytest.mark.parametrize(("data", "text", "encoding"), [
    (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
    (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8-sig"),
    (SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030"),
    (SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030"),
    (TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
    (SIMPLIFIED.encode("utf-16"), SIMPLIFIED, "utf-16"),
    (b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16"),
    (SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le"),
    (SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be"),
    (SIMPLIFIED.encode("utf-32"), SIMPLIFIED, "utf-32"),
])
def test_each_encoding_decodes_to_the_same_text_and_is_recorded(data, text, encoding):
    assert decode(data) == (text, encoding)


def test_traditional_text_saved_as_gb18030_stays_gb18030():
    # GB18030 covers traditional characters too; such a file must not be taken for Big5
    assert decode(TRADITIONAL.encode("gb18030")) == (TRADITIONAL, "gb18030")


def test_single_byte_western_text_falls_back_to_detection():
    text = ("Mistral AI, la jeune pousse parisienne, a levé 600 millions d’euros. Les investisseurs étaient très "
            "impressionnés par la démonstration; à Paris, l’équipe a présenté un modèle français.\n") * 3
    got, encoding = decode(text.encode("cp1252"))
    assert got == text
    assert encoding not in ("utf-8", "gb18030", "big5")


def test_broken_bytes_after_a_bom_are_kept_and_flagged(tmp_path):
    f = tmp_path / "broken.txt"
    f.write_bytes(b"\xef\xbb\xbf" + "OpenAI发布了GPT-4o。".encode() + b"\xff\xfe" + "谷歌发布了Gemini。".encode())
    doc = read_document(f)
    assert doc.encoding == "utf-8-sig"
    assert doc.replacements == 2
    assert "谷歌发布了Gemini。" in doc.text


@pytest.mark.parametrize(("data", "reason"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (a PDF"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file (a PNG image"),
    (b"PK\x03\x04\x14\x00\x06\x00", "binary file (a ZIP archive"),
    (b"\x00\x01\x02\x03" * 100, "binary file"),
    (random.Random(9).randbytes(4096), "binary file"),
])
def test_binary_files_are_refused_naming_the_file(tmp_path, data, reason):
    f = tmp_path / "report.txt"
    f.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_document(f)
    assert str(err.value).startswith(f"{f}: {reason}")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", b"\x00\x00\n"])
def test_empty_files_are_refused(tmp_path, data):
    f = tmp_path / "empty.md"
    f.write_bytes(data)
    with pytest.raises(InputError, match="empty.md: empty file"):
        read_document(f)


def test_unreadable_file_says_why(tmp_path):
    link = tmp_path / "gone.txt"
    os.symlink(tmp_path / "nowhere.txt", link)
    with pytest.raises(InputError, match=r"gone.txt: cannot read \(No such file or directory\)"):
        read_document(link)


def test_a_few_stray_zero_bytes_do_not_make_a_text_binary(tmp_path):
    f = tmp_path / "nul.txt"
    f.write_bytes("OpenAI发布了GPT-4o。\x00谷歌发布了Gemini。\n".encode())
    sents = [s.text for s in segment(read_document(f))]
    assert sents == ["OpenAI发布了GPT-4o。", "谷歌发布了Gemini。"]


@pytest.mark.parametrize(("text", "encoding", "recorded"), [
    ("深度求索發布了模型。", "big5", ("big5",)),                              # a short Big5 file
    ("Café déjà vu, naïve résumé of the año.", "latin-1", ("latin-1", "cp1252")),
    ("東京の会社が新しいモデルを発表しました。", "shift_jis", ("shift_jis",)),
    ("英伟达发布了芯片。", "gb18030", ("gb18030",)),
])
def test_short_files_in_legacy_encodings_read_right(text, encoding, recorded):
    got, enc = decode(text.encode(encoding))
    assert got == text and enc in recorded
