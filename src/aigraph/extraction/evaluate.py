"""Score extraction against a gold set: entity and relation precision, recall and F1."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from aigraph.errors import InputError
from aigraph.vocab import SYMMETRIC

_IGNORED = str.maketrans("", "", " \t-_·・.'\"“”‘’()（）")


def surface_key(text: str) -> str:
    """How surfaces are compared: NFKC, case-folded, without spaces, dashes, dots, quotes, brackets."""
    return unicodedata.normalize("NFKC", str(text)).casefold().translate(_IGNORED)


@dataclass
class Tally:
    """Counts for one score line."""

    tp: int = 0
    sys: int = 0
    gold: int = 0

    def add(self, tp: int, sys: int, gold: int) -> None:
        self.tp += tp
        self.sys += sys
        self.gold += gold

    def prf(self) -> dict:
        p = self.tp / self.sys if self.sys else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp, "sys": self.sys, "gold": self.gold}


@dataclass
class Scores:
    """Every tally of an evaluation."""

    sentences: int = 0
    missing: int = 0
    entities: Tally = field(default_factory=Tally)
    untyped: Tally = field(default_factory=Tally)
    relations: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_predicate: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))

    def as_dict(self) -> dict:
        return {
            "sentences": self.sentences,
            "sentences_missing_from_system": self.missing,
            "entities": self.entities.prf(),
            "entities_untyped": self.untyped.prf(),
            "entities_by_type": {t: v.prf() for t, v in sorted(self.by_type.items())},
            "relations": self.relations.prf(),
            "relations_by_predicate": {str(p): v.prf() for p, v in sorted(self.by_predicate.items(), key=lambda kv: str(kv[0]))},
        }


def read_jsonl(path: str | Path) -> list[dict]:
    """Rows of a JSON Lines file; a bad line is an error naming file and line."""
    rows = []
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read ({exc})") from exc
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{p}:{n}: not JSON ({exc.msg})") from exc
    return rows


def alias_table(rows: Iterable[dict]) -> dict[str, set[str]]:
    """Surface key → every key of the same gold entity (name and aliases)."""
    out: dict[str, set[str]] = {}
    for row in rows:
        keys = {surface_key(row["name"])} | {surface_key(a) for a in row.get("aliases", [])}
        for k in keys:
            out.setdefault(k, set()).update(keys)
    return out


def _groups(row: dict, aliases: dict[str, set[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for e in row.get("entities", []) or []:
        name = str(e.get("name", ""))
        g = out[name]
        g.add(surface_key(name))
        if e.get("surface"):
            g.add(surface_key(e["surface"]))
        g.update(surface_key(a) for a in e.get("aliases", []) or [])
        g |= aliases.get(surface_key(name), set())
    return out


def _side(name: str, groups: dict[str, set[str]], aliases: dict[str, set[str]]) -> set[str]:
    return groups.get(name) or ({surface_key(name)} | aliases.get(surface_key(name), set()))


def _matches(gold: Sequence[dict], system: Sequence[dict], ggrp, sgrp, aliases) -> int:
    """Greedy one-to-one matching of relations, each side's alias group meeting the other's."""
    taken = [False] * len(system)
    hits = 0
    for g in gold:
        gs, go = _side(g["s"], ggrp, aliases), _side(g["o"], ggrp, aliases)
        for i, r in enumerate(system):
            if taken[i] or r.get("p") != g.get("p"):
                continue
            rs, ro = _side(r.get("s", ""), sgrp, {}), _side(r.get("o", ""), sgrp, {})
            if (gs & rs and go & ro) or (g["p"] in SYMMETRIC and gs & ro and go & rs):
                taken[i] = True
                hits += 1
                break
    return hits


def score(gold: Sequence[dict], system: Sequence[dict], aliases: dict[str, set[str]]) -> Scores:
    """Score system rows against gold rows, paired by (doc, sentence)."""
    by_key = {(str(r.get("doc", "")), surface_key(r.get("sent", ""))): r for r in system}
    out = Scores(sentences=len(gold))
    for g in gold:
        s = by_key.get((str(g.get("doc", "")), surface_key(g.get("sent", ""))))
        if s is None:
            out.missing += 1
            s = {"entities": [], "relations": []}
        gm = Counter((surface_key(e["surface"]), e["type"]) for e in g.get("entities", []))
        sm = Counter((surface_key(e.get("surface", "")), e.get("type")) for e in s.get("entities", []) or [])
        both = gm & sm
        out.entities.add(sum(both.values()), sum(sm.values()), sum(gm.values()))
        untyped = Counter(k for k, _ in gm.elements()) & Counter(k for k, _ in sm.elements())
        out.untyped.add(sum(untyped.values()), sum(sm.values()), sum(gm.values()))
        for (_, t), n in gm.items():
            out.by_type[t].gold += n
        for (_, t), n in sm.items():
            out.by_type[t].sys += n
        for (_, t), n in both.items():
            out.by_type[t].tp += n
        grel = [r for r in g.get("relations", []) if r.get("s") and r.get("o")]
        srel = [r for r in s.get("relations", []) or [] if r.get("s") and r.get("o")]
        ggrp, sgrp = _groups(g, aliases), _groups(s, {})
        out.relations.add(_matches(grel, srel, ggrp, sgrp, aliases), len(srel), len(grel))
        for p in {r["p"] for r in grel} | {r.get("p") for r in srel}:
            gp = [r for r in grel if r["p"] == p]
            sp = [r for r in srel if r.get("p") == p]
            out.by_predicate[p].add(_matches(gp, sp, ggrp, sgrp, aliases), len(sp), len(gp))
    return out


def report(res: dict) -> str:
    """The score tables, laid out as score.py prints them."""
    lines = [f"sentences {res['sentences']} (missing from system: {res['sentences_missing_from_system']})"]
    for name in ("entities", "entities_untyped", "relations"):
        lines.append(_line(f"{name:18s}", res[name]))
    for section in ("entities_by_type", "relations_by_predicate"):
        lines.append(section)
        lines.extend(_line(f"  {k:14s}", m) for k, m in res[section].items())
    return "\n".join(lines)


def _line(label: str, m: dict) -> str:
    return f"{label} P {m['p']:.3f}  R {m['r']:.3f}  F1 {m['f1']:.3f}  (tp {m['tp']}, sys {m['sys']}, gold {m['gold']})"
