"""A tokenizer for mixed Chinese and Latin text: one token per Han character, whole Latin words."""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Latin letters and digits form words; a case change from digits to letters does not split ("4o").
_TOKEN = re.compile(r"[A-Za-z]+|[0-9]+(?:\.[0-9]+)*|\S")
_PIECES = re.compile(r"[A-Za-z]+|[0-9]+(?:\.[0-9]+)*|\s+|\S")
_SPACE = re.compile(r"\s")


class MixedTokenizer:
    """Han characters and punctuation one by one; Latin words and numbers whole."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        # one regex pass gives tokens and whitespace runs alike: a single space after a token is its
        # trailing space, any other run (or one at the start) a token of its own
        pieces = _PIECES.findall(text)
        if not _SPACE.search(text):
            return Doc(self.vocab, words=pieces, spaces=[False] * len(pieces))
        words: list[str] = []
        spaces: list[bool] = []
        for p in pieces:
            if p == " " and words:
                spaces[-1] = True
            else:
                words.append(p)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> MixedTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> MixedTokenizer:
        return self


@spacy.registry.tokenizers("aigraph.tokenizer.v1")
def create_tokenizer():
    """Registered factory: `[nlp.tokenizer] @tokenizers = "aigraph.tokenizer.v1"`."""

    def make(nlp) -> MixedTokenizer:
        return MixedTokenizer(nlp.vocab)

    return make
