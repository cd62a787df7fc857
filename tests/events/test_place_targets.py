"""The table of which events take a named place's state as their target agrees with the PLOVER ontology, and a
mode's row overrides its type's."""

from __future__ import annotations

from eventcoder.events.plover import load_types
from eventcoder.events.stage import place_reach, place_reach_of


def test_place_target_rows_name_plover_types_modes_and_known_reaches():
    types = load_types()
    for (type_, mode), reach in place_reach().items():
        assert type_ in types, type_
        assert not mode or mode in types[type_].modes, (type_, mode)
        assert reach in ("any", "abroad", "none"), reach


def test_a_mode_row_overrides_its_type_and_unlisted_types_take_no_place():
    assert place_reach_of("RETREAT", "withdraw") == "any"
    assert place_reach_of("RETREAT", "resign") == "none"  # a resignation announced abroad is aimed at no one there
    assert place_reach_of("CONSULT", None) == "abroad"
    assert place_reach_of("ACCUSE", None) == "none"
