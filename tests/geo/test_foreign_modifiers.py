"""A foreign town's name between "the" and a common noun names an agreement or a building, not a place."""

from __future__ import annotations

from stagerun import place_mentions

from eventcoder.geo.resolve import modifier_shape


def test_the_shape_wants_a_common_noun_after():
    text = "the Minsk accords; the Dorohusk crossing with Ukraine; the Kabul offensive"
    assert modifier_shape(text, 4, 9)
    assert not modifier_shape(text, text.index("Dorohusk"), text.index("Dorohusk") + 8 + len(" crossing"))


def test_agreements_and_buildings_named_after_foreign_towns(pipeline):
    assert "Minsk" not in place_mentions(pipeline, "Ukraine said Russia had violated the Minsk accords.")
    found = place_mentions(pipeline, "Militants attacked the Serena hotel in Kabul.")
    assert "Serena" not in found and found["Kabul"].country == "AFG"


def test_a_town_of_the_article_keeps_its_modifier_reading(pipeline):
    assert place_mentions(pipeline, "Iraqi forces pressed the Mosul offensive as Iraq's army advanced.")["Mosul"].country \
        == "IRQ"


def test_a_theatre_or_a_summit_stands_where_its_town_is(pipeline):
    text = "A Russian air strike destroyed the Mariupol drama theatre where hundreds were sheltering."
    assert place_mentions(pipeline, text)["Mariupol"].country == "UKR"
