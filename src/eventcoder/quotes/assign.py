"""Who the article attributes a claim to: the interface the event coder calls.

A span inside a direct quotation, or inside the complement of a reporting verb ("Sinwar revealed ... that Iran
has been providing ..."), is reported by that quote's speaker. The speaker is returned as the coded actor when
the actors stage knows it, else as an uncoded actor carrying the speaker's name.
"""

from __future__ import annotations

from ..document import Actor, Quote
from ..pipeline import Analysis


def quote_at(state: Analysis, start: int, end: int) -> Quote | None:
    """The innermost quote holding `[start, end)`: a direct quote before an indirect one."""
    holding = [q for q in state.quotes if q.start <= start and end <= q.end + 1]
    if not holding:
        holding = [q for q in state.quotes if q.start <= start < q.end]
    if not holding:
        return None
    return min(holding, key=lambda q: (q.kind != "direct", q.end - q.start))


def speaker_actor(state: Analysis, quote: Quote) -> Actor | None:
    """The Actor behind a quote's speaker name."""
    if quote.speaker is None:
        return None
    for actor in state.actors:
        if actor.name == quote.speaker or (quote.speaker_code and actor.code == quote.speaker_code
                                           and actor.name == quote.speaker):
            return actor
    kind = "person" if len(quote.speaker.split()) > 1 else "other"
    return Actor(name=quote.speaker, code=quote.speaker_code, kind=kind)


def reporter_for(state: Analysis, sentence_index: int, start: int, end: int) -> Actor | None:
    """The actor whose words (quote or reported speech) contain `[start, end)`, or None for the author's own voice."""
    quote = quote_at(state, start, end)
    return speaker_actor(state, quote) if quote else None
