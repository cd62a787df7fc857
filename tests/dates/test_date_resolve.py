"""Resolution against the publication date: past preferred, future cues, precision kept, impossible dates."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.dates.find import find_dates, has_future_cue
from eventcoder.dates.resolve import parse_published, resolve


def value(text: str, published: str, expr: str | None = None) -> str | None:
    pub = parse_published(published)
    found = find_dates(text)
    e = next(e for e in found if expr is None or e.text == expr)
    return resolve(e, pub, has_future_cue(text))


@pytest.mark.parametrize("text, published, expected", [
    ("It was celebrated on 14th December.", "2021-12-25", "2021-12-14"),
    ("Rockets hit the town on 26 December.", "2021-12-25", "2020-12-26"),
    ("Elections will take place on 26 December.", "2021-12-25", "2021-12-26"),
    ("The cabinet met on Tuesday.", "2023-10-10", "2023-10-10"),
    ("Police made arrests on Monday.", "2023-10-10", "2023-10-09"),
    ("The ministers will meet on Thursday.", "2023-10-10", "2023-10-12"),
    ("The convoy was hit last Friday.", "2023-10-10", "2023-10-06"),
    ("A conference opens next Friday.", "2023-10-10", "2023-10-13"),
    ("The minister resigned yesterday.", "2024-03-15", "2024-03-14"),
    ("The bodies were found two days ago.", "2024-03-15", "2024-03-13"),
    ("Clashes erupted last week.", "2024-03-15", "2024-03"),
    ("The truce was agreed earlier this month.", "2021-12-25", "2021-12"),
    ("Inflation doubled this year.", "2021-12-25", "2021"),
    ("Parliament votes next year.", "2021-12-25", "2022"),
    ("The militia withdrew in November.", "2023-10-10", "2022-11"),
    ("Talks will start in November.", "2023-10-10", "2023-11"),
    ("Drills were held in December 2020.", "2021-12-25", "2020-12"),
    ("The village was destroyed five years ago.", "2024-03-15", "2019"),
    ("The party marked the 34th anniversary of its founding.", "2021-12-25", "1987"),
    ("Raids continued over the weekend.", "2025-06-02", "2025-05-31"),
])
def test_relative_to_publication(text, published, expected):
    assert value(text, published) == expected


@pytest.mark.parametrize("text", [
    "The deal was struck on 31 February 2021.",
    "A memo was dated 30 February.",
    "The meeting took place on June 31.",
    "A statement dated February 29, 2023 was forged.",
    "The mission lasts until 3 March 2999.",
])
def test_impossible_or_far_future_dates_have_no_value(text):
    assert value(text, "2021-12-25") is None


def test_leap_day_without_year_goes_back_to_a_leap_year():
    assert value("The decree of 29 February was annulled.", "2022-02-24") == "2020-02-29"


def test_ambiguous_numeric_date_keeps_only_the_year():
    assert value("The strikes of 11/09/2023 hit a depot.", "2023-10-10") == "2023"
    assert value("The raid of 13/09/2023 was reported.", "2023-10-10") == "2023-09-13"


def test_relative_dates_need_a_publication_date():
    e = find_dates("The minister resigned yesterday.")[0]
    assert resolve(e, None) is None
    absolute = find_dates("It happened on 3 January, 2020.")[0]
    assert resolve(absolute, None) == "2020-01-03"


@pytest.mark.parametrize("published", ["", None, "not a date", "2021-13-45"])
def test_bad_publication_dates_are_absent(published):
    assert parse_published(published) is None


def test_parse_published_reads_iso_dates():
    assert parse_published("2021-12-25") == dt.date(2021, 12, 25)


@pytest.mark.parametrize("text, published, expected", [
    ("The ceasefire signed on 19.05.2023 was violated.", "2023-06-20", "2023-05-19"),
    ("The general visited the front a fortnight ago.", "2024-01-10", "2023-12"),
    ("Casualties mounted throughout April.", "2023-06-20", "2023-04"),
    ("Aid rose in the first week of February.", "2025-02-05", "2025-02"),
    ("The vote is set for Jan. 21, officials said.", "2024-01-10", "2024-01-21"),
])
def test_more_shapes_and_cues(text, published, expected):
    assert value(text, published) == expected
