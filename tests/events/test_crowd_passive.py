"""Hand-built parses for three general readings: a civilian crowd's forceful act against the state is PROTEST,
a passive verb finds its object word in its subject, and a consequence announced for someone is a threat."""

from __future__ import annotations

from coding_helpers import ACTORS, build, dyads

from eventcoder.document import Actor

ACTORS.setdefault("KENCVL", Actor("protesters", "KENCVL", "group", "KEN", "CVL"))
ACTORS.setdefault("KENLEG", Actor("Kenyan parliament", "KENLEG", "group", "KEN", "LEG"))
ACTORS.setdefault("KENCOP", Actor("Kenyan police", "KENCOP", "group", "KEN", "COP"))
ACTORS.setdefault("ISRGOV", Actor("Israel's defence minister", "ISRGOV", "person", "ISR", "GOV", "ISRGOV"))
ACTORS.setdefault("HEZBOLLAH", Actor("Hezbollah", "HEZBOLLAH", "organization", "LBN", "REB"))
ACTORS.setdefault("EU", Actor("European Union", "EU", "organization", None, "IGO"))

# "Protesters stormed the parliament ."
STORMED = [("Protesters", 1, "nsubj", "NOUN"), ("stormed", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
           ("parliament", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]


def test_protesters_storming_parliament_riot(stage):
    state = build(STORMED, {(0, 0): "KENCVL", (3, 3): "KENLEG"})
    stage(state)
    assert dyads(state) == {("KENCVL", "PROTEST", "KENLEG", False, False)}
    assert state.events[0].cameo == "145" and state.events[0].mode == "riot"


def test_police_storming_parliament_stay_coercion(stage):
    state = build(STORMED, {(0, 0): "KENCOP", (3, 3): "KENLEG"})
    stage(state)
    assert {e.type for e in state.events} == {"COERCE"}


def test_protesters_clashing_with_police_riot_but_killing_stays_assault(stage):
    # "Protesters clashed with police ."
    clashed = [("Protesters", 1, "nsubj", "NOUN"), ("clashed", 1, "ROOT", "VERB"), ("with", 3, "case", "ADP"),
               ("police", 1, "obl", "NOUN"), (".", 1, "punct", "PUNCT")]
    state = build(clashed, {(0, 0): "KENCVL", (3, 3): "KENCOP"})
    stage(state)
    assert {e.type for e in state.events} == {"PROTEST"}
    # "Protesters killed two policemen ."
    killed = [("Protesters", 1, "nsubj", "NOUN"), ("killed", 1, "ROOT", "VERB"), ("two", 3, "nummod", "NUM"),
              ("policemen", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    state = build(killed, {(0, 0): "KENCVL", (3, 3): "KENCOP"})
    stage(state)
    assert {e.type for e in state.events} == {"ASSAULT"}


def test_passive_verb_takes_its_object_word_from_the_subject(stage):
    # "Sanctions were imposed on Iran by the EU ."
    rows = [("Sanctions", 2, "nsubj:pass", "NOUN"), ("were", 2, "aux:pass", "AUX"), ("imposed", 2, "ROOT", "VERB"),
            ("on", 4, "case", "ADP"), ("Iran", 2, "obl", "PROPN"), ("by", 7, "case", "ADP"), ("the", 7, "det", "DET"),
            ("EU", 2, "obl:agent", "PROPN"), (".", 2, "punct", "PUNCT")]
    state = build(rows, {(4, 4): "IRN", (7, 7): "EU"})
    stage(state)
    assert dyads(state) == {("EU", "SANCTION", "IRN", False, False)}
    assert state.events[0].coder == "rules:lexicon/impose_sanction"


def test_heavy_price_announced_is_the_speakers_threat(stage):
    # "The minister said Hezbollah would pay a heavy price ."
    rows = [("The", 1, "det", "DET"), ("minister", 2, "nsubj", "NOUN"), ("said", 2, "ROOT", "VERB"),
            ("Hezbollah", 5, "nsubj", "PROPN"), ("would", 5, "aux", "AUX"), ("pay", 2, "ccomp", "VERB"),
            ("a", 8, "det", "DET"), ("heavy", 8, "amod", "ADJ"), ("price", 5, "obj", "NOUN"),
            (".", 2, "punct", "PUNCT")]
    state = build(rows, {(1, 1): "ISRGOV", (3, 3): "HEZBOLLAH"})
    stage(state)
    assert dyads(state) == {("ISRGOV", "THREATEN", "HEZBOLLAH", False, False)}
    assert state.events[0].cameo == "138"
