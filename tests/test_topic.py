"""The paragraph's company from sentence to sentence, on invented sentences whose entities are given."""

from __future__ import annotations

import re

from aigraph.extraction import clauses
from aigraph.extraction.clauses import Ent
from aigraph.extraction.topic import next_topic, opening


def _ents(text: str, **names: str) -> list[Ent]:
    return sorted((Ent(m.start(), m.end(), t, n) for n, t in names.items() for m in re.finditer(re.escape(n), text)),
                  key=lambda e: e.start)


def test_a_school_named_in_a_bio_is_not_the_paragraphs_company():
    bio = "东岭大学计算机博士，曾任某研究院资深研究员。"
    assert opening(bio, _ents(bio, 东岭大学="Company")) is None
    news = "东岭大学宣布成立新的研究中心。"
    assert opening(news, _ents(news, 东岭大学="Company")).name == "东岭大学"
    bio2 = "东岭大学本科毕业，后加入星河科技担任工程师。"
    s = clauses.parse(bio2, _ents(bio2, 东岭大学="Company", 星河科技="Company"))
    topic = next_topic(s, None)
    assert topic is None or topic.name != "东岭大学"
