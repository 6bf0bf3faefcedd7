"""Curator's report on the lexicon: aliases that may fire on ordinary text, shared aliases, counts.

Run from the repository root: `.venv/bin/python tools/lexicon_report.py [FILE.jsonl ...]` (default: every
file of src/aigraph/extraction/data/lexicon; naming files limits the word checks to their records).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from aigraph.extraction.candidates import english_common
from aigraph.extraction.lexicon import LexEntry, Lexicon, data_dir, entry_from_record
from aigraph.folding import norm

# A Chinese alias that jieba's dictionary counts more often than this is an ordinary word as well.
JIEBA_FREQ = 300


def load(paths: list[Path]) -> list[tuple[str, LexEntry]]:
    out = []
    for p in paths:
        for n, line in enumerate(p.read_text("utf-8").splitlines(), 1):
            if line.strip():
                out.append((p.name, entry_from_record(json.loads(line), f"{p.name}:{n}")))
    return out


def main(argv: list[str]) -> None:
    files = sorted(data_dir().glob("*.jsonl"))
    mine = {Path(a).name for a in argv}
    entries = load(files)
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    freq = jieba.dt.FREQ
    common = english_common()
    claims: dict[str, list[tuple[LexEntry, bool]]] = defaultdict(list)
    for _, e in entries:
        for a in e.names:
            claims[norm(a)].append((e, True))
        for a in e.weak_aliases:
            claims[norm(a)].append((e, False))

    print("== aliases claimed by several entries (!! = two strong claims and no context words)")
    for key, cl in sorted(claims.items()):
        if len({id(e) for e, _ in cl}) > 1:
            strong = [f"{e.name} ({e.type})" for e, s in cl if s]
            weak = [f"{e.name} ({e.type})" for e, s in cl if not s]
            flag = "!!" if len(strong) > 1 and not any(e.context for e, s in cl if s) else "  "
            print(f"{flag} {key}: strong {strong} weak {weak}")

    print(f"== strong aliases that are also frequent words (en: english_common.txt, zh: jieba frequency > {JIEBA_FREQ});"
          " a real risk belongs in weak_aliases with context words")
    for fname, e in entries:
        if mine and fname not in mine:
            continue
        for a in e.names:
            k = norm(a)
            if re.fullmatch(r"[a-z][a-z0-9]*", k) and k in common:
                print(f"   en  {e.name} ({e.type}): {a!r}")
            if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", a) and freq.get(a, 0) > JIEBA_FREQ:
                print(f"   zh  {e.name} ({e.type}): {a!r} ({freq[a]})")

    print("== developer fields that name no company (by its name or a strong alias)")
    lexicon = Lexicon([e for _, e in entries])
    for _, e in entries:
        dev = lexicon.by_name.get(norm(e.developer)) or lexicon.canonical(e.developer) if e.developer else None
        if e.developer and (dev is None or dev.type != "Company"):
            print(f"   {e.name}: {e.developer!r}")

    print("== counts")
    print("  ", dict(Counter(e.type for _, e in entries)))
    print("  ", dict(Counter(f for f, _ in entries)))


if __name__ == "__main__":
    main(sys.argv[1:])
