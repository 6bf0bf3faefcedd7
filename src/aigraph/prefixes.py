"""The project's prefixes, read from the ontology's Turtle (no RDF library needed)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_PREFIX = re.compile(r"^@prefix\s+([A-Za-z][\w-]*)?:\s*<([^>]*)>\s*\.", re.M)


def ontology_path(name: str = "aigraph.ttl"):
    """Path of a file in the packaged ontology folder."""
    # beside this module, not through importlib.resources (whose zip support costs lookups ~7 ms at start)
    return Path(__file__).with_name("ontology") / name


@cache
def prefixes() -> dict[str, str]:
    """Prefix -> namespace IRI, exactly as the ontology declares them."""
    return {m[1] or "": m[2] for m in _PREFIX.finditer(ontology_path().read_text("utf-8"))}


def sparql_prologue() -> str:
    """PREFIX lines for a SPARQL query text."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in prefixes().items())


def compact(iri: str) -> str:
    """Shorten an IRI with the longest matching prefix (`aig:developedBy`)."""
    best = ""
    for p, ns in prefixes().items():
        if iri.startswith(ns) and len(ns) > len(prefixes().get(best, "")):
            best = p
    if best:
        return f"{best}:{iri[len(prefixes()[best]):]}"
    return iri


AIG = prefixes()["aig"]
ENT = prefixes()["ent"]
DOC = prefixes()["doc"]
FACT = prefixes()["fact"]
