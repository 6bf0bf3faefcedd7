"""Traditional Chinese seen as simplified, character for character, so that offsets stay those of the text."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from aigraph.folding import fold_char

_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


@functools.cache
def _converter():
    import opencc  # opencc-python-reimplemented: OpenCC's dictionaries, phrase-aware

    return opencc.OpenCC("t2s")


@functools.cache
def _traditional() -> frozenset[str]:
    """Characters that OpenCC's character table writes otherwise in simplified script."""
    from aigraph.folding import _T2S

    return frozenset(c for c, s in _T2S.items() if s != c)


@functools.cache
def _changing() -> frozenset[str]:
    """Han characters without which no entry of OpenCC's t2s dictionaries changes a run, so that a run
    with none of them converts to itself (entries like 反覆 -> 反复 change characters that are not
    traditional): where an entry keeps its length, the characters it replaces; where not (乾 -> "干 乾"),
    one of those already counted if it has any, else all of its characters."""
    entries = [(key, value) for group in _converter()._dict_chain_data for _, _, table in group
               for key, value in table.items() if key != value]
    out: set[str] = set()
    for key, value in entries:
        if len(key) == len(value):
            out.update(k for k, v in zip(key, value) if k != v)
    for key, value in entries:
        if len(key) != len(value) and out.isdisjoint(key):
            out.update(key)
    # only runs of Han characters are converted
    return frozenset(c for c in out if _is_cjk(c))


@functools.cache
def _either() -> frozenset[str]:
    return _traditional() | _changing()


def simplified(text: str) -> str:
    """`text` with traditional characters written in simplified script (OpenCC t2s, which knows phrases:
    著名 stays 著名), the same length as `text`: a run whose conversion would change its length is
    converted character by character. Text without a traditional character comes back as it is."""
    traditional, changing = _traditional(), _changing()
    seen = _either().intersection(text)  # one pass over the text for both questions
    if traditional.isdisjoint(seen):
        return text
    present = changing.intersection(seen)
    if not present:
        return text
    convert = _converter().convert
    # only the runs holding a character some entry changes go through OpenCC (a Python parser, the
    # slowest step of extraction when it saw every run of a document with one traditional character)
    pieces: list[str] = []
    last = 0
    for p in sorted(i for c in present for i in _positions(text, c)):
        if p < last:
            continue  # in the run just converted
        start = p
        while start > last and _is_cjk(text[start - 1]):
            start -= 1
        end = _CJK_RUN.match(text, p).end()
        s = text[start:end]
        out = convert(s)
        if len(out) != len(s):
            out = "".join(c2 if len(c2 := convert(c)) == 1 else fold_char(c) for c in s)
        pieces.append(text[last:start])
        pieces.append(out)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _positions(text: str, c: str) -> Iterator[int]:
    i = text.find(c)
    while i >= 0:
        yield i
        i = text.find(c, i + 1)


def _is_cjk(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"
