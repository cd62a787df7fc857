"""Person names carried through an article: a bare surname after the full name is the person."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from eventcoder.nlp.names import carry_labels, carry_names, carry_person_names

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


def test_a_name_labelled_twice_is_found_where_the_model_missed_it():
    a = _doc(["Ashby", "Mills", "hired", "."], ["NNP", "NNP", "VBD", "."], [(0, 2, "ORG")])
    b = _doc(["Ashby", "Mills", "grew", "."], ["NNP", "NNP", "VBD", "."], [(0, 2, "ORG")])
    missed = _doc(["at", "Ashby", "Mills", "."], ["IN", "NNP", "NNP", "."], [])
    glued = Doc(VOCAB, words=["anti", "-", "Ashby", "Mills", "views"], spaces=[False, False, True, True, False],
                tags=["JJ", "HYPH", "NNP", "NNP", "NNS"])  # "anti-Ashby Mills views": part of a word
    glued.ents = []
    carry_labels([a, b, missed, glued])
    assert _ents(missed) == [("Ashby Mills", "ORG")]
    assert _ents(glued) == []


def test_a_name_labelled_once_or_inside_a_longer_name_is_not_carried():
    once = _doc(["Vella", "rose", "."], ["NNP", "VBD", "."], [(0, 1, "LOC")])
    later = _doc(["Vella", "fell", "and", "Vella", "Bay", "froze"], ["NNP", "VBD", "CC", "NNP", "NNP", "VBD"], [])
    carry_labels([once, later])
    assert _ents(later) == []
    twice = _doc(["Vella", "rose", "in", "Vella", "."], ["NNP", "VBD", "IN", "NNP", "."], [(0, 1, "LOC"), (3, 4, "LOC")])
    carry_labels([twice, later])
    assert _ents(later) == [("Vella", "LOC")]


def test_an_acronym_in_brackets_takes_the_label_of_the_name_before_it():
    intro = _doc(["the", "Kestrel", "Space", "Center", "(", "KSC", ")", "opened"],
                 ["DT", "NNP", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", "VBD"], [(1, 4, "LOC")])
    later = _doc(["KSC", "closed", "."], ["NNP", "VBD", "."], [])
    carry_names([intro, later])
    assert _ents(intro) == [("Kestrel Space Center", "LOC"), ("KSC", "LOC")]
    assert _ents(later) == [("KSC", "LOC")]
