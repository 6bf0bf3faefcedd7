"""SPARQL results as text: aligned tables, CSV/TSV, JSON, the standard result formats, Turtle."""

from __future__ import annotations

import unicodedata

from aigraph.errors import AigraphError

# names only: the CLI reads FORMATS at start-up, and the lookups must not pay for pyoxigraph's result
# classes or the query modules (render imports them)
TABULAR = ("table", "csv", "tsv", "json")
STANDARD = {"sparql-json": "JSON", "sparql-xml": "XML"}
GRAPH = {"turtle": "TURTLE", "ntriples": "N_TRIPLES"}
FORMATS = TABULAR + tuple(STANDARD) + tuple(GRAPH)


def render(result, fmt: str, drop: tuple[str, ...] = ()) -> str:
    """Text of a query result in one of FORMATS; a CONSTRUCT or DESCRIBE asked for as a table is Turtle.
    `drop` leaves those variables out of tables, CSV, TSV and JSON (a shipped query's parameters)."""
    from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, serialize

    from aigraph.query.sparql import show_term
    from aigraph.vocab import prefixes

    if fmt in STANDARD:
        if not isinstance(result, (QuerySolutions, QueryBoolean)):
            raise AigraphError(f"{fmt} is for SELECT and ASK results; use turtle or ntriples.",
                               f"{fmt} is for SELECT and ASK results; use --format turtle or ntriples.")
        return result.serialize(format=getattr(QueryResultsFormat, STANDARD[fmt])).decode("utf-8") + "\n"
    if isinstance(result, QueryBoolean):
        if fmt in GRAPH:
            raise AigraphError(f"An ASK query gives true or false, not {fmt}.")
        if fmt == "json":
            import json  # here: the lookups import this module and print no JSON

            return json.dumps({"boolean": bool(result)}) + "\n"
        return str(bool(result)).lower() + "\n"
    if isinstance(result, QuerySolutions):
        if fmt in GRAPH:
            raise AigraphError(f"A SELECT query gives a table, not {fmt}; use CONSTRUCT for RDF.")
        names = [v.value for v in result.variables if v.value not in drop]
        rows = [[show_term(sol[v]) for v in names] for sol in result]
        return tabulate(names, rows, fmt)
    if fmt not in GRAPH and fmt != "table":
        raise AigraphError(f"CONSTRUCT and DESCRIBE give RDF: use turtle or ntriples, not {fmt}.",
                           f"CONSTRUCT and DESCRIBE give RDF: use --format turtle or ntriples, not {fmt}.")
    rdf = getattr(RdfFormat, GRAPH.get(fmt, "TURTLE"))
    return serialize(list(result), format=rdf, prefixes=prefixes() if rdf == RdfFormat.TURTLE else None).decode("utf-8")


def tabulate(names: list[str], rows: list[list[str]], fmt: str) -> str:
    """Rows of strings as an aligned table, CSV, TSV or a JSON list of objects."""
    if fmt == "json":
        import json

        return json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        import csv
        import io

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n", delimiter="," if fmt == "csv" else "\t")
        w.writerow(names)
        w.writerows(rows)
        return buf.getvalue()
    return table(names, rows, max_cell=CELL) + "\n"


CELL = 72
"""Terminal columns a table cell may take before it is cut with `…` (CSV, TSV and JSON keep it whole)."""


def clip(s: str, limit: int) -> str:
    """`s` cut to at most `limit` terminal columns, ending in `…` when cut."""
    if width(s) <= limit:
        return s
    out, used = [], 0
    for c in s:
        w = width(c)
        if used + w > limit - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"


def width(s: str) -> int:
    """Columns a string takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def table(names: list[str], rows: list[list[str]], max_cell: int | None = None) -> str:
    """A plain text table, aligned for Chinese too; line breaks in cells shown as spaces; cells wider
    than `max_cell` columns cut."""
    rows = [[" ".join(c.split()) if "\n" in c or "\r" in c else c for c in r] for r in rows]
    if max_cell:
        rows = [[clip(c, max_cell) for c in r] for r in rows]
    widths = [max([width(n)] + [width(r[i]) for r in rows]) for i, n in enumerate(names)]

    def line(cells):
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
