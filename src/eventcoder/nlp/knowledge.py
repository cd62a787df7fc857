"""Knowledge-backed entity patterns: the project's own lists of states, places, organisations and people.

The statistical NER is trained on web text and misses many news names; an EntityRuler built from the knowledge
files finds them. Patterns are built when the backbone loads (not baked into the model), so they follow the actor
knowledge base as it grows: `data/actors/states.tsv` (names, aliases, demonyms, capitals), `organizations.tsv`,
`people/*.tsv`, `groups.tsv` (adjectives of peoples), the geo stage's gazetteer (countries, US states, curated
places, big cities, demonyms) and the regions of `data/nlp/places.tsv`. Without the actor files it falls back to
pycountry's country names. Token patterns generalise beyond the lists: proper-noun runs ending in a facility
word (`data/nlp/facilities.txt`: "... Airport", "... Crossing") are places, ending in an organisation word
(`data/nlp/organisation_words.txt`: "... Court", "Ministry of ...") organisations, ending in the head word of an
event, prize or law (`data/nlp/not_names.txt`: "... Cup", "... Act") none of these (MISC), and proper-noun runs
after a person's title (`data/nlp/person_titles.txt`: "Professor ...", "spokeswoman ...") are people, as are
those after a lower-case role noun (`data/nlp/person_roles.txt`: "musician ...") where nothing else was found.
Members of parties and faiths in the plural (`data/nlp/people_groups.txt`: "Democrats") are NORP.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..datafiles import data_lines

RULER_NAME = "knowledge_ruler"
MERGE_NAME = "knowledge_merge"
SPANS_KEY = "knowledge"
OTHER = "MISC"  # names of events, prizes, laws (data/nlp/not_names.txt): no person, place or organisation
TITLED = "TITLED_PER"  # ruler label of "<title> <names>" matches; the merge keeps the names as PER
ROLE = "ROLE_PER"  # "<role noun> <names>" (data/nlp/person_roles.txt): a person where nothing else was found
PROPER = {"TAG": {"IN": ["NNP", "NNPS"]}, "TEXT": {"REGEX": "^[A-Z]"}}
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


def _groups() -> Iterator[tuple[str, str]]:
    """Adjectives of peoples and blocs without one state ("Arab", "Kurdish") are NORP, like state demonyms."""
    for row in read_tsv(_data("actors", "groups.tsv")):
        for adjective in _split(row.get("adjectives")):
            yield adjective, "NORP"


def _places() -> Iterator[tuple[str, str]]:
    """Places from the geo stage's gazetteer (loaded once per process, shared with the places stage).

    Countries, US states, curated places and cities of MIN_CITY_POPULATION or more by their own names (alternate
    spellings of cities are left out: too many collide with English words), minus the gazetteer's stoplist of names
    that are mostly words or people; then the regions of data/nlp/places.tsv, the first-level subdivisions of
    every country (data/places/subdivisions.tsv; the ones that are mostly words are listed with label "-" in
    data/nlp/places.tsv), and demonyms as NORP.
    """
    from ..geo.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    for name, hits in gazetteer.names.items():
        if name in gazetteer.stoplist:
            continue
        for index, primary in hits:
            entry = gazetteer.entries[index]
            if entry.feature != "city" or entry.curated or (primary and entry.population >= MIN_CITY_POPULATION):
                yield name, "LOC"
                break
    for row in read_tsv(_data("nlp", "places.tsv")):
        if row.get("label") and row["label"] != "-":
            yield row["name"], row["label"]
    for row in read_tsv(_data("places", "subdivisions.tsv")):  # "Western Australia", "Ontario", "Bavaria"
        if "(" not in row.get("name", "") and row.get("name") not in gazetteer.stoplist:
            yield row["name"], "LOC"
    for demonym in gazetteer.demonyms:
        yield demonym, "NORP"


def _people_groups() -> Iterator[tuple[str, str]]:
    """Members of parties, movements and faiths in the plural ("Democrats", "Shiites") are NORP."""
    for word in _word_list("people_groups.txt"):
        yield word, "NORP"


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
    """(phrase, label) pairs; the first label given to a phrase wins (groups of people, people, organisations,
    then places).

    Names listed with label "-" in data/nlp/places.tsv (mostly something else: "Nice", "Reading", "Male") are left out,
    and so are descriptive aliases that end in a common noun ("Hamas movement", "UN refugee agency", "Pakistani
    army"): the actors stage reads them, but they are not named entities.
    """
    skip = {r["name"] for r in read_tsv(_data("nlp", "places.tsv")) if r.get("label") == "-"}
    seen: dict[str, str] = {}
    for source in (_people_groups(), _people(), _organisations(), _state_names(), _groups(), _places()):
        for phrase, label in source:
            if (len(phrase) > 1 and phrase[0].isupper() and not phrase.split()[-1][:1].islower()
                    and phrase not in seen and phrase not in skip):
                seen[phrase] = label
    return tuple(seen.items())


def _word_list(name: str) -> list[str]:
    return data_lines("nlp", name)


def token_patterns() -> list[dict]:
    """Facility names (LOC), organisation names (ORG), names of events and laws (MISC) and titled names
    (TITLED_PER) as SpanRuler token patterns over the tagger's tags."""
    titles = _word_list("person_titles.txt")
    name = {**PROPER, "LOWER": {"NOT_IN": titles}}  # "Museum of Flight CEO ...": the title is not the name
    inner = {"TEXT": {"REGEX": r"^([A-Z]\S*|-|&)$"}, "LOWER": {"NOT_IN": titles}}  # "Wright-Patterson", "A & B"
    patterns = []
    for label, words in (("LOC", _word_list("facilities.txt")), ("ORG", _word_list("organisation_words.txt")),
                         (OTHER, _word_list("not_names.txt"))):
        if not words:
            continue
        head = {"TEXT": {"IN": words}}
        patterns.append({"label": label, "pattern": [name, {**inner, "OP": "*"}, head]})
        # "Ministry of Foreign Affairs", "Council for Scottish Studies", "Department of Housing and Urban
        # Development"
        tails = [[of, {**name, "OP": "+"}] for of in ({"LOWER": "of"}, {"LOWER": "for"})]
        tails += [tail + [{"LOWER": {"IN": ["and", "&"]}}, {**name, "OP": "+"}] for tail in tails]
        for tail in tails:
            patterns.append({"label": label, "pattern": [head, *tail]})
            patterns.append({"label": label, "pattern": [name, {**inner, "OP": "*"}, head, *tail]})
    if titles:
        patterns.append({"label": TITLED, "pattern": [{"LOWER": {"IN": titles}}, {**PROPER, "OP": "+"}]})
    roles = _word_list("person_roles.txt")
    if roles:  # lower case only: "Director Alan Ruiz" is the titles' case, "Defender" may open a sentence
        patterns.append({"label": ROLE, "pattern": [{"TEXT": {"IN": roles}}, {**name, "OP": "+"}]})
    return patterns


def _known_spans(doc: Doc) -> tuple[list[Span], list[Span]]:
    """The ruler's matches, titled ones cut to the name after the titles, longest first where they overlap; and
    apart from them, the names of events, prizes and laws (MISC)."""
    spans, others = [], []
    for span in doc.spans.get(SPANS_KEY, []):
        if span.label_ == TITLED:  # every title off, not just the first ("Brig. Gen. Fadi Abou Zeid")
            name = _trimmed(Span(doc, span.start, span.end, label="PER"))
            if name is not None:
                spans.append(name)
        elif span.label_ == OTHER:
            others.append(span)
        elif span.label_ == ROLE:
            others.append(Span(doc, span.start + 1, span.end, label=ROLE))
        elif (name := _trimmed(span)) is not None:  # a known alias with its title ("President Bush")
            spans.append(name)
    return filter_spans(spans), others


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(_word_list("person_titles.txt"))


ARTICLES = frozenset({"the"})
DANGLING = frozenset({"IN", "CC", "DT", "TO", "WDT", "WP"})  # "Claudia Mo of", "Jonathan Stan and": no name ends so
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
PREFIXES = frozenset({"pro", "anti", "non", "pre", "post", "mid", "ex", "neo", "pan", "sub", "trans", "ultra", "semi",
                      "multi", "inter", "cross", "counter"})
PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "de", "da", "du", "der", "den", "di",
                       "dos", "das", "la", "le"})


def _trimmed(ent: Span) -> Span | None:
    """An entity cut to the name, as GUM and UNER draw its edges; None when nothing of a name is left.

    Person titles come off both edges ("U.S. Senator" -> "U.S.", "President Bush" -> "Bush"), a leading article
    ("the New York Times" -> "New York Times"), a trailing possessive ("al-Sadr 's" -> "al-Sadr") and trailing
    lower-case function words ("Claudia Mo of" -> "Claudia Mo") too.
    """
    titles = _titles()
    doc, start, end = ent.doc, ent.start, ent.end
    while start < end and (doc[start].lower_ in titles or doc[start].lower_ in ARTICLES):
        start += 1
    while end > start and (doc[end - 1].lower_ in titles or doc[end - 1].text in POSSESSIVES
                           or (doc[end - 1].is_lower and doc[end - 1].tag_ in DANGLING)):
        end -= 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_) if end > start else None


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """Token i is a hyphen with no space on either side, between two words ("al-Sadr", "Iran-backed")."""
    return (0 < i < len(doc) - 1 and doc[i].text in HYPHENS and not doc[i].whitespace_
            and not doc[i - 1].whitespace_ and doc[i + 1].is_alpha and doc[i - 1].is_alpha)


def _whole_words(ent: Span) -> Span | None:
    """An entity stretched over the whole hyphenated words and name particles it is part of; None when it is
    part of a word that is no name.

    GUM keeps hyphenated words whole, so an entity is not part of one: people's names take their tails
    ("Kwok Wai-keung", "Bastien-Lepage") and their particles ("Muqtada al-Sadr", "Osama bin Laden"), while "Iran"
    in "Iran-backed" and "Beijing" in "pro-Beijing" are no entities. Two names joined by a hyphen ("Google-Mozilla",
    "Iran-Iraq") stay as they are.
    """
    doc, start, end = ent.doc, ent.start, ent.end
    if _glued_hyphen(doc, start - 1) and (doc[start - 2].text[:1].islower() or doc[start - 2].lower_ in PREFIXES):
        return None
    while True:
        if _glued_hyphen(doc, end) and ent.label_ == "PER":
            end += 2
        elif _glued_hyphen(doc, end) and doc[end + 1].text[:1].islower():
            return None
        elif (ent.label_ == "PER" and end + 1 < len(doc) and doc[end].lower_ in PARTICLES
              and (doc[end + 1].text[:1].isupper() or (_glued_hyphen(doc, end + 1) and doc[end + 2].text[:1].isupper()))):
            end += 1 if doc[end + 1].text[:1].isupper() else 3
        else:
            break
    return ent if end == ent.end else Span(doc, start, end, label=ent.label_)


@Language.component("eventcoder_knowledge_merge")
def merge_knowledge(doc: Doc) -> Doc:
    """Merge the knowledge matches into the statistical entities.

    A knowledge match that covers the model's entities (same span or longer) replaces them with the knowledge
    label ("Hossein Amir Abdollahian" ORG -> PER). A model entity that contains a single knowledge match other
    than a person wins ("Environment Canada" stays one ORG, not a LOC inside one); one that swallows a known
    person or several known names ("Al Quds Force Commander General Qasem Soleimani") gives way to them.
    Knowledge matches elsewhere are added. Person titles at the edges of model entities are cut off first.
    The name of an event, prize or law ("FIFA World Cup", "Nobel Prize") is no entity: model entities and knowledge
    matches that reach its head word go, the names inside it ("FIFA", "Nobel") stay, as GUM annotates them.
    Last, the names after a role noun ("musician Tiziano Lugli") become a person where neither the model nor
    the lists found anything else there (the model's entity of exactly those words is relabelled).
    """
    known, others = _known_spans(doc)
    roles = [r for r in filter_spans([o for o in others if o.label_ == ROLE])
             if not any(k.start < r.end and r.start < k.end for k in known)]
    heads = {o.end - 1 for o in others if o.label_ == OTHER}
    ents = [e for e in (_trimmed(ent) for ent in doc.ents)
            if e is not None and not any(e.start <= h < e.end for h in heads)]
    known = [k for k in known if not any(k.start <= h < k.end for h in heads)]
    for ent in list(ents):
        inside = [k for k in known if ent.start <= k.start and k.end <= ent.end and len(k) < len(ent)]
        if len(inside) > 1 or any(k.label_ == "PER" for k in inside):
            ents.remove(ent)
    for span in known:
        hit = [e for e in ents if e.start < span.end and span.start < e.end]
        if all(span.start <= e.start and e.end <= span.end for e in hit):
            ents = [e for e in ents if e not in hit] + [span]
    for role in roles:
        hit = [e for e in ents if e.start < role.end and role.start < e.end]
        if all((e.start, e.end) == (role.start, role.end) for e in hit):
            ents = [e for e in ents if e not in hit] + [Span(doc, role.start, role.end, label="PER")]
    doc.ents = filter_spans([w for w in (_whole_words(e) for e in ents) if w is not None])
    return doc


def add_knowledge_ruler(nlp: Language, mode: str = "merge") -> Language:
    """Add the knowledge layer to a pipeline with an NER.

    mode "merge" (the product's): a SpanRuler after the NER and `merge_knowledge`; "before": an EntityRuler before
    the NER, whose spans the model must keep; "gaps": an EntityRuler after the NER that only fills gaps.
    """
    if RULER_NAME in nlp.pipe_names:
        return nlp
    patterns = [{"label": label, "pattern": phrase} for phrase, label in knowledge_patterns()]
    if mode == "merge":
        patterns += token_patterns()
    if mode == "merge":
        ruler = nlp.add_pipe("span_ruler", name=RULER_NAME,
                             config={"spans_key": SPANS_KEY, "annotate_ents": False})
        nlp.add_pipe("eventcoder_knowledge_merge", name=MERGE_NAME, after=RULER_NAME)
    else:
        where = {"before": "ner"} if mode == "before" and "ner" in nlp.pipe_names else {}
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"overwrite_ents": False}, **where)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
    return nlp
