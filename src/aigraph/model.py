"""The records that flow between pipeline stages: frozen, typed, documented."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    """A source file, decoded."""

    id: str
    """Stable document id: the file name (`000_5897dc52d0d30b49.txt`)."""
    path: str
    """Where the file was read from."""
    text: str
    """The whole decoded text of the file (a BOM left out): every offset in the graph points into it,
    for HTML too (offsets then span the markup around the sentence)."""
    sha256: str
    """SHA-256 of the file's bytes."""
    encoding: str = "utf-8"
    """The encoding the bytes were decoded with."""
    title: str | None = None
    """Title from front matter, an article's header block or first-level heading, or an HTML page's meta
    or <title>, if any."""
    date: str | None = None
    """Publication date as the document states it (front matter, header lines, HTML meta), ISO
    `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`), if any."""
    body_start: int = 0
    """Offset where the body begins (after front matter)."""
    format: str = "text"
    """`text` (plain text and Markdown) or `html` (tags, scripts and styles are not text)."""
    replacements: int = 0
    """How many U+FFFD replacement characters the decoded text holds (bytes that did not decode)."""
    creator: str | None = None
    """Author(s) as the document names them (`文章作者`, front matter `author`, `<meta name="author">`)."""
    issued: str | None = None
    """Publication time at the precision stated (`2023-05-23T11:32`, or a date as in `date`)."""
    source: str | None = None
    """The URL the document was published at (`原文链接`, front matter `url`, a canonical link)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document, with line wraps and furniture removed."""

    doc_id: str
    """Id of the document the sentence comes from."""
    index: int
    """Position of the sentence in its document, from 0."""
    text: str
    """The sentence text (hard line wraps inside it joined)."""
    pieces: tuple[tuple[int, int], ...]
    """Spans of the document text that, concatenated, give `text`."""
    doc_date: str | None = None
    """The document's date, used to resolve relative dates."""

    @property
    def start(self) -> int:
        """Offset of the first character in the document text."""
        return self.pieces[0][0] if self.pieces else 0

    @property
    def end(self) -> int:
        """Offset just past the last character in the document text."""
        return self.pieces[-1][1] if self.pieces else 0

@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a sentence that names an entity."""

    start: int
    """Offset of the first character in the sentence text."""
    end: int
    """Offset just past the last character."""
    surface: str
    """The text exactly as written."""
    type: str
    """One of vocab.ENTITY_TYPES."""
    name: str
    """Canonical name (from the lexicon, else derived from the surface)."""
    source: str = "lexicon"
    """What found it: `lexicon`, or `pattern:<name>` for names outside the lexicon."""
    score: float = 1.0
    """Confidence in the span and its type, between 0 and 1."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A money amount or a date, as written and normalised."""

    text: str
    """As the sentence writes it (`13亿美金`, `2024年3月`)."""
    value: str | None
    """Normalised: a number for money (`1300000000`), ISO for dates (`2024-03`)."""
    unit: str | None = None
    """ISO 4217 currency code for money; None for dates."""


@dataclass(frozen=True, slots=True)
class Fact:
    """A relation between two entities stated by one sentence."""

    subject: str
    """Canonical name of the subject."""
    predicate: str
    """One of vocab.PREDICATES."""
    object: str
    """Canonical name of the object."""
    confidence: float
    """The extractor's confidence, between 0 and 1."""
    rule: str = ""
    """Which construction produced it (for audits)."""
    amount: Quantity | None = None
    """Money stated with an investment."""
    valuation: Quantity | None = None
    """Valuation stated with an investment."""
    date: Quantity | None = None
    """Date stated with the fact."""
    round: str | None = None
    """The funding round an investment belongs to, normalised (`Series B`, `Pre-A`, `Angel`, `Seed`,
    `Strategic`, `Pre-IPO`), when the sentence names it."""
    context: str | None = None
    """For a fact read across sentences: the earlier sentence that names the entity this one points
    back to (其, 该公司, the company) or leaves out; None when the sentence names both sides."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What the extractor read in one sentence."""

    sentence: Sentence
    """The sentence."""
    mentions: tuple[Mention, ...] = ()
    """Entity mentions, in text order."""
    facts: tuple[Fact, ...] = ()
    """Facts stated by the sentence (all of them, whatever their confidence)."""


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity: one node of the graph."""

    name: str
    """Canonical name."""
    type: str
    """One of vocab.ENTITY_TYPES."""
    aliases: frozenset[str] = field(default_factory=frozenset)
    """Every surface form seen for it, and the lexicon's aliases."""
    definition: str = ""
    """For a trend of the lexicon's taxonomy: what it is, in one sentence."""
    broader: str = ""
    """For a trend: canonical name of the wider trend it belongs to (itself an entity of the graph)."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence stating one fact, with the fact's names made canonical."""

    fact: Fact
    """The fact, subject and object being canonical entity names."""
    sentence: Sentence
    """The sentence that states it."""


@dataclass(frozen=True, slots=True)
class Linked:
    """Everything the extractor read, merged across documents: the input of the graph stage."""

    entities: tuple[Entity, ...]
    """Canonical entities, sorted by name."""
    evidence: tuple[Evidence, ...]
    """Every (fact, sentence) pair whose confidence passed the threshold."""
    mentions: tuple[tuple[str, str, str], ...]
    """(entity name, document id, surface) for every mention, deduplicated and sorted."""
    rejected: tuple[Evidence, ...] = ()
    """Facts above the threshold whose entity types do not fit the relation's signature in the
    ontology (a model "developed by" a person): left out of the graph, kept for audits."""
