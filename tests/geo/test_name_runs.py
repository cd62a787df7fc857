"""Capitalised runs and cues: a run holding two names, province-word look-alikes, verbs and nouns of place."""

from __future__ import annotations

from stagerun import place_mentions

from eventcoder.geo.gazetteer import load_gazetteer
from eventcoder.geo.resolve import context_countries, demonyms_in, is_locative
from eventcoder.geo.unmatched import _runs
from eventcoder.geo.villages import find_villages


def test_an_english_word_after_a_known_name_splits_the_run():
    text = "Refugees crossed into Sudan at Metemma."
    assert [text[s:e] for s, e in _runs(text, load_gazetteer())] == ["Refugees", "Sudan", "Metemma"]


def test_an_arabic_article_inside_an_unknown_name_does_not():
    text = "Fighters entered Zzyq at Tall overnight."
    assert "Zzyq at Tall" in [text[s:e] for s, e in _runs(text, load_gazetteer())]


def test_a_province_word_needs_a_look_alike_name(pipeline):
    assert "Chapare" not in place_mentions(pipeline, "Coca growers clashed with police in the Chapare region.")
    assert place_mentions(pipeline, "Fighting spread to Al Jazirah state.")["Al Jazirah"].country == "SDN"


def test_iso_names_lose_their_bracketed_notes(pipeline):
    assert place_mentions(pipeline, "Wildfires raged across Galicia.")["Galicia"].country == "ESP"


def test_overrunning_a_town_and_the_hub_of_are_place_cues():
    text = "Insurgents overran Palma. Workers struck at the gas hub of Kangan."
    assert is_locative(text, text.index("Palma")) and is_locative(text, text.index("Kangan"))


def test_a_nationality_after_a_capitalised_article_counts():
    gaz = load_gazetteer()
    assert [code for code, _ in demonyms_in("An Israeli drone hit a car. The Costa Rican team won.", gaz)] == \
        ["ISR", "CRI"]
    context = context_countries("An Israeli drone hit a car.", [], gaz)
    assert context["ISR"] and "ISR" in context.armed


def test_a_town_is_found_by_the_head_of_its_hyphenated_name():
    found = find_villages("Molenbeek", {"BE": "BEL"})
    assert found[0].name == "Molenbeek-Saint-Jean"


def test_an_exact_namesake_keeps_its_name_against_a_town_not_much_larger():
    # a village called exactly so is found first unless the longer-named town dwarfs it
    exact = find_villages("Jezzine", {"LB": "LBN"})
    assert exact and exact[0].name == "Jezzine"


def test_forces_bring_the_countries_they_fight_in(pipeline):
    assert place_mentions(pipeline, "An Israeli drone struck a car near Jezzine.")["Jezzine"].country == "LBN"

