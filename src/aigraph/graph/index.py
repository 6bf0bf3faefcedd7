"""The link index: every document's mentions, the keys it uses and its kept evidence, in SQLite, so that
an update reads the rows of the keys and facts it touches, not the whole graph."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path

from aigraph.extraction.lexicon import Lexicon
from aigraph.graph.link import Aggregate, entity_of, fact_keys, mention_rows
from aigraph.model import Entity, Evidence, Fact, Quantity, Reading, Sentence

INDEX = "link-index.sqlite"
"""The index's file in the graph folder (beside the cache folder: it changes with the store, as one set)."""

_SCHEMA = """
CREATE TABLE docs(id TEXT PRIMARY KEY, key TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE mentions(key TEXT NOT NULL, doc TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
                      milli INTEGER NOT NULL, surface TEXT NOT NULL);
CREATE INDEX mentions_key ON mentions(key);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE TABLE uses(key TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY(key, doc)) WITHOUT ROWID;
CREATE INDEX uses_doc ON uses(doc);
CREATE TABLE evidence(s TEXT NOT NULL, p TEXT NOT NULL, o TEXT NOT NULL, doc TEXT NOT NULL, idx INTEGER NOT NULL,
                      conf REAL NOT NULL, fact TEXT, PRIMARY KEY(s, p, o, doc, idx)) WITHOUT ROWID;
CREATE INDEX evidence_doc ON evidence(doc);
CREATE INDEX evidence_po ON evidence(p, o);
"""

Triple = tuple[str, str, str]


class Index:
    """An open link index (one writer: the graph folder's writer lock is held)."""

    def __init__(self, path: Path, create: bool = False) -> None:
        self.path = Path(path)
        if create:
            self.path.unlink(missing_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=OFF")  # the file is a staged copy: a failed update discards it whole
        self.db.execute("PRAGMA synchronous=OFF")
        if create:
            self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")

    @classmethod
    def writable(cls, path: Path) -> Index:
        """Open the index in a staged graph folder for changing: the file there may be a hard link to the
        live graph's, so it is copied to a file of its own first."""
        tmp = path.with_name(f".{path.name}.tmp")
        shutil.copyfile(path, tmp)
        os.replace(tmp, path)
        return cls(path)

    def close(self, commit: bool = True) -> None:
        """Commit (or roll back) and close."""
        self.db.execute("COMMIT" if commit else "ROLLBACK")
        self.db.close()

    # ---------------------------------------------------------------- documents

    def add_document(self, doc_id: str, key: str, readings: Sequence[Reading], threshold: float, lexicon: Lexicon) -> None:
        """A document's mentions and the keys it uses (its evidence comes with put_evidence)."""
        self.db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?)", (doc_id, key))
        keys = fact_keys(readings, threshold, lexicon)

        def rows():
            for k, n, t, m, s in mention_rows(readings, lexicon):
                keys.add(k)
                yield k, doc_id, n, t, m, s

        self.db.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)", rows())
        self.db.executemany("INSERT OR IGNORE INTO uses VALUES (?, ?)", [(k, doc_id) for k in keys])

    def remove_document(self, doc_id: str, evidence: bool = True) -> None:
        """Every row of a document (its evidence kept when `evidence` is False: see drop_evidence)."""
        for table in ("docs", "mentions", "uses") + (("evidence",) if evidence else ()):
            self.db.execute(f"DELETE FROM {table} WHERE {'id' if table == 'docs' else 'doc'} = ?", (doc_id,))

    def doc_keys(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """Document id -> cache key (the first 16 hex digits of its SHA-256)."""
        return dict(self._select("SELECT id, key FROM docs WHERE id IN ({})", list(doc_ids)))

    def listed(self) -> list[tuple[str, str]]:
        """(document id, cache key) of every document, by id."""
        return self.db.execute("SELECT id, key FROM docs ORDER BY id").fetchall()

    def count(self) -> int:
        """Documents indexed."""
        return self.db.execute("SELECT COUNT(*) FROM docs").fetchone()[0]

    def keys_of(self, doc_ids: Iterable[str]) -> set[str]:
        """The keys these documents use."""
        return {k for (k,) in self._select("SELECT key FROM uses WHERE doc IN ({})", list(doc_ids))}

    def users(self, keys: Iterable[str]) -> set[str]:
        """The documents using any of these keys."""
        return {d for (d,) in self._select("SELECT doc FROM uses WHERE key IN ({})", list(keys))}

    # ---------------------------------------------------------------- entities

    def entities(self, keys: Iterable[str], lexicon: Lexicon) -> dict[str, Entity]:
        """The canonical entity of each key that has a mention."""
        aggs: dict[str, Aggregate] = defaultdict(Aggregate)
        for key, name, typ, milli, surface in self._select(
                "SELECT key, name, type, milli, surface FROM mentions WHERE key IN ({})", list(keys)):
            aggs[key].add(name, typ, milli, surface)
        return {k: entity_of(k, a, lexicon) for k, a in aggs.items()}

    # ---------------------------------------------------------------- evidence

    def put_evidence(self, evidence: Iterable[Evidence]) -> None:
        """Kept evidence (one per fact and sentence)."""
        self.db.executemany("INSERT OR REPLACE INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?)", [
            (e.fact.subject, e.fact.predicate, e.fact.object, e.sentence.doc_id, e.sentence.index, e.fact.confidence,
             json.dumps(asdict(e.fact), ensure_ascii=False, sort_keys=True) if e.fact.predicate == "investedIn" else None)
            for e in evidence])

    def evidence_of_documents(self, doc_ids: Iterable[str]) -> list[tuple]:
        """(s, p, o, doc, index, confidence, fact JSON) rows of these documents."""
        return self._select("SELECT s, p, o, doc, idx, conf, fact FROM evidence WHERE doc IN ({})", list(doc_ids))

    def drop_evidence(self, doc_ids: Iterable[str]) -> None:
        """The evidence rows of these documents."""
        self._select("DELETE FROM evidence WHERE doc IN ({})", list(doc_ids))

    def support(self, triples: Iterable[Triple]) -> tuple[dict[Triple, set], dict[Triple, float]]:
        """Of each fact: the (document, sentence) pairs stating it and its best confidence."""
        support: dict[Triple, set] = defaultdict(set)
        conf: dict[Triple, float] = defaultdict(float)
        for s, p, o in set(triples):
            for doc, idx, c in self.db.execute("SELECT doc, idx, conf FROM evidence WHERE s = ? AND p = ? AND o = ?",
                                               (s, p, o)):
                support[(s, p, o)].add((doc, idx))
                conf[(s, p, o)] = max(conf[(s, p, o)], c)
        return dict(support), dict(conf)

    def investments(self, investees: Iterable[str]) -> list[Evidence]:
        """The investedIn evidence into these companies (for their funding rounds)."""
        out = []
        for doc, idx, fact in self._select(
                "SELECT doc, idx, fact FROM evidence WHERE p = 'investedIn' AND o IN ({})", list(investees)):
            out.append(evidence_of_row(doc, idx, fact))
        return out

    def _select(self, sql: str, values: list) -> list[tuple]:
        out: list[tuple] = []
        for i in range(0, len(values), 900):  # SQLite's limit on bound values
            chunk = values[i:i + 900]
            out += self.db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
        return out


def evidence_of_row(doc: str, idx: int, fact: str) -> Evidence:
    """An Evidence record from an investedIn row: the fact as stated, the sentence by document and index."""
    data = json.loads(fact)
    for k in ("amount", "valuation", "date"):
        data[k] = Quantity(**data[k]) if data[k] else None
    return Evidence(Fact(**data), Sentence(doc, idx, "", ()))


def write_index(path: Path, entries: Sequence, evidence: Iterable[Evidence], threshold: float,
                lexicon: Lexicon) -> None:
    """A new index of these cache entries (cache.Entry) and the graph's kept evidence."""
    index = Index(path, create=True)
    try:
        for e in entries:
            index.add_document(e.document.id, e.key, e.readings, threshold, lexicon)
        index.put_evidence(evidence)
    except BaseException:
        index.close(commit=False)
        raise
    index.close()
