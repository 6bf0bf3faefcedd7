"""A tokenizer for mixed Chinese and Latin text: one token per Han character, whole Latin words."""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Latin letters and digits form words; a case change from digits to letters does not split ("4o").
_TOKEN = re.compile(r"[A-Za-z]+|[0-9]+(?:\.[0-9]+)*|\S")


class MixedTokenizer:
    """Han characters and punctuation one by one; Latin words and numbers whole."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        end = 0
        for m in _TOKEN.finditer(text):
            if m.start() > end and words:
                # whitespace between tokens: one space is the token's trailing space, more become a token
                gap = text[end:m.start()]
                if gap == " ":
                    spaces[-1] = True
                else:
                    words.append(gap)
                    spaces.append(False)
            elif m.start() > end:
                words.append(text[end:m.start()])
                spaces.append(False)
            words.append(m.group())
            spaces.append(False)
            end = m.end()
        if end < len(text):
            gap = text[end:]
            if gap == " " and words:
                spaces[-1] = True
            else:
                words.append(gap)
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
