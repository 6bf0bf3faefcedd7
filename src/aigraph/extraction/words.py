"""The relation constructions' vocabulary: named word lists in `data/words/<group>/<list>.txt`, compiled at load."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from aigraph.errors import InputError


@cache
def lists() -> dict[str, tuple[str, ...]]:
    """Every word list by `group.list` name (`funding.lead` is `data/words/funding/lead.txt`): one word
    or phrase a line, `#` starts a comment line."""
    out: dict[str, tuple[str, ...]] = {}
    root = resources.files("aigraph.extraction") / "data" / "words"
    for group in sorted(root.iterdir(), key=lambda p: p.name):
        if not group.is_dir() or group.name.startswith(("_", ".")):
            continue
        for entry in sorted(group.iterdir(), key=lambda p: p.name):
            if not entry.name.endswith(".txt"):
                continue
            try:
                lines = entry.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"{entry}: cannot read the word list ({exc})") from exc
            found = tuple(w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#"))
            if not found:
                raise InputError(f"{entry}: the word list is empty")
            out[f"{group.name}.{entry.name[:-len('.txt')]}"] = found
    return out


@cache  # constructions ask for their lists sentence after sentence; lists() is read once
def words(*names: str) -> tuple[str, ...]:
    """The words of one or more lists, in order, without repeats; an unknown name raises KeyError."""
    table = lists()
    seen: dict[str, None] = {}
    for name in names:
        for w in table[name]:
            seen.setdefault(w, None)
    return tuple(seen)


def alt(*names: str) -> str:
    """The lists as one regular-expression group matching any of their words, longest first (so that
    `联合领投` wins over `领投`); a space in a word matches any run of white space."""
    ordered = sorted(words(*names), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"
