"""Deterministic repairs of parser output that downstream rules rely on.

The statistical parser sometimes labels the subject of a passive clause `nsubj` although it also attached a
passive auxiliary to the same verb ("who was martyred": who/nsubj, was/aux:pass). In Universal Dependencies that
subject is `nsubj:pass` (and a clausal one `csubj:pass`); the event coder reads passives from these labels.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PASSIVE_FIX_NAME = "passive_subjects"
PASSIVE_LABELS = {"nsubj": "nsubj:pass", "csubj": "csubj:pass"}


@Language.component("eventcoder_passive_subjects")
def passive_subjects(doc: Doc) -> Doc:
    """Relabel the plain subject of a verb that has a passive auxiliary."""
    for token in doc:
        if token.dep_ in PASSIVE_LABELS and any(c.dep_ == "aux:pass" for c in token.head.children):
            token.dep_ = PASSIVE_LABELS[token.dep_]
    return doc


def add_parse_fixes(nlp: Language) -> Language:
    """Add the repairs right after the parser (no-op for a pipeline without one, or when already added)."""
    if "parser" in nlp.pipe_names and PASSIVE_FIX_NAME not in nlp.pipe_names:
        nlp.add_pipe("eventcoder_passive_subjects", name=PASSIVE_FIX_NAME, after="parser")
    return nlp
