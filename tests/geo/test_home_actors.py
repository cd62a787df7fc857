"""Police and officials act at home: a little-known town abroad named where they act is a place of theirs."""

from __future__ import annotations

from eventcoder.document import Actor, ActorMention
from eventcoder.pipeline import Analysis, Pipeline
from eventcoder.reading.text import article_from_text


def places(pipeline: Pipeline, text: str, mentions: list) -> dict[str, object]:
    state = Analysis(article=article_from_text(text, doc_id="t", published="2024-08-20"))
    for name, stage in pipeline.stages:
        if name == "places":
            state.mentions = mentions
        stage(state)
    return {m.text: p for p in state.places for m in p.mentions}


def police(country: str, text: str) -> ActorMention:
    return ActorMention(0, len(text), text, 0, Actor(text, f"{country}COP", "state", country, "COP"), "agent")


def test_domestic_police_keep_a_small_foreign_namesake_at_home(pipeline):
    found = places(pipeline, "Kenyan police raided homes in Eastleigh.", [police("KEN", "Kenyan police")])
    assert found["Eastleigh"].country == "KEN" and found["Eastleigh"].lat is None


def test_a_large_city_abroad_stays_abroad(pipeline):
    found = places(pipeline, "Kenyan police flew to London.", [police("KEN", "Kenyan police")])
    assert found["London"].country == "GBR"
