"""Entity candidates shared by the spaCy components, and the text helpers they need."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from spacy.tokens import Doc

from aigraph.extraction import docattrs  # noqa: F401  (registers doc._.aigraph_*)
from aigraph.extraction.lexicon import LexEntry

_LINK = r"!?\[[^\]\n]{0,80}\]\([^)\s]*\)|https?://\S+|www\.\S+"
_URL = re.compile(_LINK + r"|\b[\w.-]+@[\w-]+\.\w+")
# without an @ no e-mail address can match, and its branch is the slow one: it tries every run of word
# characters, Han ones included, from each of their positions
_URL_NO_MAIL = re.compile(_LINK)


@dataclass(frozen=True)
class Candidate:
    """A possible entity mention, before overlaps and types are settled."""

    start: int
    """Character offset in the Doc text."""
    end: int
    """Character offset just past the end."""
    type: str
    """Proposed entity type."""
    name: str
    """Proposed canonical name."""
    source: str
    """`lexicon`, `lexicon-weak`, or `pattern:<kind>`."""
    score: float
    """Confidence in span and type."""
    entry: LexEntry | None = None
    """The lexicon entry, when it came from the lexicon."""


def candidates(doc: Doc) -> list[Candidate]:
    """The Doc's candidate list (created on first use)."""
    if doc._.aigraph_candidates is None:
        doc._.aigraph_candidates = []
    return doc._.aigraph_candidates


def doc_text(doc: Doc) -> str:
    """The Doc's text, cached: spaCy rebuilds `doc.text` from the tokens on every access."""
    if doc._.aigraph_text is None:
        doc._.aigraph_text = doc.text
    return doc._.aigraph_text


def masked_text(doc: Doc) -> str:
    """The Doc text with URLs and markdown links blanked out (same length), cached on the Doc."""
    if doc._.aigraph_masked is None:
        text = doc_text(doc)
        doc._.aigraph_masked = (_URL if "@" in text else _URL_NO_MAIL).sub(lambda m: " " * len(m.group()), text)
    return doc._.aigraph_masked


def is_latin(c: str) -> bool:
    """ASCII letter or digit."""
    return c.isascii() and c.isalnum()


def latin_boundary_ok(text: str, start: int, end: int) -> bool:
    """A Latin name must not start or end inside a Latin word ("Meta" in "Metaverse")."""
    # is_latin written out: this runs for every candidate of every document
    if start > 0 and (first := text[start]).isascii() and first.isalnum():
        prev = text[start - 1]
        if (prev.isascii() and prev.isalpha()) or (prev.isdigit() and first.isdigit()):
            return False
    if end < len(text) and (last := text[end - 1]).isascii() and last.isalnum():
        nxt = text[end]
        if last.isalpha() and nxt.isascii() and nxt.isalpha():
            return False
        if last.isdigit() and (nxt.isdigit() or (nxt == "." and text[end + 1:end + 2].isdigit())):
            return False
    return True


def in_english_prose(text: str, start: int, end: int) -> bool:
    """Whether the words on both sides of text[start:end] are Latin (an English sentence)."""
    before = text[max(0, start - 3):start].rstrip()
    after = text[end:end + 3].lstrip()
    return bool(before) and before[-1].isascii() and before[-1].isalpha() and bool(after) \
        and after[0].isascii() and after[0].isalpha()


_HAN_ONLY = re.compile(r"^[\u4e00-\u9fff]{2,3}$")


def word_boundary_ok(text: str, start: int, end: int) -> bool:
    """A short Chinese name must not cut a longer word in half ("智能体" in "人工智能体系"): checked with
    jieba's segmentation of the few characters around it."""
    if not _HAN_ONLY.match(text[start:end]):
        return True
    a, b = max(0, start - 4), min(len(text), end + 4)
    pos = a
    for word in _segmented(text[a:b]):
        w_end = pos + len(word)
        if (pos < start < w_end) or (pos < end < w_end):
            # "甲骨文公司" is one dictionary word: a company word glued on does not count
            outside = text[pos:start] if pos < start else ""
            outside += text[end:w_end] if w_end > end else ""
            if outside not in _GLUE:
                return False
        pos = w_end
    return True


@lru_cache(maxsize=1 << 16)
def _segmented(window: str) -> tuple[str, ...]:
    """jieba's words of a few characters (a name and its neighbours come back again and again)."""
    import jieba

    from aigraph.extraction.jiebadict import loaded

    loaded()  # jieba's dictionary from our cache, not from jieba's slower one
    return tuple(jieba.cut(window, HMM=False))


_GLUE = frozenset("公司 集团 股份 有限公司 控股 科技 中国 美国 日本 韩国 英国 国内 全球".split())


@cache
def english_common() -> frozenset[str]:
    """Frequent English words: a capitalised one is a name only with a cue."""
    f = Path(__file__).with_name("data") / "english_common.txt"
    return frozenset(w for w in f.read_text("utf-8").split("\n") if w and not w.startswith("#"))


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the Doc's sentences (the whole Doc if none are set)."""
    if doc._.aigraph_sents is None:
        if doc.has_annotation("SENT_START"):
            doc._.aigraph_sents = [(s.start_char, s.end_char) for s in doc.sents]
        else:
            doc._.aigraph_sents = [(0, len(doc_text(doc)))]
    return doc._.aigraph_sents
