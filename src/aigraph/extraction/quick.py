"""Regexes that skip, at C speed, every position where they cannot start: a lookahead of their first characters."""

from __future__ import annotations

import re

try:
    import re._constants as C  # noqa: N812  (the parser's opcodes)
    import re._parser as P  # noqa: N812
except ImportError:  # Python 3.10
    import sre_constants as C  # noqa: N812
    import sre_parse as P  # noqa: N812

_MAX_SET = 30_000  # a first character from more than this many (a negated class, \w, any) is no filter


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Every character a match of `pattern` can begin with ("\\d" and "\\s" standing for all digits and
    all whitespace, as the pattern reads them), or None when that is not a small known set (the pattern
    can match the empty string, ignores case, or opens on \\w, a negated class, a back reference ...).
    A superset is safe, a character left out would lose matches."""
    if flags & re.IGNORECASE:
        return None
    try:
        parsed = P.parse(pattern, flags)
        if parsed.state.flags & re.IGNORECASE:
            return None  # written in the pattern: "(?i)…"
        found, nullable = _first(parsed)
    except _Unknown:
        return None
    if nullable or len(found) > _MAX_SET:
        return None
    return frozenset(_CATEGORIES.get(c) or chr(c) for c in found)


def quick(rx: re.Pattern) -> re.Pattern:
    """`rx` with a lookahead of its first characters in front: the same matches, groups and spans, but
    positions where no match can start are passed over by one character-class test instead of a try of
    every alternative (a Python regex has no such prefilter for an alternation of words)."""
    chars = first_chars(rx.pattern, rx.flags)
    if chars is None:
        return rx
    try:
        return re.compile(f"(?={_char_class(chars)})(?:{rx.pattern})", rx.flags)
    except re.error:
        return rx  # global flags written in the pattern ("(?m)…") must stay in front: left as it is


class _Unknown(Exception):
    pass


def _first(seq) -> tuple[set[int], bool]:
    """First characters of a sequence of parsed items, and whether it can match the empty string."""
    out: set[int] = set()
    for item in seq:
        found, nullable = _first_item(*item)
        out |= found
        if not nullable:
            return out, False
    return out, True


def _first_item(op, av) -> tuple[set[int], bool]:
    if op is C.LITERAL:
        return {av}, False
    if op is C.IN:
        return _first_in(av), False
    if op is C.BRANCH:
        out: set[int] = set()
        nullable = False
        for alt in av[1]:
            found, empty = _first(alt)
            out |= found
            nullable = nullable or empty
        return out, nullable
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, p = av
        if add_flags & re.IGNORECASE:
            raise _Unknown
        return _first(p)
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _first(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        lo, _hi, p = av
        found, nullable = _first(p)
        return found, nullable or lo == 0
    if op is C.ASSERT:
        direction, p = av
        if direction == 1:
            found, nullable = _first(p)
            if not nullable:
                return found, False  # a lookahead that reads a character: the match's first is one of them
        return set(), True  # a lookbehind constrains the character before, not this one
    if op in (C.ASSERT_NOT, C.AT):
        return set(), True  # zero-width: says nothing of the first character
    raise _Unknown  # ANY, NOT_LITERAL, CATEGORY, GROUPREF ...: no small set


def _first_in(items) -> set[int]:
    out: set[int] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(av)
        elif op is C.RANGE:
            lo, hi = av
            if hi - lo > _MAX_SET:
                raise _Unknown
            out.update(range(lo, hi + 1))
        elif op is C.CATEGORY and av in _CATEGORY_CODES:
            out.add(_CATEGORY_CODES[av])
        else:
            raise _Unknown  # NEGATE, \w, \S ...: no small set
    return out


# digits and whitespace stand in the sets as these negative codes, and in the class as their escapes
_CATEGORY_CODES = {C.CATEGORY_DIGIT: -1, C.CATEGORY_SPACE: -2}
_CATEGORIES = {-1: "\\d", -2: "\\s"}


def _char_class(chars: frozenset[str]) -> str:
    """A character class of the characters, as ranges."""
    escapes = "".join(sorted(c for c in chars if len(c) > 1))
    codes = sorted(ord(c) for c in chars if len(c) == 1)
    if not codes:
        return "[" + escapes + "]"
    parts: list[str] = [escapes]
    start = prev = codes[0]
    for c in [*codes[1:], None]:
        if c is not None and c == prev + 1:
            prev = c
            continue
        a, b = re.escape(chr(start)), re.escape(chr(prev))
        parts.append(a if start == prev else f"{a}-{b}")
        if c is not None:
            start = prev = c
    return "[" + "".join(parts) + "]"
