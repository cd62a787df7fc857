"""A foreign town's name between "the" and a common noun names an agreement or a building, not a place."""

from __future__ import annotations

from eventcoder.geo.resolve import modifier_shape
from eventcoder.pipeline import Analysis, Pipeline
from eventcoder.reading.text import article_from_text


def places(pipeline: Pipeline, text: str) -> dict[str, object]:
    state = Analysis(article=article_from_text(text, doc_id="t", published="2024-08-20"))
    for _name, stage in pipeline.stages:
        stage(state)
    return {m.text: p for p in state.places for m in p.mentions}


def test_the_shape_wants_a_common_noun_after():
    text = "the Minsk accords; the Dorohusk crossing with Ukraine; the Kabul offensive"
    assert modifier_shape(text, 4, 9)
    assert not modifier_shape(text, text.index("Dorohusk"), text.index("Dorohusk") + 8 + len(" crossing"))


def test_agreements_and_buildings_named_after_foreign_towns(pipeline):
    assert "Minsk" not in places(pipeline, "Ukraine said Russia had violated the Minsk accords.")
    found = places(pipeline, "Militants attacked the Serena hotel in Kabul.")
    assert "Serena" not in found and found["Kabul"].country == "AFG"


def test_a_town_of_the_article_keeps_its_modifier_reading(pipeline):
    assert places(pipeline, "Iraqi forces pressed the Mosul offensive as Iraq's army advanced.")["Mosul"].country \
        == "IRQ"


def test_a_theatre_or_a_summit_stands_where_its_town_is(pipeline):
    text = "A Russian air strike destroyed the Mariupol drama theatre where hundreds were sheltering."
    assert places(pipeline, text)["Mariupol"].country == "UKR"
