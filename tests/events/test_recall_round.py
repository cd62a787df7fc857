"""The recall round of issue 10: news phrasings of every type the lexicon lacked, and the faults that made events
out of words that only looked like triggers (a particle read across the object, a light verb read as a gift),
through the whole pipeline with the trained backbone. Every sentence here is written by the team."""

from __future__ import annotations

import pytest
from coding_helpers import analysed_events, factual_types

pytestmark = pytest.mark.backbone


@pytest.mark.parametrize(("text", "expected"), [
    ("Ankara gave assurances that it would keep the strait open to grain ships.", "AGREE"),
    ("Kenya signalled it was open to talks with the rebels.", "AGREE"),
    ("Scholz greeted the Indian prime minister at the chancellery.", "CONSULT"),
    ("The Qatari emir headed to Washington for talks at the White House.", "CONSULT"),
    ("Japan offered condolences to Turkey after the earthquake.", "SUPPORT"),
    ("Washington lent its backing to the Kenyan-led mission in Haiti.", "SUPPORT"),
    ("Tunisia's government rescinded the decree on fuel prices.", "CONCEDE"),
    ("The junta commuted the death sentences of three activists.", "CONCEDE"),
    ("The Serbian government abandoned plans for a lithium mine after mass protests.", "CONCEDE"),
    ("China and Russia held joint naval manoeuvres in the Sea of Japan.", "COOPERATE"),
    ("Qatar has channelled millions of dollars to Hamas.", "AID"),
    ("Russia ceded control of the island to Ukraine.", "RETREAT"),
    ("Iraq's prime minister stepped aside after weeks of protests.", "RETREAT"),
    ("The UN implored both sides to spare civilians.", "REQUEST"),
    ("Washington faulted Beijing for the collapse of the talks.", "ACCUSE"),
    ("The Philippines called in the Chinese ambassador.", "ACCUSE"),
    ("Israel poured cold water on the French peace initiative.", "REJECT"),
    ("Russia voted against the resolution on Ukraine.", "REJECT"),
    ("Moscow vowed retribution against Kyiv.", "THREATEN"),
    ("Farmers in France dumped manure outside government buildings.", "PROTEST"),
    ("The EU slapped export controls on Chinese firms.", "SANCTION"),
    ("Lithuania recalled its envoy from Beijing.", "SANCTION"),
    ("Turkey massed tanks on the Syrian border.", "MOBILIZE"),
    ("Belarusian police hauled in dozens of protesters.", "COERCE"),
    ("The Israeli navy boarded the ship bound for Gaza.", "COERCE"),
    ("Russian forces launched missiles at Kyiv overnight.", "ASSAULT"),
])
def test_recall_phrasing_is_coded_as_its_type(text, expected):
    assert expected in factual_types(text)


def test_missile_fired_into_the_sea_is_a_show_of_force_not_an_attack():
    assert factual_types("North Korea fired a ballistic missile into the sea.") == {"MOBILIZE"}


def test_a_phrase_of_the_object_is_not_the_particle_of_a_phrasal_verb():
    # "in" belongs to "the junta in Niamey", not to "give in"; "out" after the object still makes "pull out"
    assert "CONCEDE" not in factual_types("Nigeria gave the junta in Niamey a last chance to return to civilian rule.")
    assert "CONCEDE" in factual_types("The government gave in to the demands of the striking teachers.")
    assert "RETREAT" in factual_types("Israel pulled its last soldiers out of the Gaza Strip.")


def test_a_light_verb_with_an_act_for_object_is_not_a_gift():
    events = analysed_events("ECOWAS gave the junta in Niamey a one-week ultimatum to reinstate the president.")
    assert {e.type for e in events} == {"THREATEN"}


def test_leaving_an_intergovernmental_body_is_a_sanction_not_a_retreat():
    events = analysed_events("Mali, Niger and Burkina Faso quit ECOWAS in January.")
    assert {e.type for e in events} == {"SANCTION"} and len(events) == 3
    troops = analysed_events("Russia withdrew its troops from the buffer zone.")
    assert {e.type for e in troops} == {"RETREAT"}


def test_joint_drills_of_three_states_stay_cooperation_among_them():
    events = analysed_events("China, Russia and Iran held their first joint naval drills in the Indian Ocean.")
    assert {e.type for e in events} == {"COOPERATE"}
    assert {(e.source["code"], e.target["code"]) for e in events} == {
        (a, b) for a in ("CHN", "RUS", "IRN") for b in ("CHN", "RUS", "IRN") if a != b}


def test_giving_with_no_recipient_is_no_aid():
    assert "AID" not in factual_types("Police gave no details about the suspects.")
    assert "AID" in factual_types("Japan gave Sri Lanka a loan of 100 million dollars.")


def test_a_phrase_after_an_adverb_keeps_its_multiword_preposition():
    assert "SUPPORT" in factual_types("France voted overwhelmingly in favour of the resolution.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia's opposition was reviled by the Kremlin as a fifth column.", "ACCUSE"),
    ("South Korea's parliament impeached President Yoon.", "ACCUSE"),
    ("Militants butchered dozens of villagers in eastern Congo.", "ASSAULT"),
    ("The regime incarcerated hundreds of dissidents after the vote.", "COERCE"),
    ("Jordan extolled Egypt's role in the negotiations.", "SUPPORT"),
])
def test_wordnet_synonyms_kept_for_their_news_sense(text, expected):
    assert expected in factual_types(text)


def test_a_nominal_act_that_caused_or_was_judged_is_told_as_done():
    assert "SANCTION" in factual_types("The expulsion of Russian diplomats by Germany prompted a response from Moscow.")
    assert "COERCE" in factual_types("The arrest of the opposition leader by Ugandan police was condemned.")
    # what was demanded or measured need not have happened
    assert "CONCEDE" not in factual_types("The pardon of opposition prisoners was demanded by Congo's bishops.")


def test_due_set_and_likely_make_the_act_hypothetical():
    for text in ("Iran's president is set to visit Iraq next week.", "Israel is likely to reject the Egyptian plan."):
        events = analysed_events(text)
        assert events and all(e.hypothetical for e in events)


def test_crowds_arriving_make_no_visit():
    assert not analysed_events("Thousands of Sudanese refugees arrived in Chad.")
    assert "CONSULT" in factual_types("Kenya's president arrived in Addis Ababa.")


def test_a_passive_takes_every_word_of_the_object_before_it():
    assert "AID" in factual_types("Turkish rescue teams were sent to Morocco after the earthquake.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Niger revoked the military agreement with the United States.", "SANCTION"),
    ("Russia moved nuclear-capable missiles to Kaliningrad.", "MOBILIZE"),
    ("The Indian army rushed reinforcements to Ladakh.", "MOBILIZE"),
    ("Moscow designated the journalist a foreign agent.", "COERCE"),
])
def test_more_recall_phrasings(text, expected):
    assert expected in factual_types(text)


@pytest.mark.parametrize("text", [
    "The two rivals struck a careful balance in their statements.",
    "The Kenyan army is prepared for any attack by al-Shabaab.",
    "Hamas accepted responsibility for the failure of the talks.",
    "The proposed law was published in Ankara on Monday.",
])
def test_idioms_and_descriptions_holding_a_trigger_word_are_no_events(text):
    assert not [e for e in analysed_events(text) if not e.hypothetical]


def test_a_promise_to_press_ahead_or_fight_corruption_threatens_no_one():
    for text in ("Kenya's government vowed to press ahead with the tax reforms.",
                 "Egypt's new cabinet pledged to fight corruption."):
        assert not factual_types(text) & {"THREATEN", "REQUEST", "ASSAULT"}


def test_atrocities_committed_are_assaults_and_a_vow_carried_on_is_a_threat():
    assert factual_types("Russian troops committed atrocities in Bucha.") == {"ASSAULT"}
    assert "THREATEN" in factual_types("The rebels vowed to keep fighting until the government falls.")


def test_offering_no_details_is_no_offer():
    assert not analysed_events("The ministry offered no details about the casualties.")


def test_readiness_to_strike_is_a_threat():
    assert "THREATEN" in factual_types("Iran said it was ready to strike Israel again.")


@pytest.mark.parametrize("text", [
    "Police in Seoul questioned the former president for six hours.",
    "Seoul's prosecutors opened a case against the former defence minister.",
    "Beijing took a swipe at Washington over its chip curbs.",
    "Egypt's president bemoaned the lack of international action on Gaza.",
])
def test_more_accusations(text):
    assert "ACCUSE" in factual_types(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Hungary lifted its veto on the new sanctions package.", "CONCEDE"),
    ("Tehran admitted responsibility for downing the airliner.", "CONCEDE"),
    ("Bahrain restored the citizenship of dozens of activists.", "CONCEDE"),
    ("The Gulf states poured billions into Egypt's economy.", "AID"),
    ("The United States sent HIMARS launchers to Ukraine.", "AID"),
    ("Algeria closed its airspace to Moroccan planes.", "SANCTION"),
    ("Chinese and Pakistani air forces trained together over the Arabian Sea.", "COOPERATE"),
    ("Kenyan police worked with Haitian officers to secure Port-au-Prince.", "COOPERATE"),
])
def test_concessions_aid_sanctions_and_cooperation_in_other_words(text, expected):
    assert expected in factual_types(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Ethiopia amassed soldiers near the Eritrean border.", "MOBILIZE"),
    ("Russia stationed Iskander missiles in Belarus.", "MOBILIZE"),
    ("The Venezuelan army staged a military parade near the Guyanese border.", "MOBILIZE"),
    ("Georgians massed outside parliament for a fourth night.", "PROTEST"),
    ("Israel revoked the work permits of Palestinians from Gaza.", "COERCE"),
])
def test_forces_crowds_and_permits(text, expected):
    assert expected in factual_types(text)


def test_granting_candidate_status_is_support_not_aid():
    events = analysed_events("The EU granted Georgia candidate status at a summit in Brussels.")
    assert {e.type for e in events} == {"SUPPORT"}


def test_officials_gathering_is_no_protest_and_a_discussed_dispute_no_accusation():
    assert "PROTEST" not in factual_types("Kenyan and Somali officials gathered in Nairobi for border talks.")
    types = factual_types("Turkish and Greek leaders discussed the Aegean dispute on the sidelines of the NATO summit.")
    assert "CONSULT" in types and "ACCUSE" not in types


def test_rights_groups_documenting_abuses_accuse():
    events = analysed_events("Human Rights Watch documented abuses by Ugandan police.")
    assert [(e.type, e.source["code"], e.target["code"]) for e in events] == [("ACCUSE", "HRW", "UGACOP")]
