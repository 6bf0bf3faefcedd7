"""The company a paragraph is about, carried from sentence to sentence, and the phrases that point back to it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aigraph.extraction.clauses import Ent, Parse, opener_only
from aigraph.extraction.words import alt

LIFETIME = 5
"""Sentences a topic lives on without being named again (a paragraph, roughly)."""
TYPES = frozenset({"Company", "Investor"})
"""What a topic may be: the organisations 该公司 and the company point back to."""

_ZH = re.compile(alt("anaphora.zh_company"))
# "其" points back when a role, a product or a round follows it ("其CEO", "其最新模型", "其B轮融资")
_ITS = re.compile(r"其(?=(?:的)?\s?(?:联合创始人|创始人|CEO|首席执行官|CTO|首席\w{1,4}官|总裁|董事长|(?:最新|新一代|首款|旗舰|核心|主力)?"
                  r"(?:产品|模型|大模型|芯片|平台|应用)|(?:新一轮|最新一轮|本轮|[A-H]\+?\s?轮|天使轮|种子轮)?融资))")
_EN = re.compile(rf"(?:^|(?<=[,;]\s)|(?<=\band\s))(?:{alt('anaphora.en_company')})\b(?=\s(?:has\s|have\s|had\s|also\s|"
                 r"will\s|is\s|was\s|said\s|says\s|recently\s|just\s|now\s)?\w+(?:ed|s)\b)", re.I)


@dataclass(frozen=True)
class Topic:
    """The company the current paragraph is about."""

    name: str
    """Its canonical name."""
    type: str
    """Its entity type."""
    sentence: str
    """The sentence that last named it."""
    age: int = 0
    """Sentences read since."""


def anaphors(text: str, ents: list[Ent], topic: Topic | None) -> list[Ent]:
    """Entities for the phrases of a sentence that point back to the paragraph's topic (flagged
    `anaphor`), where no company is named before them in the sentence (the clause constructions read
    that one). A bare "公司" counts only where it opens a clause (not in 子公司, 上市公司)."""
    out = []
    taken = [(e.start, e.end) for e in ents]
    for m in [*_ZH.finditer(text), *_ITS.finditer(text), *_EN.finditer(text)]:
        a, b = m.start(), m.end()
        if any(x < b and a < y for x, y in taken):
            continue
        word = m.group()
        if word == "公司" and not opener_only(_clause_head(text, a)):
            continue
        if any(e.end <= a and e.type in TYPES for e in ents):
            continue  # a company named before it in the sentence: the clause constructions read that one
        if topic is not None:
            out.append(Ent(a, b, topic.type, topic.name, anaphor=True))
            taken.append((a, b))
    return out


def _clause_head(text: str, at: int) -> str:
    """The text of the clause holding `at`, up to `at`."""
    start = max(text.rfind(p, 0, at) for p in "，,；;：:。！？!?") + 1
    return text[start:at]


def next_topic(s: Parse, topic: Topic | None, funded: int | None = None, used: bool = False) -> Topic | None:
    """The topic after a sentence: the first company it makes a clause's subject (or the company a
    round it states funds), else the topic before it, a sentence older (and gone after `LIFETIME`)
    unless the sentence spoke of it (`used`)."""
    candidates = [funded] if funded is not None and funded >= 0 else []
    candidates += [c.subject for c in s.clauses if c.subject is not None]
    for k in candidates:
        e = s.ents[k]
        if e.type in TYPES and not e.anaphor:
            return Topic(e.name, e.type, s.text)
    if topic is None:
        return None
    if any(e.name == topic.name and not e.anaphor for e in s.ents):
        return Topic(topic.name, topic.type, s.text)
    if used:
        return Topic(topic.name, topic.type, topic.sentence)
    if topic.age + 1 >= LIFETIME:
        return None
    return Topic(topic.name, topic.type, topic.sentence, topic.age + 1)
