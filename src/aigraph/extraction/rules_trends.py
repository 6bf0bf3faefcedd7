"""Relation constructions tying an entity to a trend inside one clause: it adopts, offers or pushes into it."""

from __future__ import annotations

import re

from aigraph.extraction.clauses import Parse
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.words import alt

THINGS = frozenset({"Model", "Product", "Chip"})
ORGS = frozenset({"Company", "Investor"})
_LIST_END = r"(?:等(?:公司|企业|巨头|厂商|机构|大厂|科技公司|科技巨头)?)?"
_ADVERBS = r"(?:近年来|近年|近期|近日|今年|去年|此前|早已|一直|很早就|最近|如今|目前|已经|已|正式|率先|全面|开始|正在|大力|持续|重点|积极|也|还|均|都|将|正|更|继续|加速|早早|纷纷|同样|较早)*"
# "X大力押注“复合AI”", "X在具身智能领域布局", "X致力于制定智能体之间的协议"
_PUSHES = re.compile(rf"\s?{_LIST_END}\s?{_ADVERBS}\s?(?:{alt('trend.pushes')})\s?[^，,；;。]{{0,10}}?[“\"「]?\s?$")
_IN_FIELD = re.compile(rf"\s?{_ADVERBS}\s?(?:在|于|对)\s?[“\"「]?\s?$")
_FIELD_PUSH = re.compile(rf"\s?[”\"」]?\s?(?:{alt('trend.aspect')})?\s?(?:上|中)?\s?(?:的)?\s?{_ADVERBS}\s?(?:{alt('trend.pushes')}|投入|突破|探索)")
# "X采用了MoE架构", "X支持多模态输入", "X率先采用混合专家模型结构"
_ADOPTS = re.compile(rf"\s?{_LIST_END}\s?{_ADVERBS}\s?(?:{alt('trend.adopts')})\s?(?:了|全新的|新的|最新的|先进的|自研的)?\s?[“\"「]?\s?$")
_ASPECT_AFTER = re.compile(rf"\s?[”\"」]?\s?(?:的)?\s?(?:{alt('trend.aspect')}|模型|大模型|输入|输出|推理|生成|理解|训练)")
# "为X增加的智能代理功能", "X的代表作", "X是T的代表模型"
_ADDED_FOR = re.compile(r"为\s?$")
_ADDED = re.compile(r"\s?(?:新)?(?:增加|新增|加入|添加|带来|推出)(?:了)?的\s?[“\"「]?\s?$")
_IS_EXEMPLAR = re.compile(r"\s?(?:是|为|被视为|被称为|堪称|成为)\s?[“\"「]?\s?$")
_EXEMPLAR_AFTER = re.compile(rf"\s?[”\"」]?\s?(?:领域|赛道|方向)?\s?(?:的)?\s?(?:{alt('trend.exemplar')})")
# "X是一家专注于T的公司", "X是国内最早押注T架构的公司之一": X is described as a company that pushes T
_IS_PUSHER = re.compile(rf"[\s，,]*(?:也|则|就|正)?\s?(?:是|作为|成为)\s?(?:一家|一个|首家|少数)?[^，,；;。是的]{{0,8}}?\s?(?:{alt('trend.pushes')})\s?[“\"「]?\s?$")
_PUSHER_AFTER = re.compile(rf"\s?[”\"」]?\s?(?:{alt('trend.aspect')})?\s?的\s?(?:[^，,；;。的]{{0,6}}?)(?:公司|企业|初创公司|创业公司|厂商|玩家|团队|独角兽|机构|实验室)")
# "Whisper模型完全是开源的"
_IS_TREND = re.compile(r"\s?(?:模型|系列)?\s?(?:基本上|完全|全部|均|都|也|已经|已)*\s?(?:是|为)\s?$")


def _clause_of(s: Parse, i: int, t: int) -> bool:
    return s.ents[i].clause == s.ents[t].clause


@construction("zh.trend.ties")
def ties(s: Parse) -> Found:
    """X押注T / X在T领域布局 / X采用T架构 / 为X增加的T功能 / X是T的代表作 / X是开源的."""
    ents = s.ents
    trends = [t for t, e in enumerate(ents) if e.type == "Trend"]
    if not trends:
        return
    for t in trends:
        te = ents[t]
        for i, e in enumerate(ents):
            if e.type not in THINGS | ORGS or e.owned is not None or e.end > te.start or not _clause_of(s, i, t):
                continue
            gap = s.text[e.end:te.start]
            between = [k for k in range(i + 1, t) if ents[k].type != "Trend" and ents[k].owner is None]
            if between and not all(k in s.coordinated(i) for k in between):
                continue  # another thing stands between: what the clause says of T is about that one
            for k in [i] if between else s.coordinated(i):
                if e.type in ORGS and _PUSHES.fullmatch(gap):
                    yield Hit("relatedTo", k, t, 0.75, "pushes-into-trend")
                elif e.type in ORGS and _IS_PUSHER.fullmatch(gap) and _PUSHER_AFTER.match(s.text, te.end):
                    yield Hit("relatedTo", k, t, 0.75, "a-company-pushing-trend")
                elif e.type in ORGS and _IN_FIELD.fullmatch(gap) and _FIELD_PUSH.match(s.text, te.end):
                    yield Hit("relatedTo", k, t, 0.75, "lays-out-in-trend")
                elif _ADOPTS.fullmatch(gap) and (e.type in THINGS or _ASPECT_AFTER.match(s.text, te.end)):
                    yield Hit("relatedTo", k, t, 0.75, "adopts-trend")
                elif e.type in THINGS and _IS_EXEMPLAR.fullmatch(gap) and _EXEMPLAR_AFTER.match(s.text, te.end):
                    yield Hit("relatedTo", k, t, 0.75, "exemplar-of-trend")
                elif e.type in THINGS and _IS_TREND.fullmatch(gap) and re.match(r"\s?[”\"」]?\s?的", s.text[te.end:te.end + 3]):
                    yield Hit("relatedTo", k, t, 0.7, "is-trend")
        # "X由…创立，是国内最早押注T架构的公司之一": a clause that only describes its subject
        c = s.clauses[te.clause]
        subj = c.subject
        if te.clause > 0 and subj is not None and ents[subj].type in ORGS and ents[subj].clause < te.clause \
                and _IS_PUSHER.fullmatch(s.text, c.start, te.start) and _PUSHER_AFTER.match(s.text, te.end) \
                and not any(c.start <= o.start < te.start for o in ents):
            yield Hit("relatedTo", subj, t, 0.75, "a-company-pushing-trend")
        # "为Gemini增加的智能代理功能"
        for i, e in enumerate(ents):
            if e.type in THINGS and e.end <= te.start and _ADDED_FOR.search(s.before(i, 2)) \
                    and _ADDED.fullmatch(s.text, e.end, te.start) and _ASPECT_AFTER.match(s.text, te.end):
                yield Hit("relatedTo", i, t, 0.75, "capability-added")
