"""place_for: the place governing an event's clause."""

from __future__ import annotations

import pytest
from stagerun import analyse, at

from eventcoder.config import Config
from eventcoder.geo.assign import place_for
from eventcoder.pipeline import Analysis, Pipeline

STAGES = ("metadata", "sentences", "parse", "places")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Config(stages=STAGES))


@pytest.fixture(scope="module")
def seed(pipeline, seed_text) -> Analysis:
    return analyse(pipeline, seed_text)


def test_seed_attack_near_baghdad_airport(seed):
    assert place_for(seed, *at(seed, "terrorist attack")).name == "Baghdad International Airport"


def test_seed_thanks_are_not_placed_by_a_relative_clause(seed):
    assert place_for(seed, *at(seed, "Haniyeh thanked")) is None


def test_seed_march_in_palestine_square(seed):
    assert place_for(seed, *at(seed, "wave Palestinian")).name == "Palestine Square"


def test_seed_travel_through_rafah_crossing(seed):
    assert place_for(seed, *at(seed, "traveling")).name == "Rafah Crossing"


def test_city_beats_its_country(pipeline):
    state = analyse(pipeline, "Students gathered outside the embassy in Tehran, Iran to protest.")
    assert place_for(state, *at(state, "gathered")).name == "Tehran"


def test_actor_country_is_not_a_location(pipeline):
    state = analyse(pipeline, "Iran condemned the strike.")
    assert place_for(state, *at(state, "condemned")) is None


def test_bad_sentence_index(pipeline):
    state = analyse(pipeline, "Troops entered Gaza.")
    assert place_for(state, 99, 0, 1) is None


def test_places_describing_an_actor_are_not_event_places(pipeline):
    state = analyse(pipeline, "Hamas leader in Gaza, Yahia Al-Sinwar, met journalists. "
                              "He sent greetings to the leader of the Islamic Revolution in Iran.")
    assert place_for(state, *at(state, "met")) is None
    assert place_for(state, *at(state, "sent greetings")) is None


def test_sentence_initial_subjects_keep_their_place(pipeline):
    state = analyse(pipeline, "Protesters in Tehran burned flags.")
    assert place_for(state, *at(state, "burned")).name == "Tehran"
