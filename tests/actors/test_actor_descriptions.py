"""Descriptions, plurals and organisations the event coder needs the actors stage to find (issues #4/#10).

Each case is a sentence written for the test; the expected codes follow the conventions in HELPERS.md and the
gold-set guidelines (state + sector for a country's agents, an organisation's own code otherwise).
"""

from __future__ import annotations

import pytest

CASES = [
    # a demonym before a plural sector noun makes a state agent
    ("Saudi agents were accused of the killing.", "Saudi agents", "SAUSPY"),
    ("The EU froze the assets of two Russian banks.", "Russian banks", "RUSBUS"),
    ("Sanctions hit Iranian oil exporters.", "Iranian oil exporters", "IRNBUS"),
    ("Japanese destroyers sailed through the strait.", "Japanese destroyers", "JPNMIL"),
    ("Indian and French navies held drills.", "French navies", "FRAMIL"),
    ("Russian bombers flew near the coast.", "Russian bombers", "RUSMIL"),
    ("Syrian tanks entered the town.", "Syrian tanks", "SYRMIL"),
    ("Kyiv said Ukrainian pilots had finished training.", "Ukrainian pilots", "UKRMIL"),
    ("A Malaysian patrol boat fired warning shots.", "Malaysian patrol boat", "MYSCOP"),
    ("Indonesian fishermen were detained at sea.", "Indonesian fishermen", "IDNCVL"),
    ("Afghan interpreters were granted visas.", "Afghan interpreters", "AFGCVL"),
    ("Palestinian prisoners began a hunger strike.", "Palestinian prisoners", "PSECVL"),
    ("Ethiopian athletes boycotted the ceremony.", "Ethiopian athletes", "ETHCVL"),
    ("Pakistan's central bank raised rates.", "Pakistan's central bank", "PAKGOV"),
    ("Japan's emperor voiced remorse.", "Japan's emperor", "JPNGOV"),
    ("Vilnius summoned the Belarusian charge d'affaires.", "Belarusian charge d'affaires", "BLRGOV"),
    ("The Catholic bishops of Congo demanded a pardon.", "Catholic bishops of Congo", "CODREL"),
    ("Assad's troops advanced as Syrian government forces shelled the town.", "Syrian government forces", "SYRMIL"),
    ("A Belarusian military convoy moved to the border.", "Belarusian military convoy", "BLRMIL"),
    ("Chinese medical teams arrived with ventilators.", "Chinese medical teams", "CHNMED"),
    ("Baku did not let the Russian peacekeepers in.", "Russian peacekeepers", "RUSMIL"),
    ("Data was exchanged between Pakistani and Afghan central banks.", "Afghan central banks", "AFGGOV"),
    # descriptions that name an actor with no owner
    ("Suicide bombers struck two churches.", "Suicide bombers", "UAF"),
    ("Rebel fighters seized the airport.", "Rebel fighters", "REB"),
    ("The government pardoned rebel leaders.", "rebel leaders", "REB"),
    ("Authorities released political prisoners.", "political prisoners", "OPP"),
    ("Opposition supporters rioted after the results.", "Opposition supporters", "OPP"),
    ("Ankara may ban the main opposition party.", "opposition party", "OPP"),
    ("Rebels said government aircraft had dropped the bombs.", "government aircraft", "MIL"),
    ("Managua stripped more than 300 critics of their citizenship.", "critics", "OPP"),
    # organisations and their descriptive names
    ("Turkey gave the Kurdish militia 48 hours to leave.", "Kurdish militia", "SDF"),
    ("Israel cut ties with the UN relief agency for Palestinian refugees.",
     "UN relief agency for Palestinian refugees", "UNRWA"),
    ("Canberra resumed funding the UN agency for Palestinian refugees.", "UN agency for Palestinian refugees", "UNRWA"),
    ("Islamabad lifted its ban on the Tehreek-e-Labbaik party.", "Tehreek-e-Labbaik party", "TLP"),
    ("The call was echoed by the Lima Group.", "Lima Group", "LIMA_GROUP"),
    ("A spokesman said Shell would stop buying the oil.", "Shell", "GBRBUS"),
    ("Minsk forced a Ryanair plane to land.", "Ryanair", "IRLBUS"),
    ("Moscow banned the newspaper Novaya Gazeta Europe.", "Novaya Gazeta Europe", "RUSJRN"),
    ("Police raided the offices of Confidencial.", "Confidencial", "NICJRN"),
]


@pytest.mark.parametrize(("text", "span", "expected"), CASES, ids=[c[1] for c in CASES])
def test_description_is_coded(code, mention, text, span, expected):
    actor = mention(code(text), span)
    assert actor is not None, f"{span!r} not found in {text!r}"
    assert actor.code == expected


def test_an_ownerless_legislature_joins_the_state_in_focus(code, mention):
    state = code("The White House said Biden would ask Congress for more aid.")
    assert mention(state, "Congress").code == "USALEG"
    assert mention(code("The party congress elected a new leader."), "party congress").sector == "PTY"
    state = code("Turkish prosecutors pressed charges. Turkish authorities demanded that parliament lift his immunity.")
    assert mention(state, "parliament").code == "TURLEG"


def test_general_strike_is_labour_not_a_general(code, mention):
    state = code("The Nigerian government reversed the cut after a general strike.")
    assert mention(state, "general") is None
    assert mention(state, "general strike").sector == "LAB"


def test_new_plurals_keep_their_singular_sector(kb):
    """A plural added for the gold set must not contradict the singular the base already had."""
    pairs = [("suicide bomber", "suicide bombers"), ("rebel leader", "rebel leaders"),
             ("opposition leader", "opposition leaders"), ("patrol boat", "patrol boats"), ("bishop", "bishops")]
    for singular, plural in pairs:
        assert kb.sectors[singular].sector == kb.sectors[plural].sector
        assert kb.sectors[plural].plural and not kb.sectors[singular].plural


def test_plural_titles_are_derived(code, mention):
    state = code("The pope met the presidents of Israel and Palestine. Israeli spokesmen denied it.")
    assert mention(state, "presidents of Israel").code == "ISRGOV"
    assert mention(state, "Palestine").code == "PSEGOV"
    assert mention(state, "Israeli spokesmen").code == "ISRGOV"
    assert mention(code("Russian oligarchs were sanctioned."), "Russian oligarchs").code == "RUSELI"


def test_plural_exceptions_stay_unmatched(kb):
    """Places and mass nouns get no derived plural: "three churches" were attacked as buildings."""
    assert "churches" not in kb.sectors and "publics" not in kb.sectors and "deputies" not in kb.sectors
    assert kb.sectors["ambassadors"].plural and kb.sectors["ambassadors"].sector == "GOV"
    assert kb.sectors["heads of state"].sector == "GOV"


def test_plural_of_handles_irregular_heads():
    from eventcoder.actors.knowledge import plural_of
    assert plural_of("spokeswoman") == "spokeswomen"
    assert plural_of("secretary of state") == "secretaries of state"
    assert plural_of("boss") == "bosses"
    assert plural_of("deputy prime minister") == "deputy prime ministers"


def test_northern_irish_is_british_not_irish(code, mention):
    state = code("Rioters pelted police in the Northern Irish town of Ballymena.")
    assert mention(state, "Northern Irish").code == "GBR"
    assert mention(state, "Irish") is None


def test_a_newspaper_and_detainees_are_actors_alone(code, mention):
    assert mention(code("Police raided an opposition newspaper."), "newspaper").sector == "JRN"
    assert mention(code("The guards beat detainees."), "detainees").sector == "CVL"


def test_an_aid_convoy_is_no_military(code, mention):
    state = code("Kyiv refused to let the Russian aid convoy enter.")
    assert all(m.actor.sector != "MIL" for m in state.mentions)
