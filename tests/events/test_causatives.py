"""A past cause's to-clause tells what happened ("led Hamas to draw closer"): no purpose, no hypothesis."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.backbone


def _closer(text: str):
    from eventcoder import analyze

    events = analyze(text, published="2023-03-10", doc_id="t").events
    return [e for e in events if e.trigger == "draw closer"]


def test_past_cause_makes_the_act_factual():
    events = _closer("The reasons that have led Hamas to draw closer to Iran are debated.")
    assert events and not any(e.hypothetical for e in events)

