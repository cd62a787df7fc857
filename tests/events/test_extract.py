"""Each construction the event coder reads, on hand-built UD parses with hand-coded actor mentions."""

from __future__ import annotations

import pytest
from coding_helpers import build, dyads

# "Saudi Arabia , the UAE , and Egypt impose difficulties on Palestinians ."
IMPOSE = [("Saudi", 1, "compound", "PROPN"), ("Arabia", 8, "nsubj", "PROPN"), (",", 4, "punct", "PUNCT"),
          ("the", 4, "det", "DET"), ("UAE", 1, "conj", "PROPN"), (",", 7, "punct", "PUNCT"),
          ("and", 7, "cc", "CCONJ"), ("Egypt", 1, "conj", "PROPN"), ("impose", 8, "ROOT", "VERB"),
          ("difficulties", 8, "obj", "NOUN"), ("on", 11, "case", "ADP"), ("Palestinians", 8, "obl", "PROPN"),
          (".", 8, "punct", "PUNCT")]
IMPOSE_ACTORS = {(0, 1): "SAU", (3, 4): "ARE", (7, 7): "EGY", (11, 11): "PSECVL"}


@pytest.mark.parametrize("parsed", [True, False])
def test_conjoined_subjects_fan_out(stage, parsed):
    state = build(IMPOSE, IMPOSE_ACTORS, parsed=parsed)
    stage(state)
    assert dyads(state) == {(s, "COERCE", "PSECVL", False, False) for s in ("SAU", "ARE", "EGY")}
    assert all(e.cameo == "172" and e.mode == "restrict" and e.quad_class == 4 for e in state.events)


@pytest.mark.parametrize("parsed", [True, False])
def test_passive_with_nominal_attacker(stage, parsed):
    # "Soleimani was martyred in a US terrorist attack ."
    rows = [("Soleimani", 2, "nsubj:pass", "PROPN"), ("was", 2, "aux:pass", "AUX"), ("martyred", 2, "ROOT", "VERB"),
            ("in", 7, "case", "ADP"), ("a", 7, "det", "DET"), ("US", 7, "compound", "PROPN"),
            ("terrorist", 7, "amod", "ADJ"), ("attack", 2, "obl", "NOUN"), (".", 2, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRNMIL", (5, 5): "USA"}, parsed=parsed)
    stage(state)
    assert dyads(state) == {("USAMIL", "ASSAULT", "IRNMIL", False, False)}  # a state attacks through its military
    assert "terrorism" in state.events[0].context


def test_control_verb_passes_its_subject(stage):
    # "Iran helped to equip the resistance ."
    rows = [("Iran", 1, "nsubj", "PROPN"), ("helped", 1, "ROOT", "VERB"), ("to", 3, "mark", "PART"),
            ("equip", 1, "xcomp", "VERB"), ("the", 5, "det", "DET"), ("resistance", 3, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (5, 5): "HAMAS"})
    stage(state)
    assert dyads(state) == {("IRN", "AID", "HAMAS", False, False)}
    assert state.events[0].cameo == "072" and state.events[0].coder == "rules:lexicon/equip"


def test_negation(stage):
    # "Iran does not offer a blank cheque to Hamas ."
    rows = [("Iran", 3, "nsubj", "PROPN"), ("does", 3, "aux", "AUX"), ("not", 3, "advmod", "PART"),
            ("offer", 3, "ROOT", "VERB"), ("a", 6, "det", "DET"), ("blank", 6, "amod", "ADJ"),
            ("cheque", 3, "obj", "NOUN"), ("to", 8, "case", "ADP"), ("Hamas", 3, "obl", "PROPN"),
            (".", 3, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (8, 8): "HAMAS"})
    stage(state)
    assert dyads(state) == {("IRN", "AGREE", "HAMAS", True, False)}
    assert not any(e.type == "AID" and not e.negated for e in state.events)


def test_future_act_is_hypothetical_but_a_promise_is_real(stage):
    # "Iran will attack Israel ."
    rows = [("Iran", 2, "nsubj", "PROPN"), ("will", 2, "aux", "AUX"), ("attack", 2, "ROOT", "VERB"),
            ("Israel", 2, "obj", "PROPN"), (".", 2, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (3, 3): "ISR"})
    stage(state)
    assert dyads(state) == {("IRNMIL", "ASSAULT", "ISR", False, True)}
    # "Iran will spare no effort to support Hamas ."
    rows = [("Iran", 2, "nsubj", "PROPN"), ("will", 2, "aux", "AUX"), ("spare", 2, "ROOT", "VERB"),
            ("no", 4, "det", "DET"), ("effort", 2, "obj", "NOUN"), ("to", 6, "mark", "PART"),
            ("support", 4, "acl", "VERB"), ("Hamas", 6, "obj", "PROPN"), (".", 2, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (7, 7): "HAMAS"})
    stage(state)
    assert ("IRN", "AGREE", "HAMAS", False, False) in dyads(state)
    assert not any(e.type == "SUPPORT" and not e.hypothetical for e in state.events)


def test_conditional_is_hypothetical(stage):
    # "If Iran attacks , Israel will respond ."  -> the attack is conditional
    rows = [("If", 2, "mark", "SCONJ"), ("Iran", 2, "nsubj", "PROPN"), ("attacks", 6, "advcl", "VERB"),
            (",", 6, "punct", "PUNCT"), ("Israel", 6, "nsubj", "PROPN"), ("will", 6, "aux", "AUX"),
            ("respond", 6, "ROOT", "VERB"), (".", 6, "punct", "PUNCT")]
    state = build(rows, {(1, 1): "IRN", (4, 4): "ISR"})
    stage(state)
    assert {e.type: e.hypothetical for e in state.events} == {"ASSAULT": True}


def test_reciprocal_talks_go_both_ways(stage):
    # "Iran and Hamas held talks ."
    rows = [("Iran", 3, "nsubj", "PROPN"), ("and", 2, "cc", "CCONJ"), ("Hamas", 0, "conj", "PROPN"),
            ("held", 3, "ROOT", "VERB"), ("talks", 3, "obj", "NOUN"), (".", 3, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (2, 2): "HAMAS"})
    stage(state)
    assert dyads(state) == {("IRN", "CONSULT", "HAMAS", False, False), ("HAMAS", "CONSULT", "IRN", False, False)}


def test_nominal_phone_call(stage):
    # "a phone call from Abdollahian to Haniyeh"
    rows = [("A", 2, "det", "DET"), ("phone", 2, "compound", "NOUN"), ("call", 2, "ROOT", "NOUN"),
            ("from", 4, "case", "ADP"), ("Abdollahian", 2, "nmod", "PROPN"), ("to", 6, "case", "ADP"),
            ("Haniyeh", 2, "nmod", "PROPN")]
    state = build(rows, {(4, 4): "IRNGOV", (6, 6): "HAMASP"})
    stage(state)
    assert dyads(state) == {("IRNGOV", "CONSULT", "HAMAS", False, False)}
    event = state.events[0]
    assert (event.cameo, event.mode, event.quad_class, event.goldstein) == ("041", "phone", 1, 1.0)


def test_reported_speech_names_the_speaker(stage):
    # "Sinwar revealed that Iran provided weapons to Hamas ."
    rows = [("Sinwar", 1, "nsubj", "PROPN"), ("revealed", 1, "ROOT", "VERB"), ("that", 4, "mark", "SCONJ"),
            ("Iran", 4, "nsubj", "PROPN"), ("provided", 1, "ccomp", "VERB"), ("weapons", 4, "obj", "NOUN"),
            ("to", 7, "case", "ADP"), ("Hamas", 4, "obl", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "HAMASP", (3, 3): "IRN", (7, 7): "HAMAS"})
    stage(state)
    assert dyads(state) == {("IRN", "AID", "HAMAS", False, False)}
    assert state.events[0].reported_by["name"] == "Haniyeh"  # the hand-made actor stands in for Sinwar


def test_object_of_condemnation_is_found_in_its_phrase(stage):
    # "The minister condemned the position of Britain ."
    rows = [("Abdollahian", 1, "nsubj", "PROPN"), ("condemned", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
            ("position", 1, "obj", "NOUN"), ("of", 5, "case", "ADP"), ("Britain", 3, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRNGOV", (5, 5): "GBR"})
    stage(state)
    assert dyads(state) == {("IRNGOV", "ACCUSE", "GBR", False, False)}
    assert state.events[0].cameo == "111" and state.events[0].goldstein == -2.0


def test_ids_are_stable_and_repeats_merge(stage):
    first, second = build(IMPOSE, IMPOSE_ACTORS), build(IMPOSE, IMPOSE_ACTORS)
    stage(first)
    stage(second)
    assert [e.id for e in first.events] == [e.id for e in second.events]
    assert len({e.id for e in first.events}) == 3
    from eventcoder.events.stage import deduplicate
    merged = deduplicate(first.events + second.events)
    assert len(merged) == 3 and all(e.mentions == 2 for e in merged)


def test_boilerplate_yields_nothing(stage):
    state = build(IMPOSE, IMPOSE_ACTORS)
    state.sentences[0].kind = "boilerplate"
    stage(state)
    assert state.events == []
