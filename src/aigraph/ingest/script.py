"""Traditional Chinese seen as simplified, character for character, so that offsets stay those of the text."""

from __future__ import annotations

import functools
import re

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
    """Characters without which no entry of OpenCC's t2s dictionaries changes a run: where an entry
    keeps its length, the characters it replaces; where not, all of its characters. A run with none of
    them converts to itself (entries like 反覆 -> 反复 change characters that are not traditional)."""
    out: set[str] = set()
    for group in _converter()._dict_chain_data:
        for _, _, table in group:
            for key, value in table.items():
                if key == value:
                    continue
                if len(key) == len(value):
                    out.update(k for k, v in zip(key, value) if k != v)
                else:
                    out.update(key)
    return frozenset(out)


def simplified(text: str) -> str:
    """`text` with traditional characters written in simplified script (OpenCC t2s, which knows phrases:
    著名 stays 著名), the same length as `text`: a run whose conversion would change its length is
    converted character by character. Text without a traditional character comes back as it is."""
    if _traditional().isdisjoint(text):
        return text
    changing = _changing()
    if changing.isdisjoint(text):
        return text
    convert = _converter().convert
    # only the runs holding a character some entry changes go through OpenCC (a Python parser, the
    # slowest step of extraction when it saw every run of a document with one traditional character)
    pieces: list[str] = []
    last = 0
    for m in _CJK_RUN.finditer(text):
        s = m.group()
        if changing.isdisjoint(s):
            continue
        out = convert(s)
        if len(out) != len(s):
            out = "".join(c2 if len(c2 := convert(c)) == 1 else fold_char(c) for c in s)
        pieces.append(text[last:m.start()])
        pieces.append(out)
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces)
