"""Targets the v0.2 parse hides: the owner of a noun the trigger contains, a second object labelled obj, a finite
verb hung as a modifier, a passive relative pronoun labelled nsubj, and protesters coded as civilians; on
hand-built UD parses (no trained backbone needed)."""

from __future__ import annotations

from coding_helpers import ACTORS, build, dyads

from eventcoder.document import Actor

ACTORS.setdefault("OPP", Actor("protesters", "OPP", "group", None, "OPP"))


def test_owner_of_the_absorbed_noun_is_the_target(stage):
    # "Egypt suspended Iran 's membership ."
    rows = [("Egypt", 1, "nsubj", "PROPN"), ("suspended", 1, "ROOT", "VERB"), ("Iran", 4, "nmod:poss", "PROPN"),
            ("'s", 2, "case", "PART"), ("membership", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (2, 2): "IRN"})
    stage(state)
    assert ("EGY", "SANCTION", "IRN", False, False) in dyads(state)


def test_first_of_two_objects_is_the_recipient(stage):
    # "Egypt gave Hamas an ultimatum ."
    rows = [("Egypt", 1, "nsubj", "PROPN"), ("gave", 1, "ROOT", "VERB"), ("Hamas", 1, "obj", "PROPN"),
            ("an", 4, "det", "DET"), ("ultimatum", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (2, 2): "HAMAS"})
    stage(state)
    assert dyads(state) == {("EGY", "THREATEN", "HAMAS", False, False)}


def test_finite_verb_parsed_as_a_modifier_takes_its_head_as_object(stage):
    # "Britain threatened Iran with sanctions ." parsed with "threatened" as amod of the root "Iran"
    rows = [("Britain", 1, "nsubj", "PROPN"), ("threatened", 2, "amod", "VERB"), ("Iran", 2, "ROOT", "PROPN"),
            ("with", 4, "case", "ADP"), ("sanctions", 2, "nmod", "NOUN"), (".", 2, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "GBR", (2, 2): "IRN"})
    stage(state)
    assert ("GBR", "THREATEN", "IRN", False, False) in {d for d in dyads(state) if d[1] == "THREATEN"}


def test_passive_relative_pronoun_labelled_subject_is_the_target(stage):
    # "Soleimani , who was killed by the United States ." with "who" labelled nsubj
    rows = [("Soleimani", 0, "ROOT", "PROPN"), (",", 4, "punct", "PUNCT"), ("who", 4, "nsubj", "PRON"),
            ("was", 4, "aux:pass", "AUX"), ("killed", 0, "acl:relcl", "VERB"), ("by", 7, "case", "ADP"),
            ("the", 7, "det", "DET"), ("America", 4, "obl:agent", "PROPN"), (".", 0, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRNMIL", (7, 7): "USA"})
    stage(state)
    assert ("USAMIL", "ASSAULT", "IRNMIL", False, False) in dyads(state)


def test_protesters_are_civilians_of_the_country_nearby(stage):
    # "Egypt arrested protesters ." with the actor stage's opposition code for "protesters"
    rows = [("Egypt", 1, "nsubj", "PROPN"), ("arrested", 1, "ROOT", "VERB"), ("protesters", 1, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (2, 2): "OPP"})
    stage(state)
    assert dyads(state) == {("EGY", "COERCE", "EGYCVL", False, False)}


def test_mutual_armed_event_codes_both_sides_as_militaries(stage):
    # "Iran and Israel exchanged fire ."
    rows = [("Iran", 3, "nsubj", "PROPN"), ("and", 2, "cc", "CCONJ"), ("Israel", 0, "conj", "PROPN"),
            ("exchanged", 3, "ROOT", "VERB"), ("fire", 3, "obj", "NOUN"), (".", 3, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (2, 2): "ISR"})
    stage(state)
    assert ("IRNMIL", "ASSAULT", "ISRMIL", False, False) in dyads(state)
    assert ("ISRMIL", "ASSAULT", "IRNMIL", False, False) in dyads(state)


def test_nationality_listed_before_an_agent_shares_its_noun(stage):
    # "Egyptian and Iranian officials held talks ." with "Egyptian" coded as the state by the actor stage
    ACTORS.setdefault("IRNGOVG", Actor("Iranian officials", "IRNGOV", "group", "IRN", "GOV"))
    rows = [("Egyptian", 3, "amod", "ADJ"), ("and", 2, "cc", "CCONJ"), ("Iranian", 0, "conj", "ADJ"),
            ("officials", 4, "nsubj", "NOUN"), ("held", 4, "ROOT", "VERB"), ("talks", 4, "obj", "NOUN"),
            (".", 4, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (2, 3): "IRNGOVG"})
    state.mentions[0].rule = "demonym"
    stage(state)
    assert ("EGYGOV", "CONSULT", "IRNGOV", False, False) in dyads(state)
    assert ("IRNGOV", "CONSULT", "EGYGOV", False, False) in dyads(state)


def test_a_thing_as_subject_is_no_attacker(stage):
    # "Drought killed Palestinians ." against "Israel killed Palestinians ."
    rows = [("Drought", 1, "nsubj", "NOUN"), ("killed", 1, "ROOT", "VERB"), ("Palestinians", 1, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(2, 2): "PSECVL"})
    stage(state)
    assert not state.events
    rows[0] = ("Israel", 1, "nsubj", "PROPN")
    state = build(rows, {(0, 0): "ISR", (2, 2): "PSECVL"})
    stage(state)
    assert dyads(state) == {("ISRMIL", "ASSAULT", "PSECVL", False, False)}


def test_place_attacked_stands_for_its_state(stage):
    # "Israel struck Gaza ." with "Gaza" a place the geocoder knows and no actor mention for it
    from eventcoder.document import Place, Span
    rows = [("Israel", 1, "nsubj", "PROPN"), ("struck", 1, "ROOT", "VERB"), ("Gaza", 1, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "ISR"})
    state.places = [Place("Gaza", "PSE", 31.5, 34.47, [Span(14, 18, "Gaza")], "city")]
    stage(state)
    assert dyads(state) == {("ISRMIL", "ASSAULT", "PSE", False, False)}


def test_a_bloc_fans_out_without_pairing_its_members(stage):
    # "The Gulf states agreed ." : each member agrees; none agrees with another
    ACTORS.setdefault("PGS", Actor("Gulf states", "PGS", "group", None, None, members=["SAU", "ARE", "QAT"]))
    rows = [("The", 2, "det", "DET"), ("Gulf", 2, "compound", "PROPN"), ("states", 3, "nsubj", "NOUN"),
            ("agreed", 3, "ROOT", "VERB"), (".", 3, "punct", "PUNCT")]
    state = build(rows, {(1, 2): "PGS"})
    stage(state)
    assert dyads(state) == {(code, "AGREE", None, False, False) for code in ("SAU", "ARE", "QAT")}
