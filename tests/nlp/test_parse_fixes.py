"""Repairs of parser output: a subject beside a passive auxiliary is a passive subject."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventcoder.nlp.fixes import passive_subjects


def _parsed(words, heads, deps):
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_subject_of_a_passive_verb_becomes_nsubj_pass():
    doc = passive_subjects(_parsed(["who", "was", "martyred"], [2, 2, 2], ["nsubj", "aux:pass", "ROOT"]))
    assert doc[0].dep_ == "nsubj:pass"


def test_active_subject_is_left_alone():
    doc = passive_subjects(_parsed(["Iran", "has", "condemned", "it"], [2, 2, 2, 2],
                                   ["nsubj", "aux", "ROOT", "obj"]))
    assert doc[0].dep_ == "nsubj"
