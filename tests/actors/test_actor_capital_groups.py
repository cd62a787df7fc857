"""A capital standing for its state's people or government: "officials in Islamabad", "the ministry of foreign
affairs in Riyadh", "residents of Khartoum", "Seoul's military" — and never a group that is merely there."""

from __future__ import annotations

import pytest
from stagerun import analyse

from eventcoder.config import Config
from eventcoder.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Config(stages=("metadata", "sentences", "parse", "actors")))


@pytest.mark.parametrize("text, phrase, code", [
    ("Pakistan and India no longer share river data, officials in Islamabad said.", "officials in Islamabad",
     "PAKGOV"),
    ("The ministry of foreign affairs in Riyadh condemned the attack.", "ministry of foreign affairs in Riyadh",
     "SAUGOV"),
    ("Residents of Khartoum said the shelling went on all night.", "Residents of Khartoum", "SDNCVL"),
    ("North Korea fired two missiles, Seoul's military said.", "Seoul's military", "KORMIL"),
])
def test_capital_group(pipeline: Pipeline, text: str, phrase: str, code: str) -> None:
    state = analyse(pipeline, text)
    assert any(m.text == phrase and m.actor.code == code for m in state.mentions), \
        [(m.text, m.actor.code) for m in state.mentions]


def test_soldiers_in_a_place_keep_their_own_state(pipeline: Pipeline) -> None:
    state = analyse(pipeline, "Israeli soldiers in Gaza said the tunnel was empty.")
    assert not any(m.actor.code and m.actor.code.startswith("PSE") for m in state.mentions)
