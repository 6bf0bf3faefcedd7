"""Money amounts and dates: found in text, kept as written, and normalised."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from aigraph.model import Quantity

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_MULT = {
    "万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10, "亿": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6, "万": Decimal(10) ** 4, "千": Decimal(10) ** 3,
    "trillion": Decimal(10) ** 12, "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "b": Decimal(10) ** 9,
    "million": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "m": Decimal(10) ** 6, "k": Decimal(10) ** 3,
    "thousand": Decimal(10) ** 3,
}
_CURRENCY = {
    "美元": "USD", "美金": "USD", "$": "USD", "usd": "USD", "us$": "USD", "dollars": "USD", "dollar": "USD",
    "元人民币": "CNY", "人民币": "CNY", "元": "CNY", "rmb": "CNY", "cny": "CNY", "¥": "CNY", "￥": "CNY",
    "港元": "HKD", "港币": "HKD", "hkd": "HKD", "欧元": "EUR", "€": "EUR", "eur": "EUR",
    "日元": "JPY", "jpy": "JPY", "英镑": "GBP", "£": "GBP", "gbp": "GBP", "韩元": "KRW",
}
_VAGUE = "数几上"
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+"
_CN_MULT = r"万亿|千亿|百亿|亿|千万|百万|万|千"
_EN_MULT = r"trillion|billion|million|thousand|bn|mn|[bmk](?![a-z])"
_CUR_AFTER = r"元人民币|人民币|美元|美金|港元|港币|欧元|日元|英镑|韩元|元"
MONEY = re.compile(
    rf"(?P<pre>US\$|\$|¥|￥|€|£|(?:USD|RMB|CNY|HKD|EUR)\s?)?"
    rf"(?P<num>{_NUM})\s?"
    rf"(?P<mult>{_CN_MULT}|(?i:{_EN_MULT}))?\s?"
    rf"(?P<post>{_CUR_AFTER}|(?i:(?:US\s?)?dollars?|USD|RMB|CNY))?",
)


def _cn_number(text: str) -> Decimal | None:
    """Value of a Chinese numeral up to the thousands (`一百二十` → 120)."""
    total, digit = 0, 0
    units = {"十": 10, "百": 100, "千": 1000}
    for c in text:
        if c in _CN_DIGITS:
            digit = _CN_DIGITS[c]
        elif c in units:
            total += (digit or 1) * units[c]
            digit = 0
        else:
            return None
    return Decimal(total + digit)


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return _cn_number(text)


def _plain(d: Decimal) -> str:
    """A decimal without exponent or trailing zeros (`1300000000`, `2.5`)."""
    s = format(d.normalize(), "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def find_money(text: str) -> Iterator[tuple[int, int, Quantity]]:
    """Money amounts in text: a currency must be stated, before or after the number."""
    for m in MONEY.finditer(text):
        pre, post, mult = m["pre"], m["post"], m["mult"]
        if not (pre or post):
            continue
        if mult and mult.lower() in "bmk" and not pre:
            continue
        value = _number(m["num"])
        if value is None:
            continue
        if mult:
            value *= _MULT[mult.lower()]
        cur = _CURRENCY.get((pre or "").strip().lower()) or _CURRENCY.get((post or "").strip().lower().replace(" ", ""))
        start = m.start()
        if not pre and start and text[start - 1] in _VAGUE and not m["num"][0].isdigit():
            # "数千万元", "几亿美元": an order of magnitude, not a figure
            yield start - 1, start + len(m.group().rstrip()), Quantity(text[start - 1] + m.group().strip(), None, cur)
            continue
        written = m.group().strip()
        yield start, start + len(m.group().rstrip()), Quantity(written, _plain(value), cur)


def parse_money(text: str) -> Quantity | None:
    """The first money amount in text (`13亿美金` → 1300000000 USD)."""
    return next((q for _, _, q in find_money(text)), None)


_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s?年\s?(?:(?P<m>1[0-2]|0?[1-9])\s?月(?:\s?(?P<d>3[01]|[12]\d|0?[1-9])\s?[日号])?"
    r"|(?P<part>初|年初|年底|年末|上半年|下半年|底|末))?"
    r"|(?P<iso>(?:19|20)\d{2})-(?P<im>1[0-2]|0?[1-9])(?:-(?P<id>3[01]|[12]\d|0?[1-9]))?(?!\d)"
    r"|(?P<rel>今年|去年|明年|前年|同年|当年)\s?(?:(?P<rm>1[0-2]|0?[1-9])\s?月(?:\s?(?P<rd>3[01]|[12]\d|0?[1-9])\s?[日号])?)?"
    r"|(?<![\d.])(?P<m2>1[0-2]|0?[1-9])\s?月\s?(?P<d2>3[01]|[12]\d|0?[1-9])\s?[日号]"
    r"|(?<![\d.年])(?P<m3>1[0-2]|0?[1-9])\s?月(?!\d|份?[的之])"
)
_REL = {"今年": 0, "同年": 0, "当年": 0, "去年": -1, "前年": -2, "明年": 1}


def find_dates(text: str, doc_date: str | None = None) -> Iterator[tuple[int, int, Quantity]]:
    """Dates in text, normalised to ISO (`2024-03-01`), year-month or year. A date without a year
    takes the year last named in the text (同年), else the document's year, moved back a year when
    that would put it months after the document was written."""
    found = sorted([*_cn_dates(text, doc_date), *_en_dates(text, doc_date)], key=lambda d: d[0])
    yield from found


_MONTHS = {m: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")], 1) for m in names}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_EN_DATE = re.compile(
    rf"\b(?:(?P<m>{_MONTH})\s(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:,?\s(?P<y>(?:19|20)\d{{2}}))?"
    rf"|(?P<d2>3[01]|[12]\d|0?[1-9])\s(?P<m2>{_MONTH}),?\s(?P<y2>(?:19|20)\d{{2}})"
    rf"|(?P<m3>{_MONTH}),?\s(?P<y3>(?:19|20)\d{{2}})"
    r"|(?:in|since|by|early|late|mid-?)\s(?P<y4>(?:19|20)\d{2}))\b"
)


def _en_dates(text: str, doc_date: str | None) -> Iterator[tuple[int, int, Quantity]]:
    """English dates: "March 3, 2024", "3 March 2024", "May 2024", "in 2023"; a bare "March 3" takes the
    document's year."""
    year = int(doc_date[:4]) if doc_date and doc_date[:4].isdigit() else None
    for m in _EN_DATE.finditer(text):
        g = m.groupdict()
        month_name = g["m"] or g["m2"] or g["m3"]
        month = str(_MONTHS[month_name.rstrip(".").lower()]) if month_name else None
        y = g["y"] or g["y2"] or g["y3"] or g["y4"]
        if y is None and year is None:
            continue
        base = int(y) if y else year
        if not y and month and doc_date and len(doc_date) >= 7 and int(month) > int(doc_date[5:7]) + 1:
            base -= 1  # "Dec. 5" in a June article is last December
        value = _iso(base, month, g["d"] or g["d2"])
        written = m.group()
        if g["y4"]:
            written = g["y4"]
        yield m.end() - len(written), m.end(), Quantity(written, value, None)


def _cn_dates(text: str, doc_date: str | None = None) -> Iterator[tuple[int, int, Quantity]]:
    """Chinese and ISO dates."""
    year = int(doc_date[:4]) if doc_date and doc_date[:4].isdigit() else None
    last_year: int | None = None
    for m in _DATE.finditer(text):
        g = m.groupdict()
        if g["y"] or g["iso"]:
            last_year = int(g["y"] or g["iso"])
            value = _iso(last_year, g["m"] or g["im"], g["d"] or g["id"])
        elif g["rel"] in ("同年", "当年"):
            value = _iso(last_year, g["rm"], g["rd"]) if last_year else None
        elif g["rel"]:
            value = _iso(year + _REL[g["rel"]], g["rm"], g["rd"]) if year else None
        else:
            month, day = (g["m2"], g["d2"]) if g["m2"] else (g["m3"], None)
            base = last_year or year
            if base and not last_year and doc_date and len(doc_date) >= 7 and int(month) > int(doc_date[5:7]) + 1:
                base -= 1
            value = _iso(base, month, day) if base else None
        yield m.start(), m.end(), Quantity(m.group(), value, None)


def _iso(year: int, month: str | None, day: str | None) -> str:
    if not month:
        return f"{year:04d}"
    if not day:
        return f"{year:04d}-{int(month):02d}"
    return f"{year:04d}-{int(month):02d}-{int(day):02d}"


def parse_date(text: str, doc_date: str | None = None) -> Quantity | None:
    """The first date in text."""
    return next((q for _, _, q in find_dates(text, doc_date)), None)

