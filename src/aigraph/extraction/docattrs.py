"""What the spaCy components hand each other on a Doc: registered `doc._.aigraph_*` extensions."""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS: dict[str, str] = {
    "aigraph_text": "The Doc's text, kept: spaCy rebuilds `doc.text` from the tokens on every access.",
    "aigraph_masked": "The text with URLs and markdown links blanked out (same length).",
    "aigraph_sents": "Character spans (start, end) of the Doc's sentences.",
    "aigraph_doc_date": "The document's date (ISO), against which relative dates are read.",
    "aigraph_candidates": "Possible entity mentions proposed by the lexicon ruler and the name patterns.",
    "aigraph_entities": "The candidates the resolver kept, one per entity span, in text order.",
    "aigraph_facts": "(sentence start offset, Fact) pairs the relation extractor found.",
}
"""Each extension and what it holds (all default to None until a component sets them)."""

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
