"""Role fallbacks, group placement, implicit targets, negation by "without", announced cooperation and headline
merging, on hand-built UD parses (no trained backbone needed)."""

from __future__ import annotations

import dataclasses

from coding_helpers import ACTORS, build, dyads

from eventcoder.document import Actor
from eventcoder.events.stage import merge_headlines

ACTORS.setdefault("CVL", Actor("protesters", "CVL", "group", None, "CVL"))


def test_target_the_parse_misattached_comes_from_the_surface(stage):
    # "Iran donated fuel to Hamas ." parsed as a noun phrase headed by "fuel" (a real backbone error)
    rows = [("Iran", 2, "nsubj", "PROPN"), ("donated", 2, "amod", "VERB"), ("fuel", 2, "ROOT", "NOUN"),
            ("to", 4, "case", "ADP"), ("Hamas", 2, "nmod", "PROPN"), (".", 2, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (4, 4): "HAMAS"})
    stage(state)
    assert dyads(state) == {("IRN", "AID", "HAMAS", False, False)}
    assert state.events[0].confidence < 0.85  # a role read off the surface lowers confidence


def test_bare_sector_group_is_placed_in_the_country_nearby(stage):
    # "Egypt detained protesters ."
    rows = [("Egypt", 1, "nsubj", "PROPN"), ("detained", 1, "ROOT", "VERB"), ("protesters", 1, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (2, 2): "CVL"})
    stage(state)
    assert dyads(state) == {("EGY", "COERCE", "EGYCVL", False, False)}
    assert state.events[0].target["country"] == "EGY" and state.events[0].target["sector"] == "CVL"


def test_protest_without_named_target_is_against_own_government(stage):
    # "Iranian students protested ."
    rows = [("Iranian", 1, "amod", "ADJ"), ("students", 2, "nsubj", "NOUN"), ("protested", 2, "ROOT", "VERB"),
            (".", 2, "punct", "PUNCT")]
    state = build(rows, {(0, 1): "IRNEDU"})
    stage(state)
    assert dyads(state) == {("IRNEDU", "PROTEST", "IRNGOV", False, False)}


def test_without_negates_the_act(stage):
    # "Egypt ended the summit without agreeing with Israel ."
    rows = [("Egypt", 1, "nsubj", "PROPN"), ("ended", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
            ("summit", 1, "obj", "NOUN"), ("without", 5, "mark", "SCONJ"), ("agreeing", 1, "advcl", "VERB"),
            ("with", 7, "case", "ADP"), ("Israel", 5, "obl", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (7, 7): "ISR"})
    stage(state)
    assert ("EGY", "AGREE", "ISR", True, False) in dyads(state)


def test_announcing_own_future_cooperation_is_a_real_agree(stage):
    # "Egypt said it would recognise Israel ."
    rows = [("Egypt", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB"), ("it", 4, "nsubj", "PRON"),
            ("would", 4, "aux", "AUX"), ("recognise", 1, "ccomp", "VERB"), ("Israel", 4, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (2, 2): "EGY", (5, 5): "ISR"})
    stage(state)
    assert dyads(state) == {("EGY", "AGREE", "ISR", False, False)}
    assert state.events[0].reported_by is None


def test_future_act_of_another_actor_stays_hypothetical(stage):
    # "Egypt said Israel would recognise Iran ."
    rows = [("Egypt", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB"), ("Israel", 4, "nsubj", "PROPN"),
            ("would", 4, "aux", "AUX"), ("recognise", 1, "ccomp", "VERB"), ("Iran", 4, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (2, 2): "ISR", (5, 5): "IRN"})
    stage(state)
    assert dyads(state) == {("ISR", "SUPPORT", "IRN", False, True)}


def test_headline_event_merges_into_the_body_event(stage):
    rows = [("Iran", 1, "nsubj", "PROPN"), ("condemned", 1, "ROOT", "VERB"), ("Britain", 1, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (2, 2): "GBR"})
    stage(state)
    body = state.events[0]
    headline = dataclasses.replace(body, sentence_index=1, date=None, mentions=1)
    merged = merge_headlines([body, headline], {1})
    assert merged == [body] and body.mentions == 2
    assert merge_headlines([headline], {1}) == [headline]  # a headline with no body twin is kept
