"""Coreference the event roles lean on: "the bloc", a repeated "the junta", a subject "it", "the resistance" and
"this alliance" (hand-written articles, knowledge base only)."""

from __future__ import annotations


def codes_of(state, text):
    return [m.actor.code for m in state.mentions if m.text.lower() == text]


def test_the_bloc_takes_the_intergovernmental_organisation(code):
    state = code("Leaders of the Economic Community of West African States met in Abuja. Nigeria chairs the bloc. "
                 "France supported the bloc's efforts.")
    assert codes_of(state, "bloc") == ["ECOWAS", "ECOWAS"]


def test_the_junta_again_is_the_junta_named_before(code):
    state = code("The Niger junta expelled the French ambassador. Nigeria's president, Bola Tinubu, warned "
                 "Mali. The junta ignored the warning.", "2023-08-11")
    assert codes_of(state, "junta") == ["NERMIL"]


def test_subject_it_continues_the_last_subject(code):
    state = code("The Niger junta ignored the bloc's ultimatum. On Tuesday it refused entry to a delegation.",
                 "2023-08-11")
    assert codes_of(state, "it") == ["NERMIL"]


def test_object_it_keeps_the_nearest_actor(code):
    state = code("Turkey said it would back the bid.")
    assert codes_of(state, "it") == ["TUR"]


def test_the_resistance_refers_back_to_a_movement(code):
    state = code("Hamas fired rockets at Israel. Iran helped to equip the resistance.")
    assert codes_of(state, "resistance") == ["HAMAS"]


def test_this_alliance_takes_the_partnership_before(code):
    state = code("Hamas' relationship with Iran angered Egypt. This alliance has generated disagreements with "
                 "Fatah.")
    assert codes_of(state, "alliance") == ["HAMAS"]


def test_him_takes_an_office_holder_named_by_title(code):
    state = code("Turkey's president won re-election on Sunday. Hungary's prime minister was the first European "
                 "leader to congratulate him.")
    assert codes_of(state, "him") == ["TURGOV"]


def test_an_object_it_after_a_thing_is_no_actor(code):
    state = code("Egypt and Jordan welcomed the truce and urged all parties to respect it.")
    assert codes_of(state, "it") == []
