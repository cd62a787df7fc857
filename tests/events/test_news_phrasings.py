"""Phrasings news uses that the first lexicon missed, through the whole pipeline with the trained backbone:
hyphenated triggers the tokenizer splits, light verbs and phrasal verbs, nominal events with their holders,
weapons standing for an unnamed force, and descriptions that are not events."""

from __future__ import annotations

import pytest
from coding_helpers import analysed_events, factual_types

pytestmark = pytest.mark.backbone


@pytest.mark.parametrize(("text", "expected"), [
    ("North Korea test-fired two short-range ballistic missiles into the sea.", "MOBILIZE"),
    ("Students staged a sit-in against the government in Belgrade.", "PROTEST"),
    ("Poland placed its air force on high alert.", "MOBILIZE"),
    ("Armenia called up reservists as fighting flared on the border.", "MOBILIZE"),
    ("Hamas freed two elderly Israeli women.", "RETREAT"),
    ("The rebels laid down their weapons at a ceremony in Bangui.", "RETREAT"),
    ("The World Food Programme airdropped food to families in Deir ez-Zor.", "AID"),
    ("Germany shipped a Patriot air-defence system to Ukraine.", "AID"),
    ("Serbia and Kosovo struck a deal on car licence plates.", "AGREE"),
    ("Germany threw its weight behind the Dutch bid to lead NATO.", "SUPPORT"),
    ("The United States expressed concern about the arrests of opposition figures in Tanzania.", "ACCUSE"),
    ("Beijing brushed aside calls to condemn the invasion.", "REJECT"),
    ("Mali kicked out the UN peacekeeping mission.", "SANCTION"),
    ("Uganda placed opposition leader Bobi Wine under house arrest.", "COERCE"),
    ("Hundreds of garment workers in Bangladesh walked off the job to demand higher wages.", "PROTEST"),
])
def test_phrasing_is_coded_as_its_type(text, expected):
    assert expected in factual_types(text)


def test_adjective_tagged_verb_after_an_actor():
    events = analysed_events("The White House eased restrictions on remittances to Cuba.")
    assert [e.type for e in events] == ["CONCEDE"] and events[0].cameo == "081"


def test_sit_in_takes_its_holders_from_by():
    events = analysed_events("A sit-in by Sudanese protesters outside army headquarters entered its third week.")
    assert [(e.type, e.source["code"]) for e in events] == [("PROTEST", "SDNCVL")]


def test_being_on_strike_names_the_strikers():
    events = analysed_events("Kenyan teachers have been on strike since Monday.")
    assert [(e.type, e.mode, e.source["code"]) for e in events] == [("PROTEST", "strike", "KENEDU")]


def test_crowd_storming_an_embassy_is_a_riot_not_a_war():
    events = analysed_events("Angry crowds stormed the Swedish embassy in Baghdad.")
    assert {e.type for e in events} == {"PROTEST"}
    assert all(e.mode == "riot" for e in events)


def test_jets_stand_for_an_unnamed_force_not_for_the_witnesses():
    events = analysed_events("Residents said army jets had bombed RSF positions.")
    assert [(e.type, e.source, e.target["code"]) for e in events] == [("ASSAULT", None, "RSF")]


def test_call_in_which_an_act_is_done_is_a_consult_too():
    events = analysed_events("Erdogan congratulated Putin on his re-election in a phone call.", "2024-03-19")
    assert {(e.type, e.source["code"], e.target["code"]) for e in events} == {
        ("SUPPORT", "TURGOV", "RUSGOV"), ("CONSULT", "TURGOV", "RUSGOV")}


def test_refused_offer_is_not_an_offer_event():
    assert factual_types("The Taliban spurned the Afghan government's offer of peace talks.") == {"REJECT"}


@pytest.mark.parametrize("text", [
    "Tensions between Serbia and Kosovo remain high, analysts say.",
    "The sanctions regime against North Korea has largely failed to slow its weapons programme.",
])
def test_described_state_is_no_event(text):
    assert analysed_events(text) == []


def test_summit_of_an_organisation_is_its_meeting():
    events = analysed_events("The decision came at an emergency summit of the Economic Community of West African States.")
    assert [(e.type, e.source["code"]) for e in events] == [("CONSULT", "ECOWAS")]


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Tens of thousands poured into the streets of Santiago to protest against inequality.", "2019-10-26",
     ("PROTEST", "CHLCVL")),
    ("Truck drivers blockaded the border crossing with Poland.", "2023-11-20", ("PROTEST", "POLLAB")),
])
def test_crowd_no_actor_stands_for_protests_as_civilians_of_the_place(text, published, expected):
    assert expected in {(e.type, (e.source or {}).get("code")) for e in analysed_events(text, published)}


def test_weapons_against_people_are_no_crowd():
    events = analysed_events("Dozens of villagers were killed in a raid on their village in Zamfara.", "2023-05-01")
    assert "PROTEST" not in {e.type for e in events}


def test_hang_needs_someone_hanged():
    assert analysed_events("The threat of a trade war between the United States and China hangs over markets.") == []
    assert "ASSAULT" in {e.type for e in analysed_events("Saddam Hussein was hanged in Baghdad.", "2006-12-30")}


def test_own_announcement_of_future_aid_is_an_offer():
    events = analysed_events("Mexico will send medical supplies to Cuba next week, the foreign minister said.", "2023-02-10")
    assert [(e.type, e.source["code"], e.target["code"], e.hypothetical) for e in events] == [
        ("AGREE", "MEX", "CUB", False)]


def test_refusing_to_rule_out_is_no_rejection():
    events = analysed_events("Would NATO send troops to Ukraine? Macron refused to rule it out.", "2024-02-27")
    assert [(e.type, e.hypothetical) for e in events] == [("MOBILIZE", True)]


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("A Cairo court jailed the former president for 20 years.", "2015-04-21", ("SANCTION", "convict")),
    ("The EU banned Russian state media outlets from broadcasting in the bloc.", "2022-03-02",
     ("SANCTION", "discontinue")),
    ("Thailand's government gave in to protesters' demands and dissolved parliament.", "2013-12-09",
     ("CONCEDE", None)),
])
def test_who_does_it_to_whom_decides_the_type(text, published, expected):
    assert expected in {(e.type, e.mode) for e in analysed_events(text, published)}


def test_gerund_nominal_under_a_resuming_verb():
    events = analysed_events("Seoul and Tokyo resumed intelligence sharing under their 2016 pact.", "2023-03-21")
    assert {(e.type, e.source["code"], e.target["code"]) for e in events} == {
        ("COOPERATE", "KOR", "JPN"), ("COOPERATE", "JPN", "KOR")}


def test_drills_held_by_two_states_are_joint():
    events = analysed_events("Russia and Belarus began military drills near the Ukrainian border.", "2022-02-10")
    assert {e.type for e in events} == {"COOPERATE"}
    assert {e.type for e in analysed_events("China held military drills around Taiwan.", "2023-04-08")} == {"MOBILIZE"}


def test_weak_trigger_inside_a_hyphenated_adjective_is_no_act():
    events = analysed_events("India rushed food and medicine to earthquake-hit Nepal.", "2015-04-27")
    assert [e.type for e in events] == ["AID"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Talks between Iran and Saudi Arabia took place in Baghdad.", "CONSULT"),
    ("Iraq shipped oil to China through the Gulf.", "COOPERATE"),
    ("Moscow declared two Latvian diplomats persona non grata.", "SANCTION"),
    ("The UN General Assembly suspended Russia from the Human Rights Council.", "SANCTION"),
    ("Colombia's president took issue with Washington's decision to decertify the country.", "ACCUSE"),
    ("Egypt hosted talks between Hamas and Fatah on a unity government.", "CONSULT"),
    ("The World Bank lent Kenya 1 billion dollars to support its budget.", "AID"),
    ("Estonia raised its defence readiness level after the drone incursions.", "MOBILIZE"),
])
def test_more_phrasings(text, expected):
    assert expected in factual_types(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Washington called the election a sham.", ("ACCUSE", "disapprove")),
    ("Germany described the arrests as politically motivated.", ("ACCUSE", "disapprove")),
    ("China's top diplomat called the deal a victory for dialogue and peace.", ("SUPPORT", None)),
])
def test_calling_something_something_is_a_judgement(text, expected):
    assert [(e.type, e.mode) for e in analysed_events(text)] == [expected]


def test_a_day_after_call_is_no_call_on():
    events = analysed_events("Biden called Putin on Tuesday.")
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "phone")]


def test_described_conditions_are_no_events():
    assert analysed_events("Aid groups say access to northern Gaza remains severely restricted.", "2024-03-18") == []
    assert analysed_events("The agreement, signed in 2015, limits Iran's uranium enrichment.", "2018-05-08") == []


def test_scheduled_visit_is_hypothetical():
    events = analysed_events("A visit by the Chinese premier to Canberra is scheduled for June.", "2024-05-20")
    assert [(e.type, e.hypothetical) for e in events] == [("CONSULT", True)]
