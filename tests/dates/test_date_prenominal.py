"""A date written before a noun names which raid or truce is meant: it does not date an event whose trigger is
another word ("apologised for the 2010 flotilla raid" happened at publication), but it does date that noun itself."""

from __future__ import annotations

import pytest
from stagerun import analyse, at

from eventcoder.dates.assign import date_for
from eventcoder.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(through_quotes) -> Pipeline:
    return through_quotes


@pytest.mark.parametrize("text, trigger, expected", [
    ("Israel apologised to Turkey for the 2010 flotilla raid.", "apologised", ("2013-03-22", "published")),
    ("Ukraine turned down Moscow's proposal for an Easter truce.", "turned down", ("2013-03-22", "published")),
    ("Israel apologised to Turkey for the 2010 flotilla raid.", "raid", ("2010", "text")),
    ("Israel apologised to Turkey on 22 March for the raid.", "apologised", ("2013-03-22", "text")),
])
def test_prenominal_date_names_its_noun(pipeline, text, trigger, expected):
    state = analyse(pipeline, text, published="2013-03-22")
    si, start, end = at(state, trigger)
    assert date_for(state, si, start, end, trigger=(start, end)) == expected
