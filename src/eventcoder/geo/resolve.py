"""Find place mentions in text and resolve each to one gazetteer entry.

A name found by the gazetteer is a place mention unless the text says otherwise:
- it is part of a longer proper name ("Al Quds Force", "Michael Jordan", "New York Times") — read from the
  actor mentions when the actors stage found one there, from NER when the parse has it, else from capitalised
  neighbours;
- it is a word that is also an everyday word or a person's name (data/places/stoplist.txt) and the text does not
  make it locative ("in Split") or pin it to a country ("Jackson, Mississippi");
- it is a small city (under SMALL_CITY) in a country the article is not about, and not locative.

Country names are places only where they are locative ("in Iran", "Tehran, Iran", "visiting Iran"): "Iran said"
or "Iran's foreign minister" name an actor, which the actors stage codes, not a location. Cities and smaller
places are kept even as metonyms ("Tehran condemned"), since they still name where the article is about.

Ambiguous names are settled by the countries the article is about (country names, nationality adjectives and
unambiguous places), an explicit country beside the name ("Tripoli, Lebanon"), then population.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .gazetteer import (
    REGION_SKELETON_MIN_LENGTH,
    SKELETON_MIN_LENGTH,
    Entry,
    Gazetteer,
    fold,
    haversine_km,
    skeleton,
)

SMALL_CITY = 100_000
SMALL_FEATURES = frozenset({"town", "village"})  # curated towns (data/places/towns.tsv) need the text's support
NEARBY_KM = 300  # an ambiguous name near a place the article names without ambiguity is likelier that one
NEARBY_BONUS = 3
SAME_PLACE_KM = 30  # two gazetteer rows this close under one name are one place  # less than the article's country (4-5): it settles namesakes within a country or across a border
WORLD_KNOWN = 50  # a town GeoNames names in this many languages is known by itself (Timbuktu, Bethlehem)
PROMINENCE_WEIGHT = 2.0  # per tenfold alternate names, worth a hundredfold population: Valencia, Spain by default
CONTEXT_BONUS = 4  # a country the article is about outweighs ten thousandfold population
ARMED_HOME_BONUS = 0.25  # forces' own country only breaks ties with the countries they fight in ("sent to Punjab")
# "Russian forces", "Israeli jets", "Chinese coast guard ships": a nationality before these says whose weapons,
# not where they are
ARMED_NOUN = re.compile(
    r"\s+(?:(?:air|naval|special|coast|ground|armed)\s+)?(?:forces?|troops|soldiers|army|armies|military|jets|"
    r"warplanes|aircraft|drones?|missiles?|rockets?|navy|warships?|artillery|shelling|shells|strikes?|airstrikes?|"
    r"tanks|marines|paratroopers|guard|commandos|units?|bombers|gunboats|submarines?|fire)\b")

_LOCATIVE_BEFORE = re.compile(
    r"(?:^|\W)(?i:in|at|near|outside|inside|from|into|across|throughout|around|towards?|through|via|within|"
    r"off|to|over|along|borders? with|frontier with|beyond|amid|across|nearby|visit(?:s|ed|ing)?|enter(?:s|ed|ing)?|reach(?:es|ed|ing)?|"
    r"based in|invade[ds]?|invading|bomb(?:s|ed|ing)|struck|hit|left|leaving|shell(?:s|ed|ing)|"
    r"raid(?:s|ed|ing)|captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|storm(?:s|ed|ing)|besieg(?:e|es|ed|ing)|"
    r"recaptur(?:e|es|ed|ing)|retak(?:e|es|en|ing)|retook|overr(?:an|un|uns|unning)|evacuat(?:e|es|ed|ing)|fled|flee(?:s|ing)?|"
    r"return(?:s|ed|ing)? to|t(?:ook|ake|akes|aken|aking)|attack(?:s|ed|ing)?|surround(?:s|ed|ing)?|"
    r"encircl(?:e|es|ed|ing)|liberat(?:e|es|ed|ing)|defenders of|siege of|fall of|battle for|control of|"
    r"advance(?:s|d)? on|push(?:es|ed)? into|withdr(?:ew|awn) from|pulled out of|out of|fell on|landed (?:in|on)|"
    r"headquartered in|located in|born in|patrol(?:s|led|ling)?|ambush(?:es|ed|ing)? (?:\w+ )?(?:near|outside))"
    r"\s+(?:(?i:the|northern|southern|eastern|western|central|north|south|east|west|north-eastern|north-western|"
    r"south-eastern|south-western|northeastern|northwestern|southeastern|southwestern|occupied|besieged|"
    r"embattled|capital|coastal|border|port|holy|city|town|village|camp|region|province|district|area|"
    r"outskirts|suburbs|heart|centre|center|of|rest|parts|part|whole|all|neighbouring|neighboring|"
    r"northernmost|southernmost|,)\s*|[A-Z][\w\-]*(?:'s|’s)\s+)*$")
_OF_PLACE_BEFORE = re.compile(
    r"\b(?i:residents|inhabitants|people|city|town|village|streets|outskirts|mayor|governor|port|capital|suburbs|"
    r"centre|center|heart|district|province|region|camp|north|south|east|west|northern|southern|eastern|western|"
    r"parts|rest|hub|enclave|stronghold|bastion|island|islands)\s+of\s+(?:the\s+)?$")
# "Vovchansk, a town close to the border", "Sittwe, the capital of Rakhine": the apposition says it is a place
_PLACE_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,4}?(?:town|city|village|port|capital|district|province|region|camp|"
    r"hub|stronghold|enclave|suburb|neighbourhood|neighborhood|settlement|county|state|governorate|oblast|"
    r"municipality|island|crossing|area)\b")
# "Moreh on the Myanmar border", "Hays, south of Hodeidah", "Komanda in Ituri province": where it lies says it is a
# place; the name after the relation (RELATION) is where it lies
_LOCATED_AFTER = re.compile(
    r",?\s+(?:(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?)?(?:(?:some\s+|about\s+)?\d+\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?P<rel>(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|"
    r"southeast|southwest)(?:ern)?\s+of|near|outside|just outside|close to|on the outskirts of|on the edges? of|"
    r"on the fringes of)\s+(?:the\s+)?(?=[A-Z])"
    r"|\s+on\s+the\s+(?:[\w\-]+\s+){1,3}?(?:border|frontier|coast|road|highway|outskirts)\b"
    r"|\s+in\s+(?:the\s+)?(?:[A-Z][\w\-]+\s+){1,2}(?:province|state|region|district|governorate|county|oblast)\b")
# "the Ebola response", "the Amazon fund": a name before a common noun that is no place word modifies the noun
NOUN_AFTER = re.compile(r"\s+(?!(?:village|town|city|border|province|district|region|mountains?|river|valley|"
                         r"dam|base|prison|camp|island|islands|area|neighbourhood|neighborhood|quarter|market|"
                         r"crossing|checkpoint|refinery|port|airport|hospital|mosque|church|square)\b)[a-z]{3,}\b")
RELATION_MAX_KM = 150
PROVINCE_SPREAD_KM = 150  # "X, Province": namesakes this much farther from the province's centre than the nearest are elsewhere
PROVINCE_WORD_BONUS = 12  # a province word after a name outweighs population and prominence
PROVINCE_KIND_BONUS = 3  # "Plateau state": Nigeria's state over Benin's department of that name  # "X, south of Y": a namesake of X farther than this from Y is another place
# "the Australian state of Victoria", "the Malian town of Lere": the adjective says which country's
_DEMONYM_OF = re.compile(
    r"\b(?P<demonym>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+(?:[a-z\-]+\s+){0,2}?(?:town|city|village|port|capital|"
    r"state|province|region|district|governorate|oblast|county|island|enclave|camp|settlement|border town|"
    r"border city)\s+of\s+$")
# "Khiam in south Lebanon", "Tessalit in northern Mali", "Sudzha in Russia's Kursk region"
_IN_COUNTRY_AFTER = re.compile(
    r"^,?\s+(?:in|inside|near)\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|"
    r"southwestern)\s+)?$")
_AND_BEFORE = re.compile(r"^(?:\s*,\s*|\s+(?:and|or)\s+|\s*,\s*(?:and|or)\s+)$")
_PROPER_NEIGHBOUR = re.compile(r"[A-Z][\w\-]+")


@dataclass
class Hit:
    """A gazetteer name found in the text."""

    start: int
    end: int
    text: str
    candidates: list[tuple[Entry, bool]]
    locative: bool = False
    pinned_admin1: str | None = None  # the US state written beside it ("Wilmington, Delaware")
    pinned: str | None = None  # the country written beside it ("Tripoli, Lebanon" -> "LBN"; "Atlanta, Georgia" -> "USA")
    entry: Entry | None = None
    fuzzy: bool = False  # matched by transliteration key, not as written ("Khan Sheikhoun" for Khān Shaykhūn)
    pin_options: frozenset[str] = frozenset()  # every country the pinning name may be ("Georgia": GEO, USA)
    province_word: str | None = None  # "state" in "Plateau state": which country's kind of province it is


def is_locative(text: str, start: int) -> bool:
    """Whether the words before `start` make a name there a location ("in the capital Tehran's ...")."""
    before = text[max(0, start - 80):start]
    return bool(_LOCATIVE_BEFORE.search(before) or _OF_PLACE_BEFORE.search(before))


def _token_before(text: str, start: int) -> str:
    m = re.search(r"([\w\-’'.]+)\s+$", text[max(0, start - 40):start])
    return m.group(1) if m else ""


def _token_after(text: str, end: int) -> str:
    m = re.match(r"\s+([\w\-]+)", text[end:end + 40])
    return m.group(1) if m else ""


def _inside_longer_name(text: str, hit: Hit, gaz: Gazetteer) -> bool:
    """A capitalised word glued to the name that is no place word: 'Michael Jordan', 'Al Quds Force'."""
    before = _token_before(text, hit.start)
    if before and _PROPER_NEIGHBOUR.fullmatch(before) and before not in gaz.place_words:
        return True
    after = _token_after(text, hit.end)
    return bool(text[hit.end:hit.end + 1] == " " and after and _PROPER_NEIGHBOUR.fullmatch(after)
                and after not in gaz.place_words)


# "Pul-e-Khumri", "Mazar-i-Sharif": a linking syllable after a hyphen makes the name longer; "Iran-backed" and
# "Israel-Gaza" keep their first name
_HYPHEN_LINK = re.compile(r"-(?:e|i|ye|ul|al|el|ad|as|ash|ar|az|at|an|o|u|da|de|du)-[A-Z]")


def match_names(text: str, gaz: Gazetteer) -> list[Hit]:
    """Every gazetteer name at word boundaries, longest first, without overlaps."""
    raw: list[Hit] = []
    for end_index, name in gaz.automaton.iter(text):
        start, end = end_index - len(name) + 1, end_index + 1
        if (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_")) or \
                (end < len(text) and (text[end].isalnum() or text[end] == "_")) or _HYPHEN_LINK.match(text, end):
            continue
        raw.append(Hit(start, end, name, gaz.lookup(name)))
    raw.sort(key=lambda h: (h.start, -(h.end - h.start)))
    hits: list[Hit] = []
    for h in raw:
        if hits and h.start < hits[-1].end:
            continue
        hits.append(h)
    return _add_transliterations(text, hits, gaz)


_NAME_RUN = re.compile(r"[A-Z][\w’'‘`]*(?:[ \-](?:(?:al|el|an|ash|ar|as|ad|az|at|ad|ed|es|en|ez|ul)[ \-]|(?:e|i|ye)-)?[A-Z][\w’'‘`]*)*")
MAX_NAME_WORDS = 4
PROVINCE_MIN_SIMILARITY = 55  # "Al Jazirah state" is Gezira, "the Chapare region" no Siparia: one key, no look-alike
FOREIGN_SPELLING_MIN_SIMILARITY = 80  # a variant in a country the article never names must look closer still
_PROVINCE_WORD = re.compile(r"\s+(?:state|province|governorate|region|oblast|district|county|prefecture)\b")


def _spelt_alike(written: str, name: str, minimum: int = 70) -> bool:
    """A key shared by two names is a spelling variant only when the names also look alike: 'Khan Sheikhoun' and
    'Khān Shaykhūn' do, 'Komanda' and 'Kyōmendao' (one key, another town in another country) do not."""
    return fuzz.ratio(_bare(written), _bare(name)) >= minimum


@lru_cache(maxsize=65_536)
def _bare(text: str) -> str:
    """A name folded, lower-cased and without Arabic articles, for comparing spellings."""
    return " ".join(w for w in re.split(r"[\s\-]+", fold(text).lower().replace("‘", "").replace("’", ""))
                    if w not in ("al", "el", "an", "ash", "ar", "as", "ad", "az", "at", "ez", "es"))


_NAME_PREPOSITIONS = frozenset({"In", "At", "On", "Of"})


def _named_by_preposition(text: str, start: int, first: str) -> bool:
    """Whether a run opens with a preposition written capitalised inside a sentence: the preposition is part of
    the name ("near In Amenas", "at In Salah"), and the rest alone is no spelling of another place."""
    return first in _NAME_PREPOSITIONS and text[:start].rstrip()[-1:] not in ("", ".", "!", "?", '"', "“", ":")


def _add_transliterations(text: str, hits: list[Hit], gaz: Gazetteer) -> list[Hit]:
    """Capitalised names the automaton missed, matched by transliteration key to towns GeoNames spells another
    way ("Khan Sheikhoun", "Jisr al-Shughur", "Baramulla"); the longest run of words that matches wins."""
    starts = [h.start for h in hits]  # hits are sorted and do not overlap
    extra: list[Hit] = []
    for run in _NAME_RUN.finditer(text):
        i = bisect.bisect_left(starts, run.end())  # the hits starting before the run ends
        if i and hits[i - 1].end > run.start():
            continue
        words = list(re.finditer(r"[^\s\-]+", run.group()))
        if len(words) > MAX_NAME_WORDS + 2:
            continue
        province = bool(_PROVINCE_WORD.match(text, run.end()))  # "Al Jazirah state" is the ISO "Gezira"
        found = None
        for i in range(1 if _named_by_preposition(text, run.start(), words[0].group()) else len(words)):
            for j in range(len(words), i, -1):
                start, end = run.start() + words[i].start(), run.start() + words[j - 1].end()
                key = skeleton(text[start:end])
                shortest = REGION_SKELETON_MIN_LENGTH if province and j == len(words) else SKELETON_MIN_LENGTH - 1
                if len(key) < shortest or key not in gaz.skeletons:
                    continue
                candidates = [gaz.entries[k] for k in gaz.skeletons[key]
                              if (not province or gaz.entries[k].feature == "region")
                              and _spelt_alike(text[start:end], gaz.entries[k].name,
                                               PROVINCE_MIN_SIMILARITY if province else 70)]
                if candidates:
                    found = (start, end, candidates)
                    break
            if found:
                break
        if found:
            start, end, candidates = found
            extra.append(Hit(start, end, text[start:end], [(e, False) for e in candidates], fuzzy=True,
                             locative=province))
    return sorted(hits + extra, key=lambda h: h.start)


def _attributive(text: str, hit: Hit, gaz: Gazetteer) -> bool:
    """A country name used as a modifier ("Iran's minister", "the UAE embassy") says whose, not where."""
    if not all(e.feature == "country" for e, _ in hit.candidates):
        return False
    after = text[hit.end:hit.end + 30]
    if re.match(r"'s|’s", after):
        return True
    noun = re.match(r"\s+([a-z]+)", after)
    return bool(noun) and noun.group(1) in gaz.modified_nouns


def _country_beside(text: str, hit: Hit, by_start: dict[int, Hit]) -> str | None:
    """'Tehran, Iran' or 'Jackson, Mississippi': the country (or US state -> USA) that follows after a comma."""
    m = re.match(r",\s+", text[hit.end:hit.end + 4])
    if not m or all(e.feature == "country" for e, _ in hit.candidates):
        return None
    nxt = by_start.get(hit.end + m.end())
    if nxt is None:
        return None
    hit.pin_options = frozenset(e.country for e, _ in nxt.candidates if e.feature in ("country", "state") and e.country)
    for entry, _ in nxt.candidates:
        if entry.feature in ("country", "state"):
            hit.pinned_admin1 = entry.admin1 if entry.feature == "state" else None
            return entry.country
    # "Kingston, Ontario", "Perth, Scotland": a province's country pins the town too, but only as a preference
    # (a list of places across a border, "Basra, Khuzestan", must not lose Basra)
    provinces = {e.country for e, _ in nxt.candidates if e.feature == "region" and e.country}
    if len(provinces) == 1:
        hit.pin_options = frozenset(e.country for e, _ in hit.candidates if e.country)
        return provinces.pop()
    return None


def _country_of_part(text: str, hit: Hit, by_start: dict[int, Hit]) -> str | None:
    """"Georgia's Cobb County", "Tehran's Palestine Square": a place named as a part of this one gives the country
    it lies in, as a preference (the name is kept when it has no place there)."""
    m = re.match(r"['’]s\s+", text[hit.end:hit.end + 4])
    nxt = by_start.get(hit.end + m.end()) if m else None
    if nxt is None or any(e.feature == "country" for e, _ in nxt.candidates):
        return None
    countries = {e.country for e, _ in nxt.candidates}
    if len(countries) != 1 or None in countries:
        return None
    hit.pin_options = frozenset(e.country for e, _ in hit.candidates if e.country)
    return countries.pop()


_PROVINCE_GAP = re.compile(r",\s+|\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)(?:ern)?\s+)?")


def _province_after(text: str, hit: Hit, by_start: dict[int, Hit]) -> Entry | None:
    """The province with a point written right after a name (", Chhattisgarh", " in Punjab"), when the name it
    follows is one of one country's provinces only."""
    m = _PROVINCE_GAP.match(text, hit.end)
    nxt = by_start.get(m.end()) if m else None
    if nxt is None:
        return None
    regions = [e for e, _ in nxt.candidates if e.feature in ("region", "state") and e.lat is not None]
    if len(regions) != 1 or len(nxt.candidates) != 1 and any(e.feature not in ("region", "state")
                                                              for e, _ in nxt.candidates):
        return None
    return regions[0]


def _pinned_by_words(text: str, hit: Hit, by_start: dict[int, Hit], gaz: Gazetteer) -> str | None:
    """The country the words around a name give it: "the Malian town of X", "X in northern Mali",
    "X in Russia's Kursk region"."""
    m = _DEMONYM_OF.search(text[max(0, hit.start - 60):hit.start]) if text.endswith(" of ", 0, hit.start) else None
    if m and m.group("demonym") in gaz.demonyms:
        return gaz.demonyms[m.group("demonym")]
    for nxt_start in range(hit.end + 1, hit.end + 40):
        nxt = by_start.get(nxt_start)
        if nxt is None:
            continue
        if _IN_COUNTRY_AFTER.match(text[hit.end:nxt_start]):
            countries = {e.country for e, _ in nxt.candidates if e.feature == "country"}
            if len(countries) == 1:
                return countries.pop()
            # "Komanda in Ituri", "Mangu in Plateau state": a province of one country pins it too
            provinces = {e.country for e, _ in nxt.candidates if e.feature in ("region", "state")}
            if len(provinces) == 1 and not countries and all(e.feature in ("region", "state")
                                                             for e, _ in nxt.candidates):
                return provinces.pop()
        break
    return None


_CAPITALISED = re.compile(r"\b(?=([A-Z][a-z]+)(\s[A-Z][a-z]+)?)")


def demonyms_in(text: str, gaz: Gazetteer) -> Iterator[tuple[str, int]]:
    """(country, end) of each nationality adjective in `text`, two-word ones first ("Costa Rican"), wherever they
    stand in a run of capitalised words ("An Israeli drone", "The Costa Rican team")."""
    taken = 0
    for m in _CAPITALISED.finditer(text):
        if m.start() < taken:
            continue
        if m.group(2) and (code := gaz.demonyms.get(m.group(1) + " " + m.group(2)[1:])):
            taken = m.end(2)
            yield code, taken
        elif code := gaz.demonyms.get(m.group(1)):
            yield code, m.end(1)


class Context(Counter):
    """How often the article points at each country. `armed`: the countries it names only through armed forces
    ("Russian forces pressed toward Pokrovsk") and the countries those forces fight in (data/places/theatres.tsv):
    armies fight abroad, so these count as the article's countries, all alike, none as its main one."""

    armed: frozenset[str] = frozenset()
    armed_home: frozenset[str] = frozenset()  # of those, the forces' own countries


def firm_countries(context: Counter[str]) -> Counter[str]:
    """The votes of the countries the article names otherwise than through their armed forces."""
    armed = getattr(context, "armed", frozenset())
    return Counter({c: n for c, n in context.items() if c not in armed})


def context_countries(text: str, hits: list[Hit], gaz: Gazetteer,
                      actor_countries: Counter[str] | None = None,
                      armed_countries: Counter[str] | None = None) -> Context:
    """How often the article points at each country: country names, demonyms, unambiguous places and the
    countries of the actors the actors stage found ("Costa Rican officials", "the Taliban"). Armed forces'
    countries (`armed_countries`, and a demonym before a word for forces or weapons) are counted apart."""
    counts: Counter[str] = Counter(actor_countries or {})
    armed: Counter[str] = Counter(armed_countries or {})
    for h in hits:
        # only names that are places on their own say what the article is about: a town of 8,000 called
        # "August" must not vouch for itself
        firm = [e for e, _ in h.candidates if e.feature == "country" or e.population >= SMALL_CITY
                or e.curated and e.feature not in SMALL_FEATURES]
        codes = {e.country for e, _ in h.candidates if e.country}
        # a province of one country counts where the text treats it as a place ("in Gilgit-Baltistan",
        # "Maniema province"): a province's name alone is often a word or a person's ("Rivers", "Hidalgo")
        if not firm and not h.fuzzy and all(e.feature == "region" for e, _ in h.candidates) and \
                (_PROVINCE_WORD.match(text, h.end) or is_locative(text, h.start)):
            firm = [e for e, _ in h.candidates]
        if firm and len(codes) == 1:  # an ambiguous name ("Bethlehem") says nothing about the article
            counts[codes.pop()] += 1
    for code, end in demonyms_in(text, gaz):
        (armed if ARMED_NOUN.match(text, end) else counts)[code] += 1
    armed_only = [c for c in armed if not counts.get(c)]
    theatres = [t for t in dict.fromkeys(t for c in armed_only for t in gaz.theatres.get(c, ()))
                if not counts.get(t) and t not in armed]
    context = Context(counts + armed + Counter(theatres))
    context.armed = frozenset(armed_only + theatres)
    context.armed_home = frozenset(armed_only)
    return context


def _near_other_places(entry: Entry, anchors: list[tuple[float, float]]) -> bool:
    """Whether `entry` lies near a place the article names without ambiguity (Kotli beside Muzaffarabad)."""
    return entry.lat is not None and any(
        haversine_km(entry.lat, entry.lon, lat, lon) <= NEARBY_KM for lat, lon in anchors)  # type: ignore[arg-type]


def _anchors(hits: list[Hit]) -> dict[int, tuple[float, float]]:
    """Points of names with one candidate place (not a country): what the article's ambiguous names lie near."""
    out: dict[int, tuple[float, float]] = {}
    for h in hits:
        places = [e for e, _ in h.candidates if e.feature != "country" and e.lat is not None]
        if not places or h.fuzzy or len(places) < len(h.candidates) - sum(e.feature == "country"
                                                                         for e, _ in h.candidates):
            continue
        first = places[0]  # one place, perhaps listed twice (GeoNames and a curated row)
        if all(haversine_km(first.lat, first.lon, e.lat, e.lon) <= SAME_PLACE_KM for e in places):  # type: ignore[arg-type]
            out[h.start] = (first.lat, first.lon)  # type: ignore[assignment]
    return out


def _score(entry: Entry, primary: bool, hit: Hit, context: Counter[str], top: str | None,
           rival_in_context: bool = False, anchors: list[tuple[float, float]] | None = None) -> float:
    """Population and prominence, then what the text says. A country's name outranks towns of its name, unless
    the article is about another country that has a province or state of that name and never about this one
    (Georgia in an article about Atlanta is the US state)."""
    score = math.log10(entry.population + 1) + PROMINENCE_WEIGHT * math.log10(entry.prominence + 1)
    if hit.pinned and entry.country == hit.pinned:
        score += 100
    if hit.pinned_admin1 and entry.admin1 == hit.pinned_admin1:
        score += 50
    if entry.feature == "country" and not (rival_in_context and not context.get(entry.country)):
        score += 8
    if entry.curated:
        score += 6
    if hit.province_word and entry.kind == hit.province_word:
        score += PROVINCE_KIND_BONUS
    if hit.province_word and entry.feature in ("region", "state"):
        score += PROVINCE_WORD_BONUS  # "Santa Fe province" asks for a first-level unit, not a city of the name
    if primary:
        score += 2
    armed = getattr(context, "armed", frozenset())
    if entry.country and context.get(entry.country):
        score += CONTEXT_BONUS + (1 if entry.country == top and entry.country not in armed else 0)
        if entry.country in getattr(context, "armed_home", ()):
            score += ARMED_HOME_BONUS
    if anchors and _near_other_places(entry, anchors):
        score += NEARBY_BONUS
    return score


def resolve_hits(text: str, hits: list[Hit], gaz: Gazetteer, blocked: list[tuple[int, int]],
                 people: list[tuple[int, int]], allowed: set[tuple[int, int]],
                 actor_countries: Counter[str] | None = None,
                 armed_countries: Counter[str] | None = None) -> list[Hit]:
    """Keep the hits that are place mentions and choose each one's entry.

    `blocked`: people and organisations the actors stage found; `people`: the parse's PERSON entities (they block
    a name inside a longer person's name, or a non-locative one); `allowed`: the parse's place entities.
    """
    by_start = {h.start: h for h in hits}
    # a tagger's PERSON ending in a place word is a place's name ("Rakhine State", "Gaza City")
    people = [(s, e) for s, e in people if text[s:e].split()[-1] not in gaz.place_words]
    anchors = _anchors(hits)
    context = context_countries(text, hits, gaz, actor_countries, armed_countries)
    top = context.most_common(1)[0][0] if context else None
    kept: list[Hit] = []
    previous: Hit | None = None
    surnames = {h.text for h in hits if _inside_longer_name(text, h, gaz)}
    named = Counter(h.text for h in hits)
    for h in hits:
        h.pinned = _country_beside(text, h, by_start) or _pinned_by_words(text, h, by_start, gaz) or \
            _country_of_part(text, h, by_start)
        word = _PROVINCE_WORD.match(text, h.end)
        h.province_word = word.group().strip().lower() if word else None
        h.locative = (is_locative(text, h.start) and not _attributive(text, h, gaz)) or \
            text[h.end:h.end + 6] == "-based" or bool(_PLACE_APPOSITION.match(text, h.end)) or \
            bool(_LOCATED_AFTER.match(text, h.end))
        if previous is not None and previous.locative and _AND_BEFORE.match(text[previous.end:h.start]):
            h.locative = True
        if previous is not None and previous.entry is not None and previous.entry.feature != "country" \
                and re.fullmatch(r",\s+", text[previous.end:h.start]):
            h.locative = True  # "Tehran, Iran": the country pins the city, and the city the state
            h.pinned = h.pinned or previous.entry.country
            h.pinned_admin1 = h.pinned_admin1 or previous.pinned_admin1  # "Alexandria, Virginia": the state
        ner_place = (h.start, h.end) in allowed  # the parse tags this very name as a place
        # an actor's name inside a longer place name is part of it ("the Qandil mountains", "Hamid Karzai
        # International Airport"): the longest name written wins
        if any(s < h.end and h.start < e and (e - s > h.end - h.start or not ner_place)
               and not (h.start <= s and e <= h.end and e - s < h.end - h.start) for s, e in blocked):
            continue
        firm = any(e.feature == "country" or e.population >= SMALL_CITY or e.curated and e.feature not in SMALL_FEATURES
                   for e, _ in h.candidates)
        # a several-word name of a place in a country the article is about is that place, whatever the tagger says
        named_here = any(e.feature != "country" and context.get(e.country) for e, _ in h.candidates)
        # a tagger's PERSON on exactly a town's one-word name in the article's country is the town ("took Shusha")
        # when no actor mention covers it; a several-word name in that country is a place whatever the tagger says
        if any(s < h.end and h.start < e and (e - s > h.end - h.start or not (h.locative or firm or named_here))
               for s, e in people):
            continue  # inside a person's name, or a small place's name the tagger reads as a person
        if _inside_longer_name(text, h, gaz):  # over NER too: taggers read "Paris Hilton" as Paris
            continue
        if h.text in surnames and not ner_place and not firm:
            continue  # "Mahsa Amini ... into Amini's death": a small town's name used as someone's name here
        candidates = [(e, p) for e, p in h.candidates if _admissible(e, h, context, gaz, ner_place)]
        if h.pinned and not any(e.country == h.pinned or e.country in h.pin_options for e, _ in candidates):
            continue  # "Palma, Mozambique" with no Palma in Mozambique: not Mallorca's
        if h.pinned_admin1 and not any(e.admin1 == h.pinned_admin1 for e, _ in candidates):
            continue  # "East Palestine, Ohio" is no Palestine of another state: left to the village look-up
        if not candidates:
            continue
        # only a province or state outweighs a country of its name: towns called Lebanon or Peru never do
        rival = any(e.feature in ("state", "region") and context.get(e.country) for e, _ in candidates)
        near = [point for start, point in anchors.items() if start != h.start] \
            if len({e.country for e, _ in candidates}) > 1 or len(candidates) > 1 else []
        province = _province_after(text, h, by_start)
        if province is not None:  # "Bijapur, Chhattisgarh": of the namesakes in its country, the one nearest it
            inside = [(e, p) for e, p in candidates if e.country == province.country and e.lat is not None
                      and e.feature != "region"]
            if len(inside) > 1:  # namesakes far apart: the ones in the province's part of the country
                far = {id(e): haversine_km(e.lat, e.lon, province.lat, province.lon)  # type: ignore[arg-type]
                       for e, _ in inside}
                nearest = min(far.values())
                candidates = [(e, p) for e, p in inside if far[id(e)] <= nearest + PROVINCE_SPREAD_KM]
        h.entry = max(candidates, key=lambda c: _score(c[0], c[1], h, context, top, rival, near))[0]
        if modifier_shape(text, h.start, h.end) and _foreign(h, hits, context, named[h.text]):
            continue  # "the Minsk accords", "the Serena hotel in Kabul": an agreement's or a building's name
        if h.entry.lat is None:  # a province and its town of one name (Ramallah): the town gives a point
            h.entry = next((e for e, _ in candidates if e.country == h.entry.country and e.lat is not None),
                           h.entry)
        kept.append(h)
        previous = h
    return kept


def _foreign(hit: Hit, hits: list[Hit], context: Counter[str], times: int) -> bool:
    """Whether the article names places elsewhere and none in the country of `hit`'s choice, nor points at that
    country but for the `times` the name itself votes for it."""
    entry = hit.entry
    if entry is None or entry.feature == "country" or hit.pinned or context.get(entry.country or "", 0) > times:
        return False
    elsewhere = {e.country for h in hits if h.text != hit.text for e, _ in h.candidates}
    return bool(elsewhere) and entry.country not in elsewhere


# what a town's name before it names instead of the town: an agreement reached there long ago, a hotel chain's
# house; a summit, talks or a theatre named so happened or stand there and keep the place
_NAMED_THING = re.compile(r"\s+(?:accords?|agreements?|deal|protocols?|conventions?|treaty|format|process|"
                          r"declaration|communiqu[eé]|framework|roadmap|hotel|resort)\b")


def modifier_shape(text: str, start: int, end: int) -> bool:
    """A name between "the" and a word for an agreement or a hotel ("the Minsk accords", "the Serena hotel")."""
    return bool(_NAMED_THING.match(text, end)) and bool(re.search(r"\b(?i:the)\s+$", text[max(0, start - 5):start]))


def _admissible(entry: Entry, hit: Hit, context: Counter[str], gaz: Gazetteer, ner_place: bool) -> bool:
    """Whether `entry` may be what `hit` names, before scoring."""
    sure = hit.locative or hit.pinned is not None or ner_place
    if hit.fuzzy and not (ner_place or hit.locative and (len(skeleton(hit.text)) >= SKELETON_MIN_LENGTH
                                                         or entry.feature == "region")):
        return False  # a name spelt otherwise must be where a place is expected
    if hit.fuzzy and entry.feature != "region" and not context.get(entry.country) and \
            (context or not _spelt_alike(hit.text, entry.name, FOREIGN_SPELLING_MIN_SIMILARITY)):
        return False  # a look-alike spelling abroad (Kamaran -> Kamyaran) only when the article names no country
    if entry.feature == "country" or entry.curated and entry.feature not in SMALL_FEATURES:
        return True
    if hit.text in gaz.stoplist and not sure:
        return False
    if entry.feature == "region" and not entry.curated and context and not context.get(entry.country) \
            and hit.pinned is None and not hit.province_word:
        return False  # a province of a country the article never mentions: another place of that name (Flores)
    if (entry.feature == "city" or entry.feature in SMALL_FEATURES) and entry.population < SMALL_CITY and \
            entry.prominence < WORLD_KNOWN and \
            not context.get(entry.country) and (
            not sure or (context and not (hit.locative or hit.pinned))):
        return False  # a small town needs the text's support; a tagger's LOC alone is not enough abroad
    # a province's name is often a person's or a word ("Hidalgo", "Rivers"): it needs the text's support
    return entry.feature != "region" or sure or bool(context.get(entry.country))
