"""Relation constructions as registered, named, versioned functions from a parsed sentence to typed hits."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from aigraph.extraction.clauses import Parse
from aigraph.model import Quantity


@dataclass(frozen=True)
class Hit:
    """One fact a construction reads in a sentence."""

    predicate: str
    """One of vocab.PREDICATES."""
    subject: int
    """Index of the subject in the parse's entities."""
    object: int
    """Index of the object in the parse's entities."""
    confidence: float
    """How sure the construction is, between 0 and 1."""
    rule: str
    """The pattern of the construction that matched (kept on the fact, for audits)."""
    span: tuple[int, int] | None = None
    """The stretch of the sentence that states the fact (an event's clauses): amounts and dates are
    read there. None: the clauses from the first entity's to the last one's."""
    amount: Quantity | None = None
    """Money the event states, when the construction read it itself."""
    valuation: Quantity | None = None
    """A valuation the event states, when the construction read it itself."""
    date: Quantity | None = None
    """A date the event states, when the construction read it itself."""
    round: str | None = None
    """The funding round's name, normalised (`Series B`, `Angel`), for investments."""


Found = Iterator[Hit]
"""What a construction yields."""


@dataclass(frozen=True)
class Construction:
    """A registered construction."""

    name: str
    """Stable name (`zh.funding.round`): language, family, shape."""
    version: int
    """Raised whenever what the construction reads changes."""
    lang: str
    """`zh` (run on every sentence) or `en` (run on sentences with English prose)."""
    func: Callable[[Parse], Found]
    """The construction itself."""

    @property
    def id(self) -> str:
        """Name and version (`zh.funding.round@1`)."""
        return f"{self.name}@{self.version}"

    def __call__(self, s: Parse) -> Found:
        return self.func(s)


REGISTRY: dict[str, Construction] = {}
"""Every construction by name, in registration order (the order they run in)."""


def construction(name: str, version: int = 1) -> Callable[[Callable[[Parse], Found]], Callable[[Parse], Found]]:
    """Registers a construction under `name` (its first part is the language, `zh` or `en`)."""
    lang = name.split(".", 1)[0]
    if lang not in ("zh", "en"):
        raise ValueError(f"construction {name!r}: the name starts with its language, zh. or en.")

    def register(func: Callable[[Parse], Found]) -> Callable[[Parse], Found]:
        if name in REGISTRY and REGISTRY[name].func.__qualname__ != func.__qualname__:
            raise ValueError(f"construction {name!r} is registered twice")
        REGISTRY[name] = Construction(name, version, lang, func)
        return func

    return register


_BY_LANG: dict[tuple[str, int], tuple[Construction, ...]] = {}


def registered(lang: str) -> tuple[Construction, ...]:
    """The constructions of one language, in the order they run."""
    key = (lang, len(REGISTRY))
    if key not in _BY_LANG:
        _BY_LANG[key] = tuple(c for c in REGISTRY.values() if c.lang == lang)
    return _BY_LANG[key]
