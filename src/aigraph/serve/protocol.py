"""SPARQL 1.1 Protocol pieces without HTTP: reading a request's query, choosing a result format."""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qs

# media types we answer with, the server's preference first; each with the pyoxigraph format name
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    "application/json": "JSON",
    "application/xml": "XML",
    "text/xml": "XML",
}
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
    "application/ld+json": "JSON_LD",
    "application/n-quads": "N_QUADS",
    "application/trig": "TRIG",
    "text/plain": "N_TRIPLES",
    # other names clients send for the same syntaxes (N3 is a superset of Turtle: Turtle is valid N3)
    "text/n3": "TURTLE",
    "application/n3": "TURTLE",
    "text/rdf+n3": "TURTLE",
    "application/turtle": "TURTLE",
    "application/x-turtle": "TURTLE",
    "application/x-json+ld": "JSON_LD",
}
# short names for a `format=` (or `output=`) parameter, for browsers and curl
SHORT = {"json": ("application/sparql-results+json", "application/ld+json"),
         "xml": ("application/sparql-results+xml", "application/rdf+xml"),
         "csv": ("text/csv", None), "tsv": ("text/tab-separated-values", None),
         "turtle": (None, "text/turtle"), "ttl": (None, "text/turtle"),
         "ntriples": (None, "application/n-triples"), "nt": (None, "application/n-triples"),
         "rdfxml": (None, "application/rdf+xml"), "jsonld": (None, "application/ld+json"),
         # the names SPARQLWrapper sends (as format=, output= and results=, beside its Accept header)
         "json-ld": (None, "application/ld+json"), "rdf+xml": (None, "application/rdf+xml"),
         "rdf": (None, "application/rdf+xml"), "n3": (None, "text/n3"), "n-triples": (None, "application/n-triples")}


class ProtocolError(Exception):
    """A request the endpoint answers with an HTTP error status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Request:
    """A SPARQL query request as the protocol defines it."""

    query: str
    """The query text."""
    default_graphs: tuple[str, ...] = ()
    """`default-graph-uri` values (none: the union of all graphs)."""
    named_graphs: tuple[str, ...] = ()
    """`named-graph-uri` values (none: every named graph)."""
    format: str | None = None
    """A `format=` short name that overrides the Accept header."""


def read_request(method: str, url_query: str, content_type: str | None, body: bytes) -> Request:
    """The query of a GET (query string), a POST form or a POST application/sparql-query body.

    Updates (`update=`, application/sparql-update) are refused with 403: this endpoint is read-only."""
    params = parse_form(url_query)
    mime = (content_type or "").split(";")[0].strip().lower()
    if method == "POST":
        if mime == "application/sparql-update":
            raise ProtocolError(403, "This endpoint is read-only: SPARQL updates are refused.")
        if mime == "application/x-www-form-urlencoded":
            for k, v in parse_form(_text(body)).items():
                params.setdefault(k, []).extend(v)
        elif mime == "application/sparql-query":
            params.setdefault("query", []).insert(0, _text(body))
        else:
            raise ProtocolError(415, "POST a query as application/x-www-form-urlencoded (query=...) "
                                     "or as application/sparql-query.")
    if "update" in params:
        raise ProtocolError(403, "This endpoint is read-only: SPARQL updates are refused.")
    queries = params.get("query", [])
    if len(queries) != 1 or not queries[0].strip():
        raise ProtocolError(400, "Send exactly one non-empty `query` parameter.")
    return Request(queries[0], tuple(params.get("default-graph-uri", [])), tuple(params.get("named-graph-uri", [])),
                   _format(params))


# a `%` not starting an escape: parse_qs keeps it as it is, which the quick decoder below would not
_NOT_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def parse_form(text: str) -> dict[str, list[str]]:
    """`parse_qs(text, keep_blank_values=True)`, in C for the usual form (ASCII, every `%` a valid escape).

    Python's unquote decodes escapes one at a time in Python: 16 µs of a query's 190 µs. binascii's
    quoted-printable decoder decodes `=XX` escapes in C, so `%` is swapped for `=` where no `=` is
    left in a value (a value holding a raw `=`, or text unlike the usual form, goes to parse_qs)."""
    if not text:
        return {}
    if not text.isascii() or _NOT_ESCAPE.search(text):
        return parse_qs(text, keep_blank_values=True)
    out: dict[str, list[str]] = {}
    for part in text.split("&"):
        if not part:
            continue
        name, _, value = part.partition("=")
        if "=" in value:
            return parse_qs(text, keep_blank_values=True)
        out.setdefault(_unquote_plus(name), []).append(_unquote_plus(value))
    return out


def _unquote_plus(text: str) -> str:
    if "%" not in text:
        return text.replace("+", " ")
    return binascii.a2b_qp(text.replace("+", " ").replace("%", "=")).decode("utf-8", "replace")


def _format(params: dict[str, list[str]]) -> str | None:
    """The first short format name among `format=`, `output=` and `results=` values; media types there
    are left to the Accept header (clients such as SPARQLWrapper send both); an unknown name is an error."""
    found = None
    for value in params.get("format", []) + params.get("output", []) + params.get("results", []):
        key = value.strip().lower()
        if not key or "/" in key:
            continue
        if key not in SHORT:
            raise ProtocolError(400, f"Unknown format {value!r}; use one of {', '.join(SHORT)} (or an Accept header).")
        found = found or key
    return found


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, "The request body is not UTF-8.") from exc


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges with their q-values, as sent."""
    out = []
    for part in (header or "*/*").split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        out.append((fields[0].lower(), q))
    return out


def negotiate(accept: str | None, offered: list[str]) -> str | None:
    """The offered media type the client likes best (most specific range wins; ties go to the
    server's order); None when it accepts none of them."""
    ranges = parse_accept(accept)
    best, best_q = None, 0.0
    for media in offered:
        kind = media.split("/")[0]
        q, spec = 0.0, -1
        for rng, rq in ranges:
            s = 2 if rng == media else 1 if rng == f"{kind}/*" else 0 if rng == "*/*" else -1
            if s > spec:
                q, spec = rq, s
        if spec >= 0 and q > best_q:
            best, best_q = media, q
    return best


def choose(request: Request, accept: str | None, graph_result: bool) -> str:
    """The media type to answer with (see `_choose`); the same few Accept headers come again and again."""
    return _choose(request.format, accept, graph_result)


@lru_cache(maxsize=256)
def _choose(format: str | None, accept: str | None, graph_result: bool) -> str:
    """The media type to answer with, for a table (SELECT/ASK) or a graph (CONSTRUCT/DESCRIBE) result:
    the Accept header's choice when it names one of the offered types (or their family, `text/*`), else
    the `format=` parameter's, else the server's first."""
    offered = list(GRAPH_TYPES if graph_result else RESULT_TYPES)
    if accept and any(rng != "*/*" and q > 0 for rng, q in parse_accept(accept)):
        media = negotiate(",".join(f"{r};q={q}" for r, q in parse_accept(accept) if r != "*/*"), offered)
        if media is not None:
            return media
    if format:
        media = SHORT[format][1 if graph_result else 0]
        if media is None:
            kind = "CONSTRUCT/DESCRIBE" if graph_result else "SELECT/ASK"
            raise ProtocolError(406, f"format={format} does not fit a {kind} result.")
        return media
    media = negotiate(accept, offered)
    if media is None:
        raise ProtocolError(406, f"Cannot answer with any type in Accept: {accept}; offered: {', '.join(offered)}.")
    return media
