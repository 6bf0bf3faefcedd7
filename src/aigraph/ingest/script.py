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
def _traditional() -> re.Pattern:
    """Characters that OpenCC's character table writes otherwise in simplified script."""
    from aigraph.folding import _T2S

    chars = sorted(c for c, s in _T2S.items() if s != c)
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


def simplified(text: str) -> str:
    """`text` with traditional characters written in simplified script (OpenCC t2s, which knows phrases:
    著名 stays 著名), the same length as `text`: a run whose conversion would change its length is
    converted character by character. Text without a traditional character comes back as it is."""
    if not _traditional().search(text):
        return text
    convert = _converter().convert

    def run(m: re.Match) -> str:
        s = m.group()
        out = convert(s)
        if len(out) == len(s):
            return out
        return "".join(c2 if len(c2 := convert(c)) == 1 else fold_char(c) for c in s)

    return _CJK_RUN.sub(run, text)
