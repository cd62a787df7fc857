"""A name the tagger reads as a person and the actors stage keeps as an uncoded person is still a place when it
is a place name: the actors stage takes the tagger's word, the places stage has the gazetteer's."""

from __future__ import annotations

import pytest
from stagerun import place_mentions

from eventcoder.config import Config
from eventcoder.pipeline import Pipeline


@pytest.fixture(scope="module")
def with_actors() -> Pipeline:
    return Pipeline(Config(stages=("metadata", "sentences", "parse", "actors", "places"), require_english=False))


@pytest.mark.parametrize("text, mention, country", [
    ("Students blocked a bridge in Novi Sad.", "Novi Sad", "SRB"),
    ("Paramilitary fighters looted shops in Wad Madani.", "Wad Madani", "SDN"),
    ("Floods swept across Rakhine State.", "Rakhine", "MMR"),
])
def test_place_named_like_a_person(with_actors, text, mention, country):
    place = place_mentions(with_actors, text, published="2024-05-02").get(mention)
    assert place is not None and place.country == country


def test_person_holding_a_place_name_stays_a_person(with_actors):
    assert "Paris" not in place_mentions(with_actors, "Paris Hilton opened a hotel.", published="2024-05-02")
