"""Names of funding rounds in a sentence (天使轮, Pre-A+轮, Series B), normalised to one spelling."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

# the lettered rounds are a construction: an optional Pre-, a letter, pluses, then 轮 or a Series before
_LETTERED = re.compile(
    r"(?<![A-Za-z])(?:(?P<pre>pre[-‐ ]?)?(?P<l>[A-Ha-h])(?P<p>\+*)\s*(?:轮|系列融资)"
    r"|series\s+(?P<l2>[A-H])(?P<p2>\+*)(?![A-Za-z]))",
    re.I,
)


@cache
def _words() -> tuple[re.Pattern, dict[str, str]]:
    text = resources.files("aigraph.extraction").joinpath("data", "round_names.txt").read_text("utf-8")
    names = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            words, name = line.split("\t")
            names[words.strip().casefold()] = name.strip()
    alternation = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    return re.compile(f"(?<![A-Za-z])(?:{alternation})(?![A-Za-z])", re.I), names


def round_names(text: str) -> list[str]:
    """Every round name the text gives, normalised (`Pre-A`, `Series B+`, `Angel`), in order, once each."""
    found: list[tuple[int, str]] = []
    for m in _LETTERED.finditer(text):
        letter, plus = (m["l"], m["p"]) if m["l"] else (m["l2"], m["p2"])
        name = f"Pre-{letter.upper()}{plus}" if m["pre"] else f"Series {letter.upper()}{plus}"
        found.append((m.start(), name))
    pattern, names = _words()
    found += [(m.start(), names[m.group().casefold()]) for m in pattern.finditer(text)]
    out: list[str] = []
    for _, name in sorted(found):
        if name not in out:
            out.append(name)
    return out


def round_name(text: str) -> str | None:
    """The one round name a sentence gives; None when it gives none or several."""
    names = round_names(text)
    return names[0] if len(names) == 1 else None
