"""Context cues: the words around a name that tell what kind of thing it names."""

from __future__ import annotations

import re

from aigraph.extraction.words import alt

# Words written just before a name ("初创公司Sameday", "投资机构Index", "创始人Bret Taylor").
_LEFT = {
    "Investor": r"投资机构|投资方|投资人|风投机构|风投|风险投资机构|风险投资公司|创投机构|投资公司|孵化器|加速器|基金|"
                r"VC|PE|私募|主权基金|资管|资产管理公司",
    "Company": r"公司|初创公司|初创企业|初创|创业公司|独角兽|企业|厂商|巨头|供应商|提供商|服务商|开发商|制造商|"
               r"运营商|实验室|研究院|研究所|平台公司|品牌|竞争对手|对手|友商|客户|集团|大厂|机构|团队|高校|大学",
    "Model": r"模型|大模型|语言模型|推理模型|开源模型|基础模型|多模态模型|基座模型|生成模型|视频模型|图像模型|"
             r"文生图模型|文生视频模型|算法",
    "Chip": r"芯片|处理器|GPU|显卡|加速卡|NPU|CPU|SoC|AI芯片|计算卡",
    "Product": r"产品|平台|工具|应用|App|APP|app|助手|服务|系统|框架|搜索引擎|聊天机器人|功能|插件|软件|网站|社区|"
               r"智能体|编程助手|开发助理|助理|客服|机器人|终端|手机|设备|眼镜|耳机|操作系统|浏览器",
    "Person": r"联合创始人|创始人|CEO|首席执行官|CTO|首席技术官|首席科学家|首席财务官|总裁|董事长|总经理|副总裁|"
              r"合伙人|教授|研究员|科学家|工程师|分析师|作者|记者|编辑|院士|博士|负责人|主管|创业者|学者|专家|"
              r"产品官|执行官|研究科学家|主席|院长|总统|部长|经理|董事",
}
# the same cues in English ("the startup Sakana AI", "Cerebras raised", "Blackwell chips")
_LEFT_EN = {
    "Investor": r"(?:co-)?led\sby|participation\sfrom|investors?|venture\sfirm|VC\sfirm|venture\scapital\sfirm|investment\sfirm|backers?|fund",
    "Company": r"start-?up|company|firm|chipmaker|chip\smaker|maker|rival|giant|unicorn|lab|provider|subsidiary|"
               r"[\w]+-based",
    "Model": r"model|models|LLM|LLMs",
    "Chip": r"chips?|GPUs?|accelerators?|processors?",
    "Product": r"app|platform|assistant|chatbot|browser|service",
    "Person": r"CEO|co-?founder|founder|chief\sexecutive|president|chairman|professor|researcher|scientist|"
              r"engineer|analyst|Dr\.?|Mr\.?|Ms\.?",
}
_RIGHT_EN = {
    "Company": r"Inc\b|Corp\b|Ltd\b|raised|has\sraised|is\sraising|(?:is|was)\svalued|valued\sat|shares|CEO\b|"
               r"chief\sexecutive|co-?founder|founder|['’]s\s(?:CEO|founder|co-founder|chief)|,\s(?:a|the)\s(?:\w+\s)?"
               r"(?:start-?up|company|firm|chipmaker|maker)\b|acquired|announced|unveiled|launched|released",
    "Chip": r"chips?\b|GPUs?\b|accelerators?\b|processors?\b|superchips?\b",
    "Model": r"models?\b|LLMs?\b",
    "Product": r"app\b|platform\b|assistant\b|chatbot\b|browser\b",
}
# Words written just after a name ("Flashintel正在打造", "Blackrock领投", "李飞飞教授").
_RIGHT = {
    "Investor": r"领投|跟投|参投|联合领投|共同领投|投资了|资本|合伙人|的合伙人|等投资机构|等机构投资|旗下基金",
    "Company": r"[，,]\s?(?:正在打造|致力于|专注于|成立于|创立于|是一家)|公司|是一家|成立于|成立|创立于|创立(?=时|之初|初期|早期|以来|至今|后|的第|\s?[，,。])|创立者|创办人|创办者|估值|完成.{0,12}融资|获得.{0,16}(?:融资|投资)|获.{0,10}融资|"
               r"融资|上市|旗下|推出|发布|研发|开发了|宣布|的创始人|创始人|的CEO|CEO|团队|与.{1,16}合作|"
               r"正在打造|致力于|专注于|的产品|的模型|的芯片|股价|市值|营收|收入|员工|" + alt("names.org_after"),
    "Model": r"模型|大模型|系列模型|的参数|参数规模|在.{0,10}(?:基准|测试|榜单)",
    "Chip": r"芯片|GPU|CPU|显卡|处理器|加速卡|集群",
    "Product": r"(?:平台|工具|应用|App|APP|助手|产品|功能|服务|插件|搜索引擎)(?!" + alt("names.kind_role") + r")|"
               r"上线|的用户|用户|客户端|浏览器",
    # "Reed创立Netflix", "Bret 创立了Quip": who founds is a person (but "Airbnb创立早期" is the company's)
    "Person": r"表示|指出|认为|称|说|透露|强调|介绍|教授|博士|院士|老师|先生|女士|曾任|曾在|在接受|坦言|预测|提出|"
              r"(?:联合|共同)?(?:创立|创办)了|创办(?!于|时|之初|初期|以来|人|者)|(?:联合|共同)创立(?!人|者)|"
              r"创立(?=[A-Za-z\u4e00-\u9fff])(?!于|时|之初|初期|早期|以来|至今|后|的|人|者)",
}
# "X是一家…公司" / "X是…工具": what the copula says X is.
# the last kind word before the clause ends is the head ("Acme是某大厂最重要的芯片供应合作伙伴": a partner)
_COPULA = re.compile(r"^\s*(?:[，,]\s*)?(?:则)?(?:是|作为|为)(?:一家|一个|一款|一种|面向|全球|美国|中国)?[^，,。；;！？]{0,30}"
                     r"(?P<kind>公司|初创|企业|厂商|实验室|机构|基金(?!会)|资本|工具|平台|应用|产品|助手|搜索引擎|社区|模型|芯片|处理器|"
                     r"合作伙伴|供应商|竞争对手)(?!\s?(?:更|还要|还))(?!" + alt("names.kind_role") + ")")  # "是比某种模型更广的": a comparison, no kind
_COPULA_TYPE = {"公司": "Company", "初创": "Company", "企业": "Company", "厂商": "Company", "实验室": "Company",
                "机构": "Company", "基金": "Investor", "资本": "Investor", "工具": "Product", "平台": "Product",
                "应用": "Product", "产品": "Product", "助手": "Product", "搜索引擎": "Product", "社区": "Product",
                "模型": "Model", "芯片": "Chip", "处理器": "Chip", "功能": "Product", "服务": "Product",
                "系统": "Product", "智能体": "Product", "Agent": "Product", "软件": "Product", "解决方案": "Product",
                "框架": "Product", "机器人": "Product", "设备": "Product", "浏览器": "Product", "插件": "Product",
                "网站": "Product",
                "合作伙伴": "Company", "供应商": "Company", "竞争对手": "Company"}

# "名为X的…功能" / "代号为“X”的…产品": the head noun after 的 says what X is
# "一个叫X的模型", "一家叫X的初创公司": a bare 叫 names as 名为 does
_NAMED = re.compile(r"(?:名为|名叫|叫做|称为|代号为|代号|命名为|取名|(?:个|款|家|种|位|只|台|套)叫)\s?[“\"「]?$")
# the kind word stands in the same stretch of the clause ("被称为X，意为统一设备架构": 设备 is no head of X)
_HEAD = re.compile(r"^[”\"」]?\s?(?:的)?[^，,。；;：:]{0,16}?(?P<kind>公司|初创|企业|厂商|实验室|机构|基金(?!会)|资本|工具|平台|应用|产品|助手|"
                   r"搜索引擎|社区|模型|芯片|处理器|功能|服务|系统|智能体|Agent|软件|解决方案|框架|机器人|设备|浏览器|插件|网站)")
_LEFT_RE = {t: re.compile(rf"(?:(?:{p})(?:[:：]|\s|的)?|\b(?:{_LEFT_EN[t]})\s)\s?$") for t, p in _LEFT.items()}
# an English aside right after the name that says what it is ("Acme, a Paris-based startup", "Acme, which makes…")
_ASIDE_EN = {"Company": r",\s(?:a|an|the)\s(?:[\w-]+\s){0,3}(?:start-?up|company|firm|chipmaker|maker|developer|provider)\b|"
                        r",\s(?:which|that)\s(?:makes|builds|develops|offers|provides|sells)\b"}
_RIGHT_RE = {t: re.compile(rf"^\s?(?:{p})|^\s(?:{_RIGHT_EN[t]})" + (rf"|^(?:{_ASIDE_EN[t]})" if t in _ASIDE_EN else "")
                           if t in _RIGHT_EN else rf"^\s?(?:{p})")
             for t, p in _RIGHT.items()}
_LONGER_LEFT = re.compile(r"(?:投资机构|投资公司|风险投资公司|风投机构|创投机构)\s?$")


# "X、Y 等初创" / "X和Y等公司": a cue after a list applies to every item of it
_LIST_TAIL = re.compile(r"^(?:\s?[、,，和与及]\s?[^\s、,，。；;：:]{1,24}?){0,6}\s?等(?:\s?\d+\s?家)?\s?")


# an interview's speaker: a role word opens the line, the name and a colon follow ("嘉宾Oriol Vinyals：…");
# without the role word a line may as well open with a company or a term being glossed
_SPEAKER_LEFT = re.compile(r"[\s*#>\-]*(?:主持人|嘉宾|采访者|提问者|受访者|对话者|Host|Guest)\s?")
_SPEAKER_RIGHT = re.compile(r"\s?\**\s?[：:]")

# "X是一位…" / "X作为一名…": the measure words of people, whatever noun follows
_PERSON_COPULA = re.compile(r"^\s*(?:[，,]\s*)?(?:是|作为)(?:一名|一位)")
# "X为客户开发了…工具": 为 says for whom X made something, not what X is
_FOR_VERB = re.compile(r"^\s*(?:[，,]\s*)?为(?P<whom>[^，,。；;！？]{0,20}?)" + alt("names.for_verb"))
# ... for other firms ("X为电信公司提供软件"): X sells to businesses, an organisation
_FOR_FIRMS = re.compile(r"公司|企业|厂商|商家|零售商|运营商|机构|客户|团队")

_GLOSS = re.compile(r"^\s?[（(][^）)]{0,30}[）)]")
# right-hand cues that are nouns (what X is), as opposed to verbs (what X does)
_NOUN_RIGHT = re.compile(r"^\s?(?:公司|初创|企业|资本|基金|平台|工具|应用|App|APP|助手|产品|芯片|GPU|CPU|显卡|处理器|模型|大模型|"
                         r"搜索引擎|教授|博士|院士|老师|先生|女士|领投|跟投|参投|合伙人|团队|" + alt("names.org_after") + ")")


# where someone works ("在Twitter工作", "Instagram的联合创始人", "Runway 的首席执行官"): an organisation,
# even where the lexicon knows the name as a product
_AT = re.compile(r"(?:在|供职于|任职于|就职于)\s?$")
# the last of a list of workplaces ("在Google Brain和X从事研究")
_AT_LIST = re.compile(r"(?:在|供职于|任职于|就职于)\s?[^在，,。；;！？\n]{1,24}[和、与及]\s?$")
_WORKS = re.compile(r"\s?(?:工作|任职|担任|上班|实习|供职|从事)")
_ROLE_OF = re.compile(r"\s?的?\s?(?:产品|技术|工程|研发|业务|销售|市场)?(?:联合创始人|创始人|首席[\u4e00-\u9fff]{1,4}官|CEO|CTO|COO|CFO|CPO|总裁|副总裁|董事长|总经理|"
                      r"高管|员工|前员工)")


_INVESTED_IN = re.compile(r"(?:向|对)\s?$")
_INVESTS = re.compile(r"\s?(?:投资|注资|出资)")


def employer(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is named as the place someone works at or leads."""
    at = _AT.search(text, max(0, start - 5), start) or _AT_LIST.search(text, max(0, start - 32), start)
    return bool(at and _WORKS.match(text, end)) or bool(_ROLE_OF.match(text, end))


_BUY = alt("acquire.buy")
_BOUGHT = re.compile(_BUY + r"了?\s?$")
# the later names of a list of companies bought ("收购Instagram、Snapchat和WhatsApp")
_BOUGHT_LIST = re.compile(_BUY + r"了?\s?(?:[A-Z][A-Za-z0-9.\-]*(?: [A-Za-z0-9.\-]+)?\s?[和、与及]\s?){1,3}$")
_OF_PURCHASE = re.compile(r"\s?的\s?" + _BUY)


def acquired(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is named as what was bought ("收购Slack", "对Slack的收购")."""
    if _BOUGHT.search(text, max(0, start - 6), start) or _BOUGHT_LIST.search(text, max(0, start - 32), start):
        return True
    return bool(re.search(r"对\s?$", text[max(0, start - 2):start]) and _OF_PURCHASE.match(text, end))


def noun_after(text: str, end: int) -> bool:
    """Whether a kind word (公司, 平台, 模型, App …) follows text[:end] at once: "Critic模型", "Super APP"."""
    return bool(_NOUN_RIGHT.match(text[end:end + 12])) or bool(re.match(r" ?(?:APP|App|app|platform|model|chip)\b", text[end:end + 10]))


_LINE_BREAK = re.compile(r"[\t\n]")


def type_votes(text: str, start: int, end: int, nouns_only: bool = False, right_words: bool = True) -> dict[str, float]:
    """Evidence for each entity type from the words around text[start:end] (with `nouns_only`, a
    right-hand cue counts only if it says what the name is, not what it does; without `right_words`,
    the words written right after the name do not count at all, what a copula says does)."""
    votes: dict[str, float] = {}
    left = _LINE_BREAK.split(text[max(0, start - 12):start])[-1]
    right = _LINE_BREAK.split(text[end:end + 40])[0]
    if (g := _GLOSS.match(right)):
        right = right[g.end():]  # "ABC（某种缩写的中文全称）": a gloss, not a cue
    if (m := _LIST_TAIL.match(right)) and m.end() < len(right):
        right = right[m.end():]
    for typ, rx in _LEFT_RE.items():
        if rx.search(left):
            votes[typ] = votes.get(typ, 0.0) + 1.0
    if _LONGER_LEFT.search(left):
        votes.pop("Company", None)
    for typ, rx in _RIGHT_RE.items() if right_words else ():
        if rx.search(right) and (not nouns_only or _NOUN_RIGHT.match(right)):
            votes[typ] = votes.get(typ, 0.0) + 1.0
    if _INVESTED_IN.search(left) and _INVESTS.match(right):
        votes.pop("Investor", None)  # "向X投资了": X receives the money
        votes["Company"] = votes.get("Company", 0.0) + 1.0
    if _NAMED.search(left) and (m := _HEAD.match(right)):
        typ = _COPULA_TYPE[m["kind"]]
        votes[typ] = votes.get(typ, 0.0) + 1.5
    if _SPEAKER_RIGHT.match(text, end) and _SPEAKER_LEFT.fullmatch(text[text.rfind("\n", 0, start) + 1:start]):
        votes["Person"] = votes.get("Person", 0.0) + 1.5  # "Oriol Vinyals：…" in an interview: who speaks
    if employer(text, start, end):
        votes["Company"] = votes.get("Company", 0.0) + 1.0
    if _PERSON_COPULA.match(right):
        votes["Person"] = votes.get("Person", 0.0) + 1.0
    elif (f := _FOR_VERB.match(right)):
        if _FOR_FIRMS.search(f["whom"]):
            votes["Company"] = votes.get("Company", 0.0) + 1.0
    elif (m := _COPULA.search(right)):
        typ = _COPULA_TYPE[m["kind"]]
        votes[typ] = votes.get(typ, 0.0) + 1.0
    return votes
