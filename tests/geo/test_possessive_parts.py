"""A place named as a part of another ("Georgia's Cobb County", "Tehran's Vanak Square", "North Waziristan's
Mir Ali"): the part says which namesake the whole is, and the whole where the part lies."""

from __future__ import annotations

from stagerun import place_mentions

from eventcoder.geo.gazetteer import haversine_km


def test_a_part_in_one_country_settles_the_whole(pipeline):
    assert place_mentions(pipeline, "Voters in Georgia's Cobb County waited for hours.")["Georgia"].country == "USA"


def test_a_part_no_data_holds_takes_the_point_of_its_city(pipeline):
    square = place_mentions(pipeline, "Police in Tehran's Vanak Square dispersed the crowd.")["Vanak"]
    assert square.country == "IRN" and haversine_km(square.lat, square.lon, 35.69, 51.39) < 25


def test_a_part_after_a_possessive_has_a_place_cue(pipeline):
    found = place_mentions(pipeline, "The army said militants attacked a post in North Waziristan's Mir Ali.")
    assert found["Mir Ali"].country == "PAK"


def test_a_us_state_after_its_city_is_the_state(pipeline):
    found = place_mentions(pipeline, "A shooting in Alexandria, Virginia, wounded a congressman.")
    assert found["Virginia"].feature == "state" and found["Alexandria"].lat > 38
