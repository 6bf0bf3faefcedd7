"""Stable IRIs for entities, documents, facts and evidence, and literals in the store's canonical form."""

from __future__ import annotations

import hashlib
import unicodedata
from decimal import Decimal

from pyoxigraph import Literal, NamedNode

from aigraph.model import Document, Evidence
from aigraph.vocab import DOC, ENT, FACT, SYMMETRIC, XSD_NS

# characters an IRI may carry unescaped besides letters and digits (RFC 3987 iunreserved and sub-delims)
_SAFE = set("-._~!$&'()*+,;=:@")


def slug(name: str) -> str:
    """A readable, valid IRI path segment for any name: letters and digits of any script kept,
    spaces as '_', everything else percent-encoded (so `<>"{}|\\^` and controls never leak)."""
    name = unicodedata.normalize("NFC", name.strip())
    out = []
    for c in name:
        if c == " ":
            out.append("_")
        elif c == "_":
            out.append("%5F")  # so that "a b" and "a_b" stay apart
        elif c.isascii() and (c.isalnum() or c in _SAFE):
            out.append(c)
        elif not c.isascii() and (c.isalnum() or unicodedata.category(c)[0] in "LNM") and not _bidi_or_private(c) \
                and _ucschar(ord(c)):
            out.append(c)
        else:
            # surrogatepass: a lone surrogate (from a JSON escape) is still encoded, never an error
            out.append("".join(f"%{b:02X}" for b in c.encode("utf-8", "surrogatepass")))
    s = "".join(out)
    if s.endswith("."):
        # a dot segment ("." or "..") is resolved away when the IRI is parsed, and a prefixed name
        # ending in an escaped dot (ent:W.A.L.T\.) is valid Turtle that rdflib cannot read
        s = "%2E" * len(s) if not s.strip(".") else s[:-1] + "%2E"
    if len(s) > 200:
        # very long names keep a readable head and a hash of the whole
        head = s[:150]
        cut = head.rfind("%", len(head) - 2)
        if cut >= 0:
            head = head[:cut]  # never cut a percent escape in two (a dangling "%B" is no IRI)
        s = head.rstrip(".") + "~" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return s or "_"


def _ucschar(cp: int) -> bool:
    """RFC 3987's ucschar: what an IRI may hold unescaped outside ASCII (not the noncharacters at each
    plane's end, nor the tags and variation selectors of plane 14's first block)."""
    if 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFF) >= 0xFFFE:
        return False
    return cp >= 0xA0 and not 0xD800 <= cp <= 0xF8FF and not 0xE0000 <= cp <= 0xE0FFF and cp <= 0xEFFFD


def _bidi_or_private(c: str) -> bool:
    return unicodedata.category(c) in ("Cf", "Co", "Cs", "Cn") or unicodedata.bidirectional(c) in ("RLE", "LRE", "RLO", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI")


def entity_iri(name: str) -> NamedNode:
    """The entity's IRI: the same canonical name gives the same IRI on every build."""
    return NamedNode(ENT + slug(name))


def doc_iri(doc: Document) -> NamedNode:
    """The document's IRI, also the name of its graph: keyed by the content hash."""
    return NamedNode(DOC + doc.sha256[:16])


def fact_iri(s: str, p: str, o: str) -> NamedNode:
    """One node per distinct fact (symmetric facts in a fixed order)."""
    if p in SYMMETRIC and o < s:
        s, o = o, s
    digest = hashlib.sha256(f"{s}\x1f{p}\x1f{o}".encode()).hexdigest()[:16]
    return NamedNode(f"{FACT}{digest}")


def decimal(value: str | float) -> Literal:
    """An xsd:decimal in canonical form (`0.9`, `1`, `25000000`): the form the store keeps, so that the
    exports written from the quads and the store agree literally."""
    d = Decimal(str(value)).normalize()
    s = format(d, "f")
    return Literal(s.rstrip("0").rstrip(".") if "." in s else s, datatype=NamedNode(XSD_NS + "decimal"))


def evidence_iri(ev: Evidence, graph: NamedNode) -> NamedNode:
    """The evidence node of one fact in one sentence."""
    f = ev.fact
    return NamedNode(f"{fact_iri(f.subject, f.predicate, f.object).value}/{graph.value.rsplit('/', 1)[-1]}-{ev.sentence.index}")
