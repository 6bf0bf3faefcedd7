"""Read source files into Documents and split them into clean Sentences with offsets."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .model import Document, Sentence

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

_FRONT_MATTER = re.compile(r"\A\ufeff?\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_FM_FIELD = re.compile(r"^(title|date)\s*:\s*(.*?)\s*$", re.M)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def iter_sources(paths: Iterable[str | Path]) -> list[Path]:
    """Files named or found (recursively, sorted) under the given files and folders."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        elif p.is_file():
            out.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    return out


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes strictly as UTF-8, GB18030, Big5 or UTF-16, else by detection."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096] and not _looks_utf16(data):
        raise InputError(f"{path}: binary file, not text")
    for enc in ("utf-8", "gb18030", "big5", "utf-16"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{path}: cannot tell the text encoding")
    return str(best), str(best.encoding)


def _looks_utf16(data: bytes) -> bool:
    head = data[:4096]
    return len(head) >= 2 and (head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4)


def read_document(path: str | Path) -> Document:
    """Read one file: decode, hash, and take title and date from its front matter."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise InputError(f"{path}: empty file")
    text, encoding = decode(data, str(path))
    title = date = None
    body_start = 0
    fm = _FRONT_MATTER.match(text)
    if fm:
        body_start = fm.end()
        for key, value in _FM_FIELD.findall(fm.group(1)):
            value = value.strip().strip("\"'")
            if key == "title":
                title = value or None
            elif (m := _ISO_DATE.search(value)):
                date = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
    return Document(
        id=path.name, path=str(path), text=text, sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding, title=title, date=date, body_start=body_start,
    )


# ---------------------------------------------------------------- cleaning

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_IS_CJK = re.compile(f"[{_CJK}]")
_TERMINAL = "。！？!?；;…"
_CLOSERS = "”’\"'」』）)】》"
_INLINE_DROP = re.compile(
    r"!\[[^\]]*\]\([^)]*\)"          # markdown image
    r"|<[^>\n]{1,200}>"              # html tag
    r"|https?://[^\s)\]）】>\"']+"    # bare url
    r"|www\.[^\s)\]）】>\"']+"
    r"|\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)"  # emphasis markers
)
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_HEADING = re.compile(r"^\s{0,3}(?:#{1,6}\s*|>\s*|[-*+•●■◆▪□]\s+|\d{1,2}[、.)）]\s*)")
_RULE = re.compile(r"^\s*([-=*_~·.])\1{2,}\s*$")
_PAGE = re.compile(r"^\s*(?:[-–—]?\s*\d{1,4}\s*[-–—]?|第\s*\d+\s*页|\d+\s*/\s*\d+|page\s*\d+)\s*$", re.I)
_COPYRIGHT = re.compile(r"©|copyright|版权所有|all rights reserved", re.I)
_TOC_TAIL = re.compile(r"(?:\t|\s{2,}|\.{3,}|…{2,})\s*\d{1,3}\s*$")
_CJK_SPACE = re.compile(f"(?<=[{_CJK}，。、；：！？（）“”])[ \u3000]+(?=[{_CJK}，。、；：！？（）“”])")


def _is_furniture(line: str) -> bool:
    s = line.strip()
    if not s:
        return True
    if _PAGE.match(s) or _RULE.match(s):
        return True
    compact = "".join(s.split())
    if _COPYRIGHT.search(s) and len(compact) < 80:
        return True
    if re.fullmatch(r"(?:https?://|www\.)\S+", compact):
        return True
    letters = sum(1 for c in s if c.isalpha())
    digits = sum(1 for c in s if c.isdigit())
    # a run of chart numbers: mostly digits, percent signs and separators
    return digits >= 2 and letters <= max(1, len(s) // 8)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


class _Buffer:
    """Characters of the cleaned text, each remembering its offset in the source."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(self, text: str, start: int) -> None:
        self.chars.extend(text)
        self.offsets.extend(range(start, start + len(text)))


def _clean_line(line: str, start: int) -> list[tuple[str, int]]:
    """Drop markup and URLs from one line, keeping each kept character's source offset."""
    keep = [True] * len(line)
    for m in _INLINE_DROP.finditer(line):
        for i in range(m.start(), m.end()):
            keep[i] = False
    for m in _MD_LINK.finditer(line):
        keep[m.start()] = False
        for i in range(m.end(1), m.end()):
            keep[i] = False
    if (h := _HEADING.match(line)) and not line[h.end():h.end() + 1].isdigit():
        for i in range(h.end()):
            keep[i] = False
    for m in _CJK_SPACE.finditer(line):
        for i in range(m.start(), m.end()):
            keep[i] = False
    if (t := _TOC_TAIL.search(line)) and _IS_CJK.search(line[: t.start()]):
        for i in range(t.start(), len(line)):
            keep[i] = False
    return [(c, start + i) for i, c in enumerate(line) if keep[i]]


def _joins(prev: str, nxt: str, local_width: int) -> bool:
    """Whether a line break after the line `prev` is a hard wrap inside a sentence."""
    p, n = prev.rstrip(), nxt.lstrip()
    if not p or not n or p[-1] in _TERMINAL or (p[-1] in _CLOSERS and len(p) > 1 and p[-2] in _TERMINAL):
        return False
    if _HEADING.match(nxt) or n[0] in "#>":
        return False
    if p[-1] in "，、,：:（(“‘《-—" or n[0] in "，、。；：！？）)”’》":
        return True
    if p[-1].isascii() and p[-1].isalpha() and n[0].isascii() and n[0].isalpha() and _IS_CJK.search(p):
        return True  # a Latin name cut in two ("AI\nAgent")
    w = _width(p)
    # headings are short; a long line without a full stop runs on
    return w >= 60 or (w >= 16 and (w >= 0.72 * local_width or any(c in p for c in "，、；")))


def clean_lines(doc: Document) -> list[list[tuple[str, int]]]:
    """Paragraphs of the body as lists of (character, source offset), wraps joined."""
    body = doc.text[doc.body_start:]
    lines: list[tuple[str, int]] = []
    pos = doc.body_start
    for raw in body.split("\n"):
        lines.append((raw, pos))
        pos += len(raw) + 1
    content = [(html.unescape(t) if "&" in t else t, s) for t, s in lines if not _is_furniture(t)]
    widths = [_width(t.strip()) for t, _ in content]
    paragraphs: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []
    last_line = ""
    for i, (text, start) in enumerate(content):
        cleaned = _clean_line(text, start)
        stripped = "".join(c for c, _ in cleaned).strip()
        if not stripped:
            continue
        if current:
            local = max(widths[max(0, i - 4): i + 4] or [0])
            if _joins(last_line, stripped, local) and not _HEADING.match(text) and not text.lstrip().startswith("#"):
                tail = last_line[-1:]
                if tail.isascii() and tail.isalnum() and stripped[0].isascii() and stripped[0].isalnum():
                    current.append((" ", start - 1))
                current.extend(_strip_pairs(cleaned))
                last_line = stripped
                continue
            paragraphs.append(current)
        current = _strip_pairs(cleaned)
        last_line = stripped
    if current:
        paragraphs.append(current)
    return paragraphs


def _strip_pairs(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    a, b = 0, len(pairs)
    while a < b and pairs[a][0].isspace():
        a += 1
    while b > a and pairs[b - 1][0].isspace():
        b -= 1
    return pairs[a:b]


# ---------------------------------------------------------------- sentences

_SPLIT = re.compile(
    r"\t+|[。！？!?]+[" + re.escape(_CLOSERS) + r"]*"          # table cells; Chinese and bang/question ends
    r"|(?<![A-Z])(?<!\b[A-Za-z])(?<!\bvs)(?<!\bInc)(?<!\bNo)\.(?=\s+[\"“A-Z\u4e00-\u9fff])"  # English full stop
)
MAX_SENTENCE = 600


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the sentences of one paragraph."""
    start = 0
    for m in _SPLIT.finditer(text):
        end = m.end()
        if text[start:end].strip():
            yield from _cap(text, start, end)
        start = end
    if text[start:].strip():
        yield from _cap(text, start, len(text))


def _cap(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """Cut over-long runs (tables, lists without stops) at semicolons or commas."""
    while b - a > MAX_SENTENCE:
        window = text[a:a + MAX_SENTENCE]
        cut = max(window.rfind("；"), window.rfind(";"))
        if cut < MAX_SENTENCE // 3:
            cut = max(window.rfind("，"), window.rfind(","), window.rfind(" "))
        cut = a + (cut + 1 if cut > 0 else MAX_SENTENCE)
        yield a, cut
        a = cut
    yield a, b


def segment(doc: Document) -> list[Sentence]:
    """The document's sentences, in order, each with the source spans it is made of."""
    out: list[Sentence] = []
    for para in clean_lines(doc):
        text = "".join(c for c, _ in para)
        for a, b in split_sentences(text):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b - a < 2:
                continue
            pieces: list[list[int]] = []
            for _, off in para[a:b]:
                if pieces and pieces[-1][1] == off:
                    pieces[-1][1] = off + 1
                else:
                    pieces.append([off, off + 1])
            out.append(Sentence(
                doc_id=doc.id, index=len(out), text=text[a:b],
                pieces=tuple((x, y) for x, y in pieces), doc_date=doc.date,
            ))
    return out
