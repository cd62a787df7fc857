"""The coding conventions the gold guidelines settle (bench/data/GUIDELINES.md, "Codes"), and the resolver gaps
found against them: crowds and worshippers are civilians, plural demonyms for people are civilians, a coast guard
is police, a people of one state is that state's agent, and an ownerless body takes the state of its "in X"."""

from __future__ import annotations

import pytest

CASES = [
    ("Kazakh protesters set fire to a town hall in the south.", "Kazakh protesters", "KAZCVL"),
    ("Serbian marchers reached the capital at dawn.", "Serbian marchers", "SRBCVL"),
    ("Palestinian worshippers prayed in the rain.", "Palestinian worshippers", "PSECVL"),
    ("Greek coast guard officers towed the boat.", "Greek coast guard", "GRCCOP"),
    ("The Chinese coast guard boarded a fishing boat.", "Chinese coast guard", "CHNCOP"),
    ("Tuareg rebels withdrew from the town.", "Tuareg rebels", "MLIREB"),
    ("Bangladesh moved Rohingya refugees to an island.", "Rohingya refugees", "MMRREF"),
    ("Thousands of Algerians marched on Friday.", "Algerians", "DZACVL"),
    ("The group released 13 Israelis overnight.", "Israelis", "ISRCVL"),
    ("Riot police dispersed protesters in Nairobi.", "protesters", "KENCVL"),
    ("The junta in Guinea dissolved the cabinet.", "junta", "GINMIL"),
    ("Soldiers in Niger detained the president.", "Soldiers", "NERMIL"),
    ("A Cairo court jailed three reporters.", "Cairo court", "EGYJUD"),
    ("Manila's foreign ministry summoned the envoy.", "Manila's foreign ministry", "PHLGOV"),
]


@pytest.mark.parametrize("text, mention_text, expected", CASES)
def test_settled_conventions(code, mention, text, mention_text, expected):
    actor = mention(code(text), mention_text)
    assert actor is not None and actor.code == expected


def test_the_opposition_stays_opposition(code, mention):
    assert mention(code("Belarusian opposition leaders met in Vilnius."), "Belarusian opposition leaders").code \
        == "BLROPP"


def test_a_demonym_for_the_state_stays_bare(code, mention):
    state = code("The Israelis rejected the proposal, and the Swiss summit ended early.")
    assert mention(state, "Israelis").code == "ISR"
    assert mention(state, "Swiss").code == "CHE"


def test_a_preposition_is_no_modifier(code):
    state = code("The strikes hit Israel despite public anger.")
    assert [m.text for m in state.mentions] == ["Israel"]
    assert state.mentions[0].actor.code == "ISR"


def test_a_people_name_inside_a_longer_name_is_skipped(code):
    assert not [m for m in code("Karen Bass visited Tamil Nadu.").mentions if m.actor.code in ("MMRCVL", "LKACVL")]


@pytest.mark.parametrize("date, expected", [("2007-12-20", "KENOPP"), ("2004-06-01", "KENGOV"),
                                            ("2010-03-01", "KENGOV"), ("2017-08-08", "KENOPP")])
def test_odinga_is_coded_by_the_role_of_the_date(code, mention, date, expected):
    assert mention(code("Raila Odinga addressed supporters in Kisumu.", date), "Raila Odinga").code == expected


@pytest.mark.parametrize("text, mention_text, expected", [
    ("The army and the protest leaders in Sudan agreed to share power.", "protest leaders", "SDNCVL"),
    ("Yellow vest protesters blocked a roundabout.", "Yellow vest protesters", "FRACVL"),
    ("Thai red shirts rallied again.", "red shirts", "THAOPP"),
])
def test_named_movements_and_protest_leaders(code, mention, text, mention_text, expected):
    assert mention(code(text), mention_text).code == expected


def test_a_pronouns_body_in_a_capital_is_not_that_capitals_government(code):
    state = code("The Syrian opposition said the envoy had met its leaders in Cairo.")
    assert not [m for m in state.mentions if m.actor.code in ("EGY", "EGYGOV")]


def test_customs_are_police(code, mention):
    assert mention(code("Lithuanian customs officers blocked the goods."), "Lithuanian customs officers").code == "LTUCOP"


def test_coordinated_demonyms_share_the_noun(code):
    state = code("Ghanaian and Ivorian customs officers seized smuggled cocoa.")
    assert [m.actor.code for m in state.mentions] == ["GHACOP", "CIVCOP"]
    assert state.mentions[0].coordination is not None
    assert state.mentions[0].coordination == state.mentions[1].coordination


@pytest.mark.parametrize("text, first", [
    ("Greek and Turkish military officials held technical talks.", "GRCMIL"),
    ("Egyptian and Saudi naval forces held an exercise.", "EGYMIL"),
    ("Saudi and Iranian officials met in Beijing.", "SAUGOV"),
])
def test_the_first_of_two_demonyms_is_an_agent_too(code, text, first):
    assert code(text).mentions[0].actor.code == first


def test_foreign_troops_are_not_the_host_states(code):
    codes = [m.actor.code for m in code("Russia kept troops in Syria.").mentions]
    assert "SYRMIL" not in codes
