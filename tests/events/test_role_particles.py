"""Role arguments the parse hides behind a particle or a misattached "by" phrase, on hand-built UD parses: a
particle hung on the noun before the real preposition ("handed the suspect over to X"), and the doer of the act an
active verb's object names ("denounced the seizure of its plane by X")."""

from __future__ import annotations

from coding_helpers import ACTORS, build, dyads

from eventcoder.document import Actor

ACTORS.setdefault("ICJ", Actor("International Court of Justice", "ICJ", "organization", None, "IGO"))


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


def test_subject_of_a_clause_joined_as_conjunct(stage):
    # "Iran gave Hamas a loan after Britain imposed sanctions on Egypt ." with "Britain" hung on "loan"
    rows = [("Iran", 1, "nsubj", "PROPN"), ("gave", 1, "ROOT", "VERB"), ("Hamas", 1, "iobj", "PROPN"),
            ("a", 4, "det", "DET"), ("loan", 1, "obj", "NOUN"), ("after", 6, "case", "ADP"),
            ("Britain", 4, "nmod", "PROPN"), ("imposed", 1, "conj", "VERB"), ("sanctions", 7, "obj", "NOUN"),
            ("on", 10, "case", "ADP"), ("Egypt", 8, "nmod", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (2, 2): "HAMAS", (6, 6): "GBR", (10, 10): "EGY"})
    stage(state)
    sanctions = {d for d in dyads(state) if d[1] == "SANCTION"}
    assert sanctions and all(d[0] == "GBR" for d in sanctions)


def test_against_hung_one_phrase_too_deep(stage):
    # "Egypt filed a case at the Court of Justice against Israel ."
    rows = [("Egypt", 1, "nsubj", "PROPN"), ("filed", 1, "ROOT", "VERB"), ("a", 3, "det", "DET"),
            ("case", 1, "obj", "NOUN"), ("at", 6, "case", "ADP"), ("the", 6, "det", "DET"),
            ("Court", 1, "obl", "PROPN"), ("of", 8, "case", "ADP"), ("Justice", 6, "nmod", "PROPN"),
            ("against", 10, "case", "ADP"), ("Israel", 8, "nmod", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (6, 8): "ICJ", (10, 10): "ISR"})
    stage(state)
    assert any(d[0] == "EGY" and d[2] == "ISR" for d in dyads(state))


def test_second_name_swallowed_by_an_apposition_is_coordinated(stage):
    # "The deal was signed by Abdollahian , the minister of Iran , and Haniyeh ." with "Haniyeh" a conjunct of "Iran"
    rows = [("The", 1, "det", "DET"), ("deal", 3, "nsubj:pass", "NOUN"), ("was", 3, "aux:pass", "AUX"),
            ("signed", 3, "ROOT", "VERB"), ("by", 5, "case", "ADP"), ("Abdollahian", 3, "obl:agent", "PROPN"),
            (",", 8, "punct", "PUNCT"), ("the", 8, "det", "DET"), ("minister", 5, "appos", "NOUN"),
            ("of", 10, "case", "ADP"), ("Iran", 8, "nmod", "PROPN"), (",", 13, "punct", "PUNCT"),
            ("and", 13, "cc", "CCONJ"), ("Haniyeh", 10, "conj", "PROPN"), (".", 3, "punct", "PUNCT")]
    state = build(rows, {(5, 5): "IRNGOV", (10, 10): "IRN", (13, 13): "HAMASP"})
    stage(state)
    found = dyads(state)
    assert ("IRNGOV", "SUPPORT", "HAMAS", False, False) in found
    assert ("HAMAS", "SUPPORT", "IRNGOV", False, False) in found


def test_first_of_two_objects_receives_the_noun_event(stage):
    # "Egypt gave Hamas in Gaza an ultimatum to free President Abdollahian ."
    rows = [("Egypt", 1, "nsubj", "PROPN"), ("gave", 1, "ROOT", "VERB"), ("Hamas", 1, "obj", "PROPN"),
            ("in", 4, "case", "ADP"), ("Gaza", 1, "obl", "PROPN"), ("an", 6, "det", "DET"),
            ("ultimatum", 1, "obj", "NOUN"), ("to", 8, "mark", "PART"), ("free", 1, "advcl", "VERB"),
            ("President", 10, "compound", "PROPN"), ("Abdollahian", 8, "obj", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (2, 2): "HAMAS", (10, 10): "IRNGOV"})
    stage(state)
    threats = {d for d in dyads(state) if d[1] == "THREATEN"}
    assert threats and all(d[0] == "EGY" and d[2] == "HAMAS" for d in threats)


def test_finite_verb_hung_on_a_gerund_shares_the_main_subject(stage):
    # "Egypt accused Israel of using force and demanded an inquiry ." with "demanded" a conjunct of "using"
    rows = [("Egypt", 1, "nsubj", "PROPN"), ("accused", 1, "ROOT", "VERB"), ("Israel", 1, "obj", "PROPN"),
            ("of", 4, "mark", "SCONJ"), ("using", 2, "acl", "VERB"), ("force", 4, "obj", "NOUN"),
            ("and", 7, "cc", "CCONJ"), ("demanded", 4, "conj", "VERB"), ("an", 9, "det", "DET"),
            ("inquiry", 7, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (2, 2): "ISR"})
    for i, tag in ((1, "VBD"), (4, "VBG"), (7, "VBD")):
        state.parses[0][i].tag_ = tag
    stage(state)
    requests = {d for d in dyads(state) if d[1] == "REQUEST"}
    assert requests and all(d[0] == "EGY" for d in requests)


def _key_role(speaker: bool):
    # "[Abdollahian said] Hamas plays a key role ."
    lead = [("Abdollahian", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB")] if speaker else []
    k = len(lead)
    root = (k + 1, "ccomp" if speaker else "ROOT")
    rows = lead + [("Hamas", k + 1, "nsubj", "PROPN"), ("plays", 1 if speaker else root[0], root[1], "VERB"),
                   ("a", k + 4, "det", "DET"), ("key", k + 4, "amod", "ADJ"), ("role", k + 1, "obj", "NOUN"),
                   (".", 1 if speaker else k + 1, "punct", "PUNCT")]
    mentions = {(k, k): "HAMAS"}
    if speaker:
        mentions[(0, 0)] = "IRNGOV"
    return build(rows, mentions)


def test_key_role_is_praise_by_the_speaker(stage):
    state = _key_role(speaker=True)
    stage(state)
    assert ("IRNGOV", "SUPPORT", "HAMAS", False, False) in dyads(state)


def test_key_role_without_a_speaker_is_no_event(stage):
    state = _key_role(speaker=False)
    stage(state)
    assert not {d for d in dyads(state) if d[1] == "SUPPORT"}


def test_subject_of_a_gerund_after_without(stage):
    # "The summit ended without Iran and Egypt agreeing ." with "Iran" hung on "ended" as "without"'s object
    rows = [("The", 1, "det", "DET"), ("summit", 2, "nsubj", "NOUN"), ("ended", 2, "ROOT", "VERB"),
            ("without", 4, "case", "ADP"), ("Iran", 2, "obl", "PROPN"), ("and", 6, "cc", "CCONJ"),
            ("Egypt", 4, "conj", "PROPN"), ("agreeing", 2, "advcl", "VERB"), (".", 2, "punct", "PUNCT")]
    state = build(rows, {(4, 4): "IRN", (6, 6): "EGY"})
    state.parses[0][7].tag_ = "VBG"
    stage(state)
    agree = {d for d in dyads(state) if d[1] == "AGREE"}
    assert agree and {d[0] for d in agree} == {"IRN", "EGY"}


def test_proposer_of_an_accepted_plan_is_the_target(stage):
    # "Egypt accepted a truce proposed by Iran , after talks in Britain ."
    rows = [("Egypt", 1, "nsubj", "PROPN"), ("accepted", 1, "ROOT", "VERB"), ("a", 3, "det", "DET"),
            ("truce", 1, "obj", "NOUN"), ("proposed", 3, "acl", "VERB"), ("by", 6, "case", "ADP"),
            ("Iran", 4, "obl:agent", "PROPN"), (",", 9, "punct", "PUNCT"), ("after", 9, "case", "ADP"),
            ("talks", 1, "obl", "NOUN"), ("in", 11, "case", "ADP"), ("Britain", 9, "nmod", "PROPN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (6, 6): "IRN", (11, 11): "GBR"})
    state.parses[0][4].tag_ = "VBN"
    stage(state)
    agree = {d for d in dyads(state) if d[1] == "AGREE"}
    assert agree and all(d[0] == "EGY" and d[2] == "IRN" for d in agree)


def test_partner_of_the_pact_hung_on_another_clause(stage):
    # "Egypt agreed to free prisoners who crossed , in a deal with Iran ."
    rows = [("Egypt", 1, "nsubj", "PROPN"), ("agreed", 1, "ROOT", "VERB"), ("to", 3, "mark", "PART"),
            ("free", 1, "xcomp", "VERB"), ("prisoners", 3, "obj", "NOUN"), ("who", 6, "nsubj", "PRON"),
            ("crossed", 4, "acl:relcl", "VERB"), (",", 10, "punct", "PUNCT"), ("in", 10, "case", "ADP"),
            ("a", 10, "det", "DET"), ("deal", 6, "obl", "NOUN"), ("with", 12, "case", "ADP"),
            ("Iran", 10, "nmod", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (4, 4): "PSECVL", (12, 12): "IRN"})
    stage(state)
    agree = {d for d in dyads(state) if d[1] == "AGREE"}
    assert agree and all(d[0] == "EGY" and d[2] == "IRN" for d in agree)


def test_recipient_hung_on_the_object(stage):
    # "Egypt extradited an Iranian suspect to Britain ." with "to Britain" hung on "suspect"
    rows = [("Egypt", 1, "nsubj", "PROPN"), ("extradited", 1, "ROOT", "VERB"), ("an", 4, "det", "DET"),
            ("Iranian", 4, "amod", "ADJ"), ("suspect", 1, "obj", "NOUN"), ("to", 6, "case", "ADP"),
            ("Britain", 4, "nmod", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (3, 3): "IRN", (6, 6): "GBR"})
    stage(state)
    found = dyads(state)
    assert found and all(d[0] == "EGY" and d[2] == "GBR" for d in found)


def test_two_acts_of_one_type_keep_the_one_without_target(stage):
    # "Britain withdrew from the deal with Iran and imposed sanctions ." : SANCTION twice, one with no target
    rows = [("Britain", 1, "nsubj", "PROPN"), ("withdrew", 1, "ROOT", "VERB"), ("from", 4, "case", "ADP"),
            ("the", 4, "det", "DET"), ("deal", 1, "obl", "NOUN"), ("with", 6, "case", "ADP"),
            ("Iran", 4, "nmod", "PROPN"), ("and", 8, "cc", "CCONJ"), ("imposed", 1, "conj", "VERB"),
            ("sanctions", 8, "obj", "NOUN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "GBR", (6, 6): "IRN"})
    stage(state)
    codes = {e.cameo for e in state.events if e.type == "SANCTION"}
    assert len(codes) == 2, [(e.cameo, e.source, e.target) for e in state.events]


def test_preposition_hung_on_the_verb_as_its_particle(stage):
    # "Britain called on Iran to withdraw from Egyptian territory ." with "on" a particle and "Iran" a bare obl
    rows = [("Britain", 1, "nsubj", "PROPN"), ("called", 1, "ROOT", "VERB"), ("on", 1, "compound:prt", "ADP"),
            ("Iran", 1, "obl", "PROPN"), ("to", 5, "mark", "PART"), ("withdraw", 1, "advcl", "VERB"),
            ("from", 8, "case", "ADP"), ("Egyptian", 8, "amod", "ADJ"), ("territory", 5, "obl", "NOUN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "GBR", (3, 3): "IRN", (7, 7): "EGY"})
    stage(state)
    requests = {d for d in dyads(state) if d[1] == "REQUEST"}
    assert requests and all(d[0] == "GBR" and d[2] == "IRN" for d in requests)


def test_doer_named_before_the_noun_beats_its_prepositional_phrase(stage):
    # "Egypt vowed to respond to any Iranian arms sales to Hamas ." : "Iranian" modifies "arms", not "sales"
    rows = [("Egypt", 1, "nsubj", "PROPN"), ("vowed", 1, "ROOT", "VERB"), ("to", 3, "mark", "PART"),
            ("respond", 1, "xcomp", "VERB"), ("to", 8, "case", "ADP"), ("any", 8, "det", "DET"),
            ("Iranian", 7, "amod", "ADJ"), ("arms", 8, "compound", "NOUN"), ("sales", 3, "obl", "NOUN"),
            ("to", 10, "case", "ADP"), ("Hamas", 8, "nmod", "PROPN"), (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (6, 6): "IRN", (10, 10): "HAMAS"})
    stage(state)
    threats = {d for d in dyads(state) if d[1] == "THREATEN"}
    assert threats and all(d[2] == "IRN" for d in threats)


def test_a_nouns_own_name_beats_its_owner(stage):
    # "Egypt's special unit attacked Israel ." with the unit coded HAMAS: the unit acts, not its owner
    rows = [("Egypt", 3, "nmod:poss", "PROPN"), ("'s", 0, "case", "PART"), ("special", 3, "amod", "ADJ"),
            ("unit", 4, "nsubj", "NOUN"), ("attacked", 4, "ROOT", "VERB"), ("Israel", 4, "obj", "PROPN"),
            (".", 4, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "EGY", (2, 3): "HAMAS", (5, 5): "ISR"})
    stage(state)
    attacks = {d for d in dyads(state) if d[1] == "ASSAULT"}
    assert attacks and all(d[0] == "HAMAS" for d in attacks)
