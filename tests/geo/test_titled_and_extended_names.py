"""Names GeoNames writes another way: a word more ("Lakki Marwat"), other vowels ("Sheikh Zuweid"), a title word
read as a person's, a town that is also a surname, and a place given the point of the city it is on the edge of."""

from __future__ import annotations

from stagerun import place_mentions

from eventcoder.document import Actor, ActorMention
from eventcoder.geo.gazetteer import haversine_km, load_gazetteer
from eventcoder.geo.stage import _place_runs
from eventcoder.geo.villages import find_villages


def test_a_town_named_with_its_district_word_is_the_town():
    assert any(e.name == "Lakki" and e.country == "PAK" for e, _ in load_gazetteer().lookup("Lakki Marwat"))


def test_spellings_that_differ_in_vowels_find_the_likest_village():
    found = find_villages("Sheikh Zuweid", {"EG": "EGY"})
    assert found and haversine_km(found[0].lat, found[0].lon, 31.22, 34.11) < 10


def test_a_title_word_read_as_a_person_after_a_preposition_of_place(pipeline):
    text = "Egyptian forces killed militants near Sheikh Zuweid."
    person = Actor(name="Sheikh Zuweid", code="EGYGOV", kind="person", country="EGY", sector="GOV")
    found = place_mentions(pipeline, text, [ActorMention(45, 51, "Zuweid", 0, person, "apposition")])
    assert found["Sheikh Zuweid"].country == "EGY"


def test_a_town_that_is_a_known_surname_named_alone_with_a_place_cue(pipeline):
    text = "Boko Haram fighters attacked Monguno at dusk."
    adviser = Actor(name="Babagana Monguno", code="NGAGOV", kind="person", country="NGA", sector="GOV")
    found = place_mentions(pipeline, text, [ActorMention(29, 36, "Monguno", 0, adviser, "kb")])
    assert found["Monguno"].country == "NGA"


def test_a_surname_named_in_full_stays_a_person(pipeline):
    text = "Babagana Monguno met the governor. Critics attacked Monguno at once."
    adviser = Actor(name="Babagana Monguno", code="NGAGOV", kind="person", country="NGA", sector="GOV")
    mentions = [ActorMention(0, 16, "Babagana Monguno", 0, adviser, "kb"),
                ActorMention(51, 58, "Monguno", 1, adviser, "kb")]
    assert "Monguno" not in place_mentions(pipeline, text, mentions)


def test_a_possessive_after_a_preposition_is_no_place_run():
    text = "Ministers in Sheikh Hamad's cabinet met near Sheikh Zuweid."
    assert [text[s:e] for s, e in _place_runs(text)] == ["Sheikh Zuweid"]


def test_on_the_edge_of_gives_the_city_point(pipeline):
    found = place_mentions(pipeline, "Police shot protesters in Kasarani on the edge of Nairobi.")
    assert found["Kasarani"].country == "KEN" and haversine_km(found["Kasarani"].lat, found["Kasarani"].lon,
                                                               -1.29, 36.82) < 25


def test_few_shared_consonants_are_no_spelling():
    # Niutian (China) shares n-t-n with Natuna, Evrese (Turkey) v-r-s with Evros: chance, not transliteration
    assert all(e.name != "Niutian" for e in find_villages("Natuna", {"CN": "CHN"}))


def test_a_river_is_no_village_of_its_name(pipeline):
    found = place_mentions(pipeline, "Greece has not returned migrants to Turkey across the Evros river.")
    assert "Evros" not in found
