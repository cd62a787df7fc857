"""Publication dates: the stamp forms pages use, datelines, and validation of given dates."""

from __future__ import annotations

import pytest

from eventcoder.errors import BadDateError
from eventcoder.reading.pubdate import date_line_value, find_published, parse_published


@pytest.mark.parametrize("line, value", [
    ("December 25, 2021 at 12:34 pm", "2021-12-25"),
    ("25 December 2021", "2021-12-25"),
    ("2021-12-25", "2021-12-25"),
    ("Published: 25 Dec 2021, 10:30 GMT", "2021-12-25"),
    ("Dec. 25, 2021 10:30 GMT", "2021-12-25"),
    ("Saturday, 25th of December 2021", "2021-12-25"),
    ("Posted on 2021/12/25", "2021-12-25"),
    ("Updated 2021-12-26T10:00:00Z", "2021-12-26"),
    ("Iran said on 25 December 2021 that it would respond", None),
    ("Creating new perspectives since 2009", None),
    ("31 February 2021", None),
])
def test_date_line_value(line, value):
    assert date_line_value(line) == value


@pytest.mark.parametrize("text, value", [
    ("Headline\n\nUpdated: 26 December 2021\nPublished: 25 December 2021\n\nBody.", "2021-12-25"),
    ("Headline\n\nUpdated: 26 December 2021\n\nBody text.", "2021-12-26"),
    ("Headline\n\nTEHRAN, Dec 25, 2021 (Wire) - Iran said on Monday...", "2021-12-25"),
    ("Headline\n\nIran said on 25 December 2021 that talks would resume.", None),
])
def test_find_published(text, value):
    assert find_published(text) == value


@pytest.mark.parametrize("given, value", [("2021-12-25", "2021-12-25"), ("2021-12-25T10:00:00Z", "2021-12-25")])
def test_parse_published_accepts(given, value):
    assert parse_published(given) == value


@pytest.mark.parametrize("given", ["2021-02-31", "25/12/2021", "yesterday", "2021-1-5"])
def test_parse_published_refuses(given):
    with pytest.raises(BadDateError) as err:
        parse_published(given)
    assert str(err.value) == f"not a valid date (YYYY-MM-DD): {given}"
