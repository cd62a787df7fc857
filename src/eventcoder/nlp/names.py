"""Person names carried through an article: a surname or given name alone, after the full name, is the person.

News writes a person's full name once ("NASA Administrator Charles Bolden") and the surname afterwards ("said
Bolden"). The web-trained NER often misses the bare surname, which it has little context for; the full name
earlier in the same article settles it. The parse stage runs this over the sentence Docs of one article in order.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

PERSON = "PER"
PROPER_TAGS = frozenset({"NNP", "NNPS"})


def _name_parts(ent: Span) -> set[str]:
    """The first and last word of a multi-word person name ("Charles Bolden" -> Charles, Bolden)."""
    words = [t.text for t in ent if t.text[:1].isupper() and t.is_alpha]
    return {words[0], words[-1]} if len(words) > 1 else set()


def carry_person_names(docs: Sequence[Doc]) -> None:
    """Mark as PER each proper noun outside any entity, or alone as a non-person entity, that repeats the first
    or last word of a multi-word PER entity earlier in `docs` (the sentences of one article, in order)."""
    known: set[str] = set()
    for doc in docs:
        if doc is None or not doc.has_annotation("ENT_IOB"):
            continue
        ents = list(doc.ents)
        changed = False
        for i, token in enumerate(doc):
            if token.text not in known or token.tag_ not in PROPER_TAGS:
                continue
            covering = [e for e in ents if e.start <= i < e.end]
            if covering and not (len(covering[0]) == 1 and covering[0].label_ != PERSON):
                continue
            ents = [e for e in ents if e not in covering] + [Span(doc, i, i + 1, label=PERSON)]
            changed = True
        if changed:
            doc.ents = sorted(ents, key=lambda e: e.start)
        for ent in doc.ents:
            if ent.label_ == PERSON:
                known |= _name_parts(ent)
