"""Ranges, seasons, holidays, days of the month, 'in two weeks' and the day before yesterday."""

from __future__ import annotations

import pytest

from eventcoder.dates.find import find_dates, has_future_cue
from eventcoder.dates.resolve import parse_published, resolve


def values(text: str, published: str) -> dict[str, str | None]:
    pub = parse_published(published)
    return {e.text: resolve(e, pub, has_future_cue(text)) for e in find_dates(text)}


@pytest.mark.parametrize("text, published, expr, expected", [
    ("Talks were held between 7 and 9 May in Doha.", "2024-05-20", "7", "2024-05-07"),
    ("Talks were held between 7 and 9 May in Doha.", "2024-05-20", "9 May", "2024-05-09"),
    ("The exercise ran from 28 to 30 November 2022.", "2024-05-20", "28", "2022-11-28"),
    ("The border stayed shut from February to April.", "2024-05-20", "April", "2024-04"),
    ("Mediators met on Boxing Day.", "2024-01-04", "Boxing Day", "2023-12-26"),
    ("The truce collapsed on the 2nd.", "2024-05-20", "2nd", "2024-05-02"),
    ("The truce collapsed on the 25th.", "2024-05-20", "25th", "2024-04-25"),
    ("Two soldiers died the day before yesterday.", "2024-01-01", "day before yesterday", "2023-12-30"),
    ("Prices were stable the previous month.", "2024-01-10", "previous month", "2023-12"),
    ("The reservoir dried up last summer.", "2024-10-02", "last summer", "2024"),
    ("The reservoir dried up last summer.", "2024-04-02", "last summer", "2023"),
    ("The dam will be finished next autumn.", "2024-10-02", "next autumn", "2025"),
    ("Shelling was heavy last winter.", "2024-04-02", "last winter", None),
    ("The envoy will return in three weeks.", "2024-12-20", "in three weeks", "2025-01"),
    ("The economy doubled in three years.", "2024-12-20", "in three years", None),
])
def test_values(text, published, expr, expected):
    assert values(text, published)[expr] == expected


def test_a_range_word_alone_is_no_month():
    """'Johnson and May' is no month: only a month just written makes 'and' a range."""
    assert values("Johnson and May met in London.", "2019-03-01") == {}


def test_christmas_island_is_no_holiday():
    assert "Christmas" not in values("Migrants were taken to Christmas Island.", "2024-01-10")


def test_ordinals_before_nouns_are_no_days():
    assert values("The rally filled the 3rd floor on the 4th of the month.", "2024-05-20") == {"4th": "2024-05-04"}
