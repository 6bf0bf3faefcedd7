"""A same-length view of a document's text with markup and control characters blanked, offsets intact."""

from __future__ import annotations

import html
import re

FILLER = "\x00"
"""Stands for a character of the file that is not text; the segmenter drops it."""

# Line and paragraph separators become newlines ("\r\n" keeps one); other controls, bidi and
# zero-width format marks, BOMs, noncharacters and lone surrogates are never text.
_CRLF = re.compile(r"\r\n")
# a form feed beside a line break is a page break (pdftotext puts one before each page): not a blank
# line, so a sentence running on to the next page is not cut
_PAGE_BREAK = re.compile(r"(?<=\n)\x0c+|\x0c+(?=\r?\n)")
_BREAKS = re.compile(r"[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
CONTROLS = re.compile(
    "[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]"
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_DROP = "script|style|noscript|template|svg|math|head|nav|iframe|object|select|button"
_HIDDEN = re.compile(rf"<({_DROP})\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>|<!--.*?(?:-->|\Z)", re.S | re.I)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*/?>|<![^>]*>|<\?[^>]*>")
_BLOCK = frozenset(
    "address article aside blockquote body br caption dd div dl dt fieldset figcaption figure footer form h1 h2 "
    "h3 h4 h5 h6 header hr html li main ol p pre section table tbody tfoot thead title tr ul".split()
)
_CELL = frozenset({"td", "th"})
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.S | re.I)
_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.S | re.I)


def looks_like_html(text: str) -> bool:
    """Whether a file's text is an HTML page (whatever its suffix)."""
    return bool(_HTML_START.match(text[:4096]))


def html_title(text: str) -> str | None:
    """The page's <title>, plain."""
    m = _TITLE.search(text[:1 << 20])
    return strip_controls(" ".join(html.unescape(_TAG.sub(" ", m.group(1))).split())) or None if m else None


def strip_controls(text: str) -> str:
    """The text without control characters (for titles and names, where offsets do not matter)."""
    return CONTROLS.sub("", _BREAKS.sub(" ", text))


def visible(text: str, is_html: bool = False) -> str:
    """`text` with markup and controls replaced by FILLER, entities decoded in place and padded,
    line separators as newlines: same length, so offset i still names character i of the file."""
    if is_html:
        text = _blank_html(text)
    text = _ENTITY.sub(_entity, text) if "&" in text else text
    text = _PAGE_BREAK.sub(lambda m: FILLER * len(m.group()), text) if "\x0c" in text else text
    text = _CRLF.sub(FILLER + "\n", text)
    text = _BREAKS.sub("\n", text)
    return CONTROLS.sub(lambda m: FILLER * len(m.group()), text)


def _entity(m: re.Match) -> str:
    s = m.group()
    u = html.unescape(s)
    return u + FILLER * (len(s) - len(u)) if u != s and len(u) <= len(s) else s


def _blank_html(text: str) -> str:
    """Hidden elements and comments blanked, tags blanked (block tags end a line, cells a field),
    and the source's own line breaks as spaces: a browser does not show them."""
    text = _HIDDEN.sub(lambda m: FILLER * len(m.group()), text)
    text = text.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return _TAG.sub(_tag, text)


def _tag(m: re.Match) -> str:
    name = (m.group(1) or "").lower()
    n = len(m.group())
    if name in _BLOCK:
        return "\n" + FILLER * (n - 1)
    if name in _CELL:
        return "\t" + FILLER * (n - 1)
    return FILLER * n
