"""The event knowledge files agree with each other and with the PLOVER/CAMEO ontologies."""

from __future__ import annotations

from eventcoder.document import PLOVER_TYPES
from eventcoder.events.cameo import load_codes, quad_class
from eventcoder.events.lexicon import NOT_EVENT, LexiconIndex, inflections, load_entries
from eventcoder.events.plover import load_contexts, load_types


def test_plover_types_are_the_contract_sixteen():
    assert tuple(load_types()) == PLOVER_TYPES


def test_cameo_codes_map_into_plover():
    types, contexts = load_types(), load_contexts()
    for code in load_codes().values():
        assert code.type in types, code
        assert code.mode is None or code.mode in types[code.type].modes, code
        assert set(code.contexts) <= contexts, code
        assert -10 <= code.goldstein <= 10


def test_quad_class_follows_gdelt_roots():
    assert [quad_class(c) for c in ("051", "072", "111", "190", "0874", "145")] == [1, 2, 3, 4, 2, 4]


def test_lexicon_covers_every_type_richly():
    entries = [e for e in load_entries() if e.type != NOT_EVENT]
    types, contexts = load_types(), load_contexts()
    for entry in entries:
        assert entry.type in types and (entry.mode is None or entry.mode in types[entry.type].modes), entry
        assert set(entry.contexts) <= contexts, entry
    counts = {t: sum(1 for e in entries if e.type == t) for t in types}
    assert min(counts.values()) >= 15, counts


def test_inflections_and_most_specific_first():
    assert {"equipped", "equips", "equipping"} <= inflections("equip", "V")
    assert {"struck", "striking"} <= inflections("strike", "V")
    assert "difficulties" in inflections("difficulty", "N")
    first = LexiconIndex().candidates("imposed")[0]
    assert first.size > 1
