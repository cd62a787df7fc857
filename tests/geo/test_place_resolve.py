"""Place mentions: recognition, person/actor collisions, locative countries, disambiguation."""

from __future__ import annotations

import pytest

from eventcoder.config import Config
from eventcoder.document import Actor, ActorMention
from eventcoder.geo.gazetteer import haversine_km
from eventcoder.pipeline import Analysis, Pipeline
from eventcoder.reading.text import article_from_text

STAGES = ("metadata", "sentences", "parse", "places")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Config(stages=STAGES))


def places(pipeline: Pipeline, text: str, mentions: list | None = None) -> dict[str, object]:
    state = Analysis(article=article_from_text(text, doc_id="t", published="2021-12-25"))
    for name, stage in pipeline.stages:
        if name == "places" and mentions:
            state.mentions = mentions
        stage(state)
    return {m.text: p for p in state.places for m in p.mentions}


@pytest.fixture(scope="module")
def seed_places(pipeline, seed_text):
    return places(pipeline, seed_text)


@pytest.mark.parametrize("mention, country, lat, lon", [
    ("Tehran", "IRN", 35.69, 51.39),
    ("Baghdad airport", "IRQ", 33.26, 44.23),
    ("Gaza", "PSE", 31.50, 34.47),
    ("Gaza Strip", "PSE", 31.42, 34.36),
    ("Tel Aviv", "ISR", 32.09, 34.78),
    ("Haifa", "ISR", 32.79, 34.99),
    ("Jerusalem", "ISR", 31.77, 35.21),
    ("Al Quds", "ISR", 31.77, 35.21),
    ("Rafah Crossing", "PSE", 31.25, 34.26),
    ("Palestine square", "IRN", 35.70, 51.41),
])
def test_seed_places(seed_places, mention, country, lat, lon):
    place = seed_places[mention]
    assert place.country == country
    assert haversine_km(place.lat, place.lon, lat, lon) < 25


def test_seed_organisation_names_are_not_places(seed_places):
    # "Al Quds Force" is an organisation; "Islamic Republic of Iran's ties" is an actor, not a location
    assert "Hamas" not in seed_places
    assert sum(1 for m in seed_places if m == "Al Quds") == 1


def test_tripoli_follows_the_article_country(pipeline):
    lebanon = places(pipeline, "Lebanese troops deployed in Tripoli after clashes in northern Lebanon.")
    libya = places(pipeline, "Libyan militias fought in Tripoli as Libya's rival governments traded blame.")
    assert lebanon["Tripoli"].country == "LBN"
    assert libya["Tripoli"].country == "LBY"


def test_country_written_beside_a_city_pins_it(pipeline):
    found = places(pipeline, "Gunmen clashed in Tripoli, Lebanon, on Sunday.")
    assert found["Tripoli"].country == "LBN"
    assert found["Lebanon"].feature == "country"


def test_jordan_the_person_is_not_a_place(pipeline):
    assert "Jordan" not in places(pipeline, "Michael Jordan said the team had played well.")
    assert "Jordan" not in places(pipeline, "Mr Jordan told the court he was innocent.")
    assert places(pipeline, "Thousands of refugees fled to Jordan.")["Jordan"].country == "JOR"


def test_actor_mentions_block_place_readings(pipeline):
    text = "Jordan arrived late. Refugees crossed into Jordan."
    person = Actor(name="Jordan Smith", code=None, kind="person")
    found = places(pipeline, text, [ActorMention(0, 6, "Jordan", 0, person, "kb")])
    assert [m for m in found] == ["Jordan"] and found["Jordan"].country == "JOR"


def test_country_as_actor_is_not_a_location(pipeline):
    found = places(pipeline, "Iran condemned the decision. Iran's minister spoke. Protests spread across Iran.")
    assert len(found["Iran"].mentions) == 1


def test_unknown_names_do_not_empty_the_rest(pipeline):
    found = places(pipeline, "The convoy left Zzyzxville for Baghdad and then Qwertyburg.")
    assert found["Baghdad"].country == "IRQ"


def test_everyday_words_need_a_locative(pipeline):
    assert "Split" not in places(pipeline, "Split decisions are common.")
    assert places(pipeline, "The ferry docked in Split on Monday.")["Split"].country == "HRV"


def test_text_without_places(pipeline):
    assert places(pipeline, "Nothing happened here.") == {}


def test_provinces_have_a_country_but_no_invented_point(pipeline):
    ekiti = places(pipeline, "Gunmen attacked a school in Ekiti.")["Ekiti"]
    assert ekiti.country == "NGA" and ekiti.lat is None and ekiti.lon is None


def test_newsworthy_provinces_have_a_curated_point(pipeline):
    kerala = places(pipeline, "A landslide buried homes in Kerala.")["Kerala"]
    assert kerala.country == "IND" and kerala.lat is not None and 8 < kerala.lat < 13


def test_the_article_settles_which_punjab(pipeline):
    assert places(pipeline, "Pakistani troops were sent to Punjab.")["Punjab"].country == "PAK"
    assert places(pipeline, "Indian farmers marched in Punjab.")["Punjab"].country == "IND"


def test_demonyms_settle_ambiguous_cities(pipeline):
    found = places(pipeline, "Costa Rican officials met in San Jose.")
    assert found["San Jose"].country == "CRI"


def test_actor_countries_settle_ambiguous_cities(pipeline):
    text = "Hezbollah fighters were seen in Tripoli."
    assert places(pipeline, text)["Tripoli"].country == "LBY"  # no other clue: the larger, better-known city
    group = Actor(name="Hezbollah", code="HEZBOLLAH", kind="organization", country="LBN")
    found = places(pipeline, text, [ActorMention(0, 9, "Hezbollah", 0, group, "kb")])
    assert found["Tripoli"].country == "LBN"


def test_the_better_known_city_wins_without_context(pipeline):
    assert places(pipeline, "Floods devastated Valencia.")["Valencia"].country == "ESP"


def test_a_province_and_its_town_give_the_town(pipeline):
    ramallah = places(pipeline, "The cabinet met in Ramallah.")["Ramallah"]
    assert ramallah.country == "PSE" and ramallah.lat is not None


def test_small_town_named_like_a_person_in_the_article(pipeline):
    found = places(pipeline, "Mahsa Amini, 22, died in custody. Protests spread after Amini's death in Tehran.")
    assert "Amini" not in found and found["Tehran"].country == "IRN"


def test_months_and_pronouns_are_never_places(pipeline):
    found = places(pipeline, "We met on 15 August 2020 in Tehran. August was hot.")
    assert set(found) == {"Tehran"}


def test_ambiguous_name_does_not_vouch_for_its_own_country(pipeline):
    found = places(pipeline, "Christmas celebrations in Bethlehem were cancelled, West Bank officials said.")
    assert found["Bethlehem"].country == "PSE"


def test_province_of_an_unmentioned_country_is_dropped(pipeline):
    found = places(pipeline, "Indonesia hosted the summit on Flores island as Myanmar's crisis dominated talks.")
    assert "Flores" not in found


def test_wide_regions_are_not_one_country(pipeline):
    assert "Sahel" not in places(pipeline, "Jihadist violence is spreading across the Sahel.")


def test_georgia_follows_the_article(pipeline):
    assert places(pipeline, "Storms hit Georgia.")["Georgia"].country == "GEO"
    found = places(pipeline, "Storms hit Georgia, knocking out power in Atlanta.")
    assert found["Georgia"].country == "USA" and found["Georgia"].feature == "state"


def test_curated_region_names_may_hold_compass_words(pipeline):
    assert places(pipeline, "Fighting raged in North Kivu.")["North Kivu"].country == "COD"


def test_conflict_verbs_are_locative(pipeline):
    assert places(pipeline, "Turkish forces shelled Afrin.")["Afrin"].country == "SYR"


def test_big_cities_keep_their_english_exonyms(pipeline):
    found = places(pipeline, "Floods hit Bombay, Calcutta and Chittagong.")
    assert {found[n].country for n in ("Bombay", "Calcutta", "Chittagong")} == {"IND", "BGD"}
    assert found["Calcutta"].country == "IND"


def test_a_several_word_town_of_the_article_country_survives_the_tagger(pipeline):
    text = "Islamist insurgents attacked Mocimboa da Praia in northern Mozambique."
    assert places(pipeline, text)["Mocimboa da Praia"].country == "MOZ"


def test_towns_named_after_countries_do_not_displace_them(pipeline):
    found = places(pipeline, "American troops moved into Lebanon and Peru.")
    assert found["Lebanon"].country == "LBN" and found["Peru"].country == "PER"
