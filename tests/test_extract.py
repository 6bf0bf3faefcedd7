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
    [a] = extract_text("尽管有业内知情人士透露，ChatGPT 4o仅仅是OpenAI公司的一个后手，但5月13日的发布会绝对称得上是搅动整个AI行业的一个重要时间点。")
    assert ("ChatGPT 4o", "Model") in _ents(a)
    assert ("OpenAI", "Company") in _ents(a)
    assert {m.surface: m.name for m in a.mentions}["ChatGPT 4o"] == "GPT-4o"


def test_latin_names_match_on_token_boundaries(extract_text):
    [a] = extract_text("Metaverse的热度已经过去，Meta把重心转向了AI。")
    metas = [m for m in a.mentions if m.name == "Meta"]
    assert [(m.start, m.surface) for m in metas] == [(a.sentence.text.index("，Meta") + 1, "Meta")]


def test_developed_by_from_org_verb_model(extract_text):
    [a] = extract_text("作为OpenAI推出的全新多模态模型，GPT-4o具备同时接受文本、音频和图像作为输入的能力。")
    assert ("GPT-4o", "developedBy", "OpenAI") in _facts(a)


def test_investment_led_by_investor(extract_text):
    [a] = extract_text("2024年10月，Pantheon AI完成了由a16z领投的2500万美金种子轮融资。", date="2025-02-08")
    [f] = [f for f in a.facts if f.predicate == "investedIn"]
    assert (f.subject, f.object) == ("a16z", "Pantheon AI")
    assert (f.amount.value, f.amount.unit) == ("25000000", "USD")
    assert f.date.value == "2024-10"


def test_leader_and_founder(extract_text):
    [a, b] = extract_text(
        "2024骁龙峰会上，高通总裁安蒙抛出了这样一个观点。",
        "例如特斯拉创始人埃隆·马斯克在2023年7月创立的xAI，2024年3月发布了首款AI聊天机器人Grok-1。",
    )
    assert ("安蒙", "Person") in _ents(a)
    assert ("Cristiano Amon", "leads", "Qualcomm") in _facts(a)
    assert ("Elon Musk", "founderOf", "Tesla") in _facts(b)
    assert ("Grok-1", "developedBy", "xAI") in _facts(b)


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
