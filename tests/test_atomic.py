"""Nothing lost: the graph folder is replaced as one set; killed builds and second writers leave it intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat, Store, parse

from aigraph import atomic
from aigraph.atomic import atomic_write, staged_dir, writer_lock
from aigraph.pipeline.build import build

from .conftest import SEED_003, SEEDS

FILES = ("aigraph.ttl", "aigraph.nq", "aigraph.html")
EXTRA = SEEDS / "004_9e19a4abbeca4b08.txt"


def _snapshot(out: Path) -> dict[str, bytes]:
    return {f: (out / f).read_bytes() for f in FILES}


def _store_matches_exports(out: Path) -> None:
    """The store opens and holds exactly the quads of the N-Quads export (plus the ontology)."""
    store = Store.read_only(str(out / "store"))
    exported = set(parse((out / "aigraph.nq").read_bytes(), format=RdfFormat.N_QUADS))
    stored = {q for q in store if q.graph_name != NamedNode("https://aigraph.dev/ontology")}
    # (compared without literal values: the store writes decimals in canonical form)
    assert len(stored) == len(exported)
    assert {(q.subject, q.predicate, q.graph_name) for q in stored} == \
        {(q.subject, q.predicate, q.graph_name) for q in exported}


def test_staged_copy_replaces_the_folder_as_a_whole_and_keeps_what_was_not_rewritten(tmp_path):
    out = tmp_path / "g"
    (out / "store").mkdir(parents=True)
    (out / "store" / "CURRENT").write_text("old store")
    (out / "aigraph.ttl").write_text("old")
    (out / "notes.md").write_text("mine")
    (out / "cache").mkdir()
    (out / "cache" / "a.json.gz").write_text("kept")
    with staged_dir(out) as stage:
        assert stage.parent == out.parent
        assert not (stage / "store").exists()  # the store is always written anew
        assert (stage / "cache" / "a.json.gz").read_text() == "kept"
        with atomic_write(stage / "aigraph.ttl") as fh:
            fh.write("new")
        (stage / "store").mkdir()
        assert (out / "aigraph.ttl").read_text() == "old"  # readers still see the old set
    assert (out / "aigraph.ttl").read_text() == "new"
    assert not (out / "store" / "CURRENT").exists()
    assert (out / "notes.md").read_text() == "mine" and (out / "cache" / "a.json.gz").read_text() == "kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".g.lock", "g"]


def test_a_failed_write_leaves_the_old_folder_as_it_was(tmp_path):
    out = tmp_path / "g"
    out.mkdir()
    (out / "aigraph.ttl").write_text("old")
    with pytest.raises(RuntimeError), staged_dir(out) as stage:
        (stage / "aigraph.ttl").unlink()
        (stage / "aigraph.ttl").write_text("half")
        raise RuntimeError("disk full")
    assert (out / "aigraph.ttl").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".g.lock", "g"]


def test_without_rename_exchange_the_two_rename_fallback_recovers(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    out = tmp_path / "g"
    out.mkdir()
    (out / "f").write_text("old")
    with staged_dir(out) as stage:
        with atomic_write(stage / "f") as fh:
            fh.write("new")
    assert (out / "f").read_text() == "new"
    # a writer killed between its two renames left the old folder aside and none in place
    os.rename(out, tmp_path / ".g.old")
    with staged_dir(out) as stage:
        assert (out / "f").read_text() == "new"  # put back before anything else happens
        (stage / "g").write_text("newer")
    assert (out / "f").read_text() == "new" and (out / "g").read_text() == "newer"


def test_a_second_writer_gets_a_clear_error(tmp_path):
    out = tmp_path / "g"
    with writer_lock(out):
        with writer_lock(out):  # the same process may nest
            pass
        r = subprocess.run([sys.executable, "-m", "aigraph.cli", "build", str(SEED_003), "--out", str(out), "-q"],
                           capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    # the README promises the message names the writer
    assert r.stderr.strip() == (f"Error: Another aigraph process (pid {os.getpid()}) is writing the graph in "
                                f"{out.resolve()}/; wait for it to finish, then try again.")
    assert not out.exists()


def _stage(out: Path) -> Path | None:
    found = list(out.parent.glob(f".{out.name}.staging-*"))
    return found[0] if found else None


# moments to kill a build at, each a test on the folder, polled while the build runs
KILL_POINTS = {
    "while starting": lambda out, t: t > 0.3,
    "staged folder made": lambda out, t: _stage(out) is not None,
    "store staged": lambda out, t: (s := _stage(out)) is not None and (s / "store" / "CURRENT").exists(),
    "n-quads staged": lambda out, t: (s := _stage(out)) is not None and (s / "aigraph.nq").exists(),
    "all staged": lambda out, t: (s := _stage(out)) is not None and (s / "aigraph.html").exists(),
}


def test_killing_a_build_at_any_point_leaves_the_previous_graph_intact(tmp_path):
    out, ref = tmp_path / "g", tmp_path / "ref"
    build([SEED_003], out)
    before = _snapshot(out)
    build([SEED_003, EXTRA], ref)
    after = _snapshot(ref)
    assert before != after
    cmd = [sys.executable, "-m", "aigraph.cli", "build", str(SEED_003), str(EXTRA), "--out", str(out), "-q"]
    hit = []
    for name, ready in KILL_POINTS.items():
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t0 = time.monotonic()
        while proc.poll() is None and not ready(out, time.monotonic() - t0):
            time.sleep(0.002)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            hit.append(name)
        proc.wait()
        now = _snapshot(out)
        assert now in (before, after), name
        if proc.returncode == -signal.SIGKILL:
            assert now == before, f"killed at '{name}', yet the folder changed"
        _store_matches_exports(out)
    assert hit[:4] == list(KILL_POINTS)[:4]  # the build was really caught at these moments
    # the next build cleans up what the killed ones left, and completes
    r = subprocess.run(cmd, capture_output=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert _snapshot(out) == after
    _store_matches_exports(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".g.lock", ".ref.lock", "g", "ref"]
