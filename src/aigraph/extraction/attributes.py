"""Amounts, valuations, round names and dates bound to the clauses that state an event, not to the sentence."""

from __future__ import annotations

import re

from aigraph.extraction.clauses import Parse
from aigraph.extraction.quantities import find_dates, find_money
from aigraph.extraction.roundnames import round_names
from aigraph.model import Quantity

# ("以25亿美元的估值完成10亿美元融资": a verb of raising between the word and the figure ends the valuation)
_VALUATION_BEFORE = re.compile(r"(?:估值|市值|投后|投前|价值)(?:(?!完成|获|融|筹|募|拿到|领投|引入)[^，,；;。\d]){0,6}$")
_VALUATION_BEFORE_EN = re.compile(r"\bvalu(?:ed|ing|ation)\b[^$€£¥\d;]{0,40}$", re.I)
_VALUATION_AFTER = re.compile(r"\s?(?:post-money\s|pre-money\s)?valuation|\s?(?:的)?(?:投后|投前)?估值", re.I)
# a figure that measures something else than the round: revenue, a market, users
_NOT_FUNDING = re.compile(r"\s?(?:的)?(?:收入|营收|年收入|利润|亏损|市场|规模|用户|订单|薪水|年薪|工资|市值)|\s?(?:in\s)?(?:revenue|sales)\b")


def span_of(s: Parse, lo: int, hi: int) -> tuple[int, int]:
    """The clauses that hold text[lo:hi], with the clauses before them that name no entity (a date
    standing before a comma belongs to what follows it)."""
    first = next((k for k, c in enumerate(s.clauses) if c.start <= lo < c.end), 0)
    last = next((k for k, c in enumerate(s.clauses) if c.start < hi <= c.end), len(s.clauses) - 1)
    while first > 0 and not s.clauses[first - 1].ents and s.clauses[first - 1].end - s.clauses[first - 1].start <= 24:
        first -= 1
    return s.clauses[first].start, s.clauses[max(first, last)].end


def money(text: str, start: int = 0, end: int | None = None) -> tuple[Quantity | None, Quantity | None]:
    """The round's amount and the valuation within text[start:end], told apart by the words around
    each figure; figures of revenue or market size are neither."""
    end = len(text) if end is None else end
    amount = valuation = None
    for a, b, q in find_money(text[start:end]):
        a, b = a + start, b + start
        if _VALUATION_BEFORE.search(text[max(0, a - 12):a]) or _VALUATION_BEFORE_EN.search(text[max(0, a - 50):a]) \
                or _VALUATION_AFTER.match(text, b):
            valuation = valuation or q
        elif not _NOT_FUNDING.match(text, b):
            amount = amount or q
    return amount, valuation


def round_name(text: str, start: int = 0, end: int | None = None) -> str | None:
    """The first funding round named within text[start:end] (`roundnames`: 天使轮, Pre-A+轮, Series B)."""
    names = round_names(text[start:end])
    return names[0] if names else None


_DATE_CUE = re.compile(r"\d|年|月")


def first_date(text: str, start: int, end: int, doc_date: str | None) -> Quantity | None:
    """The first date within text[start:end] (relative dates read against the document's date)."""
    part = text[start:end]
    if not _DATE_CUE.search(part):
        return None  # every date written has a digit, 年 or 月
    return next((q for _, _, q in find_dates(part, doc_date)), None)
