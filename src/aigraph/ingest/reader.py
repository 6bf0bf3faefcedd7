"""Source files to Documents: found under folders, decoded, hashed, front matter read."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from aigraph.errors import InputError
from aigraph.ingest.decoding import decode
from aigraph.ingest.textview import CONTROLS, html_title, looks_like_html, strip_controls
from aigraph.model import Document

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


def read_document(path: str | Path) -> Document:
    """Read one file: decode, hash, tell HTML from text, and take title and date from its front matter
    (or an HTML page's <title>). Empty, binary and unreadable files raise InputError naming the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise InputError(f"{path}: empty file")
    text, encoding = decode(data, str(path))
    if not text.strip() or not CONTROLS.sub("", text).strip():
        raise InputError(f"{path}: empty file (nothing but blanks and control characters)")
    fmt = "html" if path.suffix.lower() in (".html", ".htm") or looks_like_html(text) else "text"
    title = date = None
    body_start = 0
    fm = _FRONT_MATTER.match(text) if fmt == "text" else None
    if fm:
        body_start = fm.end()
        for key, value in _FM_FIELD.findall(fm.group(1)):
            value = strip_controls(value).strip().strip("\"'")
            if key == "title":
                title = value or None
            elif (m := _ISO_DATE.search(value)):
                date = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
    if fmt == "html":
        title = html_title(text)
    return Document(
        id=strip_controls(path.name), path=str(path), text=text, sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding, title=title, date=date, body_start=body_start, format=fmt,
        replacements=text.count("\ufffd"),
    )
