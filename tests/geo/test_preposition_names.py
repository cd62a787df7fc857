"""A preposition written capitalised inside a sentence opens a name (In Salah, In Amenas): the rest of the name
alone is not matched to a look-alike place abroad."""

from __future__ import annotations

from stagerun import place_mentions


def test_rest_of_the_name_is_no_lookalike_abroad(pipeline) -> None:
    found = place_mentions(pipeline, "Gunmen stormed the gas plant near In Amenas at dawn.")
    assert all(place.country != "FRA" for place in found.values())  # not Amiens


def test_name_opening_with_a_preposition_resolves(pipeline) -> None:
    assert place_mentions(pipeline, "Soldiers were posted at In Salah.")["In Salah"].country == "DZA"
