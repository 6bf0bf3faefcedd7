"""SPARQL syntax errors as one line: where (line, column), what the parser expected, unknown prefixes."""

from __future__ import annotations

import re

from aigraph.query.guard import _TOKEN, _unescape
from aigraph.vocab import prefixes

_WHERE = re.compile(r"^error at (\d+):(\d+):\s*")
_LONGEST = 160
_DECLARED = re.compile(r"\bPREFIX\s+([\w.-]*):", re.I)


def unknown_prefixes(query: str) -> list[str]:
    """Prefixes a query uses that neither it nor the project declares, in order of use."""
    known = set(prefixes()) | {m[1] for m in _DECLARED.finditer(query)}
    out: list[str] = []
    for m in _TOKEN.finditer(_unescape(query)):
        tok = m[0]
        if ":" in tok and tok[0] not in "\"'<#?$" and not tok.startswith("_:"):
            p = tok.split(":", 1)[0]
            if p not in known and p not in out:
                out.append(p)
    return out


def syntax_message(exc: Exception, query: str, source: str | None = None) -> str:
    """`[source: ]SPARQL syntax error at line L, column C: <the parser's reason>[; unknown prefix p:]`."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    m = _WHERE.match(text)
    where = f" at line {m[1]}, column {m[2]}" if m else ""
    reason = text[m.end():] if m else text
    if len(reason) > _LONGEST:  # the parser may list dozens of expected tokens
        reason = reason[:_LONGEST].rsplit(",", 1)[0] + ", ..."
    unknown = unknown_prefixes(query)
    if unknown:
        reason += f"; unknown prefix {', '.join(p + ':' for p in unknown)} (declare it with PREFIX)"
    return f"{source + ': ' if source else ''}SPARQL syntax error{where}: {reason}"
