"""Names the text marks as places that no data holds: kept with the country the text gives them and no point,
flagged "unlocated"; names that are not places (apps, seas, modifiers of a noun) stay out."""

from __future__ import annotations

import pytest
from stagerun import place_mentions

from eventcoder.geo.unlocated import UNLOCATED


@pytest.mark.parametrize("text, mention, country", [
    # strong words make it a place; the country named in the sentence is its country
    ("Gunmen raided the village of Qarat Nourzaid in eastern Syria.", "Qarat Nourzaid", "SYR"),
    # a demonym before a place noun places the sentence
    ("Shepherds were shot near Wadi Zourbek on the Lebanese border.", "Wadi Zourbek", "LBN"),
    # the country the text pins it to after a comma
    ("Protesters blocked the road in Bir Zouggar, Algeria.", "Bir Zouggar", "DZA"),
])
def test_unlocated_place_keeps_its_country(pipeline, text, mention, country):
    place = place_mentions(pipeline, text, published="2024-05-02").get(mention)
    assert place is not None and place.country == country
    assert place.feature == UNLOCATED and place.lat is None and place.lon is None


@pytest.mark.parametrize("text, name", [
    ("Iranian authorities restricted access to Instagram in Tehran.", "Instagram"),
    ("Warships from Italy sailed into the Adriatic Sea.", "Adriatic"),
    ("Norway froze its payments to the Amazon fund in Brazil.", "Amazon"),
])
def test_not_a_place(pipeline, text, name):
    places = place_mentions(pipeline, text, published="2024-05-02")
    assert all(p.feature != UNLOCATED for p in places.values())
    assert name not in places
