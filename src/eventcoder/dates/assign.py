"""Which date governs an event: the interface the event coder calls.

Order of preference: an event-role date in the event's own clause or sentence; else one in the nearest preceding
sentence of the same paragraph (two sentences back at most, and not across "Meanwhile"-style topic shifts);
else the publication date. Dates in a non-restrictive relative clause (", who was killed on 3 January 2020")
date only events inside that clause, so "Haniyeh thanked Soleimani, who was killed on ..." is not dated by it.
Dates with another role ("since 2009", birth years, anniversaries, datelines) never date an event. A period that
no ISO value holds ("in the 1990s", "at the turn of the century") governs like a date, in its own sentence, when a
temporal preposition introduces it: the event it dates gets no date, since the publication date would be wrong.

Given the event's trigger, the parse decides among the clause's dates: a date inside a modifier of some other
noun ("revive a pact signed in 2001", "attacked a base built in 2019") tells the history of that noun, not
when the event happened, so it is passed over; a date inside a modifier of the trigger itself ("a phone call
congratulating ... on the anniversary celebrated on 14th December") still describes the event. Of the rest,
the date whose head path reaches the trigger in fewest steps wins.
"""

from __future__ import annotations

import re
from typing import Literal

from ..document import DateMention
from ..pipeline import Analysis

_MODIFIER = {"acl", "relcl"}
# a date written before a noun as its modifier ("the 2010 flotilla raid", "an Easter truce", "Saturday's vote")
_PRENOMINAL = {"compound", "nummod", "amod", "poss", "npadvmod", "nmod"}

# "in the 1990s", "during the early 2000s", "at the turn of the century": a period that says when, not of what
_PERIOD_CUE = re.compile(r"\b(?:in|during|through|throughout|over|across|by|until|till|before|after|from|around|"
                         r"at)\s+(?:the\s+)?$", re.IGNORECASE)
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whom|whose|where)\b[^,;()]*")
_SHIFT = re.compile(r"^\W*(?:Meanwhile|Separately|Elsewhere|In other news|Earlier|Later|Previously|In contrast|"
                    r"On the other hand|Since then|At the same time)\b", re.IGNORECASE)
LOOKBACK = 2


def relative_clauses(text: str, offset: int) -> list[tuple[int, int]]:
    """Absolute spans of the non-restrictive relative clauses of a sentence starting at `offset`."""
    return [(offset + m.start(), offset + m.end()) for m in _RELATIVE_CLAUSE.finditer(text)]


def _head(doc, lo: int, hi: int):
    """The syntactic head of the tokens overlapping `[lo, hi)` (sentence-relative), or None."""
    toks = [t for t in doc if t.idx < hi and t.idx + len(t.text) > lo]
    if not toks:
        return None
    inside = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])


def _prenominal(doc, tok, start: int) -> bool:
    """Whether a date (head `tok`, first character at `start`) modifies a noun after it: "the 2010 flotilla raid",
    "an Easter truce". A date after a preposition ("on 15 August 2020") is adverbial whatever the parse says."""
    first = next((t for t in doc if t.idx + len(t.text) > start), None)
    if first is not None and first.i > 0 and doc[first.i - 1].pos_ == "ADP":
        return False
    return tok.dep_ in _PRENOMINAL and tok.i < tok.head.i and tok.head.pos_ in ("NOUN", "PROPN")


def _path_to_trigger(doc, date: DateMention, offset: int, trigger: set[int]) -> int | None:
    """Steps from the date's head up to a trigger token; -1 when a modifier of another noun lies between them
    (the date belongs to that noun's own history); None when the trigger is not above the date."""
    tok = _head(doc, date.start - offset, date.end - offset)
    if tok is None:
        return None
    path = [tok]
    while path[-1].i not in trigger and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    if path[-1].i not in trigger:
        return None
    if _prenominal(doc, tok, date.start - offset) and tok.head.i not in trigger:
        return -1  # it names which raid or truce is meant, not when the event told of happened
    for node in reversed(path[:-1]):  # from the trigger down: the first modifier met decides
        if node.dep_ in _MODIFIER:
            return len(path) - 1 if node.head.i in trigger else -1
    return len(path) - 1


def _governing(state: Analysis, si: int, start: int, end: int, same_sentence: bool,
               trigger: tuple[int, int] | None = None) -> DateMention | None:
    sent = state.sentences[si]
    dates = [d for d in state.dates if d.sentence_index == si and (
        d.role == "event" and d.value
        or same_sentence and d.role == "period" and _PERIOD_CUE.search(state.text[max(0, d.start - 24):d.start]))]
    if not dates:
        return None
    clauses = relative_clauses(sent.text, sent.start)

    def enclosing(pos: int) -> tuple[int, int] | None:
        return next((c for c in clauses if c[0] <= pos < c[1]), None)

    if same_sentence:
        home = enclosing(start)
        usable = [d for d in dates if enclosing(d.start) in (None, home)]
        if home is not None:
            inside = [d for d in usable if enclosing(d.start) == home]
            usable = inside or usable
    else:
        usable = [d for d in dates if enclosing(d.start) is None]
    if not usable:
        return None
    doc = state.parses[si] if trigger is not None and si < len(state.parses) else None
    steps: dict[int, int | None] = {}
    if doc is not None and trigger is not None:
        lo, hi = trigger[0] - sent.start, trigger[1] - sent.start
        tokens = {t.i for t in doc if t.idx < hi and t.idx + len(t.text) > lo}
        steps = {id(d): _path_to_trigger(doc, d, sent.start, tokens) for d in usable} if tokens else {}
        usable = [d for d in usable if steps.get(id(d)) != -1]
        if not usable:
            return None

    def key(d: DateMention) -> tuple:
        reach = steps.get(id(d))
        return (reach is None, reach or 0, max(d.start - end, start - d.end, 0), d.start < start)

    return min(usable, key=key)


def _same_person_goes_on(state: Analysis, before: int, after: int) -> bool:
    """Whether a paragraph opens with a person the sentence before it named ("... a phone call from Abdollahian
    on 14th December." / "Abdollahian described Hamas as ..."): the same episode goes on across the break."""
    first = min((m for m in state.mentions if m.sentence_index == after), key=lambda m: m.start, default=None)
    if first is None or first.actor.kind != "person" or first.start - state.sentences[after].start > 3:
        return False
    return any(m.sentence_index == before and m.actor == first.actor for m in state.mentions)


def date_for(state: Analysis, sentence_index: int, start: int, end: int, trigger: tuple[int, int] | None = None
             ) -> tuple[str | None, Literal["text", "published"] | None]:
    """The date of an event read from `[start, end)` in sentence `sentence_index`, and where it came from.

    `trigger`, the absolute span of the event's trigger words, lets the parse pick the date that governs it.
    """
    published = state.meta.published if state.meta else state.article.published
    if 0 <= sentence_index < len(state.sentences):
        found = _governing(state, sentence_index, start, end, same_sentence=True, trigger=trigger)
        sent = state.sentences[sentence_index]
        if found is None and not _SHIFT.match(sent.text):
            for back in range(sentence_index - 1, max(-1, sentence_index - 1 - LOOKBACK), -1):
                prev = state.sentences[back]
                if prev.kind in ("boilerplate", "caption", "title"):
                    break
                if prev.paragraph != sent.paragraph and not (back == sentence_index - 1
                                                             and _same_person_goes_on(state, back, sentence_index)):
                    break
                found = _governing(state, back, prev.start, prev.end, same_sentence=False)
                if found is not None:
                    break
        if found is not None:
            return (found.value, "text") if found.role != "period" else (None, None)
    return (published, "published") if published else (None, None)
