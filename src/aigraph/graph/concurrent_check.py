"""SHACL validation in a forked process while a parallel build writes its files, swapped in once it passes."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from pyoxigraph import Quad

_QUADS: Sequence[Quad] = ()


def _violations() -> list:
    from aigraph.graph.validate import validate_quads

    return [v for v in validate_quads(_QUADS) if v.severity == "Violation"]


class Check:
    """A running check of `quads`; result() raises validate.InvalidGraph as validate.check would."""

    def __init__(self, quads: Sequence[Quad]) -> None:
        global _QUADS
        self.quads = quads
        self.pool: ProcessPoolExecutor | None = None
        self.future: Future | None = None
        if sys.platform == "linux":
            # the child sees the quads through fork (copy-on-write), not through a pickle of them
            _QUADS = quads
            try:
                self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
                self.future = self.pool.submit(_violations)
            finally:
                _QUADS = ()

    def result(self) -> None:
        from aigraph.graph.validate import InvalidGraph, check

        try:
            if self.future is None:
                check(self.quads)
                return
            try:
                bad = self.future.result()
            except BrokenProcessPool:
                # the checking process died (killed, out of memory): check here instead
                check(self.quads)
                return
            if bad:
                raise InvalidGraph(bad)
        finally:
            self.close()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
