"""Read-only SPARQL: refuse updates and SERVICE calls before a query reaches the store."""

from __future__ import annotations

import re

from aigraph.errors import RefusedQuery

_UPDATE = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}

# one token at a time; strings, IRIs, comments, variables and prefixed names are skipped whole so that
# a word inside them (`"service"`, `?service`, `ex:service`) is never taken for a keyword
_TOKEN = re.compile(
    r'''"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r'''|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*\''''
    r'''|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n\r]*|[?$]\w+|[\w.-]*:[\w.:%\\-]*|(?P<word>[A-Za-z_]\w*)|\S''',
    re.S,
)
# every word check_read_only refuses contains one of these (escapes too): other queries skip the tokenizer
_MAYBE = re.compile(r"(?i)service|insert|delete|load|clear|create|drop|copy|move|add|with|\\u")
# the same for ASCII text once lower-cased: a case-blind regex folds every character in Python's re
# (~10 µs a query on the endpoint's hot path, this ~1 µs); a non-ASCII query, where folding also matches
# `ſ` for `s` and `K` (Kelvin) for `k`, still goes through _MAYBE
_MAYBE_ASCII = re.compile(_MAYBE.pattern.removeprefix("(?i)"))
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape(text: str) -> str:
    # SPARQL (and Oxigraph) replace \uXXXX escapes before parsing, so `SERV\u0049CE` is SERVICE
    def char(m: re.Match) -> str:
        code = int(m[1] or m[2], 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m[0]

    return _CODEPOINT.sub(char, text)


def keywords(query: str) -> list[str]:
    """The bare words of a query, upper-cased, outside strings, IRIs, comments and names."""
    return [m["word"].upper() for m in _TOKEN.finditer(_unescape(query)) if m["word"]]


MAX_NESTING = 256
"""Groups, brackets and parentheses nested deeper than this are refused: the parser recurses, and a few
thousand levels overflow its stack (a crash, not an error)."""


def nesting(query: str) -> int:
    """How deep groups, brackets and parentheses nest, outside strings, IRIs and comments."""
    depth = deepest = 0
    for m in _TOKEN.finditer(query):
        t = m.group()
        if t in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif t in "})]":
            depth -= 1
    return deepest


def check_read_only(query: str) -> None:
    """Raise RefusedQuery for an update, a query with SERVICE (it would call other servers), or one
    nested deeper than MAX_NESTING."""
    # fewer opening brackets than the bound cannot nest deeper: most queries skip the tokenizer
    if sum(map(query.count, "{([")) > MAX_NESTING and (deep := nesting(query)) > MAX_NESTING:
        raise RefusedQuery(f"The query nests groups or parentheses {deep} deep; at most {MAX_NESTING} are allowed.")
    if query.isascii():
        if not _MAYBE_ASCII.search(query.lower()):
            return
    elif not _MAYBE.search(query):
        return
    words = keywords(query)
    first = next((w for w in words if w not in ("PREFIX", "BASE")), "")
    if first in _UPDATE:
        raise RefusedQuery(f"{first} is an update; this graph is read-only (rebuild it to change it).",
                          f"{first} is an update; this graph is read-only (rebuild it with `aigraph build`).")
    if "SERVICE" in words:
        raise RefusedQuery("SERVICE (federated queries to other endpoints) is not allowed here.")
