"""Time windows: dates as users type them, and which dates fall in a window."""

from __future__ import annotations

from datetime import date

import pytest

from aigraph.errors import AigraphError
from aigraph.query.timeline import Window, parse_date


@pytest.mark.parametrize("typed, iso", [
    ("2024", "2024"), ("2024-6", "2024-06"), ("2024-06-01", "2024-06-01"), ("2024/06/01", "2024-06-01"),
    (" 2024.6.1 ", "2024-06-01"), ("7d", "2024-05-25"), ("2w", "2024-05-18"), ("3m", "2024-03-01"),
    ("1y", "2023-06-01"),
])
def test_dates_as_users_type_them(typed, iso):
    assert parse_date(typed, today=date(2024, 6, 1)) == iso


@pytest.mark.parametrize("typed", ["yesterday", "2024-13", "2024-02-30", "24-06-01", ""])
def test_what_is_not_a_date_says_so(typed):
    with pytest.raises(AigraphError, match="--since: .* is not a date"):
        parse_date(typed, "--since")


def test_a_window_holds_the_days_between_its_ends_inclusive():
    w = Window("2024-06-01", "2024-06-30")
    assert w.contains("2024-06-01") and w.contains("2024-06-30") and w.contains("2024-06-15")
    assert not w.contains("2024-05-31") and not w.contains("2024-07-01") and not w.contains(None)


def test_a_month_or_a_year_counts_when_any_of_its_days_does():
    w = Window("2024-06-15", "2024-08-10")
    assert w.contains("2024-06") and w.contains("2024-08") and w.contains("2024")
    assert not w.contains("2024-05") and not w.contains("2023")
    assert Window(since="2024-06").contains("2024-06-01") and Window(until="2024-06").contains("2024-06-30")
    assert not Window(until="2024-06").contains("2024-07-01")


def test_open_ends_and_description():
    assert Window(since="2024").contains("2030-01-01") and not Window(since="2024").contains("2023-12-31")
    assert Window(until="2024").contains("1999")
    assert not Window()
    assert Window("2024-01", "2024-03").describe() == "stated 2024-01 to 2024-03"
    assert Window(since="2024-06-01", by="event").describe() == "happened since 2024-06-01"


def test_a_window_that_ends_before_it_starts_is_an_error():
    with pytest.raises(AigraphError, match="starts .* after it ends"):
        Window("2024-06-01", "2024-05-01")
    with pytest.raises(AigraphError, match="document or event"):
        Window("2024", by="published")
