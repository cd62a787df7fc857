"""Every place feature the places stage can emit has a precision: one missing from geo_precision.tsv would export
its events with a null precision and drop them from every `--min-precision` filter."""

from __future__ import annotations

from importlib import resources

import pytest

from eventcoder.datafiles import read_tsv
from eventcoder.formats.select import feature_precisions

PLACE_TABLES = ["places.tsv", "towns.tsv", "sites.tsv", "areas.tsv"]
# features the geo modules set in code rather than read from a table
CODED_FEATURES = ["country", "region", "state", "city", "town", "village", "near", "unlocated"]


@pytest.mark.parametrize("table", PLACE_TABLES)
def test_every_tabled_feature_has_a_precision(table):
    features = {row["feature"] for row in read_tsv("places", table)}
    assert features - set(feature_precisions()) == set()


@pytest.mark.parametrize("feature", CODED_FEATURES)
def test_coded_features_have_a_precision(feature):
    assert feature in feature_precisions()


def test_coded_features_are_the_ones_the_geo_modules_write():
    source = "".join(f.read_text(encoding="utf-8") for f in resources.files("eventcoder.geo").iterdir()
                     if f.name.endswith(".py"))
    for feature in ("near", "unlocated", "village"):
        assert f'"{feature}"' in source


def test_a_place_known_only_by_its_country_is_country_precise():
    assert feature_precisions()["unlocated"] == "country"
