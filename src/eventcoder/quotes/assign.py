"""Who the article attributes a claim to: the interface the event coder calls.

A span inside a direct quotation, or inside the complement of a reporting verb ("Sinwar revealed ... that Iran
has been providing ..."), is reported by that quote's speaker. The speaker is returned as the coded actor when
the actors stage knows it, else as an uncoded actor carrying the speaker's name.
"""

from __future__ import annotations

from ..document import Actor, Quote
from ..pipeline import Analysis
from .attribution import organisation_words
from .groups import names_group
from .roles import known_person


def quote_at(state: Analysis, start: int, end: int) -> Quote | None:
    """The innermost quote holding `[start, end)`: a direct quote before an indirect one."""
    holding = [q for q in state.quotes if q.start <= start and end <= q.end + 1]
    if not holding:
        holding = [q for q in state.quotes if q.start <= start < q.end]
    if not holding:
        return None
    return min(holding, key=lambda q: (q.kind != "direct", q.end - q.start))


def speaker_actor(state: Analysis, quote: Quote) -> Actor | None:
    """The Actor behind a quote's speaker name: the actor of that name, else of that code ("the Houthi-run health
    ministry" speaks for the Houthis). A state that speaks ("Ukraine said", "Kyiv said") speaks through its
    government, so its reporter is the state's GOV agent."""
    if quote.speaker is None:
        return None
    actor = next((a for a in state.actors if a.name == quote.speaker), None)
    if actor is not None and quote.speaker_code and actor.code != quote.speaker_code and actor.sector \
            and not actor.country and actor.code == actor.sector:
        actor = None  # a bare sector group ("residents" → CVL) the quotes stage placed in its country (PSECVL)
    if actor is None:  # an office-holder the text describes but never names ("the UN secretary-general")
        actor = known_person(quote.speaker, quote.speaker_code,
                             (state.meta.published if state.meta else None) or state.article.published)
    if actor is None and quote.speaker_code:
        same = [a for a in state.actors if a.code == quote.speaker_code]
        actor = next((a for a in same if a.kind != "person"), same[0] if same else None)
    if actor is None:
        code = quote.speaker_code
        if code and len(code) == 6 and code.isalpha() and code.isupper() and names_group(quote.speaker):
            # a bare-noun speaker placed in its country ("witnesses" in Rafah → PSECVL)
            return Actor(name=quote.speaker, code=code, kind="group", country=code[:3], sector=code[3:],
                         key=f"agent:{code}")
        kind = "person" if len(quote.speaker.split()) > 1 and not _organisation_name(quote.speaker) else "other"
        return Actor(name=quote.speaker, code=code, kind=kind)  # type: ignore[arg-type]
    if actor.kind == "state" and actor.code and actor.code == actor.country and len(actor.code) == 3:
        return Actor(name=f"{actor.name} government", code=f"{actor.code}GOV", kind="state", country=actor.country,
                     sector="GOV", key=f"agent:{actor.code}GOV")
    return actor


def _organisation_name(name: str) -> bool:
    """Whether a speaker's name is a body's ("Yemeni Observatory for Civil Liberties"), not a person's."""
    return any(w in organisation_words() for w in name.split()) or name[:1].islower()


def reporter_for(state: Analysis, sentence_index: int, start: int, end: int) -> Actor | None:
    """The actor whose words (quote or reported speech) contain `[start, end)`, or None for the author's own voice."""
    quote = quote_at(state, start, end)
    return speaker_actor(state, quote) if quote else None
