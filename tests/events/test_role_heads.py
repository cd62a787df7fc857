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

