"""Feasts from tables and calendar rules, quarters and fiscal years, months counted from "last year", habits and
names that hold a date word, and the other shapes added after held-out set 7."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.dates.find import load_lexicon
from eventcoder.dates.resolve import nth_weekday, orthodox_easter
from eventcoder.dates.stage import find_article_dates
from eventcoder.document import Sentence


def dated(text: str, published: str, expr: str) -> tuple[str | None, str] | None:
    """(value, role) of the date mention overlapping `expr` in a one-sentence article, None when none does."""
    found = find_article_dates(text, [Sentence(0, 0, len(text), text, "body")], published)
    at = text.index(expr)
    hit = next((d for d in found if d.start < at + len(expr) and at < d.end), None)
    return (hit.value, hit.role) if hit else None


@pytest.mark.parametrize("year, expected", [
    (2022, dt.date(2022, 4, 24)), (2023, dt.date(2023, 4, 16)), (2024, dt.date(2024, 5, 5)),
    (2025, dt.date(2025, 4, 20)), (2021, dt.date(2021, 5, 2)),
])
def test_orthodox_easter_computus(year, expected):
    assert orthodox_easter(year) == expected


@pytest.mark.parametrize("args, expected", [
    ((2023, 11, 4, 3), dt.date(2023, 11, 23)),  # Thanksgiving
    ((2024, 11, 4, 3), dt.date(2024, 11, 28)),
    ((2024, 5, -1, 0), dt.date(2024, 5, 27)),  # Memorial Day: May's last Monday
    ((2025, 9, 1, 0), dt.date(2025, 9, 1)),  # Labor Day when the 1st is a Monday
    ((2023, 12, -1, 6), dt.date(2023, 12, 31)),  # the last Sunday of December is the 31st
])
def test_nth_weekday(args, expected):
    assert nth_weekday(*args) == expected


def test_feast_table_is_consistent():
    """Every tabled date lies in its row's year, and each feast has a spelling the finder knows."""
    lex = load_lexicon()
    assert set(lex.feasts.values()) <= set(lex.feast_dates)
    for feast, years in lex.feast_dates.items():
        assert feast in lex.feasts, feast
        for year, (month, day) in years.items():
            dt.date(year, month, day)  # raises on an impossible date


@pytest.mark.parametrize("text, published, expr, expected", [
    ("Families gathered for Thanksgiving despite the storm.", "2023-12-05", "Thanksgiving", "2023-11-23"),
    ("Airports expect record crowds over Thanksgiving.", "2024-11-01", "Thanksgiving", "2024-11-28"),
    ("Markets were shut for Eid ul-Fitr.", "2024-05-01", "Eid ul-Fitr", "2024-04-10"),
    ("Prisoners were freed on Eid al-Adha.", "2024-01-10", "Eid al-Adha", "2023-06-28"),
    ("Crowds jumped over bonfires before Nowruz.", "2024-04-01", "Nowruz", "2024-03-20"),
    ("Rockets were fired on Rosh Hashanah.", "2023-10-01", "Rosh Hashanah", "2023-09-16"),
    ("Shops reopened after Chinese New Year.", "2025-02-20", "Chinese New Year", "2025-01-29"),
    ("The city was locked down during Diwali in 2020.", "2023-05-01", "Diwali", "2020-11-14"),
    ("Believers marked Orthodox Easter in Kyiv.", "2023-05-01", "Orthodox Easter", "2023-04-16"),
    ("Churches rang bells for Orthodox Christmas.", "2024-01-15", "Orthodox Christmas", "2024-01-07"),
    ("Unions marched on May Day.", "2024-05-03", "May Day", "2024-05-01"),
    ("Talks could drag on until Christmas.", "2021-10-04", "Christmas", "2021-12-25"),
    ("The ceasefire was first agreed at Christmas 2019.", "2024-06-01", "Christmas 2019", "2019-12-25"),
    ("Fighting paused for Eid al-Fitr in 2040.", "2024-06-01", "Eid al-Fitr", None),
])
def test_feasts(text, published, expr, expected):
    assert dated(text, published, expr) == (expected, "event")


def test_a_feast_outside_the_table_is_not_guessed():
    assert dated("Fighting paused for Eid al-Fitr.", "2040-06-01", "Eid al-Fitr") == (None, "event")


@pytest.mark.parametrize("text, published, expr, expected", [
    ("Growth slowed in the third quarter.", "2023-11-02", "third quarter", "2023"),
    ("Growth slowed in the fourth quarter.", "2024-01-20", "fourth quarter", "2023"),
    ("Growth will pick up in the fourth quarter.", "2024-05-20", "fourth quarter", "2024"),
    ("Inflation peaked last quarter.", "2024-02-05", "last quarter", "2023"),
    ("Inflation peaked last quarter.", "2024-08-05", "last quarter", "2024"),
    ("Prices should ease next quarter.", "2024-11-05", "next quarter", "2025"),
    ("Sales rose in the last quarter of the year.", "2024-11-05", "last quarter", "2024"),
    ("Sales rose in the last quarter of 2021.", "2024-11-05", "last quarter", "2021"),
    ("Exports fell in the first half of last year.", "2024-03-05", "first half", "2023"),
    ("Output grew in Q2.", "2024-03-05", "Q2", "2023"),
    ("Output grew in H2 2022.", "2024-03-05", "H2", "2022"),
    ("Third-quarter profits doubled.", "2024-11-05", "Third-quarter", "2024"),
    ("The utility's FY2024 results disappointed.", "2024-02-05", "FY2024", "2024"),
    ("The railway's FY23 losses grew.", "2024-02-05", "FY23", "2023"),
])
def test_quarters_and_fiscal_years(text, published, expr, expected):
    assert dated(text, published, expr) == (expected, "event")


@pytest.mark.parametrize("text", [
    "A quarter of the population fled.",
    "They lived in the Christian quarter of the old city.",
    "The first quarter of the century was turbulent.",
])
def test_no_quarter_without_a_year_meaning(text):
    found = find_article_dates(text, [Sentence(0, 0, len(text), text, "body")], "2024-03-05")
    assert found == []


@pytest.mark.parametrize("text, published, expr, expected", [
    ("The fund was agreed in November last year.", "2023-12-01", "November last year", "2022-11"),
    ("Talks resumed in March this year.", "2024-06-01", "March this year", "2024-03"),
    ("Elections are due in October of next year.", "2024-06-01", "October of next year", "2025-10"),
    ("The deal was signed on 3 March last year.", "2024-06-01", "3 March last year", "2023-03-03"),
    ("Leaders will meet again next February.", "2024-02-20", "next February", "2025-02"),
    ("Leaders will meet again next March.", "2024-02-20", "next March", "2024-03"),
    ("Rates were cut in mid-March.", "2025-03-27", "mid-March", "2025-03"),
    ("Rates were cut mid-March, the bank said.", "2025-03-27", "mid-March", "2025-03"),
    ("A century ago, the town was a port.", "2024-02-20", "A century ago", "1924"),
    ("The mission ends in two months' time.", "2025-06-22", "in two months", "2025-08"),
    ("Unions called another strike for Tuesday.", "2026-05-02", "Tuesday", "2026-05-05"),
    ("Police arrested two men for Tuesday's attack.", "2026-05-02", "Tuesday", "2026-04-28"),
    ("Talks had been due to conclude on April 6.", "2023-04-20", "April 6", "2023-04-06"),
])
def test_months_counted_from_a_relative_year_and_other_shapes(text, published, expr, expected):
    assert dated(text, published, expr) == (expected, "event")


@pytest.mark.parametrize("text, published, expr", [
    ("Algerians have marched every Friday since February.", "2019-06-12", "Friday"),
    ("Crowds marked the anniversary of Bloody Sunday.", "2022-01-31", "Sunday"),
    ("Biden hailed the Good Friday Agreement in Belfast.", "2023-04-20", "Good Friday"),
    ("Veterans of the Yom Kippur War gathered.", "2023-10-01", "Yom Kippur"),
    ("Migrants were taken to Christmas Island.", "2024-01-10", "Christmas"),
    ("Sirens sounded at 10.30 p.m. (1930 GMT).", "2024-04-15", "1930"),
    ("Palestinians mark the Nakba every year on 15 May.", "2024-06-01", "15 May"),
    ("Unions march on May Day every year.", "2024-05-03", "May Day"),
])
def test_no_date_in_habits_names_and_clock_times(text, published, expr):
    assert dated(text, published, expr) is None


@pytest.mark.parametrize("text, published, expr, expected", [
    ("Israel vowed to destroy Hamas after the October 7 attack.", "2025-11-01", "October 7", "2023-10-07"),
    ("The 9/11 attacks changed everything.", "2024-01-01", "9/11", "2001-09-11"),
    ("The Jan. 6 riot was condemned.", "2024-01-01", "Jan. 6", "2021-01-06"),
])
def test_events_named_by_their_date(text, published, expr, expected):
    assert dated(text, published, expr) == (expected, "event")


@pytest.mark.parametrize("text, expr", [
    ("The Sunday Times reported the plan.", "Sunday"),
    ("The March 23 Movement seized Goma.", "March 23"),
    ("The March 14 alliance won the vote.", "March 14"),
])
def test_names_holding_a_date_date_nothing(text, expr):
    assert dated(text, "2025-02-01", expr) is None
