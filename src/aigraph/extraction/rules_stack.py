"""Relation constructions about what a thing is built on: the models it is based on, the chips it runs on."""

from __future__ import annotations

import re

from aigraph.extraction.clauses import Parse
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.words import alt

_CARRIED = re.compile(r"搭载|采用|配备|装备|集成")
_BASED = re.compile(rf"^\s?(?:{alt('based.adverb')}){{0,2}}(?:基于|依托|依赖|利用|采用|使用|接入|集成|搭载|调用|整合|融合)(?:了)?\s?$")
_INTEGRATE = alt("based.integrate")
# "将Gemini大模型集成到X中", "把B的能力接入X": the model before its verb, the product after it
_INTO = re.compile(rf"^\s?(?:模型|大模型)?\s?(?:的[^，,；;。将把]{{0,8}}?)?{_INTEGRATE}(?:到|进|至)?(?:了)?\s?$")
_TAKEN = re.compile(r"(?:将|把)\s?$")
# "在X中接入了B", "在其X里引入B": the product first
_INSIDE = re.compile(rf"^\s?[^，,；;。在将把]{{0,6}}?(?:中|里|之中)\s?{_INTEGRATE}(?:了)?\s?$")
_IN = re.compile(r"在\s?(?:其|自家|自己的)?\s?$")
_BASED_AFTER = re.compile(r"^\s?(?:模型|大模型|的能力)?\s?(?:生成|来|作为|构建|开发|打造|驱动|提供|实现|进行|完成|训练|微调|优化)")
_ON_TOP = re.compile(r"^\s?(?:的)?(?:基础上|之上)")
_POWERED = re.compile(r"^\s?(?:驱动|加持|赋能|支持|提供支持)(?:的)")
_DISTILLED = re.compile(r"^\s?(?:是|由|从|自)?\s?$")


@construction("zh.tech.based-on")
def based_on(s: Parse) -> Found:
    """A基于B / A利用B生成 / 在B基础上的A / B驱动的A / A蒸馏自B."""
    ents = s.ents
    if not any(e.type == "Model" for e in ents):
        return
    for j, m in enumerate(ents):
        if m.type != "Model" or m.owned is not None:
            continue
        start = s.chain_start(j)
        for i, a in enumerate(ents):
            if i == j or a.type not in ("Model", "Product") or a.owned is not None:
                continue
            if a.end <= start:
                gap = s.text[a.end:start]
                if _BASED.match(gap) and (_BASED_AFTER.match(s.after(j, 8)) or re.search(r"基于|依托|接入|集成|搭载", gap)):
                    yield Hit("basedOn", i, j, 0.75, "a-uses-model")
                elif re.match(r"^\s?(?:在)\s?$", gap) and _ON_TOP.match(s.after(j, 6)):
                    yield Hit("basedOn", i, j, 0.7, "on-top-of")
                elif _INSIDE.match(gap) and _IN.search(s.before(i, 6)):
                    yield Hit("basedOn", i, j, 0.75, "built-into")
                elif re.match(r"^\s?(?:蒸馏|微调|衍生)自\s?$", gap) or (re.match(r"^\s?(?:是|由)?(?:从)\s?$", gap)
                                                                    and re.match(r"^\s?(?:蒸馏|微调)", s.after(j, 4))):
                    yield Hit("basedOn", i, j, 0.75, "distilled-from")
            else:
                gap = s.text[m.end:a.start]
                if re.match(r"^\s?(?:模型)?\s?(?:驱动|加持|赋能)的[^，,；;。]{0,10}$", gap):
                    yield Hit("basedOn", i, j, 0.7, "powered-by")
                elif _INTO.match(gap) and _TAKEN.search(s.text, 0, start):
                    yield Hit("basedOn", i, j, 0.75, "built-into")
                elif re.search(r"基于\s?$", s.before(j, 3)) and re.match(r"^\s?(?:模型|大模型)?(?:的|开发的|打造的|构建的)[^，,；;。]{0,10}$", gap):
                    yield Hit("basedOn", i, j, 0.75, "built-on")


# "A是一个应用程序，最初是基于B构建的", "推出了A，这是一种由B驱动的助手", "A，它由B提供支持": a clause of
# description after A that opens on 是 (or 这/它) and names what A is built on or powered by
_ADV = rf"(?:{alt('based.adverb')}|最初|目前|现在|实际上|基本上)"
_DESCRIBES = re.compile(rf"\s?(?:(?:这|它)\s?{_ADV}{{0,2}}\s?(?:是|为)?|{_ADV}{{0,2}}\s?(?:是|为))\s?(?:一[个种款套项])?"
                        rf"[^，,；;。]{{0,8}}?(?:(?P<on>基于)|(?P<top>在)|由)\s?(?:强大的|最新的|自家的|其)?\s?$")
_BUILT_AFTER = re.compile(r"^\s?(?:模型|大模型)?\s?(?:的|构建|开发|打造|训练|微调)")
_TOP_AFTER = re.compile(r"^\s?(?:模型|大模型)?\s?(?:之上|的基础上|基础上)")
_POWERED_AFTER = re.compile(rf"^\s?(?:模型|大模型)?\s?{alt('based.powers')}")


@construction("zh.tech.based-described")
def based_described(s: Parse) -> Found:
    """A…，(这)是基于B构建的… / A，这是一种由B驱动的… / A，它由B提供支持 / A，它是在B之上构建的: A is the
    thing the clauses before named last."""
    ents = s.ents
    for j, m in enumerate(ents):
        if m.type != "Model" or m.owned is not None or m.clause == 0:
            continue
        lead = _DESCRIBES.fullmatch(s.text, s.clauses[m.clause].start, s.chain_start(j))
        after = _BUILT_AFTER if lead and lead.group("on") else _TOP_AFTER if lead and lead.group("top") else _POWERED_AFTER
        if not lead or not after.match(s.after(j, 8)):
            continue
        before = [k for k in range(j) if ents[k].clause in (m.clause - 1, m.clause - 2) and ents[k].owned is None
                  and ents[k].type in ("Model", "Product")]
        if before and ents[before[-1]].name != m.name:
            yield Hit("basedOn", before[-1], j, 0.7, "described-as-based")


_CHIP_USE = re.compile(r"(?:使用|用|采用|通过|需|需要|仅需|部署|搭载|配备|基于|(?<![正现仍还])在|依靠|购买|采购|订购|集成|装备|运行在)(?:了)?"
                       r"(?:[^，,；;。]|(?<=\d),(?=\d)){0,18}$")
_CARDS = re.compile(r"[\d万千百]\s?(?:张|块|颗|枚|个|台|片|卡)\s?$")
# "C…会被A、B部署": the passive's agents use the chip
_BY_USERS = re.compile(r"[^；;。]{0,16}?[，,]?\s?(?:将|已|已经|也|均|都)?\s?被\s?$")
_USED_AFTER = re.compile(r"\s?(?:等)?(?:公司|厂商|企业)?\s?(?:率先|大规模|广泛|批量|陆续)?\s?(?:部署|采用|使用|采购|购买|订购|搭载)")
# "在P系列中搭载了C": the product the chip goes into
_IN_PRODUCT = re.compile(r"^\s?(?:系列|全系|机型)?\s?(?:中|里|上)\s?(?:均|都|也|将)?\s?(?:搭载|采用|配备|装备|集成)(?:了)?")
_TRAINS = re.compile(r"训练(?:了|出)?\s?$")
_MAKES_CHIPS = re.compile(alt("chip.makes"))


@construction("zh.tech.hardware", version=2)
def hardware(s: Parse) -> Found:
    """A model trained on chips (trainedOn); a product or company that uses them (usesChip)."""
    ents = s.ents
    if not any(e.type == "Chip" for e in ents):
        return
    for j, chip in enumerate(ents):
        if chip.type != "Chip" or chip.owned is not None:
            continue
        lead = s.text[max(0, s.chain_start(j) - 24):s.chain_start(j)]
        carried = _CARRIED.search(s.before(j, 12)) is not None
        if not (_CHIP_USE.search(lead) or _CARDS.search(lead)):
            continue
        user = s.clauses[chip.clause].subject
        if user is None:
            continue
        u = ents[user]
        if u.start > chip.start:
            continue
        # "OpenAI训练GPT-4大约需要25000个A100": the model trained is what runs on the chips
        trained = [k for k in s.clauses[chip.clause].ents if ents[k].type == "Model" and u.end <= ents[k].start < chip.start
                   and _TRAINS.search(s.before(k, 4))]
        if trained:
            yield Hit("trainedOn", trained[0], j, 0.75, "trained-model-on-chip")
        elif u.type == "Model":
            yield Hit("trainedOn", user, j, 0.75, "model-on-chip")
        elif u.type in ("Company", "Product") and (carried or _CHIP_USE.search(lead)) \
                and not _MAKES_CHIPS.search(s.text, u.end, chip.start):
            inside = _carrier(s, user, j)
            # "A、B等品牌的旗舰机都搭载C": every firm of the subject's list; "A在P中搭载了C": the product P
            for k in [inside] if inside is not None else s.coordinated(user, frozenset({u.type})):
                yield Hit("usesChip", k, j, 0.7, "uses-chip")  # "A制造这些芯片": a maker uses none
    # "C…，会被A、B和D大规模部署": the chip first, its users after 被
    for j, chip in enumerate(ents):
        if chip.type != "Chip" or chip.owned is not None:
            continue
        for k in range(j + 1, len(ents)):
            if ents[k].type == "Chip":
                break  # "由X组成的C，会被A部署": the last chip named is the one deployed
            if ents[k].type in ("Company", "Product") and ents[k].owned is None and _BY_USERS.search(s.text, chip.end, s.chain_start(k)):
                group = s.coordinated(k, frozenset({"Company", "Product"}))
                if _USED_AFTER.match(s.text, ents[group[-1]].end):
                    for g in group:
                        yield Hit("usesChip", g, j, 0.7, "used-by")
                break
    for i, p in enumerate(ents):
        # "搭载骁龙8至尊版的手机X"
        if p.type == "Product":
            for j, chip in enumerate(ents):
                if chip.type == "Chip" and chip.end <= p.start and re.match(r"^\s?的[^，,；;。]{0,8}$", s.text[chip.end:p.start]) \
                        and re.search(r"搭载|采用|配备|基于", s.before(j, 4)):
                    yield Hit("usesChip", i, j, 0.75, "chip-powered-product")


def _carrier(s: Parse, user: int, j: int) -> int | None:
    """The product named after the user in "在P中搭载了C", if any."""
    for k in range(user + 1, j):
        e = s.ents[k]
        if e.type == "Product" and e.owned is None and s.before(k, 2).endswith("在") and _IN_PRODUCT.match(s.text[e.end:s.chain_start(j)]) is not None:
            return k
    return None
