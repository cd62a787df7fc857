"""The date finder: which expressions it finds, with which shape and role."""

from __future__ import annotations

import pytest

from eventcoder.dates.find import find_dates


def texts(text: str) -> list[str]:
    return [e.text for e in find_dates(text)]


@pytest.mark.parametrize("text, expected", [
    ("It happened on 3 January, 2020 near the airport.", "3 January, 2020"),
    ("The deal was signed on December 25, 2021.", "December 25, 2021"),
    ("The vote, held on 2021-12-25, was close.", "2021-12-25"),
    ("It was celebrated on 14th December.", "14th December"),
    ("In the 14 December exchange both sides spoke.", "14 December"),
    ("Drills were held in December 2020.", "December 2020"),
    ("The funeral took place in January 2020.", "January 2020"),
    ("They met on Tuesday.", "Tuesday"),
    ("Shelling resumed last week.", "last week"),
    ("The minister resigned yesterday.", "yesterday"),
    ("The army withdrew two days ago.", "two days ago"),
    ("The truce was agreed earlier this month.", "earlier this month"),
    ("Elections will be held next year.", "next year"),
    ("Prices rose this year.", "this year"),
    ("The talks collapsed in 2019.", "2019"),
    ("The mission ends on Dec. 31, 2024.", "Dec. 31, 2024"),
])
def test_finds_each_shape(text, expected):
    assert expected in texts(text)


@pytest.mark.parametrize("text", [
    "The army sent 2000 troops to the border.",
    "Militants fired Qassam 400 rockets.",
    "Resolution 1701 ended the war.",
    "The meeting ended at 12:34 pm with no statement.",
    "There is no date in this sentence at all.",
])
def test_numbers_that_are_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize("text, expr, role", [
    ("We have been publishing since 2009.", "2009", "since"),
    ("The movement marked the 34th anniversary of its founding.", "34th anniversary", "anniversary"),
    ("Crowds marked the anniversary of the 1979 revolution.", "1979", "anniversary"),
    ("The negotiator, born in 1948, retired.", "1948", "birth"),
    ("He was born on 12 May 1961 in a camp.", "12 May 1961", "birth"),
    ("The strike took place in 2019.", "2019", "event"),
    ("“Today, the resistance plays a key role,” he said.", "Today", "generic"),
])
def test_roles(text, expr, role):
    found = {e.text: e.role for e in find_dates(text)}
    assert found[expr] == role


def test_longest_expression_wins_over_its_parts():
    found = find_dates("The talks resumed on Monday, December 20, 2021 in Vienna.")
    assert [e.text for e in found] == ["Monday, December 20, 2021"]
    assert (found[0].year, found[0].month, found[0].day) == (2021, 12, 20)


def test_offsets_point_into_the_text():
    text = "Rockets were fired on 19 May 2021 and again in May 2021."
    for e in find_dates(text):
        assert text[e.start:e.end] == e.text
