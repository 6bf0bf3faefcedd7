"""spaCy component `aigraph_entity_resolver_v1`: settle overlaps, senses and types into doc.ents."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import replace
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from aigraph.extraction import docnames
from aigraph.extraction.candidates import Candidate, candidates, latin_boundary_ok, masked_text, sentence_bounds
from aigraph.extraction.cues import acquired, employer, type_votes
from aigraph.extraction.lexicon import Lexicon, load_lexicon
from aigraph.extraction.words import alt, words
from aigraph.folding import norm

_VERB_SENSE = frozenset(words("trend.verb_sense"))
"""Trend words that name the trend even as a verb with 了 (开源了)."""
_CASED_BRANDS = frozenset(words("names.cased_brands"))
"""Weak aliases that are the brand when written with their capital in Chinese text (Slack, Cursor)."""
_HAN_OR_MARK = re.compile(r"[\u4e00-\u9fff，。、：；！？（）“”《》「」]")
# a fund named by place or parent and kind stands with the lexicon's names: the longer one is the fund meant
_RANK = {"lexicon": 0, "lexicon+version": 0, "pattern:cn-fund": 0, "lexicon-weak": 1, "short-form": 1, "name-part": 1, "propagated": 2}

# What may follow a model or chip name as part of its version ("Qwen" + "2.5-72B-Instruct").
_TAIL_WORD = (r"\d+(?:\.\d+)*[a-zA-Z]?|\d+[BbMK]|Pro|Max|Mini|mini|Turbo|Lite|Flash|Ultra|Plus|Nano|Instruct|Chat|"
              r"Coder|Vision|Preview|preview|Sonnet|Opus|Haiku|Omni|Air|Thinking|Reasoner|Exp|Base|Large|Small|"
              r"Medium|XL|Edge|Light|Long|Math|Code|VL|Audio|Realtime|High|Low")
_TAIL = re.compile(rf"(?:[ -]?(?:{_TAIL_WORD})(?![A-Za-z]))+")
_NOT_AFTER_TAIL = re.compile(r"^\s?(?:年|月|日|号|%|％|亿|万|千|个|张|块|倍|美元|元|次|款|家|名|位|人|亿参数|K|k)")


@cache
def _event() -> re.Pattern:
    """Event words after a company's name (data/event_words.txt), with a year or a conference word after
    the bare 世界 ("软银世界2024", not "英伟达世界领先")."""
    words = [w.strip() for w in (Path(__file__).with_name("data") / "event_words.txt").read_text("utf-8").splitlines()
             if w.strip() and not w.startswith("#")]
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if w != "世界")
    return re.compile(rf"\s?(?:(?:{alts})(?:\s?(?:19|20)\d{{2}})?(?![A-Za-z])|世界\s?(?:19|20)\d{{2}})")


class EntityResolver:
    """Keeps the best-supported reading of each stretch of text and writes it to doc.ents."""

    def __init__(self, lexicon: Lexicon, min_score: float = 0.5) -> None:
        self.lexicon = lexicon
        self.min_score = min_score

    def __call__(self, doc: Doc) -> Doc:
        text = masked_text(doc)
        cands = candidates(doc)
        bounds = sentence_bounds(doc)
        strong = {c.name for c in cands if c.source == "lexicon"}
        self._strong = sorted((c for c in cands if c.source == "lexicon"), key=lambda c: c.start)
        self._strong_starts = [c.start for c in self._strong]
        self._folded: dict[str, str] = {}
        kept = [self._support(c, text, bounds, strong) for c in cands]
        kept = _senses([c for c in kept if c is not None], text, bounds)
        kept += self._versions(text, kept) + _app_tails(text, kept)
        chosen = self._split_maker(text, _select(kept))
        again = docnames.short_forms(text, chosen) + docnames.name_parts(text, chosen) + docnames.repeats(text, chosen)
        # a short form inside an event's name ("软银世界2024") is no mention of the organisation, as a full one is not
        again = [c for c in again if c.type not in ("Company", "Investor") or not _event().match(text, c.end)]
        # a name typed by its form alone ("Weil": a company?) yields to what the document says it is
        guesses = {id(c) for c in chosen if c.source.startswith("pattern:") and c.score < 0.6}
        sure = [c for c in chosen if id(c) not in guesses]
        chosen = _same_name(sure, again) + _select(again + [c for c in chosen if id(c) in guesses], blocked=sure)
        chosen = docnames.bracket_aliases(text, _vote_types(docnames.typed_by_list(text, chosen)))
        chosen = _listed_as_products(text, chosen)
        chosen = [c for c in chosen if not _lone_guess(text, c)]
        chosen = [c for c in chosen if c.score >= self.min_score]
        chosen.sort(key=lambda c: c.start)
        spans, kept_cands = [], []
        reach = 0  # candidates come in start order: a span overlaps a kept one iff it starts before this
        for c in chosen:
            span = doc.char_span(c.start, c.end, label=c.type, kb_id=c.name, alignment_mode="expand")
            if span is None or span.start < reach:
                continue
            reach = span.end
            spans.append(span)
            kept_cands.append(c)
        doc.set_ents(spans)
        doc._.aigraph_entities = kept_cands
        return doc

    def _support(self, c: Candidate, text: str, bounds, strong: set[str]) -> Candidate | None:
        """A weak or ambiguous lexicon candidate survives only with evidence for its sense."""
        if c.entry is None:
            return c
        context_hit = False
        if c.entry.context:
            sent = _sentence_text(text, bounds, c.start)
            low = self._folded.get(sent)
            if low is None:
                low = self._folded[sent] = sent.casefold()  # once per sentence, not per context word
            context_hit = any(w.casefold() in low for w in c.entry.context)
        if c.type == "Trend" and (re.match(r"-[A-Za-z0-9]", text[c.end:c.end + 2]) or re.search(r"[A-Za-z0-9]-$", text[max(0, c.start - 2):c.start])):
            return None  # "GPT-MoE-1.8T": part of a model name, not the MoE trend
        if c.type == "Trend" and not text[c.start].isascii() and (
                text[c.end:c.end + 1] in ("出", "了", "得", "过", "着") or text[max(0, c.start - 1):c.start] == "被") \
                and not (text[c.end:c.end + 1] == "了" and text[c.start:c.end] in _VERB_SENSE):
            return None  # the word used as a verb (蒸馏出, 被蒸馏), not the technique
        if c.type in ("Company", "Investor") and _event().match(text, c.end):
            return None  # "Google I/O", "软银世界2024": the name of an event
        if c.type == "Product" and (employer(text, c.start, c.end) or acquired(text, c.start, c.end)):
            c = replace(c, type="Company")  # "在Twitter工作", "收购Slack": the company behind the product
        if c.source == "lexicon-weak":
            if not text[c.start].isascii() and re.search(r"\d\s?$", text[max(0, c.start - 2):c.start]):
                return None  # "功耗达10000安培": after a number the word is its unit, not a name
            # one sense per document holds for names, not for common Chinese words (代理, 蒸馏)
            named_elsewhere = c.name in strong and text[c.start].isascii()
            if context_hit or named_elsewhere or type_votes(text, c.start, c.end).get(c.type, 0) >= 1 \
                    or _brand_in_chinese(text, c.start, c.end):
                return replace(c, score=0.85)
            lo = bisect.bisect_right(self._strong_starts, c.start - 80)
            hi = bisect.bisect_left(self._strong_starts, c.start + 80)
            near = [o for o in self._strong[lo:hi] if o.entry is not c.entry]
            if c.type != "Trend" and c.type in docnames.listed_types(text, c, near):  # "Modular、Hugging Face和Lambda"
                return replace(c, score=0.85)
            return None
        if c.entry.context and not context_hit \
                and any(e is not c.entry for e, _ in self.lexicon.by_key.get(norm(text[c.start:c.end]), [])):
            # a shared alias: this sense needs its context words when a rival claims the alias
            return replace(c, score=0.45)
        return c

    def _versions(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """A model or chip name followed by a version becomes the versioned name."""
        out = []
        for c in cands:
            if c.type not in ("Model", "Chip") or not c.source.startswith("lexicon"):
                continue
            m = _TAIL.match(text, c.end)
            if not m or m.end() == c.end or _NOT_AFTER_TAIL.match(text[m.end():m.end() + 4]):
                continue
            end = m.end()
            if not latin_boundary_ok(text, c.start, end):
                continue
            if text[c.end - 1].isdigit() and text[c.end].isdigit():
                continue
            tail = " ".join(text[c.end:end].split())
            sep = "" if tail[:1] in "-" else " " if text[c.end:c.end + 1] == " " else ""
            # a weak alias is a codename or a common word: with a version it names something of its
            # own ("Orion-3" is no version of the model code-named Orion)
            base = text[c.start:c.end] if c.source == "lexicon-weak" else c.name
            out.append(replace(c, end=end, name=f"{base}{sep}{tail}", source="lexicon+version", score=0.9))
        return out


    def _split_maker(self, text: str, chosen: list[Candidate]) -> list[Candidate]:
        """"阿里鹿班", "京东云·言犀": the maker's name glued before the product's canonical name is two
        mentions, the company and the product (as annotators mark them); a brand that carries its maker's
        name in its own ("讯飞星火", "腾讯元宝") stays whole."""
        out = []
        for c in chosen:
            split = None
            if c.entry is not None and c.type in ("Product", "Model", "Chip") and c.source == "lexicon":
                for k in range(2, c.end - c.start - 1):
                    maker = self.lexicon.canonical(text[c.start:c.start + k])
                    rest = text[c.start + k:c.end]
                    skip = len(rest) - len(rest.lstrip(" ·・"))
                    if maker is not None and maker.type == "Company" and norm(rest[skip:]) == norm(c.entry.name) \
                            and len(rest) - skip >= 2 and latin_boundary_ok(text, c.start, c.start + k):
                        split = (maker, c.start + k, c.start + k + skip)
                        break
            if split is None:
                out.append(c)
                continue
            maker, cut, rest_start = split
            out.append(Candidate(c.start, cut, "Company", maker.name, "lexicon", c.score, maker))
            out.append(replace(c, start=rest_start))
        return out


def _brand_in_chinese(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a listed brand written as listed and standing in Chinese text: a Han
    character or Chinese mark within two places of it, and no English word joined to it by a space
    ("Zoom In", "Sweet Spot" are English phrases)."""
    if text[start:end] not in _CASED_BRANDS:
        return False
    left, right = text[max(0, start - 2):start], text[end:end + 2]
    if re.search(r"[A-Za-z0-9][ .\-]?$", left) or re.match(r"[ .\-]?[A-Za-z0-9]", right):
        return False
    return bool(_HAN_OR_MARK.search(left) or _HAN_OR_MARK.search(right))


def _app_tails(text: str, cands: list[Candidate]) -> list[Candidate]:
    """An app named with the word App after it ("豆包App") is the app's whole name."""
    out = []
    for c in cands:
        if c.type == "Product" and c.source == "lexicon" and (m := _APP.match(text, c.end)):
            out.append(replace(c, end=m.end(), source="lexicon+version", score=0.95))
    return out


_APP = re.compile(r" ?(?:App|APP|app)(?![A-Za-z])")


def _senses(cands: list[Candidate], text: str, bounds) -> list[Candidate]:
    """Where several lexicon entries claim one span, the one whose context words are in the
    sentence wins; without such words the strong claim wins."""
    by_span: dict[tuple[int, int], list[Candidate]] = defaultdict(list)
    for c in cands:
        by_span[(c.start, c.end)].append(c)
    out = []
    for (a, _), group in by_span.items():
        lex = [c for c in group if c.entry is not None]
        if len(lex) > 1:
            sent = _sentence_text(text, bounds, a).casefold()
            hits = [c for c in lex if any(w.casefold() in sent for w in c.entry.context)]
            best = hits or [c for c in lex if c.source == "lexicon"] or lex
            group = [c for c in group if c.entry is None] + [replace(best[0], score=max(best[0].score, 0.85))]
        out.extend(group)
    return out


def _same_name(chosen: list[Candidate], again: list[Candidate]) -> list[Candidate]:
    """A name the patterns found ("Weil表示") that the document also reads as a short form of a fuller
    name (Kevin Weil) takes that name, so that both are one entity."""
    fuller = {(c.start, c.end, c.type): c for c in again if c.source in ("short-form", "name-part")}
    out = []
    for c in chosen:
        f = fuller.get((c.start, c.end, c.type))
        out.append(replace(c, name=f.name, entry=f.entry) if f and c.source.startswith("pattern:") else c)
    return out


def _lone_guess(text: str, c: Candidate) -> bool:
    """A Latin name typed by nothing but its form, written once in the document ("Any2Any",
    "MMORPG"): more often a term than a company. Written again, it is a name the text is about."""
    if c.source != "pattern:latin-name" or c.score >= 0.6:
        return False
    surface = text[c.start:c.end]
    return sum(latin_boundary_ok(text, m.start(), m.end()) for m in re.finditer(re.escape(surface), text)) < 2


def _sentence_text(text: str, bounds: list[tuple[int, int]], pos: int) -> str:
    i = bisect.bisect_right(bounds, (pos, len(text) + 1)) - 1
    if 0 <= i < len(bounds) and bounds[i][0] <= pos < bounds[i][1]:
        return text[bounds[i][0]:bounds[i][1]]
    return text


def _select(cands: list[Candidate], blocked: list[Candidate] = ()) -> list[Candidate]:
    """Greedy choice of non-overlapping candidates: lexicon first, then longer, then surer."""
    taken = bytearray(max([c.end for c in cands] + [c.end for c in blocked] + [0]))
    for c in blocked:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    out = []
    order = sorted(cands, key=lambda c: (_RANK.get(c.source, 2), -(c.end - c.start), -c.score, c.start))
    for c in order:
        if taken[c.start:c.end].count(1):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        out.append(c)
    return out


def _vote_types(chosen: list[Candidate]) -> list[Candidate]:
    """One type per pattern-found name in a document: the best-supported one."""
    groups: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for c in chosen:
        if c.source.startswith("pattern:"):
            groups[norm(c.name)][c.type] += c.score
    out = []
    for c in chosen:
        g = groups.get(norm(c.name))
        if g and c.source.startswith("pattern:"):
            best = max(g, key=lambda t: (g[t], t == c.type))
            if best != c.type:
                c = replace(c, type=best)
            c = replace(c, score=max(c.score, min(0.9, g[best] / max(1, sum(g.values())) * c.score + 0.05 * (len(g) == 1))))
        out.append(c)
    return out


# "视频生成工具（如X、Y）", "AI应用，如X": what a list of examples after a kind of product names
_EXAMPLES_OF = re.compile(rf"{alt('names.product_kind')}\s?(?:[，,]\s?)?(?:[（(]\s?)?{alt('names.example_intro')}\s?[:：]?\s?"
                          r"(?:[^，。；;（）()\n]{0,40}?[、,，和与及]\s?)?$")
# what makes the company the maker rather than the example: "工具如某公司的X", "某公司推出的X"
_MAKER_AFTER = re.compile(r"\s?(?:的|旗下|在|推出|发布|开发|打造|['’]s\b)")


def _listed_as_products(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Companies given as examples of a kind of product ("视频生成工具（如Pika、Runway）") are named for
    their products there, as annotators type them."""
    out = []
    for c in chosen:
        if c.type == "Company" and c.source.startswith(("lexicon", "pattern:latin")) \
                and _EXAMPLES_OF.search(text, max(0, c.start - 60), c.start) and not _MAKER_AFTER.match(text, c.end):
            c = replace(c, type="Product")
        out.append(c)
    return out


def chosen(doc: Doc) -> list[Candidate]:
    """The candidates the resolver kept, one per entity span, in text order."""
    return doc._.aigraph_entities or []


@Language.factory("aigraph_entity_resolver_v1", default_config={"min_score": 0.5, "lexicon_path": None})
def make_entity_resolver(nlp: Language, name: str, min_score: float, lexicon_path: str | None) -> EntityResolver:
    """The resolver; candidates scoring below `min_score` are dropped."""
    return EntityResolver(load_lexicon(lexicon_path), min_score=min_score)
