"""The gazetteer and its curated data files."""

from __future__ import annotations

from importlib import resources

import pycountry
import pytest

from eventcoder.geo.gazetteer import fold, haversine_km, load_gazetteer

VALID_EXTRA_CODES = {"KOS"}


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def data_rows(name: str) -> list[list[str]]:
    text = (resources.files("eventcoder") / "data" / "places" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_curated_places_follow_the_schema():
    for row in data_rows("places.tsv"):
        assert len(row) == 6, row
        name, aliases, country, lat, lon, feature = row
        assert name and feature
        assert country in VALID_EXTRA_CODES or pycountry.countries.get(alpha_3=country), row
        if feature != "country" or lat:
            assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, row


def test_demonyms_point_at_real_countries():
    for demonym, country in data_rows("demonyms.tsv"):
        assert demonym[0].isupper()
        assert country in VALID_EXTRA_CODES or pycountry.countries.get(alpha_3=country), demonym


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
