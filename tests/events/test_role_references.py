"""Roles and flags read beyond the trigger's own phrase: background phrases, forces moved, acts referred back to,
verbs of undergoing, misparsed main verbs, opposed labels and modality carried by governing verbs; on hand-built UD
parses (no trained backbone needed)."""

from __future__ import annotations

from coding_helpers import ACTORS, article, build, dyads

from eventcoder.document import Actor

ACTORS.setdefault("MIL", Actor("troops", "MIL", "group", None, "MIL"))
ACTORS.setdefault("COL", Actor("Colombia", "COL", "state", "COL"))
ACTORS.setdefault("PRY", Actor("Paraguay", "PRY", "state", "PRY"))
ACTORS.setdefault("BEN", Actor("Benin", "BEN", "state", "BEN"))


def test_actor_in_a_background_phrase_is_no_target(stage):
    # "Colombia arrested the fugitive at the request of Paraguay ."
    rows = [("Colombia", 1, "nsubj", "PROPN"), ("arrested", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
            ("fugitive", 1, "obj", "NOUN"), ("at", 6, "case", "ADP"), ("the", 6, "det", "DET"),
            ("request", 1, "obl", "NOUN"), ("of", 8, "case", "ADP"), ("Paraguay", 6, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "COL", (8, 8): "PRY"})
    stage(state)
    coerce = [d for d in dyads(state) if d[1] == "COERCE"]
    assert coerce and all(d[2] != "PRY" for d in coerce)


def test_the_forces_moved_are_not_the_target(stage):
    # "Abdollahian deployed troops to the border ." (the troops placed in Iran: IRNMIL, not the minister's IRNGOV)
    rows = [("Abdollahian", 1, "nsubj", "PROPN"), ("deployed", 1, "ROOT", "VERB"), ("troops", 1, "obj", "NOUN"),
            ("to", 5, "case", "ADP"), ("the", 5, "det", "DET"), ("border", 1, "obl", "NOUN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRNGOV", (2, 2): "MIL"})
    stage(state)
    assert dyads(state) == {("IRNGOV", "MOBILIZE", None, False, False)}


def test_condemning_an_earlier_act_targets_its_doer(stage):
    # "Israel struck Hamas . Iran condemned the strikes ."
    struck = [("Israel", 1, "nsubj", "PROPN"), ("struck", 1, "ROOT", "VERB"), ("Hamas", 1, "obj", "PROPN"),
              (".", 1, "punct", "PUNCT")]
    condemned = [("Iran", 1, "nsubj", "PROPN"), ("condemned", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
                 ("strikes", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    state = article([(struck, {(0, 0): "ISR", (2, 2): "HAMAS"}), (condemned, {(0, 0): "IRN"})])
    stage(state)
    accuse = [e for e in state.events if e.type == "ACCUSE"]
    assert [(e.source["code"], e.target["code"]) for e in accuse] == [("IRN", "ISR")]  # the state, not its army


def test_condemning_the_move_targets_the_actor_named_before(stage):
    # "Ethiopia filled the dam . Egypt condemned the move ."
    filled = [("Ethiopia", 1, "nsubj", "PROPN"), ("filled", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
              ("dam", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    condemned = [("Egypt", 1, "nsubj", "PROPN"), ("condemned", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
                 ("move", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    ACTORS.setdefault("ETH", Actor("Ethiopia", "ETH", "state", "ETH"))
    state = article([(filled, {(0, 0): "ETH"}), (condemned, {(0, 0): "EGY"})])
    stage(state)
    assert ("EGY", "ACCUSE", "ETH", False, False) in dyads(state)


def test_ignoring_an_ultimatum_rejects_its_maker(stage):
    # "Hamas ignored Egypt 's ultimatum ."
    rows = [("Hamas", 1, "nsubj", "PROPN"), ("ignored", 1, "ROOT", "VERB"), ("Egypt", 4, "nmod:poss", "PROPN"),
            ("'s", 2, "case", "PART"), ("ultimatum", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "HAMAS", (2, 2): "EGY"})
    stage(state)
    assert dyads(state) == {("HAMAS", "REJECT", "EGY", False, False)}  # the ultimatum is what is defied


def test_main_verb_misparsed_as_a_participle_keeps_its_subject(stage):
    # "Egypt called for a ceasefire ." parsed as a noun phrase: "called" an acl of the root "Egypt"
    rows = [("Egypt", 0, "ROOT", "PROPN"), ("called", 0, "acl", "VERB"), ("for", 4, "case", "ADP"),
            ("a", 4, "det", "DET"), ("ceasefire", 1, "obl", "NOUN"), (".", 0, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY"})
    state.parses[0][1].tag_ = "VBN"
    stage(state)
    requests = [d for d in dyads(state) if d[1] == "REQUEST"]
    assert requests and all(d[0] == "EGY" and d[2] != "EGY" for d in requests)


def test_an_act_a_struggle_is_against_is_no_event(stage):
    # "The ties grew in the struggle against the Israeli occupation ."
    rows = [("The", 1, "det", "DET"), ("ties", 2, "nsubj", "NOUN"), ("grew", 2, "ROOT", "VERB"),
            ("in", 5, "case", "ADP"), ("the", 5, "det", "DET"), ("struggle", 2, "obl", "NOUN"),
            ("against", 9, "case", "ADP"), ("the", 9, "det", "DET"), ("Israeli", 9, "amod", "ADJ"),
            ("occupation", 5, "nmod", "NOUN"), (".", 2, "punct", "PUNCT")]
    state = build(rows, {(8, 8): "ISR"})
    stage(state)
    assert all(d[1] != "COERCE" for d in dyads(state))


def test_a_planned_nominal_act_is_hypothetical(stage):
    # "Hamas plans further protests against Israel ."
    rows = [("Hamas", 1, "nsubj", "PROPN"), ("plans", 1, "ROOT", "VERB"), ("further", 3, "amod", "ADJ"),
            ("protests", 1, "obj", "NOUN"), ("against", 5, "case", "ADP"), ("Israel", 3, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "HAMAS", (5, 5): "ISR"})
    stage(state)
    assert ("HAMAS", "PROTEST", "ISR", False, True) in dyads(state)


def test_what_a_cause_could_lead_to_is_hypothetical(stage):
    # "Sanctions could lead Hamas to draw closer to Iran ."
    rows = [("Sanctions", 2, "nsubj", "NOUN"), ("could", 2, "aux", "AUX"), ("lead", 2, "ROOT", "VERB"),
            ("Hamas", 2, "obj", "PROPN"), ("to", 5, "mark", "PART"), ("draw", 2, "xcomp", "VERB"),
            ("closer", 5, "advmod", "ADV"), ("to", 8, "case", "ADP"), ("Iran", 5, "obl", "PROPN"),
            (".", 2, "punct", "PUNCT")]
    state = build(rows, {(3, 3): "HAMAS", (8, 8): "IRN"})
    stage(state)
    support = [d for d in dyads(state) if d[1] == "SUPPORT"]
    assert support and all(d[4] for d in support)


def test_not_taking_part_in_the_fighting_negates_it(stage):
    # "Iran was not involved in the fighting with Israel ."
    rows = [("Iran", 3, "nsubj:pass", "PROPN"), ("was", 3, "aux:pass", "AUX"), ("not", 3, "advmod", "PART"),
            ("involved", 3, "ROOT", "VERB"), ("in", 6, "case", "ADP"), ("the", 6, "det", "DET"),
            ("fighting", 3, "obl", "NOUN"), ("with", 8, "case", "ADP"), ("Israel", 6, "nmod", "PROPN"),
            (".", 3, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (8, 8): "ISR"})
    stage(state)
    assault = [d for d in dyads(state) if d[1] == "ASSAULT"]
    assert assault and all(d[3] for d in assault)


def test_a_denied_act_is_negated_and_reported_by_the_denier(stage):
    # "Rwanda denied that it had armed Hamas ." (the denial is told by the act it denies)
    rows = [("Rwanda", 1, "nsubj", "PROPN"), ("denied", 1, "ROOT", "VERB"), ("that", 5, "mark", "SCONJ"),
            ("it", 5, "nsubj", "PRON"), ("had", 5, "aux", "AUX"), ("armed", 1, "ccomp", "VERB"),
            ("Hamas", 5, "obj", "PROPN"), (".", 1, "punct", "PUNCT")]
    ACTORS.setdefault("RWA", Actor("Rwanda", "RWA", "state", "RWA"))
    state = build(rows, {(0, 0): "RWA", (3, 3): "RWA", (6, 6): "HAMAS"})
    stage(state)
    assert {(e.type, (e.source or {}).get("code"), e.target["code"], e.negated, (e.reported_by or {}).get("code"))
            for e in state.events} == {("AID", "RWA", "HAMAS", True, "RWA")}


def test_welcoming_a_deal_targets_no_one(stage):
    # "Israel struck Hamas . Iran welcomed the agreement ."
    struck = [("Israel", 1, "nsubj", "PROPN"), ("struck", 1, "ROOT", "VERB"), ("Hamas", 1, "obj", "PROPN"),
              (".", 1, "punct", "PUNCT")]
    welcomed = [("Iran", 1, "nsubj", "PROPN"), ("welcomed", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
                ("agreement", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    state = article([(struck, {(0, 0): "ISR", (2, 2): "HAMAS"}), (welcomed, {(0, 0): "IRN"})])
    stage(state)
    assert [e.target for e in state.events if e.type == "SUPPORT"] == [None]


def test_expelling_diplomats_from_a_country_targets_it(stage):
    # "Iran expelled diplomats from Britain ."
    rows = [("Iran", 1, "nsubj", "PROPN"), ("expelled", 1, "ROOT", "VERB"), ("diplomats", 1, "obj", "NOUN"),
            ("from", 4, "case", "ADP"), ("Britain", 1, "obl", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (4, 4): "GBR"})
    stage(state)
    assert ("IRN", "SANCTION", "GBR", False, False) in dyads(state)


def test_each_other_makes_the_subjects_each_others_targets(stage):
    # "Iran and Egypt praised each other in Hamas 's presence ." (a nearer actor is not the target)
    rows = [("Iran", 3, "nsubj", "PROPN"), ("and", 2, "cc", "CCONJ"), ("Egypt", 0, "conj", "PROPN"),
            ("praised", 3, "ROOT", "VERB"), ("each", 3, "obj", "DET"), ("other", 4, "fixed", "ADJ"),
            ("before", 7, "case", "ADP"), ("Hamas", 3, "obl", "PROPN"), (".", 3, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (2, 2): "EGY", (7, 7): "HAMAS"})
    stage(state)
    support = {(d[0], d[2]) for d in dyads(state) if d[1] == "SUPPORT"}
    assert support == {("IRN", "EGY"), ("EGY", "IRN")}


def test_the_with_party_of_a_discussion_beats_its_topic(stage):
    # "Abdollahian discussed the Iran crisis with Haniyeh ." with "with Haniyeh" hung on the topic noun
    rows = [("Abdollahian", 1, "nsubj", "PROPN"), ("discussed", 1, "ROOT", "VERB"), ("the", 4, "det", "DET"),
            ("Iran", 4, "compound", "PROPN"), ("crisis", 1, "obj", "NOUN"), ("with", 6, "case", "ADP"),
            ("Haniyeh", 4, "nmod", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRNGOV", (3, 3): "IRN", (6, 6): "HAMASP"})
    stage(state)
    assert {(d[0], d[2]) for d in dyads(state) if d[1] == "CONSULT"} == {("IRNGOV", "HAMAS")}


def test_a_copula_predicates_infinitive_takes_the_copulas_subject(stage):
    # "Abdollahian was the first minister to congratulate Hamas ."
    rows = [("Abdollahian", 4, "nsubj", "PROPN"), ("was", 4, "cop", "AUX"), ("the", 4, "det", "DET"),
            ("first", 4, "amod", "ADJ"), ("minister", 4, "ROOT", "NOUN"), ("to", 6, "mark", "PART"),
            ("congratulate", 4, "acl", "VERB"), ("Hamas", 6, "obj", "PROPN"), (".", 4, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRNGOV", (7, 7): "HAMAS"})
    stage(state)
    assert ("IRNGOV", "SUPPORT", "HAMAS", False, False) in dyads(state)


def test_who_faces_a_threat_is_its_target(stage):
    # "Hamas faced Egypt 's threats ."
    rows = [("Hamas", 1, "nsubj", "PROPN"), ("faced", 1, "ROOT", "VERB"), ("Egypt", 4, "nmod:poss", "PROPN"),
            ("'s", 2, "case", "PART"), ("threats", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "HAMAS", (2, 2): "EGY"})
    stage(state)
    assert ("EGY", "THREATEN", "HAMAS", False, False) in dyads(state)


def test_a_perfect_with_a_mislabelled_subject_is_active(stage):
    # "Abdollahian has not spoken to Haniyeh ." with the subject labelled nsubj:pass
    rows = [("Abdollahian", 3, "nsubj:pass", "PROPN"), ("has", 3, "aux", "AUX"), ("not", 3, "advmod", "PART"),
            ("spoken", 3, "ROOT", "VERB"), ("to", 5, "case", "ADP"), ("Haniyeh", 3, "obl", "PROPN"),
            (".", 3, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRNGOV", (5, 5): "HAMASP"})
    state.parses[0][3].tag_ = "VBN"
    stage(state)
    assert ("IRNGOV", "CONSULT", "HAMAS", True, False) in dyads(state)


def test_a_trip_for_talks_makes_the_traveller_talk(stage):
    # "Abdollahian landed in Doha for talks with Haniyeh ."
    rows = [("Abdollahian", 1, "nsubj", "PROPN"), ("landed", 1, "ROOT", "VERB"), ("in", 3, "case", "ADP"),
            ("Doha", 1, "obl", "PROPN"), ("for", 5, "case", "ADP"), ("talks", 1, "obl", "NOUN"),
            ("with", 7, "case", "ADP"), ("Haniyeh", 5, "nmod", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRNGOV", (7, 7): "HAMASP"})
    stage(state)
    assert ("IRNGOV", "CONSULT", "HAMAS", False, False) in dyads(state)


def test_the_teller_of_a_claim_is_not_listed_with_the_doers(stage):
    # "According to Britain , Iranian forces attacked Hamas ."
    rows = [("According", 2, "case", "VERB"), ("to", 0, "fixed", "ADP"), ("Britain", 6, "obl", "PROPN"),
            (",", 2, "punct", "PUNCT"), ("Iranian", 5, "amod", "ADJ"), ("forces", 6, "nsubj", "NOUN"),
            ("attacked", 6, "ROOT", "VERB"), ("Hamas", 6, "obj", "PROPN"), (".", 6, "punct", "PUNCT")]
    state = build(rows, {(2, 2): "GBR", (4, 4): "IRN", (7, 7): "HAMAS"})
    stage(state)
    assert {d[0] for d in dyads(state) if d[1] == "ASSAULT"} == {"IRNMIL"}


def test_a_pact_signed_by_two_is_mutual(stage):
    # "The agreement was signed by Iran and Egypt ."
    rows = [("The", 1, "det", "DET"), ("agreement", 3, "nsubj:pass", "NOUN"), ("was", 3, "aux:pass", "AUX"),
            ("signed", 3, "ROOT", "VERB"), ("by", 5, "case", "ADP"), ("Iran", 3, "obl:agent", "PROPN"),
            ("and", 7, "cc", "CCONJ"), ("Egypt", 5, "conj", "PROPN"), (".", 3, "punct", "PUNCT")]
    state = build(rows, {(5, 5): "IRN", (7, 7): "EGY"})
    state.parses[0][3].tag_ = "VBN"
    stage(state)
    pairs = {(e.source["code"], (e.target or {}).get("code")) for e in state.events}
    assert ("IRN", "EGY") in pairs and ("EGY", "IRN") in pairs


def test_a_conditional_warning_is_a_real_threat(stage):
    # "Britain warned Iran of consequences if it attacked Hamas ."
    rows = [("Britain", 1, "nsubj", "PROPN"), ("warned", 1, "ROOT", "VERB"), ("Iran", 1, "obj", "PROPN"),
            ("of", 4, "case", "ADP"), ("consequences", 1, "obl", "NOUN"), ("if", 7, "mark", "SCONJ"),
            ("it", 7, "nsubj", "PRON"), ("attacked", 1, "advcl", "VERB"), ("Hamas", 7, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "GBR", (2, 2): "IRN", (8, 8): "HAMAS"})
    stage(state)
    threats = [d for d in dyads(state) if d[1] == "THREATEN"]
    assert threats and not any(d[4] for d in threats)


def test_a_refusal_announced_for_the_future_is_made(stage):
    # "Iran said it would reject the proposal ."
    rows = [("Iran", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB"), ("it", 4, "nsubj", "PRON"),
            ("would", 4, "aux", "AUX"), ("reject", 1, "ccomp", "VERB"), ("the", 6, "det", "DET"),
            ("proposal", 4, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (2, 2): "IRN"})
    stage(state)
    rejects = [d for d in dyads(state) if d[1] == "REJECT"]
    assert rejects and not any(d[4] for d in rejects)


def test_naming_an_act_is_not_planning_it(stage):
    # "Iran called the accusation an insult ." ("call" is no verb of planning)
    rows = [("Iran", 1, "nsubj", "PROPN"), ("called", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
            ("accusation", 1, "obj", "NOUN"), ("an", 5, "det", "DET"), ("insult", 1, "xcomp", "NOUN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN"})
    stage(state)
    assert not any(d[4] for d in dyads(state) if d[1] == "ACCUSE")


def test_who_hands_over_in_a_passive_is_the_from_party(stage):
    # "Suspects were extradited from Egypt to Britain ."
    rows = [("Suspects", 2, "nsubj:pass", "NOUN"), ("were", 2, "aux:pass", "AUX"), ("extradited", 2, "ROOT", "VERB"),
            ("from", 4, "case", "ADP"), ("Egypt", 2, "obl", "PROPN"), ("to", 6, "case", "ADP"),
            ("Britain", 2, "obl", "PROPN"), (".", 2, "punct", "PUNCT")]
    state = build(rows, {(4, 4): "EGY", (6, 6): "GBR"})
    state.parses[0][2].tag_ = "VBN"
    stage(state)
    assert ("EGY", "COOPERATE", "GBR", False, False) in dyads(state)


def test_a_promise_to_act_in_another_country_targets_it(stage):
    # "Iran pledged to rebuild schools in Gaza ." (Gaza a place in PSE, no actor)
    from eventcoder.document import Place, Span

    rows = [("Iran", 1, "nsubj", "PROPN"), ("pledged", 1, "ROOT", "VERB"), ("to", 3, "mark", "PART"),
            ("rebuild", 1, "xcomp", "VERB"), ("schools", 3, "obj", "NOUN"), ("in", 6, "case", "ADP"),
            ("Gaza", 3, "obl", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN"})
    gaza = state.parses[0][6]
    state.places = [Place("Gaza", "PSE", None, None, [Span(gaza.idx, gaza.idx + 4, "Gaza")], "region")]
    stage(state)
    agree = [e for e in state.events if e.type == "AGREE"]
    assert agree and [(e.target or {}).get("code") for e in agree] == ["PSE"]


def test_an_act_in_a_clause_of_time_is_its_own_event(stage):
    # "Iran agreed to talk after Israel attacked Hamas ." (the attack is told, not agreed to)
    rows = [("Iran", 1, "nsubj", "PROPN"), ("agreed", 1, "ROOT", "VERB"), ("to", 3, "mark", "PART"),
            ("talk", 1, "xcomp", "VERB"), ("after", 6, "mark", "SCONJ"), ("Israel", 6, "nsubj", "PROPN"),
            ("attacked", 3, "advcl", "VERB"), ("Hamas", 6, "obj", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (5, 5): "ISR", (7, 7): "HAMAS"})
    stage(state)
    assert ("ISRMIL", "ASSAULT", "HAMAS", False, False) in dyads(state)


def test_an_act_on_an_embassy_is_on_its_state(stage):
    # "Iranian students stormed the British embassy ."
    rows = [("Iranian", 1, "amod", "ADJ"), ("students", 2, "nsubj", "NOUN"), ("stormed", 2, "ROOT", "VERB"),
            ("the", 5, "det", "DET"), ("British", 5, "amod", "ADJ"), ("embassy", 2, "obj", "NOUN"),
            (".", 2, "punct", "PUNCT")]
    ACTORS.setdefault("GBRGOV", Actor("British embassy", "GBRGOV", "group", "GBR", "GOV"))
    state = build(rows, {(0, 1): "IRNEDU", (4, 5): "GBRGOV"})
    stage(state)
    assert {d[2] for d in dyads(state)} == {"GBR"}


def test_an_exchange_named_without_parties_is_between_the_sentences_speakers(stage):
    # "In the exchange , with Abdollahian declaring that Hamas mattered , relations improved ."
    rows = [("In", 2, "case", "ADP"), ("the", 2, "det", "DET"), ("exchange", 12, "obl", "NOUN"),
            (",", 2, "punct", "PUNCT"), ("with", 5, "case", "ADP"), ("Abdollahian", 12, "obl", "PROPN"),
            ("declaring", 5, "acl", "VERB"), ("that", 9, "mark", "SCONJ"), ("Hamas", 9, "nsubj", "PROPN"),
            ("mattered", 6, "ccomp", "VERB"), (",", 12, "punct", "PUNCT"), ("relations", 12, "nsubj", "NOUN"),
            ("improved", 12, "ROOT", "VERB"), (".", 12, "punct", "PUNCT")]
    state = build(rows, {(5, 5): "IRNGOV", (8, 8): "HAMAS"})
    stage(state)
    consult = {(d[0], d[2]) for d in dyads(state) if d[1] == "CONSULT"}
    assert ("IRNGOV", "HAMAS") in consult and ("HAMAS", "IRNGOV") in consult
