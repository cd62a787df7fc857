"""Places no data holds, kept with the country the text puts them in and no point.

A name the text marks as a place ("in Silwan", "the village of X", "Lakki Marwat district") that neither the
gazetteer nor GeoNames' villages hold is still a place of the event: dropping it leaves the event with no place
at all, or with a broader one found elsewhere in the sentence. It is output with its country and no coordinates,
and with the feature "unlocated" so nobody reads a point into it. The country comes, in this order, from:
1. where the text pins it (", Yemen", "south of Hebron": settled by `second_chances`);
2. a country named in the same sentence ("crossed into Sudan at Gallabat"), the nearest one;
3. a demonym that places the sentence ("on the Lebanese border", "a Syrian village") or a domestic actor in it
   ("Bahraini police", "Algerian protesters"); soldiers, jets and drones are not evidence, they cross borders
   ("an Israeli drone struck a car near Jezzine");
4. the nearest place resolved in the same sentence, then in the same paragraph;
5. the country most of the article's resolved places lie in.
Where none of these holds, the name is left out: a place of unknown country is no use to a user.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..document import Sentence
from .gazetteer import Entry, Gazetteer
from .resolve import NOUN_AFTER, Hit, demonyms_in

UNLOCATED = "unlocated"  # the feature of a place whose country is known and whose point is not
DOMESTIC_SECTORS = frozenset({"COP", "JUD", "GOV", "CVL", "OPP", "LAB", "EDU", "LEG", "PTY", "REL", "BUS", "AGR"})
# a body of water borders several countries: no one country is right for it
_WATER = re.compile(r"\b(?:Sea|Ocean|Strait|Straits|Gulf|Channel|Bay|Mediterranean|Baltic|Adriatic|Aegean|Atlantic|"
                    r"Pacific|Caribbean)\b")
# a name the tagger does not read as a place needs a preposition of place right before it ("in Diraz")
_PLAIN_CUE_BEFORE = re.compile(r"\b(?:in|near|at|outside|around)\s+(?:the\s+)?"
                               r"(?:(?:[A-Z][\w\-]*\s)*[A-Z][\w\-]*['’]s\s+)?$")  # "in North Waziristan's Mir Ali"
_PLACE_NOUN_AFTER = re.compile(r"\s+(?:village|town|city|border|province|district|region|capital|territory|"
                               r"countryside|hamlet|camp|port|coast|island|side)s?\b")


@dataclass
class Unplaced:
    """A capitalised name with a place cue that no data holds; `pinned` is the country the text ties it to."""

    start: int
    end: int
    name: str
    pinned: str | None = None
    strong: bool = False  # "the village of X", "X, a village": a place whatever the tagger says


@dataclass
class ActorSpan:
    """An actor mention as this module needs it: where it is, its country and sector."""

    start: int
    end: int
    country: str | None
    sector: str | None


def _sentence_of(sentences: list[Sentence], at: int) -> Sentence | None:
    return next((s for s in sentences if s.start <= at < s.end), None)


def _nearest(hits: list[Hit], at: int) -> str | None:
    best = min(hits, key=lambda h: abs(h.start - at), default=None)
    return best.entry.country if best is not None and best.entry is not None else None


def _demonym_country(text: str, sent: Sentence, gaz: Gazetteer, actors: list[ActorSpan]) -> str | None:
    """A demonym placing the sentence: before a place noun, or naming a domestic actor in it."""
    for code, end in demonyms_in(sent.text, gaz):
        if _PLACE_NOUN_AFTER.match(sent.text, end):
            return code
    for a in actors:
        if sent.start <= a.start < sent.end and a.country and a.sector in DOMESTIC_SECTORS:
            return a.country
    return None


def plausible(u: Unplaced, text: str, tagged_place: bool) -> bool:
    """Whether an unplaced name reads as a place: never a body of water nor a modifier of a common noun, and, where
    the tagger does not call it a place and no strong words do, with a preposition of place right before it."""
    if _WATER.search(u.name) or _WATER.match(text, u.end) or re.match(r"\s+(?:Sea|Ocean|Strait)\b", text[u.end:]):
        return False
    if NOUN_AFTER.match(text, u.end) and not u.strong:
        return False
    return u.strong or tagged_place or bool(_PLAIN_CUE_BEFORE.search(text[max(0, u.start - 60):u.start]))


def country_for(u: Unplaced, text: str, sentences: list[Sentence], kept: list[Hit], gaz: Gazetteer,
                actors: list[ActorSpan]) -> str | None:
    """The country the text puts an unplaced name in, by the order in the module docstring, or None."""
    if u.pinned:
        return u.pinned
    # a country counts where it is named as a place ("into Sudan"), not as an actor ("US troops")
    located = [h for h in kept if h.entry is not None and h.entry.country and h.entry.feature != UNLOCATED
               and (h.entry.feature != "country" or h.locative)]
    sent = _sentence_of(sentences, u.start)
    if sent is None:
        return None
    in_sentence = [h for h in located if sent.start <= h.start < sent.end]
    countries = [h for h in in_sentence if h.entry is not None and h.entry.feature == "country"]
    if countries:
        return _nearest(countries, u.start)
    demonym = _demonym_country(text, sent, gaz, actors)
    if demonym:
        return demonym
    if in_sentence:
        return _nearest(in_sentence, u.start)
    para = {s.index for s in sentences if s.paragraph == sent.paragraph}
    in_paragraph = [h for h in located if (_sentence_of(sentences, h.start) or sent).index in para]
    if in_paragraph:
        return _nearest(in_paragraph, u.start)
    counts = Counter(h.entry.country for h in located if h.entry is not None)
    if counts:
        return counts.most_common(1)[0][0]
    return None


def add_unlocated(text: str, sentences: list[Sentence], kept: list[Hit], unplaced: list[Unplaced],
                  gaz: Gazetteer, actors: list[ActorSpan]) -> list[Hit]:
    """`kept` with each unplaced name whose country the text tells added as an unlocated place, in text order."""
    out = list(kept)
    entries: dict[tuple[str, str], Entry] = {}  # one Place per name and country, however often it is named
    for u in unplaced:
        if any(h.start < u.end and u.start < h.end for h in out):
            continue
        country = country_for(u, text, sentences, kept, gaz, actors)
        if country is None:
            continue
        entry = entries.setdefault((u.name, country), Entry(u.name, country, None, None, UNLOCATED))
        out.append(Hit(u.start, u.end, u.name, [(entry, True)], locative=True, entry=entry))
    return sorted(out, key=lambda h: h.start)
