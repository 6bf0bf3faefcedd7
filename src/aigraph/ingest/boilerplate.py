"""Boilerplate of published articles blanked out before segmenting: header lines, link syntax, share prompts, end matter."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from aigraph.ingest.metadata import header_block
from aigraph.ingest.textview import FILLER
from aigraph.model import Document

LINE_CHARS = 80
"""A line longer than this (markup left out) is text, whatever words it holds."""
TRAILER_FROM = 0.5
"""End matter starts in the second half of the body: a heading such as 推荐阅读 above it is text."""

# image first (its brackets sit inside a link's), then a link's brackets and target (its text stays);
# the text of a link may run over a line break, as exported articles wrap it
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,300}\]\([^()\s]{0,2000}\)")
_LINK = re.compile(r"\[([^\[\]]{0,400})\]\(([^()\s]{0,2000})\)")
_URL = re.compile(r"(?:https?://|www\.)[^\s()\[\]<>\"'（）【】，。]+")
_EMPHASIS = re.compile(r"[*_\\`" + FILLER + r"]+")
_LEAD = re.compile(r"^[\s#>|\-–—·•●■◆▪□]*(?:\d{1,2}[.、)）]\s*)?")


@cache
def vocabulary() -> tuple[frozenset[str], re.Pattern]:
    """(end-matter headings as keys, one pattern of the boilerplate phrases), from data/boilerplate.txt."""
    text = resources.files("aigraph.ingest").joinpath("data", "boilerplate.txt").read_text("utf-8")
    section, trailers, anywhere, starts = "", set(), [], []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif section == "trailer":
            trailers.add(_key(line))
        elif line.startswith("^"):
            starts.append(re.escape(line[1:].casefold()))
        else:
            anywhere.append(re.escape(line.casefold()))
    pattern = "|".join([f"^(?:{'|'.join(starts)})"] * bool(starts) + anywhere)
    return frozenset(trailers), re.compile(pattern)


def _key(line: str) -> str:
    """A line as a heading key: letters of any script only, without case."""
    return "".join(c for c in line.casefold() if c.isalpha())


def spans(doc: Document, view: str) -> list[tuple[int, int]]:
    """Spans of `view` (the document's same-length visible text) that are boilerplate, in order."""
    out: list[tuple[int, int]] = []
    if doc.format == "text":
        out += header_block(doc.text, doc.body_start)[1]
    body = view[doc.body_start:]
    base = doc.body_start
    syntax = [m.span() for m in _IMAGE.finditer(body)]
    for m in _LINK.finditer(_blank(body, syntax)):
        syntax += [(m.start(), m.start() + 1), (m.end(1), m.end())]
    syntax += [m.span() for m in _URL.finditer(body)]
    out += [(base + a, base + b) for a, b in syntax]
    body = _blank(body, syntax)
    trailers, phrases = vocabulary()
    pos, cut = base, None
    # how far into the text a line is: characters of text, not of blanked links, counted
    total, seen = len(body) - body.count(FILLER), 0
    for line in body.split("\n"):
        end = pos + len(line)
        plain = _LEAD.sub("", _EMPHASIS.sub("", line)).strip() if line.strip(FILLER + " \t") else ""
        if plain and len(plain) <= 4 * LINE_CHARS:
            if seen >= TRAILER_FROM * total and _key(plain) in trailers:
                cut = pos
                break
            if _promotes(plain.casefold(), phrases):
                out.append((pos, end))
        pos = end + 1
        seen += len(line) + 1 - line.count(FILLER)
    if cut is not None:
        out.append((cut, len(view)))
    return sorted(out)


def _promotes(line: str, phrases: re.Pattern) -> bool:
    """A short line with one boilerplate phrase, or a paragraph of a few lines with two different ones."""
    if len(line) <= LINE_CHARS:
        return phrases.search(line) is not None
    return len({m.group() for m in phrases.finditer(line)}) >= 2


def _blank(text: str, ranges: list[tuple[int, int]]) -> str:
    """`text` with the ranges blanked (line breaks kept), same length."""
    if not ranges:
        return text
    parts, pos = [], 0
    for a, b in sorted(ranges):
        a = max(a, pos)
        if b <= a:
            continue
        parts += [text[pos:a], re.sub(r"[^\n]", FILLER, text[a:b])]
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def blank(doc: Document, view: str) -> str:
    """`view` with the document's boilerplate blanked out: the same length, offsets intact, line breaks
    kept, so the segmenter reads the article alone."""
    return _blank(view, spans(doc, view))
