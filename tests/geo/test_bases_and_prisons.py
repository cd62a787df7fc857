"""US and allied bases abroad and the political prisons that make the news are found by their written names."""

from __future__ import annotations

from stagerun import place_mentions

from eventcoder.geo.gazetteer import haversine_km


def _place(pipeline, text: str, name: str):
    return place_mentions(pipeline, text)[name]


def test_air_base_abroad_is_its_host_country(pipeline) -> None:
    place = _place(pipeline, "Tankers took off from Al Udeid on Tuesday night.", "Al Udeid")
    assert place.country == "QAT"
    assert haversine_km(place.lat, place.lon, 25.12, 51.32) < 25


def test_base_in_the_horn_of_africa(pipeline) -> None:
    place = _place(pipeline, "Drones based at Camp Lemonnier struck the convoy.", "Camp Lemonnier")
    assert place.country == "DJI"


def test_political_prison(pipeline) -> None:
    place = _place(pipeline, "The journalist was moved to Qarchak prison last week.", "Qarchak prison")
    assert place.country == "IRN"
    assert haversine_km(place.lat, place.lon, 35.43, 51.57) < 25
