"""Precision columns and filters shared by every layout."""

from __future__ import annotations

import pytest

from eventcoder.datafiles import read_tsv
from eventcoder.formats.select import PrecisionError, event_rows, feature_precisions, parse_min_precision
from eventcoder.store.duckdb import Store
from eventcoder.store.filters import EventFilter


def test_every_gazetteer_feature_has_a_precision():
    features = {r["feature"] for r in read_tsv("places", "places.tsv")} | {"city", "country", "state", "place"}
    assert features <= set(feature_precisions())
    assert set(feature_precisions().values()) == {"place", "admin", "country"}


@pytest.mark.parametrize("values, expected", [
    ((), (None, None)), (("day",), ("day", None)), (("month", "admin"), ("month", "admin")),
    (("year,country",), ("year", "country")),
])
def test_parse_min_precision(values, expected):
    assert parse_min_precision(values) == expected


def test_bad_precision():
    with pytest.raises(PrecisionError, match="not a precision: street"):
        parse_min_precision(("street",))


def test_precision_columns(golden_db):
    with Store.open(golden_db, read_only=True) as store:
        rows = {r["id"]: r for r in event_rows(store, EventFilter())}
        month = {r["id"] for r in event_rows(store, EventFilter(), ("month",))}
        admin = {r["id"] for r in event_rows(store, EventFilter(), ("admin",))}
    assert rows["wire2-e2"]["date_precision"] == "month" and rows["wire1-e0"]["date_precision"] == "day"
    assert rows["wire1-e1"]["geo_precision"] == "place" and rows["wire1-e1"]["geo_feature"] == "city"
    assert rows["wire1-e0"]["geo_precision"] is None  # no location
    assert month == set(rows)  # everything here is dated to the month or better
    assert admin == {"wire1-e1", "wire2-e0", "wire2-e1"}  # a geo floor drops unlocated events
