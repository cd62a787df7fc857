"""Curated facilities (sites.tsv) and regions (areas.tsv): schema, and that the longest written name wins."""

from __future__ import annotations

import pytest
from stagerun import place_mentions

from eventcoder.datafiles import read_tsv
from eventcoder.geo.gazetteer import haversine_km, load_gazetteer

SITE_FEATURES = {"base", "site", "airport", "camp", "crossing", "square", "street"}


@pytest.mark.parametrize("name, features", [("sites.tsv", SITE_FEATURES), ("areas.tsv", {"region"})])
def test_curated_files_follow_the_schema(name, features):
    rows = read_tsv("places", name)
    assert len(rows) >= 50
    gaz = load_gazetteer()
    for row in rows:
        assert row["feature"] in features, row
        assert row["country"] in gaz.country_index, row
        if name == "sites.tsv" or row["lat"]:  # a region may be too large for one point; a site never is
            assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("text, mention, country, lat, lon", [
    # the plant, not the city 50 km away
    ("Shelling cut power lines at the Zaporizhzhia nuclear plant.", "Zaporizhzhia nuclear plant", "UKR", 47.51, 34.59),
    ("Russian jets took off from Hmeimim.", "Hmeimim", "SYR", 35.41, 35.95),
    ("Refugees in Zaatari camp protested against ration cuts.", "Zaatari camp", "JOR", 32.30, 36.32),
    ("Drones hit the Crimean Bridge overnight.", "Crimean Bridge", "UKR", 45.31, 36.51),
    # an English region name ISO lists in the local language
    ("Federal forces were sent to Chechnya.", "Chechnya", "RUS", None, None),
    ("Fighting spread across the Bekaa Valley.", "Bekaa Valley", "LBN", None, None),
])
def test_sites_and_areas_in_sentences(pipeline, text, mention, country, lat, lon):
    found = place_mentions(pipeline, text, published="2024-05-02")
    place = found.get(mention)
    assert place is not None and place.country == country, found
    if lat is not None:
        assert haversine_km(place.lat, place.lon, lat, lon) <= 25
