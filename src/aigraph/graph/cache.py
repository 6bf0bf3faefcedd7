"""Per-document extraction results kept in the graph folder, so add/remove need not re-read other documents."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import shutil
import tempfile
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import IO

from aigraph.atomic import atomic_write, replace_dir
from aigraph.errors import StoreError
from aigraph.model import Document, Fact, Mention, Quantity, Reading, Sentence

CACHE_DIR = "cache"
SETTINGS = "settings.json"
FORMAT = 1
"""Version of the file layout below; files of another version are extracted again."""


@dataclass(frozen=True)
class Entry:
    """One document as the extractor read it."""

    document: Document
    """The decoded document (its text included, so it can be read again without the source file)."""
    readings: tuple[Reading, ...]
    """Entities and facts of each sentence, all confidences kept."""
    extractor: str
    """Fingerprint of the extractor that read it (see `extractor_fingerprint`)."""

    @property
    def key(self) -> str:
        """The document's key: the first 16 hex digits of its SHA-256 (as in its graph name)."""
        return self.document.sha256[:16]


EXTRACTOR: tuple[str, ...] = ("extraction", "ingest", "data", "model.py", "folding.py", "vocab.py", "errors.py",
                               "ontology/aigraph.ttl")
"""The package's parts that decide what the extractor reads in a document (paths under aigraph/): a
change in any of them makes cached extractions stale. A test checks that every module the extractor
imports is among them."""


@cache
def extractor_fingerprint() -> str:
    """A hash of the code and data the extractor is made of: when it changes, cached documents are
    stale and are read again, so that the incremental path keeps giving what a full build gives."""
    from importlib.metadata import version  # spaCy's version without importing spaCy (a second)

    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256(f"spacy {version('spacy')}\n".encode())
    files: set[Path] = set()
    for part in EXTRACTOR:
        p = root / part
        files |= {f for f in p.rglob("*") if f.is_file() and f.suffix in (".py", ".txt", ".jsonl")
                  and "__pycache__" not in f.parts} if p.is_dir() else {p}
    for p in sorted(files, key=lambda f: f.relative_to(root).as_posix()):
        h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def folder(graph: Path) -> Path:
    """The cache folder of a graph folder."""
    return Path(graph) / CACHE_DIR


def encode(entry: Entry) -> bytes:
    """One entry as gzipped JSON (no timestamp, sorted keys: the same entry gives the same bytes)."""
    buf = io.BytesIO()
    write_entry(buf, entry)
    return buf.getvalue()


def write_entry(fh: IO[bytes], entry: Entry) -> None:
    """One entry as gzipped JSON into a binary file, a reading at a time: a long document never has its
    whole JSON text in memory (sorted keys as json.dumps writes them)."""
    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    # zlib's default level: 9 takes twice the CPU (0.06 s of a seed build) for a file a few % smaller
    with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=6) as gz:
        gz.write(f'{{"document": {dumps(asdict(entry.document))}, "extractor": {dumps(entry.extractor)}, '
                 f'"format": {FORMAT}, "readings": ['.encode())
        for i, a in enumerate(entry.readings):
            reading = {"facts": [asdict(f) for f in a.facts], "mentions": [asdict(m) for m in a.mentions],
                       "sentence": asdict(a.sentence)}
            gz.write(((", " if i else "") + dumps(reading)).encode("utf-8"))
        gz.write(b"]}")


def decode(data: bytes) -> Entry | None:
    """An entry from its bytes; None when it was written in another format."""
    raw = json.loads(gzip.decompress(data).decode("utf-8"))
    if raw.get("format") != FORMAT:
        return None
    readings = []
    for a in raw["readings"]:
        s = a["sentence"]
        sentence = Sentence(s["doc_id"], s["index"], s["text"], tuple(tuple(p) for p in s["pieces"]), s["doc_date"])
        facts = tuple(Fact(**{**f, **{k: _quantity(f[k]) for k in ("amount", "valuation", "date")}}) for f in a["facts"])
        readings.append(Reading(sentence, tuple(Mention(**m) for m in a["mentions"]), facts))
    return Entry(Document(**raw["document"]), tuple(readings), raw["extractor"])


def _quantity(q: dict | None) -> Quantity | None:
    return Quantity(**q) if q else None


def load(graph: Path) -> list[Entry]:
    """Every cached document of a graph folder, sorted by document id; an unreadable file is an
    error that says to rebuild."""
    out = []
    for path in sorted(folder(graph).glob("*.json.gz")):
        try:
            entry = decode(path.read_bytes())
        except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:
            raise StoreError(f"{path}: unreadable document cache ({exc}); build the graph again to rebuild it.",
                             f"{path}: unreadable document cache ({exc}); run `aigraph build` to rebuild it.") from exc
        if entry is None:
            raise StoreError(f"{path}: document cache in an older format; build the graph again to rebuild it.",
                             f"{path}: document cache in an older format; run `aigraph build` to rebuild it.")
        out.append(entry)
    return sorted(out, key=lambda e: e.document.id)


def read(graph: Path, key: str) -> Entry:
    """One cached document by its key."""
    path = folder(graph) / f"{key}.json.gz"
    try:
        entry = decode(path.read_bytes())
    except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:
        raise StoreError(f"{path}: unreadable document cache ({exc}); build the graph again to rebuild it.",
                         f"{path}: unreadable document cache ({exc}); run `aigraph build` to rebuild it.") from exc
    if entry is None:
        raise StoreError(f"{path}: document cache in an older format; build the graph again to rebuild it.",
                         f"{path}: document cache in an older format; run `aigraph build` to rebuild it.")
    return entry


def has_cache(graph: Path) -> bool:
    """Whether the graph folder holds a document cache."""
    return (folder(graph) / SETTINGS).is_file()


def settings(graph: Path) -> dict:
    """The cache's settings: its format, the build's threshold, the extractor that read the documents."""
    return json.loads((folder(graph) / SETTINGS).read_text("utf-8"))


def threshold(graph: Path) -> float:
    """The confidence threshold the graph was built with."""
    return float(settings(graph)["threshold"])


def write_all(graph: Path, entries: list[Entry], threshold: float) -> None:
    """Replace the whole cache with these entries (a fresh folder swapped in when complete)."""
    graph.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{CACHE_DIR}.", dir=graph))
    try:
        for e in entries:
            with (tmp / f"{e.key}.json.gz").open("wb") as fh:
                write_entry(fh, e)
        (tmp / SETTINGS).write_text(_settings(threshold), encoding="utf-8")
        replace_dir(tmp, folder(graph))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def update(graph: Path, added: list[Entry], removed: list[str]) -> None:
    """Write the added entries and delete the removed keys, one file at a time, each atomically."""
    for e in added:
        with atomic_write(folder(graph) / f"{e.key}.json.gz", "wb") as fh:
            write_entry(fh, e)
    for key in removed:
        (folder(graph) / f"{key}.json.gz").unlink(missing_ok=True)


def _settings(threshold: float) -> str:
    return json.dumps({"format": FORMAT, "threshold": threshold, "extractor": extractor_fingerprint()},
                      sort_keys=True) + "\n"


def write_settings(graph: Path, threshold: float) -> None:
    """The settings file alone (after the cache was changed file by file)."""
    with atomic_write(folder(graph) / SETTINGS) as fh:
        fh.write(_settings(threshold))
