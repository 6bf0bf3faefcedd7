"""The package's architecture holds: data flows one way through the subpackages, and no import loops."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from aigraph.graph.cache import EXTRACTOR

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "aigraph"

# From the top down: a module may import from its own layer and the layers below it, never from above.
# Subpackages in one layer are siblings: neither imports the other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("aigraph.cli",),
    ("aigraph.commands",),
    ("aigraph.quick",),
    ("aigraph",),
    ("aigraph.api",),
    ("aigraph.pipeline", "aigraph.serve"),
    ("aigraph.scale", "aigraph.views"),
    ("aigraph.query",),
    ("aigraph.graph",),
    ("aigraph.extraction",),
    ("aigraph.ingest",),
    ("aigraph.model", "aigraph.errors", "aigraph.vocab", "aigraph.folding", "aigraph.atomic", "aigraph.progress"),
)


def modules() -> dict[str, Path]:
    out = {}
    for f in sorted(PACKAGE.rglob("*.py")):
        parts = f.relative_to(PACKAGE.parent).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = f
    return out


def imports(name: str, path: Path) -> set[str]:
    """Every aigraph module `name` imports, at the top or inside functions."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    known = modules()
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "aigraph"}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            if base.split(".")[0] != "aigraph":
                continue
            for a in node.names:  # `from aigraph.graph import cache` imports the module aigraph.graph.cache
                found.add(f"{base}.{a.name}" if f"{base}.{a.name}" in known else base)
    return {m for m in found if m != name}


def layer_of(module: str) -> tuple[int, str]:
    best = None
    for i, layer in enumerate(LAYERS):
        for part in layer:
            inside = module == part or (part != "aigraph" and module.startswith(part + "."))
            if inside and (best is None or len(part) > len(best[1])):
                best = (i, part)
    assert best is not None, f"{module} belongs to no layer: add it to LAYERS"
    return best


GRAPH = {name: imports(name, path) for name, path in modules().items()}


def wrong_way(module: str, targets: set[str]) -> list[str]:
    """The imports of `module` that reach a higher layer or a sibling subpackage."""
    here, part = layer_of(module)
    out = []
    for target in sorted(targets):
        there, other = layer_of(target)
        if there < here:
            out.append(f"{module} (layer {part}) imports {target}, which is above it ({other})")
        elif there == here and other != part and here != len(LAYERS) - 1:
            out.append(f"{module} imports its sibling {target}: siblings stay apart")
    return out


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_import_reaches_up_or_sideways(module):
    assert wrong_way(module, GRAPH[module]) == []


def test_no_import_loops():
    index, low, stack, on_stack, loops = {}, {}, [], set(), []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH.get(v, ()):
            if w not in GRAPH:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                loops.append(sorted(part))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    assert loops == []


def test_the_checks_see_violations():
    assert "aigraph.graph.store" in GRAPH["aigraph.graph.exports"]  # imports are read, lazy ones too
    assert "aigraph.views.netgraph" in GRAPH["aigraph.views.stages"]
    assert wrong_way("aigraph.graph.exports", {"aigraph.views.netgraph"})  # up
    assert wrong_way("aigraph.views.html", {"aigraph.scale.push"})  # sideways
    assert not wrong_way("aigraph.views.html", {"aigraph.query.lookup", "aigraph.model"})


def test_the_cache_fingerprint_covers_everything_the_extractor_imports():
    """A change to any module the extractor runs must make cached extractions stale."""
    todo, seen = ["aigraph.extraction.nlp"], set()
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo.extend(GRAPH.get(m, ()))
    for m in sorted(seen):
        rel = modules()[m].relative_to(PACKAGE).as_posix()
        assert any(rel == part or rel.startswith(part + "/") for part in EXTRACTOR), f"{rel} is not in cache.EXTRACTOR"
