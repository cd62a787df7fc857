"""A known person's surname does not pull them in when the text names somebody else who bears it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, name, code_", [
    ("Hamas spokesman Hazem Qassem said the group was ready.", "Hazem Qassem", "HAMAS"),
    ("On Monday Hazem Qassem, a Hamas spokesman, said the group was ready.", "Hazem Qassem", "HAMAS"),
    ("Iranian Foreign Ministry spokesman Saeed Khatibzadeh said Tehran would respond.", "Saeed Khatibzadeh",
     "IRNGOV"),
    ("Egypt's ambassador Ahmed Soleimani said the talks went well.", "Ahmed Soleimani", "EGYGOV"),
    ("The World Health Organization's regional director, Hanan Balkhy, said nothing was moving.", "Hanan Balkhy",
     "WHO"),
    ("Turkish Defence Ministry spokesman Zeki Akturk said the drill was over.", "Zeki Akturk", "TURMIL"),
    ("Turkish Foreign Minister Ali Demir said the talks would go on.", "Ali Demir", "TURGOV"),
])
def test_title_organisation_and_unknown_full_name_is_one_person(code, mention, text, name, code_):
    state = code(text, "2024-05-01")
    actor = mention(state, name)
    assert actor is not None and actor.kind == "person"
    assert (actor.name, actor.code, actor.affiliation) == (name, code_, code_)
    known = {"Naim Qassem", "Qasem Soleimani"}
    assert not any(m.actor.name in known for m in state.mentions)


def test_untitled_other_bearer_is_an_uncoded_person_and_keeps_the_surname(code):
    state = code("Hazem Qassem said the group was ready. Qassem added that talks would go on.", "2024-05-01")
    names = [(m.text, m.actor.name, m.actor.code) for m in state.mentions if m.actor.kind == "person"]
    assert names == [("Hazem Qassem", "Hazem Qassem", None), ("Qassem", "Hazem Qassem", None)]


@pytest.mark.parametrize("text, known, mentions", [
    ("Hezbollah's Qassem said the group was ready.", "Naim Qassem", 1),
    ("Later Qassem said the group was ready.", "Naim Qassem", 1),
    ("Sheikh Naim Qassem spoke on Monday. Qassem said the group was ready.", "Naim Qassem", 2),
    ("Tayyip Erdogan spoke in Ankara.", "Recep Tayyip Erdogan", 1),
    ("Soldiers detained President Mohamed Bazoum. They refused to let her see Mr Bazoum.", "Mohamed Bazoum", 2),
])
def test_the_known_person_still_stands_without_another_first_name(code, text, known, mentions):
    state = code(text, "2024-05-01")
    people = [m.actor for m in state.mentions if m.actor.kind == "person" and m.rule != "coref"]
    assert [a.name for a in people] == [known] * mentions
    assert all(a.code is not None for a in people)
