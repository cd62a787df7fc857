"""Police and officials act at home: a little-known town abroad named where they act is a place of theirs."""

from __future__ import annotations

from stagerun import place_mentions

from eventcoder.document import Actor, ActorMention


def police(country: str, text: str) -> ActorMention:
    return ActorMention(0, len(text), text, 0, Actor(text, f"{country}COP", "state", country, "COP"), "agent")


def test_domestic_police_keep_a_small_foreign_namesake_at_home(pipeline):
    found = place_mentions(pipeline, "Kenyan police raided homes in Eastleigh.", [police("KEN", "Kenyan police")])
    assert found["Eastleigh"].country == "KEN" and found["Eastleigh"].lat is None


def test_a_large_city_abroad_stays_abroad(pipeline):
    found = place_mentions(pipeline, "Kenyan police flew to London.", [police("KEN", "Kenyan police")])
    assert found["London"].country == "GBR"
