"""Quote speakers across a paragraph: inversions, colon leads, quotes handed forward or back, nesting, bodies."""

from __future__ import annotations

import pytest
from stagerun import THROUGH_QUOTES, analyse, at

from eventcoder.config import Config
from eventcoder.pipeline import Pipeline
from eventcoder.quotes.assign import reporter_for
from eventcoder.quotes.attribution import find_quote_spans


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Config(stages=THROUGH_QUOTES))


def speaker_at(pipeline: Pipeline, text: str, words: str) -> str | None:
    state = analyse(pipeline, text, published="2024-05-01")  # Fidan is foreign minister, Abdelatty too
    pos = state.text.index(words)
    quote = next((q for q in state.quotes if q.start <= pos < q.end), None)
    assert quote is not None, f"no quote holds {words!r}"
    return quote.speaker


@pytest.mark.parametrize("text, words, speaker", [
    # "..., said X, the ... ." inversions, with and without an apposition
    ("The ceasefire has collapsed, said Tor Wennesland, the UN Middle East envoy.", "ceasefire has collapsed",
     "Wennesland"),
    ("Talks will resume in Doha, said Ned Price.", "Talks will resume", "Price"),
    # a long object between a tell-verb and "that"
    ("Joe Biden told Benjamin Netanyahu during a phone call on Monday that Washington opposed the operation.",
     "Washington opposed", "Biden"),
    # a long possessive apposition between the quote and the verb
    (("“We are running out of everything,” the International Committee of the Red Cross's president, "
      "Mirjana Spoljaric, said in Geneva."), "running out of everything", "Spoljaric"),
    # a lead ending in a colon
    ("Erdogan was blunt: “Sweden must first stop the protests.”", "Sweden must first stop", "Erdogan"),
    ("The message from Ali Khamenei was clear: \"The enemy will regret it.\"", "enemy will regret", "Khamenei"),
    # a quote handed forward by the next sentence
    ("“Nobody wins this war.” So said Antonio Guterres as he opened the session.", "Nobody wins", "Guterres"),
    ("“This is the last chance.” The words came from Catherine Ashton, speaking in Geneva.", "last chance",
     "Ashton"),
    # a quote opening its paragraph goes to the person the previous paragraph ended on
    (("William Ruto addressed the summit in Nairobi.\n\n“Africa will not be a battleground for others.”\n\n"
      "He then called for debt relief."), "battleground", "Ruto"),
    # a continuation keeps the voice that just spoke, not the body its title names
    ("“We will respond,” Hamas spokesman Hazem Qassem said. “The occupation attacked our people in Jenin.”",
     "occupation attacked", "Hazem Qassem"),
    # a pronoun between a place and the verb is the subject, not the place
    ("Rishi Sunak gave an interview on Sunday. Asked about the strikes on Yemen, he said they were limited.",
     "they were limited", "Sunak"),
    # titles never reach back past another name ("envoy X in Jerusalem")
    (("Benjamin Netanyahu met the US envoy Steve Witkoff in Jerusalem on Monday. The envoy said a second phase "
      "could begin within days."), "second phase", "Witkoff"),
    # a modifier is not the subject an "It/They added" goes back to
    ("The Iranian Revolutionary Guards said they had seized a tanker. They added that the crew was being held.",
     "crew was being held", "Revolutionary Guard"),
    # "she" is not the man named first, "he" not the woman
    ("Sergei Lavrov met Annalena Baerbock at the G20. She later said the meeting had lasted ten minutes.",
     "lasted ten minutes", "Baerbock"),
    ("Annalena Baerbock met Sergei Lavrov at the G20. He later said the meeting had been useful.",
     "had been useful", "Lavrov"),
    # a title-only phrase with a nationality goes to the person of that country
    (("Egypt's foreign minister Badr Abdelatty hosted his Turkish counterpart Hakan Fidan in Cairo. "
      "The Turkish minister said Ankara would help rebuild the strip."), "help rebuild", "Fidan"),
    (("Egypt's foreign minister Badr Abdelatty hosted his Turkish counterpart Hakan Fidan in Cairo. "
      "The Egyptian minister said the two countries shared a vision."), "shared a vision", "Abdelatty"),
    # two appositions between the speaker and the verb, a place at the end of the second
    (("Tom Fletcher, the UN aid chief, who has visited Sudan twice since taking office in Geneva, said the famine "
      "was spreading."), "famine was spreading", "Fletcher"),
    # the body a title is "of" does not speak; the person in apposition does
    ("“Nothing gets through,” the head of Save the Children, Inger Ashing, told the council.", "Nothing gets through",
     "Ashing"),
    # a title the word list lacks, resolved by the actors stage's coreference
    (("Antony Blinken landed in Amman on Monday. At a news conference with Jordan's foreign minister, the secretary "
      "of state said the talks were advancing."), "talks were advancing", "Blinken"),
    # a place after a body only locates it
    ("The health ministry in Gaza said 45 people were killed overnight.", "45 people were killed", "ministry"),
])
def test_speaker(pipeline, text, words, speaker):
    assert speaker in (speaker_at(pipeline, text, words) or "")


def test_alternating_speakers(pipeline):
    text = ("Xi Jinping and Joe Biden met in California. “Planet Earth is big enough for both,” Xi said. "
            "“We must manage competition responsibly,” Biden said. “Conflict is not inevitable.” "
            "Xi said he hoped to meet again next year.")
    state = analyse(pipeline, text)
    got = [next(q.speaker for q in state.quotes if q.start <= state.text.index(w) < q.end)
           for w in ("big enough", "manage competition", "not inevitable", "meet again")]
    assert ["Xi" in got[0], "Biden" in got[1], "Biden" in got[2], "Xi" in got[3]] == [True] * 4


@pytest.mark.parametrize("text, inside", [
    ('“They told us "wait", and we waited a year,” said Jan Egeland.', 'They told us "wait", and we waited a year,'),
    ('"They told us “wait”, and we waited a year," said Jan Egeland.', "They told us “wait”, and we waited a year,"),
])
def test_a_quote_inside_a_quote_in_other_marks_belongs_to_the_outer_one(text, inside):
    assert [text[s:e] for s, e in find_quote_spans(text)] == [inside]


def test_nested_quote_is_the_outer_speakers(pipeline):
    text = "“When they tell us ‘wait another week’, people die,” said Philippe Lazzarini."
    assert "Lazzarini" in speaker_at(pipeline, text, "wait another week")


def test_events_read_from_a_quote_are_reported_by_its_coded_speaker(pipeline):
    text = "“Israel bombed the hospital,” Hamas spokesman Hazem Qassem said. “It killed dozens.”"
    state = analyse(pipeline, text)
    for words in ("bombed the hospital", "killed dozens"):
        reporter = reporter_for(state, *at(state, words))
        assert reporter is not None and (reporter.name, reporter.code) == ("Hazem Qassem", "HAMAS")
    assert [s.kind for s in state.sentences] == ["body", "quote"]


def test_interview_transcript_lines_are_the_labelled_speakers_words(pipeline):
    text = ("Al Jazeera spoke to Mustafa Barghouti on Monday.\n\n"
            "Al Jazeera: What do you expect from the summit?\n\n"
            "Barghouti: Very little. The Arab states have said the same words for a year.\n\n"
            "Note: this interview was shortened.")
    state = analyse(pipeline, text)
    got = {(q.text, q.speaker, q.kind) for q in state.quotes}
    assert got == {("What do you expect from the summit?", "Al Jazeera", "direct"),
                   ("Very little. The Arab states have said the same words for a year.", "Mustafa Barghouti",
                    "direct")}
    assert [s.kind for s in state.sentences if "Arab states" in s.text] == ["quote"]


@pytest.mark.parametrize("text", ["Hamas: a movement under pressure", "GAZA: The war goes on in the south."])
def test_headlines_and_datelines_are_no_transcript(pipeline, text):
    assert analyse(pipeline, text).quotes == []
