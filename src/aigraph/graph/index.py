"""The link index: every document's mentions, the keys it uses, its date and its kept evidence, and the
per-key sums linking starts from, in SQLite, so that an update reads the rows it touches, not the graph."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from aigraph.extraction.lexicon import Lexicon
from aigraph.graph.link import Aggregate, entity_table, entry_of, fact_keys, features, mention_rows
from aigraph.ingest.docdate import document_date
from aigraph.model import Document, Entity, Evidence, Fact, Quantity, Reading, Sentence

INDEX = "link-index.sqlite"
"""The index's file in the graph folder (beside the cache folder: it changes with the store, as one set)."""
VERSION = 3
"""The layout below (SQLite's user_version): an index of another layout is not used (the graph is
linked again from the cache, and the next build writes a new one)."""

_SCHEMA = f"""
PRAGMA user_version = {VERSION};
CREATE TABLE docs(id TEXT PRIMARY KEY, key TEXT NOT NULL, date TEXT) WITHOUT ROWID;
CREATE TABLE mentions(key TEXT NOT NULL, doc TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
                      score INTEGER NOT NULL, surface TEXT NOT NULL);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE TABLE named(key TEXT NOT NULL, date TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY(key, date, doc)) WITHOUT ROWID;
CREATE INDEX named_doc ON named(doc);
CREATE TABLE uses(key TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY(key, doc)) WITHOUT ROWID;
CREATE INDEX uses_doc ON uses(doc);
CREATE TABLE aggs(key TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE surf(norm TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY(norm, key)) WITHOUT ROWID;
CREATE INDEX surf_key ON surf(key);
CREATE TABLE stem(stem TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY(stem, key)) WITHOUT ROWID;
CREATE INDEX stem_key ON stem(key);
CREATE TABLE ents(key TEXT PRIMARY KEY, root TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
                  broader TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX ents_name ON ents(name);
CREATE TABLE evidence(s TEXT NOT NULL, p TEXT NOT NULL, o TEXT NOT NULL, doc TEXT NOT NULL, idx INTEGER NOT NULL,
                      conf REAL NOT NULL, event TEXT, fact TEXT, PRIMARY KEY(s, p, o, doc, idx)) WITHOUT ROWID;
CREATE INDEX evidence_doc ON evidence(doc);
CREATE INDEX evidence_po ON evidence(p, o);
"""

Triple = tuple[str, str, str]
Row = tuple[str, str, str, int, str]
"""A mention row: (key, name, type, score, surface)."""


@dataclass
class Support:
    """What the index says of a set of facts (s, p, o)."""

    sentences: dict[Triple, set] = field(default_factory=lambda: defaultdict(set))
    """The (document, sentence) pairs stating each fact."""
    confidence: dict[Triple, float] = field(default_factory=lambda: defaultdict(float))
    """The best confidence of each."""
    said: dict[Triple, set[str]] = field(default_factory=lambda: defaultdict(set))
    """The dates of the documents stating each."""
    happened: dict[Triple, set[str]] = field(default_factory=lambda: defaultdict(set))
    """The dates its sentences say it happened."""


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

    def version(self) -> int:
        """The layout version of the file (see VERSION)."""
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def fill(self, documents: Iterable[tuple[Document, str, Sequence[Row], set[str]]], lexicon: Lexicon) -> None:
        """A new index's documents (document, cache key, mention rows, keys used), with the per-key sums,
        what may join keys to others and the entity of every key's group."""
        aggs: dict[str, Aggregate] = defaultdict(Aggregate)
        for doc, key, rows, keys in documents:
            self.add_document(doc, key, rows, keys)
            for k, n, t, s, sf in rows:
                aggs[k].add(n, t, s, sf)
        self.put_aggregates(aggs)
        entries = {k: entry_of(k, lexicon) for k in aggs}
        self.put_features({k: features(k, a, entries[k]) for k, a in aggs.items()})
        table = entity_table(aggs, lexicon, entries)
        self.put_entities((k, r, table.groups[r]) for k, r in table.roots.items())

    # ---------------------------------------------------------------- documents

    def add_document(self, doc: Document, key: str, rows: Sequence[Row], keys: Iterable[str]) -> None:
        """A document: its cache key and date, its mention rows and the keys it uses (its evidence comes
        with put_evidence; the per-key sums with put_aggregates)."""
        date = document_date(doc)
        self.db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?, ?)", (doc.id, key, date))
        self.db.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)",
                            [(k, doc.id, n, t, s, sf) for k, n, t, s, sf in rows])
        if date:
            self.db.executemany("INSERT OR IGNORE INTO named VALUES (?, ?, ?)", [(k, date, doc.id) for k in {r[0] for r in rows}])
        self.db.executemany("INSERT OR IGNORE INTO uses VALUES (?, ?)", [(k, doc.id) for k in set(keys)])

    def remove_document(self, doc_id: str) -> None:
        """Every row of a document, its evidence included."""
        for table in ("docs", "mentions", "named", "uses", "evidence"):
            self.db.execute(f"DELETE FROM {table} WHERE {'id' if table == 'docs' else 'doc'} = ?", (doc_id,))

    def doc_keys(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """Document id -> cache key (the first 16 hex digits of its SHA-256)."""
        return dict(self._select("SELECT id, key FROM docs WHERE id IN ({})", list(doc_ids)))

    def dates(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """Document id -> date, of the dated ones among these."""
        return {d: date for d, date in self._select("SELECT id, date FROM docs WHERE id IN ({})", list(doc_ids)) if date}

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

    def mentions_of(self, doc_ids: Iterable[str]) -> list[Row]:
        """The mention rows of these documents."""
        return self._select("SELECT key, name, type, score, surface FROM mentions WHERE doc IN ({})", list(doc_ids))

    def stated(self, keys: Iterable[str]) -> tuple[str, str] | None:
        """The first and last date of the documents naming any of these keys (None: no dated one)."""
        found = []
        for k in keys:
            row = self.db.execute("SELECT MIN(date), MAX(date) FROM named WHERE key = ?", (k,)).fetchone()
            if row[0] is not None:
                found += row
        return (min(found), max(found)) if found else None

    # ---------------------------------------------------------------- per-key sums

    def aggregates(self) -> dict[str, Aggregate]:
        """The per-key sums of every key that has a mention."""
        return {k: Aggregate.from_json(json.loads(d)) for k, d in self.db.execute("SELECT key, data FROM aggs")}

    def put_aggregates(self, aggs: Mapping[str, Aggregate | None]) -> None:
        """Replace the sums of these keys (an empty or None sum deletes the key's row)."""
        self.db.executemany("DELETE FROM aggs WHERE key = ?", [(k,) for k, a in aggs.items() if not a])
        self.db.executemany("INSERT OR REPLACE INTO aggs VALUES (?, ?)", [
            (k, json.dumps(a.to_json(), ensure_ascii=False, separators=(",", ":"))) for k, a in aggs.items() if a])

    def aggregates_of(self, keys: Iterable[str]) -> dict[str, Aggregate]:
        """The per-key sums of these keys (those that have a mention)."""
        return {k: Aggregate.from_json(json.loads(d))
                for k, d in self._select("SELECT key, data FROM aggs WHERE key IN ({})", list(keys))}

    def is_key(self, keys: Iterable[str]) -> set[str]:
        """Those of these keys that have a mention."""
        return {k for (k,) in self._select("SELECT key FROM aggs WHERE key IN ({})", list(keys))}

    def put_features(self, features: Mapping[str, tuple[set[str], set[str]] | None]) -> None:
        """Replace what may join these keys to others (link.features; None: the key has gone)."""
        keys = [(k,) for k in features]
        self.db.executemany("DELETE FROM surf WHERE key = ?", keys)
        self.db.executemany("DELETE FROM stem WHERE key = ?", keys)
        self.db.executemany("INSERT INTO surf VALUES (?, ?)", [(n, k) for k, f in features.items() if f for n in f[0]])
        self.db.executemany("INSERT INTO stem VALUES (?, ?)", [(n, k) for k, f in features.items() if f for n in f[1]])

    def read_under(self, norms: Iterable[str]) -> list[tuple[str, str]]:
        """(folded surface, key) of the keys read under these folded surfaces."""
        return self._select("SELECT norm, key FROM surf WHERE norm IN ({})", list(norms))

    def features_of(self, keys: Iterable[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(key, folded surface) and (key, short name) rows of these keys."""
        keys = list(keys)
        return (self._select("SELECT key, norm FROM surf WHERE key IN ({})", keys),
                self._select("SELECT key, stem FROM stem WHERE key IN ({})", keys))

    def with_stems(self, stems: Iterable[str]) -> list[tuple[str, str]]:
        """(short name, key) of the organisations with these short names."""
        return self._select("SELECT stem, key FROM stem WHERE stem IN ({})", list(stems))

    # ---------------------------------------------------------------- entities

    def put_entities(self, rows: Iterable[tuple[str, str, Entity]], keys: Iterable[str] = ()) -> None:
        """(key, root, entity of its group) rows, after deleting the rows of `keys`."""
        self.db.executemany("DELETE FROM ents WHERE key = ?", [(k,) for k in keys])
        self.db.executemany("INSERT OR REPLACE INTO ents VALUES (?, ?, ?, ?, ?)",
                            [(k, r, e.name, e.type, e.broader) for k, r, e in rows])

    def clear_entities(self) -> None:
        self.db.execute("DELETE FROM ents")

    def entities_of(self, keys: Iterable[str]) -> dict[str, tuple[str, str, str]]:
        """Key -> (root, name, type) of these keys' groups."""
        return {k: (r, n, t) for k, r, n, t in
                self._select("SELECT key, root, name, type FROM ents WHERE key IN ({})", list(keys))}

    def named(self, names: Iterable[str]) -> list[tuple[str, str, str, str]]:
        """(key, root, name, type) of the keys whose group has one of these names."""
        return self._select("SELECT key, root, name, type FROM ents WHERE name IN ({})", list(names))

    def count_names(self) -> int:
        """Names of entities (the wider trends of none of them aside)."""
        return self.db.execute("SELECT COUNT(DISTINCT name) FROM ents").fetchone()[0]

    def count_facts(self) -> int:
        """Facts (s, p, o) with kept evidence."""
        return self.db.execute("SELECT COUNT(*) FROM (SELECT DISTINCT s, p, o FROM evidence)").fetchone()[0]

    def broaders(self) -> list[str]:
        """The wider trends of every entity."""
        return [b for (b,) in self.db.execute("SELECT DISTINCT broader FROM ents WHERE broader != ''")]

    # ---------------------------------------------------------------- evidence

    def put_evidence(self, evidence: Iterable[Evidence]) -> None:
        """Kept evidence (one per fact and sentence); an investment keeps the fact as stated and its
        sentence (its funding round is made from them)."""
        self.db.executemany("INSERT OR REPLACE INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
            (e.fact.subject, e.fact.predicate, e.fact.object, e.sentence.doc_id, e.sentence.index, e.fact.confidence,
             e.fact.date.value if e.fact.date and e.fact.date.value else None,
             json.dumps({"fact": asdict(e.fact), "text": e.sentence.text}, ensure_ascii=False, sort_keys=True)
             if e.fact.predicate == "investedIn" else None)
            for e in evidence])

    def evidence_of_documents(self, doc_ids: Iterable[str]) -> list[tuple]:
        """(s, p, o, doc, index) rows of these documents."""
        return self._select("SELECT s, p, o, doc, idx FROM evidence WHERE doc IN ({})", list(doc_ids))

    def drop_evidence(self, doc_ids: Iterable[str]) -> None:
        """The evidence rows of these documents."""
        self._select("DELETE FROM evidence WHERE doc IN ({})", list(doc_ids))

    def support(self, triples: Iterable[Triple]) -> Support:
        """Of each fact: the sentences stating it, its best confidence, the dates of its documents and
        the dates its sentences give."""
        out = Support()
        for t in set(triples):
            for doc, idx, c, event, date in self.db.execute(
                    "SELECT e.doc, e.idx, e.conf, e.event, d.date FROM evidence e LEFT JOIN docs d ON d.id = e.doc "
                    "WHERE e.s = ? AND e.p = ? AND e.o = ?", t):
                out.sentences[t].add((doc, idx))
                out.confidence[t] = max(out.confidence[t], c)
                if date:
                    out.said[t].add(date)
                if event:
                    out.happened[t].add(event)
        return out

    def investments(self, investees: Iterable[str]) -> list[Evidence]:
        """The investedIn evidence into these companies (for their funding rounds), in the order of the
        graph's evidence (fact, then document and sentence)."""
        rows = self._select("SELECT s, o, doc, idx, fact FROM evidence WHERE p = 'investedIn' AND o IN ({})",
                            list(investees))
        return [evidence_of_row(doc, idx, fact) for _, _, doc, idx, fact in sorted(rows, key=lambda r: r[:4])]

    def developers(self, models: Iterable[str]) -> list[tuple[str, str, str, int]]:
        """(model, developer, document, sentence) of every developedBy evidence of these models."""
        return self._select("SELECT s, o, doc, idx FROM evidence WHERE p = 'developedBy' AND s IN ({})", list(models))

    def developed_by(self, makers: Iterable[str]) -> set[str]:
        """The models (subjects of developedBy) any of these developed."""
        return {s for (s,) in self._select("SELECT s FROM evidence WHERE p = 'developedBy' AND o IN ({})", list(makers))}

    def acquisitions(self, names: Iterable[str]) -> set[tuple[str, str]]:
        """(acquirer, acquired) of the acquired facts between any two of these."""
        names = set(names)
        rows = self._select("SELECT s, o FROM evidence WHERE p = 'acquired' AND s IN ({})", list(names))
        return {(s, o) for s, o in rows if o in names}

    def _select(self, sql: str, values: list) -> list[tuple]:
        out: list[tuple] = []
        for i in range(0, len(values), 900):  # SQLite's limit on bound values
            chunk = values[i:i + 900]
            out += self.db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
        return out


def evidence_of_row(doc: str, idx: int, fact: str) -> Evidence:
    """An Evidence record from an investedIn row: the fact as stated, the sentence by document, index
    and text."""
    data = json.loads(fact)
    f = data["fact"]
    for k in ("amount", "valuation", "date"):
        f[k] = Quantity(**f[k]) if f[k] else None
    return Evidence(Fact(**f), Sentence(doc, idx, data["text"], ()))


def document_rows(readings: Sequence[Reading], threshold: float, lexicon: Lexicon) -> tuple[list[Row], set[str]]:
    """A document's mention rows and the keys it uses (those of its mentions and of its facts)."""
    rows = list(mention_rows(readings, lexicon))
    return rows, {r[0] for r in rows} | fact_keys(readings, threshold, lexicon)


def write_index(path: Path, entries: Sequence, evidence: Iterable[Evidence], threshold: float,
                lexicon: Lexicon) -> None:
    """A new index of these cache entries (cache.Entry) and the graph's kept evidence."""
    index = Index(path, create=True)
    try:
        index.fill(((e.document, e.key, *document_rows(e.readings, threshold, lexicon)) for e in entries), lexicon)
        index.put_evidence(evidence)
    except BaseException:
        index.close(commit=False)
        raise
    index.close()
