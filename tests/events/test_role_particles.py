"""Role arguments the parse hides behind a particle or a misattached "by" phrase, on hand-built UD parses: a
particle hung on the noun before the real preposition ("handed the suspect over to X"), and the doer of the act an
active verb's object names ("denounced the seizure of its plane by X")."""

from __future__ import annotations

from coding_helpers import build, dyads


def test_particle_before_preposition_gives_way(stage):
    # "Egypt handed the suspect over to Iran ."  "over" and "to" both hang on "Iran" as case markers
    rows = [("Egypt", 1, "nsubj", "PROPN"), ("handed", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
            ("suspect", 1, "obj", "NOUN"), ("over", 6, "case", "ADP"), ("to", 6, "case", "ADP"),
            ("Iran", 1, "obl", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (6, 6): "IRN"})
    stage(state)
    found = dyads(state)
    assert found and all(d[0] == "EGY" and d[2] == "IRN" for d in found)


def test_agent_of_the_denounced_act_is_the_target(stage):
    # "Iran denounced the seizure of its plane by the United States ." with "by" hung on the verb
    rows = [("Iran", 1, "nsubj", "PROPN"), ("denounced", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
            ("seizure", 1, "obj", "NOUN"), ("of", 6, "case", "ADP"), ("its", 6, "nmod:poss", "PRON"),
            ("plane", 3, "nmod", "NOUN"), ("by", 10, "case", "ADP"), ("the", 10, "det", "DET"),
            ("United", 10, "amod", "PROPN"), ("States", 1, "obl", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (9, 10): "USA"})
    stage(state)
    assert any(d[0] == "IRN" and d[2] == "USA" for d in dyads(state))
