"""Sources the quotes stage must name: bodies not in the knowledge base, possessive sources ("his office"),
verbs with an object before the claim, the words "he said of X", requests, and the reporter a state speaks as."""

from __future__ import annotations

import pytest
from stagerun import THROUGH_QUOTES, analyse

from eventcoder.config import Config
from eventcoder.pipeline import Pipeline
from eventcoder.quotes.assign import reporter_for


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Config(stages=THROUGH_QUOTES))


def quote_at(pipeline: Pipeline, text: str, words: str):
    state = analyse(pipeline, text, published="2025-03-01")  # Rutte leads NATO
    pos = state.text.index(words)
    quote = next((q for q in state.quotes if q.start <= pos < q.end), None)
    assert quote is not None, f"no quote holds {words!r}"
    return state, quote


@pytest.mark.parametrize("text, words, speaker", [
    # a title before the verb belongs to the speaker, not to the name after the verb
    (("Mark Rutte flew to Ankara to see Recep Tayyip Erdogan. Later the NATO secretary general said Turkey was "
     "a loyal ally."), "loyal ally", "Rutte"),
    # what the words were about is not who said them
    ("Olaf Scholz met reporters in Berlin. “We will not be blackmailed,” he said of Russia.", "not be blackmailed",
     "Scholz"),
    # "according to his office": the person whose office it is
    ("Narendra Modi called Volodymyr Zelensky on Monday. He offered help, according to a statement from his office.",
     "offered help", "Modi"),
    ("Benjamin Netanyahu has not met the envoy this year, his office said.", "not met the envoy", "Netanyahu"),
    # an object between a writing verb and "that"
    ("The ambassador of Iran, Amir Saeid Iravani, wrote to the Security Council that Tehran would respond.",
     "Tehran would respond", "Iravani"),
    # a body the knowledge base lacks, with "for" in its name, speaks as itself
    ("The Yemeni Observatory for Civil Liberties said at least 12 people were detained in Taiz.",
     "12 people were detained", "Yemeni Observatory for Civil Liberties"),
    # a trailing speaker phrase names the speaker, not the last name of the claim
    ("Serbia massed troops along its border with Kosovo, Washington said.", "massed troops", "United States"),
    # a request's content: "urged X to ...", "called on X to ..."
    ("Jens Stoltenberg urged Turkey to act with restraint.", "act with restraint", "Stoltenberg"),
    ("Antonio Guterres called on both sides to respect the truce.", "respect the truce", "Guterres"),
])
def test_speaker(pipeline: Pipeline, text: str, words: str, speaker: str) -> None:
    _, quote = quote_at(pipeline, text, words)
    assert quote.speaker is not None and speaker in quote.speaker


def test_request_without_clause_is_no_quote(pipeline: Pipeline) -> None:
    state = analyse(pipeline, "Joe Biden urged restraint on Monday.", published="2024-05-01")
    assert state.quotes == []


def test_ministry_seated_in_a_capital_speaks_for_its_state(pipeline: Pipeline) -> None:
    _, quote = quote_at(pipeline, "The ministry of foreign affairs in Riyadh said in a statement that the kingdom "
                        "condemned the attack.", "condemned the attack")
    assert quote.speaker_code == "SAUGOV"


def test_body_run_by_a_group_is_named_as_the_body(pipeline: Pipeline) -> None:
    """Decision: "the Houthi-run health ministry" is the speaker, coded as the group that runs it."""
    _, quote = quote_at(pipeline, "Israel struck the port of Hodeidah on Saturday, the Houthi-run health ministry "
                        "said.", "struck the port")
    assert "ministry" in quote.speaker and quote.speaker_code == "HOUTHIS"


def test_a_state_reports_through_its_government(pipeline: Pipeline) -> None:
    state, quote = quote_at(pipeline, "Armenia said Azerbaijani drones had destroyed several of its tanks.",
                            "drones had destroyed")
    reporter = reporter_for(state, quote.sentence_index, quote.start + 12, quote.start + 20)
    assert reporter is not None and reporter.code == "ARMGOV" and reporter.sector == "GOV"


def test_an_organisation_speaker_unknown_to_the_base_is_no_person(pipeline: Pipeline) -> None:
    state, quote = quote_at(pipeline, "The Sahel Observatory for Press Freedom said two reporters were held.",
                            "two reporters")
    reporter = reporter_for(state, quote.sentence_index, quote.start, quote.end)
    assert reporter is not None and reporter.code is None and reporter.kind != "person"
