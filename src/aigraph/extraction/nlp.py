"""The extractor: a spaCy pipeline of registered components, run over the sentences of documents."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterator, Sequence

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language

from aigraph.extraction import names, relations, resolve, ruler, tokenizer  # noqa: F401  (registers the components)
from aigraph.extraction.candidates import Candidate
from aigraph.ingest.script import simplified
from aigraph.model import Fact, Mention, Reading, Sentence

PIPELINE = (
    "aigraph_lexicon_ruler_v1",
    "aigraph_name_patterns_v1",
    "aigraph_entity_resolver_v1",
    "aigraph_relation_extractor_v1",
)
CHUNK_CHARS = 100_000


def build_nlp(lexicon_path: str | None = None) -> Language:
    """blank("zh") with the mixed tokenizer and the aigraph components, in order."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "aigraph.tokenizer.v1"}}})
    for name in PIPELINE[:3]:
        nlp.add_pipe(name, config={"lexicon_path": lexicon_path})
    nlp.add_pipe(PIPELINE[3])
    return nlp


def chunks(sentences: Sequence[Sentence]) -> Iterator[list[Sentence]]:
    """Runs of sentences of one document, small enough to process as one spaCy Doc."""
    for _, group in itertools.groupby(sentences, key=lambda s: s.doc_id):
        chunk: list[Sentence] = []
        size = 0
        for s in group:
            if chunk and size + len(s.text) > CHUNK_CHARS:
                yield chunk
                chunk, size = [], 0
            chunk.append(s)
            size += len(s.text) + 1
        if chunk:
            yield chunk


def extract(nlp: Language, sentences: Sequence[Sentence],
            progress: Callable[[int], None] | None = None) -> list[Reading]:
    """Entities and facts of every sentence. Sentences of one document are read together, so that
    a name one sentence makes clear (Pantheon AI) is understood in the next (Pantheon)."""
    out: list[Reading] = []
    for chunk in chunks(sentences):
        text = "\n".join(s.text for s in chunk)
        starts, pos = [], 0
        for s in chunk:
            starts.append(pos)
            pos += len(s.text) + 1
        view = simplified(text)  # traditional script read as simplified; same offsets, surfaces as written
        doc = nlp.make_doc(view)
        doc._.aigraph_text = view
        if len(doc):
            idx = doc.to_array([IDX]).astype("int64").reshape(-1)
            # token offsets rise strictly: each sentence start is looked up by bisection (isin sorted both)
            wanted = numpy.asarray(starts, dtype="int64")
            at = numpy.searchsorted(idx, wanted)
            inside = at < len(idx)
            at, wanted = at[inside], wanted[inside]
            flags = numpy.full(len(idx), -1, dtype="int64")
            flags[at[idx[at] == wanted]] = 1
            doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
        doc._.aigraph_sents = [(a, a + len(s.text)) for a, s in zip(starts, chunk)]
        doc._.aigraph_doc_date = chunk[0].doc_date
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        chosen: list[Candidate] = doc._.aigraph_entities or []
        facts: list[tuple[int, Fact]] = doc._.aigraph_facts or []
        by_sent_m: dict[int, list[Mention]] = {}
        for c in chosen:
            i = _index(starts, c.start)
            a = starts[i]
            by_sent_m.setdefault(i, []).append(
                Mention(c.start - a, c.end - a, text[c.start:c.end], c.type, c.name, c.source, round(c.score, 3)))
        by_sent_f: dict[int, list[Fact]] = {}
        for a, f in facts:
            by_sent_f.setdefault(_index(starts, a), []).append(f)
        for i, s in enumerate(chunk):
            out.append(Reading(s, tuple(by_sent_m.get(i, ())), tuple(by_sent_f.get(i, ()))))
        if progress:
            progress(len(chunk))
    return out


def _index(starts: list[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos) - 1
