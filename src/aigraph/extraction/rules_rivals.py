"""Relation constructions naming rivals: X的竞争对手Y, Y是X的劲敌, Y被X视为对手, 在与Y的竞争中."""

from __future__ import annotations

import re

from aigraph.extraction.clauses import Parse
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.words import alt

SIDES = frozenset({"Company", "Model", "Chip"})
"""What may be rivals, each of its own type."""
_DEGREE = rf"(?:(?:最|更|非常|很)?(?:{alt('compare.rival_degree')})(?:的)?\s?)"
_NOUN = rf"(?:{alt('compare.rival_noun')})"
# after X: "的主要竞争对手之一，", "的劲敌", then Y or a list of them ("包括A、B")
_OF_RIVAL = re.compile(rf"\s?(?:的\s?(?:一个|一家|两个|几个)?\s?{_DEGREE}?|{_DEGREE})?{_NOUN}(?:们)?(?:之一)?\s?[，,：:]?\s?"
                       r"(?:是|为|包括|有|如|例如|比如|就是)?\s?[“\"]?\s?$")
# Y …是/成为 X …: Y named as X's rival ("Y也是X最大的竞争对手")
_IS = re.compile(r"\s?(?:也|则|将|一直|已经|已|正|会|依然|仍然|始终|曾)*\s?(?:是|成为|成了|被视为|被看作|被认为是)\s?$")
_OF_RIVAL_END = re.compile(rf"\s?(?:的)?\s?(?:一个|一家)?\s?{_DEGREE}?{_NOUN}")
# "Y被X视为竞争对手"
_SEEN_BY = re.compile(r"\s?(?:也|曾|一直|早已|已)*\s?被\s?$")
_SEEN_AS = re.compile(rf"\s?(?:视为|看作|当作|视作|认为是)\s?{_DEGREE}?{_NOUN}")
# "X在与Y的竞争中", "X面临来自Y的竞争"
_WITH = re.compile(r"(?:在与|在和|在同|(?:面临|面对)(?:着)?(?:来自)?)\s?$")
_CONTEST = re.compile(r"\s?(?:等(?:公司|企业|巨头|厂商)?)?\s?(?:之间)?\s?的\s?(?:激烈|直接|正面)?\s?(?:竞争|较量|角逐|对决)")


# "X在该领域有众多竞争对手，如A、B": the clause's subject against the examples
_HAS_RIVALS = re.compile(rf"(?:有|面临|面对)(?:着)?[^，,；;。]{{0,8}}?{_NOUN}(?:们)?\s?[，,：:]?\s?(?:如|包括|例如|比如|像)\s?$")
# "A、B和C三大巨头正展开激烈竞争": the members of a list are each other's rivals
_AMONG = re.compile(r"[^，,；;。与和同跟帮助]{0,16}?(?:正在|正|在)?\s?(?:(?:展开|进行|陷入)(?:了)?\s?(?:激烈|白热化)?(?:的)?"
                    r"|(?:相互|彼此|互相)\s?(?:激烈)?)\s?(?:竞争|角逐|较量|厮杀)(?!对手|中|优势|力)")


def _same(s: Parse, a: int, b: int) -> bool:
    ea, eb = s.ents[a], s.ents[b]
    return ea.type == eb.type and ea.type in SIDES and ea.name != eb.name and ea.owned is None and eb.owned is None


def _hits(s: Parse, a: int, items: list[int], rule: str) -> Found:
    for k in items:
        if _same(s, a, k):
            yield Hit("competesWith", a, k, 0.75, rule)


@construction("zh.compare.rivals")
def rivals(s: Parse) -> Found:
    """X的主要竞争对手Y / Y是X的劲敌 / Y被X视为竞争对手 / X在与Y和Z的竞争中."""
    ents = s.ents
    if not re.search(rf"{_NOUN}|竞争|较量|角逐|对决", s.text):
        return
    for x, e in enumerate(ents):
        if e.type not in SIDES or e.owned is not None:
            continue
        for y in range(x + 1, len(ents)):
            if ents[y].owner is not None:
                continue
            gap = s.text[e.end:s.chain_start(y)]
            if _OF_RIVAL.fullmatch(gap):
                yield from _hits(s, x, s.coordinated(y), "rival-of")
            break
        # "Y是X的…竞争对手"
        for y in range(x - 1, -1, -1):
            if ents[y].owner is not None or ents[y].type not in SIDES:
                continue
            if _IS.fullmatch(s.text, ents[s.coordinated(y)[-1]].end, s.chain_start(x)) and _OF_RIVAL_END.match(s.text, e.end):
                yield from _hits(s, x, s.coordinated(y), "is-rival-of")
            elif _SEEN_BY.fullmatch(s.text, ents[s.coordinated(y)[-1]].end, s.chain_start(x)) and _SEEN_AS.match(s.text, e.end):
                yield from _hits(s, x, s.coordinated(y), "seen-as-rival")
            break
        # "X有众多竞争对手，如A、B"
        if _HAS_RIVALS.search(s.before(x, 24)) and e.owner is None:
            subj = s.clauses[e.clause].subject
            if (subj is None or subj in s.coordinated(x)) and e.clause > 0:
                subj = s.clauses[e.clause - 1].subject  # "…有众多竞争对手，如A、B": A opens its own clause
            if subj is not None and subj not in s.coordinated(x) and ents[subj].start < e.start:
                yield from _hits(s, subj, s.coordinated(x), "has-rivals-such-as")
        # "A、B和C正展开激烈竞争"
        group = s.coordinated(x)
        if x == group[0] and len(group) > 1 and _AMONG.match(s.text, ents[group[-1]].end) \
                and not re.search(r"来自|与|和|同|跟", s.before(x, 3)):  # "面临来自A和B的竞争": A and B are the source
            for a in group:
                yield from _hits(s, a, [b for b in group if b > a], "list-compete")
        # "X在与Y的竞争中": the clause's subject against Y and its list
        if _WITH.search(s.before(x, 5)) and _CONTEST.match(s.text, ents[s.coordinated(x)[-1]].end):
            subj = s.clauses[e.clause].subject
            if subj is not None and subj not in s.coordinated(x) and ents[subj].start < e.start:
                yield from _hits(s, subj, s.coordinated(x), "in-contest-with")


# "…, though Chinese rivals such as Unitree are moving faster": rivals of the sentence's subject
_EN_RIVALS_SUCH_AS = re.compile(r"\b(?:its\s|their\s)?(?:[A-Z]\w+\s|\w+\s)?(?:rivals|competitors)\s(?:such\sas|including|like)\s$")


@construction("en.compare.rivals-such-as")
def rivals_such_as(s: Parse) -> Found:
    """X …, though rivals such as Y and Z …: X is the company the sentence opens on."""
    ents = s.ents
    if not ents or ents[0].start > 2 or ents[0].type not in SIDES:
        return
    for y, e in enumerate(ents):
        if y and _EN_RIVALS_SUCH_AS.search(s.text, max(0, e.start - 40), e.start):
            yield from _hits(s, 0, s.coordinated(y), "en-rivals-such-as")
