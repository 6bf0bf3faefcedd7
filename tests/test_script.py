"""Traditional script gives the facts the simplified script gives; surfaces stay as written."""

from __future__ import annotations

import pytest

from aigraph.ingest.script import simplified

PAIRS = [
    ("深度求索發布了DeepSeek-R1模型。", "深度求索发布了DeepSeek-R1模型。"),
    ("阿里巴巴旗下的通義千問團隊發布了Qwen2.5模型。", "阿里巴巴旗下的通义千问团队发布了Qwen2.5模型。"),
    ("輝達推出了新一代的H200晶片。", "辉达推出了新一代的H200晶片。"),
]


@pytest.mark.parametrize(("traditional", "simple"), PAIRS)
def test_the_view_is_simplified_and_keeps_every_offset(traditional, simple):
    view = simplified(traditional)
    assert view == simple and len(view) == len(traditional)


def test_simplified_text_and_phrases_stay_as_they_are():
    assert simplified("著名的公司发布了模型") == "著名的公司发布了模型"
    text = "OpenAI released GPT-4o."
    assert simplified(text) is text


@pytest.mark.parametrize(("traditional", "simple"), PAIRS)
def test_traditional_script_gives_the_same_facts(extract_text, traditional, simple):
    [t] = extract_text(traditional)
    [s] = extract_text(simple)
    assert s.facts and [(f.subject, f.predicate, f.object) for f in t.facts] == \
        [(f.subject, f.predicate, f.object) for f in s.facts]
    assert all(traditional[m.start:m.end] == m.surface for m in t.mentions)


def test_only_runs_an_entry_changes_are_converted_and_phrases_of_plain_characters_still_are():
    # 反覆 has no traditional character but OpenCC writes it 反复 in a traditional text; the run
    # beside it, with nothing to change, comes back as it was
    assert simplified("他們反覆討論，然后决定") == "他们反复讨论，然后决定"
    assert simplified("後來，一目瞭然") == "后来，一目了然"
