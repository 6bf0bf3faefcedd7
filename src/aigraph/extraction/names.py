"""spaCy component `aigraph_name_patterns_v1`: names that no lexicon lists, typed by form and context."""

from __future__ import annotations

import bisect
import re
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from aigraph.extraction import names_cn, names_funds
from aigraph.extraction.candidates import Candidate, candidates, english_common, latin_boundary_ok, masked_text
from aigraph.extraction.cues import noun_after, type_votes
from aigraph.extraction.lexicon import Lexicon, load_lexicon
from aigraph.extraction.quick import quick
from aigraph.extraction.words import alt
from aigraph.extraction.words import words as word_list
from aigraph.folding import norm

LATIN = "A-Za-zÀ-ÖØ-öø-ÿĀ-ž"
# A Latin word: letters/digits with inner . + & ' - joins ("Bolt.new", "Copilot+", "11x", "GPT-4o", "Hölzle").
_WORD = rf"(?:[{LATIN}][{LATIN}0-9]*|\d+[{LATIN}][{LATIN}0-9]*)(?:[.+&'’-][{LATIN}0-9]+)*\+?"
LATIN_RUN = re.compile(rf"(?<![{LATIN}0-9.\-]){_WORD}(?:[ ]{_WORD})*")
LATIN_RUN = quick(LATIN_RUN)  # searched over whole documents
_VERSIONED = re.compile(r"[A-Za-z].*\d|\d.*[A-Za-z]")
# a number with a unit or a level code ("3Wh", "45TOPS", "6G", "2M", "Lv3", "tokens16"): never a name
_MEASURE = re.compile(r"^(?:\d+(?:\.\d+)?(?:[kKMGTP]?(?:Wh|W|B|b|bps|Hz|FLOPS|OPS|TOPS|TFLOPS|PFLOPS|token|tokens|nm|mm|cm|m|km|ms|s|x|X)|"
                      r"[KMGTkmgt]|[GgDd]|[Kk]|V|D|P|H|p|fps|GB|TB|MB|PB|EB|K\+|\+)|[A-Za-z]{1,2}v?\d|[a-z]{4,}\d+)$")
_IN_TITLE = re.compile(r"《[^》]*$")
_VERSION_AFTER = re.compile(r" ?\d+(?:\.\d+)+(?![\d.%])|[ -]\d+(?:\.\d+)?[BbK](?![A-Za-z\d])")
# a bare version number after a one-word name ("Large 2", "Holo 3"), not a count ("Agent 2 个")
_BARE_VERSION = re.compile(rf" ?\d{{1,2}}(?![\d.,，:：%A-Za-z])(?!\s?{alt('names.counted')})")
_YEAR_OR_RANK = re.compile(r"^(?:(?:19|20)\d{2}[A-Za-z]|(?:TOP|Top|top|No|NO|Stage|Part|Phase|Level|Lv|Step|Vol)\.?\s?\d+)")
_SHORT_CODE = re.compile(r"^[a-z]\d+(?:-[a-z]+)?$")  # o1, s1, o3-mini
_CHIP_CODE = re.compile(r"^(?:[A-Z]{1,3}\d{2,4}[A-Z]{0,2}|MI\d{3}[A-Z]?)$")
_MODEL_TAIL = re.compile(r"(?:^|[- ])(?:\d+(?:\.\d+)?[BbMK]|Pro|Max|Mini|mini|Turbo|Lite|Flash|Ultra|Plus|Nano|"
                         r"Instruct|Chat|Coder|Vision|Preview|Sonnet|Opus|Haiku|\d+(?:\.\d+)+)$")
_ORG_SUFFIX_CO = frozenset(("AI", "Labs", "Lab", "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Technologies",
                            "Technology", "Robotics", "Therapeutics", "Systems", "Networks", "Software",
                            "Semiconductor", "Dynamics", "Health", "Bio", "Biosciences", "Analytics", "Intelligence",
                            "Computing", "Motors", "Group", "Research", "Studio", "Studios", "Ltd", "Ltd.", "LLC"))
_ORG_SUFFIX_INV = frozenset(("Ventures", "Capital", "Partners", "Fund", "Investments", "VC", "Venture",
                             "Holdings", "Management", "Equity", "Growth"))
# English titles written before a name ("YC Partner Michael Seibel", "CEO Sam Altman")
_TITLES = frozenset(("Partner", "Founder", "Co-founder", "Cofounder", "CEO", "CTO", "COO", "CFO", "President",
                     "Chairman", "Professor", "Prof", "Prof.", "Dr", "Dr.", "Mr", "Mr.", "Ms", "Ms.", "Mrs",
                     "Mrs.", "Sir", "VP", "Director", "Head", "Chief", "Scientist", "Researcher", "Engineer"))
# what a benchmark, event, algorithm or architecture is followed or preceded by: the name is no entity
_NOT_ENTITY_AFTER = re.compile(r"^\s?(?:\d{2,4}\s?)?[”\"」]?\s?(?:测试集|测试中|测试|基准|榜单|评测|排行榜|大会|峰会|会议|论坛|展会|"
                               r"发布会|论文|期刊|算法|架构|协议|标准|指标|数据集|定律|范式|方法|理论|公式|编程语言|语言)")
_NOT_ENTITY_BEFORE = re.compile(r"(?:测试集|基准测试|基准|数据集|榜单|评测集|算法|指标|协议|标准|语言)\s?$")
# "X的Y" / "X推出的Y": Y, after a company, is something it makes
_OWNED = re.compile(r"^\s?(?:的|旗下的?|推出的?|发布的?|开发的?|研发的?|打造的?|自研的?|最新的?|新推出的)\s?$")
# "星图科技的 Y", "某 Labs 推出的 Y": what an organisation owns or makes, whatever its shape
_ORG_OWNED = re.compile(r"(?:科技|公司|集团|实验室|智能|AI|Labs?|Inc\.?)\s?(?:的|旗下的?|推出的?|发布的?|开发的?|研发的?|"
                        r"打造的?|自研的?|最新的?|新推出的)\s?$")
# "某公司的 X 指出": X says something, a person
_SAYS_PERSON = re.compile(r"\s?(?:也|还|则|曾)?" + alt("names.says_person"))
# "X 推出了 Y" / "X 最近上线了 Y": Y, released by a company and shaped like no model, is a product
_RELEASED = re.compile(r"^\s?(?:最近|刚刚|正式|已经|也)?(?:推出|上线|发布)了\s?[“\"「]?$")


_VERB_AFTER = frozenset(word_list("names.latin_verb_after"))


class NamePatterns:
    """Proposes candidates for names outside the lexicon: Latin names, organisations, people,
    versioned models and chips."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        # model family names of the lexicon written in letters only ("llama", "llava", "grok")
        self.families = frozenset(k for k, v in lexicon.by_key.items()
                                  if k.isascii() and k.isalpha() and any(e.type == "Model" for e, _ in v))
        self.long_families = frozenset(k for k in self.families if len(k) >= 4)

    def __call__(self, doc: Doc) -> Doc:
        text = masked_text(doc)
        out = candidates(doc)
        lex = [c for c in out if c.source == "lexicon"]
        covered = _coverage(len(text), lex)
        companies = {c.end for c in lex if c.type == "Company"}
        makers = {c.end: c for c in lex if c.type == "Company"}
        found: list[Candidate] = []
        chips = sorted(c.start for c in lex if c.type == "Chip")
        # where lexicon names other than companies end, and where any lexicon name starts
        things = ({c.end for c in lex if c.type != "Company"}, {c.start for c in lex if c.type != "Person"})
        found += self._latin(text, covered, companies, makers, chips, things)
        found += names_cn.transliterated(text, covered)
        found += names_cn.people(text, covered)
        found += names_cn.bylines(text, covered)
        found += names_funds.funds(text, covered)
        found += names_funds.fund_tails(text, lex)
        found += names_cn.organisations(text, covered)
        found += names_cn.sources(text, covered)
        found += names_cn.models(text, covered)
        found += names_cn.quoted(text, covered)
        out.extend(found)
        return doc

    def _family_affix(self, key: str) -> bool:
        """Whether a folded name begins or ends with a model family the lexicon knows (four letters or
        more): the key's own prefixes and suffixes looked up, not every family scanned."""
        long = self.long_families
        return any(key[:i] in long or key[-i:] in long for i in range(4, len(key) + 1))

    def _model_like(self, surface: str) -> bool:
        """Whether a name reads as a model: it ends in a version number, or begins or ends with the
        name of a model family the lexicon knows ("LLaVA-UHD", "DriveGPT4")."""
        if re.search(r"[A-Za-z]\d+(?:\.\d+)?$", surface) or re.search(r"GPT|LLM|LLaMA|Llama", surface):
            return True
        key = norm(surface)
        return self._family_affix(key)

    def _model_named(self, surface: str) -> bool:
        """Whether a name says it is a model by a word in it ("Macaw-LLM") or a model family the lexicon
        knows, whatever its version: a code with digits alone is as often a car or a drone."""
        if re.search(r"GPT|LLM|LLaMA|Llama", surface):
            return True
        key = norm(surface)
        return self._family_affix(key)

    def _model_shaped(self, surface: str) -> bool:
        """Whether a versioned name has the shape of a model's: a size or tier ("-65B", " Pro"), a dotted
        version, a "v" version, or the name of a model family the lexicon knows ("DALL.E 3")."""
        if _MODEL_TAIL.search(surface) or re.search(r"GPT|LLM|LLaMA|Llama|(?<![A-Za-z])[vV]\d", surface):
            return True
        key = norm(surface)
        return self._family_affix(key)

    def _made_by(self, text: str, a: int, b: int, makers: dict[int, Candidate]) -> Candidate | None:
        """The lexicon's entry for a name its maker's name is left out of ("Mistral 的 Large 2" is
        Mistral Large 2), when the maker stands just before it."""
        for end in range(max(0, a - 8), a + 1):
            c = makers.get(end)
            if c is None or not _OWNED.match(text[end:a]):
                continue
            for maker in (text[c.start:c.end], c.name):
                for entry, _weak in self.lexicon.lookup(f"{maker} {text[a:b]}"):
                    if entry.type in ("Model", "Product", "Chip"):
                        return Candidate(a, b, entry.type, entry.name, "pattern:maker-prefixed", 0.9, entry)
        return None

    def _latin(self, text: str, covered: bytearray, companies: set[int],
               makers: dict[int, Candidate] | None = None, chips: list[int] | None = None,
               things: tuple[set[int], set[int]] | None = None) -> list[Candidate]:
        out = []
        common = english_common()
        given = _given_names()
        census = _census_names()
        stop = self.lexicon.stopwords
        # short forms the document spells out in ordinary words are terms wherever they stand
        runs = list(LATIN_RUN.finditer(text))
        terms = {norm(m.group()) for m in runs if glossed_term(text, m.start(), m.end())}
        speakers = _speakers(text)
        for m in runs:
            for a, b, prose in _uncovered_word_runs(text, m.start(), m.end(), covered):
                a0 = a
                # leading generic words and titles are not part of a name; trailing generic ones neither,
                # unless they are what makes it an organisation name ("Pantheon AI")
                while a < b and (norm(_first(text, a, b)) in stop or _first(text, a, b) in _TITLES
                                 or _place_based(text[a:b], common)):  # "Paris-based Acme": where, not who
                    a = text.find(" ", a, b) + 1 if " " in text[a:b] else b
                while " " in text[a:b] and (norm(_last(text, a, b)) in stop
                                            and _last(text, a, b) not in _ORG_SUFFIX_CO | _ORG_SUFFIX_INV
                                            or _last(text, a, b) in _VERB_AFTER):  # "Acme raised": the verb is no part
                    b = text.rfind(" ", a, b)
                if a >= b or not latin_boundary_ok(text, a, b):
                    continue
                surface = text[a:b]
                words = surface.split(" ")
                if norm(surface) in stop or len(surface) < 2 or len(words) > 5:
                    continue
                if any(_MEASURE.match(w) for w in words) or _NOT_ENTITY_AFTER.match(text[b:b + 8]) \
                        or _NOT_ENTITY_BEFORE.search(text[max(0, a - 6):a]):
                    continue
                if _IN_TITLE.search(text[max(0, a - 40):a]) or _YEAR_OR_RANK.match(surface) or re.search(r"aaS\b", surface):
                    continue  # a title in 《》, "2024AI", "TOP20", "BaaS": no entity
                lower = [w for w in words if w[:1].islower() and not _SHORT_CODE.match(w)]
                if lower and (len(words) == 1 or len(lower) * 2 >= len(words)):
                    continue
                if (v := _VERSION_AFTER.match(text, b)) and _VERSIONED.search(surface) \
                        or len(words) == 1 and words[0][:1].isupper() and not _VERSIONED.search(surface) \
                        and (v := _BARE_VERSION.match(text, b)):
                    b = v.end()  # "MiniCPM-Llama3-V 2.5", "Large 2": the version is part of the name
                    surface, words = text[a:b], text[a:b].split(" ")
                if things and (text[a0 - 1:a0] == " " and a0 - 1 in things[0] or text[b:b + 1] == " " and b + 1 in things[1]) \
                        and not _person_shaped(text[a:b].split(" "), census) and text[a:b] not in given:
                    continue  # "Copilot Analytics", "Ask Instacart": a word of a longer name the lexicon knows part of
                if makers and (made := self._made_by(text, a, b, makers)):
                    out.append(made)
                    continue
                kind = _latin_kind(surface, words, common, given)
                if kind not in ("person", "given", "fullname", "company", "investor") and norm(surface) in terms:
                    continue  # "PMF（Product-Market Fit）", "建筑管理系统（BMS）": a term and its short form
                votes = type_votes(text, a, b, nouns_only=kind in ("word", "phrase", "acronym"))
                if speakers.get(surface, 0) >= 2 and kind not in ("word", "phrase"):
                    votes["Person"] = votes.get("Person", 0.0) + 1.5  # "Sriram：…" opens line after line: who speaks
                if kind in ("word", "phrase", "acronym") and votes and noun_after(text, b) \
                        and not type_votes(text, a, b, right_words=False):
                    continue  # "Super APP", "Critic模型", "CRM平台": a word or acronym before a noun is a kind of it
                # the few positions before the name looked up, not every company of the document scanned
                if any(e in companies and _OWNED.match(text[e:a]) for e in range(a - 8, a + 1)):
                    if kind in ("person", "given", "fullname") or _person_shaped(words, census) \
                            or _SAYS_PERSON.match(text, b):
                        # "Klarna的Sebastian", "Rippling的Parker Conrad": someone of that company
                        votes = votes or {"Person": 1.0}
                    elif self._model_named(surface):
                        votes["Model"] = votes.get("Model", 0.0) + 1.0  # "某厂的Macaw-LLM": a model it made
                    else:
                        votes["Product"] = votes.get("Product", 0.0) + 1.0
                elif kind in ("name", "word") and not self._model_like(surface) and not votes \
                        and any(e in companies and _RELEASED.match(text[e:a]) for e in range(a - 10, a + 1)):
                    votes["Product"] = 1.0
                if prose and kind in ("name", "given", "fullname") and not votes and not self._model_like(surface):
                    continue  # a capitalised word of English prose ("Thursday", "San Francisco") with no cue
                if kind == "chipcode" and not votes and chips and _near(chips, a, 40):
                    votes["Chip"] = 1.0  # "A800、H800、L20": a code written among chips the lexicon knows
                if kind == "versioned" and not votes and not self._model_shaped(surface) \
                        and not _dotted_elsewhere(text, surface) and not _ORG_OWNED.search(text, max(0, a - 12), a):
                    continue  # "Model 3", "Dota 2", "COVID-19", "Falcon 9": a number after a name makes no model
                typ, score = _decide(kind, votes)
                if (score < 0.6 or score < 0.7 and (kind != "versioned" or len(words) > 2)) and label_line(text, a, b):
                    continue  # "Emu Vide", "Alaya FM": a line of a figure or a table ("Gen-2" alone is a model's name)
                if typ == "Company" and score < 0.6 and self._model_like(surface):
                    typ = "Model"  # "Grok3", "DriveGPT4", "LLaVA-Next": a model family's name with a version
                if typ:
                    out.append(Candidate(a, b, typ, " ".join(words), f"pattern:latin-{kind}", score))
        return out


def _place_based(surface: str, common: frozenset[str]) -> bool:
    """Whether a run opens on where a company is based ("Paris-based Acme"), not on what a thing is based
    on ("Text-based Image Retrieval": the rest is made of ordinary words, a term and no name)."""
    words = surface.split(" ")
    return words[0].endswith("-based") and any(w.lower() not in common for w in words[1:])


def _near(starts: list[int], pos: int, span: int) -> bool:
    """Whether one of the sorted positions lies within `span` characters of `pos`."""
    i = bisect.bisect_left(starts, pos - span)
    return i < len(starts) and starts[i] <= pos + span


def _dotted_elsewhere(text: str, surface: str) -> bool:
    """Whether the document writes the name before the version with a dotted version too ("Sonet 3" beside
    "Sonet 3.5"): a model family the lexicon does not know."""
    stem = re.sub(r"[ -]?\d+$", "", surface)
    return bool(stem) and stem != surface and bool(re.search(re.escape(stem) + r"[ -]?\d+\.\d", text))


_GLOSS_AFTER = re.compile(r"\s?[（(](?P<g>[^（）()\n]{2,40})[）)]")
_GLOSS_BEFORE = re.compile(r"(?P<g>[\u4e00-\u9fff]{2,12})\s?[（(]\s?(?:即|又称|也称|简称|或称)?\s?$")


# a line opened by a name and a colon, markdown marks around it ("_Hellermark：", "**Sriram**:"): an interview's turn
_SPEAKER_LINE = re.compile(rf"(?m)^[\s*_#>\-]*(?:主持人|嘉宾|采访者|受访者)?\s?(?P<n>[A-Z][{LATIN}'’.\-]*"
                           rf"(?: [A-Z][{LATIN}'’.\-]*){{0,2}})\s?[*_]*\s?[：:]")


def _speakers(text: str) -> dict[str, int]:
    """How many different lines each Latin name opens as a speaker, in the document's text; a line that
    names it again after the colon ("Acme： Acme 使用…") heads a paragraph about it instead."""
    lines: dict[str, set[str]] = {}
    for m in _SPEAKER_LINE.finditer(text):
        end = text.find("\n", m.end())
        body = text[m.end():len(text) if end < 0 else end]
        if not body.lstrip(" *_").startswith(m["n"]):
            lines.setdefault(m["n"], set()).add(body)
    return {name: len(bodies) for name, bodies in lines.items()}


def glossed_term(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] is the short form of a term spelt out beside it in ordinary words:
    "PMF（Product-Market Fit）", "BMS（建筑管理系统）", "多模态大模型 (MM-LLM)"."""
    after = text[b:b + 2]
    if "（" not in after and "(" not in after and "）" not in after and ")" not in after:
        return False  # both readings need a bracket right after the short form
    common = english_common()
    m = _GLOSS_AFTER.match(text, b)
    if m is None and (before := _GLOSS_BEFORE.search(text, max(0, a - 16), a)) and re.match(r"\s?[）)]", text[b:b + 2]):
        m = before
    if m is None:
        return False
    gloss = m["g"].split("，")[0].split(",")[0].strip()
    latin = [w.lower() for w in re.findall(r"[A-Za-z]+", gloss)]
    if latin and len(latin) >= 2 and all(w in common for w in latin) and not re.search(r"[\u4e00-\u9fff]", gloss):
        return True
    han = re.sub(r"[^\u4e00-\u9fff]", "", gloss)
    return len(han) >= 4 and han == gloss.replace(" ", "") and names_cn.compound_of_words(han)


def label_line(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] stands on a line with next to nothing else (a label of a figure or a table)."""
    start = text.rfind("\n", 0, a) + 1
    end = text.find("\n", b)
    rest = text[start:a] + text[b:len(text) if end < 0 else end]
    return len(re.findall(r"[\u4e00-\u9fff]|[A-Za-z]+", rest)) < 4


@cache
def _given_names() -> frozenset[str]:
    """Given names: the hand-kept list, and the census list less the names that are English words
    as well ("Major", "Grant", "Summer")."""
    def words(name: str) -> set[str]:
        text = (Path(__file__).with_name("data") / name).read_text("utf-8")
        return {w for line in text.splitlines() if not line.startswith("#") for w in line.split()}

    common = english_common()
    return frozenset(words("given_names.txt") | {w for w in words("given_names_census.txt") if w.lower() not in common})


@cache
def _census_names() -> frozenset[str]:
    """Every given name of the census list, English words among them ("Parker", "Russ", "Will")."""
    text = (Path(__file__).with_name("data") / "given_names_census.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def _person_shaped(words: list[str], census: frozenset[str]) -> bool:
    """Whether two or three capitalised words open with a given name ("Parker Conrad", "Mickey Mikitani"):
    after a company's 的 such a name is someone who works there, not a product."""
    return len(words) in (2, 3) and words[0] in census and all(_PERSON_WORD.match(w) for w in words)


def _first(text: str, a: int, b: int) -> str:
    return text[a:b].split(" ")[0]


def _last(text: str, a: int, b: int) -> str:
    return text[a:b].split(" ")[-1]


_WORD_PARTS = re.compile(r"[-+&.]|(?<=[a-z])(?=[A-Z])")


def _latin_kind(surface: str, words: list[str], common: frozenset[str], given: frozenset[str]) -> str:
    """The form of a Latin name: what its shape alone says about its type."""
    if len(words) in (2, 3) and words[0] in given and all(w[:1].isupper() and not w[1:].isupper() for w in words[1:]):
        return "person"
    suffixes = _ORG_SUFFIX_INV | _ORG_SUFFIX_CO
    if len(words) > 1 and words[0] not in suffixes and all(w[:1].isupper() or w[:1].isdigit() for w in words):
        if words[-1] in _ORG_SUFFIX_INV:
            return "investor"  # "Blue Owl Capital": ordinary words, but the name of a fund
        if words[-1] in ("Labs", "Inc", "Inc.", "Corp", "Corp.", "Technologies", "Robotics", "Systems",
                         "Semiconductor", "Therapeutics", "Networks", "Computing", "Ltd", "Ltd.", "LLC"):
            return "company"
    parts = [p.lower() for w in words for p in _WORD_PARTS.split(w) if p]
    if len(parts) > 1 and all(p in common for p in parts):
        return "phrase"  # "Know-how", "Post-train", "CodeReview", "Product-Market Fit"
    if words[-1] in _ORG_SUFFIX_INV and len(words) > 1:
        return "investor"
    if words[-1] in _ORG_SUFFIX_CO and len(words) > 1 and all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return "company"
    if len(words) == 1 and _CHIP_CODE.match(surface):
        return "chipcode"
    if _VERSIONED.search(surface) and ("-" in surface or " " in surface or _MODEL_TAIL.search(surface)):
        return "versioned"
    if len(words) == 1:
        w = words[0]
        if w in given:
            return "given"  # "Noam", "Oriol": a person named by the first name alone
        if w[:1].isdigit():
            return "code"
        if w.isupper() and len(w) <= 4 and not any(ch.isdigit() for ch in w):
            return "acronym"
        if w.lower() in common:
            return "word"
        return "name"
    if all(w.lower() in common for w in words):
        return "phrase"
    if any(len(w) == 1 for w in words) and all(len(w) == 1 or w.lower() in common for w in words):
        return "phrase"  # "C Output": a letter and a word, a label
    if len(words) in (2, 3) and all(_PERSON_WORD.match(w) and w.lower() not in common for w in words):
        return "fullname"  # "Volkmar Ulig", "Tommi Jaakkola": shaped like a person's name, no word of English
    return "name"


_PERSON_WORD = re.compile(r"^[A-Z][a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)?$")


def _decide(kind: str, votes: dict[str, float]) -> tuple[str | None, float]:
    """Type and score of a Latin name from its form and the cues around it."""
    best = max(sorted(votes), key=votes.get) if votes else None
    strength = votes.get(best, 0.0) if best else 0.0
    if kind == "person":
        return "Person", 0.8
    if kind == "fullname":
        if best in (None, "Person") or strength < 1:
            return "Person", 0.7 if best == "Person" else 0.55
        return best, 0.55 + min(strength, 1) * 0.15
    if kind == "given":
        if best in (None, "Person"):
            return "Person", 0.7 if best else 0.6
        return (best, 0.55 + min(strength, 1) * 0.15) if strength >= 1 else ("Person", 0.55)
    if kind == "investor":
        return "Investor", 0.8
    if kind == "company":
        return (best if best in ("Company", "Investor") else "Company"), 0.75
    if kind == "chipcode":
        # a code with no word around it is more often a course, a camera, a car or a bill than a chip
        # ("CS106A", "D850", "XC60", "S1047"): the lexicon knows the chips written so
        if best is None:
            return None, 0.0
        return ("Chip", 0.75) if best == "Chip" else ((best, 0.6) if best == "Model" else ("Chip", 0.55))
    if kind == "versioned":
        if best in ("Chip", "Product", "Company"):
            return best, 0.6
        return "Model", 0.65
    if kind in ("acronym", "word", "phrase", "code"):
        return (best, 0.55 + min(strength, 1) * 0.15) if best and strength >= 1 else (None, 0.0)
    if best and strength >= 0.5:
        return best, 0.6 + min(strength, 1) * 0.15
    return "Company", 0.52


def _coverage(n: int, cands: list[Candidate]) -> bytearray:
    cov = bytearray(n)
    for c in cands:
        cov[c.start:c.end] = b"\x01" * (c.end - c.start)
    return cov


def _uncovered_word_runs(text: str, a: int, b: int, covered: bytearray):
    """Parts of a Latin run not covered by lexicon matches, cut at word boundaries and, in English
    prose, at ordinary lower-case words ("agreed to acquire ZT Systems for" → "ZT Systems"). Each part
    comes with whether it was cut out of prose."""
    if not _SPACE.search(text, a, b):
        # one word, the most common run: no prose around it to cut, unless it is a joiner itself
        prose = text[a:b] in _JOINERS
        if not (covered[a:b].count(1) or (prose and _plain_lower(text[a:b]))):
            yield a, b, prose
        return
    words = [(m.start(), m.end()) for m in _NON_SPACE.finditer(text, a, b)]
    prose = sum(1 for ws, we in words if _plain_lower(text[ws:we])) >= 2 or any(
        text[ws:we] in _JOINERS for ws, we in words)
    run: list[tuple[int, int]] = []
    for ws, we in words:
        if covered[ws:we].count(1) or (prose and _plain_lower(text[ws:we])):
            if run:
                yield run[0][0], run[-1][1], prose
            run = []
        else:
            run.append((ws, we))
    if run:
        yield run[0][0], run[-1][1], prose


_SPACE = re.compile(r"\s")
_NON_SPACE = re.compile(r"\S+")
_JOINERS = frozenset(("and", "or", "with", "by", "from", "for", "to", "in", "on", "at", "the", "as", "than", "via"))


def _plain_lower(word: str) -> bool:
    """An ordinary lower-case word (not "xAI", "iPhone", "o1")."""
    return word[:1].islower() and not any(ch.isupper() or ch.isdigit() for ch in word)


@Language.factory("aigraph_name_patterns_v1", default_config={"lexicon_path": None})
def make_name_patterns(nlp: Language, name: str, lexicon_path: str | None) -> NamePatterns:
    """Patterns for names outside the lexicon (the lexicon gives the stopwords)."""
    return NamePatterns(load_lexicon(lexicon_path))
