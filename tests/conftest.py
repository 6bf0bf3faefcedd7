"""Shared fixtures: the real pipeline, real seed sentences, a graph built from one seed file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
# the smallest seed report that names DeepSeek and its models
SEED_003 = SEEDS / "003_066453869a5c638a.txt"

# speed is measured by bench/, not by tests: a loaded machine must not fail a property test on its clock
settings.register_profile("aigraph", deadline=None)
settings.load_profile("aigraph")


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, built once."""
    from aigraph.extraction.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def extract_text(nlp):
    """Run the pipeline on sentences given as plain strings (one document)."""
    from aigraph.extraction.nlp import extract
    from aigraph.model import Sentence

    def run(*texts: str, doc: str = "test.txt", date: str | None = None):
        sents = [Sentence(doc, i, t, ((0, len(t)),), date) for i, t in enumerate(texts)]
        return extract(nlp, sents)

    return run


@pytest.fixture(scope="session")
def session_graph(tmp_path_factory) -> Path:
    """A graph built by the real pipeline from one seed file (shared by read-only tests)."""
    from aigraph.pipeline.build import build

    out = tmp_path_factory.mktemp("graph")
    build([SEED_003], out)
    return out


@pytest.fixture
def built_graph(tmp_path, session_graph) -> Path:
    """A private copy of the one-seed graph that a test may change."""
    out = tmp_path / "graph"
    shutil.copytree(session_graph, out)
    return out
