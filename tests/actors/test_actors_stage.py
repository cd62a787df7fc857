"""The actors stage end to end: the seed article, offsets, merging, NER persons, and the pipeline wiring."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from eventcoder.actors.stage import code_actors, make_stage
from eventcoder.config import Config
from eventcoder.document import Article
from eventcoder.pipeline import Analysis
from eventcoder.text.sentences import split_sentences

SEED_CODES = ["IRN", "HAMAS", "HEZBOLLAH", "SYR", "IRQ", "YEM", "PMF", "HOUTHIS", "PIJ", "PFLP", "POLISARIO",
              "GBR", "USA", "SAU", "EGY", "ARE", "ISR", "PSEGOV", "FATAH"]
SEED_PEOPLE = {"Hossein Amir-Abdollahian": ("IRNGOV", "IRN"), "Ebrahim Raisi": ("IRNGOV", "IRN"),
               "Ali Khamenei": ("IRNGOV", "IRN"), "Qasem Soleimani": ("IRNMIL", "IRN"),
               "Ismail Haniyeh": ("HAMAS", "PSE"), "Yahya Sinwar": ("HAMAS", "PSE")}


@pytest.fixture(scope="module")
def seed(seed_text, code):
    return code(seed_text, "2021-12-25")


@pytest.mark.parametrize("code_", SEED_CODES)
def test_seed_actors_found_and_coded(seed, code_):
    actors = [a for a in seed.actors if a.code == code_]
    assert actors and actors[0].mentions


def test_seed_palestinian_authority_is_the_pa(seed):
    assert any(a.name == "Palestinian Authority" and a.code == "PSEGOV" for a in seed.actors)


@pytest.mark.parametrize("name", sorted(SEED_PEOPLE))
def test_seed_people_are_people_with_their_codes(seed, name):
    person = next(a for a in seed.actors if a.name == name)
    assert person.kind == "person"
    assert (person.code, person.country) == SEED_PEOPLE[name]
    assert person.affiliation == person.code


def test_seed_list_is_three_coordinated_actors(seed, seed_text):
    start = seed_text.index("Saudi Arabia, Egypt, and the UAE")
    listed = [m for m in seed.mentions if start <= m.start < start + 32]
    assert [m.actor.code for m in listed] == ["SAU", "EGY", "ARE"]
    assert listed[0].coordination is not None and len({m.coordination for m in listed}) == 1


def test_seed_offsets_and_merging(seed, seed_text):
    for m in seed.mentions:
        assert seed_text[m.start:m.end] == m.text
    keys = [a.key for a in seed.actors]
    assert len(keys) == len(set(keys))
    assert sum(len(a.mentions) for a in seed.actors) == len(seed.mentions)
    hamas = next(a for a in seed.actors if a.key == "org:HAMAS")
    assert len(hamas.mentions) >= 15  # names, "the movement", "(Hamas)" ...


def test_seed_places_are_not_actors(seed):
    texts = {m.text for m in seed.mentions}
    assert not texts & {"Baghdad", "Beirut", "Tel Aviv", "Jerusalem", "Gaza"}


def test_ner_persons_are_used_when_the_parse_has_them(kb):
    text = "Ahmed Farouk met the envoy."
    nlp = spacy.blank("en")
    doc = nlp(text)
    doc.ents = [doc.char_span(0, 12, label="PERSON")]
    state = Analysis(article=Article(id="n", text=text, published="2023-01-01"))
    state.sentences = split_sentences(text)
    state.parses = [doc]
    code_actors(kb, state)
    person = next(a for a in state.actors if a.name == "Ahmed Farouk")
    assert person.kind == "person" and person.code is None  # an honest null: nothing says what he stands for


def test_a_dependency_parse_picks_the_subject_for_he(kb, mention):
    words = ["After", "meeting", "Abbas", "on", "Monday", ",", "Haniyeh", "said", "he", "would", "return", "."]
    heads = [1, 7, 1, 1, 3, 7, 7, 7, 10, 10, 7, 7]
    deps = ["mark", "advcl", "dobj", "prep", "pobj", "punct", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"]
    spaces = [True, True, True, True, False, True, True, True, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    text = doc.text
    state = Analysis(article=Article(id="d", text=text, published="2021-06-01"))
    state.sentences = split_sentences(text)
    state.parses = [doc]
    code_actors(kb, state)
    assert mention(state, "he").name == "Ismail Haniyeh"
    state.parses = [None]  # without the parse the surface order decides, and the first-named wins
    code_actors(kb, state)
    assert mention(state, "he").name == "Mahmoud Abbas"


def test_make_stage_fills_the_analysis():
    stage = make_stage(Config())
    text = "Egyptian police arrested protesters. They were released."
    state = Analysis(article=Article(id="s", text=text, published="2023-01-01"))
    state.sentences = split_sentences(text)
    state.parses = [None] * len(state.sentences)
    stage(state)
    assert [m.actor.code for m in state.mentions] == ["EGYCOP", "CVL", "CVL"]  # protesters are civilians (GUIDELINES.md)
    assert state.mentions[-1].rule == "coref"
