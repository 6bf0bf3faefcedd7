"""An update groups again only the keys its documents may join: the same entity tables as grouping every key."""

from __future__ import annotations

import random

import pytest

from aigraph.extraction.lexicon import default_lexicon
from aigraph.graph.index import Index
from aigraph.graph.link import SCORE_UNIT, key_of
from aigraph.model import Document
from aigraph.pipeline import delta

# invented spellings that group and ungroup one another: a short name and its descriptors, one name
# read under another's surface, case variants, a trend and its wider trend (named on its own or not),
# and names the lexicon knows
NAMES = ["Veltrix", "Veltrix AI", "VELTRIX AI", "Veltrix Labs", "Veltrix科技", "Quorra", "Quorra Robotics",
         "Quorra-1", "Zentap", "Zentap Chat", "RLHF", "强化学习", "OpenAI", "深度求索", "月之暗面", "Kimi"]
TYPES = ["Company", "Product", "Model", "Investor", "Trend"]


def _rows(rng: random.Random, lexicon, n: int) -> list[tuple]:
    out = []
    for _ in range(n):
        name = rng.choice(NAMES)
        surface = rng.choice([name, name, rng.choice(NAMES), name.lower()])
        out.append((key_of(name, lexicon), name, rng.choice(TYPES), rng.choice([5, 7, 9]) * SCORE_UNIT // 10, surface))
    return out


def _index(path, docs: dict[str, list[tuple]], lexicon) -> Index:
    index = Index(path, create=True)
    index.fill(((Document(d, d, "x", f"{i:064x}"), f"{i:016x}", rows, {r[0] for r in rows})
                for i, (d, rows) in enumerate(sorted(docs.items()))), lexicon)
    return index


def _same(local, full, keys: set[str]) -> None:
    for a, b in ((local.old, full.old), (local.new, full.new)):
        assert {k: a.canonical.get(k) for k in keys} == {k: b.canonical.get(k) for k in keys}
        for name, entity in b.by_name.items():
            got = a.by_name.get(name)
            if name in a.by_name.known or entity.aliases == frozenset():
                assert got == entity, name
            else:  # read from the index: what resolving needs
                assert (got.name, got.type) == (entity.name, entity.type), name
        assert all(n in b.by_name for n in a.by_name.known)
    assert (local.dated, local.rerun, local.retyped) == (full.dated, full.rerun, full.retyped)
    for inv_a, inv_b in zip(local.keys, full.keys):
        assert {n: sorted(ks) for n, ks in inv_a.items() if ks} == {n: sorted(ks) for n, ks in inv_b.items() if ks}


@pytest.mark.parametrize("seed", range(40))
def test_grouping_the_touched_keys_again_gives_the_tables_of_grouping_every_key(tmp_path, seed):
    lexicon = default_lexicon()
    rng = random.Random(seed)
    docs = {f"d{i}": _rows(rng, lexicon, rng.randint(1, 6)) for i in range(rng.randint(2, 8))}
    gone = rng.sample(sorted(docs), rng.randint(0, 2))
    added = [_rows(rng, lexicon, rng.randint(1, 6)) for _ in range(rng.randint(0 if gone else 1, 2))]
    index = _index(tmp_path / "i.sqlite", docs, lexicon)
    try:
        full = delta._tables(index, gone, added, lexicon, local=False)
        local = delta._tables(index, gone, added, lexicon)
        assert local.entities[1] is not None or full.entities == local.entities  # the local path, or its fallback
        keys = set(index.aggregates()) | {r[0] for rows in added for r in rows}
        if local.entities[1] is not None:
            _same(local, full, keys)
            # the index's entity rows after the update are those of grouping every key
            index.put_entities(local.entities[0], local.entities[1])
            rows = set(index.db.execute("SELECT * FROM ents"))
            index.clear_entities()
            index.put_entities(full.entities[0])
            assert rows == set(index.db.execute("SELECT * FROM ents"))
    finally:
        index.close(commit=False)
