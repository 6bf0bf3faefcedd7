"""spaCy component `aigraph_relation_extractor_v1`: facts from trigger constructions between entities."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .candidates import sentence_bounds
from .model import SYMMETRIC, Fact
from .quantities import find_dates, find_money
from .resolve import chosen

FACTS = "aigraph.facts"

# subject types and object types each predicate allows (SCHEMA.md)
SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "developedBy": (frozenset({"Model", "Product", "Chip"}), frozenset({"Company"})),
    "trainedOn": (frozenset({"Model"}), frozenset({"Chip"})),
    "usesChip": (frozenset({"Product", "Company"}), frozenset({"Chip"})),
    "investedIn": (frozenset({"Investor", "Company", "Person"}), frozenset({"Company"})),
    "partnerOf": (frozenset({"Company"}), frozenset({"Company"})),
    "acquired": (frozenset({"Company"}), frozenset({"Company"})),
    "competesWith": (frozenset({"Company", "Model", "Chip"}), frozenset({"Company", "Model", "Chip"})),
    "basedOn": (frozenset({"Model", "Product"}), frozenset({"Model"})),
    "founderOf": (frozenset({"Person"}), frozenset({"Company"})),
    "leads": (frozenset({"Person"}), frozenset({"Company"})),
    "relatedTo": (frozenset({"Company", "Investor", "Model", "Chip", "Product", "Person"}), frozenset({"Trend"})),
}


@dataclass(frozen=True)
class Ent:
    """An entity of one sentence, with offsets relative to the sentence."""

    start: int
    end: int
    type: str
    name: str


def allowed(pred: str, s: Ent, o: Ent) -> bool:
    """Whether the types fit the predicate's signature (competesWith: same type on both sides)."""
    subj, obj = SIGNATURES[pred]
    if s.name == o.name or s.type not in subj or o.type not in obj:
        return False
    return pred != "competesWith" or s.type == o.type


_CLAUSE = re.compile(r"[，,；;。！？!?：:]")
_DEV_BEFORE = re.compile(r"^\s*(?:的|旗下的?|最新的?|新一代的?|自研的?|推出的|发布的|开发的|研发的|打造的|开源的|训练的|"
                         r"上线的|设计的|展示的|公布的|出品的|所有的)?\s*$")
_DEV_VERB = re.compile(r"(?:发布|推出|上线|开源|研发|开发|打造|展示|公布|官宣|亮相|训练了|训练出|构建|迭代|升级)")
_DEV_BY = re.compile(r"由\s*$")
_DEV_BY_AFTER = re.compile(r"^\s*(?:开发|推出|发布|研发|打造|训练)")


def _between(text: str, a: Ent, b: Ent) -> str:
    return text[a.end:b.start] if a.end <= b.start else text[b.end:a.start]


def _same_clause(text: str, a: Ent, b: Ent) -> bool:
    return not _CLAUSE.search(_between(text, a, b))


def _developed(text: str, ents: list[Ent]) -> Iterator[tuple[str, Ent, Ent, float, str]]:
    for i, org in enumerate(ents):
        if org.type != "Company":
            continue
        for thing in ents[i + 1:]:
            if not allowed("developedBy", thing, org):
                continue
            gap = _between(text, org, thing)
            others = [e for e in ents if org.end <= e.start and e.end <= thing.start]
            if _DEV_BEFORE.match(gap) and not others:
                yield "developedBy", thing, org, 0.85, "org-de-thing"
            elif len(gap) <= 40 and _DEV_VERB.search(gap) and not any(e.type == "Company" for e in others) \
                    and not re.search(r"[；;。]", gap):
                yield "developedBy", thing, org, 0.75, "org-verb-thing"
    for i, thing in enumerate(ents):
        for org in ents[i + 1:]:
            if org.type == "Company" and allowed("developedBy", thing, org):
                gap = _between(text, thing, org)
                if _DEV_BY.search(gap) and _DEV_BY_AFTER.match(text[org.end:org.end + 6]):
                    yield "developedBy", thing, org, 0.85, "thing-by-org"


_COMPETE = re.compile(r"不相上下|比肩|对标|超过|超越|追赶|媲美|逼近|匹敌|相当|相似|优于|击败|赶超|同级别|竞争")


def _competes(text: str, ents: list[Ent]) -> Iterator[tuple[str, Ent, Ent, float, str]]:
    for i, a in enumerate(ents):
        for b in ents[i + 1:]:
            if not allowed("competesWith", a, b):
                continue
            gap = _between(text, a, b)
            tail = text[b.end:b.end + 12]
            if len(gap) <= 30 and (_COMPETE.search(gap) or (re.search(r"与|和|跟|同", gap) and _COMPETE.search(tail))):
                if not re.search(r"[；;。]", gap):
                    yield "competesWith", a, b, 0.7, "compare"


_FOUNDER_BEFORE = re.compile(r"^\s*(?:的)?(?:联合)?创始人(?:兼CEO|兼首席执行官)?\s*$")
_FOUNDED = re.compile(r"^\s*(?:等)?(?:在.{0,12})?(?:联合)?(?:创立|创办|创建|成立)")
_LEADS_BEFORE = re.compile(r"^\s*(?:的)?(?:CEO|首席执行官|总裁|董事长|掌门人|总经理|联席CEO)\s*[-—–:：]?\s*$")


def _people(text: str, ents: list[Ent]) -> Iterator[tuple[str, Ent, Ent, float, str]]:
    for i, a in enumerate(ents):
        for b in ents[i + 1:]:
            gap = _between(text, a, b)
            former = text[max(0, a.start - 2):a.start].endswith("前")
            if a.type == "Company" and b.type == "Person":
                if _FOUNDER_BEFORE.match(gap):
                    yield "founderOf", b, a, 0.85, "org-founder-person"
                elif _LEADS_BEFORE.match(gap) and not former:
                    yield "leads", b, a, 0.85, "org-ceo-person"
            if a.type == "Person" and b.type == "Company":
                if _FOUNDED.match(gap) or (len(gap) <= 20 and re.search(r"(?:创立|创办)的$", gap.strip())):
                    yield "founderOf", a, b, 0.8, "person-founded-org"


_LEAD_INVEST = re.compile(r"领投|跟投|参投|联合领投|共同领投")
_FUNDING = re.compile(r"融资|投资")


def _invests(text: str, ents: list[Ent]) -> Iterator[tuple[str, Ent, Ent, float, str]]:
    for inv in ents:
        if inv.type not in ("Investor", "Company", "Person"):
            continue
        after = text[inv.end:inv.end + 6]
        if not _LEAD_INVEST.match(after.lstrip("、和与及等联合共同 ")) and not re.match(r"^\s*(?:早期)?投资(?:了|的)", after):
            continue
        for co in ents:
            if co is inv or co.type != "Company" or not allowed("investedIn", inv, co):
                continue
            if co.start > inv.end and re.match(r"^\s*(?:早期)?投资(?:了|的)", after) and len(_between(text, inv, co)) <= 8:
                yield "investedIn", inv, co, 0.8, "inv-invested-co"
            elif _FUNDING.search(text) and co.start < inv.start and not _invests_side(ents, co, inv):
                yield "investedIn", inv, co, 0.75, "led-round"


def _invests_side(ents: list[Ent], co: Ent, inv: Ent) -> bool:
    """Whether the company is itself one of the co-investors listed with `inv`."""
    return False


class RelationExtractor:
    """Applies the constructions of each predicate to the entities of each sentence."""

    def __init__(self, threshold: float = 0.0) -> None:
        self.threshold = threshold

    def __call__(self, doc: Doc) -> Doc:
        facts: list[tuple[int, Fact]] = []
        ents = sorted(chosen(doc), key=lambda c: c.start)
        starts = [c.start for c in ents]
        doc_date = doc.user_data.get("aigraph.doc_date")
        text = doc.text  # a property that joins all tokens: read it once
        for a, b in sentence_bounds(doc):
            sent = text[a:b]
            lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
            local = [Ent(c.start - a, c.end - a, c.type, c.name) for c in ents[lo:hi] if c.end <= b]
            for fact in self.sentence_facts(sent, local, doc_date):
                facts.append((a, fact))
        doc.user_data[FACTS] = facts
        return doc

    def sentence_facts(self, text: str, ents: list[Ent], doc_date: str | None = None) -> list[Fact]:
        """Facts stated by one sentence about its entities."""
        found: dict[tuple[str, str, str], Fact] = {}
        for rule in (_developed, _competes, _people, _invests):
            for pred, s, o, conf, name in rule(text, ents):
                if not allowed(pred, s, o):
                    continue
                key = (s.name, pred, o.name)
                if pred in SYMMETRIC:
                    key = (min(s.name, o.name), pred, max(s.name, o.name))
                if key in found and found[key].confidence >= conf:
                    continue
                amount = valuation = date = None
                if pred == "investedIn":
                    amount, valuation = _money(text)
                if pred in ("investedIn", "developedBy", "founderOf"):
                    date = next((q for _, _, q in find_dates(text, doc_date)), None)
                found[key] = Fact(s.name, pred, o.name, conf, name, amount, valuation, date)
        return [f for f in found.values() if f.confidence >= self.threshold]


def _money(text: str):
    amount = valuation = None
    for start, _, q in find_money(text):
        if re.search(r"估值|市值|投后", text[max(0, start - 12):start]):
            valuation = valuation or q
        else:
            amount = amount or q
    return amount, valuation


@Language.factory("aigraph_relation_extractor_v1", default_config={"threshold": 0.0})
def make_relation_extractor(nlp: Language, name: str, threshold: float) -> RelationExtractor:
    """The relation extractor; facts below `threshold` are not reported."""
    return RelationExtractor(threshold)
