"""Relation constructions about people: founders and chiefs, read from chains of titles around names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aigraph.extraction.clauses import Parse
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.words import alt, words

ORGS = frozenset({"Company"})
"""Organisations a person founds or leads (an investor typed so is not one, by the annotation rules)."""
_FOUNDER, _HEAD = frozenset(words("people.founder")), frozenset(words("people.head"))
_TITLE = alt("people.founder", "people.head", "people.other")
_FORMER = alt("people.former")
_ITEM = rf"(?:{_FORMER}\s?)?(?:现任\s?|创始\s?)?{_TITLE}"
_FORMER_BEFORE = re.compile(rf"(?:{_FORMER})\s?$")
_SEP = rf"\s?(?:{alt('people.sep')})\s?"
# "的首席技术官兼联合创始人", "创始人、CEO", "前CEO", "联合创始人之一"
CHAIN = rf"(?:公司)?\s?(?:的)?\s?{_ITEM}(?:{_SEP}{_ITEM})*(?:之一)?"
# "星河公司、董事长兼CEO 李明", "云帆科技及其CEO王强"
# "Fireworks的CEO林乔（Lin Qiao）": the name in the other script is the one recognised
_OTHER_SCRIPT = r"(?:[\u4e00-\u9fff·•]{2,8}\s?[（(]\s?)?"
_ORG_TITLE_PERSON = re.compile(rf"\s?(?:公司)?\s?(?:[、，,]|及其|和其|与其)?\s?{CHAIN}\s?[-—–:：，,]?\s?{_OTHER_SCRIPT}")
_PERSON_IS = re.compile(r"[）)]?\s?(?:[（(][^（()）]{1,30}[）)])?\s?[，,]?\s?(?:他|她)?\s?(?:同时|也|还|曾|曾经|现在|目前|现|如今|则|便)?\s?"
                        r"(?:是|为|担任|出任|任|作为|身为)\s?")
_PAREN = re.compile(r"\s?[（(]\s?$")
_APPOSED = re.compile(r"\s?[，,]\s?(?:作为|身为)?\s?$")
_CLOSE = re.compile(rf"{CHAIN}\s?(?:[）)]|[，,。；;]|$|表示|说|称|认为|指出|透露|介绍)")
_FOUNDED = re.compile(r"\s?(?:等人?)?(?:在[^，,；;。]{0,14}?|于[^，,；;。]{0,14}?)?(?:联合|共同)?(?:创立|创办|创建|成立)(?:了|的)?")
_FOUNDED_BY = re.compile(r"\s?(?:等人?)?(?:[于在][^，,；;。]{1,14}?)?(?:联合|共同)?(?:创立|创办|创建)")


@dataclass(frozen=True)
class Titles:
    """What a chain of titles says about a person and an organisation."""

    founder: bool
    """A founder's title is in it."""
    head: bool
    """A chief's title is in it, and not a former one."""


def titles(chain: str) -> Titles:
    """The founder and chief titles of a chain ("前CEO兼联合创始人": founder, not a chief any more)."""
    founder = head = False
    for m in re.finditer(rf"(?P<former>{_FORMER}\s?)?(?:现任\s?|创始\s?)?(?P<title>{_TITLE})", chain):
        t = m["title"]
        founder = founder or t in _FOUNDER
        head = head or (t in _HEAD and not m["former"])
    return Titles(founder, head)


def _facts(person: int, org: int, chain: str, conf: float, rule: str, former_org: bool = False) -> Found:
    t = titles(chain)
    if t.founder:
        yield Hit("founderOf", person, org, conf, f"{rule}-founder")
    if t.head and not former_org:
        yield Hit("leads", person, org, conf, f"{rule}-chief")


def _former_org(s: Parse, j: int) -> bool:
    """"前OpenAI CEO": a title at a former employer."""
    return bool(_FORMER_BEFORE.search(s.before(j, 3)))


@construction("zh.people.titles")
def people_titles(s: Parse) -> Found:
    """X创始人兼CEO P / X的CEO，P / P是X的联合创始人之一 / P（X联合创始人） / P，X的总裁兼CEO."""
    ents = s.ents
    if not any(e.type == "Person" for e in ents):
        return
    for i, e in enumerate(ents):
        if e.type != "Person":
            continue
        # "Acme的首席技术官兼联合创始人Jane Doe", "云帆科技总裁王强"
        for j in range(i - 1, -1, -1):
            org = ents[j]
            if org.type == "Person":
                break
            if org.type not in ORGS:
                continue
            m = _ORG_TITLE_PERSON.fullmatch(s.text, org.end, e.start)
            if m:
                yield from _facts(i, j, m.group(), 0.85, "org-title-person", _former_org(s, j))
            break
        for j in range(i + 1, min(i + 3, len(ents))):
            org = ents[j]
            if org.type not in ORGS:
                continue
            gap = s.text[e.end:org.start]
            close = _CLOSE.match(s.text, org.end)
            if not close:
                break
            chain = close.group()
            # "Alexandr Wang是Scale AI的创始人兼CEO", "林乔（Lin Qiao）是Fireworks AI的首席执行官"
            if _PERSON_IS.fullmatch(gap):
                # "P曾是X的CEO": a founder still, a chief no more
                yield from _facts(i, j, chain, 0.8, "person-is-title-of", former_org=bool(re.search(r"曾|前", gap)))
            # "Sergey Brin（谷歌联合创始人）"
            elif _PAREN.fullmatch(gap) and chain.rstrip().endswith(("）", ")")):
                yield from _facts(i, j, chain, 0.8, "person-paren-title")
            # "我是王强，云帆科技的总裁兼CEO"
            elif _APPOSED.fullmatch(gap):
                yield from _facts(i, j, chain, 0.75, "person-apposed-title")
            break


@construction("zh.people.founded")
def founded(s: Parse) -> Found:
    """其联合创始人P / P创立的X / P创立了X / 公司由A和B等联合创立."""
    ents = s.ents
    if not any(e.type == "Person" for e in ents):
        return
    for i, e in enumerate(ents):
        if e.type != "Person":
            continue
        # "其联合创始人David Baker", "…是Anthropic，其CEO Dario Amodei"
        its = s.text.rfind("其", max(0, e.start - 24), e.start)
        m = _ORG_TITLE_PERSON.fullmatch(s.text, its + 1, e.start) if its >= 0 else None
        if m:
            # the organisation named last before 其, else the clause's subject
            subj = next((k for k in range(i - 1, -1, -1) if ents[k].end <= its and ents[k].type in ORGS
                         and ents[k].clause >= e.clause - 1 and not ents[k].relative), None)
            if subj is None:
                subj = s.clauses[e.clause].subject
            if subj is not None and ents[subj].type in ORGS:
                yield from _facts(i, subj, m.group(), 0.8, "its-title")
        # "P在2023年7月创立的xAI", "P创立了X"
        m = _FOUNDED.match(s.text, e.end)
        if m:
            for j in range(i + 1, len(ents)):
                if ents[j].type in ORGS and ents[j].start >= m.end() - 1:
                    if len(s.text[e.end:ents[j].start]) <= 30 and not re.search(r"[，,；;。]", s.text[m.end():ents[j].start]):
                        yield Hit("founderOf", i, j, 0.8, "person-founded-org")
                    break
    # "公司由A和B等联合创立": the founders of the clause subject
    for m in re.finditer(r"由", s.text):
        members = [i for i, e in enumerate(ents) if e.type == "Person" and e.start > m.end()
                   and e.start - m.end() <= 40 and not re.search(r"[，,；;。]", s.text[m.end():e.start])]
        if not members or not _FOUNDED_BY.match(s.text, ents[members[-1]].end):
            continue
        clause = ents[members[0]].clause
        subj = s.clauses[clause].subject
        target = subj if subj is not None and ents[subj].type in ORGS else None
        if target is None:
            target = next((k for k in range(members[0] - 1, -1, -1) if ents[k].type in ORGS
                           and not re.search(r"前\s?$", s.before(k, 2))), None)
        if target is not None:
            for k in members:
                yield Hit("founderOf", k, target, 0.8, "founded-by")
