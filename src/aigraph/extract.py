"""The extraction stage: a spaCy pipeline of registered components, run over sentences."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language

from . import names, relations, resolve, ruler, tokenizer  # noqa: F401  (registers the components)
from .candidates import Candidate
from .errors import InputError
from .lexicon import norm
from .model import Analysis, Fact, Mention, Quantity, Sentence

PIPELINE = (
    "aigraph_lexicon_ruler_v1",
    "aigraph_name_patterns_v1",
    "aigraph_entity_resolver_v1",
    "aigraph_relation_extractor_v1",
)
# Facts below this confidence stay out of the graph (and out of `extract` unless asked for).
THRESHOLD = 0.5
CHUNK_CHARS = 100_000


def build_nlp(lexicon_path: str | None = None) -> Language:
    """blank("zh") with the mixed tokenizer and the aigraph components, in order."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "aigraph.tokenizer.v1"}}})
    for name in PIPELINE[:3]:
        nlp.add_pipe(name, config={"lexicon_path": lexicon_path})
    nlp.add_pipe(PIPELINE[3])
    return nlp


def _chunks(sentences: Sequence[Sentence]) -> Iterator[list[Sentence]]:
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


def analyse(nlp: Language, sentences: Sequence[Sentence],
            progress: Callable[[int], None] | None = None) -> list[Analysis]:
    """Entities and facts of every sentence. Sentences of one document are read together, so that
    a name one sentence makes clear (Pantheon AI) is understood in the next (Pantheon)."""
    out: list[Analysis] = []
    for chunk in _chunks(sentences):
        text = "\n".join(s.text for s in chunk)
        starts, pos = [], 0
        for s in chunk:
            starts.append(pos)
            pos += len(s.text) + 1
        doc = nlp.make_doc(text)
        doc.user_data["aigraph.text"] = text
        if len(doc):
            idx = doc.to_array([IDX]).astype("int64").reshape(-1)
            flags = numpy.where(numpy.isin(idx, starts), 1, -1).astype("int64").astype("uint64").reshape(-1, 1)
            doc.from_array([SENT_START], flags)
        doc.user_data["aigraph.sents"] = [(a, a + len(s.text)) for a, s in zip(starts, chunk)]
        doc.user_data["aigraph.doc_date"] = chunk[0].doc_date
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        chosen: list[Candidate] = doc.user_data.get(resolve.CHOSEN, [])
        facts: list[tuple[int, Fact]] = doc.user_data.get(relations.FACTS, [])
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
            out.append(Analysis(s, tuple(by_sent_m.get(i, ())), tuple(by_sent_f.get(i, ()))))
        if progress:
            progress(len(chunk))
    return out


def _index(starts: list[int], pos: int) -> int:
    import bisect

    return bisect.bisect_right(starts, pos) - 1


# ---------------------------------------------------------------- JSON Lines interface (score.py format)

def read_jsonl_sentences(path: str | Path) -> list[Sentence]:
    """Sentences from lines `{"doc": ..., "sent": ...}`; a bad line is an error naming file and line."""
    out: list[Sentence] = []
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read ({exc})") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{p}:{n}: not JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("sent"), str):
            raise InputError(f"{p}:{n}: a line needs a string field 'sent'")
        text = row["sent"]
        out.append(Sentence(str(row.get("doc", "")), len(out), text, ((0, len(text)),), row.get("date")))
    return out


def _quantity(q: Quantity | None) -> str | None:
    return q.text if q else None


def analysis_record(a: Analysis, threshold: float = THRESHOLD) -> dict:
    """One output line: the input sentence, its entities and its facts (score.py's format, plus
    offsets, confidences and normalised attributes)."""
    rels = []
    for f in a.facts:
        if f.confidence < threshold:
            continue
        rel = {"s": f.subject, "p": f.predicate, "o": f.object,
               "amount": _quantity(f.amount), "valuation": _quantity(f.valuation), "date": _quantity(f.date),
               "confidence": round(f.confidence, 3), "rule": f.rule}
        for key, q in (("amount", f.amount), ("valuation", f.valuation), ("date", f.date)):
            if q and q.value is not None:
                rel[f"{key}_normalized"] = {"value": q.value, **({"currency": q.unit} if q.unit else {})}
        rels.append(rel)
    # the schema lists each surface form once per sentence (its first occurrence)
    seen: set[tuple[str, str]] = set()
    entities = []
    for m in a.mentions:
        key = (norm(m.surface), m.type)
        if key in seen:
            continue
        seen.add(key)
        entities.append({"name": m.name, "type": m.type, "surface": m.surface, "start": m.start, "end": m.end,
                         "score": m.score, "source": m.source})
    return {"doc": a.sentence.doc_id, "sent": a.sentence.text, "entities": entities, "relations": rels}


def write_jsonl(records: Iterable[dict], path: str | Path) -> None:
    """Write records atomically (a temporary file renamed over the target)."""
    from .atomic import atomic_write

    with atomic_write(path) as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def to_dict(a: Analysis) -> dict:
    """A plain-data view of an Analysis (for tests and debugging)."""
    return asdict(a)
