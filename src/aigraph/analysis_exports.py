"""What a build leaves beside the graph for people: the analysis files and the README pictures."""

from __future__ import annotations

from pathlib import Path


def write_analysis_exports(out: Path, top: int = 10) -> list[Path]:
    """Analyse the graph in `out` and write analysis.json, its CSV tables and the two SVG pictures."""
    from .analyse import analyse, write_analysis
    from .netgraph import to_networkx
    from .pictures import write_pictures
    from .store import open_store

    g = to_networkx(open_store(out))
    result = analyse(g, top=top)
    return write_analysis(g, result, out) + write_pictures(g, result.metrics, out)
