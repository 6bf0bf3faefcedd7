"""The curator's tools: the lexicon report stays clean; the candidate lister finds what the lexicon lacks."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from aigraph.extraction.lexicon import default_lexicon

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_lexicon_report_is_clean(capsys):
    _tool("lexicon_report").main([])
    out = capsys.readouterr().out
    assert not [line for line in out.splitlines() if line.startswith("!!")]
    developers = out.split("== developer fields that name no company (by its name or a strong alias)\n")[1].split("== counts")[0]
    assert developers == ""


def test_no_bare_number_names_a_chip_model_or_product():
    for e in default_lexicon().entries:
        for a in (e.name, *e.aliases, *e.weak_aliases):
            if re.fullmatch(r"[\d. ]+", a):
                assert e.type == "Company" and a in e.weak_aliases, f"{e.name}: {a!r}"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "news").mkdir(parents=True)
    body = "初创公司Zentravox完成了新一轮融资，创始人Kalina Brezova表示，英伟达和OpenAI都是客户。\n"
    (root / "news" / "a.md").write_text("# 一\n" + body, "utf-8")
    (root / "news" / "b.md").write_text("# 二\n" + body + "Zentravox的产品用户过万。\n", "utf-8")
    (root / "news" / "held_out.md").write_text("# 三\n初创公司Quorvane完成融资。\n" * 2, "utf-8")
    return root


def test_candidates_lists_unknown_names_and_leaves_out_known_and_excluded(corpus, tmp_path):
    exclude = tmp_path / "held_out.txt"
    exclude.write_text("news/held_out.md\n", "utf-8")
    out = tmp_path / "cand"
    assert _tool("lexicon_candidates").main([str(corpus), "--exclude", str(exclude), "--outdir", str(out)]) == 0
    latin = (out / "latin.tsv").read_text("utf-8")
    rows = {line.split("\t")[2]: line.split("\t") for line in latin.splitlines()[1:]}
    assert rows["Zentravox"][0] == "2" and int(rows["Zentravox"][1]) >= 3  # two articles, three times
    assert "OpenAI" not in rows  # the lexicon knows it
    assert "Quorvane" not in latin  # an excluded article is not read
    assert {p.name for p in out.iterdir()} == {"latin.tsv", "dot.tsv", "cue.tsv", "pos.tsv"}


def test_candidates_refuses_a_missing_corpus(tmp_path, capsys):
    assert _tool("lexicon_candidates").main([str(tmp_path / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err
