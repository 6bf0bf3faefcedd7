"""What a build leaves beside the graph for people: the analysis files and the README pictures."""

from __future__ import annotations

from pathlib import Path


def write_analysis_exports(out: Path, top: int = 10) -> list[Path]:
    """Analyse the graph in `out` and write analysis.json, its CSV tables and the two SVG pictures."""
    from .netgraph import to_networkx
    from .store import open_store

    return analyse_into(to_networkx(open_store(out)), out, top)[1]


def analyse_into(g, out: Path, top: int = 10):
    """Analyse a graph from `netgraph.to_networkx` and write the files into `out`: (analysis, files)."""
    from .analyse import analyse, write_analysis
    from .pictures import write_pictures

    result = analyse(g, top=top)
    return result, write_analysis(g, result, out) + write_pictures(g, result.metrics, out)
