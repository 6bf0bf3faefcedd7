"""Errors a user can act on; the CLI turns each into a one-line message."""

from __future__ import annotations


class AigraphError(Exception):
    """An error with a message that says what went wrong and how to fix it."""


class InputError(AigraphError):
    """A source file cannot be read or is not text."""


class StoreError(AigraphError):
    """The graph store is missing, locked or unreadable."""


class RefusedQuery(AigraphError):
    """A SPARQL request the read-only graph will not run (an update, a SERVICE call)."""


class UnknownEntity(AigraphError):
    """A name that matches no entity in the graph."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else " Try `aigraph search`."
        super().__init__(f"No entity named {name!r}.{hint}")


class AmbiguousEntity(AigraphError):
    """A name that matches several entities equally well."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        self.name = name
        self.candidates = candidates
        super().__init__(
            f"{name!r} matches several entities: {'; '.join(candidates)}. "
            "Say which: give its full name, `Name (Type)`, or its ent: IRI."
        )
