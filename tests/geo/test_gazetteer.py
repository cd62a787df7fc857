"""The gazetteer and its curated data files."""

from __future__ import annotations

import pycountry
import pytest

from eventcoder.datafiles import read_tsv
from eventcoder.geo.gazetteer import fold, haversine_km, load_gazetteer

VALID_EXTRA_CODES = {"KOS"}


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_curated_places_follow_the_schema():
    rows = read_tsv("places", "places.tsv")
    assert len(rows) >= 50
    for row in rows:
        assert set(row) == {"name", "aliases", "country", "lat", "lon", "feature"}
        assert row["name"] and row["feature"]
        assert row["country"] in VALID_EXTRA_CODES or pycountry.countries.get(alpha_3=row["country"]), row
        if row["feature"] != "country" or row["lat"]:
            assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row


def test_demonyms_point_at_real_countries():
    for row in read_tsv("places", "demonyms.tsv"):
        assert row["demonym"][0].isupper()
        assert row["country"] in VALID_EXTRA_CODES or pycountry.countries.get(alpha_3=row["country"]), row


@pytest.mark.parametrize("name, country", [
    ("Tehran", "IRN"), ("Baghdad", "IRQ"), ("Gaza", "PSE"), ("Tel Aviv", "ISR"), ("Haifa", "ISR"),
    ("Gaza Strip", "PSE"), ("West Bank", "PSE"), ("Al Quds", "ISR"), ("Rafah Crossing", "PSE"),
    ("Golan Heights", "SYR"), ("Crimea", "UKR"), ("Donbas", "UKR"), ("Kosovo", "KOS"), ("Palestine", "PSE"),
    ("UAE", "ARE"), ("Western Sahara", "ESH"),
])
def test_lookup(gaz, name, country):
    assert country in {e.country for e, _ in gaz.lookup(name)}


def test_every_country_has_a_point_inside_it(gaz):
    iran = gaz.entries[gaz.country_index["IRN"]]
    assert iran.lat is not None and 25 <= iran.lat <= 40 and 44 <= iran.lon <= 64


def test_diacritics_are_folded(gaz):
    assert fold("Khān Yūnis") == "Khan Yunis"
    assert gaz.lookup("Khan Yunis")


def test_haversine():
    assert haversine_km(0, 0, 0, 0) == 0
    assert 340 < haversine_km(51.5074, -0.1278, 48.8566, 2.3522) < 350  # London-Paris
