"""A nominal event borrows a source from outside its own phrase only as the object of a verb."""

from __future__ import annotations

import pytest
from coding_helpers import analysed_events

pytestmark = pytest.mark.backbone


PUBLISHED = "2023-03-10"


def test_accusations_in_a_prepositional_phrase_are_not_the_subjects():
    events = analysed_events("The Kenyan president defended his minister against accusations of corruption at a news "
                     "conference in Nairobi.", PUBLISHED)
    assert any(e.type == "SUPPORT" for e in events)
    assert not [e for e in events if e.type == "ACCUSE" and e.source is not None]


def test_object_of_a_verb_still_takes_the_subject():
    events = analysed_events("Russia and Belarus began military drills near the Polish border on Monday.", PUBLISHED)
    # drills two states hold together are joint ones (COOPERATE, guidelines); either way the subjects hold them
    assert {(e.source or {}).get("country") for e in events if e.type in ("MOBILIZE", "COOPERATE")} == {"RUS", "BLR"}


def test_occupying_a_place_is_no_seizure():
    events = analysed_events("Iran occupies a prominent place in the alliance that includes Syria and Hezbollah.", PUBLISHED)
    assert not [e for e in events if e.type == "COERCE"]


def test_hostile_verb_with_a_literal_object_is_still_coded():
    events = analysed_events("Russian troops occupied the Zaporizhzhia nuclear plant on Friday.", PUBLISHED)
    assert any(e.type == "COERCE" and (e.source or {}).get("code") == "RUSMIL" for e in events)


def test_nominal_subject_without_actor_is_no_event():
    events = analysed_events("Support for Fidesz has fallen to 30 percent, according to a new poll.", PUBLISHED)
    assert not [e for e in events if e.type == "SUPPORT" and e.source is None]


def test_nominal_subject_of_an_occurring_verb_is_an_event():
    events = analysed_events("Clashes broke out in Tripoli between the Libyan army and the Wagner Group.", PUBLISHED)
    assert [e for e in events if e.type == "ASSAULT"]


def test_beating_a_state_in_a_vote_is_no_assault():
    events = analysed_events("Ireland and Mexico won seats on the Security Council, beating Canada in the vote.", PUBLISHED)
    assert not [e for e in events if e.type == "ASSAULT"]


def test_beating_people_is_an_assault():
    events = analysed_events("Iranian police beat students at Tehran University on Monday.", PUBLISHED)
    assert [e for e in events if e.type == "ASSAULT"]
