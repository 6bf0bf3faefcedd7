"""Page furniture: whole lines that are not text (page numbers, rules, running headers and footers)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_PAGE = re.compile(r"^\s*(?:[-–—]?\s*\d{1,4}\s*[-–—]?|第\s*\d+\s*页|\d+\s*/\s*\d+|page\s*\d+)\s*$", re.I)
# "第 1 页 共 6 页", "Page 1 of 6", "- 3 -", "p. 3": with a few words around them (a footer)
_PAGE_OF = re.compile(
    r"第\s*\d{1,4}\s*页\s*[/,，]?\s*(?:共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[/,，]?\s*第\s*\d{1,4}\s*页"
    r"|\bpage\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\b|\bp\.\s*\d{1,4}\b", re.I)
_RULE = re.compile(r"^\s*([-=*_~·.])\1{2,}\s*$")
_COPYRIGHT = re.compile(r"©|copyright|版权所有|all rights reserved", re.I)
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_STOPS = "。！？!?；;….\"”’」』"
FOOTER_WORDS = 40
"""At most this many characters beside a page number make a footer line ("Confidential - Page 1 of 6")."""
REPEATS = 3
"""A short line seen this many times in one document is a running header or footer."""
HEADER_CHARS = 60
"""Longer lines are text, however often they repeat."""


def is_furniture(line: str) -> bool:
    """A page number, a rule, a copyright line, a bare URL or a run of chart numbers."""
    s = line.strip()
    if not s:
        return False
    if _PAGE.match(s) or _RULE.match(s):
        return True
    compact = "".join(s.split())
    if _COPYRIGHT.search(s) and len(compact) < 80:
        return True
    if re.fullmatch(r"(?:https?://|www\.)\S+", compact):
        return True
    if (m := _PAGE_OF.search(s)) and len(s) - len(m.group()) <= FOOTER_WORDS and s[-1] not in _STOPS:
        return True
    # a run of chart numbers: mostly digits, percent signs and separators (counted by regex: long lines)
    digits = len(s) - len(_DIGIT.sub("", s))
    return digits >= 2 and len(s) - len(_LETTER.sub("", s)) <= max(1, len(s) // 8)


def _page_furniture(lines: Sequence[str]) -> set[int]:
    return {i for i, line in enumerate(lines) if is_furniture(line)}


def _header_key(line: str) -> str:
    return _DIGIT.sub("#", "".join(line.split())).casefold()


# an interview's speaker label on a line of its own ("**主持人：**", "Sam Altman:"): it comes back at
# every turn, and says who speaks next (a header never ends on a colon)
_LABEL_LINE = re.compile(r"[*_#>\s]*[^：:*]{1,40}[：:][*_\s]*")
# a turn opening on a label in bold ("**施密特：** 她是…")
_BOLD_LABEL = re.compile(r"\s*\*\*[^*：:\n]{1,40}[：:]\s?\*\*")


def opens_turn(line: str) -> bool:
    """Whether a line opens a speaker's turn with a label ("**主持人：**", "**P：** …", "Name:" alone):
    what came before it ends there, however it ended."""
    return bool(_LABEL_LINE.fullmatch(line) or _BOLD_LABEL.match(line))


def _running_headers(lines: Sequence[str]) -> set[int]:
    """Short lines without a full stop that come back page after page (a report's title at the top
    of every page, a footer): page numbers in them do not make them differ."""
    keys = [_header_key(line) if len(line.strip()) <= HEADER_CHARS else "" for line in lines]
    counts = Counter(k for k in keys if len(k) >= 2 and not _LABEL_LINE.fullmatch(k))
    repeated = {k for k, n in counts.items() if n >= REPEATS and k[-1] not in _STOPS}
    return {i for i, k in enumerate(keys) if k in repeated}


LINE_FILTERS = (
    ("page furniture", _page_furniture),
    ("running headers", _running_headers),
)
"""Named filters over a document's lines, in order: each returns the indexes of the lines that are not
text. Another kind of boilerplate is one more entry here."""


def drop_lines(lines: Sequence[str]) -> set[int]:
    """Indexes of the lines some filter drops."""
    out: set[int] = set()
    for _, found in LINE_FILTERS:
        out |= found(lines)
    return out
