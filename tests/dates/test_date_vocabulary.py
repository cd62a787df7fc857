"""The date vocabulary files follow their schemas: a bad row would silently resolve to the wrong day."""

from __future__ import annotations

import datetime

from eventcoder.datafiles import read_tsv

KINDS = {"month", "month_abbr", "weekday", "number", "ordinal", "future", "role_since", "role_birth", "season",
         "holiday", "movable", "orthodox", "nth_weekday", "feast", "name", "named", "decade"}


def test_words_follow_the_schema():
    rows = read_tsv("dates", "words.tsv")
    assert {row["kind"] for row in rows} <= KINDS
    feasts = {row["feast"] for row in read_tsv("dates", "feasts.tsv")}
    for row in rows:
        kind, value = row["kind"], row["value"]
        if kind == "holiday":
            month, day = (int(part) for part in value.split("-"))
            assert 1 <= month <= 12 and 1 <= day <= 31, row
        elif kind in {"movable", "orthodox"}:  # days from Easter Sunday: Ash Wednesday to Pentecost
            assert -46 <= int(value) <= 60, row
        elif kind == "season":
            assert 1 <= int(value) <= 12, row
        elif kind == "nth_weekday":  # month/nth/weekday, nth -1 the month's last
            month, nth, weekday = (int(part) for part in value.split("/"))
            assert 1 <= month <= 12 and nth in {-1, 1, 2, 3, 4, 5} and 0 <= weekday <= 6, row
        elif kind == "feast":
            assert value in feasts, row
        elif kind == "named":
            datetime.date.fromisoformat(value)
        elif kind == "decade":  # a decade's first year
            assert int(value) % 10 == 0 and 1900 <= int(value) <= 2090, row


def test_feast_table_dates_fall_in_their_year():
    for row in read_tsv("dates", "feasts.tsv"):
        assert datetime.date.fromisoformat(row["date"]).year == int(row["year"]), row

