"""The spaCy pipeline on real seed sentences: entities with exact surfaces, and facts."""

from __future__ import annotations

import json

from click.testing import CliRunner

from aigraph.cli import cli


def _ents(analysis):
    return {(m.surface, m.type) for m in analysis.mentions}


def _facts(analysis):
    return {(f.subject, f.predicate, f.object) for f in analysis.facts if f.confidence >= 0.5}


def test_lexicon_entities_keep_the_surface_and_link_the_canonical_name(extract_text):
    [a] = extract_text("虽然有分析人士认为，Sonnet 3.5不过是Anthropic公司的一次常规升级，但6月20日的发布依然引发了开发者社区的热议。")
    assert ("Sonnet 3.5", "Model") in _ents(a)
    assert ("Anthropic", "Company") in _ents(a)
    assert {m.surface: m.name for m in a.mentions}["Sonnet 3.5"] == "Claude 3.5 Sonnet"


def test_latin_names_match_on_token_boundaries(extract_text):
    [a] = extract_text("Metaverse的热度已经过去，Meta把重心转向了AI。")
    metas = [m for m in a.mentions if m.name == "Meta"]
    assert [(m.start, m.surface) for m in metas] == [(a.sentence.text.index("，Meta") + 1, "Meta")]


def test_developed_by_from_org_verb_model(extract_text):
    [a] = extract_text("作为Anthropic推出的最新编程模型，Claude 3.5 Sonnet能够独立完成多文件的代码修改。")
    assert ("Claude 3.5 Sonnet", "developedBy", "Anthropic") in _facts(a)


def test_investment_led_by_investor(extract_text):
    [a] = extract_text("2024年11月，Lumen Robotics完成了由红杉资本领投的1800万美金天使轮融资。", date="2025-02-08")
    [f] = [f for f in a.facts if f.predicate == "investedIn"]
    assert (f.subject, f.object) == ("Sequoia Capital", "Lumen Robotics")
    assert (f.amount.value, f.amount.unit) == ("18000000", "USD")
    assert f.date.value == "2024-11"


def test_leader_and_founder(extract_text):
    [a, b] = extract_text(
        "2024台北电脑展上，AMD董事长苏姿丰提出了这样一个判断。",
        "例如DeepMind联合创始人穆斯塔法·苏莱曼在2022年3月创立的Inflection AI，2023年5月推出了首款AI聊天助手Pi。",
    )
    assert ("苏姿丰", "Person") in _ents(a)
    assert ("Lisa Su", "leads", "AMD") in _facts(a)
    assert ("Mustafa Suleyman", "founderOf", "Google DeepMind") in _facts(b)
    assert ("Pi", "developedBy", "Inflection AI") in _facts(b)


def test_extract_command_writes_one_line_per_input_line(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [{"doc": "d1", "sent": "谷歌发布的Gemini 2.0 Flash-Lite是Gemini 2.0系列的新变体。"},
            {"doc": "d1", "sent": "这句话没有任何实体。"}]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["extract", "--jsonl", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["sent"] for r in lines] == [r["sent"] for r in rows]
    first = lines[0]
    assert {"name": "Google", "type": "Company", "surface": "谷歌"}.items() <= first["entities"][0].items()
    assert {"s": "Gemini 2.0 Flash-Lite", "p": "developedBy", "o": "Google"}.items() <= first["relations"][0].items()
    assert lines[1]["entities"] == [] and lines[1]["relations"] == []


def test_extract_reports_a_bad_line_with_file_and_line(tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_text('{"doc": "a", "sent": "ok"}\n{not json}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--jsonl", str(src), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert "bad.jsonl:2: not JSON" in result.output
    assert not (tmp_path / "o.jsonl").exists()
