"""Source files to Documents: found under folders, decoded, hashed, their metadata read."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from aigraph.errors import InputError
from aigraph.ingest import metadata
from aigraph.ingest.decoding import decode
from aigraph.ingest.textview import CONTROLS, looks_like_html, strip_controls
from aigraph.model import Document

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


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
    """Read one file: decode, hash, tell HTML from text, and take its title, author, publication time and
    URL from its front matter, header lines or HTML <meta> (`ingest.metadata`). Empty, binary and
    unreadable files raise InputError naming the file."""
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
    meta, body_start = metadata.read(text, fmt == "html")
    return Document(
        id=strip_controls(path.name), path=str(path), text=text, sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding, title=meta.title, date=meta.date, body_start=body_start, format=fmt,
        replacements=text.count("\ufffd"), creator=meta.creator, issued=meta.issued, source=meta.source,
    )
