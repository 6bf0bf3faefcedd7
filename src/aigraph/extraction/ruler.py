"""spaCy component `aigraph_lexicon_ruler_v1`: every lexicon alias in the text becomes a candidate."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from aigraph.extraction.candidates import (
    Candidate,
    candidates,
    english_common,
    in_english_prose,
    latin_boundary_ok,
    masked_text,
    word_boundary_ok,
)
from aigraph.extraction.lexicon import Lexicon, load_lexicon, version_named
from aigraph.folding import norm

# units and counters written after a number: a name cannot start with them right after a digit
_UNITS = frozenset("纳米 毫米 厘米 千米 公里 亿元 万元 美元 亿美 万亿 千亿 百亿 亿参 个月 小时 分钟 年代 周年".split())
_PLURAL = re.compile(r"s(?![A-Za-z0-9])")


class LexiconRuler:
    """Finds lexicon aliases with one Aho-Corasick pass over the folded text."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        text = masked_text(doc)
        out = candidates(doc)
        for start, end, key in self.lexicon.find(text):
            plural = _PLURAL.match(text, end) is not None and (text[end - 1].isdigit() or text[end - 3:end].isupper())
            if plural:
                end += 1  # "350,000 H100s", "Google's TPUs": the name in the plural
            if not latin_boundary_ok(text, start, end) or not word_boundary_ok(text, start, end):
                continue
            if start and text[start - 1].isdigit() and text[start:start + 2] in _UNITS:
                continue  # "5纳米AI处理器": a number's unit, not the product 纳米AI
            surface = text[start:end]
            ordinary = surface.isascii() and surface.islower() and surface.casefold() in english_common() \
                and in_english_prose(text, start, end)
            for entry, strong in self.lexicon.by_key[key]:
                if plural and entry.type not in ("Chip", "Product"):
                    continue
                if ordinary and not any(a.islower() and norm(a) == key for a in (entry.name, *entry.aliases, *entry.weak_aliases)):
                    continue  # "at scale" in English: the word, not "Scale AI" (in Chinese text "runway" is the name)
                out.append(Candidate(
                    start, end, entry.type, version_named(entry, surface),
                    "lexicon" if strong else "lexicon-weak", 1.0 if strong else 0.5, entry,
                ))
        return doc


@Language.factory(
    "aigraph_lexicon_ruler_v1",
    default_config={"lexicon_path": None},
)
def make_lexicon_ruler(nlp: Language, name: str, lexicon_path: str | None) -> LexiconRuler:
    """The lexicon ruler; `lexicon_path` is a JSONL file or folder (default: the packaged lexicon)."""
    return LexiconRuler(load_lexicon(lexicon_path))
