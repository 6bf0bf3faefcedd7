"""The extractor's JSON Lines interface (the evaluation format of score.py): sentences in, readings out."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from aigraph.atomic import atomic_write
from aigraph.errors import InputError
from aigraph.folding import norm
from aigraph.model import Quantity, Reading, Sentence

THRESHOLD = 0.5
"""Facts below this confidence stay out of the graph (and out of `extract` output unless asked for)."""


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


def analysis_record(a: Reading, threshold: float = THRESHOLD) -> dict:
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
    with atomic_write(path) as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
