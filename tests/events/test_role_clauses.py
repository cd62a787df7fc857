"""Roles across clauses: a condemned act whose doer a coordinated clause blames, a surface target not taken from a
clause with a subject of its own, a request addressed to someone unnamed, a mediation told by a participle on the
pact it brought about (or on one told before), an -ing clause the parser hung on the object, envoys standing
for the states they are from, pledges that are no mutual agreements, and a capital naming an event's venue; on
hand-built UD parses (no trained backbone needed)."""

from __future__ import annotations

from coding_helpers import ACTORS, article, build, dyads

from eventcoder.document import Actor


def test_condemned_act_is_aimed_at_whom_the_coordinated_clause_blames(stage):
    # "Britain condemned the attack and blamed Iran ."
    rows = [("Britain", 1, "nsubj", "PROPN"), ("condemned", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
            ("attack", 1, "obj", "NOUN"), ("and", 5, "cc", "CCONJ"), ("blamed", 1, "conj", "VERB"),
            ("Iran", 5, "obj", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "GBR", (6, 6): "IRN"})
    stage(state)
    accusations = [e for e in state.events if e.type == "ACCUSE"]
    assert {((e.source or {}).get("code"), (e.target or {}).get("code")) for e in accusations} == {("GBR", "IRN")}
    assert sorted(e.cameo for e in accusations) == ["111", "112"]  # two acts in one sentence, not one said twice


def test_condemned_act_without_a_blamed_party_keeps_no_target(stage):
    # "Britain condemned the attack and praised Iran ."
    rows = [("Britain", 1, "nsubj", "PROPN"), ("condemned", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
            ("attack", 1, "obj", "NOUN"), ("and", 5, "cc", "CCONJ"), ("praised", 1, "conj", "VERB"),
            ("Iran", 5, "obj", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "GBR", (6, 6): "IRN"})
    stage(state)
    assert ("GBR", "ACCUSE", "IRN", False, False) not in dyads(state)
    assert ("GBR", "SUPPORT", "IRN", False, False) in dyads(state)


def test_surface_target_is_not_taken_from_a_temporal_clause_with_its_own_subject(stage):
    # "Britain attacked as Hamas fired rockets ." (no object of its own: the fallback would reach "Hamas")
    rows = [("Britain", 1, "nsubj", "PROPN"), ("attacked", 1, "ROOT", "VERB"), ("as", 4, "mark", "SCONJ"),
            ("Hamas", 4, "nsubj", "PROPN"), ("fired", 1, "advcl", "VERB"), ("rockets", 4, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "GBR", (3, 3): "HAMAS"})
    stage(state)
    assert not any(d[0] and d[0].startswith("GBR") and d[2] == "HAMAS" for d in dyads(state))


def test_surface_target_still_crosses_a_clause_without_a_subject(stage):
    # "Britain attacked yesterday , targeting Hamas ." : the participle's object is the attack's target
    rows = [("Britain", 1, "nsubj", "PROPN"), ("attacked", 1, "ROOT", "VERB"), ("yesterday", 1, "obl:tmod", "NOUN"),
            (",", 4, "punct", "PUNCT"), ("targeting", 1, "advcl", "VERB"), ("Hamas", 4, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "GBR", (5, 5): "HAMAS"})
    stage(state)
    assert any(d[1] == "ASSAULT" and d[2] == "HAMAS" for d in dyads(state))


def test_request_to_an_unnamed_addressee_borrows_no_target_from_the_act_asked(stage):
    # "Iran urged both sides to spare Palestinians ."
    rows = [("Iran", 1, "nsubj", "PROPN"), ("urged", 1, "ROOT", "VERB"), ("both", 3, "det", "DET"),
            ("sides", 1, "obj", "NOUN"), ("to", 5, "mark", "PART"), ("spare", 1, "advcl", "VERB"),
            ("Palestinians", 5, "obj", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (6, 6): "PSECVL"})
    stage(state)
    assert ("IRN", "REQUEST", None, False, False) in dyads(state)
    assert not any(d[1] == "REQUEST" and d[2] == "PSECVL" for d in dyads(state))


def test_request_to_a_named_addressee_keeps_it(stage):
    # "Iran urged Egypt to spare Palestinians ."
    rows = [("Iran", 1, "nsubj", "PROPN"), ("urged", 1, "ROOT", "VERB"), ("Egypt", 1, "obj", "PROPN"),
            ("to", 4, "mark", "PART"), ("spare", 1, "advcl", "VERB"), ("Palestinians", 4, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (2, 2): "EGY", (5, 5): "PSECVL"})
    stage(state)
    assert ("IRN", "REQUEST", "EGY", False, False) in dyads(state)


def test_mediation_participle_on_a_pact_is_between_the_clause_subjects(stage):
    # "Iran and Egypt agreed in a deal brokered by America ."
    rows = [("Iran", 3, "nsubj", "PROPN"), ("and", 2, "cc", "CCONJ"), ("Egypt", 0, "conj", "PROPN"),
            ("agreed", 3, "ROOT", "VERB"), ("in", 6, "case", "ADP"), ("a", 6, "det", "DET"), ("deal", 3, "obl", "NOUN"),
            ("brokered", 6, "acl", "VERB"), ("by", 9, "case", "ADP"), ("America", 7, "obl:agent", "PROPN"),
            (".", 3, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (2, 2): "EGY", (9, 9): "USA"})
    state.parses[0][7].tag_ = "VBN"  # a past participle, as the tagger marks it
    stage(state)
    found = dyads(state)
    assert ("USA", "CONSULT", "IRN", False, False) in found
    assert ("USA", "CONSULT", "EGY", False, False) in found
    assert ("IRN", "AGREE", "EGY", False, False) in found


def test_comma_participle_hung_on_the_object_shares_the_main_subject(stage):
    # "Hamas attacked Israeli towns , killing people and taking hostages ." with "killing" hung on "towns"
    rows = [("Hamas", 1, "nsubj", "PROPN"), ("attacked", 1, "ROOT", "VERB"), ("Israeli", 3, "amod", "ADJ"),
            ("towns", 1, "obj", "NOUN"), (",", 5, "punct", "PUNCT"), ("killing", 3, "acl", "VERB"),
            ("people", 5, "obj", "NOUN"), ("and", 8, "cc", "CCONJ"), ("taking", 5, "conj", "VERB"),
            ("hostages", 8, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "HAMAS", (2, 2): "ISR"})
    state.parses[0][5].tag_ = "VBG"
    state.parses[0][8].tag_ = "VBG"
    stage(state)
    hostage_takers = {(e.source or {}).get("code") for e in state.events if e.trigger.startswith("taking")}
    assert hostage_takers == {"HAMAS"}


def test_envoys_from_two_states_stand_for_those_states_governments(stage):
    # "Envoys from Iran and Egypt held talks ."
    ACTORS.setdefault("GOV", Actor("envoys", "GOV", "group", None, "GOV"))
    rows = [("Envoys", 5, "nsubj", "NOUN"), ("from", 2, "case", "ADP"), ("Iran", 0, "nmod", "PROPN"),
            ("and", 4, "cc", "CCONJ"), ("Egypt", 2, "conj", "PROPN"), ("held", 5, "ROOT", "VERB"),
            ("talks", 5, "obj", "NOUN"), (".", 5, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "GOV", (2, 2): "IRN", (4, 4): "EGY"})
    stage(state)
    found = {d for d in dyads(state) if d[1] == "CONSULT"}
    assert found == {("IRNGOV", "CONSULT", "EGYGOV", False, False), ("EGYGOV", "CONSULT", "IRNGOV", False, False)}


def test_mediators_named_together_act_towards_no_one_among_themselves(stage):
    # "The truce was brokered by Britain and Egypt ."
    rows = [("The", 1, "det", "DET"), ("truce", 3, "nsubj:pass", "NOUN"), ("was", 3, "aux:pass", "AUX"),
            ("brokered", 3, "ROOT", "VERB"), ("by", 5, "case", "ADP"), ("Britain", 3, "obl:agent", "PROPN"),
            ("and", 7, "cc", "CCONJ"), ("Egypt", 5, "conj", "PROPN"), (".", 3, "punct", "PUNCT")]
    state = build(rows, {(5, 5): "GBR", (7, 7): "EGY"})
    state.parses[0][3].tag_ = "VBN"
    stage(state)
    assert not any({d[0], d[2]} == {"GBR", "EGY"} for d in dyads(state))


def test_mediation_of_a_pact_told_before_is_between_its_parties(stage):
    # "The IDF and Hamas signed a truce . The truce , brokered by Egypt , holds ."
    ACTORS.setdefault("ISRARMY", Actor("IDF", "ISRMIL", "group", "ISR", "MIL"))
    signed = [("The", 1, "det", "DET"), ("IDF", 4, "nsubj", "PROPN"), ("and", 3, "cc", "CCONJ"),
              ("Hamas", 1, "conj", "PROPN"), ("signed", 4, "ROOT", "VERB"), ("a", 6, "det", "DET"),
              ("truce", 4, "obj", "NOUN"), (".", 4, "punct", "PUNCT")]
    brokered = [("The", 1, "det", "DET"), ("truce", 7, "nsubj", "NOUN"), (",", 3, "punct", "PUNCT"),
                ("brokered", 1, "acl", "VERB"), ("by", 5, "case", "ADP"), ("Egypt", 3, "obl:agent", "PROPN"),
                (",", 3, "punct", "PUNCT"), ("holds", 7, "ROOT", "VERB"), (".", 7, "punct", "PUNCT")]
    state = article([(signed, {(1, 1): "ISRARMY", (3, 3): "HAMAS"}), (brokered, {(5, 5): "EGY"})])
    state.parses[1][3].tag_ = "VBN"
    stage(state)
    mediation = {((e.source or {}).get("code"), (e.target or {}).get("code")) for e in state.events
                 if e.sentence_index == 1}
    assert mediation == {("EGY", "ISRMIL"), ("EGY", "HAMAS")}  # the army signed it: not the state as a whole


def test_troops_sent_in_the_passive_are_moved_by_their_own_state(stage):
    # "Thousands of Iranian troops were sent to Israel ." ("troops were sent" is one trigger)
    ACTORS.setdefault("IRNTROOPS", Actor("Iranian troops", "IRNMIL", "group", "IRN", "MIL"))
    rows = [("Thousands", 5, "nsubj:pass", "NOUN"), ("of", 3, "case", "ADP"), ("Iranian", 3, "amod", "ADJ"),
            ("troops", 0, "nmod", "NOUN"), ("were", 5, "aux:pass", "AUX"), ("sent", 5, "ROOT", "VERB"),
            ("to", 7, "case", "ADP"), ("Israel", 5, "obl", "PROPN"), (".", 5, "punct", "PUNCT")]
    state = build(rows, {(2, 3): "IRNTROOPS", (7, 7): "ISR"})
    stage(state)
    assert ("IRNMIL", "MOBILIZE", "ISR", False, False) in dyads(state)


def test_a_pledge_of_a_thing_is_not_an_agreement_between_the_pledgers(stage):
    # "Iran and Egypt committed dollars to rebuilding Hamas ."
    rows = [("Iran", 3, "nsubj", "PROPN"), ("and", 2, "cc", "CCONJ"), ("Egypt", 0, "conj", "PROPN"),
            ("committed", 3, "ROOT", "VERB"), ("dollars", 3, "obj", "NOUN"), ("to", 6, "mark", "ADP"),
            ("rebuilding", 3, "advcl", "VERB"), ("Hamas", 6, "obj", "PROPN"), (".", 3, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (2, 2): "EGY", (7, 7): "HAMAS"})
    stage(state)
    pledges = {d for d in dyads(state) if d[1] == "AGREE"}
    assert pledges == {("IRN", "AGREE", "HAMAS", False, False), ("EGY", "AGREE", "HAMAS", False, False)}


def test_makers_of_a_pact_still_agree_with_each_other(stage):
    # "Iran and Egypt signed an agreement ."
    rows = [("Iran", 3, "nsubj", "PROPN"), ("and", 2, "cc", "CCONJ"), ("Egypt", 0, "conj", "PROPN"),
            ("signed", 3, "ROOT", "VERB"), ("an", 5, "det", "DET"), ("agreement", 3, "obj", "NOUN"),
            (".", 3, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (2, 2): "EGY"})
    stage(state)
    assert {("IRN", "EGY"), ("EGY", "IRN")} <= {(d[0], d[2]) for d in dyads(state)}


def test_a_capital_modifying_an_event_noun_is_its_venue_not_a_party(stage):
    # "Iran condemned the Cairo bombing ." with "Cairo" a capital standing for Egypt
    ACTORS.setdefault("CAIRO", Actor("Egypt", "EGY", "state", "EGY"))
    rows = [("Iran", 1, "nsubj", "PROPN"), ("condemned", 1, "ROOT", "VERB"), ("the", 4, "det", "DET"),
            ("Cairo", 4, "compound", "PROPN"), ("bombing", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (3, 3): "CAIRO"})
    state.mentions[1].rule = "metonym"
    stage(state)
    assert ("IRN", "ACCUSE", "EGY", False, False) not in dyads(state)
    assert any(d[0] == "IRN" and d[1] == "ACCUSE" for d in dyads(state))
