"""Person names carried through an article: a bare surname after the full name is the person."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from eventcoder.nlp.names import carry_person_names

VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], tags: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(VOCAB, words=words, tags=tags)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def _ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_surname_after_the_full_name_becomes_a_person():
    first = _doc(["Administrator", "Charles", "Bolden", "spoke", "."], ["NNP", "NNP", "NNP", "VBD", "."],
                 [(1, 3, "PER")])
    later = _doc(["said", "Bolden", "to", "Houston", "."], ["VBD", "NNP", "IN", "NNP", "."], [(3, 4, "LOC")])
    carry_person_names([first, None, later])
    assert _ents(later) == [("Bolden", "PER"), ("Houston", "LOC")]


def test_a_one_word_entity_of_another_label_is_relabelled_but_longer_ones_stay():
    first = _doc(["John", "Cornyn", "said", "."], ["NNP", "NNP", "VBD", "."], [(0, 2, "PER")])
    alone = _doc(["Cornyn", "added", "."], ["NNP", "VBD", "."], [(0, 1, "ORG")])
    longer = _doc(["the", "Cornyn", "Center", "opened"], ["DT", "NNP", "NNP", "VBD"], [(1, 3, "ORG")])
    carry_person_names([first, alone, longer])
    assert _ents(alone) == [("Cornyn", "PER")]
    assert _ents(longer) == [("Cornyn Center", "ORG")]


def test_names_before_the_full_name_and_common_words_are_left_alone():
    early = _doc(["Bolden", "arrived", "."], ["NNP", "VBD", "."], [])
    full = _doc(["Charles", "Bolden", "spoke", "."], ["NNP", "NNP", "VBD", "."], [(0, 2, "PER")])
    adjective = _doc(["a", "Bolden", "plan"], ["DT", "JJ", "NN"], [])
    carry_person_names([early, full, adjective])
    assert _ents(early) == [] and _ents(adjective) == []
