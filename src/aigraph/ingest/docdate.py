"""A document's date: from its front matter, else from a date line on its cover page."""

from __future__ import annotations

import re

from aigraph.model import Document

# a line holding nothing but a year and month (or a full date): how report covers print the date;
# a bare year is left alone, as covers print it as part of the title ("2025年 / AI产业发展十大趋势")
_COVER_DATE = re.compile(
    r"^\s*(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m>1[0-2]|0?[1-9])\s*月(?:\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号])?"
    r"|[-./](?P<m2>1[0-2]|0?[1-9])(?:[-./](?P<d2>3[01]|[12]\d|0?[1-9]))?)\s*$"
)
COVER_LINES = 40
"""How many non-empty lines at the top of the body count as the cover."""


def document_date(doc: Document) -> str | None:
    """ISO date (`2024-12-05`), or year-month (`2024-12`), or None when the document gives none."""
    if doc.date:
        return doc.date
    lines = (ln for ln in doc.text[doc.body_start:].splitlines() if ln.strip())
    for _, line in zip(range(COVER_LINES), lines):
        m = _COVER_DATE.match(line)
        if m:
            month, day = m["m"] or m["m2"], m["d"] or m["d2"]
            return f"{m['y']}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    return None


def date_datatype(iso: str) -> str:
    """The XSD datatype of a full or partial ISO date."""
    return {4: "gYear", 7: "gYearMonth"}.get(len(iso), "date")
