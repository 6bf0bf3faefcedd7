"""spaCy component `aigraph_name_patterns_v1`: names that no lexicon lists, typed by form and context."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from .candidates import Candidate, candidates, english_common, latin_boundary_ok, masked_text
from .cues import type_votes
from .lexicon import Lexicon, default_lexicon, norm

HAN = "\u3400-\u4dbf\u4e00-\u9fff"

# A Latin word: letters/digits with inner . + & ' - joins ("Bolt.new", "Copilot+", "11x", "GPT-4o").
_WORD = r"(?:[A-Za-z][A-Za-z0-9]*|\d+[A-Za-z][A-Za-z0-9]*)(?:[.+&'’-][A-Za-z0-9]+)*\+?"
LATIN_RUN = re.compile(rf"(?<![A-Za-z0-9.\-]){_WORD}(?:[ ]{_WORD})*")
_VERSIONED = re.compile(r"[A-Za-z].*\d|\d.*[A-Za-z]")
_CHIP_CODE = re.compile(r"^(?:[A-Z]{1,3}\d{2,4}[A-Z]{0,2}|[A-Z]{2}\d{3}[A-Z]?|MI\d{3}[A-Z]?)$")
_MODEL_TAIL = re.compile(r"(?:^|[- ])(?:\d+(?:\.\d+)?[BbMK]|Pro|Max|Mini|mini|Turbo|Lite|Flash|Ultra|Plus|Nano|"
                         r"Instruct|Chat|Coder|Vision|Preview|Sonnet|Opus|Haiku|\d+(?:\.\d+)+)$")
_ORG_SUFFIX_CO = ("AI", "Labs", "Lab", "Inc", "Inc.", "Corp", "Corporation", "Technologies", "Technology",
                  "Robotics", "Therapeutics", "Systems", "Networks", "Software", "Semiconductor", "Dynamics",
                  "Health", "Bio", "Biosciences", "Analytics", "Intelligence", "Computing", "Motors", "Group")
_ORG_SUFFIX_INV = ("Ventures", "Capital", "Partners", "Fund", "Investments", "VC", "Venture", "Holdings",
                   "Management", "Equity", "Growth")

_TRANSLIT = re.compile(rf"(?P<first>[{HAN}]{{1,5}})[·•・](?P<rest>[{HAN}]{{1,7}}(?:[·•・][{HAN}]{{1,7}})?)")
_CN_ORG = re.compile(
    r"(?P<suf>科技|集团|研究院|实验室|大学|学院|资本|创投|基金|控股|证券|银行|半导体)"
    r"|(?P<weak>智能|技术|网络|软件|电子|汽车|机器人|医疗|生物|信息)(?=(?:股份)?(?:有限)?公司|集团)"
)
_CN_MODEL = re.compile(r"(?P<kind>大模型|模型)(?P<ver> ?\d+(?:\.\d+)* ?(?:Turbo|Pro|Max|Plus|Ultra|Lite|Mini)?)?")
_CN_VERSIONED = re.compile(rf"(?<=[{HAN}])(?P<ver> ?\d+(?:\.\d+)+| ?\d+(?:\.\d+)? ?[BbK])(?![\d.%A-Za-z])")


@cache
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    text = resources.files("aigraph").joinpath("data", "surnames.txt").read_text("utf-8")
    words = [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


@cache
def _given_names() -> frozenset[str]:
    text = resources.files("aigraph").joinpath("data", "given_names.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@cache
def _cn_common() -> dict[str, int]:
    """jieba's dictionary: word → frequency (a common word is not a name)."""
    import jieba

    jieba.setLogLevel(60)
    jieba.dt.initialize()
    return jieba.dt.FREQ


def cn_common(word: str, threshold: int = 50) -> bool:
    """Whether a Chinese string is a common dictionary word."""
    return _cn_common().get(word, 0) >= threshold


# Things that look like names in Chinese text but are ordinary vocabulary.
_NOT_BRAND = frozenset(
    "行业 通用 垂直 垂类 多模态 端侧 开源 闭源 基础 国产 国内 国外 语言 视觉 金融 医疗 教育 大型 小型 中型 超大 "
    "专有 专用 预训练 推理 生成 生成式 对话 文本 图像 视频 语音 代码 科学 底层 基座 自研 领先 主流 头部 "
    "新一代 最新 全新 下一代 前沿 千亿 万亿 百亿 这些 这个 该 各类 各种 不同 相关 优秀 强大 先进 领域 企业 "
    "人工智能 一个 其 我们 它们 他们 训练 部署 应用 使用 采用 基于 开发 研发 构建 打造 世界 知识 思维 "
    "中国 美国 全球 国家 政府 高校 研究 工业 制造 汽车 城市 能源 电力 农业 交通 物流 法律 零售 游戏 "
    "情感 陪伴 智能 数据 算力 算法 参数 技术 产业 市场 产品 服务 平台 工具 系统 终端 设备 手机".split()
)


class NamePatterns:
    """Proposes candidates for names outside the lexicon: Latin names, organisations, people,
    versioned models and chips."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        text = masked_text(doc)
        out = candidates(doc)
        covered = _coverage(len(text), [c for c in out if c.source == "lexicon"])
        found: list[Candidate] = []
        found += self._latin(text, covered)
        found += self._transliterated(text, covered)
        found += self._chinese_people(text, covered)
        found += self._chinese_orgs(text, covered)
        found += self._chinese_models(text, covered)
        out.extend(found)
        return doc

    # ------------------------------------------------------------ Latin script

    def _latin(self, text: str, covered: bytearray) -> list[Candidate]:
        out = []
        common = english_common()
        given = _given_names()
        stop = self.lexicon.stopwords
        for m in LATIN_RUN.finditer(text):
            for a, b in _uncovered_word_runs(text, m.start(), m.end(), covered):
                while a < b and norm(text[a:b].split(" ")[0]) in stop:
                    a = text.find(" ", a, b) + 1 if " " in text[a:b] else b
                while a < b and norm(text[a:b].split(" ")[-1]) in stop and " " in text[a:b]:
                    b = text.rfind(" ", a, b)
                if a >= b or not latin_boundary_ok(text, a, b):
                    continue
                surface = text[a:b]
                words = surface.split(" ")
                if norm(surface) in stop or len(surface) < 2 or len(words) > 5:
                    continue
                lower_words = [w for w in words if w[:1].islower() and not _VERSIONED.search(w)]
                if lower_words and (len(words) == 1 or len(lower_words) * 2 >= len(words)):
                    if not (len(words) == 1 and _VERSIONED.search(surface)):
                        continue
                kind = self._latin_kind(surface, words, common, given)
                if kind is None:
                    continue
                votes = type_votes(text, a, b)
                typ, score = _decide(kind, votes, surface)
                if typ:
                    out.append(Candidate(a, b, typ, _latin_name(surface), f"pattern:latin-{kind}", score))
        return out

    @staticmethod
    def _latin_kind(surface: str, words: list[str], common: frozenset[str], given: frozenset[str]) -> str | None:
        """The form of a Latin name: what its shape alone says about its type."""
        if len(words) in (2, 3) and words[0] in given and all(w[:1].isupper() and w[1:].islower() for w in words[1:]):
            return "person"
        if words[-1] in _ORG_SUFFIX_INV and len(words) > 1:
            return "investor"
        if words[-1] in _ORG_SUFFIX_CO and len(words) > 1:
            return "company"
        if len(words) == 1 and _CHIP_CODE.match(surface):
            return "chipcode"
        if _VERSIONED.search(surface) and ("-" in surface or " " in surface or _MODEL_TAIL.search(surface)):
            return "versioned"
        if len(words) == 1:
            w = words[0]
            if w.isupper() and len(w) <= 4 and not any(ch.isdigit() for ch in w):
                return "acronym"
            if w.lower() in common:
                return "word"
            return "name"
        if all(w.lower() in common for w in words):
            return "phrase"
        return "name"

    # ------------------------------------------------------------ people

    def _transliterated(self, text: str, covered: bytearray) -> list[Candidate]:
        out = []
        for m in _TRANSLIT.finditer(text):
            # the given name before the dot is short; a role word glued to its left is not part of it
            a = _after_cue(text, max(m.start("first"), m.end("first") - 4), m.end("first"))
            b = m.start("rest")
            while b < m.end("rest") and text[b] not in _STOP_CHARS:
                b += 1
            if m.end("first") - a < 1 or b - m.start("rest") < 1 or covered[a:b].count(1):
                continue
            out.append(Candidate(a, b, "Person", text[a:b], "pattern:translit", 0.8))
        return out

    def _chinese_people(self, text: str, covered: bytearray) -> list[Candidate]:
        single, double = _surnames()
        out = []
        for m in _PERSON_CUE.finditer(text):
            if m["before"] is not None:
                start = m.end()
                name = _cn_name_at(text, start, single, double)
                if name:
                    out.append(Candidate(start, start + len(name), "Person", name, "pattern:cn-person", 0.75))
            else:
                end = m.start()
                name = _cn_name_before(text, end, single, double)
                if name:
                    out.append(Candidate(end - len(name), end, "Person", name, "pattern:cn-person", 0.7))
        return [c for c in out if not covered[c.start:c.end].count(1)]

    # ------------------------------------------------------------ organisations and models

    def _chinese_orgs(self, text: str, covered: bytearray) -> list[Candidate]:
        out = []
        for m in _CN_ORG.finditer(text):
            suf = m["suf"] or m["weak"]
            start, end = _name_start(text, m.start(), max_len=8), m.end()
            stem = text[start:m.start()]
            if len(stem) < 2 or stem in _NOT_BRAND or cn_common(stem, 2000) or covered[start:end].count(1) == end - start:
                continue
            typ = "Investor" if suf in ("资本", "创投", "基金") else "Company"
            out.append(Candidate(start, end, typ, text[start:end], "pattern:cn-org", 0.6))
        return out

    def _chinese_models(self, text: str, covered: bytearray) -> list[Candidate]:
        out = []
        for m in _CN_MODEL.finditer(text):
            start, end = _name_start(text, m.start(), max_len=6), m.end()
            while start < m.start() and covered[start]:
                start += 1  # a company glued to its model ("思特奇九思大模型"): the model starts after it
            brand = text[start:m.start()]
            if not _brand_ok(brand, 500) or covered[start:end].count(1):
                continue
            out.append(Candidate(start, end, "Model", text[start:end], "pattern:cn-model", 0.7))
        for m in _CN_VERSIONED.finditer(text):
            start, end = _name_start(text, m.start(), max_len=6), m.end()
            while start < m.start() and covered[start]:
                start += 1
            if not _brand_ok(text[start:m.start()], 50) or covered[start:end].count(1):
                continue
            votes = type_votes(text, start, end)
            if votes.get("Model", 0) > 0 or votes.get("Chip", 0) > 0:
                typ = "Chip" if votes.get("Chip", 0) > votes.get("Model", 0) else "Model"
                out.append(Candidate(start, end, typ, text[start:end], "pattern:cn-versioned", 0.65))
        return out


def _brand_ok(brand: str, common_threshold: int) -> bool:
    """Whether a Chinese string before 模型 or a version number can be a brand."""
    if len(brand) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in brand) or brand in _NOT_BRAND:
        return False
    if any(brand.endswith(w) or brand.startswith(w) for w in _NOT_BRAND if len(w) > 1):
        return False
    return not cn_common(brand, common_threshold) and not _compound_of_words(brand)


def _compound_of_words(text: str) -> bool:
    """Whether a string is made of two or more common words ("安全检测"): a description, not a brand."""
    import jieba

    _cn_common()
    words = jieba.lcut(text, HMM=False)
    return len(words) >= 2 and all(len(w) >= 2 and cn_common(w, 100) for w in words)


def _decide(kind: str, votes: dict[str, float], surface: str) -> tuple[str | None, float]:
    """Type and score of a Latin name from its form and the cues around it."""
    best = max(votes, key=votes.get) if votes else None
    strength = votes.get(best, 0.0) if best else 0.0
    if kind == "person":
        return ("Person", 0.8) if best in (None, "Person") or strength < 1 else (best, 0.6)
    if kind == "investor":
        return "Investor", 0.8
    if kind == "company":
        return (best if best in ("Company", "Investor") else "Company"), 0.75
    if kind == "chipcode":
        return ("Chip", 0.75) if best in ("Chip", None) else ((best, 0.6) if best == "Model" else ("Chip", 0.55))
    if kind == "versioned":
        if best in ("Chip", "Product", "Company"):
            return best, 0.6
        return "Model", 0.65
    if kind in ("acronym", "word", "phrase"):
        return (best, 0.55 + min(strength, 1) * 0.15) if best and strength >= 1 else (None, 0.0)
    if best and strength >= 0.5:
        return best, 0.6 + min(strength, 1) * 0.15
    return "Company", 0.52


def _latin_name(surface: str) -> str:
    return " ".join(surface.split())


def _coverage(n: int, cands: list[Candidate]) -> bytearray:
    cov = bytearray(n)
    for c in cands:
        cov[c.start:c.end] = b"\x01" * (c.end - c.start)
    return cov


def _uncovered_word_runs(text: str, a: int, b: int, covered: bytearray):
    """Parts of a Latin run not covered by lexicon matches, cut at word boundaries."""
    words = [(m.start() + a, m.end() + a) for m in re.finditer(r"\S+", text[a:b])]
    run: list[tuple[int, int]] = []
    for ws, we in words:
        if covered[ws:we].count(1):
            if run:
                yield run[0][0], run[-1][1]
            run = []
        else:
            run.append((ws, we))
    if run:
        yield run[0][0], run[-1][1]


_STOP_CHARS = set("的了在是和与及或由被对向从将把为以于等其该这那此各每中上下里内外一个也都又就而并且但之所着过给让使")
_LOCATIONS = ("美国", "中国", "日本", "韩国", "英国", "法国", "德国", "北京", "上海", "深圳", "杭州", "广州",
              "硅谷", "国内", "海外", "国外", "全球", "印度", "欧洲", "以色列", "新加坡", "加拿大", "香港", "台湾")


def _name_start(text: str, end: int, max_len: int) -> int:
    """Where a Chinese name ending at `end` starts: after punctuation, function words, places."""
    start = end
    while start > 0 and end - start < max_len:
        c = text[start - 1]
        if not ("\u4e00" <= c <= "\u9fff" or c.isascii() and c.isalnum()):
            break
        if c in _STOP_CHARS:
            break
        start -= 1
    for loc in _LOCATIONS:
        if text.startswith(loc, start) and end - start - len(loc) >= 2:
            start += len(loc)
            break
    return _after_cue(text, start, end)


def _after_cue(text: str, start: int, end: int) -> int:
    """Skip a role or category word glued before a name (创始人埃隆·马斯克, 初创公司Sameday)."""
    window = text[start:end]
    best = 0
    for m in _GLUED_CUE.finditer(window):
        best = max(best, m.end())
    return start + best


_ROLE = (r"联合创始人|创始人|首席执行官|首席技术官|首席科学家|首席财务官|首席运营官|CEO|CTO|COO|CFO|董事长|总裁|"
         r"总经理|副总裁|合伙人|教授|研究员|科学家|工程师|分析师|院士|博士|负责人|主席|院长|主任|作者|编辑|记者|"
         r"产品官|技术官|执行官|老板|掌门人|领导人|总统|部长")
_GLUED_CUE = re.compile(rf"(?:{_ROLE}|公司|初创|创业公司|企业|机构|巨头|厂商|推出|发布|上线|开源|研发|开发|打造|使用|"
                        rf"采用|基于|搭载|包括|例如|比如|如|的|是|为)")
_PERSON_CUE = re.compile(
    rf"(?P<before>(?:{_ROLE})(?:兼[{HAN}A-Z]{{1,6}})?[:：]?\s?|文[:：]\s?|编辑[:：]\s?|作者[:：]\s?)"
    rf"|(?=(?:教授|博士|院士|老师|先生|女士|表示|指出|认为|透露|强调|介绍|称|说)(?![{HAN}]{{0,0}}[们]))"
)


def _cn_name_at(text: str, start: int, single: frozenset[str], double: frozenset[str]) -> str | None:
    """A Chinese personal name starting at `start` (surname + one or two characters)."""
    s = text[start:start + 4]
    if len(s) < 2:
        return None
    slen = 2 if s[:2] in double else 1 if s[:1] in single else 0
    if not slen:
        return None
    for glen in (2, 1):
        name = s[: slen + glen]
        if len(name) < slen + glen or not all("\u4e00" <= c <= "\u9fff" for c in name):
            continue
        after = text[start + len(name):start + len(name) + 2]
        # a name whose last character begins a common word ("安蒙抛出" → 安蒙) is one character shorter
        if glen == 2 and (cn_common(name[-1] + after[:1], 200) or name[-1] in _STOP_CHARS):
            continue
        if cn_common(name, 3000):
            continue
        return name
    return None


def _cn_name_before(text: str, end: int, single: frozenset[str], double: frozenset[str]) -> str | None:
    """A Chinese personal name ending at `end`."""
    for length in (3, 2):
        name = text[max(0, end - length):end]
        if len(name) != length or not all("\u4e00" <= c <= "\u9fff" for c in name):
            continue
        slen = 2 if name[:2] in double and length == 3 else 1 if name[:1] in single else 0
        if not slen or cn_common(name, 3000) or any(c in _STOP_CHARS for c in name[slen:]):
            continue
        before = text[end - length - 1:end - length] if end - length > 0 else ""
        if length == 2 and before and "\u4e00" <= before <= "\u9fff" and before not in _STOP_CHARS and before + name[:1] not in double:
            if not _GLUED_CUE.search(text[max(0, end - length - 4):end - length]):
                continue
        return name
    return None


@Language.factory("aigraph_name_patterns_v1", default_config={})
def make_name_patterns(nlp: Language, name: str) -> NamePatterns:
    """Patterns for names outside the lexicon (uses the packaged lexicon's stopwords and coverage)."""
    return NamePatterns(default_lexicon())
