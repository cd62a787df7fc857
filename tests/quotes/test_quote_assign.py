"""reporter_for: whose words hold an event's span."""

from __future__ import annotations

import pytest
from stagerun import analyse, at

from eventcoder.document import Actor, ActorMention
from eventcoder.pipeline import Analysis, Pipeline
from eventcoder.quotes.assign import reporter_for


@pytest.fixture(scope="module")
def pipeline(through_quotes) -> Pipeline:
    return through_quotes


@pytest.fixture(scope="module")
def seed(seed_through_quotes) -> Analysis:
    return seed_through_quotes


def test_seed_sinwar_revelation(seed):
    reporter = reporter_for(seed, *at(seed, "providing the necessary resources"))
    assert reporter is not None and "Sinwar" in reporter.name


def test_seed_khamenei_quote(seed):
    assert "Khamenei" in reporter_for(seed, *at(seed, "will spare no efforts")).name


def test_seed_author_voice_has_no_reporter(seed):
    assert reporter_for(seed, *at(seed, "have openly worked to undermine")) is None


def test_coded_speaker_comes_from_the_actors_stage(pipeline):
    text = "Ismail Haniyeh said that the movement would not disarm."
    haniyeh = Actor(name="Ismail Haniyeh", code="HAMAS", kind="person", affiliation="HAMAS")
    state = analyse(pipeline, text, mentions=[ActorMention(0, 14, "Ismail Haniyeh", 0, haniyeh, "kb")],
                    actors=[haniyeh])
    assert state.quotes[0].speaker_code == "HAMAS"
    assert reporter_for(state, *at(state, "not disarm")) is haniyeh


def test_coreference_from_the_actors_stage_resolves_pronouns(pipeline):
    text = "Ismail Haniyeh met Ali Khamenei. “We will not stop,” he said."
    haniyeh = Actor(name="Ismail Haniyeh", code="HAMAS", kind="person")
    khamenei = Actor(name="Ali Khamenei", code="IRNGOV", kind="person")
    he = text.index("he said")
    mentions = [ActorMention(0, 14, "Ismail Haniyeh", 0, haniyeh, "kb"),
                ActorMention(19, 31, "Ali Khamenei", 0, khamenei, "kb"),
                ActorMention(he, he + 2, "he", 1, haniyeh, "coref")]
    state = analyse(pipeline, text, mentions=mentions, actors=[haniyeh, khamenei])
    assert reporter_for(state, *at(state, "not stop")) is haniyeh
