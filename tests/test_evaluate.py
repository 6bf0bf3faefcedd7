"""`aigraph eval`: our scorer agrees with the reference score.py, figure for figure."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from aigraph.cli import cli
from aigraph.extraction.evaluate import alias_table, read_jsonl, report, score

from .conftest import ROOT

FIX = ROOT / "tests" / "fixtures"
GOLD = FIX / "gold_sample.jsonl"
ENTS = FIX / "gold_sample_entities.jsonl"


def _reference(gold, system, entities) -> dict:
    out = subprocess.run([sys.executable, str(FIX / "score_reference.py"), str(gold), str(system),
                          "--entities", str(entities), "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_eval_agrees_with_score_py(tmp_path):
    pred = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(cli, ["eval", str(GOLD), "--entities", str(ENTS), "-o", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    ours = json.loads(result.output)
    assert ours == _reference(GOLD, pred, ENTS)
    assert ours["sentences"] == len(read_jsonl(GOLD))


def test_scorer_on_a_perturbed_system_output(tmp_path):
    """Drop, retype and add entities and relations: both scorers see the same errors."""
    rows = read_jsonl(GOLD)
    system = []
    for i, r in enumerate(rows):
        r = json.loads(json.dumps(r))
        if i % 3 == 0 and r["entities"]:
            r["entities"].pop()
        if i % 4 == 0 and r["entities"]:
            r["entities"][0]["type"] = "Product"
        if i % 5 == 0:
            r["relations"].append({"s": "X", "p": "partnerOf", "o": "Y"})
        if i % 2 == 0 and r["relations"]:
            rel = r["relations"][0]
            rel["s"], rel["o"] = rel["o"], rel["s"]
        system.append(r)
    sys_file = tmp_path / "sys.jsonl"
    sys_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in system), encoding="utf-8")
    ours = score(rows, system, alias_table(read_jsonl(ENTS))).as_dict()
    assert ours == _reference(GOLD, sys_file, ENTS)
    assert ours["entities"]["p"] < 1.0 and ours["relations"]["r"] < 1.0


def test_report_is_laid_out_like_score_py(tmp_path):
    ref = subprocess.run([sys.executable, str(FIX / "score_reference.py"), str(GOLD), str(GOLD), "--entities", str(ENTS)],
                         capture_output=True, text=True, check=True).stdout
    ours = report(score(read_jsonl(GOLD), read_jsonl(GOLD), alias_table(read_jsonl(ENTS))).as_dict())
    assert ours + "\n" == ref
