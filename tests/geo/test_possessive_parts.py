"""A place named as a part of another ("Georgia's Cobb County", "Tehran's Vanak Square", "North Waziristan's
Mir Ali"): the part says which namesake the whole is, and the whole where the part lies."""

from __future__ import annotations

from eventcoder.geo.gazetteer import haversine_km
from eventcoder.pipeline import Analysis, Pipeline
from eventcoder.reading.text import article_from_text


def places(pipeline: Pipeline, text: str) -> dict[str, object]:
    state = Analysis(article=article_from_text(text, doc_id="t", published="2024-08-20"))
    for _name, stage in pipeline.stages:
        stage(state)
    return {m.text: p for p in state.places for m in p.mentions}


def test_a_part_in_one_country_settles_the_whole(pipeline):
    assert places(pipeline, "Voters in Georgia's Cobb County waited for hours.")["Georgia"].country == "USA"


def test_a_part_no_data_holds_takes_the_point_of_its_city(pipeline):
    square = places(pipeline, "Police in Tehran's Vanak Square dispersed the crowd.")["Vanak"]
    assert square.country == "IRN" and haversine_km(square.lat, square.lon, 35.69, 51.39) < 25


def test_a_part_after_a_possessive_has_a_place_cue(pipeline):
    found = places(pipeline, "The army said militants attacked a post in North Waziristan's Mir Ali.")
    assert found["Mir Ali"].country == "PAK"


def test_a_us_state_after_its_city_is_the_state(pipeline):
    found = places(pipeline, "A shooting in Alexandria, Virginia, wounded a congressman.")
    assert found["Virginia"].feature == "state" and found["Alexandria"].lat > 38
