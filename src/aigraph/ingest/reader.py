"""Source files to Documents: found under folders, decoded, hashed, their metadata read."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from aigraph.errors import InputError
from aigraph.ingest import metadata
from aigraph.ingest.decoding import decode
from aigraph.ingest.textview import CONTROLS, looks_like_html, strip_controls
from aigraph.model import Document

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True)
class Source:
    """A file to read, with the id its document gets."""

    path: Path
    """Where the file is."""
    id: str
    """The document id: the path relative to the folder it was found in (`ai-research/2024-01-05-065.md`),
    or the file name of a file named on its own; control characters and line breaks left out."""
    root: Path | None = None
    """The source folder it was found in: a link leading out of it is not followed."""


def find_sources(paths: Iterable[str | Path], skip_dir: Callable[[Path], bool] | None = None) -> list[Source]:
    """Files named, or found (recursively, sorted) under the folders named, with unique document ids.
    Hidden files and folders, folders `skip_dir` refuses (a graph folder, the build's own output) and
    folders that links lead to outside the source folder are not searched."""
    out: list[Source] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(Source(f, _clean_id(f.relative_to(p).as_posix()), p) for f in _walk(p, skip_dir))
        elif p.is_file():
            out.append(Source(p, _clean_id(p.name)))
        else:
            raise InputError(f"{p}: no such file or folder")
    return unique_ids(out)


def iter_sources(paths: Iterable[str | Path]) -> list[Path]:
    """The files of `find_sources`."""
    return [s.path for s in find_sources(paths)]


def _walk(root: Path, skip_dir: Callable[[Path], bool] | None) -> list[Path]:
    top = os.path.realpath(root)
    found: list[Path] = []
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen or not _inside(real, top):  # a loop of links, or a link out of the folder
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and not (skip_dir and skip_dir(Path(dirpath, d))))
        for name in filenames:
            f = Path(dirpath, name)
            if not name.startswith(".") and f.suffix.lower() in SUFFIXES and f.is_file():
                found.append(f)
    return sorted(found, key=lambda f: f.relative_to(root).as_posix())


def _inside(path: str, top: str) -> bool:
    return path == top or path.startswith(top.rstrip(os.sep) + os.sep)


def _clean_id(name: str) -> str:
    """A file name or relative path as a one-line id: controls out, line breaks and tabs as spaces."""
    return " ".join(strip_controls(name).split()) or "_"


def unique_ids(sources: Sequence[Source | Path]) -> list[Source]:
    """Sources with distinct ids: two files given whose ids are the same (x.txt from two folders) are
    told apart by as many of their parent folders' names as it takes (`a/x.txt`, `b/x.txt`)."""
    items, seen = [], set()
    for s in sources:
        s = s if isinstance(s, Source) else Source(Path(s), _clean_id(Path(s).name))
        if (real := os.path.realpath(s.path)) not in seen:  # the same file named twice is read once
            seen.add(real)
            items.append(s)
    ids = [s.id for s in items]
    for depth in range(1, 64):
        counts: dict[str, int] = {}
        for i in ids:
            counts[i] = counts.get(i, 0) + 1
        clash = [k for k, i in enumerate(ids) if counts[i] > 1]
        if not clash:
            break
        for k in clash:
            parents = Path(os.path.abspath(items[k].path)).parent.parts[1:]
            ids[k] = _clean_id("/".join([*parents[-depth:], items[k].id]))
            if depth > len(parents):  # no folder names left to tell them apart
                ids[k] = f"{ids[k]}#{k}"
    return [Source(s.path, i, s.root) for s, i in zip(items, ids)]


def read_document(source: str | Path | Source) -> Document:
    """Read one file: decode, hash, tell HTML from text, and take its title, author, publication time and
    URL from its front matter, header lines or HTML <meta> (`ingest.metadata`). Empty, binary and
    unreadable files, and links out of the source folder, raise InputError naming the file."""
    if not isinstance(source, Source):
        source = Source(Path(source), _clean_id(Path(source).name))
    path = source.path
    if source.root is not None and not _inside(os.path.realpath(path), os.path.realpath(source.root)):
        raise InputError(f"{path}: a link to {os.path.realpath(path)}, outside {source.root}/; not followed")
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
        id=source.id, path=str(path), text=text, sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding, title=meta.title, date=meta.date, body_start=body_start, format=fmt,
        replacements=text.count("\ufffd"), creator=meta.creator, issued=meta.issued, source=meta.source,
    )
