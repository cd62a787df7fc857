"""Role heads the parser hides: a group qualified by the place it is in ("opposition supporters in Guinea") read off
the surface as the group, not the place; the addressee of a demand "that X do Y" is X, even when the parser folds
the clause into one noun phrase; on hand-built UD parses (no trained backbone needed)."""

from __future__ import annotations

from coding_helpers import build, dyads


def test_surface_source_is_the_group_a_place_qualifies_not_the_place(stage):
    # "Iranian students in Iran did not march ." with "march" mis-tagged as a noun (the parse the backbone gives)
    rows = [("Iranian", 1, "amod", "ADJ"), ("students", 6, "nsubj", "NOUN"), ("in", 3, "case", "ADP"),
            ("Iran", 1, "nmod", "PROPN"), ("did", 6, "aux", "AUX"), ("not", 6, "advmod", "PART"),
            ("march", 6, "ROOT", "NOUN"), (".", 6, "punct", "PUNCT")]
    state = build(rows, {(0, 1): "IRNEDU", (3, 3): "IRN"})
    state.mentions[1].locative = True
    stage(state)
    protests = [d for d in dyads(state) if d[1] == "PROTEST"]
    assert protests and all(d[0] == "IRNEDU" for d in protests)


def test_surface_source_is_still_a_place_that_qualifies_no_group(stage):
    # "Hundreds in Iran did not march ." : nobody named before "in", so the place stays the nearest actor
    rows = [("Hundreds", 5, "nsubj", "NOUN"), ("in", 2, "case", "ADP"), ("Iran", 0, "nmod", "PROPN"),
            ("did", 5, "aux", "AUX"), ("not", 5, "advmod", "PART"), ("march", 5, "ROOT", "NOUN"),
            (".", 5, "punct", "PUNCT")]
    state = build(rows, {(2, 2): "IRN"})
    state.mentions[0].locative = True
    stage(state)
    assert not any(d[0] == "IRNEDU" for d in dyads(state))


def test_demand_that_x_do_y_is_addressed_to_x_in_a_folded_parse(stage):
    # "Britain demanded that Iran reinstate Haniyeh ." with the clause folded into a noun phrase
    rows = [("Britain", 1, "nsubj", "PROPN"), ("demanded", 1, "ROOT", "VERB"), ("that", 5, "det", "SCONJ"),
            ("Iran", 4, "compound", "PROPN"), ("reinstate", 5, "compound", "NOUN"), ("Haniyeh", 1, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "GBR", (3, 3): "IRN", (5, 5): "HAMASP"})
    stage(state)
    requests = {d for d in dyads(state) if d[1] == "REQUEST"}
    assert requests == {("GBR", "REQUEST", "IRN", False, False)}



def _allowed_by(agent_head: int) -> list[tuple]:
    # "Aid convoys were allowed into the town by Israel ." with "by Israel" hung on `agent_head`
    return [("Aid", 1, "compound", "NOUN"), ("convoys", 3, "nsubj:pass", "NOUN"), ("were", 3, "aux:pass", "AUX"),
            ("allowed", 3, "ROOT", "VERB"), ("into", 6, "case", "ADP"), ("the", 6, "det", "DET"),
            ("town", 3, "obl", "NOUN"), ("by", 8, "case", "ADP"), ("Israel", agent_head, "nmod", "PROPN"),
            (".", 3, "punct", "PUNCT")]


def test_passive_agent_hung_on_a_noun_of_the_clause_is_the_source(stage):
    state = build(_allowed_by(6), {(8, 8): "ISR"})
    stage(state)
    retreats = [d for d in dyads(state) if d[1] == "RETREAT"]
    assert retreats and all(d[0] == "ISR" and d[2] != "ISR" for d in retreats)


def test_agent_of_another_events_noun_is_not_the_passive_source(stage):
    # "Aid convoys were allowed after protests by Israel ." : the doer of the protests, not of the allowing
    rows = [("Aid", 1, "compound", "NOUN"), ("convoys", 3, "nsubj:pass", "NOUN"), ("were", 3, "aux:pass", "AUX"),
            ("allowed", 3, "ROOT", "VERB"), ("after", 5, "case", "ADP"), ("protests", 3, "obl", "NOUN"),
            ("by", 7, "case", "ADP"), ("Israel", 5, "nmod", "PROPN"), (".", 3, "punct", "PUNCT")]
    state = build(rows, {(7, 7): "ISR"})
    stage(state)
    assert not any(d[1] == "RETREAT" and d[0] == "ISR" for d in dyads(state))


def test_threat_naming_only_its_condition_targets_the_conditions_subject(stage):
    # "Iran threatened consequences if Britain acted ." with the "if" clause parsed as a parataxis
    rows = [("Iran", 1, "nsubj", "PROPN"), ("threatened", 1, "ROOT", "VERB"), ("consequences", 1, "obj", "NOUN"),
            ("if", 5, "mark", "SCONJ"), ("Britain", 5, "nsubj", "PROPN"), ("acted", 1, "parataxis", "VERB"),
            (".", 1, "punct", "PUNCT")]
    state = build(rows, {(0, 0): "IRN", (4, 4): "GBR"})
    stage(state)
    assert ("IRN", "THREATEN", "GBR", False, False) in dyads(state)



def test_aid_to_people_in_a_town_abroad_goes_to_them_and_aid_to_the_town_to_its_state():
    from types import SimpleNamespace

    from eventcoder.events.stage import _PEOPLED, place_target
    town = SimpleNamespace(country="LBN", feature=min(_PEOPLED), name="Beirut")
    country = SimpleNamespace(country="LBN", feature="country", name="Lebanon")
    aid = SimpleNamespace(type="AID", cameo="073")
    source = {"code": "MSF", "country": None, "kind": "organization", "sector": "NGO"}
    assert place_target(aid, source, town, "abroad", people=True)["code"] == "LBNCVL"  # "families in Beirut"
    assert place_target(aid, source, town, "abroad")["code"] == "LBN"  # "sent aid to Beirut"
    assert place_target(aid, source, country, "abroad", people=True)["code"] == "LBN"
