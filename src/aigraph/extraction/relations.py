"""spaCy component `aigraph_relation_extractor_v1`: facts from constructions between entities."""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from aigraph.extraction import (
    clauses,
    events,
    events_en,
    rules_en,
    rules_en_people,
    rules_en_tech,
    rules_known,
    rules_org,
    rules_partners,
    rules_people,
    rules_rivals,
    rules_sales,
    rules_stack,
    rules_stakes,
    rules_tech,
    rules_trends,
)
from aigraph.extraction.attributes import first_date, money, round_name, span_of
from aigraph.extraction.candidates import doc_text, sentence_bounds
from aigraph.extraction.clauses import CONTEXT, Ent, Parse
from aigraph.extraction.constructions import Hit, registered
from aigraph.extraction.resolve import chosen
from aigraph.extraction.topic import Discourse, Topic, anaphors, next_topic, opening, points_back
from aigraph.extraction.words import alt
from aigraph.model import Fact
from aigraph.vocab import SYMMETRIC, signatures

MODULES = (events, rules_org, rules_partners, rules_sales, rules_stakes, rules_people, rules_tech, rules_stack, rules_rivals, rules_trends, rules_en,
           rules_en_people, rules_en_tech, events_en, rules_known)
"""The modules of constructions (importing one registers its constructions, in this order)."""
# English prose: three words in a row, the last two lower-case (Chinese text with Latin names has none)
# three words of running English, or a sentence with no Chinese at all ("Mistral AI raised $1 billion from
# Nvidia." has no three lower-case words in a row, names and figures standing between them)
_ENGLISH = re.compile(r"[A-Za-z]+[ ,]+[a-z][a-z-]+[ ,]+[a-z][a-z-]+|^[^\u3400-\u9fff]*\b[a-z]{2,}\b[^\u3400-\u9fff]*$")
CROSS_SENTENCE = 0.85
"""A fact whose company the sentence only points back to (or leaves out) keeps this share of its
confidence: the topic may be wrong."""
SURE = 0.75
"""Only constructions at least this sure are read across sentences."""
ACROSS = frozenset({"developedBy", "investedIn", "founderOf", "leads", "partnerOf", "acquired", "usesChip", "basedOn"})
"""Predicates read across sentences (a comparison or a trend tie with a guessed side is too loose)."""
DATED = frozenset({"investedIn", "developedBy", "founderOf", "acquired"})
"""Predicates whose facts carry the date their clauses state."""
MODAL = frozenset({"relatedTo", "competesWith", "partnerOf", "usesChip"})
"""Predicates a denial or a supposition takes back ("X并非做T的", "如果X能与Y竞争"); who made or founded
what stays so in any mood ("如果OpenAI发布GPT-5" still names GPT-5's maker)."""
_NEGATION = re.compile(alt("modal.negation"))
_CONDITIONAL = re.compile(alt("modal.conditional"))


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


def sentence_facts(text: str, ents: list[Ent], doc_date: str | None = None, topic: Topic | None = None) -> list[Fact]:
    """Facts one sentence states about its entities, the surest reading of each kept."""
    return read_sentence(text, ents, doc_date, topic)[0]


def read_sentence(text: str, ents: list[Ent], doc_date: str | None = None, topic: Topic | None = None,
                  we: Topic | None = None, you: Topic | None = None) -> tuple[list[Fact], Topic | None]:
    """The facts of one sentence, and the paragraph's topic after it. Entities may be named by a phrase
    that points back (该公司, 我们) or left out (a sentence that opens on 完成…融资): they are then the
    topic's, or the speakers' organisations (`we`, `you`)."""
    text, ents = _compact(text, ents)
    ents = ents + anaphors(text, ents, topic, we, you)
    # a sentence that leaves its company out means the paragraph's, not one named in passing
    context = Ent(0, 0, topic.type, topic.name, anaphor=True, antecedent=topic.sentence) if topic and not topic.passing else None
    sent = clauses.parse(text, ents, context)
    found: dict[tuple[str, str, str], Fact] = {}
    langs = ("zh", "en") if _ENGLISH.search(text) else ("zh",)
    funded = founded = None
    for lang in langs:
        for construction in registered(lang):
            for hit in construction(sent):
                fact = _fact(sent, hit, doc_date)
                if fact is None:
                    continue
                key = (fact.subject, fact.predicate, fact.object)
                if fact.predicate in SYMMETRIC:
                    key = (min(fact.subject, fact.object), fact.predicate, max(fact.subject, fact.object))
                if key in found and found[key].confidence >= fact.confidence:
                    continue
                found[key] = fact
                if fact.predicate == "investedIn" and funded is None and hit.object != CONTEXT:
                    funded = hit.object
                if fact.predicate == "founderOf" and founded is None and hit.object != CONTEXT:
                    founded = hit.object
    for s, p, o in [k for k in found if k[1] == "usesChip"]:
        if (o, "developedBy", s) in found:
            del found[(s, p, o)]  # "X推出了芯片C": the maker of the chip it announces is not its user
    used = any(f.context is not None for f in found.values())
    return list(found.values()), next_topic(sent, topic, funded, used, founded)


def _entity(s: Parse, i: int) -> Ent:
    return s.context if i == CONTEXT else s.ents[i]


def _fact(sent: Parse, hit: Hit, doc_date: str | None) -> Fact | None:
    """The fact a hit reads, with the attributes its clauses state; None when the types do not fit."""
    s, o = _entity(sent, hit.subject), _entity(sent, hit.object)
    pred, conf = hit.predicate, hit.confidence
    if pred == "investedIn" and hit.subject != CONTEXT and (firm := events.firm_of(sent, hit.subject)) is not None:
        s = sent.ents[firm]  # "某资本的P领投了B": whatever construction read it, the money is the firm's
    if not allowed(pred, s, o) or _cited(sent.text, s, o) or pred in MODAL and _unasserted(sent, hit):
        return None
    if pred == "developedBy" and s.developer and not _same_org(s.developer, o.name):
        conf = min(conf, 0.35)  # the lexicon knows another maker: a misreading, most likely
    if pred == "usesChip" and o.developer and _same_org(o.developer, s.name):
        return None  # a chip maker announcing its own chip does not use it
    context = None
    if s.anaphor or o.anaphor:
        if conf < SURE or pred not in ACROSS:
            return None  # a loose construction, or a comparison, and a guessed entity: too little to go on
        conf *= CROSS_SENTENCE
        context = s.antecedent if s.anaphor else o.antecedent
    amount, valuation, date, name = hit.amount, hit.valuation, hit.date, hit.round
    span = (hit.span or _span(sent, hit)) if pred in DATED else (0, 0)
    if pred == "investedIn":
        found_amount, found_valuation = money(sent.text, *span)
        if found_valuation is None:  # "B估值升至15亿美元，在A领投的本轮中募资3.2亿美元": the company's worth
            found_valuation = money(sent.text)[1]
        amount, valuation = amount or found_amount, valuation or found_valuation
        name = name or round_name(sent.text, *span)
    if pred in DATED:
        date = date or first_date(sent.text, *span, doc_date)
    return Fact(s.name, pred, o.name, round(conf, 3), hit.rule, amount, valuation, date, name, context)


_TITLE = re.compile(r"《[^《》]{2,80}》")


def _cited(text: str, s: Ent, o: Ent) -> bool:
    """Whether both sides stand inside one cited title (据《A收购B的内幕》一文): the title is not the
    sentence's own statement."""
    if "《" not in text:
        return False
    return any(m.start() <= min(s.start, o.start) and max(s.end, o.end) <= m.end() and s.end > s.start and o.end > o.start
               for m in _TITLE.finditer(text))


def _unasserted(sent: Parse, hit: Hit) -> bool:
    """Whether a denial stands in the later entity's clause before it, or a supposition opens the
    stretch from the earlier entity's clause to the later entity: the sentence does not state the fact."""
    sides = sorted((sent.ents[i] for i in (hit.subject, hit.object) if i != CONTEXT), key=lambda e: e.start)
    if not sides:
        return False
    first, last = sides[0], sides[-1]
    lo = max(first.end, sent.clauses[last.clause].start) if len(sides) > 1 else sent.clauses[last.clause].start
    if _NEGATION.search(sent.text, lo, last.start):
        return True
    return bool(_CONDITIONAL.search(sent.text, sent.clauses[first.clause].start, last.start))


def _span(sent: Parse, hit: Hit) -> tuple[int, int]:
    """The clauses a fact's two entities stand in (the one a sentence leaves out stands nowhere)."""
    sides = [sent.ents[i] for i in (hit.subject, hit.object) if i != CONTEXT]
    return span_of(sent, min(e.start for e in sides), max(e.end for e in sides))


def _same_org(a: str, b: str) -> bool:
    """Whether two company names may be the same organisation (Google / Google DeepMind)."""
    ta, tb = set(a.casefold().split()), set(b.casefold().split())
    return bool(ta & tb) or a.casefold() in b.casefold() or b.casefold() in a.casefold()


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
        talk = Discourse()
        for a, b in sentence_bounds(doc):
            lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
            labelled = text.find("：", a, min(b, a + 40)) >= 0 or text.find(":", a, min(b, a + 40)) >= 0
            if lo == hi and not labelled:
                talk.topic = talk.topic.older() if talk.topic else None  # a sentence that names nothing
                talk.meet("", [])
                continue
            sentence = text[a:b]
            local = [Ent(c.start - a, c.end - a, c.type, c.name, developer=c.entry.developer if c.entry else "")
                     for c in ents[lo:hi] if c.end <= b]
            if labelled:
                talk.hear(sentence, local)
            talk.place(sentence, local)
            talk.attend(sentence, local)
            we, you = talk.voices()
            we = we or talk.said_by(sentence, local)
            claimed = talk.claimant(sentence, local) if we is None else None
            we = we or claimed
            talk.note(sentence, local)
            he = None if labelled else talk.he(sentence, local)
            me = (talk.me(sentence, local) if labelled and talk.label == sentence else None) or talk.founder(sentence, local)
            talk.meet(sentence, local)
            for pronoun in (he, me):
                if pronoun is not None:
                    local = sorted([*local, pronoun], key=lambda e: e.start)
            if len(local) < 2 and claimed is None and (talk.topic is None and talk.guest is None or not local
                                                       or not points_back(sentence)):
                talk.topic = opening(sentence, local) or (talk.topic.older() if talk.topic else None)
                continue
            found, talk.topic = read_sentence(sentence, local, doc_date, talk.topic, we, you)
            talk.learn(found, sentence)
            facts.extend((a, fact) for fact in found if fact.confidence >= self.threshold)
        doc._.aigraph_facts = facts
        return doc


@Language.factory("aigraph_relation_extractor_v1", default_config={"threshold": 0.0})
def make_relation_extractor(nlp: Language, name: str, threshold: float) -> RelationExtractor:
    """The relation extractor; facts below `threshold` are not reported."""
    return RelationExtractor(threshold)
