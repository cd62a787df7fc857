"""The places stage: geocoded place mentions of the article (contract: `places`), one Place per distinct place.

Runs the gazetteer over the whole text once, then drops what the other stages know is not a place: names inside
actor mentions of people and organisations ("Al Quds Force"), names the parse tags as a person. Boilerplate
sentences (related-article links, footers) are skipped: their places are not what the article is about.
"""

from __future__ import annotations

import re
from collections import Counter

from ..config import Config
from ..document import Place, Span
from ..pipeline import Analysis
from .gazetteer import Gazetteer, load_gazetteer
from .resolve import (
    ARMED_NOUN,
    SMALL_CITY,
    Hit,
    context_countries,
    firm_countries,
    is_locative,
    match_names,
    resolve_hits,
)
from .unlocated import DOMESTIC_SECTORS, ActorSpan, Unplaced, add_unlocated, plausible
from .unmatched import second_chances, small_foreign

NER_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # the shipped backbone writes LOC; OntoNotes models GPE/FAC
NER_PERSON_LABELS = frozenset({"PER", "PERSON"})
BORROWED_COUNTRY_KINDS = frozenset({"group", "other"})  # actor kinds whose country comes from the text around them
ARMED_SECTORS = frozenset({"MIL"})  # forces fight abroad: their country says little about where things happen


def _parse_spans(state: Analysis) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(person spans, place spans) from the parse's named entities, in article offsets, when the parse has NER."""
    people: list[tuple[int, int]] = []
    places: list[tuple[int, int]] = []
    for sent, doc in zip(state.sentences, state.parses):
        for ent in getattr(doc, "ents", ()) if doc is not None else ():
            start = sent.start + ent.start_char + (4 if ent.text.startswith(("the ", "The ")) else 0)
            span = (start, sent.start + ent.end_char)
            if ent.label_ in NER_PERSON_LABELS:
                people.append(span)
            elif ent.label_ in NER_PLACE_LABELS:
                places.append(span)
    return people, places


def _other_entities(state: Analysis) -> list[tuple[int, int]]:
    """Spans the parse labels as anything but a place (organisations, nationalities, works, dates, people)."""
    return [(sent.start + ent.start_char, sent.start + ent.end_char)
            for sent, doc in zip(state.sentences, state.parses) if doc is not None
            for ent in getattr(doc, "ents", ()) if ent.label_ not in NER_PLACE_LABELS]


def _blocked_by_actors(firm: list) -> list[tuple[int, int]]:
    """Spans of people and organisations the actors stage found (a place name inside them is part of a name)."""
    return [(m.start, m.end) for m in firm if m.actor.kind in ("person", "organization")]


# "near Sheikh Zuweid", "in Abu Kamal", "in North Waziristan's Mir Ali": a name right after a preposition of place
# (or after a place's possessive there) names a place, whatever title word opens it, unless it is itself a
# possessive ("in Netanyahu's cabinet")
_PLACE_RUN = re.compile(r"\b(?:in|at|near|outside|inside|around)\s+(?:[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)*['’]s\s+)?"
                        r"([A-Z][\w\-]*(?:\s[A-Z][\w\-]*)*)")


def _place_runs(text: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in _PLACE_RUN.finditer(text) if text[m.end():m.end() + 1] not in ("'", "’")]


def _within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _firm_mentions(state: Analysis, hits: list[Hit], gaz: Gazetteer, runs: list[tuple[int, int]]) -> list:
    """Actor mentions that say a name is no place: not coreference, and not a person
    - the actors stage knows nothing of (no code) named exactly as a gazetteer place or found by no gazetteer at
      all: the tagger reads "Wad Madani" and "Novi Sad" as people and the actors stage takes its word (the
      tagger's own PERSON spans still guard the place rules);
    - it did not find in its knowledge base, written right after a preposition of place ("near Sheikh Zuweid");
    - named by one word that is a town of the article's countries, with a place cue before it, and never named
      in full ("Boko Haram attacked Monguno": the town, not the adviser of that surname).
    `runs`: the names right after a preposition of place."""
    return [m for m in state.mentions if m.rule != "coref" and not (m.actor.kind == "person" and (
        m.actor.code is None and _place_like(state.text, m.start, m.end, hits, gaz)
        or m.rule != "kb" and _within(m.start, m.end, runs)
        or _surname_town(state, m, hits)))]


def _surname_town(state: Analysis, mention, hits: list[Hit]) -> bool:
    """A person named by one word only, exactly a town's name, where the words before make it a place."""
    text = state.text
    if " " in text[mention.start:mention.end] or not is_locative(text, mention.start) or \
            re.match(r"['’]s\b", text[mention.end:mention.end + 2]):
        return False
    if any(m.actor is mention.actor and m.end - m.start > mention.end - mention.start for m in state.mentions):
        return False
    return any(h.start == mention.start and h.end == mention.end and
               any(e.feature in ("city", "town", "village") for e, _ in h.candidates) for h in hits)


def _place_like(text: str, start: int, end: int, hits: list[Hit], gaz: Gazetteer) -> bool:
    """An uncoded person's span that is a place name, lies inside one ("Viña del" of Viña del Mar), ends in a place
    word ("Rakhine State") or holds no gazetteer name at all; "Paris Hilton" reaches beyond Paris and stays."""
    over = [h for h in hits if h.start < end and start < h.end]
    return not over or text[start:end].split()[-1] in gaz.place_words or \
        any(h.start <= start and end <= h.end for h in over)


def _actor_countries(state: Analysis, hits: list[Hit]) -> tuple[Counter[str], Counter[str]]:
    """The countries of the article's actor mentions, one vote per mention (coreference aside), as (the
    countries of all but armed forces, those of armed forces). A mention that is exactly a name of places in
    several countries casts no vote: the actors stage reads "Georgia" as the country, but in "Atlanta, Georgia"
    that is what the places stage has to settle. Nor does a town's name read as its government ("Minsk said"):
    it votes as a place already. Nor do bare sector groups ("voters", "police"): their country is borrowed from
    the places and demonyms around them ("voters in Georgia")."""
    ambiguous = {(h.start, h.end) for h in hits if len({e.country for e, _ in h.candidates}) > 1}
    cities = {(h.start, h.end): {e.country for e, _ in h.candidates if e.feature == "city"
                                 and e.population >= SMALL_CITY} for h in hits}
    votes = [m for m in state.mentions if m.actor.country and m.rule != "coref"
             and m.actor.kind not in BORROWED_COUNTRY_KINDS and (m.start, m.end) not in ambiguous
             and m.actor.country not in cities.get((m.start, m.end), ())]
    # "an Israeli drone": a nationality the actors stage reads as the state is armed by the word after it
    armed = [m.actor.sector in ARMED_SECTORS or bool(ARMED_NOUN.match(state.text, m.end)) for m in votes]
    return (Counter(m.actor.country for m, a in zip(votes, armed) if not a),
            Counter(m.actor.country for m, a in zip(votes, armed) if a))


def places_from_hits(hits: list[Hit]) -> list[Place]:
    """One Place per chosen entry, in order of first mention; a country's mentions are its locative ones only."""
    grouped: dict[int, tuple[Place, list[Hit]]] = {}
    for h in hits:
        entry = h.entry
        assert entry is not None
        key = id(entry)
        if key not in grouped:
            grouped[key] = (Place(name=entry.name, country=entry.country, lat=entry.lat, lon=entry.lon,
                                  feature=entry.feature, geonameid=entry.geonameid), [])
        place, members = grouped[key]
        if entry.feature != "country" or h.locative:
            place.mentions.append(Span(h.start, h.end, h.text))
        members.append(h)
    return [place for place, _ in grouped.values() if place.mentions]


def find_places(state: Analysis, gaz: Gazetteer) -> list[Place]:
    text = state.text
    skip = [(s.start, s.end) for s in state.sentences if s.kind == "boilerplate"]
    hits = [h for h in match_names(text, gaz) if not any(s <= h.start < e for s, e in skip)]
    people, ner_places = _parse_spans(state)
    runs = _place_runs(text)
    people = [(s, e) for s, e in people if not _within(s, e, runs)]
    firm = _firm_mentions(state, hits, gaz, runs)
    blocked = _blocked_by_actors(firm)
    actor_countries, armed_countries = _actor_countries(state, hits)
    kept = resolve_hits(text, hits, gaz, blocked, people, set(ner_places), actor_countries, armed_countries)
    context = context_countries(text, hits, gaz, actor_countries, armed_countries)
    actors = [(m.start, m.end) for m in firm]  # an actor is never a village
    unplaced: list[Unplaced] = []
    found = second_chances(text, hits, kept, gaz, context, blocked + skip + actors, people, unplaced)
    found = _home_not_abroad(state, found, context, unplaced)
    # a name no data holds, with a place cue, is a place unless the tagger reads it as something else (a
    # person, an organisation, a nationality, a work); strong words ("the village of X") overrule the tagger
    others = _other_entities(state)
    unplaced = [u for u in unplaced if (u.strong or not any(s < u.end and u.start < e for s, e in others)) and
                plausible(u, text, any(s < u.end and u.start < e for s, e in ner_places))]
    actor_spans = [ActorSpan(m.start, m.end, m.actor.country, m.actor.sector) for m in state.mentions
                   if m.rule != "coref"]
    return places_from_hits(add_unlocated(text, state.sentences, found, unplaced, gaz, actor_spans))


def _home_not_abroad(state: Analysis, found: list[Hit], context: Counter[str], unplaced: list[Unplaced]) -> list[Hit]:
    """A little-known town abroad that the article's own countries lack, in a sentence whose police, officials or
    protesters are of one of those countries ("Kenyan police raided homes in Eastleigh"), is a place of theirs no
    data holds: they act at home. It is left unplaced in their country, not put in England."""
    firm = firm_countries(context)
    out = []
    for h in found:
        if h.pinned or not small_foreign(h, context):
            out.append(h)
            continue
        sent = next((s for s in state.sentences if s.start <= h.start < s.end), None)
        home = {m.actor.country for m in state.mentions if sent is not None and sent.start <= m.start < sent.end
                and m.rule != "coref" and m.actor.sector in DOMESTIC_SECTORS and firm.get(m.actor.country or "")}
        if home and h.entry is not None and h.entry.country not in home:
            unplaced.append(Unplaced(h.start, h.end, h.text, next(iter(home)) if len(home) == 1 else None))
        else:
            out.append(h)
    return out


def make_stage(config: Config):
    gaz = load_gazetteer()

    def geo_stage(state: Analysis) -> None:
        state.places = find_places(state, gaz)
    return geo_stage
