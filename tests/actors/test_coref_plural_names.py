"""Coreference: a group named with a plural common noun ("M23 rebels") is what a following "they" stands for."""

from __future__ import annotations


def test_they_takes_a_group_named_in_the_plural(code):
    state = code("Congolese officials met in Kinshasa on Sunday. M23 rebels said on Monday that they had taken "
                 "control of Goma.")
    assert {m.actor.code for m in state.mentions if m.text == "they"} == {"M23"}


def test_a_one_word_name_ending_in_s_is_no_plural(code):
    state = code("Egyptian officials met in Cairo. Hamas said they had agreed.")
    assert {m.actor.code for m in state.mentions if m.text == "they"} != {"HAMAS"}
