"""Money and dates: as written, and normalised."""

from __future__ import annotations

import pytest

from aigraph.extraction.quantities import parse_date, parse_money


@pytest.mark.parametrize("text,value,currency", [
    ("13亿美金", "1300000000", "USD"),
    ("2.7亿元", "270000000", "CNY"),
    ("在Fidelity领投的最新一轮中募资2.5亿美元", "250000000", "USD"),
    ("1800万美金天使轮融资", "18000000", "USD"),
    ("665亿元人民币", "66500000000", "CNY"),
    ("1,000万美金", "10000000", "USD"),
    ("raised $6.6 billion", "6600000000", "USD"),
    ("近 150 亿美元的资金", "15000000000", "USD"),
])
def test_money_is_normalised(text, value, currency):
    q = parse_money(text)
    assert (q.value, q.unit) == (value, currency)
    assert q.text in text


def test_numbers_without_currency_are_not_money():
    assert parse_money("上架12天内注册用户超过2300万") is None


@pytest.mark.parametrize("text,doc_date,value", [
    ("2023年5月推出了首款AI聊天助手", None, "2023-05"),
    ("2023年7月创立的xAI", None, "2023-07"),
    ("2024年", None, "2024"),
    ("2025-02-08", None, "2025-02-08"),
    ("1月15日推出了一款名为Nova的应用", "2025-02-08", "2025-01-15"),
    ("Anthropic在9月发布编程工具", "2025-02-08", "2024-09"),
    ("今年2月", "2025-02-08", "2025-02"),
    ("2023年7月创立，同年12月上线", None, "2023-07"),
])
def test_dates_are_normalised(text, doc_date, value):
    q = parse_date(text, doc_date)
    assert q.value == value


def test_month_day_without_a_known_year_keeps_the_text():
    q = parse_date("5月13日的发布会")
    assert q.text == "5月13日" and q.value is None


@pytest.mark.parametrize("text,doc_date,written,value", [
    ("OpenAI released o1 on September 12, 2024.", None, "September 12, 2024", "2024-09-12"),
    ("xAI raised $6 billion in May 2024", None, "May 2024", "2024-05"),
    ("The deal closed on 3 March 2025.", None, "3 March 2025", "2025-03-03"),
    ("founded in 2023 by former Google researchers", None, "2023", "2023"),
    ("released on Thursday, Dec. 5", "2025-02-08", "Dec. 5", "2024-12-05"),
    ("launched on Jan 20", "2025-02-08", "Jan 20", "2025-01-20"),
])
def test_english_dates(text, doc_date, written, value):
    q = parse_date(text, doc_date)
    assert (q.text, q.value) == (written, value)


def test_month_words_that_are_not_dates():
    assert parse_date("May I ask whether the model will ship?") is None


def test_an_order_of_magnitude_is_kept_as_written_without_a_value():
    from aigraph.extraction.quantities import find_money
    [(_, _, q)] = list(find_money("完成数千万元融资"))
    assert (q.text, q.value, q.unit) == ("数千万元", None, "CNY")
