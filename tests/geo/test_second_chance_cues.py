"""Second chances added for names the gazetteer lacks: world-unique names, strong place cues over the tagger,
lower-case Arabic articles, exact spellings over look-alike keys, and the sentence's own places as context."""

from __future__ import annotations

import pytest
from stagerun import place_mentions

from eventcoder.geo.gazetteer import haversine_km, load_gazetteer
from eventcoder.geo.unmatched import _world_unique
from eventcoder.geo.villages import find_anywhere, find_villages


@pytest.mark.parametrize("text, mention, country, lat, lon", [
    # an English exonym GeoNames lists only among a mid-size city's alternate names, no country in the text
    ("Opposition activists were detained in Grodno.", "Grodno", "BLR", 53.68, 23.83),
    # "the village of": a place even though the tagger reads a person's name
    ("Israeli troops raided the village of Kafr Qaddum near Qalqilya.", "Kafr Qaddum", "PSE", 32.22, 35.12),
    # a lower-case article belongs to the name; Ramallah (too small to say what an article is about) says where
    ("Settlers burned homes in al-Mughayyir, east of Ramallah.", "al-Mughayyir", "PSE", 31.99, 35.34),
    # a province after a comma pins a town the gazetteer knows only abroad
    ("Wildfires forced the evacuation of Jasper, Alberta.", "Jasper", "CAN", 52.87, -118.08),
    # spelt exactly as written beats a look-alike key (Srebrenik)
    ("Mourners gathered in Srebrenica for the burial.", "Srebrenica", "BIH", 44.10, 19.30),
])
def test_second_chances(pipeline, text, mention, country, lat, lon):
    place = place_mentions(pipeline, text, published="2024-05-02").get(mention)
    assert place is not None and place.country == country
    assert haversine_km(place.lat, place.lon, lat, lon) <= 25


def test_world_lookup_needs_one_place_or_a_dominant_one():
    gaz = load_gazetteer()
    assert _world_unique("Hrodna", gaz) is not None
    assert _world_unique("Victoria", gaz) is None  # Hong Kong's district, Mexican, Canadian... cities
    assert _world_unique("Qwxzzyq", gaz) is None
    codes = {iso2: code for code, iso2 in gaz.alpha2.items()}
    assert all(e.name for e in find_anywhere("Tegh", codes))


def test_exact_spellings_skip_transliteration_keys():
    assert find_villages("Khan Sheikhoun", {"SY": "SYR"})  # by key: Khan Shaykhun
    assert find_villages("Khan Sheikhoun", {"SY": "SYR"}, exact=True) == []
    assert find_villages("Khan Shaykhun", {"SY": "SYR"}, exact=True)


def test_a_village_no_data_holds_takes_its_neighbours_point(pipeline):
    found = place_mentions(pipeline, "Soldiers burned homes in the village of Khirbet Tana, south of Nablus.",
                           published="2024-05-02")
    village, nablus = found.get("Khirbet Tana"), found.get("Nablus")
    assert village is not None and nablus is not None
    assert village.feature == "near" and village.country == "PSE"
    assert (village.lat, village.lon) == (nablus.lat, nablus.lon)


def test_a_name_beside_a_place_without_a_place_cue_is_not_placed(pipeline):
    found = place_mentions(pipeline, "He met Dmitri Orlov near Moscow.", published="2024-05-02")
    assert "Dmitri Orlov" not in found and "Moscow" in found


def test_actor_votes_skip_borrowed_countries_and_ambiguous_names():
    from eventcoder.document import Actor, ActorMention
    from eventcoder.geo.resolve import match_names
    from eventcoder.geo.stage import _actor_countries
    from eventcoder.pipeline import Analysis
    from eventcoder.reading.text import article_from_text

    text = "Voters in Georgia queued in Atlanta as Iran watched."
    state = Analysis(article=article_from_text(text, doc_id="t", published="2024-05-02"))
    at = text.index
    state.mentions = [
        ActorMention(0, 6, "Voters", 0, Actor("voters", "GEOCVL", "group", "GEO", "CVL")),
        ActorMention(at("Georgia"), at("Georgia") + 7, "Georgia", 0, Actor("Georgia", "GEO", "state", "GEO")),
        ActorMention(at("Iran"), at("Iran") + 4, "Iran", 0, Actor("Iran", "IRN", "state", "IRN")),
    ]
    votes, armed = _actor_countries(state, match_names(text, load_gazetteer()))
    assert votes == {"IRN": 1} and not armed


def test_english_at_and_an_are_no_arabic_articles(pipeline):
    found = place_mentions(pipeline, "Hungarian police pushed migrants back at Röszke.", published="2024-05-02")
    assert "Röszke" in found and found["Röszke"].country == "HUN"


def test_world_lookup_ignores_a_prefix_of_a_longer_name():
    assert _world_unique("Evin", load_gazetteer()) is None  # Evin-Malmaison lists "Evin"; Tehran's prison is meant


@pytest.mark.parametrize("text, lat, lon", [
    ("Maoists attacked a camp in Bijapur, Chhattisgarh.", 18.79, 80.82),  # not Karnataka's Bijapur (Vijayapura)
    ("Maoists attacked a camp in Bijapur in Chhattisgarh.", 18.79, 80.82),
])
def test_a_province_after_a_name_picks_the_namesake_in_it(pipeline, text, lat, lon):
    place = place_mentions(pipeline, text, published="2024-05-02").get("Bijapur")
    assert place is not None and haversine_km(place.lat, place.lon, lat, lon) <= 25
