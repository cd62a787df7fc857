"""A part of a longer name never resolves by itself: a town with a state after it, a hyphen-linked name, a
province word after a name asking for a first-level unit, a short bare name of a big city."""

from __future__ import annotations

import pytest
from stagerun import place_mentions

from eventcoder.geo.gazetteer import haversine_km


@pytest.mark.parametrize("text, mention, country, lat, lon", [
    # a longer town name before a state: not the other state's Palestine (Texas)
    ("Residents of East Palestine, Ohio, sued the rail company.", "East Palestine", "USA", 40.83, -80.54),
    # "-e-" links the name's parts: not the Iranian town of Pul
    ("Gunmen attacked a police post in Pul-e-Khumri overnight.", "Pul-e-Khumri", "AFG", 35.94, 68.71),
    # a three-letter bare name of an Iraqi city over a Ukrainian village
    ("Hundreds marched through Kut demanding jobs.", "Kut", "IRQ", 32.51, 45.82),
])
def test_longer_name_wins(pipeline, text, mention, country, lat, lon):
    place = place_mentions(pipeline, text, published="2024-05-02").get(mention)
    assert place is not None and place.country == country
    assert haversine_km(place.lat, place.lon, lat, lon) <= 25


def test_province_word_asks_for_a_province(pipeline):
    place = place_mentions(pipeline, "Floods cut roads across Santa Fe province.", published="2024-05-02").get(
        "Santa Fe")
    assert place is not None and place.country == "ARG"

