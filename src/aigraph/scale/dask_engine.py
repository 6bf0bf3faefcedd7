"""The same extraction as a Dask job: a local cluster of worker processes, or a remote scheduler."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from aigraph.errors import AigraphError
from aigraph.model import Sentence
from aigraph.scale import reader


def _read_on_worker(unit: list[Sentence], factory: Callable | None):
    """A task: one unit read by this worker process's own spaCy pipeline (built on its first task)."""
    if reader.NLP is None:
        reader.init(factory)
    return reader.read(unit)


def run_units(work: list[list[Sentence]], results: list, done: Callable[[int], None], scheduler: str | None,
              jobs: int, factory: Callable | None) -> None:
    """Fill `results[i]` for every unit, calling done(i) as each finishes. `scheduler` is a Dask
    scheduler address (tcp://host:8786); None or "local" starts a local cluster of `jobs` processes."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise AigraphError("The Dask engine needs dask and distributed: pip install 'aigraph[dask]'.") from exc
    cluster = None
    try:
        if scheduler in (None, "", "local"):
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=30)
    except OSError as exc:
        raise AigraphError(f"Cannot reach the Dask scheduler {scheduler}: {exc}") from exc
    try:
        # biggest units first, so that one long document does not finish alone at the end
        order = sorted(range(len(work)), key=lambda i: -sum(len(s.text) for s in work[i]))
        run = uuid.uuid4().hex[:12]  # task keys unique to this build on a shared scheduler
        futures = {client.submit(_read_on_worker, work[i], factory, pure=False, key=f"aigraph-{run}-{i}"): i
                   for i in order}
        for fut in as_completed(futures):
            i = futures[fut]
            results[i] = fut.result()
            done(i)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
