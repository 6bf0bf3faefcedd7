"""spaCy component `aigraph_relation_extractor_v1`: facts from constructions between entities."""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from aigraph.extraction import clauses
from aigraph.extraction.candidates import doc_text, sentence_bounds
from aigraph.extraction.clauses import Ent
from aigraph.extraction.quantities import find_dates, find_money
from aigraph.extraction.resolve import chosen
from aigraph.extraction.rules_en import RULES as EN_RULES
from aigraph.extraction.rules_en_tech import RULES as EN_TECH_RULES
from aigraph.extraction.rules_org import RULES as ORG_RULES
from aigraph.extraction.rules_tech import RULES as TECH_RULES
from aigraph.model import Fact
from aigraph.vocab import SYMMETRIC, signatures

RULES = ORG_RULES + TECH_RULES
ENGLISH_RULES = EN_RULES + EN_TECH_RULES
# English prose: three words in a row, the last two lower-case (Chinese text with Latin names has none)
_ENGLISH = re.compile(r"[A-Za-z]+[ ,]+[a-z]{2,}[ ,]+[a-z]{2,}")


def allowed(pred: str, s: Ent, o: Ent) -> bool:
    """Whether two different entities' types fit the predicate's signature in the ontology."""
    return s.name != o.name and signatures()[pred].accepts(s.type, o.type)


_SPACED = re.compile(r"(?<=[\u4e00-\u9fff，。、；：（）“”])[ \u3000]+(?=[\u4e00-\u9fff，。、；：（）“”])")


def _compact(text: str, ents: list[Ent]) -> tuple[str, list[Ent]]:
    """PDF letter-spacing ("发 布 文 生 图 模 型") removed, entity offsets moved to match."""
    if not _SPACED.search(text):
        return text, ents
    keep = [True] * len(text)
    for m in _SPACED.finditer(text):
        for i in range(m.start(), m.end()):
            keep[i] = False
    new_pos, n = [], 0
    for k in keep:
        new_pos.append(n)
        n += k
    new_pos.append(n)
    compact = "".join(c for c, k in zip(text, keep) if k)
    return compact, [Ent(new_pos[e.start], new_pos[e.end], e.type, e.name, developer=e.developer) for e in ents]


def sentence_facts(text: str, ents: list[Ent], doc_date: str | None = None) -> list[Fact]:
    """Facts one sentence states about its entities, the surest reading of each kept."""
    text, ents = _compact(text, ents)
    sent = clauses.parse(text, ents)
    found: dict[tuple[str, str, str], Fact] = {}
    rules = RULES + ENGLISH_RULES if _ENGLISH.search(text) else RULES
    for rule in rules:
        for pred, i, j, conf, name in rule(sent):
            s, o = sent.ents[i], sent.ents[j]
            if not allowed(pred, s, o):
                continue
            key = (s.name, pred, o.name)
            if pred in SYMMETRIC:
                key = (min(s.name, o.name), pred, max(s.name, o.name))
            if pred == "developedBy" and s.developer and not _same_org(s.developer, o.name):
                conf = min(conf, 0.35)  # the lexicon knows another maker: a misreading, most likely
            if pred == "usesChip" and o.developer and _same_org(o.developer, s.name):
                continue  # a chip maker announcing its own chip does not use it
            if key in found and found[key].confidence >= conf:
                continue
            amount = valuation = date = None
            if pred == "investedIn":
                amount, valuation = _money(text)
            if pred in ("investedIn", "developedBy", "founderOf", "acquired"):
                date = next((q for _, _, q in find_dates(text, doc_date)), None)
            found[key] = Fact(s.name, pred, o.name, round(conf, 3), name, amount, valuation, date)
    return list(found.values())


def _same_org(a: str, b: str) -> bool:
    """Whether two company names may be the same organisation (Google / Google DeepMind)."""
    ta, tb = set(a.casefold().split()), set(b.casefold().split())
    return bool(ta & tb) or a.casefold() in b.casefold() or b.casefold() in a.casefold()


def _money(text: str):
    """The round's amount and the valuation, told apart by the words before each figure."""
    amount = valuation = None
    for start, end, q in find_money(text):
        if re.search(r"估值|市值|投后|价值", text[max(0, start - 12):start]) \
                or re.search(r"\bvalu(?:ed|ing|ation)\b[^$€£¥\d;]{0,40}$", text[max(0, start - 50):start], re.I) \
                or re.match(r"\s?(?:post-money\s|pre-money\s)?valuation", text[end:end + 24], re.I):
            valuation = valuation or q
        else:
            amount = amount or q
    return amount, valuation


class RelationExtractor:
    """Applies the constructions of each predicate to the entities of each sentence of the Doc."""

    def __init__(self, threshold: float = 0.0) -> None:
        self.threshold = threshold

    def __call__(self, doc: Doc) -> Doc:
        facts: list[tuple[int, Fact]] = []
        ents = sorted(chosen(doc), key=lambda c: c.start)
        starts = [c.start for c in ents]
        doc_date = doc._.aigraph_doc_date
        text = doc_text(doc)
        for a, b in sentence_bounds(doc):
            lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
            local = [Ent(c.start - a, c.end - a, c.type, c.name, developer=c.entry.developer if c.entry else "")
                     for c in ents[lo:hi] if c.end <= b]
            if len(local) < 2:
                continue
            for fact in sentence_facts(text[a:b], local, doc_date):
                if fact.confidence >= self.threshold:
                    facts.append((a, fact))
        doc._.aigraph_facts = facts
        return doc


@Language.factory("aigraph_relation_extractor_v1", default_config={"threshold": 0.0})
def make_relation_extractor(nlp: Language, name: str, threshold: float) -> RelationExtractor:
    """The relation extractor; facts below `threshold` are not reported."""
    return RelationExtractor(threshold)
