"""Second chances for place names the gazetteer missed or got wrong, settled by where the text says they lie.

Two general rules run after the main resolution:
- a relation to another place overrules a namesake far away: in "Duma, a village south of Nablus" or "Hays, south
  of Hodeidah" the gazetteer's Duma (Syria) and Hays (Kansas) lie hundreds of kilometres from the place the text
  puts them beside, so they are dropped for a namesake near it, or for nothing;
- a capitalised name with a place cue ("in Renk", "Tegh, an Armenian village", "Moreh on the Myanmar border") that
  no kept place covers is looked up among GeoNames' villages (villages.py), only in the country the text pins it
  to (", Yemen", "in northern Mali", the relation's place) or else the countries the article is about. Where the
  article names no country at all, the name is looked up in the whole world and kept only when it is one place
  (or one place far larger than any namesake): "detained in Grodno" is Hrodna, "in Victoria" stays unplaced.
- a name no data holds that the text puts beside a known place ("Mubarak, a village near Sake", "the village of
  X, south of Hebron") takes that place's point, with the feature "near" saying the point is the neighbour's;
- a name the gazetteer matched only by transliteration key gives way to a village spelt exactly as written in
  the same country ("Srebrenica" is not the town of Srebrenik).
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

from .gazetteer import Entry, Gazetteer, fold, haversine_km, never_places
from .resolve import (
    _LOCATED_AFTER,
    _NAME_RUN,
    _PLACE_APPOSITION,
    RELATION_MAX_KM,
    SAME_PLACE_KM,
    SMALL_CITY,
    WORLD_KNOWN,
    Hit,
    firm_countries,
    is_locative,
    modifier_shape,
)
from .unlocated import Unplaced
from .villages import find_anywhere, find_villages

CONTEXT_COUNTRIES = 3  # the article's most-named countries searched for an unpinned village
MIN_NAME_LENGTH = 3
COMPASS_WORDS = frozenset({"East", "West", "North", "South"})
ANCHOR_FEATURES = frozenset({"city", "town", "village", "camp", "crossing", "airport", "base", "site"})
_POSSESSIVE = re.compile(r"(?:'s|’s)$")
WORLD_LOOKUPS = 4  # names looked up worldwide per article (a byte search of the 80 MB cities500 each, 30–50 ms)
WORLD_SPELLING_SIMILARITY = 70  # an alternate name found worldwide must look like the place's own name
WORLD_DOMINANCE = 10  # a namesake this many times larger than every other is the place meant
# "the village of Kafr Qaddum", "Tegh, an Armenian village": the words say it is a place, whatever the tagger says
_STRONG_BEFORE = re.compile(r"\b(?:village|town|city|hamlet|camp|district|suburb|neighbourhood|neighborhood|"
                            r"settlement|municipality|province|region)\s+of\s+$")
_WATER_AFTER = re.compile(r"\s+(?i:river|lake|sea|strait|gulf|bay)\b")
APPROXIMATE = "near"  # the feature of a place given the point of the place the text puts it beside
_NEAR = re.compile(r",?\s+(?:(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?)?(?:near|outside|just outside|close to|"
                   r"on the outskirts of|on the edges? of|on the fringes of)\s")
# "in al-Mughayyir", "el Fasher": a lower-case Arabic article before a name (with a space only al/el: "at", "as"
# and "an" are English words)
_ARTICLE_BEFORE = re.compile(r"(?<![\w\-])(?:(?:al|el|ad|an|ar|as|ash|at|az)-|(?:al|el) )$")
_PIN_AFTER = re.compile(r"(?:,\s+|\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)(?:ern)?\s+)?)")


def _anchor(text: str, end: int, kept: dict[int, Hit], context: Counter[str]) -> Hit | None:
    """The kept place a relation after `end` puts the name beside ("south of Hodeidah", "near Lashio"): a town or
    city of a country the article is about, and a whole name ("near the Line of Control" is no town Line)."""
    m = _LOCATED_AFTER.match(text, end)
    if not m or not m.group("rel"):
        return None
    anchor = kept.get(m.end())
    if anchor is None or anchor.entry is None or anchor.entry.lat is None or anchor.fuzzy or \
            anchor.entry.feature not in ANCHOR_FEATURES or not context.get(anchor.entry.country or "") or \
            re.match(r"\s+(?:of|de|del|al)\s", text[anchor.end:anchor.end + 5]):
        return None
    return anchor


def _distance(entry: Entry, anchor: Hit) -> float:
    a = anchor.entry
    assert a is not None and a.lat is not None and a.lon is not None
    if entry.lat is None or entry.lon is None:
        return float("inf")
    return haversine_km(entry.lat, entry.lon, a.lat, a.lon)


def _pinned_country(text: str, end: int, by_start: dict[int, Hit], kept_at: dict[int, Hit]) -> str | None:
    """", Yemen", " in northern Mali" or " in Plateau state" right after a name: that country (a province's as
    the main resolution chose it)."""
    m = _PIN_AFTER.match(text, end)
    if not m:
        return None
    resolved = kept_at.get(m.end())
    if resolved is not None and resolved.entry is not None and resolved.entry.feature in ("region", "state"):
        return resolved.entry.country
    nxt = by_start.get(m.end())
    if nxt is None:
        return None
    countries = {e.country for e, _ in nxt.candidates if e.feature == "country"}
    if len(countries) == 1 and all(e.feature == "country" for e, _ in nxt.candidates):
        return countries.pop()
    return None


def _has_cue(text: str, start: int, end: int) -> bool:
    return is_locative(text, start) or bool(_PLACE_APPOSITION.match(text, end)) or bool(
        _LOCATED_AFTER.match(text, end))


def _strong_cue(text: str, start: int, end: int) -> bool:
    """Words that make a name a place even where the tagger reads a person or an organisation."""
    return bool(_STRONG_BEFORE.search(text[max(0, start - 40):start]) or _PLACE_APPOSITION.match(text, end))


def _world_unique(name: str, gaz: Gazetteer) -> Entry | None:
    """The one place in the world called `name`, or the one far larger than its namesakes."""
    found = find_anywhere(name, {iso2: code for code, iso2 in gaz.alpha2.items()})
    named = [e for e in found if e.name == fold(name)]  # a place called so outranks one also called so
    # by another name only a city ("Grodno" for Hrodna), a town whose name it spells otherwise ("Reasi" for
    # Riasi) or one it names with a word more ("Lakki Marwat" for Lakki), not a part of a longer name ("Evin" for
    # Evin-Malmaison)
    written = fold(name).lower()
    found = named or [e for e in found if e.population >= SMALL_CITY
                      or fuzz.ratio(written, e.name.lower()) >= WORLD_SPELLING_SIMILARITY
                      or written.startswith((e.name.lower() + " ", e.name.lower() + "-"))]
    if not found:
        return None
    best = found[0]
    rest = [e for e in found[1:] if haversine_km(best.lat, best.lon, e.lat, e.lon) > SAME_PLACE_KM]  # type: ignore[arg-type]
    if rest and best.population < WORLD_DOMINANCE * max(rest[0].population, 1):
        return None
    return best


def _owner(text: str, start: int, kept_by_end: dict[int, Hit]) -> Hit | None:
    """The town or city whose part a name is ("Tehran's Vanak Square", "Dhaka's Shahbag"): its namesakes far
    from it are other places."""
    m = re.search(r"['’]s\s+$", text[max(0, start - 4):start])
    owner = kept_by_end.get(start - len(m.group())) if m else None
    if owner is None or owner.entry is None or owner.entry.lat is None or owner.fuzzy or \
            owner.entry.feature not in ANCHOR_FEATURES:
        return None
    return owner


def _trim(text: str, start: int, end: int, gaz: Gazetteer) -> tuple[int, int]:
    """Drop a possessive and the place words around a run: "Geneina's" -> Geneina, "Kamaran Island" -> Kamaran."""
    name = text[start:end]
    m = _POSSESSIVE.search(name)
    if m:
        end -= len(m.group())
    words = list(re.finditer(r"[^\s\-]+", text[start:end]))
    while words and words[-1].group() in gaz.place_words:
        words.pop()
    # a leading compass word is part of a town's name ("East Palestine"); a known place after it ("East
    # Ukraine") is covered by its hit and never reaches here
    while words and words[0].group() in gaz.place_words and not (
            words[0].group() in COMPASS_WORDS and len(words) > 1):
        words.pop(0)
    if not words:
        return start, start
    return start + words[0].start(), start + words[-1].end()


def small_foreign(h: Hit, context: Counter[str]) -> bool:
    """A town GeoNames knows little of (Ambo, Peru), in a country the article never names while it names others
    (its armed forces aside: "Russian forces pressed toward Pokrovsk" names no country the town could be in)."""
    e = h.entry
    return e is not None and e.feature in ("city", "town", "village") and not e.curated and \
        e.population < SMALL_CITY and e.prominence < WORLD_KNOWN and not context.get(e.country or "") and \
        not h.fuzzy and any(c not in getattr(context, "armed", ()) for c in context)


# "Sudan at Gallabat", "Kenya as Nairobi": an Arabic article written apart is also an English word; after a known
# name it is the English word and the run holds two names
_ENGLISH_LINK = re.compile(r"\s(?:at|as|an|en|es)\s")


def _parts(text: str, start: int, end: int, gaz: Gazetteer):
    """A run cut after a known name followed by a linking word that is English ("Sudan at Gallabat")."""
    for link in _ENGLISH_LINK.finditer(text, start, end):
        if gaz.lookup(text[start:link.start()]):
            yield start, link.start()
            start = link.end()
    yield start, end


def _runs(text: str, gaz: Gazetteer):
    """Capitalised names, split at a possessive ("Gilgit-Baltistan's Chilas" holds two) and after a known name
    joined to the next by an English word."""
    for run in _NAME_RUN.finditer(text):
        for first, last in _parts(text, run.start(), run.end(), gaz):
            offset = first
            for part in re.split(r"((?:'s|’s)\s+)", text[first:last]):
                if part and not re.fullmatch(r"(?:'s|’s)\s+", part):
                    start, end = _trim(text, offset, offset + len(part), gaz)
                    article = _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
                    if article and end > start:
                        start = article.start()
                    if end > start:
                        yield start, end
                offset += len(part)


def second_chances(text: str, hits: list[Hit], kept: list[Hit], gaz: Gazetteer, context: Counter[str],
                   blocked: list[tuple[int, int]], people: list[tuple[int, int]],
                   unplaced: list[Unplaced] | None = None) -> list[Hit]:
    """`kept` with far namesakes dropped or moved and villages added, in text order. Names with a place cue
    that no data holds go to `unplaced` (with the country the text pins them to, and whether the cue is strong)
    when it is given."""
    by_start = {h.start: h for h in hits}
    kept_at = {h.start: h for h in kept}
    if not context:  # no name is firm enough to say what the article is about: the places it kept still say where
        context = Counter(h.entry.country for h in kept if h.entry is not None and h.entry.country and not h.fuzzy)
    out: list[Hit] = []
    vetoed: dict[int, str] = {}  # start of a dropped name -> the country its relation points to
    for h in kept:
        anchor = _anchor(text, h.end, kept_at, context)
        if anchor is None or h.entry is None or h.entry.lat is None or h.entry.feature == "country" or \
                _distance(h.entry, anchor) <= RELATION_MAX_KM:
            out.append(h)
            continue
        near = [e for e, _ in h.candidates if _distance(e, anchor) <= RELATION_MAX_KM]
        if near:
            h.entry = max(near, key=lambda e: e.population)
            out.append(h)
        else:
            vetoed[h.start] = anchor.entry.country  # type: ignore[union-attr]
    top = [code for code, _ in context.most_common(CONTEXT_COUNTRIES)]
    firm_top = [code for code, _ in firm_countries(context).most_common(CONTEXT_COUNTRIES)]
    for h in out:  # a small foreign namesake, where the article's own countries have a place of the name
        if h.entry is not None and small_foreign(h, context) and not h.pinned:
            alpha2 = {gaz.alpha2[c]: c for c in firm_top if c in gaz.alpha2}
            found = sorted(find_villages(h.text, alpha2), key=lambda e: -context.get(e.country or "", 0))
            if found:
                h.entry = found[0]
    for h in out:  # a look-alike spelling ("Srebrenik") where a village is spelt exactly as written
        if h.fuzzy and h.entry is not None and h.entry.feature != "region" and h.entry.country in gaz.alpha2:
            exact = find_villages(h.text, {gaz.alpha2[h.entry.country]: h.entry.country}, exact=True)
            if exact and h.entry.name not in {e.name for e in exact}:
                h.entry = exact[0]
    # a country's name read as an actor ("Palestine") may be part of a longer town name, like an actor's
    covered = [(h.start, h.end) for h in out if h.entry is None or h.entry.feature != "country" or h.locative]
    blocked = blocked + [(h.start, h.end) for h in out if (h.start, h.end) not in covered]
    world_lookups = 0
    kept_by_end = {h.end: h for h in out}
    for start, end in _runs(text, gaz):
        name = text[start:end]
        # a tagger's PERSON exactly on a one-word name with a place cue is the place ("attacked Duma, a
        # village"); one reaching beyond it, or on several words, is a person's name ("met Ismail Haniyeh")
        strong = _strong_cue(text, start, end)
        # "East Palestine, Ohio": a longer name pinned by a state or country holds an actor's name, it is not one
        inside = [(s, e) for s, e in blocked if s < end and start < e]
        longer_pinned = bool(inside) and all(start <= s and e <= end and e - s < end - start for s, e in inside) \
            and _pinned_country(text, end, by_start, kept_at) is not None
        if len(name) < MIN_NAME_LENGTH or any(s < end and start < e for s, e in covered) or \
                inside and not longer_pinned or \
                not strong and any(s < end and start < e and (s < start or e > end or " " in name)
                                   for s, e in people) or \
                name in gaz.stoplist or name in gaz.demonyms or name.rstrip("s") in gaz.demonyms or \
                name in gaz.place_words or any(w in never_places() or w in gaz.institution_words or w in gaz.generic
                                               for w in name.split()[name.split()[0] in COMPASS_WORDS:]) or gaz.lookup(name) and \
                all(e.feature == "country" for e, _ in gaz.lookup(name)):
            continue
        pinned_after = _pinned_country(text, end, by_start, kept_at)
        if not (strong or pinned_after or _has_cue(text, start, end)) or \
                gaz.lookup(name) and modifier_shape(text, start, end):
            continue  # no place cue, or a known name the resolution read as a modifier ("the Minsk accords")
        if _WATER_AFTER.match(text, end):
            continue  # "across the Evros river": a river is no village of its name
        owner = _owner(text, start, kept_by_end)
        anchor = _anchor(text, end, kept_at, context) or owner
        pinned = vetoed.get(start) or pinned_after or (
            anchor.entry.country if anchor is not None and anchor.entry is not None else None)
        countries = [pinned] if pinned else top
        if not countries:
            if world_lookups < WORLD_LOOKUPS:
                world_lookups += 1
                unique = _world_unique(name, gaz)
                if unique is not None:
                    out.append(Hit(start, end, name, [(unique, True)], locative=True, entry=unique))
                    continue
            if unplaced is not None:
                unplaced.append(Unplaced(start, end, name, None, strong))
            continue
        alpha2 = {gaz.alpha2[c]: c for c in countries if c in gaz.alpha2}
        found = find_villages(name, alpha2)
        if anchor is not None:
            found = [e for e in found if _distance(e, anchor) <= RELATION_MAX_KM]
            found.sort(key=lambda e: _distance(e, anchor))
        else:
            found.sort(key=lambda e: -context.get(e.country or "", 0))  # stable: find_villages' order within
        if found:
            out.append(Hit(start, end, name, [(found[0], True)], locative=True, entry=found[0]))
        elif anchor is not None and anchor.entry is not None and (
                strong or owner is not None or _NEAR.match(text, end) and is_locative(text, start)):
            # "the village of X near Y", "X, a village outside Y", "Y's X district": no data holds X, but the
            # text says it is beside or inside Y; it gets Y's point, flagged by its feature
            near = anchor.entry
            entry = Entry(name, near.country, near.lat, near.lon, APPROXIMATE)
            out.append(Hit(start, end, name, [(entry, True)], locative=True, entry=entry))
        elif unplaced is not None:
            unplaced.append(Unplaced(start, end, name, pinned, strong))
    return sorted(out, key=lambda h: h.start)
