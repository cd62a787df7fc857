"""Which place governs an event: the interface the event coder calls.

The event's place is a locative mention in its own sentence ("near Baghdad airport", "through the Rafah
Crossing"): the one nearest the event's span within the same clause, where a chain of places naming one spot
("in the capital Tehran's Palestine square", "in Tehran, Iran") gives its finest member. Places inside a
non-restrictive relative clause (", who was killed near Baghdad airport") place only events inside that clause.
A place that describes an actor ("the Hamas leader in Gaza", "the Islamic Revolution in Iran") is not where the
event happened. A sentence with no locative place gives None: the text does not say where, and the coder does not
guess.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import data_text
from ..dates.assign import relative_clauses
from ..document import Place, Span
from ..pipeline import Analysis
from .resolve import is_locative

# lower is finer: the spot an event happened at beats the city around it, which beats the country
FINENESS = {"site": 0, "airport": 0, "crossing": 0, "square": 0, "building": 0, "base": 0, "district": 1,
            "city": 2, "region": 3, "county": 3, "state": 3, "strait": 3, "country": 4}
_CHAIN_GAP = re.compile(r"^(?:'s|’s|,)?\s*$")


# a name inside the sentence (not its first word: "Protesters in Tehran") or a title noun, then "in"/"of"/"from"
_OF_SOMEONE = re.compile(r"(?:(?<=[\w,’'] )([A-Z][\w’'\-]+)|\b([a-z]+))\s+(?:in|of|from)\s+(?:the\s+)?$")


def _describes_someone(text: str, start: int) -> bool:
    """'the Hamas leader in Gaza', 'the Islamic Revolution in Iran': the place says who, not where it happened."""
    m = _OF_SOMEONE.search(text[max(0, start - 40):start])
    if m is None:
        return False
    return m.group(1) is not None or m.group(2) in title_words()


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Title nouns (data/quotes/titles.txt): 'leader in Gaza' names a leader, not the event's place."""
    return frozenset(line.strip().lower() for line in data_text("quotes", "titles.txt").splitlines()
                     if line.strip() and not line.startswith("#"))


def _mentions_in(state: Analysis, start: int, end: int) -> list[tuple[Place, Span]]:
    found = [(p, m) for p in state.places for m in p.mentions if start <= m.start and m.end <= end]
    return sorted(found, key=lambda pm: pm[1].start)


def _chains(state: Analysis, mentions: list[tuple[Place, Span]]) -> list[list[tuple[Place, Span]]]:
    """Group mentions that name one spot together ("Tehran's Palestine square", "Tehran, Iran")."""
    chains: list[list[tuple[Place, Span]]] = []
    for pm in mentions:
        if chains and _CHAIN_GAP.match(state.text[chains[-1][-1][1].end:pm[1].start]):
            chains[-1].append(pm)
        else:
            chains.append([pm])
    return chains


def place_for(state: Analysis, sentence_index: int, start: int, end: int) -> Place | None:
    """The place where the event read from `[start, end)` happened, or None when the text does not say."""
    if not 0 <= sentence_index < len(state.sentences) or not state.places:
        return None
    sent = state.sentences[sentence_index]
    clauses = relative_clauses(sent.text, sent.start)

    def enclosing(pos: int) -> tuple[int, int] | None:
        return next((c for c in clauses if c[0] <= pos < c[1]), None)

    home = enclosing(start)
    best: tuple[tuple[int, int], Place] | None = None
    for chain in _chains(state, _mentions_in(state, sent.start, sent.end)):
        if not is_locative(state.text, chain[0][1].start) or _describes_someone(state.text, chain[0][1].start):
            continue
        if enclosing(chain[0][1].start) not in (None, home):
            continue
        first, last = chain[0][1].start, chain[-1][1].end
        distance = max(first - end, start - last, 0)
        place = min(chain, key=lambda pm: FINENESS.get(pm[0].feature or "", 2))[0]
        rank = (0 if enclosing(first) == home else 1, distance)
        if best is None or rank < best[0]:
            best = (rank, place)
    return best[1] if best else None
