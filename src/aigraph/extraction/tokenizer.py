"""A tokenizer for mixed Chinese and Latin text: one token per Han character, whole Latin words."""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Latin letters and digits form words; a case change from digits to letters does not split ("4o").
# Every other character that is not whitespace is a token of its own, so only these runs need a regex
# (the lookahead passes over the other characters at once, where the alternation tried each branch).
_RUNS = re.compile(r"(?=[A-Za-z0-9\s])([A-Za-z]+|[0-9]+(?:\.[0-9]+)*|\s+)")


class _Orths(dict):
    """token text -> its id in the vocabulary's strings, added as tokens are met. spaCy builds a Doc
    from ids five times faster than from strings, which it hashes one by one."""

    def __init__(self, vocab: Vocab) -> None:
        super().__init__()
        self.strings = vocab.strings

    def __missing__(self, word: str) -> int:
        self[word] = orth = self.strings.add(word)
        return orth


class MixedTokenizer:
    """Han characters and punctuation one by one; Latin words and numbers whole."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._orths = _Orths(vocab)

    def __call__(self, text: str) -> Doc:
        # split() alternates single-character stretches and runs: the stretches are extended character
        # by character in C. A single space after a token is its trailing space, any other whitespace
        # run (or one at the start) a token of its own.
        orth = self._orths.__getitem__
        words: list[int] = []
        spaces: list[bool] = []
        for i, part in enumerate(_RUNS.split(text)):
            if not i & 1:
                words.extend(map(orth, part))
                spaces.extend([False] * len(part))
            elif part == " " and words:
                spaces[-1] = True
            else:
                words.append(orth(part))
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
