"""The build's progress on stderr: a bar with documents and sentences done and the rate."""

from __future__ import annotations

import sys
import time
from typing import TextIO

_WIDTH = 24


class ProgressBar:
    """progress(stage, done, total, docs=(d, D), chars=n, sentences=s): redrawn in place on a terminal (ten times a
    second at most), a line at each quarter otherwise (logs stay short)."""

    def __init__(self, stream: TextIO | None = None, tty: bool | None = None, clock=time.monotonic) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.clock = clock
        self.started: dict[str, float] = {}
        self.last_draw = 0.0
        self.last_quarter: dict[str, int] = {}

    def __call__(self, stage: str, done: int, total: int, docs: tuple[int, int] | None = None,
                 chars: int | None = None, sentences: int | None = None) -> None:
        now = self.clock()
        start = self.started.setdefault(stage, now)
        finished = done >= total
        if self.tty:
            if not finished and now - self.last_draw < 0.1:
                return
            self.last_draw = now
            self.stream.write("\r\x1b[K" + self.line(stage, done, total, now - start, docs, chars, sentences))
            if finished:
                self.stream.write("\n")
        else:
            quarter = 4 * done // total if total else 4
            if quarter <= self.last_quarter.get(stage, -1):
                return
            self.last_quarter[stage] = quarter
            self.stream.write(self.line(stage, done, total, now - start, docs, chars, sentences) + "\n")
        self.stream.flush()

    @staticmethod
    def line(stage: str, done: int, total: int, seconds: float, docs: tuple[int, int] | None = None,
             chars: int | None = None, sentences: int | None = None) -> str:
        """One status line: stage, bar, counts and rates. With `sentences`, done and total measure
        the documents' text (sentences are counted as they are made, their total is not known)."""
        frac = done / total if total else 1.0
        # rounded down: 100% is a finished stage, not one a few characters short of the end
        filled = int(frac * _WIDTH)
        bar = "█" * filled + "░" * (_WIDTH - filled)
        parts = [f"{stage:8s} {bar} {int(100 * frac):3d}%"]
        count = done if sentences is None else sentences
        if docs is not None:
            parts.append(f"{docs[0]}/{docs[1]} documents")
            parts.append(f"{done}/{total} sentences" if sentences is None else f"{sentences} sentences")
        else:
            parts.append(f"{done}/{total}")
        if seconds > 0 and count:
            parts.append(f"{count / seconds:,.0f} sentences/s" if docs is not None else f"{count / seconds:,.0f}/s")
            if chars:
                parts.append(f"{chars / seconds / 1000:,.0f}k chars/s")
        return "  ".join(parts)
