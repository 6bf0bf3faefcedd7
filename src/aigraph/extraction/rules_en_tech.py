"""Relation constructions of English sentences about technology: chips, training, bases, rivals, trends."""

from __future__ import annotations

import re

from aigraph.extraction.clauses import Parse
from aigraph.extraction.constructions import Found, Hit, construction
from aigraph.extraction.rules_en import MADE, ORG, after_facts, before_list, items, verb_facts

CHIP = frozenset({"Chip"})
MODEL = frozenset({"Model"})
TREND = frozenset({"Trend"})
USERS = frozenset({"Company", "Product"})
_COUNT = r"(?:(?:about|around|nearly|roughly|some|over|more\sthan|up\sto|tens\sof\sthousands\sof|thousands\sof|" \
         r"hundreds\sof|a\scluster\sof|a\sfleet\sof)\s)?(?:[\d,.]+\s?(?:k|K|million|thousand)?\s)?"
_TRAINED_ON = re.compile(rf"\s?,?\s?(?:which\s)?(?:was|were|is|has\sbeen|had\sbeen|being|will\sbe)?\s?(?:\w+ly\s)?"
                         rf"(?:pre-?)?trained\s(?:\w+\s){{0,3}}?(?:on|using|with)\s{_COUNT}(?:\w+\s)?")
_TRAIN_M_ON = re.compile(rf"\s(?:on|using|with)\s{_COUNT}(?:\w+\s)?")
_TO_TRAIN = re.compile(r"(?:\s(?:GPUs?|chips?|accelerators?|processors?|cards?|clusters?|supercomputers?))?\s(?:\w+\s)?"
                       r"(?:to|for)\s(?:pre-?)?train(?:ing)?\s(?:of\s)?(?:its\s|the\s|their\s)?(?:\w+\s)?")
_USE = re.compile(r"\b(?:uses|used|use|using|deploys|deployed|deploy|deploying|buys|bought|buy|buying|purchased|"
                  r"purchases|purchase|ordered|orders|order|acquired\s[\d,.]+|installed|installs|adopts|adopted|adopt|"
                  r"rents|rented|runs\son|ran\son|run\son|is\spowered\sby|powered\sby|equipped\swith|built\swith|"
                  r"relies\son|relied\son|rely\son|taps|tapped|switched\sto|will\suse|plans\sto\suse)\b")
_POWERED = re.compile(r"-(?:powered|based|driven)\s(?:\w+\s){0,2}")
_BASED_ON = re.compile(r"\s?,?\s?(?:which\s|that\s)?(?:is\s|was\s|are\s|were\s|has\sbeen\s)?(?:\w+ly\s)?"
                       r"(?:built\son(?:\stop\sof)?|based\son|builds\son|built\satop|fine-?tuned\s(?:from|on)|"
                       r"finetuned\s(?:from|on)|distilled\sfrom|derived\sfrom|powered\sby|runs\son|running\son|"
                       r"a\s(?:fine-?tuned\s)?(?:version|variant)\sof|forked\sfrom|trained\son\stop\sof|uses|using)"
                       r"\s(?:the\s|a\s|an\s)?(?:\w+['’]s\s)?(?:\w+\s)?")
_RIVAL = re.compile(r"\b(?:rivals|rivaled|rivaling|rival|competes\swith|compete\swith|competing\swith|competed\swith|"
                    r"takes\son|took\son|take\son|challenges|challenged|challenge|outperforms|outperformed|outperform|"
                    r"beats|beat|beating|surpasses|surpassed|surpass|outscored|outscores|matches|matched|match|"
                    r"(?:is|was|are)\son\spar\swith|comparable\sto|trails|trailed|lags\sbehind|catches\sup\swith|"
                    r"caught\sup\swith|vs\.?|versus|against|(?:tops|topped)\s[^,;.]{0,40}?,?\sahead\sof|"
                    r"(?:delivers|offers|delivered|offered)\s(?:about\s|up\sto\s)?[\d.]+\s?(?:times|x)\sthe\s(?:\w+\s){0,2}"
                    r"(?:performance|speed|throughput)\sof)\s(?:the\s|rival\s)?")
_RIVAL_NOUN = re.compile(r",?\s(?:a|an|the)\s(?:\w+\s){0,2}(?:rival|competitor|challenger|alternative|answer)\s"
                         r"(?:to|of)\s(?:the\s)?(?:\w+['’]s\s)?|['’]s\s(?:\w+\s)?(?:rivalry|competition|race|battle|"
                         r"fight)\s(?:with|against)\s")
_TREND_BEFORE = re.compile(r"\s(?:(?:AI|LLM|large\slanguage|language|foundation|frontier|reasoning|flagship|new|"
                           r"model|models|startup|company|platform|chip|tool|app|assistant|system|giant|player|"
                           r"leader|pioneer|developer|maker|lab|family|series)\s){0,3}")
_TREND_IS = re.compile(r",?\s(?:is|was|as|becomes|became)?\s?(?:an?|the|its)\s(?:new\s|first\s|latest\s)?"
                       r"(?:\w+\s){0,2}?")
_TREND_FOCUS = re.compile(r"\b(?:push|pushes|pushed|pushing|bet|bets|betting|focus|focuses|focused|focusing|"
                          r"foray|expansion|expands|expanding|invests|invested|investing|doubling\sdown|doubles\sdown|"
                          r"pivot|pivots|pivoted|move|moves|entry)\s(?:heavily\s|deeper\s|further\s)?"
                          r"(?:into|on|in|to|toward|towards)\s(?:the\s)?")


@construction("en.tech.hardware")
def hardware(s: Parse) -> Found:
    """M was trained on N C; trained M on C; used C to train M; X uses/deploys/bought C; C-powered X."""
    yield from after_facts(s, _TRAINED_ON, "trainedOn", MODEL, CHIP, 0.8, "en-model-trained-on-chip")
    for i, a in enumerate(s.ents):
        if a.type in MODEL and re.search(r"\btrain(?:ed|ing|s)?\s(?:\w+\s)?$", s.before(i, 20)):
            for j in range(i + 1, len(s.ents)):
                if s.ents[j].type in CHIP and _TRAIN_M_ON.fullmatch(s.between(i, j)):
                    yield Hit("trainedOn", i, j, 0.8, "en-train-model-on-chip")
                    break
        if a.type in CHIP:
            for j in range(i + 1, min(i + 3, len(s.ents))):
                if s.ents[j].type in MODEL and _TO_TRAIN.fullmatch(s.between(i, j)):
                    for k in before_list(s, i, CHIP):
                        yield Hit("trainedOn", j, k, 0.8, "en-chip-to-train-model")
                    break
    yield from verb_facts(s, _USE, "usesChip", USERS, CHIP, 0.75, "en-org-uses-chip")
    for i in range(len(s.ents) - 1):
        a, b = s.ents[i], s.ents[i + 1]
        if a.type in CHIP and b.type in USERS and _POWERED.fullmatch(s.between(i, i + 1)):
            yield Hit("usesChip", i + 1, i, 0.75, "en-chip-powered")
        if a.type in MODEL and b.type in MADE - CHIP and _POWERED.fullmatch(s.between(i, i + 1)):
            yield Hit("basedOn", i + 1, i, 0.8, "en-model-powered")


@construction("en.tech.based-on")
def based_on(s: Parse) -> Found:
    """Y is built on / based on / fine-tuned from / powered by X."""
    for i, a in enumerate(s.ents):
        if a.type not in MADE - CHIP:
            continue
        for j in range(i + 1, min(i + 3, len(s.ents))):
            b = s.ents[j]
            gap = s.between(i, j)
            if b.type in MODEL and _BASED_ON.fullmatch(gap):
                if re.search(r"\b(?:uses|using|runs\son|running\son)\b", gap) and a.type == "Model":
                    break
                for k in items(s, j, MODEL):
                    yield Hit("basedOn", i, k, 0.8, "en-built-on")
                break
            if b.type in ORG and re.fullmatch(r"['’]s\s?", s.text[b.end:b.end + 3]):
                continue
            break


@construction("en.tech.competes")
def competes(s: Parse) -> Found:
    """X rivals / outperforms / is on par with Y; X, a rival to Y; X vs. Y."""
    for t in ("Model", "Chip", "Company"):
        ty = frozenset({t})
        yield from verb_facts(s, _RIVAL, "competesWith", ty, ty, 0.75, "en-x-rivals-y",
                               stop=frozenset() if t != "Company" else frozenset({"Model", "Chip"}))
        yield from after_facts(s, _RIVAL_NOUN, "competesWith", ty, ty, 0.75, "en-x-a-rival-to-y")


@construction("en.tech.related")
def related(s: Parse) -> Found:
    """the open-source Llama 3; multimodal model GPT-4o; Y, an AI agent; X's push into embodied AI."""
    for i, a in enumerate(s.ents):
        if a.type not in TREND:
            continue
        if i + 1 < len(s.ents) and s.ents[i + 1].type in MADE and _TREND_BEFORE.fullmatch(s.between(i, i + 1)):
            for k in items(s, i + 1, MADE):
                yield Hit("relatedTo", k, i, 0.7, "en-trend-modifies-thing")
        if i > 0 and s.ents[i - 1].type in MADE and _TREND_IS.fullmatch(s.between(i - 1, i)) \
                and re.match(r"\s?(?:model|models|system|agent|assistant|chip|app|product|tool|platform)?\b",
                             s.after(i, 12)):
            yield Hit("relatedTo", i - 1, i, 0.7, "en-thing-is-a-trend")
        m = _TREND_FOCUS.search(s.before(i, 40))
        if m and m.end() == len(s.before(i, 40)):
            at = a.start - (len(s.before(i, 40)) - m.start())
            for k in range(i - 1, -1, -1):
                e = s.ents[k]
                if e.end <= at and e.type in ORG | MADE:
                    if re.fullmatch(r"(?:['’]s)?\s(?:\w+\s){0,3}", s.text[e.end:at]):
                        yield Hit("relatedTo", k, i, 0.7, "en-org-pushes-into-trend")
                    break


@construction("en.tech.open-sourced")
def _open_sourced(s: Parse) -> Found:
    """X open-sourced Y: Y is tied to the open-source trend."""
    trend = next((i for i, e in enumerate(s.ents) if e.type in TREND and e.name == "Open source"), None)
    if trend is None:
        return
    for m in re.finditer(r"\bopen-?sourced\b|\bopen-?sources\b|\bopen\ssourced\b", s.text):
        for j in range(len(s.ents)):
            e = s.ents[j]
            if e.start >= m.end() and e.type in MADE and re.fullmatch(r"\s(?:its\s|the\s|a\s)?(?:[\w-]+\s){0,3}",
                                                                     s.text[m.end():e.start]):
                for k in items(s, j, MADE):
                    yield Hit("relatedTo", k, trend, 0.75, "en-open-sourced-thing")
                break
