"""The shape of a sentence that relation rules need: clauses, heads, subjects and lists of entities."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from aigraph.extraction.words import alt

# clause boundaries; a dash pair and parentheses are asides, not boundaries
_BOUNDARY = re.compile(r"[，,；;：:。！？!?]|——|—")
# what may stand between a possessor and the thing it owns ("OpenAI的o1", "Google Gemini", "xAI的“Colossus”")
_POSSESSIVE_GAP = re.compile(r"^\s?(?:自己|自家|最新|最早|最初|最开始|早期|旗下)?\s?(?:的)?\s?[“\"「『]?\s?$")
# what joins the items of a list ("OpenAI、Google DeepMind", "o1和R1", "A, B and C")
_COORD_GAP = re.compile(r"^\s?(?:[（(][^（()）]{0,24}[）)])?\s?(?:公司|集团)?(?:、|和|与|及其(?:子公司|旗下基金|旗下|关联公司)?|及|以及|或|,|，|跟|同|&|and|以及其)\s?"
                        r"(?:美国|中国|日本|韩国|英国|法国|德国|欧洲|国内|海外|硅谷|北京|上海|深圳|杭州)?\s?"
                        r"(?:[^，,；;。、和与及的]{1,6}?(?:公司|巨头|企业|机构|厂商|实验室|集团))?\s?$")
# what may open a clause before its subject: time, place, connectives, list markers
_PREFIX = re.compile(
    r"^\s*(?:[\d一二三四五六七八九十]+[、.．)）]\s*)?(?:\*\*|[#○●■•\-]\s*)*"
    r"(?:(?:此外|另外|同时|目前|当前|随后|紧接着|然后|而|则|也|并|还有|其中|再比如|再如|又如|例如|比如|譬如|如|包括|尤其是|特别是|据悉|"
    r"据报道|据了解|值得一提的是|与此同时|近期|近日|最近|今年|去年|明年|早在|截至|截止|到了?|在|自|从|于|由于|因此|"
    r"所以|但是?|不过|然而|而且|并且|同样|另一方面|一方面|首先|其次|最后|第[一二三四五六七八九十]|"
    r"\d{4}\s?年(?:\d{1,2}\s?月)?(?:\d{1,2}\s?[日号])?(?:初|底|末|中|年初|年底|上半年|下半年)?|"
    r"\d{1,2}\s?月(?:\d{1,2}\s?[日号])?|春节期间|期间|近年来|如今|当下|未来|届时|同年|当年|次年|同月|此后|之后|后来|随即)[，,\s]*)*$"
)

_FROM_BEFORE = re.compile(r"(?:从|自)\s?$")

# the connectives that open a clause, and a subject of its own after them ("所以我认为…")
_OPENER = re.compile(_PREFIX.pattern.removesuffix("$"))
_OWN_SUBJECT = re.compile(alt("clause.own_subject"))


# a description that may stand before a subject: "美国初创公司X", "估值55亿美元的X", "AI推理芯片制造商X"
_DESCRIPTION = re.compile(
    r"^\s*(?:前|现)?(?!.*(?:是|将|把|被|对|让|使|给|标志着|表示|(?:通过|利用|使用|采用|发布|推出|打造|开发|研发|提供)(?!的)|在(?!\d|今年|去年|早期|成立)))"
    r"[^，,；;。:：]{0,40}?(?:的|公司|企业|初创公司|初创企业|初创|厂商|巨头|机构|实验室|制造商|提供商|"
    r"供应商|开发商|服务商|领导者|独角兽|创业公司|平台|品牌|团队|大学|研究院|投资机构|基金|资本|大模型|模型|产品|"
    r"工具|芯片|应用|系统)\s?$"
)
# an entity followed by a role word describes the person named next ("云帆科技创始人王强")
ROLE_AFTER = re.compile(r"^\s?(?:的)?(?:前|原|现任|时任)?\s?(?:联合创始人|创始人|联席CEO|CEO|首席执行官|CTO|首席\w{1,4}官|总裁|董事长|副总裁|"
                        r"研究员|研究科学家|科学家|工程师|合伙人|产品官|员工|前员工|高管|负责人|主管|投资人)")
# "X发布之前", "ChatGPT版搜索引擎": the entity dates or describes something else
_MODIFIER_AFTER = re.compile(r"^\s?(?:(?:发布|推出|上线|问世|成立|出现|爆火)?(?:之前|之后|以后|以前|以来)|版(?!本)|式的|风格的?)")
# an entity followed by these is inside a relative clause ("马斯克创立的xAI", "OpenAI推出的GPT-4o")
RELATIVE = re.compile(
    r"^\s?(?:[在于][^，,；;。]{0,14}?)?(?:所|联合|共同|早期|新|最新|自主|独立|率先|首次|此前|近期|曾|已)?"
    r"(?:推出|发布|开发|研发|打造|创立|创办|投资|领投|参投|跟投|生产|设计|训练|收购|提供|构建|制造|支持|运营|主导|"
    r"牵头|参与|开源|上线|孵化|部署|使用|采用|定义|提出|资助)(?:了)?的"
)


CONTEXT = -1
"""The index by which a construction's hit names `Parse.context` (the paragraph's topic)."""


@dataclass
class Ent:
    """An entity of one sentence, with offsets relative to the sentence."""

    start: int
    end: int
    type: str
    name: str
    clause: int = 0
    owner: int | None = None
    """Index of the entity that owns this one ("OpenAI" in "OpenAI的o1"), if any."""
    owned: int | None = None
    """Index of the entity this one owns, if it is a possessor."""
    relative: bool = False
    """Whether it stands inside a relative clause that describes something else ("X推出的…")."""
    developer: str = ""
    """The maker the lexicon knows for a model, product or chip."""
    anaphor: bool = False
    """Whether the sentence names it only by a phrase that points back (该公司, the company, 我们): its
    name is the document's current topic or the speaker's organisation."""
    antecedent: str | None = None
    """For such a phrase: the earlier sentence that names what it points back to."""


@dataclass
class Clause:
    """A stretch of the sentence between boundary punctuation."""

    start: int
    end: int
    ents: list[int] = field(default_factory=list)
    subject: int | None = None
    """The entity the clause is about: its own first entity when nothing but time or connectives
    precede it, else the subject carried over from the clause before."""
    previous: int | None = None
    """The subject of the clause before (what "其中X" is one of)."""


@dataclass
class Parse:
    """A sentence parsed: its entities, clauses and the relations between its parts."""

    text: str
    ents: list[Ent]
    clauses: list[Clause]
    topic: int | None = None
    """The entity of "以X为例", which the whole sentence is about."""
    context: Ent | None = None
    """The company the paragraph is about, named in an earlier sentence: what a sentence that leaves
    out its subject speaks of. Constructions refer to it by the index `CONTEXT`."""
    _lists: dict = field(default_factory=dict, repr=False, compare=False)
    """The lists already worked out, by (entity, types): every construction asks for them."""

    def between(self, i: int, j: int) -> str:
        """Text between two entities (whichever comes first)."""
        a, b = (self.ents[i], self.ents[j]) if self.ents[i].start <= self.ents[j].start else (self.ents[j], self.ents[i])
        return self.text[a.end:b.start]

    def head(self, i: int) -> int:
        """The entity a possessor chain ends in ("OpenAI的o1" → o1)."""
        while self.ents[i].owned is not None:
            i = self.ents[i].owned
        return i

    def after(self, i: int, n: int = 30) -> str:
        return self.text[self.ents[i].end:self.ents[i].end + n]

    def before(self, i: int, n: int = 30) -> str:
        return self.text[max(0, self.ents[i].start - n):self.ents[i].start]

    def coordinated(self, i: int, types: frozenset[str] | None = None) -> list[int]:
        """The list a head entity belongs to ("OpenAI、Google DeepMind等"), in text order: items of the
        same type, or of any of `types`."""
        key = (i, types)
        if key in self._lists:
            return list(self._lists[key])
        heads = self._lists.get("heads")
        if heads is None:
            heads = self._lists["heads"] = [k for k, e in enumerate(self.ents) if e.owned is None]
        if self.ents[i].owned is not None:
            return [i]
        ok = types or frozenset({self.ents[i].type})
        pos = heads.index(i)
        lo = hi = pos
        while lo > 0 and self.ents[heads[lo - 1]].type in ok and self._joined(heads[lo - 1], heads[lo]):
            lo -= 1
        while hi + 1 < len(heads) and self.ents[heads[hi + 1]].type in ok and self._joined(heads[hi], heads[hi + 1]):
            hi += 1
        self._lists[key] = tuple(heads[lo:hi + 1])
        return heads[lo:hi + 1]

    def chain_start(self, j: int) -> int:
        """Where an entity's possessor chain starts ("OpenAI的o1" → the O of OpenAI)."""
        k = j
        while self.ents[k].owner is not None:
            k = self.ents[k].owner
        return self.ents[k].start

    def _joined(self, i: int, j: int) -> bool:
        return bool(_COORD_GAP.match(self.text[self.ents[i].end:self.chain_start(j)]))


# a speaker's label: a name alone before a colon (the name replaced by NUL)
_LABEL = re.compile(r"\s*(?:\*\*)?\s?(?:主持人|嘉宾|记者)?\s?\0\s?(?:\*\*)?\s?[：:]\s*")


_BOUNDS = re.compile(r"[（(]|[）)]|" + _BOUNDARY.pattern)
_LATIN_END = re.compile(r"[A-Za-z0-9.\-]")
_LATIN_START = re.compile(r"\s?[A-Za-z]")
_EXAMPLE = re.compile(r"以\s?(.{1,40}?)\s?为例")


def opener_only(text: str) -> bool:
    """Whether a clause's text before some point holds nothing but time words, connectives and list
    markers (what may open a clause before its subject)."""
    return bool(_PREFIX.match(text))


def parse(text: str, ents: list[Ent], context: Ent | None = None) -> Parse:
    """Clauses, possessors and subjects of a sentence whose entities are given in text order."""
    ents = sorted(ents, key=lambda e: e.start)
    bounds = [0]
    depth = 0
    for m in _BOUNDS.finditer(text):
        tok = m.group()
        if tok in "（(":
            depth += 1
        elif tok in "）)":
            depth = max(0, depth - 1)
        elif tok == "," and _LATIN_END.match(text[m.start() - 1:m.start()] or " ") \
                and _LATIN_START.match(text[m.end():m.end() + 2]):
            continue  # "LLaVA-1.6, LLaVA-Next": a list of Latin names, not a new clause
        elif depth == 0:
            bounds.append(m.end())
    bounds.append(len(text))
    clauses = [Clause(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
    cstarts = [c.start for c in clauses]
    for i, e in enumerate(ents):
        ci = bisect.bisect_right(cstarts, e.start) - 1
        if 0 <= ci < len(clauses) and e.start < clauses[ci].end:
            e.clause = ci
            clauses[ci].ents.append(i)
    for i in range(len(ents) - 1):
        a, b = ents[i], ents[i + 1]
        if a.clause == b.clause and _POSSESSIVE_GAP.match(text[a.end:b.start]) and _possessive(a, b):
            a.owned, b.owner = i + 1, i
    starts = [e.start for e in ents]
    for e in ents:
        after = text[e.end:e.end + 24]
        rel = RELATIVE.match(after)
        if rel and any(e.end < x < e.end + rel.end() for x in starts):
            rel = None  # "A在2024年获得B领投的…": the clause that 的 closes is B's, not A's
        e.relative = bool(rel or ROLE_AFTER.match(after) or _MODIFIER_AFTER.match(after))
    sent = Parse(text, ents, clauses, context=context)
    carried: int | None = None
    sent.topic = None
    topic = _EXAMPLE.search(text) if "为例" in text else None
    for ci, c in enumerate(clauses):
        before_clause = carried
        for i in c.ents:
            e = ents[i]
            if topic and topic.start(1) <= e.start < topic.end(1) and e.owned is None:
                sent.topic = i
            if e.owned is not None or e.relative:
                continue
            start = e.start
            k = i
            while ents[k].owner is not None:
                k = ents[k].owner
                start = ents[k].start
            opener = text[c.start:start]
            if _FROM_BEFORE.search(opener):
                continue  # "（当年）从微软获得了投资": where the money came from, not who got it
            if _PREFIX.match(opener) or _DESCRIPTION.match(opener) or (topic and topic.start(1) <= e.start < topic.end(1)):
                carried = sent.head(i)
                break
        else:
            body = text[c.start:c.end]
            if ci > 0 and _OWN_SUBJECT.match(body, _OPENER.match(body).end()):
                carried = None  # "…，所以我认为…": the clause speaks of its own subject
        c.previous = before_clause
        c.subject = carried
        if ci == 0 and c.ents and _LABEL.fullmatch(text[c.start:ents[c.ents[0]].start] + "\0" + text[ents[c.ents[-1]].end:c.end]):
            carried = None  # a speaker's label ("机器之心：") is not the subject of what is said
    return sent


def _possessive(owner: Ent, thing: Ent) -> bool:
    """Whether `owner` can own `thing`: a company its products, models and chips; a model its versions."""
    return owner.type in ("Company", "Investor") and thing.type in ("Model", "Product", "Chip")
