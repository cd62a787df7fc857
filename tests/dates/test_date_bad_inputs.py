"""Bad and odd inputs never crash the dates, places and quotes stages, and never get invented values."""

from __future__ import annotations

import pytest

from eventcoder.config import Config
from eventcoder.dates.assign import date_for
from eventcoder.geo.assign import place_for
from eventcoder.pipeline import Analysis, Pipeline
from eventcoder.quotes.assign import reporter_for
from eventcoder.reading.text import article_from_text

STAGES = ("sentences", "places", "dates", "quotes")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Config(stages=STAGES, require_english=False))


ODD_TEXTS = [  # empty articles are the reader's to refuse (UnreadableInputError), so they are not here
    "“",
    '"""',
    "“Unclosed quote and no speaker",
    "He said “nested ‘single’ quotes” and left.",
    "0000-00-00 and 2021-13-45 and 31/31/2020 and 99.99.9999.",
    "On 31 February 2021 and on 30 February, nothing happened.",
    "In the year 9999 and on 1 January 3021.",
    "Tuesday Tuesday Tuesday yesterday tomorrow last week next year 3 days ago.",
    "Gaza" * 200,
    "In , , , in in in the the .",
    "He said that.",
    "According to ,",
]


@pytest.mark.parametrize("text", ODD_TEXTS)
@pytest.mark.parametrize("published", ["2021-12-25", None])
def test_odd_text(pipeline, text, published):
    state = Analysis(article=article_from_text(text, doc_id="odd", published=published))
    for _name, stage in pipeline.stages:
        stage(state)
    for d in state.dates:
        assert state.text[d.start:d.end] == d.text
        if d.value is not None:
            assert len(d.value) in (4, 7, 10) and 1000 <= int(d.value[:4]) <= 2200
    for q in state.quotes:
        assert state.text[q.start:q.end] == q.text
    for s in state.sentences:
        date_for(state, s.index, s.start, s.end)
        place_for(state, s.index, s.start, s.end)
        reporter_for(state, s.index, s.start, s.end)
    assert date_for(state, 10_000, 0, 0) == ((published, "published") if published else (None, None))
