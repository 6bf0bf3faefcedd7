"""Chinese names of funds outside the lexicon: government and industry funds, funds named after their
investor, numbered funds and companies' investing arms."""

from __future__ import annotations

import re

from aigraph.extraction.candidates import Candidate
from aigraph.extraction.words import alt, words

_PLACES = ("国家|中央|北京|上海|天津|重庆|深圳|广州|杭州|苏州|南京|武汉|成都|西安|合肥|无锡|青岛|厦门|长沙|郑州|济南|宁波|"
           "东莞|佛山|珠海|广东|浙江|江苏|安徽|湖北|湖南|四川|山东|福建|河南|河北|江西|陕西|辽宁|吉林|黑龙江|云南|贵州|"
           "广西|海南|山西|内蒙古|新疆|中关村|临港|浦东|雄安|上海国投|北京国管|国投|国调|国新|中金|中移|中电")
# government and industry funds ("杭州市数字经济产业投资基金", "深圳先导创新基金"): a place, a purpose, 基金
_FUND = re.compile(rf"(?:{_PLACES})(?:市|省|区)?[\u4e00-\u9fff]{{0,12}}?(?:产业|引导|先导|发展|创新|创业|投资|母|专项)"
                   rf"[\u4e00-\u9fff]{{0,4}}?基金")


def funds(text: str, covered: bytearray) -> list[Candidate]:
    """Government and industry funds named by place and purpose."""
    out = []
    for m in _FUND.finditer(text):
        if re.search(r"[的和与及、或为是]", m.group()):  # proposed even over a lexicon name inside it
            continue
        if text.startswith("会", m.end()):
            continue  # "某某发展基金会": a foundation, which the organisation names find
        out.append(Candidate(m.start(), m.end(), "Investor", m.group(), "pattern:cn-fund", 0.65))
    return out


# a fund named after its investor ("某某资本成长基金", "上海国投先导基金"): the investor's name, a kind, 基金
_FUND_TAIL = re.compile(rf"\s?(?:{alt('names.fund_tail')}){{1,2}}\s?基金(?!会)")


# a company's investing arm ("某某创投", "某某产投"): an investor of its own, not the company
_ARM = re.compile(r"(?:创投|产投|战投)(?![\u4e00-\u9fff]{0,1}(?:人|者|圈|行业|领域))")


# a fund's number after a fund's name ("Vision Fund 2", "Fund III", "某某基金二期"): a fund of its own
_FUND_NUMBER = re.compile(r" ?(?:[2-9]|II|III|IV|V|VI)(?!\w|\.\d)|[一二三四五六]期(?:基金)?")


def fund_tails(text: str, lex: list[Candidate]) -> list[Candidate]:
    """Funds named by an investor the lexicon knows and a kind of fund after it, a fund the lexicon knows
    and its number, or a company's investing arm (讯飞创投): the whole name, so that the fund is not cut back to its parent (and what it
    does is still read after the full name)."""
    out = []
    for c in lex:
        if c.type not in ("Investor", "Company"):
            continue
        m = _FUND_TAIL.match(text, c.end)
        if m is None and c.type == "Investor" and re.search(r"(?:Fund|基金)$", text[c.start:c.end]):
            m = _FUND_NUMBER.match(text, c.end)
        if m is None and c.type == "Company":
            m = _ARM.match(text, c.end)
        if m:
            name = text[c.start:m.end()]
            out.append(Candidate(c.start, m.end(), "Investor", name, "pattern:cn-fund", 0.7))
    return out


def fund_kind(brand: str) -> bool:
    """Whether a fund's would-be brand is only words for a kind of fund ("风险投资", "人民币双币", "大消费")."""
    rest = brand.lstrip("大全新某")
    while rest:
        word = next((w for w in _FUND_KINDS if rest.endswith(w)), None)
        if word is None:
            return False
        rest = rest[: -len(word)].rstrip("大全新的")
    return True


_FUND_KINDS = tuple(sorted(words("names.fund_kind"), key=len, reverse=True))
