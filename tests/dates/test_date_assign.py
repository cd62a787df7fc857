"""The dates stage on the seed article and date_for's choice of governing date."""

from __future__ import annotations

import pytest
from stagerun import analyse, at

from eventcoder.dates.assign import date_for
from eventcoder.pipeline import Analysis, Pipeline


@pytest.fixture(scope="module")
def pipeline(through_quotes) -> Pipeline:
    return through_quotes


@pytest.fixture(scope="module")
def seed(seed_through_quotes) -> Analysis:
    return seed_through_quotes


@pytest.mark.parametrize("expr, expected", [
    ("14th December", "2021-12-14"),
    ("3 January, 2020", "2020-01-03"),
    ("December 2020", "2020-12"),
    ("January 2020", "2020-01"),
    ("May 2021", "2021-05"),
    ("19 May 2021", "2021-05-19"),
    ("15 August 2020", "2020-08-15"),
    ("14 December", "2021-12-14"),
])
def test_seed_dates_resolved(seed, expr, expected):
    values = {d.value for d in seed.dates if d.text == expr}
    assert values == {expected}
    assert all(d.role == "event" for d in seed.dates if d.text == expr)


def test_seed_since_2009_is_not_an_event_date(seed):
    since = [d for d in seed.dates if d.text == "2009"]
    assert since and all(d.role == "since" for d in since)


def test_seed_dateline_is_not_an_event_date(seed):
    assert any(d.role == "dateline" and d.value == "2021-12-25" for d in seed.dates)


def test_seed_date_offsets(seed):
    for d in seed.dates:
        assert seed.text[d.start:d.end] == d.text
        sent = seed.sentences[d.sentence_index]
        assert sent.start <= d.start and d.end <= sent.end


def sentence_with(state: Analysis, words: str) -> int:
    return next(s.index for s in state.sentences if words in s.text)


def test_date_in_the_sentence_governs(seed):
    si = sentence_with(seed, "In January 2020, Haniyeh")
    s = seed.sentences[si]
    assert date_for(seed, si, s.start, s.end) == ("2020-01", "text")


def test_relative_clause_date_dates_only_its_clause(seed):
    si = sentence_with(seed, "who was martyred")
    s = seed.sentences[si]
    thanked = s.text.index("thanked")
    martyred = s.text.index("martyred")
    assert date_for(seed, si, s.start + thanked, s.start + thanked + 7) == ("2021-12-25", "published")
    assert date_for(seed, si, s.start + martyred, s.start + martyred + 8) == ("2020-01-03", "text")


def test_no_date_falls_back_to_publication(pipeline):
    state = analyse(pipeline, "Hamas leaders met Iranian officials.\n\nThe talks covered aid.")
    s = state.sentences[0]
    assert date_for(state, 0, s.start, s.end) == ("2021-12-25", "published")


def test_preceding_sentence_of_the_paragraph_dates_the_episode(pipeline):
    state = analyse(pipeline, "Protesters gathered in the capital on 3 March 2021. Police fired tear gas at them.")
    s = state.sentences[1]
    assert date_for(state, 1, s.start, s.end) == ("2021-03-03", "text")


def test_topic_shift_stops_the_lookback(pipeline):
    state = analyse(pipeline, "Protesters gathered on 3 March 2021. Meanwhile, the envoy left for Cairo.")
    s = state.sentences[1]
    assert date_for(state, 1, s.start, s.end) == ("2021-12-25", "published")


def test_no_publication_date_and_no_date_gives_nothing(pipeline):
    state = analyse(pipeline, "There is no date here at all.", published=None)
    assert state.dates == []
    assert date_for(state, 0, 0, 5) == (None, None)


@pytest.mark.parametrize("text, published, expected", [
    ("A new round of talks opens on June 26 in Geneva.", "2023-06-20", "2023-06-26"),
    ("The army entered the town on 26 June after a siege.", "2023-06-20", "2022-06-26"),
    ("The tribunal adjourned until 15 February.", "2024-01-10", "2024-02-15"),
    ("The ceasefire held until 20 May, when rockets were fired.", "2023-10-10", "2023-05-20"),
])
def test_undated_days_just_ahead(pipeline, text, published, expected):
    state = analyse(pipeline, text, published)
    assert [d.value for d in state.dates] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Russia and Ukraine signed the deal on Friday that will allow grain to leave the ports.", "2021-12-24"),
    ("The ministers will meet on Friday to sign the deal.", "2021-12-31"),
])
def test_future_cue_after_the_date_yields_to_a_past_verb_before_it(pipeline, text, expected):
    state = analyse(pipeline, text)  # published Saturday 2021-12-25
    assert [d.value for d in state.dates if d.text == "Friday"] == [expected]


def test_seed_episode_goes_on_across_a_paragraph_break(seed):
    # the paragraph after the 14 December call opens with the minister who made it
    assert date_for(seed, *at(seed, "Abdollahian described")) == ("2021-12-14", "text")


@pytest.mark.parametrize("opener, expected", [
    ("Lavrov later told reporters the talks had been useful.", ("2023-03-02", "text")),
    ("Blinken later told reporters the talks had been useful.", ("2023-03-09", "published")),
])
def test_a_new_paragraph_keeps_the_date_only_for_the_same_person(pipeline, opener, expected):
    text = ("Lavrov meets Wang\n\nSergei Lavrov met Wang Yi in Beijing on 2 March.\n\n" + opener + "\n")
    state = analyse(pipeline, text, published="2023-03-09")
    assert date_for(state, *at(state, "told reporters")) == expected
