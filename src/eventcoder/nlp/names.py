"""Names carried through an article: one name keeps one label, and a surname alone after the full name is the person.

News writes a person's full name once ("NASA Administrator Charles Bolden") and the surname afterwards ("said
Bolden"). The web-trained NER often misses the bare surname, which it has little context for; the full name
earlier in the same article settles it. Likewise a name the NER reads once as an organisation and twice as a place,
or finds in one sentence and misses in the next, is one thing throughout the article: a mention the NER
missed gets the label most of the name's mentions got, and an acronym introduced in brackets after a name ("Kennedy Space Center
(KSC)") takes that name's label. The parse stage runs `carry_names` over the sentence Docs of one article in order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

PERSON = "PER"
CARRIED = frozenset({"PER", "LOC", "ORG"})
PROPER_TAGS = frozenset({"NNP", "NNPS"})
MIN_VOTES = 2  # a name found once is not trusted enough to carry (one misread would spread through the article)
HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def _name_parts(ent: Span) -> set[str]:
    """The first and last word of a multi-word person name ("Charles Bolden" -> Charles, Bolden)."""
    words = [t.text for t in ent if t.text[:1].isupper() and t.is_alpha]
    return {words[0], words[-1]} if len(words) > 1 else set()


def _parsed(docs: Sequence[Doc | None]) -> list[Doc]:
    return [doc for doc in docs if doc is not None and doc.has_annotation("ENT_IOB")]


def _acronym(ent: Span) -> str:
    """The initials of a name's capitalised words ("Kennedy Space Center" -> KSC)."""
    return "".join(t.text[0] for t in ent if t.text[:1].isupper())


def _votes(docs: list[Doc]) -> dict[tuple[str, ...], str]:
    """The label most mentions of each name got across the article, for names given a label at least
    MIN_VOTES times (ties: no label); acronyms in brackets after a name count with that name's label."""
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in CARRIED and ent.text[:1].isupper():
                votes[tuple(t.text for t in ent)][ent.label_] += 1
                after = doc[ent.end:ent.end + 3]
                if (len(after) == 3 and after[0].text == "(" and after[2].text == ")" and len(after[1].text) > 1
                        and after[1].text.isupper() and after[1].text == _acronym(ent)):
                    votes[(after[1].text,)][ent.label_] += MIN_VOTES  # defined right there: trusted
    chosen = {}
    for words, counter in votes.items():
        (label, n), *rest = counter.most_common(2) + [("", 0)]
        if n >= MIN_VOTES and n > rest[0][1]:
            chosen[words] = label
    return chosen


def _apart(token: Token, before: bool = True) -> bool:
    """A token next to a repeated name that leaves it a name of its own: not a proper noun (the name would be part
    of a longer one) and not a hyphen joining it into a word ("pro-Beijing", "Beijing-based")."""
    glued = not token.whitespace_ if before else not token.nbor(-1).whitespace_
    return token.tag_ not in PROPER_TAGS and not (token.text in HYPHENS and glued)


def carry_labels(docs: Sequence[Doc | None]) -> None:
    """Proper-noun runs outside any entity that repeat a name found elsewhere in the article become entities
    with the label most of that name's mentions got. (Relabelling the name's entities to that label too lost on
    unseen GUM and EWT text: the model's label in context is right more often than the article's majority.)"""
    parsed = _parsed(docs)
    chosen = _votes(parsed)
    if not chosen:
        return
    longest = max(len(words) for words in chosen)
    for doc in parsed:
        ents = list(doc.ents)
        taken = {i for e in ents for i in range(e.start, e.end)}
        i = 0
        while i < len(doc):
            for n in range(min(longest, len(doc) - i), 0, -1):
                words = tuple(t.text for t in doc[i:i + n])
                if (words in chosen and not taken & set(range(i, i + n))
                        and any(t.tag_ in PROPER_TAGS for t in doc[i:i + n])
                        and (i == 0 or _apart(doc[i - 1]))
                        and (i + n == len(doc) or _apart(doc[i + n], before=False))):
                    ents.append(Span(doc, i, i + n, label=chosen[words]))
                    taken |= set(range(i, i + n))
                    i += n - 1
                    break
            i += 1
        doc.ents = sorted(ents, key=lambda e: e.start)


def carry_person_names(docs: Sequence[Doc | None]) -> None:
    """Mark as PER each proper noun outside any entity, or alone as a non-person entity, that repeats the first
    or last word of a multi-word PER entity earlier in `docs` (the sentences of one article, in order)."""
    known: set[str] = set()
    for doc in _parsed(docs):
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


def carry_names(docs: Sequence[Doc | None]) -> None:
    """Both carries over the sentence Docs of one article: surnames after full names first, then one label per
    name."""
    carry_person_names(docs)
    carry_labels(docs)
