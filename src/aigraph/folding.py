"""Matching keys of names: width, case and script folded, separators dropped."""

from __future__ import annotations

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
    """str.translate's table for norm: each code point to its folded character, or None (dropped) when
    that is a separator; filled as characters are first seen, so that translate then runs in C."""

    def __missing__(self, code: int) -> str | None:
        f = fold_char(chr(code))
        self[code] = out = None if f in DROP else f
        return out


_NORM = _NormTable()


def norm(text: str) -> str:
    """Matching key of a name: folded, separators dropped (each character folded, as fold_char does)."""
    return text.translate(_NORM)


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
