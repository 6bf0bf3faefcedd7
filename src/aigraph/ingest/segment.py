"""Documents to clean Sentences: paragraphs kept apart, line wraps joined, page furniture dropped, offsets kept."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from aigraph.ingest import boilerplate
from aigraph.ingest.furniture import drop_lines, opens_turn
from aigraph.ingest.mapped import Mapped
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
_TOC_TAIL = re.compile(r"(?:\t|\s{2,}|\.{3,}|…{2,})\s*\d{1,3}\s*$")
_CJK_SPACE = re.compile(f"(?<=[{_CJK}，。、；：！？（）“”])[ \u3000]+(?=[{_CJK}，。、；：！？（）“”])")
MAX_WORD = 80
"""A run of more letters than this without a space (outside Chinese, Japanese and Korean script) is not
a word of any language but a blob (base64, a hash, a keyboard held down): it is left out of the text."""
_BLOB = re.compile(rf"[^\W_{_CJK}\u3040-\u30ff\uac00-\ud7af]{{{MAX_WORD + 1},}}")
# a line-end hyphen inside a lower-case word is the typesetter's ("devel-" / "oped"), not the word's
_SOFT_HYPHEN_END = re.compile(r"(?<![\w-])[a-z]{2,}-$")
# English sentence ends: what may follow a full stop that ends a sentence (as _SPLIT below)
_SENTENCE_START = re.compile(f"[\"“A-Z{_CJK}]")


def _width(s: str) -> int:
    """Display width: East Asian wide and fullwidth characters count two."""
    return 2 * len(s) - len(_wide_chars().sub("", s))


def _wide(c: str) -> bool:
    """Whether a character is Chinese, Japanese, Korean or fullwidth (no space between such and a word)."""
    return bool(c) and _wide_chars().match(c) is not None


@functools.cache
def _wide_chars() -> re.Pattern:
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


SPAN_FILTERS = (
    ("markup and urls", lambda text: [m.span() for m in _INLINE_DROP.finditer(text)]),
    ("link brackets", lambda text: [s for m in _MD_LINK.finditer(text)
                                    for s in ((m.start(), m.start() + 1), (m.end(1), m.end()))]),
    ("spaces between Chinese characters", lambda text: [m.span() for m in _CJK_SPACE.finditer(text)]),
    ("blobs", lambda text: [m.span() for m in _BLOB.finditer(text)]),
)
"""Named filters over one line: each returns the spans of the line that are not text."""


def _clean_line(line: Mapped) -> Mapped:
    """Drop markup, URLs and blobs from one line, keeping each kept character's source offset."""
    text = line.text
    drops = [span for _, found in SPAN_FILTERS for span in found(text)]
    if (h := _HEADING.match(text)) and not text[h.end():h.end() + 1].isdigit():
        drops.append((0, h.end()))
    if (t := _TOC_TAIL.search(text)) and _IS_CJK.search(text[: t.start()]):
        drops.append((t.start(), len(text)))
    return line.keep(0, len(text), drops)


def _lines(doc: Document) -> Iterator[tuple[int, str]]:
    """The body's lines (markup, entities, controls and boilerplate already out, FILLER where they were),
    each with the offset where it starts."""
    view = boilerplate.blank(doc, visible(doc.text, doc.format == "html"))
    pos = doc.body_start
    while pos <= len(view):
        end = view.find("\n", pos)
        end = len(view) if end < 0 else end
        yield pos, view[pos:end]
        pos = end + 1


def _mapped(start: int, text: str) -> Mapped:
    """A line as mapped text, FILLER left out (made when the line is used: a long document has many)."""
    line = Mapped()
    line.add(text, start)
    if FILLER in text:
        line = line.keep(0, line.length, [f.span() for f in _FILLERS.finditer(text)])
    return line


_FILLERS = re.compile(FILLER + "+")


def _ends_sentence(p: str, n: str) -> bool:
    """Whether the line `p` ends a sentence, `n` being the next line."""
    if p[-1] in _TERMINAL or (p[-1] in _CLOSERS and len(p) > 1 and p[-2] in _TERMINAL + "."):
        return True
    return p[-1] == "." and bool(_SENTENCE_START.match(n))


def _joins(prev: str, nxt: str, local_width: int) -> bool:
    """Whether a line break after the line `prev` is a hard wrap inside a sentence."""
    p, n = prev.rstrip(), nxt.lstrip()
    if not p or not n or _ends_sentence(p, n):
        return False
    if _HEADING.match(nxt) or n[0] in "#>":
        return False
    if p[-1] in "，、,：:（(“‘《-—" or n[0] in "，、。；：！？）)”’》":
        return True
    if p[-1].isascii() and p[-1].isalpha() and n[0].isascii() and n[0].isalpha() and _IS_CJK.search(p):
        return True  # a Latin name cut in two ("AI\nAgent")
    w = _width(p)
    if w >= 60 or (w >= 16 and (w >= 0.72 * local_width or any(c in p for c in "，、；"))):
        return True  # headings are short; a long line without a full stop runs on
    # a narrow column of Chinese text: short lines of about the same width, none a heading
    return bool(_IS_CJK.search(p[-1]) or _IS_CJK.search(n[0])) and _IS_CJK.search(p) is not None \
        and w >= 0.72 * local_width and _width(n) <= local_width and local_width < 16


def _wrap_across_blank(prev: str, nxt: str, local_width: int) -> bool:
    """Whether a blank line after `prev` is a PDF's hard wrap, not a paragraph break: text extracted
    from PDFs may put a blank line after every printed line, breaking sentences. Only a line cut in
    mid-sentence counts, followed by a line that goes on (no heading, no list item, no capital): one
    ending in a comma, a Latin name cut in two, a full-width line (60 columns or more), or a full line
    of a narrow column (about as wide as the widest line around it)."""
    p, n = prev.rstrip(), nxt.lstrip()
    if not p or not n or _ends_sentence(p, n) or _HEADING.match(nxt) or n[0] in "#>" or opens_turn(nxt):
        return False
    if n[0].isupper() and not _IS_CJK.search(p):  # a new English paragraph
        return False
    w = _width(p)
    if p[-1].isascii() and p[-1].isalpha() and n[0].isascii() and n[0].isalpha() and _IS_CJK.search(p) \
            and w >= 16 and w >= 0.72 * local_width:
        # a Latin name cut in two ("AI" / "Agent") at the end of a full line; a short line is a figure's
        # label ("专家模型C" / "Output")
        return True
    return p[-1] in "，、," or w >= 60 or (w >= 16 and w >= 0.72 * local_width)


def _glue(current: Mapped, last: str, nxt: Mapped, start: int) -> Mapped:
    """The paragraph with its next line: a typesetter's hyphen dropped, a space between words."""
    head = nxt.text[:1]
    if _SOFT_HYPHEN_END.search(last) and head.islower():
        current = current.keep(0, current.length - 1)
    elif last[-1:] != "-" and not _wide(last[-1:]) and not _wide(head):
        current.add(" ", start - 1)  # the space stands on the line break it replaces
    current.extend(nxt)
    return current


def clean_lines(doc: Document) -> list[Mapped]:
    """Paragraphs of the body, each mapped to the file: furniture left out, hard wraps joined. A blank
    line ends a paragraph (but for a PDF's wrap in mid-sentence, see _wrap_across_blank)."""
    return list(_paragraphs(doc))


def _paragraphs(doc: Document) -> Iterator[Mapped]:
    raw = list(_lines(doc))
    dropped = drop_lines([text.replace(FILLER, "") for _, text in raw])
    content: list[tuple[int, str, bool]] = []  # each line kept, where it starts, whether after a blank line
    blank = False
    for i, (start, text) in enumerate(raw):
        if i in dropped:
            continue
        if not text.replace(FILLER, "").strip():
            blank = True
            continue
        content.append((start, text, blank))
        blank = False
    del raw
    widths = [_width(text.replace(FILLER, "").strip()) for _, text, _ in content]
    # the block of each line: lines between blank lines (a wrap is judged against its own block)
    block = [0] * len(content)
    for i in range(1, len(content)):
        block[i] = block[i - 1] + content[i][2]
    current: Mapped | None = None
    last_line = ""
    for i, (start, raw_text, after_blank) in enumerate(content):
        line = _mapped(start, raw_text)
        text = line.text
        cleaned = _clean_line(line).stripped()
        stripped = cleaned.text
        if not stripped:
            continue
        if current is not None:
            near = range(max(0, i - 4), min(len(content), i + 4))
            if after_blank:
                joins = _wrap_across_blank(last_line, stripped, max(widths[j] for j in near))
            else:
                joins = _joins(last_line, stripped, max(widths[j] for j in near if block[j] == block[i]))
            if joins and not _HEADING.match(text) and not text.lstrip().startswith("#"):
                current = _glue(current, last_line, cleaned, start)
                last_line = stripped
                continue
            yield current
        current = cleaned
        last_line = stripped
    if current is not None:
        yield current


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
    for para in _paragraphs(doc):
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
