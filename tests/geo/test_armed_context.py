"""Countries named only through their armed forces, and alternate names cut short."""

from __future__ import annotations

from stagerun import place_mentions

from eventcoder.document import Actor, ActorMention
from eventcoder.geo.gazetteer import load_gazetteer, shortened
from eventcoder.geo.resolve import context_countries, match_names


def test_forces_count_their_theatres_alike():
    text = "Russian forces pressed on."
    gaz = load_gazetteer()
    context = context_countries(text, match_names(text, gaz), gaz)
    assert context["RUS"] and context["UKR"]
    assert {"RUS", "UKR"} <= context.armed


def test_a_nationality_named_otherwise_is_no_armed_only_country():
    text = "Russian officials said Russian forces pressed on."
    gaz = load_gazetteer()
    context = context_countries(text, match_names(text, gaz), gaz)
    assert "RUS" not in context.armed


def test_forces_do_not_pull_a_town_into_their_own_country(pipeline):
    # the Pokrovsk of Donetsk oblast is the larger; Russia's is in Yakutia
    text = "Russian forces pressed toward Pokrovsk."
    forces = Actor(name="Russian forces", code="RUSMIL", kind="state", country="RUS", sector="MIL")
    found = place_mentions(pipeline, text, [ActorMention(0, 14, "Russian forces", 0, forces, "agent")])
    assert found["Pokrovsk"].country == "UKR"


def test_forces_at_home_still_settle_a_shared_name(pipeline):
    text = "Lebanese troops deployed in Tripoli overnight."
    troops = Actor(name="Lebanese troops", code="LBNMIL", kind="state", country="LBN", sector="MIL")
    found = place_mentions(pipeline, text, [ActorMention(0, 15, "Lebanese troops", 0, troops, "agent")])
    assert found["Tripoli"].country == "LBN"


def test_a_name_cut_short_is_no_spelling():
    assert shortened("Matsu", "Matsue") and shortened("Mila", "Milan")
    assert not shortened("Riyad", "Riyadh") and not shortened("Sana", "Sanaa")
    assert not shortened("Cluj", "Cluj-Napoca") and not shortened("Derna", "Darnah")


def test_a_short_alternate_name_does_not_find_the_longer_city():
    gaz = load_gazetteer()
    assert all(e.name != "Matsue" for e, _ in gaz.lookup("Matsu"))
    assert any(e.name == "Riyadh" for e, _ in gaz.lookup("Riyad"))
