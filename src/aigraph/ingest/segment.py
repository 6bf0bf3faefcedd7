"""Documents to clean Sentences: line wraps joined, page furniture dropped, offsets kept."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

from aigraph.ingest import boilerplate
from aigraph.ingest.textview import FILLER, visible
from aigraph.model import Document, Sentence

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
    # a run of chart numbers: mostly digits, percent signs and separators (counted by regex: long lines)
    digits = len(s) - len(_DIGIT.sub("", s))
    return digits >= 2 and len(s) - len(_LETTER.sub("", s)) <= max(1, len(s) // 8)


_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")


def _width(s: str) -> int:
    """Display width: East Asian wide and fullwidth characters count two."""
    return 2 * len(s) - len(_wide().sub("", s))


@functools.cache
def _wide() -> re.Pattern:
    # planes 0-3 hold every wide character in use (CJK, Hangul, emoji); scanning them takes ~30 ms
    ranges, start = [], None
    for cp in range(0x40001):
        wide = cp < 0x40000 and unicodedata.east_asian_width(chr(cp)) in "WF"
        if wide and start is None:
            start = cp
        elif not wide and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(cp - 1))}")
            start = None
    return re.compile(f"[{''.join(ranges)}]")


class Mapped:
    """Text whose every character remembers its offset in the source: runs `(text_pos, src_pos)`, each
    going on until the next run starts (runs, not one offset per character, keep long lines cheap)."""

    __slots__ = ("parts", "runs", "length", "_src_end")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.runs: list[tuple[int, int]] = []
        self.length = 0
        self._src_end = -1

    def add(self, text: str, src: int) -> None:
        """Append `text`, read from the source at `src`."""
        if not text:
            return
        if src != self._src_end:
            self.runs.append((self.length, src))
        self.parts.append(text)
        self.length += len(text)
        self._src_end = src + len(text)

    def extend(self, other: Mapped) -> None:
        """Append another mapped text."""
        text = other.text
        for k, (pos, src) in enumerate(other.runs):
            end = other.runs[k + 1][0] if k + 1 < len(other.runs) else other.length
            self.add(text[pos:end], src)

    @property
    def text(self) -> str:
        """The text itself."""
        if len(self.parts) > 1:
            self.parts = ["".join(self.parts)]
        return self.parts[0] if self.parts else ""

    def keep(self, a: int, b: int, drops: Iterable[tuple[int, int]] = ()) -> Mapped:
        """The characters in [a, b) outside the (sorted or not) `drops` ranges."""
        text, out, pos = self.text, Mapped(), a
        for x, y in sorted(drops):
            x, y = max(x, a), min(y, b)
            if x > pos:
                self._copy(text, pos, x, out)
            pos = max(pos, y)
        if pos < b:
            self._copy(text, pos, b, out)
        return out

    def _copy(self, text: str, a: int, b: int, out: Mapped) -> None:
        k = bisect.bisect_right(self.runs, (a, float("inf"))) - 1
        while a < b:
            pos, src = self.runs[k]
            end = min(b, self.runs[k + 1][0] if k + 1 < len(self.runs) else self.length)
            out.add(text[a:end], src + a - pos)
            a, k = end, k + 1

    def spans(self, a: int, b: int) -> tuple[tuple[int, int], ...]:
        """Source spans of the characters in [a, b), contiguous ones merged."""
        piece = self.keep(a, b)
        out = []
        for k, (pos, src) in enumerate(piece.runs):
            end = piece.runs[k + 1][0] if k + 1 < len(piece.runs) else piece.length
            out.append((src, src + end - pos))
        return tuple(out)

    def stripped(self) -> Mapped:
        """Without leading and trailing whitespace."""
        text = self.text
        a = len(text) - len(text.lstrip())
        return self.keep(a, max(a, len(text.rstrip())))


def _clean_line(line: Mapped) -> Mapped:
    """Drop markup and URLs from one line, keeping each kept character's source offset."""
    text = line.text
    drops = [m.span() for m in _INLINE_DROP.finditer(text)]
    for m in _MD_LINK.finditer(text):
        drops += [(m.start(), m.start() + 1), (m.end(1), m.end())]
    if (h := _HEADING.match(text)) and not text[h.end():h.end() + 1].isdigit():
        drops.append((0, h.end()))
    drops += [m.span() for m in _CJK_SPACE.finditer(text)]
    if (t := _TOC_TAIL.search(text)) and _IS_CJK.search(text[: t.start()]):
        drops.append((t.start(), len(text)))
    return line.keep(0, len(text), drops)


def _lines(doc: Document) -> Iterator[Mapped]:
    """The body's lines (markup, entities and controls already out), each mapped to the file."""
    view = boilerplate.blank(doc, visible(doc.text, doc.format == "html"))
    pos = doc.body_start
    while pos <= len(view):
        end = view.find("\n", pos)
        end = len(view) if end < 0 else end
        line = Mapped()
        line.add(view[pos:end], pos)
        if FILLER in line.text:
            line = line.keep(0, line.length, [f.span() for f in _FILLERS.finditer(line.text)])
        yield line
        pos = end + 1


_FILLERS = re.compile(FILLER + "+")


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


def clean_lines(doc: Document) -> list[Mapped]:
    """Paragraphs of the body, each mapped to the file, with hard wraps joined."""
    content = [line for line in _lines(doc) if not _is_furniture(line.text)]
    widths = [_width(line.text.strip()) for line in content]
    paragraphs: list[Mapped] = []
    current: Mapped | None = None
    last_line = ""
    for i, line in enumerate(content):
        text = line.text
        cleaned = _clean_line(line).stripped()
        stripped = cleaned.text
        if not stripped:
            continue
        if current is not None:
            local = max(widths[max(0, i - 4): i + 4] or [0])
            if _joins(last_line, stripped, local) and not _HEADING.match(text) and not text.lstrip().startswith("#"):
                tail = last_line[-1:]
                if tail.isascii() and tail.isalnum() and stripped[0].isascii() and stripped[0].isalnum():
                    current.add(" ", line.runs[0][1] - 1)
                current.extend(cleaned)
                last_line = stripped
                continue
            paragraphs.append(current)
        current = cleaned
        last_line = stripped
    if current is not None:
        paragraphs.append(current)
    return paragraphs


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
        text = para.text
        for a, b in split_sentences(text):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b - a < 2:
                continue
            out.append(Sentence(doc_id=doc.id, index=len(out), text=text[a:b], pieces=para.spans(a, b),
                                doc_date=doc.date))
    return out
