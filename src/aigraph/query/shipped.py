"""The SPARQL queries shipped with the package (`aigraph/query/queries/*.rq`), by name."""

from __future__ import annotations

from functools import cache
from importlib import resources

from aigraph.errors import AigraphError


@cache
def shipped() -> dict[str, tuple[str, str]]:
    """Name → (one-line description, query text), sorted by name."""
    out: dict[str, tuple[str, str]] = {}
    folder = resources.files("aigraph.query").joinpath("queries")
    for f in sorted(folder.iterdir(), key=lambda f: f.name):
        if f.name.endswith(".rq"):
            text = f.read_text("utf-8")
            first = text.splitlines()[0] if text else ""
            out[f.name[:-3]] = (first.lstrip("#").strip() if first.startswith("#") else "", text)
    return out


def named_query(name: str) -> str:
    """The text of a shipped query; an unknown name lists the ones there are."""
    key = name.removesuffix(".rq")
    if key not in shipped():
        raise AigraphError(f"No shipped query named {name!r}; the shipped queries are {', '.join(shipped())}.",
                           f"No shipped query named {name!r}; `aigraph sparql --list` shows them: "
                           f"{', '.join(shipped())}.")
    return shipped()[key][1]
