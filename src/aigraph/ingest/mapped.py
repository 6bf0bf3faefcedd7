"""Text whose every character remembers its offset in the source file."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Mapped:
    """Text whose every character remembers its offset in the source: runs `(text_pos, src_pos)`, each
    going on until the next run starts (runs, not one offset per character, keep long lines cheap)."""

    __slots__ = ("parts", "runs", "length", "_src_end")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.runs: list[tuple[int, int]] = []
        self.length = 0
        self._src_end = -1

    def add(self, text: str, src: int) -> None:
        """Append `text`, read from the source at `src`."""
        if not text:
            return
        if src != self._src_end:
            self.runs.append((self.length, src))
        self.parts.append(text)
        self.length += len(text)
        self._src_end = src + len(text)

    def extend(self, other: Mapped) -> None:
        """Append another mapped text."""
        text = other.text
        for k, (pos, src) in enumerate(other.runs):
            end = other.runs[k + 1][0] if k + 1 < len(other.runs) else other.length
            self.add(text[pos:end], src)

    @property
    def text(self) -> str:
        """The text itself."""
        if len(self.parts) > 1:
            self.parts = ["".join(self.parts)]
        return self.parts[0] if self.parts else ""

    def source(self, i: int) -> int:
        """The source offset of character i."""
        k = bisect.bisect_right(self.runs, (i, float("inf"))) - 1
        pos, src = self.runs[k]
        return src + i - pos

    def keep(self, a: int, b: int, drops: Iterable[tuple[int, int]] = ()) -> Mapped:
        """The characters in [a, b) outside the (sorted or not) `drops` ranges."""
        text, out, pos = self.text, Mapped(), a
        for x, y in sorted(drops):
            x, y = max(x, a), min(y, b)
            if x > pos:
                self._copy(text, pos, x, out)
            pos = max(pos, y)
        if pos < b:
            self._copy(text, pos, b, out)
        return out

    def _copy(self, text: str, a: int, b: int, out: Mapped) -> None:
        k = bisect.bisect_right(self.runs, (a, float("inf"))) - 1
        while a < b:
            pos, src = self.runs[k]
            end = min(b, self.runs[k + 1][0] if k + 1 < len(self.runs) else self.length)
            out.add(text[a:end], src + a - pos)
            a, k = end, k + 1

    def spans(self, a: int, b: int) -> tuple[tuple[int, int], ...]:
        """Source spans of the characters in [a, b), contiguous ones merged."""
        piece = self.keep(a, b)
        out = []
        for k, (pos, src) in enumerate(piece.runs):
            end = piece.runs[k + 1][0] if k + 1 < len(piece.runs) else piece.length
            out.append((src, src + end - pos))
        return tuple(out)

    def stripped(self) -> Mapped:
        """Without leading and trailing whitespace."""
        text = self.text
        a = len(text) - len(text.lstrip())
        return self.keep(a, max(a, len(text.rstrip())))
