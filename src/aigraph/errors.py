"""Errors a user can act on: each says what went wrong and how to fix it, to a library user and to the CLI."""

from __future__ import annotations


class AigraphError(Exception):
    """An error with a message that says what went wrong and how to fix it.

    `str(error)` speaks to a library user; `cli` (when given) says the same to a shell user, with the
    commands and flags that fix it (the CLI prints `cli_message()`)."""

    def __init__(self, message: str, cli: str | None = None) -> None:
        super().__init__(message)
        self.cli = cli

    def cli_message(self) -> str:
        """The message for the command line."""
        return self.cli or str(self)


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
        did = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"No entity named {name!r}.{did or ' Try a search for part of the name.'}",
                         f"No entity named {name!r}.{did or ' Try `aigraph search`.'}")


class AmbiguousEntity(AigraphError):
    """A name that matches several entities equally well."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        self.name = name
        self.candidates = candidates
        super().__init__(
            f"{name!r} matches several entities: {'; '.join(candidates)}. "
            "Say which: give its full name, `Name (Type)`, or its ent: IRI."
        )
