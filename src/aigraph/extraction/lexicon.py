"""The bilingual entity lexicon: records kept as data, an alias index and a fast matcher."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from aigraph.errors import AigraphError
from aigraph.folding import DROP, fold_char, norm
from aigraph.vocab import ENTITY_TYPES


@dataclass(frozen=True)
class LexEntry:
    """One canonical entity of the lexicon."""

    name: str
    """Canonical name (English where one is in common use, else Chinese)."""
    type: str
    """One of the seven entity types."""
    aliases: tuple[str, ...] = ()
    """Other names it is written as, in any language."""
    weak_aliases: tuple[str, ...] = ()
    """Names that also mean something else: they count only when the document names the entity
    by a strong name too, or a typed cue stands next to them."""
    context: tuple[str, ...] = ()
    """Words whose presence in a sentence makes an ambiguous alias mean this entity."""
    developer: str = ""
    """For a model, product or chip: canonical name of the company that makes it (real-world
    knowledge that lets the relation stage trust "OpenAI ... GPT-4o" more than a chance pairing)."""
    notes: str = ""
    """Free text for curators."""
    definition: str = ""
    """For a trend: one sentence saying what it is (written to the graph as skos:definition)."""
    broader: str = ""
    """For a trend: canonical name of the wider trend it belongs to (skos:broader), if any."""

    @property
    def names(self) -> tuple[str, ...]:
        """Canonical name and strong aliases (the name is weak too when listed as weak)."""
        head = () if self.name in self.weak_aliases else (self.name,)
        return (*head, *self.aliases)


@dataclass
class Lexicon:
    """All entries, indexed by normalised alias."""

    entries: list[LexEntry]
    stopwords: frozenset[str] = field(default_factory=frozenset)
    by_key: dict[str, list[tuple[LexEntry, bool]]] = field(init=False)
    by_name: dict[str, LexEntry] = field(init=False)

    def __post_init__(self) -> None:
        self.by_key = {}
        self.by_name = {}
        for e in self.entries:
            self.by_name.setdefault(norm(e.name), e)
            for alias, strong in [(a, True) for a in e.names] + [(a, False) for a in e.weak_aliases]:
                key = norm(alias)
                if not key:
                    continue
                bucket = self.by_key.setdefault(key, [])
                if not any(x is e for x, _ in bucket):
                    bucket.append((e, strong))
        self._automaton = None
        self._scanner: tuple[object, dict[int, str]] | None = None
        self._check_taxonomy()

    def _check_taxonomy(self) -> None:
        """Every wider trend is a trend of the lexicon, and no trend is wider than itself."""
        for e in self.entries:
            seen = {e.name}
            t = e
            while t.broader:
                up = self.by_name.get(norm(t.broader))
                if up is None or up.type != "Trend":
                    raise AigraphError(f"lexicon: trend {t.name!r}: broader {t.broader!r} is not a trend of the lexicon")
                if up.name in seen:
                    raise AigraphError(f"lexicon: trend {e.name!r}: its wider trends loop back to {up.name!r}")
                seen.add(up.name)
                t = up

    def broader(self, entry: LexEntry) -> list[LexEntry]:
        """The wider trends of a trend, nearest first."""
        out, t = [], entry
        while t.broader:
            t = self.by_name[norm(t.broader)]
            out.append(t)
        return out

    def lookup(self, name: str) -> list[tuple[LexEntry, bool]]:
        """Entries an alias may mean, with whether the alias is strong for each."""
        return self.by_key.get(norm(name), [])

    def canonical(self, name: str) -> LexEntry | None:
        """The entry a name surely means, if exactly one entry claims it strongly."""
        strong = [e for e, s in self.lookup(name) if s]
        return strong[0] if len(strong) == 1 else None

    @property
    def automaton(self):
        """Aho-Corasick automaton over all alias keys."""
        if self._automaton is None:
            import ahocorasick

            a = ahocorasick.Automaton()
            for key in self.by_key:
                a.add_word(key, key)
            a.make_automaton()
            self._automaton = a
        return self._automaton

    def _scan(self) -> tuple[object, dict[int, str]]:
        """The automaton find() runs, and the table that folds a text for it.

        pyahocorasick looks a character up among a node's children one by one, so a character that
        begins no alias cost a scan of all of the root's (hundreds). Here every character of the aliases
        is a child of the root, the most used first (ASCII, then by how many aliases hold it), through
        keys that never match ("c\x01"), and the table writes any other character as "\x00", the
        root's first child: the matches are the same, found in half the time."""
        if self._scanner is None:
            import ahocorasick

            counts: dict[str, int] = {}
            for key in self.by_key:
                for c in key:
                    counts[c] = counts.get(c, 0) + 1
            a = ahocorasick.Automaton()
            table: dict[int, str]
            if "\x00" in counts or "\x01" in counts:
                table = _FOLD_TABLE  # no character is free to stand for the others: scan as the aliases are
            else:
                for c in ["\x00", *sorted(counts, key=lambda c: (not c.isascii(), -counts[c], c))]:
                    a.add_word(c + "\x01", "")
                table = _ScanTable(frozenset(counts))
            for key in self.by_key:
                a.add_word(key, key)
            a.make_automaton()
            self._scanner = (a, table)
        return self._scanner

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Every alias occurrence in `text` as (start, end, key), overlapping ones included."""
        # fold_char is one character to one, so str.translate folds in C; the separators norm drops
        # are cut out, and a match's offsets mapped back past the ones cut before it
        automaton, table = self._scan()
        folded = text.translate(table)
        cut = [m.start() - i for i, m in enumerate(_DROP_RE.finditer(folded))]
        if cut:
            folded = _DROP_RE.sub("", folded)
        for end, key in automaton.iter(folded):
            start = end - len(key) + 1
            if cut:
                yield start + bisect_right(cut, start), end + bisect_right(cut, end) + 1, key
            else:
                yield start, end + 1, key


class _FoldTable(dict):
    """ord(c) -> fold_char(c), filled in as characters are met (for str.translate)."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


class _ScanTable(dict):
    """ord(c) -> fold_char(c) when that is a character of an alias or a separator, else "\x00"."""

    def __init__(self, alphabet: frozenset[str]) -> None:
        super().__init__()
        self.alphabet = alphabet

    def __missing__(self, code: int) -> str:
        f = fold_char(chr(code))
        self[code] = f = f if f in self.alphabet or f in DROP else "\x00"
        return f
_DROP_RE = re.compile("[" + re.escape("".join(sorted(DROP))) + "]")


def _records(path: Path) -> Iterator[tuple[int, dict]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as exc:
                raise AigraphError(f"{path}:{n}: not a JSON record ({exc.msg})") from exc


def entry_from_record(rec: dict, where: str = "") -> LexEntry:
    """Validate one lexicon record and build its entry."""
    if not isinstance(rec, dict) or not isinstance(rec.get("name"), str) or not rec["name"].strip():
        raise AigraphError(f"{where}: record needs a non-empty string 'name'")
    if rec.get("type") not in ENTITY_TYPES:
        raise AigraphError(f"{where}: type {rec.get('type')!r} is not one of {', '.join(ENTITY_TYPES)}")
    for key in ("aliases", "weak_aliases", "context"):
        v = rec.get(key, [])
        if not isinstance(v, list) or not all(isinstance(a, str) and a.strip() for a in v):
            raise AigraphError(f"{where}: {key!r} must be a list of non-empty strings")
    for key in ("developer", "notes", "definition", "broader"):
        if not isinstance(rec.get(key, ""), str):
            raise AigraphError(f"{where}: {key!r} must be a string")
    if (rec.get("definition") or rec.get("broader")) and rec["type"] != "Trend":
        raise AigraphError(f"{where}: 'definition' and 'broader' are for trends only")
    unknown = set(rec) - _FIELDS
    if unknown:
        raise AigraphError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    aliases = tuple(dict.fromkeys(a for a in rec.get("aliases", []) if a != rec["name"]))
    return LexEntry(
        name=rec["name"], type=rec["type"], aliases=aliases,
        weak_aliases=tuple(dict.fromkeys(rec.get("weak_aliases", []))),
        context=tuple(rec.get("context", [])), developer=rec.get("developer", ""), notes=rec.get("notes", ""),
        definition=rec.get("definition", "").strip(), broader=rec.get("broader", "").strip(),
    )


_FIELDS = frozenset(("name", "type", "aliases", "weak_aliases", "context", "developer", "notes", "definition", "broader"))


def load_entries(paths: Iterable[Path]) -> list[LexEntry]:
    """Entries of the given JSONL files, in file order."""
    return [entry_from_record(rec, f"{p}:{n}") for p in paths for n, rec in _records(p)]


def data_dir() -> Path:
    """The packaged lexicon folder."""
    return Path(__file__).with_name("data") / "lexicon"


@cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon (all `*.jsonl` under data/lexicon) and its stopword list."""
    d = data_dir()
    stop = d / "stopwords.txt"
    words = frozenset()
    if stop.exists():
        words = frozenset(
            norm(w) for w in stop.read_text("utf-8").splitlines() if w.strip() and not w.startswith("#")
        )
    return Lexicon(load_entries(sorted(d.glob("*.jsonl"))), stopwords=words)


def load_lexicon(path: str | Path | None) -> Lexicon:
    """A lexicon from a folder or file of JSONL records, or the packaged one."""
    if path is None:
        return default_lexicon()
    return _load_path(str(Path(path).resolve()))


@cache
def _load_path(path: str) -> Lexicon:
    p = Path(path)
    files = sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    return Lexicon(load_entries(files), stopwords=default_lexicon().stopwords)


_VERSION_TAIL = re.compile(r"v?\d+(?:\.\d+)*")


def version_named(entry: LexEntry, surface: str) -> str:
    """The name a mention of `entry` stands for: an alias that is the record's name and a version
    ("Holoswim2" of Holoswim, "YOLOv8" of YOLO) names that version, as versioned names do elsewhere;
    any other alias names the record."""
    base, key = norm(entry.name), norm(surface)
    if entry.type in ("Model", "Product", "Chip") and key != base and key.startswith(base) \
            and _VERSION_TAIL.fullmatch(key[len(base):]):
        return " ".join(surface.split())
    return entry.name
