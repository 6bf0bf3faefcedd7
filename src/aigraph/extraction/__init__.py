"""Extraction: the spaCy pipeline (tokenizer, lexicon, names, resolver, relation constructions) and its data."""
