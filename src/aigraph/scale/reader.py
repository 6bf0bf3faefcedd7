"""One extraction process's state: its spaCy pipeline, built once, and the reading of one work unit."""

from __future__ import annotations

from collections.abc import Callable

from aigraph.model import Fact, Mention, Sentence

Found = tuple[tuple[tuple[Mention, ...], tuple[Fact, ...]], ...]
"""What the extractor read in each sentence of a unit, without the sentences themselves."""

NLP = None
FACTORY: Callable | None = None


def init(factory: Callable | None) -> None:
    """Build this process's spaCy pipeline (kept for the next build with the same factory)."""
    global NLP, FACTORY
    from aigraph.extraction.nlp import build_nlp

    factory = factory or build_nlp
    if NLP is None or FACTORY is not factory:
        NLP, FACTORY = factory(), factory


def read(unit: list[Sentence]) -> tuple[str, Found | str]:
    """Analyse one unit with this process's pipeline; an exception becomes a reason, not a crash."""
    from aigraph.extraction.nlp import extract

    try:
        out = extract(NLP, unit)
    except Exception as exc:  # noqa: BLE001  a bad document must not stop the build
        return "error", f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
    return "ok", tuple((a.mentions, a.facts) for a in out)
