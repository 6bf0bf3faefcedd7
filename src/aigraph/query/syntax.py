"""SPARQL syntax errors as one line in plain words: where (line, column), the text there, and what to fix."""

from __future__ import annotations

import difflib
import re

from aigraph.query.guard import _TOKEN, _unescape
from aigraph.vocab import prefixes

_WHERE = re.compile(r"^error at (\d+):(\d+):\s*")
_DECLARED = re.compile(r"\bPREFIX\s+([\w.-]*):", re.I)
_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
KEYWORDS = (
    "BASE PREFIX SELECT CONSTRUCT DESCRIBE ASK DISTINCT REDUCED AS FROM NAMED WHERE ORDER BY ASC DESC LIMIT OFFSET "
    "GROUP HAVING VALUES OPTIONAL UNION MINUS GRAPH FILTER BIND SERVICE EXISTS NOT IN UNDEF COUNT SUM MIN MAX AVG "
    "SAMPLE GROUP_CONCAT SEPARATOR STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT "
    "STRLEN UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY HOURS MINUTES "
    "SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE IF STRLANG STRDT SAMETERM ISIRI "
    "ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE TRUE FALSE A LATERAL"
).split()
_CLOSE = {"{": "}", "(": ")", "[": "]"}
_OPERATORS = {">", "<", "=", "+", "-", "/", "&&", "||", "!", "!=", "<=", ">="}
_PUNCTUATION = set("{}()[].,;*=!<>+-/|^&?$@:'\"")


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


def _offset(query: str, line: int, column: int) -> int:
    lines = query.split("\n")
    if line > len(lines):
        return len(query)
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def _tokens(query: str) -> list[re.Match]:
    return [m for m in _TOKEN.finditer(query) if not m[0].startswith("#")]


def _brackets(tokens: list[re.Match]) -> tuple[str, re.Match | None] | None:
    """("missing", opener) when a bracket is never closed, ("extra", closer) when one closes nothing."""
    stack: list[re.Match] = []
    for m in tokens:
        t = m[0]
        if t in _CLOSE:
            stack.append(m)
        elif t in _CLOSE.values():
            if not stack or _CLOSE[stack[-1][0]] != t:
                return "extra", m
            stack.pop()
    return ("missing", stack[-1]) if stack else None


def _bare_word(query: str, m: re.Match) -> bool:
    """A word the tokenizer saw that is not part of a language tag, a number or a keyword."""
    before = query[m.start() - 1] if m.start() else " "
    return before not in "@0123456789." and m["word"].upper() not in KEYWORDS


def problem(query: str) -> tuple[int, str] | None:
    """The first thing wrong that can be told from the text alone: (offset, what to fix)."""
    tokens = _tokens(query)
    words = [m for m in tokens if m["word"]]
    body = [m for m in words if m["word"].upper() not in ("PREFIX", "BASE")]
    if not query.strip():
        return 0, "the query is empty"
    if body and body[0]["word"].upper() not in _FORMS:
        first = body[0]
        guess = difflib.get_close_matches(first["word"].upper(), _FORMS, n=1, cutoff=0.6)
        hint = f"; did you mean {guess[0]}?" if guess else ""
        return first.start(), (f"a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE (after any PREFIX and BASE "
                               f"lines), not {first['word']!r}{hint}")
    for m in tokens:
        t = m[0]
        if t in ('"', "'"):
            return m.start(), "a string is not closed (its closing quote must be on the same line)"
        if t == "<" and m.end() < len(query) and query[m.end()].isalpha() and ">" in query[m.end():]:
            return m.start(), "an IRI in <...> is not valid (no spaces, quotes or braces inside)"
    for a, b in zip(tokens, tokens[1:]):
        if a[0] in _OPERATORS and b[0] in _CLOSE.values():
            return b.start(), f"the expression before {b[0]!r} is incomplete: {a[0]!r} needs a value after it"
    for m in tokens:
        if len(m[0]) == 1 and m[0] not in _PUNCTUATION and not m[0].isalnum():
            return m.start(), f"unexpected {m[0]!r}: it has no meaning in SPARQL here"
    for i, m in enumerate(words):
        if _bare_word(query, m):
            guess = difflib.get_close_matches(m["word"].upper(), KEYWORDS, n=1, cutoff=0.7)
            hint = (f"; did you mean {guess[0]}?" if guess
                    else " (write IRIs as <...> or prefix:name, variables as ?name, strings in quotes)")
            return m.start(), f"{m['word']!r} is not a SPARQL keyword{hint}"
        if m["word"].upper() in ("GROUP", "ORDER") and (i + 1 >= len(words) or words[i + 1]["word"].upper() != "BY"):
            return m.start(), f"{m['word'].upper()} must be followed by BY"
    unbalanced = _brackets(tokens)
    if unbalanced and unbalanced[0] == "missing":
        opener = unbalanced[1]
        return len(query), f"the {opener[0]!r} opened at column {_column(query, opener.start())} is never closed"
    if unbalanced:
        return unbalanced[1].start(), f"unexpected {unbalanced[1][0]!r}: it closes nothing"
    return None


def _column(query: str, offset: int) -> str:
    line = query.count("\n", 0, offset) + 1
    col = offset - (query.rfind("\n", 0, offset) + 1) + 1
    return f"{col} of line {line}" if "\n" in query else str(col)


def _line_col(query: str, offset: int) -> tuple[int, int]:
    return query.count("\n", 0, offset) + 1, offset - (query.rfind("\n", 0, offset) + 1) + 1


def explain(query: str, offset: int) -> tuple[int, str]:
    """Where the error is and what is wrong, in words (no grammar symbols): the parser's furthest
    point is often the end of the query, so what the text itself shows comes first."""
    found = problem(query)
    if found is not None:
        return found
    tokens = _tokens(query)
    if not query[offset:].strip():
        last = tokens[-1][0].upper() if tokens else ""
        if last in ("LIMIT", "OFFSET"):
            return offset, f"{last} needs a number after it"
        return offset, "the query ends too early (a term, an expression or a closing bracket may be missing)"
    here = next((m for m in tokens if m.start() <= offset < m.end()), None) or \
        next((m for m in tokens if m.start() >= offset), None)
    if here is None:
        return offset, "the query cannot be read here"
    tok = here[0]
    if tok in _CLOSE.values():
        return here.start(), f"unexpected {tok!r}: something is missing before it (a term of a triple or an expression)"
    return here.start(), f"unexpected {_short(tok)!r} here"


def _short(tok: str) -> str:
    return tok if len(tok) <= 30 else tok[:27] + "..."


def _snippet(query: str, offset: int) -> str:
    line_start = query.rfind("\n", 0, offset) + 1
    line_end = query.find("\n", offset)
    line = query[line_start: line_end if line_end >= 0 else len(query)]
    col = offset - line_start
    left = max(0, col - 20)
    piece = line[left: col + 20].strip()
    return f" (near {_short(piece)!r})" if piece else ""


def message_from(text: str, query: str, source: str | None = None, line_shift: int = 0) -> str:
    """One line from a parser message `error at L:C: ...` (the parser's words are not shown): where, the
    text there, what to fix, and any undeclared prefix. `line_shift` lines were put before `query`."""
    m = _WHERE.match(text)
    where, reason = "", ""
    if m:
        line, column = int(m[1]) - line_shift, int(m[2])
        if line < 1:
            line, column = 1, 1
        offset, reason = explain(query, min(_offset(query, line, column), len(query)))
        line, column = _line_col(query, offset)
        where = f" at line {line}, column {column}{_snippet(query, offset)}"
    else:
        reason = text.splitlines()[0] if text else "the query cannot be read"
        reason = reason[:200]
    unknown = unknown_prefixes(query)
    if unknown:
        reason += f"; unknown prefix {', '.join(p + ':' for p in unknown)} (declare it with PREFIX)"
    return f"{source + ': ' if source else ''}SPARQL syntax error{where}: {reason}"


def syntax_message(exc: Exception, query: str, source: str | None = None) -> str:
    """`[source: ]SPARQL syntax error at line L, column C (near '...'): <what to fix>[; unknown prefix p:]`."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return message_from(text, query, source)
