"""Chinese-script names outside the lexicon: people beside titles, organisations, models, sources."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path

from aigraph.extraction import jiebadict
from aigraph.extraction.candidates import Candidate
from aigraph.extraction.cues import type_votes
from aigraph.extraction.names_funds import fund_kind
from aigraph.extraction.quick import quick
from aigraph.extraction.words import alt, words

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
LATIN_CHARS = "A-Za-zÀ-ÖØ-öø-ÿĀ-ž"

_STOP_CHARS = frozenset("的了在是和与及或由被对向从将把为以于等其该这那此各每中上下里内外一个也都又就而并且但之所着过给让使他她它们曾已"
                        "某仍最还需我你您") | frozenset("".join(words("names.not_start")))
_ORG_HEAD = re.compile(alt("names.org_head"))
_SUFFIX_GLUED = re.compile(alt("names.suffix_glued"))
# measure words after 一 ("一批重大原创科技成果", "一道推进科技赋能"): the name cannot start with them
_MEASURE_AFTER_ONE = frozenset("批道家个种款位名项些群支套类场次")
# single characters that open a phrase, not a name ("来推进大模型", "有不少资本", "想谈谈半导体")
_FUNCTION_CHARS = frozenset("来有再均皆即便则才只更很太要能会可应该不去想做听说到走让叫使没")
_LOCATIONS = ("美国", "中国", "日本", "韩国", "英国", "法国", "德国", "北京", "上海", "深圳", "杭州", "广州",
              "硅谷", "国内", "海外", "国外", "全球", "印度", "欧洲", "以色列", "新加坡", "加拿大", "香港", "台湾")
# Things that look like names in Chinese text but are ordinary vocabulary.
NOT_BRAND = frozenset(
    "行业 通用 垂直 垂类 多模态 端侧 开源 闭源 基础 国产 国内 国外 语言 视觉 金融 医疗 教育 大型 小型 中型 超大 "
    "专有 专用 预训练 推理 生成 生成式 对话 文本 图像 视频 语音 代码 科学 底层 基座 自研 领先 主流 头部 "
    "新一代 最新 全新 下一代 前沿 千亿 万亿 百亿 这些 这个 该 各类 各种 不同 相关 优秀 强大 先进 领域 企业 "
    "人工智能 一个 其 我们 它们 他们 训练 部署 应用 使用 采用 基于 开发 研发 构建 打造 世界 知识 思维 "
    "中国 美国 全球 国家 政府 高校 研究 工业 制造 汽车 城市 能源 电力 农业 交通 物流 法律 零售 游戏 "
    "情感 陪伴 智能 数据 算力 算法 参数 技术 产业 市场 产品 服务 平台 工具 系统 终端 设备 手机 外媒 媒体 "
    "机构 第三方 官方 报告 调查 统计 分析 预测 业内 行业内 专家 人士 消息 资料 公开 网络 我国 本土 海外 "
    "类人 人形 扫地 清洁 家用 协作 具身".split()
)
ROLE = (r"联合创始人|创始人|首席执行官|首席技术官|首席科学家|首席财务官|首席运营官|CEO|CTO|COO|CFO|董事长|总裁|"
        r"总经理|副总裁|合伙人|教授|研究员|科学家|工程师|分析师|院士|博士|负责人|主席|院长|主任|作者|编辑|记者|"
        r"产品官|技术官|执行官|老板|掌门人|领导人|总统|部长|学者|专家")
# words written right before a name, that are not part of it
# (老股东, 现有股东: a round's returning investors, "老股东某某资本继续跟投")
GLUED_CUE = re.compile(rf"(?:{ROLE}|公司|初创|创业公司|企业|机构|巨头|厂商|推出|发布|上线|开源|研发|开发|打造|使用|"
                       rf"采用|基于|搭载|包括|例如|比如|如|的|是|为|{alt('funding.returning')}|{alt('names.invest_glued')}"
                       r"|(?<=[年曾也还再又已将并])投资)")
_PERSON_CUE = re.compile(
    rf"(?P<before>(?:{ROLE})(?:兼[{HAN}A-Z]{{1,6}})?[:：]?\s?|文[:：]\s?)"
    rf"|(?=(?:教授|博士|院士|老师|先生|女士|表示|指出|认为|透露|强调|介绍|称|说)(?!们))"
)
# a lone 文 opens a byline only where no word ends in it ("雄文：", "长文：", "原文：" are titles and links)
_BYLINE = re.compile(rf"(?:作者|编辑|撰文|(?<![{HAN}])文|记者|译者|校对|审校|责编|策划)\s?[:：]\s?(?P<names>[^\n。；;]{{2,60}})")
_BYLINE_ITEM = re.compile(rf"[{HAN}]{{2,4}}|[{LATIN_CHARS}][{LATIN_CHARS}.'\-]*(?: [{LATIN_CHARS}][{LATIN_CHARS}.'\-]*){{0,2}}")
_TRANSLIT = re.compile(rf"(?P<first>[{HAN}]{{1,5}})[·•・](?P<rest>[{HAN}]{{1,7}}(?:[·•・][{HAN}]{{1,7}})?)")
# a weak organisation word ends a name before 公司 or 集团, or before a round the name completes or receives
# ("星澜智能完成数千万元A轮融资")
_CN_ORG = re.compile(
    r"(?P<suf>科技|集团|研究院|实验室|大学|学院|资本|创投|基金|控股|证券|银行|半导体)"
    r"|(?P<weak>智能|技术|网络|软件|电子|汽车|机器人|医疗|生物|信息)(?=(?:股份)?(?:有限)?公司|集团"
    rf"|(?:近日|日前|今日|已|已经|正式)?\s?(?:宣布)?\s?{alt('funding.receive')}[^，,；;。]{{0,16}}?(?:融资|投资))"
)
_CN_MODEL = re.compile(r"(?P<kind>大模型)(?P<ver> ?\d+(?:\.\d+)* ?(?:Turbo|Pro|Max|Plus|Ultra|Lite|Mini)?)?")
_CN_VERSIONED = re.compile(rf"(?<=[{HAN}])(?P<ver> ?\d+(?:\.\d+)+| ?\d+(?:\.\d+)? ?[BbK])(?![\d.%A-Za-z])")
# "根据X的统计", "据X报告", "数据来源：X": X is an organisation that publishes data
_SOURCE = re.compile(rf"(?:根据|(?<![数依证根占])据|来自|数据来源\s?[:：]|资料来源\s?[:：]|来源\s?[:：])\s?"
                     rf"(?P<name>(?:(?!根据|自主|公开|研究|绘制|整理)[{HAN}A-Za-z0-9]){{2,14}}?)"
                     rf"(?:的)?(?:统计|数据|观察|报告|调查|预测|分析|复盘|研究|测算|显示|整理|披露|报道|估计)")
_NOT_NAME_POS = ("v", "d", "p", "c", "r", "a", "u", "m", "q", "f", "t", "ad", "vn", "vd", "z")
# characters Chinese uses to write foreign names (埃隆·马斯克, 雷·库兹韦尔, 萨姆·奥尔特曼)
_TRANSLIT_CHARS = frozenset(
    "阿埃艾安昂奥澳巴拜班邦鲍贝本比彼毕宾波伯博布查达戴丹道德登邓迪蒂丁东杜敦多厄恩尔法范菲费芬冯弗伏福富盖甘冈高戈格葛"
    "根古瓜哈海汉豪赫亨洪胡华怀惠霍基吉加贾杰金卡凯坎康柯科克肯库夸拉莱赖兰朗劳勒雷蕾里利莉丽连列林琳留卢鲁路伦罗洛"
    "吕马玛迈麦曼芒毛梅门蒙米敏明摩莫墨姆穆纳娜奈南内尼涅宁纽努诺欧帕潘庞佩彭皮珀普奇齐恰乔琴丘让热瑞若撒萨塞赛桑瑟"
    "森沙莎善舍什施史士斯松苏索塔泰坦汤唐特提汀通图托瓦万旺威韦维温文沃乌伍西希锡夏谢欣辛休徐雅亚扬耶伊因英尤于雨约"
    "泽扎詹兹佐朱茨瑟罗尔芙黛薇琪娅丝莉妮蒂贝卓宁夫默翰历顿隆龙肖卫切密理廷汗舒烈逊勃廉大山雪保昆灵农依"
)
# function characters that are also letters of foreign names (莫里茨, 内森): they do not end a 名·姓 name
_TRANSLIT_STOP_OK = frozenset("里内")
_SOURCE_PREFIX = re.compile(r"^(?:.*?(?:公司|机构|研究院|平台|网站|媒体))")


@cache
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Chinese surnames: single characters and two-character ones."""
    text = (Path(__file__).with_name("data") / "surnames.txt").read_text("utf-8")
    words = [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


@cache
def _jieba_freq() -> dict[str, int]:
    return jiebadict.loaded()[0]


def cn_common(word: str, threshold: int = 50) -> bool:
    """Whether a Chinese string is a common dictionary word (jieba's dictionary frequency)."""
    return _jieba_freq().get(word, 0) >= threshold


def ordinary_word(word: str, threshold: int = 20) -> bool:
    """Whether jieba's dictionary lists the word as an ordinary one (not tagged as a name), or reads it as
    ordinary words only ("性价比", "云端", "本页")."""
    _jieba_freq()
    tag = _tags().get(word)
    if tag is not None:
        return cn_common(word, threshold) and not (tag.startswith("nr") or tag in ("nz", "nt", "ns", "nrt"))
    words = [(w, _tags().get(w, "x")) for w in _first_block_words(word)]
    return len(words) >= 2 and all(len(w) >= 2 and cn_common(w, 200) and not flag.startswith("n")
                                   or w in _STOP_CHARS for w, flag in words)


@lru_cache(maxsize=1 << 14)
def compound_of_words(text: str) -> bool:
    """Whether a string is made of two or more common words ("安全检测"): a description, not a brand."""
    import jieba

    _jieba_freq()
    words = jieba.lcut(text, HMM=False)
    return len(words) >= 2 and all(len(w) >= 2 and cn_common(w, 100) for w in words)


_NOT_BRAND_WORDS = tuple(w for w in NOT_BRAND if len(w) > 1)  # str.endswith takes them all at once


def brand_ok(brand: str, common_threshold: int, compound: bool = True) -> bool:
    """Whether a Chinese string can be a brand or organisation name rather than ordinary words."""
    if len(brand) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in brand) or brand in NOT_BRAND:
        return False
    if brand.endswith(_NOT_BRAND_WORDS) or brand.startswith(_NOT_BRAND_WORDS):
        return False
    if cn_common(brand, common_threshold) or starts_as_function_word(brand):
        return False
    return not (compound and compound_of_words(brand))


@lru_cache(maxsize=1 << 14)
def starts_as_function_word(text: str) -> bool:
    """Whether jieba reads the text as beginning with a verb, adverb, preposition, pronoun or the
    like ("依托科技", "激发科技"): a phrase, not a name. The first word and its tag are those
    `jieba.posseg.cut(text, HMM=False)` gives, read from jieba's own segmentation and dictionary without
    loading posseg's table of every word's tag (most of a build's start-up)."""

    _jieba_freq()
    block = next((b for b in _POSSEG_BLOCK.split(text) if b), "")
    if not _POSSEG_BLOCK.fullmatch(block):
        return False  # posseg gives a non-Chinese block's characters one by one, tagged x, m or eng
    words = _first_block_words(block)
    first = words[0]
    if len(first) == 1:
        return first in _FUNCTION_CHARS and len(text) > 1
    return _tags().get(first, "x") in _NOT_NAME_POS or _tags().get(first) in ("i", "l")  # idioms, set phrases


_POSSEG_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")  # jieba.posseg's re_han_internal


def _first_block_words(block: str) -> list[str]:
    """jieba's words of a block of Han text, as `jieba.posseg.cut(block, HMM=False)` splits it."""
    import jieba

    route: dict = {}
    jieba.dt.calc(block, jieba.dt.get_DAG(block), route)
    out, i = [], 0
    while i < len(block):
        j = route[i][1] + 1
        out.append(block[i:j])
        i = j
    return out


@cache
def _tags() -> Mapping[str, str]:
    """Word -> part-of-speech tag, as jieba's dictionary has it (its `word freq tag` lines), without
    loading posseg's own copy of the table (most of a build's start-up)."""
    return jiebadict.loaded()[1]


def name_start(text: str, end: int, max_len: int) -> int:
    """Where a Chinese name ending at `end` starts: after punctuation, function words, places, cues."""
    start = end
    while start > 0 and end - start < max_len:
        c = text[start - 1]
        if not ("\u4e00" <= c <= "\u9fff" or c.isascii() and c.isalnum()) or c in _STOP_CHARS:
            break
        start -= 1
    if start < end and text[start] in _MEASURE_AFTER_ONE and text[start - 1:start] == "一":
        start += 1
    elif 0 < start < end and cn_common(text[start - 1:start + 1], 500):
        start += 1  # the stop character begins a word ("仍然", "那些", "就像"): its second half is no name's start
    for loc in _LOCATIONS:
        if text.startswith(loc, start) and end - start - len(loc) >= 2:
            start += len(loc)
            break
    return after_cue(text, start, end)


def after_cue(text: str, start: int, end: int) -> int:
    """Skip a role or category word glued before a name (创始人埃隆·马斯克, 初创公司Sameday)."""
    best = 0
    for m in GLUED_CUE.finditer(text[start:end]):
        best = max(best, m.end())
    return start + best


def _free(covered: bytearray, a: int, b: int) -> bool:
    return not covered[a:b].count(1)


def _first_name_start(text: str, a: int, dot: int) -> int:
    """Where the first name of a 名·姓 name starts in text[a:dot]: after a function word ("和埃里克"), and,
    where the stretch is glued to the words before it ("执行官丽贝卡", "我会看汤姆"), at the letters of
    foreign names that end it."""
    for i in range(dot - 2, a - 1, -1):
        if text[i] in _STOP_CHARS and text[i] not in _TRANSLIT_STOP_OK:
            a = i + 1  # "盖茨和保罗": the first name starts after the last function word
            break
    if a > 0 and "\u4e00" <= text[a - 1] <= "\u9fff":
        k = dot
        while k > a and text[k - 1] in _TRANSLIT_CHARS:
            k -= 1
        if dot - k >= 2:
            a = k
    return a


_VERB_TAGS = ("v", "vd", "vn", "d", "p", "c", "u", "r", "a", "ad", "m", "q", "f", "t")


def _clause_after_name(text: str, b: int) -> bool:
    """Whether text[b:] opens the clause after a name rather than continuing it: a verb of saying or a
    function character ("称", "会", "有"), a common word not written in the letters of foreign names
    ("教授", "电影"), or a common word that is no noun ("提出", "认为", "上来")."""
    if text[b] in _SAYS or text[b] in _FUNCTION_CHARS and text[b] not in _TRANSLIT_CHARS:
        return True
    if text[b] not in _TRANSLIT_CHARS and cn_common(text[b:b + 2], 300):
        return True  # "教授", "画作", "电影": a word that no foreign name's letters begin
    for k in (2, 3):
        w = text[b:b + k]
        if len(w) == k and cn_common(w, 300) and _tags().get(w, "x").startswith(_VERB_TAGS):
            return True
    return False


def _near_dot(text: str, pos: int) -> int:
    """Where a search for _TRANSLIT from `pos` can start finding something: its first name (five Han
    characters at most) ends on a middle dot, so no match starts earlier than five before the next dot.
    Without one, the end of the text; the regex alone tried every Han character of the document."""
    dots = [i for i in (text.find(d, pos) for d in "·•・") if i >= 0]
    return max(pos, min(dots) - 5) if dots else len(text)


def transliterated(text: str, covered: bytearray) -> list[Candidate]:
    """Foreign names written with a middle dot (埃隆·马斯克, 雷·库兹韦尔)."""
    out = []
    pos = 0
    while m := _TRANSLIT.search(text, _near_dot(text, pos)):
        # the next name may start where this one ends ("比尔·盖茨和保罗·艾伦"), inside this match
        pos = m.end("first") + 1
        dot = m.end("first")
        run = dot
        while run > 0 and "\u4e00" <= text[run - 1] <= "\u9fff" and dot - run < 9:
            run -= 1  # look for a title further back than the first name can reach ("英特尔创始人戈登·摩尔")
        a = max(after_cue(text, run, dot), dot - 4)
        a = _first_name_start(text, a, dot)
        b = m.start("rest")
        while b < m.end("rest") and (text[b] not in _STOP_CHARS or text[b] in _TRANSLIT_STOP_OK):
            if b > m.start("rest") and _clause_after_name(text, b):
                break  # "温斯顿称", "赫布提出", "芒格有": a verb after the name is no part of it
            b += 1
        name = text[a:b]
        letters = [c for c in name if c not in "·•・"]
        if sum(c in _TRANSLIT_CHARS for c in letters) < 0.7 * len(letters):
            continue
        if m.end("first") - a >= 1 and b > m.start("rest") and _free(covered, a, b):
            out.append(Candidate(a, b, "Person", name, "pattern:translit", 0.8))
            pos = max(pos, b)
    return out


# last characters of terms, not of given names ("鲁棒性：…" glosses a term)
_TERM_SUFFIX = frozenset("性率度化型论器值制式量层侧端域级链")
# an interview's speaker: a name opening the line, a colon after it ("王小川：我们认为…")
_SPEAKER = re.compile(rf"(?m)^[\s*#>\-]*(?:主持人|嘉宾|采访者|受访者)?\s?(?P<name>[{HAN}]{{2,4}})\s?\**\s?[：:]")


def people(text: str, covered: bytearray) -> list[Candidate]:
    """Chinese names beside a title or a verb of saying (高通总裁安蒙, 李飞飞教授), and speakers."""
    single, double = surnames()
    out = []
    for m in _SPEAKER.finditer(text):
        name = m["name"]
        slen = 2 if name[:2] in double and len(name) > 2 else 1 if name[0] in single else 0
        if slen and len(name) - slen <= 2 and not cn_common(name, 50) and not cn_common(name[slen:], 300) \
                and not cn_common(name[:2], 100) \
                and not any(c in _STOP_CHARS for c in name) and name[-1] not in _TERM_SUFFIX:
            out.append(Candidate(m.start("name"), m.end("name"), "Person", name, "pattern:cn-speaker", 0.75))
    for m in _PERSON_CUE.finditer(text):
        if m["before"] is not None:
            name = _name_at(text, m.end(), single, double)
            if name:
                out.append(Candidate(m.end(), m.end() + len(name), "Person", name, "pattern:cn-person", 0.75))
        else:
            name = _name_before(text, m.start(), single, double)
            if name:
                out.append(Candidate(m.start() - len(name), m.start(), "Person", name, "pattern:cn-person", 0.7))
    return [c for c in out if _free(covered, c.start, c.end)]


def bylines(text: str, covered: bytearray) -> list[Candidate]:
    """The names listed after 作者：/编辑：/文： (王子、顾程来、Evan、李海丹)."""
    single, double = surnames()
    out = []
    for m in _BYLINE.finditer(text):
        base = m.start("names")
        for item in re.finditer(r"[^、,，/和\s*]+(?: [A-Z][\w.'-]*)*", m["names"]):
            a, b = base + item.start(), base + item.end()
            word = text[a:b]
            ok = (_BYLINE_ITEM.fullmatch(word) and (not re.match(f"[{HAN}]", word) or word[0] in single or word[:2] in double))
            if ok and _free(covered, a, b) and not cn_common(word, 5000):
                out.append(Candidate(a, b, "Person", word, "pattern:byline", 0.75))
    return out


# characters no given name holds ("但我不认为", "但很难说": a clause, not a name)
_NOT_GIVEN = frozenset("不没很太")
# verbs of speaking that end a clause after a name ("某合伙人艾琳谈人才"): the name ends before them
_SAYS = frozenset("谈说称道问答讲")


def _person_ok(name: str, slen: int) -> bool:
    """Whether a surname and given name could be a person's: the surname character is no function word
    (但, 和, 来 are surnames, but rarely open a name in running text), the given name holds no negation."""
    return name[0] not in _STOP_CHARS and name[0] not in _FUNCTION_CHARS \
        and not any(c in _STOP_CHARS or c in _NOT_GIVEN for c in name[slen:])


def _name_at(text: str, start: int, single: frozenset[str], double: frozenset[str]) -> str | None:
    """A Chinese personal name starting at `start` (surname + one or two characters)."""
    s = text[start:start + 4]
    slen = 2 if s[:2] in double else 1 if s[:1] in single else 0
    if not slen:
        return None
    for glen in (2, 1):
        name = s[: slen + glen]
        if len(name) < slen + glen or not all("\u4e00" <= c <= "\u9fff" for c in name):
            continue
        if not _person_ok(name, slen) or glen == 2 and name[-1] in _SAYS:
            continue
        if cn_common(name[slen:], 300) or cn_common(name[:2], 300):
            continue  # "和解决", "公司名": words, not a name
        after = text[start + len(name):start + len(name) + 2]
        # a name whose last character begins a common word ("安蒙抛出" → 安蒙) is one character shorter
        if glen == 2 and cn_common(name[-1] + after[:1], 200):
            continue
        if cn_common(name, 3000):
            continue
        return name
    return None


def _name_before(text: str, end: int, single: frozenset[str], double: frozenset[str]) -> str | None:
    """A Chinese personal name ending at `end`."""
    for length in (3, 2):
        name = text[max(0, end - length):end]
        if len(name) != length or not all("\u4e00" <= c <= "\u9fff" for c in name):
            continue
        slen = 2 if name[:2] in double and length == 3 else 1 if name[:1] in single else 0
        if not slen or cn_common(name, 3000) or not _person_ok(name, slen):
            continue
        if cn_common(name[slen:], 300) or cn_common(text[end - length - 1:end - length + 1], 300):
            continue  # "中国企业表示": 企业 is a word and 中国 too, no name here
        if cn_common(name[:2], 300) or cn_common(name[-1] + text[end:end + 1], 300):
            continue  # "公司名称": 公司 is a word, and 名称 one too (称 is no verb of saying here)
        before = text[end - length - 1:end - length] if end - length > 0 else ""
        if length == 2 and before and "\u4e00" <= before <= "\u9fff" and before not in _STOP_CHARS:
            if not GLUED_CUE.search(text[max(0, end - length - 4):end - length]):
                continue
        return name
    return None




_HEADS = r"大模型|模型|芯片|处理器|App|APP|app|应用|助手|智能体|机器人|操作系统|平台|产品|工具|功能"
# a name in quotes or book-title marks that the sentence says is a model, chip or product: "名为「X」的操作系统",
# "发布了“X”大模型"; marks used for emphasis ("推出了“研究预览版”") have no kind word beside them
_QUOTED = re.compile(rf"(?:(?P<named>名为|名叫|叫做|代号为?|命名为)|(?:发布|推出|上线|开源|亮相|官宣|打造|研发)了?[^“”「」《》，。；]{{0,6}}?)"
                     rf"\s?[“「《](?P<name>[^”」》“「《\n，。]{{2,12}})[”」》]\s?(?(named)的?[^，。；]{{0,4}}?)(?P<head>{_HEADS})")
_HEAD_TYPE = {"大模型": "Model", "模型": "Model", "芯片": "Chip", "处理器": "Chip"}


def quoted(text: str, covered: bytearray) -> list[Candidate]:
    """Names in quotes or book-title marks beside a release verb or "名为", typed by the kind word after them."""
    out = []
    for m in _QUOTED.finditer(text):
        a, b = m.start("name"), m.end("name")
        name = m["name"].strip()
        if not _free(covered, a, b) or re.search(r"报告|白皮书|指南|规划|法案|研究|计划|\d{4}", name):
            continue
        out.append(Candidate(a, b, _HEAD_TYPE.get(m["head"], "Product"), name, "pattern:quoted", 0.7))
    return out


def organisations(text: str, covered: bytearray) -> list[Candidate]:
    """Names ending in an organisation word (…科技, …研究院, …大学, …资本)."""
    out = []
    last = 0
    for m in _CN_ORG.finditer(text):
        if m.start() < last:
            continue  # inside the longer name just found
        suf = m["suf"] or m["weak"]
        start, end = name_start(text, m.start(), max_len=8), m.end()
        if head := _ORG_HEAD.match(text, end):
            end = last = head.end()  # "某大学医学中心": the longer name is the organisation meant
        elif _SUFFIX_GLUED.match(text, m.start()):
            continue  # "资本支出", "大学生": the organisation word is part of a common noun
        foundation = suf == "基金" and text.startswith("会", end)
        if foundation:
            end = last = end + 1
        if not brand_ok(text[start:m.start()], 2000) or not _free(covered, start, end):
            continue
        # a foundation (基金会) gives grants rather than invests: an organisation, as the lexicon types them
        typ = "Investor" if suf in ("资本", "创投", "基金") and not foundation else "Company"
        if typ == "Investor" and fund_kind(text[start:m.start()]):
            continue
        out.append(Candidate(start, end, typ, text[start:end], "pattern:cn-org", 0.6))
    return out


def sources(text: str, covered: bytearray) -> list[Candidate]:
    """Organisations cited as a source of data (根据某研究院复盘, 根据咨询公司某某数据的统计)."""
    out = []
    for m in _SOURCE.finditer(text):
        a, b = m.start("name"), m.end("name")
        if (p := _SOURCE_PREFIX.match(text[a:b])) and p.end() < b - a:
            a += p.end()
        name = text[a:b]
        han = re.sub(r"[A-Za-z0-9]", "", name)
        if len(name) < 2 or not _free(covered, a, b) or (han and not brand_ok(han, 300, compound=False)) \
                or (han and compound_of_words(han)) or re.search(r"的|和|与|及|或", name):
            continue
        out.append(Candidate(a, b, "Company", name, "pattern:source", 0.6))
    return out


def models(text: str, covered: bytearray) -> list[Candidate]:
    """X大模型 brands and versioned Chinese names (九思大模型, 星火代码 7B)."""
    out = []
    for m in _CN_MODEL.finditer(text):
        start, end = name_start(text, m.start(), max_len=4), m.end()
        glued = start > 0 and bool(covered[start - 1])
        while start < m.start() and covered[start]:
            start += 1  # a company glued to its model ("思特奇九思大模型"): the model starts after it
            glued = True
        before = text[start - 1:start] if start else ""
        if not brand_ok(text[start:m.start()], 500) or not _free(covered, start, end) \
                or ordinary_word(text[start:m.start()]):
            continue  # "音频大模型", "客服大模型": a kind of model, not its name
        if not glued and before and "\u4e00" <= before <= "\u9fff" and before not in "的是为和与及":
            continue  # the name would start inside a word
        out.append(Candidate(start, end, "Model", text[start:end], "pattern:cn-model", 0.7))
    for m in _CN_VERSIONED.finditer(text):
        start, end = name_start(text, m.start(), max_len=6), m.end()
        while start < m.start() and covered[start]:
            start += 1
        if not brand_ok(text[start:m.start()], 50, compound=False) or not _free(covered, start, end):
            continue
        votes = type_votes(text, start, end)
        if votes.get("Model", 0) > 0 or votes.get("Chip", 0) > 0:
            typ = "Chip" if votes.get("Chip", 0) > votes.get("Model", 0) else "Model"
            out.append(Candidate(start, end, typ, text[start:end], "pattern:cn-versioned", 0.65))
    return out


# searched over whole documents: a lookahead of their first characters passes over the positions where
# none of their words can start (five times faster; the same matches)
_PERSON_CUE, _BYLINE, _QUOTED, _CN_ORG, _SOURCE, _CN_VERSIONED = (
    quick(rx) for rx in (_PERSON_CUE, _BYLINE, _QUOTED, _CN_ORG, _SOURCE, _CN_VERSIONED))
