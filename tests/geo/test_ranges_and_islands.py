"""Mountain ranges where insurgents hold out and Aegean islands are places; a person's name the actors stage found
inside a longer place name is part of that name."""

from __future__ import annotations

from stagerun import place_mentions

from eventcoder.document import Actor, ActorMention


def test_mountain_range_is_its_country(pipeline) -> None:
    assert place_mentions(pipeline, "Airstrikes pounded the Hamrin mountains overnight.")["Hamrin mountains"].country \
        == "IRQ"


def test_island_is_greek(pipeline) -> None:
    assert place_mentions(pipeline, "Firefighters battled blazes on Rhodes for a fourth day.")["Rhodes"].country \
        == "GRC"


def test_surname_inside_a_longer_place_name_is_the_place(pipeline) -> None:
    text = "Drones struck a convoy in the Qandil mountains on Monday."
    start = text.index("Qandil")
    person = Actor(name="Hesham Qandil", code="EGYGOV", kind="person", country="EGY", sector="GOV")
    found = place_mentions(pipeline, text, [ActorMention(start, start + 6, "Qandil", 0, person, "kb")])
    assert found["Qandil mountains"].country == "IRQ"


def test_person_name_alone_is_still_blocked(pipeline) -> None:
    text = "Qandil told reporters the talks had failed."
    person = Actor(name="Hesham Qandil", code="EGYGOV", kind="person", country="EGY", sector="GOV")
    assert "Qandil" not in place_mentions(pipeline, text, [ActorMention(0, 6, "Qandil", 0, person, "kb")])


def test_taiwans_outlying_islands_are_taiwan(pipeline) -> None:
    place = place_mentions(pipeline, "Chinese warships circled the Matsu islands on Friday.")["Matsu islands"]
    assert place.country == "TWN"
