"""Matching keys of names: width, case and script folded, separators dropped."""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

# Characters a name may be written with or without ("DeepSeek V3" = "DeepSeek-V3" = "DeepSeekV3").
DROP = frozenset(" \t\u3000\u00a0-_·・‧•")
_FOLD: dict[str, str] = {}


def fold_char(c: str) -> str:
    """One character folded for matching: width, case and script variants, never longer than one."""
    f = _FOLD.get(c)
    if f is None:
        n = unicodedata.normalize("NFKC", c).casefold()
        f = n if len(n) == 1 else c.lower() if len(c.lower()) == 1 else c
        f = _T2S.get(f, f)
        _FOLD[c] = f
    return f


class _NormTable(dict):
    """ord(c) -> fold_char(c), or None for a separator, filled in as characters are met: str.translate
    then folds and drops in C, where a join over fold_char cost a Python call per character."""

    def __missing__(self, code: int) -> str | None:
        f = fold_char(chr(code))
        self[code] = folded = None if f in DROP else f
        return folded


_NORM_TABLE = _NormTable()


@functools.lru_cache(maxsize=1 << 16)  # the same names come back sentence after sentence
def norm(text: str) -> str:
    """Matching key of a name: folded, separators dropped."""
    return text.translate(_NORM_TABLE)


def _load_t2s() -> dict[str, str]:
    """Traditional -> simplified characters, one to one (data/t2s.txt)."""
    out: dict[str, str] = {}
    f = Path(__file__).with_name("data") / "t2s.txt"
    if f.exists():
        for line in f.read_text("utf-8").splitlines():
            if len(line) >= 3 and line[1] == "\t":
                out[line[0]] = line[2]
    return out


_T2S: dict[str, str] = _load_t2s()
