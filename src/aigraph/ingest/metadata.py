"""A document's title, author, publication time and source URL: header lines, front matter, HTML <meta>."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import cache
from importlib import resources

from aigraph.ingest.textview import html_title, strip_controls

FIELDS = ("title", "creator", "issued", "source")
"""The Dublin Core fields read, in the order a record lists them."""

HEADER_LINES = 16
"""How many non-empty lines at the top of a text file may hold its header block."""


@dataclass(frozen=True)
class Meta:
    """What a document says about itself."""

    title: str | None = None
    """Its title."""
    creator: str | None = None
    """Its author or authors, as written."""
    issued: str | None = None
    """When it was published, ISO: `2023-05-23T11:32`, `2023-05-23`, `2023-05` or `2023`."""
    source: str | None = None
    """The URL it was published at."""
    header: tuple[tuple[int, int], ...] = ()
    """Spans (start, end) of the header lines read, title line excepted: metadata, not text."""

    @property
    def date(self) -> str | None:
        """The publication day (or month, or year), without the time."""
        return self.issued[:10] if self.issued else None


@cache
def field_names() -> dict[str, str]:
    """Field name as written (casefolded) -> `title`, `creator`, `issued`, `source`, or `-` (read past)."""
    text = resources.files("aigraph.ingest").joinpath("data", "metadata_fields.txt").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, field = line.split("\t")
            out[name.strip().casefold()] = field.strip()
    return out


# ---------------------------------------------------------------- dates

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})(?:\s*[-/.年]\s*(?P<m>1[0-2]|0?[1-9])"
    r"(?:\s*[-/.月]\s*(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)(?:\s*[日号])?|\s*月)?)?"
    r"(?:(?:\s+|T)(?P<H>[01]?\d|2[0-3])[:：](?P<M>[0-5]\d))?"
)


def iso_date(value: str) -> str | None:
    """A date or time as written (`2023-05-23 11:32`, `2024年3月5日`, `2024/03`, an RFC 2822 date) in ISO
    form at the precision written (`2023-05-23T11:32`, `2024-03-05`, `2024-03`); None when it is none."""
    value = value.strip()
    if value[:1].isalpha() and value[:1].isascii():
        try:  # e-mail and RSS style: "Tue, 05 Mar 2024 08:00:00 +0800"
            return parsedate_to_datetime(value).strftime("%Y-%m-%dT%H:%M")
        except (TypeError, ValueError, IndexError):
            pass
    if (e := _english_date(value)) is not None:
        return e
    m = _DATE.search(value)
    if m is None or m.start() > 12:
        return None
    y, mo, d = m["y"], m["m"], m["d"]
    if not mo:
        return y
    if not d:
        return f"{y}-{int(mo):02d}"
    try:
        datetime(int(y), int(mo), int(d))
    except ValueError:
        return None
    day = f"{y}-{int(mo):02d}-{int(d):02d}"
    return f"{day}T{int(m['H']):02d}:{m['M']}" if m["H"] is not None else day


@cache
def _months() -> dict[str, int]:
    import calendar

    return {n.casefold(): i for names in (calendar.month_name, calendar.month_abbr) for i, n in enumerate(names) if n}


_EN_DATE = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")


def _english_date(value: str) -> str | None:
    """`March 5, 2024` or `5 Mar 2024` as ISO."""
    m = _EN_DATE.match(value)
    if not m:
        return None
    month, day, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[4], m[6])
    mo = _months().get(month.casefold())
    try:
        return datetime(int(year), mo, int(day)).strftime("%Y-%m-%d") if mo else None
    except ValueError:
        return None


# ---------------------------------------------------------------- readers

def _value(field: str, raw: str) -> str | None:
    raw = " ".join(strip_controls(html.unescape(raw)).split()).strip().strip("\"'")
    if not raw:
        return None
    if field == "issued":
        return iso_date(raw)
    if field == "source":
        return raw if re.fullmatch(r"https?://\S+", raw) else None
    return raw


def _merge(found: dict[str, str], field: str, value: str | None) -> None:
    if value and field in FIELDS and field not in found:
        found[field] = value


_FRONT_MATTER = re.compile(r"\A\ufeff?\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_FM_FIELD = re.compile(r"^([A-Za-z_][\w.:-]*)\s*:\s*(.*?)\s*$", re.M)


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """The fields of a YAML front matter block at the top of the text, and where the body starts."""
    fm = _FRONT_MATTER.match(text)
    if not fm:
        return {}, 0
    found: dict[str, str] = {}
    names = field_names()
    for key, value in _FM_FIELD.findall(fm.group(1)):
        field = names.get(key.casefold())
        if field:
            _merge(found, field, _value(field, value))
    return found, fm.end()


_HEADER = re.compile(r"^[ \t]*(?:[*_]{1,2})?([^\s:：*_][^:：\n]{0,15}?)(?:[*_]{1,2})?[ \t]*[:：][ \t]*(.*?)[ \t]*$")
_TITLE = re.compile(r"^[ \t]*(#{1,2})[ \t]+(\S.*?)[ \t#]*$")


def header_block(text: str, start: int = 0) -> tuple[dict[str, str], tuple[tuple[int, int], ...]]:
    """The header lines of an exported article (`文章作者: ...`, `发布时间: ...`, `原文链接: ...`) at the top
    of the body, after an optional `# title` line: their fields and the spans of the lines read (two
    such lines at least make a block). A first-level heading on the first line is the title too."""
    names = field_names()
    found: dict[str, str] = {}
    spans: list[tuple[int, int]] = []
    title, title_level = None, 0
    pos, seen = start, 0
    while pos < len(text) and seen < HEADER_LINES:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if line.strip():
            seen += 1
            m = _HEADER.match(line)
            field = names.get(m[1].strip().casefold()) if m else None
            if field:
                spans.append((pos, end))
                _merge(found, field, _value(field, m[2]))
            elif not spans and title is None and (t := _TITLE.match(line)):
                title, title_level = t[2], len(t[1])
            else:
                break
        pos = end + 1
    if len(spans) < 2:
        found, spans = {}, []
        title = title if title and title_level == 1 else None
    if title and "title" not in found:
        _merge(found, "title", _value("title", title))
    return found, tuple(spans)


_META = re.compile(r"<meta\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)/?>", re.I)
_LINK = re.compile(r"<link\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)/?>", re.I)
_ATTR = re.compile(r"([A-Za-z:_-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))")


def html_meta(text: str) -> dict[str, str]:
    """Title, author, date and URL of an HTML page: <meta name|property=... content=...>, the canonical
    <link>, else <title>."""
    head = text[: 1 << 20]
    names = field_names()
    found: dict[str, str] = {}
    for tag in _META.finditer(head):
        attrs = {a.casefold(): (v1 or v2 or v3) for a, v1, v2, v3 in _ATTR.findall(tag[1])}
        key = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").casefold()
        field = names.get(key)
        if field and "content" in attrs:
            _merge(found, field, _value(field, attrs["content"]))
    for tag in _LINK.finditer(head):
        attrs = {a.casefold(): (v1 or v2 or v3) for a, v1, v2, v3 in _ATTR.findall(tag[1])}
        if attrs.get("rel", "").casefold() == "canonical" and "href" in attrs:
            _merge(found, "source", _value("source", attrs["href"]))
    # the <title> of a page names the page; a meta title (og:title) names the article
    _merge(found, "title", html_title(text))
    return found


def read(text: str, is_html: bool = False) -> tuple[Meta, int]:
    """Everything a document says about itself, and the offset where its body starts (after front matter)."""
    if is_html:
        return Meta(**html_meta(text)), 0
    found, body = front_matter(text)
    header, spans = header_block(text, body)
    for field, value in header.items():
        _merge(found, field, value)
    return Meta(**found, header=spans), body
