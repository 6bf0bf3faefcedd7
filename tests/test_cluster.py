"""The Dask engine: a local cluster and a scheduler with a worker started by the test give the serial
output byte for byte; the graph written as partitioned N-Quads holds every quad once."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, RdfFormat, parse

from aigraph.extraction import nlp as extract
from aigraph.pipeline.build import build

from .conftest import SEED_003, SEEDS

pytest.importorskip("distributed")

SOURCES = [SEEDS / "000_5897dc52d0d30b49.txt", SEED_003]
FILES = ("aigraph.ttl", "aigraph.nq", "aigraph.html")


@pytest.fixture(scope="module")
def small_units():
    """Many work units per document (so that order and reassembly are really exercised)."""
    mp = pytest.MonkeyPatch()
    mp.setattr(extract, "CHUNK_CHARS", 6_000)
    yield
    mp.undo()


@pytest.fixture(scope="module")
def serial(tmp_path_factory, small_units) -> Path:
    out = tmp_path_factory.mktemp("serial")
    build(SOURCES, out)
    return out


def _same(a: Path, b: Path) -> None:
    for f in FILES:
        assert (a / f).read_bytes() == (b / f).read_bytes(), f


def test_local_dask_cluster_gives_the_serial_graph(tmp_path, serial, small_units):
    out = tmp_path / "dask"
    report = build(SOURCES, out, engine="dask", jobs=2, parts=3)
    assert report.skipped == ()
    _same(serial, out)


def test_partitioned_n_quads_hold_every_quad_once_and_each_document_graph_whole(tmp_path):
    out = tmp_path / "g"
    build([SEED_003, SEEDS / "004_9e19a4abbeca4b08.txt"], out, parts=4)
    parts = sorted((out / "nquads").iterdir())
    assert [p.name for p in parts] == [f"part-{i:05d}.nq" for i in range(4)]
    whole = list(parse((out / "aigraph.nq").read_bytes(), format=RdfFormat.N_QUADS))
    pieces = [list(parse(p.read_bytes(), format=RdfFormat.N_QUADS)) for p in parts]
    assert sorted(map(str, (q for piece in pieces for q in piece))) == sorted(map(str, whole))
    homes: dict = {}
    for i, piece in enumerate(pieces):
        for q in piece:
            if not isinstance(q.graph_name, DefaultGraph):
                homes.setdefault(q.graph_name, set()).add(i)
    assert len(homes) == 2 and all(len(h) == 1 for h in homes.values())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_dask_scheduler_and_worker_give_the_serial_graph(tmp_path, serial, small_units):
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                               "--port", str(port), "--no-dashboard"], stderr=subprocess.DEVNULL)]
    try:
        time.sleep(1)
        procs.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address,
                                       "--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
                                      stderr=subprocess.DEVNULL, cwd=Path(__file__).parents[1]))
        from dask.distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        out = tmp_path / "remote"
        build(SOURCES, out, engine="dask", scheduler=address)
        _same(serial, out)
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
