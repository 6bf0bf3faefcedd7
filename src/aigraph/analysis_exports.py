"""What a build leaves beside the graph for people: the analysis files and the README pictures."""

from __future__ import annotations

from pathlib import Path


def write_analysis_exports(out: Path, top: int = 10, page: Path | None = None) -> list[Path]:
    """Analyse the graph in `out` and write analysis.json, its CSV tables and the two SVG pictures; with
    `page`, the HTML view of the whole graph too (the graph is read and ranked once for both)."""
    from .netgraph import to_networkx
    from .store import open_store
    from .views import WHOLE_TITLE, write_view

    g = to_networkx(open_store(out), evidence=page is not None)
    result, files = analyse_into(g, out, top)
    if page is not None:
        write_view(g, page, WHOLE_TITLE, result.metrics)
        files.append(page)
    return files


def analyse_into(g, out: Path, top: int = 10, progress=None):
    """Analyse a graph from `netgraph.to_networkx` and write the files into `out`: (analysis, files).
    `progress(stage, done, total)` as in `analyse.analyse`."""
    from .analyse import analyse, write_analysis
    from .pictures import write_pictures

    result = analyse(g, top=top, progress=progress)
    return result, write_analysis(g, result, out) + write_pictures(g, result.metrics, out)
