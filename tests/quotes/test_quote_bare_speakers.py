"""Bare-noun speakers ("witnesses said", "residents of X told Reuters") and the country they are placed in."""

from __future__ import annotations

import pytest
from stagerun import analyse, at

from eventcoder.pipeline import Analysis, Pipeline
from eventcoder.quotes.assign import reporter_for
from eventcoder.quotes.attribution import load_lexicon
from eventcoder.quotes.groups import group_mentions, place_country


@pytest.fixture(scope="module")
def pipeline(through_quotes) -> Pipeline:
    return through_quotes


def quote_of(state: Analysis, words: str):
    pos = state.text.index(words)
    return next(q for q in state.quotes if q.start <= pos < q.end)


def groups(text: str, places: list[tuple[int, int, str]] = ()) -> list[tuple[str, str | None, str | None]]:
    lex = load_lexicon()
    return [(g.display, g.sector, g.country)
            for g in group_mentions(text, 0, len(text), frozenset(lex.verbs), lex.demonym_country, list(places))]


def test_group_phrases_take_their_modifiers_demonym_and_place():
    text = "Local residents and Palestinian witnesses said so, as did residents of Khan Younis."
    at_place = text.index("Khan Younis")
    found = groups(text, [(at_place, at_place + len("Khan Younis"), "PSE")])
    assert found == [("Local residents", "CVL", None), ("Palestinian witnesses", "CVL", "PSE"),
                     ("residents of Khan Younis", "CVL", "PSE")]


@pytest.mark.parametrize("text", ["The police station was hit.", "Army General Ali Kamal spoke.",
                                  "The army's chief resigned."])
def test_nouns_that_modify_or_own_are_no_speakers(text):
    assert groups(text) == []


def test_groups_nobody_codes_have_no_sector():
    assert groups("Analysts said the rate cut came too late.") == [("Analysts", None, None)]


def test_a_town_in_the_claim_places_the_speaker_before_a_coded_state():
    # "Israeli tanks entered Rafah, witnesses said": the witnesses are in Rafah, not Israeli
    places = [(20, 25, "PSE")]
    countries = [(0, "ISR")]
    assert place_country((40, 49), (0, 30), (0, 55), places, countries, None) == "PSE"
    assert place_country((40, 49), (0, 30), (0, 55), [], countries, None) == "ISR"
    assert place_country((40, 49), (0, 30), (0, 55), [], [], "EGY") == "EGY"


@pytest.mark.parametrize("text, words, speaker, code", [
    ("Ethiopian warplanes bombed a market in Tigray, killing dozens of people, witnesses said.",
     "bombed a market", "witnesses", "ETHCVL"),
    ("Residents of Khan Younis told Reuters that the shelling had lasted all night.",
     "shelling had lasted", "Residents of Khan Younis", "PSECVL"),
    ("Chinese authorities did not detain the lawyer, his wife told reporters.",
     "did not detain", "his wife", "CHNCVL"),
    ("The Kenyan protesters have not demanded the president's resignation, organisers insisted.",
     "not demanded", "organisers", "KENCVL"),
    ("The Ministry of Health in Gaza said 40 people had been killed in the strike.",
     "40 people", "Ministry of Health in Gaza", "PSEGOV"),
    ("According to state media, Pyongyang threatened to weaponise its plutonium.",
     "threatened to weaponise", "state media", "PRKJRN"),
])
def test_bare_noun_speakers_are_coded_in_their_country(pipeline, text, words, speaker, code):
    quote = quote_of(analyse(pipeline, text), words)
    assert (quote.speaker, quote.speaker_code) == (speaker, code)


def test_reporter_of_a_placed_group_is_that_group(pipeline):
    state = analyse(pipeline, "Fighting resumed around Goma overnight, residents said.")
    reporter = reporter_for(state, *at(state, "Fighting resumed"))
    assert reporter is not None and (reporter.code, reporter.country, reporter.sector) == ("CODCVL", "COD", "CVL")


def test_the_outlet_told_is_not_where_a_group_lives(pipeline):
    state = analyse(pipeline, "“We have no water,” one resident of Beit Lahia told Reuters.")
    quote = quote_of(state, "no water")
    assert quote.speaker == "one resident of Beit Lahia" and quote.speaker_code != "GBRCVL"


def test_a_description_of_a_named_body_is_that_body(pipeline):
    state = analyse(pipeline, "Médecins Sans Frontières said its clinic had been hit. The charity said two staff "
                              "members were wounded.")
    assert quote_of(state, "two staff members").speaker_code == "MSF"


def test_his_aides_speak_for_an_unnamed_office_holder(pipeline):
    state = analyse(pipeline, "Zimbabwe's opposition leader may withdraw from the run-off vote, his aides hinted.")
    assert quote_of(state, "may withdraw").speaker_code == "ZWEOPP"


def test_a_denial_reports_what_was_denied(pipeline):
    state = analyse(pipeline, "Russia denied massing troops on the Ukrainian border.")
    assert quote_of(state, "massing troops").speaker == "Russia"


def test_claimed_responsibility_is_no_speech(pipeline):
    state = analyse(pipeline, "The Houthis claimed responsibility for the attack on the tanker.")
    assert state.quotes == []


def test_a_body_s_unnamed_member_is_shown_as_such(pipeline):
    quote = quote_of(analyse(pipeline, "A Hamas official said the group would respond within 48 hours."),
                     "respond within")
    assert (quote.speaker, quote.speaker_code) == ("Hamas official", "HAMAS")


def test_a_described_office_holder_the_kb_lacks_is_the_person_named_before(pipeline):
    state = analyse(pipeline, "Mia Mottley opened the climate summit in Bridgetown. The Barbadian prime minister, who "
                              "has campaigned for years for debt relief, said rich countries had failed the islands.",
                    published="2024-11-01")
    assert quote_of(state, "failed the islands").speaker == "Mia Mottley"


def test_the_prime_minister_is_not_the_opposition_leader_who_spoke_last(pipeline):
    state = analyse(pipeline, "Keir Starmer faced questions in parliament on Wednesday. Kemi Badenoch, the "
                              "Conservative leader, accused him of breaking his promises. “He has no plan,” she said. "
                              "The prime minister replied that his government was fixing the mess it had inherited.",
                    published="2025-03-01")
    assert "Starmer" in quote_of(state, "fixing the mess").speaker


@pytest.mark.parametrize("text, words, speaker", [
    ('The statement from Hamas was short: "We accept the proposal."', "accept the proposal", "Hamas"),
    (('"The talks were constructive," Wang Yi said after meeting Sergey Lavrov. The Russian foreign minister '
      'agreed: "We made progress."'), "made progress", "Lavrov"),
])
def test_a_colon_lead_with_no_person_names_a_body_or_a_title(pipeline, text, words, speaker):
    assert speaker in quote_of(analyse(pipeline, text, published="2024-06-01"), words).speaker


def test_one_claim_reported_twice_is_one_quote(pipeline):
    state = analyse(pipeline, '"We will hold them accountable," Gideon Saar, Israel\'s foreign minister, said on '
                              'Sunday, adding that the attack "will not go unanswered".', published="2025-02-01")
    spans = [(q.start, q.end, q.kind) for q in state.quotes]
    assert len(spans) == len(set(spans))


@pytest.mark.parametrize("text, words, speaker", [
    ("Sanae Takaichi argued the plan would weaken Japan's defences.", "plan would weaken", "Takaichi"),
    ("The deal was fair, Mark Carney maintained.", "deal was fair", "Carney"),
    ("Paul Kagame pointed out that Rwanda had hosted refugees for decades.", "hosted refugees", "Kagame"),
    ("Farmers complained that the new rules would ruin them.", "new rules would ruin", "Farmers"),
])
def test_more_reporting_verbs_take_bare_clauses_and_trail(pipeline, text, words, speaker):
    assert speaker in quote_of(analyse(pipeline, text, published="2025-06-01"), words).speaker


@pytest.mark.parametrize("text", ["The ministry announced new sanctions on Iranian oil.",
                                  "Putin acknowledged the losses suffered by the army."])
def test_an_object_of_a_reporting_verb_is_no_claim(pipeline, text):
    assert analyse(pipeline, text).quotes == []


def test_a_family_name_said_first_is_that_person(pipeline):
    state = analyse(pipeline, "Antonio Costa met Chinese Premier Li Qiang in Brussels. Li said China was ready to open "
                              "its market further.", published="2025-05-01")
    assert "Qiang" in quote_of(state, "ready to open").speaker


def test_a_former_president_is_the_knowledge_base_s_president_not_the_vice_president(pipeline):
    state = analyse(pipeline, 'Rodrigo Duterte was flown to The Hague on Wednesday. His daughter Sara, the vice '
                              'president, said the arrest was "kidnapping". The former president told supporters in '
                              'a video that he would face the court.', published="2025-03-13")
    assert "Rodrigo Duterte" in quote_of(state, "face the court").speaker


def test_said_earlier_that_leaves_the_adverb_out_of_the_claim(pipeline):
    state = analyse(pipeline, "The Houthis said they had targeted two ships. It said earlier that it had downed a drone.")
    assert quote_of(state, "downed a drone").text == "it had downed a drone"


def test_a_group_at_a_named_place_outlasts_a_name_read_inside_it(pipeline):
    state = analyse(pipeline, '"There is no more room in the morgue," a nurse at Kamal Adwan Hospital told the BBC.')
    assert quote_of(state, "no more room").speaker == "nurse at Kamal Adwan Hospital"


def test_according_to_a_description_of_a_body_named_before(pipeline):
    state = analyse(pipeline, "The IDF said troops had found a tunnel under the hospital. According to the military, "
                              "the tunnel was 55 metres long.")
    assert quote_of(state, "55 metres long").speaker_code == "ISRMIL"
