"""Shapes added for unseen text: two units back, parts of the current unit, fiscal and quarter years, feasts
counted from Easter, 'since mid-October', and tense of undated months and weekdays."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.dates.resolve import easter
from eventcoder.dates.stage import find_article_dates
from eventcoder.document import Sentence


def dated(text: str, published: str, expr: str) -> tuple[str | None, str]:
    """(value, role) of the date mention overlapping `expr` in a one-sentence article."""
    found = find_article_dates(text, [Sentence(0, 0, len(text), text, "body")], published)
    at = text.index(expr)
    hit = next(d for d in found if d.start < at + len(expr) and at < d.end)
    return hit.value, hit.role


@pytest.mark.parametrize("year, expected", [
    (2000, dt.date(2000, 4, 23)), (2008, dt.date(2008, 3, 23)), (2019, dt.date(2019, 4, 21)),
    (2024, dt.date(2024, 3, 31)), (2038, dt.date(2038, 4, 25)),
])
def test_easter_computus(year, expected):
    assert easter(year) == expected


@pytest.mark.parametrize("text, published, expr, expected", [
    ("Talks collapsed the month before last.", "2023-07-04", "month before last", "2023-05"),
    ("The strike began the week before last.", "2023-07-04", "week before last", "2023-06"),
    ("The summit is planned for the year after next.", "2023-07-04", "year after next", "2025"),
    ("Inflation eased at the end of the month.", "2023-07-04", "end of the month", "2023-07"),
    ("The ceasefire held through the beginning of the year.", "2023-07-04", "beginning of the year", "2023"),
    ("The minister flew in later in the week.", "2023-07-04", "later in the week", "2023-07"),
    ("Protests spread earlier in the month.", "2023-07-04", "earlier in the month", "2023-07"),
    ("Exports fell in fiscal 2022, the bank said.", "2023-07-04", "2022", "2022"),
    ("Output grew in Q3 2022.", "2023-07-04", "2022", "2022"),
    ("Debt rose in H1 2023.", "2023-07-04", "2023", "2023"),
])
def test_new_shapes(text, published, expr, expected):
    assert dated(text, published, expr) == (expected, "event")


@pytest.mark.parametrize("text, published, expr, expected", [
    ("Pilgrims gathered on Good Friday.", "2023-04-20", "Good Friday", "2023-04-07"),
    ("Crowds filled the square on Easter Monday.", "2023-04-05", "Easter Monday", "2022-04-18"),
    ("The truce will hold over Easter.", "2023-03-01", "Easter", "2023-04-09"),
    ("Markets shut on Ash Wednesday.", "2024-03-01", "Ash Wednesday", "2024-02-14"),
])
def test_feasts_counted_from_easter(text, published, expr, expected):
    assert dated(text, published, expr)[0] == expected


def test_orthodox_easter_is_not_the_western_date():
    text = "Believers marked Orthodox Easter in Kyiv."
    found = find_article_dates(text, [Sentence(0, 0, len(text), text, "body")], "2023-05-01")
    assert all(d.value != "2023-04-09" for d in found)


@pytest.mark.parametrize("text, expr", [
    ("Shelling has gone on since mid-March.", "March"),
    ("Prices have climbed since early 2021.", "2021"),
    ("The border has been shut since late August.", "August"),
])
def test_since_with_a_part_of_the_period(text, expr):
    assert dated(text, "2023-10-10", expr)[1] == "since"


@pytest.mark.parametrize("text, published, expr, expected", [
    ("The new tariffs take effect in November.", "2023-08-15", "November", "2023-11"),
    ("The rainy season begins in October.", "2023-08-15", "October", "2023-10"),
    ("Voting ended in November.", "2023-08-15", "November", "2022-11"),
    ("Exports have grown since November.", "2023-08-15", "November", "2022-11"),
    ("The regulator cut its forecast on Monday.", "2023-08-16", "Monday", "2023-08-14"),
    ("Troops put up barricades on Friday.", "2023-08-16", "Friday", "2023-08-11"),
])
def test_tense_of_undated_months_and_days(text, published, expr, expected):
    assert dated(text, published, expr)[0] == expected
