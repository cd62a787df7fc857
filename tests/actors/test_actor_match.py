"""Alias matching: word boundaries, capitals, ALL-CAPS text, transliterations."""

from __future__ import annotations

import pytest

from eventcoder.actors.match import find_hits, is_shouting


def targets(kb, text):
    return [(h.text, sorted({e.target for e in h.entries})) for h in find_hits(kb, text)]


def test_word_boundaries(kb):
    hits = [h.text for h in find_hits(kb, "The Hamas-run ministry said Irani traders and Iranians met.")]
    assert "Hamas" in hits
    assert "Iran" not in hits and "Irani" not in hits
    assert "Iranians" in hits


def test_longest_match_wins(kb):
    hits = [h.text for h in find_hits(kb, "Palestine Islamic Jihad and the Islamic Republic of Iran")]
    assert hits == ["Palestine Islamic Jihad", "Islamic Republic of Iran"]


def test_acronyms_need_capitals(kb):
    assert not any(h.text == "us" for h in find_hits(kb, "They told us that the talks failed."))
    assert any(h.text == "US" for h in find_hits(kb, "The US said the talks failed."))
    assert not any(h.text == "who" for h in find_hits(kb, "Those who fled were refugees."))


@pytest.mark.parametrize("text", ["US AND SOUTH KOREA HOLD JOINT DRILLS", "HAMAS SAYS TRUCE TALKS STALLED"])
def test_all_caps_headlines_are_detected(text):
    assert is_shouting(text)
    assert not is_shouting(text.title())


def test_all_caps_codes(code, mention):
    state = code("US AND SOUTH KOREA HOLD JOINT DRILLS AS NORTH KOREA FIRES MISSILE")
    assert [m.actor.code for m in state.mentions] == ["USA", "KOR", "PRK"]
    state = code("IRAN SAYS IAEA REPORT IS POLITICALLY MOTIVATED")
    assert [m.actor.code for m in state.mentions] == ["IRN", "IAEA"]  # "IS" is a verb here, not the group
    assert mention(code("HEZBOLLAH CLAIMS DRONE ATTACK"), "HEZBOLLAH").code == "HEZBOLLAH"


@pytest.mark.parametrize("spelling", ["Hezbollah", "Hizbullah", "Hizballah", "Hizbollah"])
def test_hezbollah_transliterations(code, spelling, mention):
    assert mention(code(f"{spelling} fired rockets at the border."), spelling).code == "HEZBOLLAH"


@pytest.mark.parametrize("spelling", ["Haniyeh", "Haniya", "Hanieh", "Ismail Haniyah"])
def test_haniyeh_transliterations(code, spelling, mention):
    actor = mention(code(f"{spelling} spoke to reporters.", "2020-01-01"), spelling)
    assert (actor.code, actor.kind, actor.country) == ("HAMAS", "person", "PSE")
