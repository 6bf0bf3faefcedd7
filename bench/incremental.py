"""Time a full build against the incremental path on the seeds: build all five, build four then add
the fifth, remove it again, and validate; check that the incremental graph equals the full one.

    .venv/bin/python bench/incremental.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(label: str, fn):
    t0 = time.perf_counter()
    result = fn()
    print(f"{label:42s} {time.perf_counter() - t0:6.2f} s")
    return result


def main() -> None:
    from aigraph.graph.store import open_store
    from aigraph.graph.validate import validate_store
    from aigraph.pipeline.build import build
    from aigraph.pipeline.commit import FILES, export
    from aigraph.pipeline.update import add, remove

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    tmp = Path(tempfile.mkdtemp(prefix="aigraph-incremental-"))
    build(seeds[:1], tmp / "warm-up", validate=False)  # loads spaCy, the lexicon and pyshacl's imports once
    timed("build 5 seeds (validated)", lambda: build(seeds, tmp / "full"))
    timed("build 5 seeds (--no-validate)", lambda: build(seeds, tmp / "novalidate", validate=False))
    timed("build 4 seeds", lambda: build(seeds[:-1], tmp / "inc"))
    timed(f"add {seeds[-1].name}", lambda: add([seeds[-1]], tmp / "inc"))
    timed("export (rewrite the stale export files)", lambda: export(tmp / "inc"))
    same = all((tmp / "full" / f).read_bytes() == (tmp / "inc" / f).read_bytes() for f in FILES)
    print(f"{'incremental exports byte-identical to full':42s} {same}")
    timed("add the same file again (no change)", lambda: add([seeds[-1]], tmp / "inc"))
    timed(f"remove {seeds[-1].name}", lambda: remove([seeds[-1].name], tmp / "inc"))
    n = timed("validate the 5-seed store (pyshacl)", lambda: len(validate_store(open_store(tmp / "full"))))
    print(f"{'violations':42s} {n}")


if __name__ == "__main__":
    main()
