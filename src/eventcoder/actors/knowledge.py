"""The actor knowledge base: states, sectors, organisations, groups and people, loaded once and indexed by alias.

Everything the coder knows about actors lives in the TSV files under `eventcoder/data/actors/` (their formats are
documented in that folder's README and in each file's header). This module reads them, checks every row against
its schema (a bad row raises `KnowledgeError` naming the file and line, so a typo never silently drops an actor),
and builds one Aho-Corasick automaton over every alias of every kind, so matching an article is one pass per
sentence whatever the size of the base.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import ahocorasick

from ..errors import EventcoderError

SECTORS = frozenset(["GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "OPP", "SPY", "CVL", "EDU", "BUS", "MED", "JRN", "LAB", "REF", "REL", "UAF", "AGR", "ELI", "CRM", "IGO", "NGO"])
# sectors whose agents are the state itself acting (kind "state"); the others are parts of society (kind "group")
STATE_SECTORS = frozenset(["GOV", "MIL", "COP", "JUD", "LEG", "SPY"])
CODE_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")
DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# particles that may sit inside a personal name and are never its surname on their own
NAME_PARTICLES = frozenset(["al", "el", "bin", "ibn", "bint", "abu", "de", "van", "von", "der", "da", "di", "du", "dos", "la", "le", "ben"])


class KnowledgeError(EventcoderError):
    """A knowledge file has a row that does not fit its schema."""


@dataclass(frozen=True)
class Entity:
    """A state, organisation, group or state organ the base knows by name."""

    key: str  # "state:IRN", "org:HAMAS", "group:ARB"
    name: str
    kind: str  # "state" | "organization" | "group"
    code: str
    country: str | None
    sector: str | None
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """One dated office of a person: what they stand for between `start` and `end` (None = still in office)."""

    country: str | None
    code: str
    sector: str | None
    title: str
    start: str
    end: str | None


@dataclass
class Person:
    """A person with every role the base knows, oldest first."""

    key: str  # "person:<canonical name>"
    name: str
    aliases: set[str] = field(default_factory=set)
    roles: list[Role] = field(default_factory=list)

    def role_on(self, date: str | None) -> Role | None:
        """The role in force on `date`; else the most recent earlier one; else the earliest (date before all)."""
        if not self.roles:
            return None
        if date is None:
            current = [r for r in self.roles if r.end is None]
            if current:
                return max(current, key=lambda r: (r.sector in STATE_SECTORS and len(r.code) == 6, _pad(r.start, "0")))
            return self.roles[-1]
        in_force = [r for r in self.roles if _pad(r.start, "0") <= date and (r.end is None or date <= _pad(r.end, "9"))]
        if in_force:  # an office of state outranks a party post held at the same time (President and AKP leader)
            return max(in_force, key=lambda r: (r.sector in STATE_SECTORS and len(r.code) == 6, _pad(r.start, "0")))
        earlier = [r for r in self.roles if _pad(r.start, "0") <= date]
        return earlier[-1] if earlier else self.roles[0]

    def roles_on(self, date: str | None) -> list[Role]:
        """Every role in force on `date` (all current roles when the date is unknown)."""
        if date is None:
            return [r for r in self.roles if r.end is None]
        return [r for r in self.roles if _pad(r.start, "0") <= date and (r.end is None or date <= _pad(r.end, "9"))]

    def in_office(self, date: str | None) -> bool:
        if date is None:
            return any(r.end is None for r in self.roles)
        return any(_pad(r.start, "0") <= date and (r.end is None or date <= _pad(r.end, "9")) for r in self.roles)


@dataclass(frozen=True)
class SectorNoun:
    """A noun that signals a sector: a title ("foreign minister"), a body ("police") or an honorific ("General")."""

    phrase: str
    sector: str
    kind: str  # "person" | "group" | "honorific"
    plural: bool
    alone: bool  # names an actor on its own ("protesters") rather than needing an owner ("head", "people")


@dataclass(frozen=True)
class Reference:
    """A noun that points back to an actor already named ("the movement") or heads a new organisation's name."""

    phrase: str
    refers: str  # "organization" | "state" | "person" | "group"
    sector: str | None
    plural: bool


@dataclass(frozen=True)
class Alias:
    """One way of writing something the base knows, as stored in the automaton."""

    text: str
    type: str  # "name" | "adjective" | "capital" | "sector" | "honorific" | "reference" | "person" | "surname"
    target: str  # entity or person key, or the sector/reference phrase
    case: str  # "exact" (acronyms), "capital" (proper names), "any" (common nouns)


@dataclass
class KnowledgeBase:
    """The loaded base: entities and people by key, sector and reference nouns by phrase, and the alias automaton."""

    entities: dict[str, Entity]
    people: dict[str, Person]
    sectors: dict[str, SectorNoun]
    references: dict[str, Reference]
    not_if: dict[str, tuple[str, ...]]  # entity key -> cue words meaning another sense of its name
    automaton: ahocorasick.Automaton
    by_code: dict[str, Entity]
    cues: dict[str, frozenset[str]]  # cue kind -> words (see cues.tsv)

    def entity_for_code(self, code: str) -> Entity | None:
        return self.by_code.get(code)


# --------------------------------------------------------------------------------------------------- text folding

_FOLD = {ord(c): r for c, r in {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "–": "-", "—": "-", "‐": "-",
                                 "‑": "-", "\u00a0": " ", "“": '"', "”": '"'}.items()}


def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFD", c)[0]
    return base if base.isascii() else c


for _code in range(0xC0, 0x250):
    _c = chr(_code)
    _f = _fold_char(_c)
    if _f != _c:
        _FOLD[_code] = _f
_FOLD[ord("-")] = " "  # hyphens and spaces are the same in names: Amir-Abdollahian = Amir Abdollahian


def fold(text: str) -> str:
    """Lower-case, accent-free, quote- and dash-normalised text of exactly the same length (offsets survive)."""
    out = text.translate(_FOLD).lower()
    if len(out) != len(text):  # a character whose lower case is longer (e.g. "İ"): fold one by one
        out = "".join(c.translate(_FOLD).lower() if len(c.translate(_FOLD).lower()) == 1 else c for c in text)
    return out


def alias_case(alias: str) -> str:
    """How strictly an alias's capitals must match: acronyms and CamelCase exactly, names capitalised, nouns any."""
    letters = [c for c in alias if c.isalpha()]
    if not letters or not any(c.isupper() for c in letters):
        return "any"
    if all(c.isupper() for c in letters) and len(letters) <= 6 and " " not in alias.strip():
        return "exact"
    if " " not in alias and "-" not in alias and sum(c.isupper() for c in letters[1:]) >= 1 and len(letters) <= 6:
        return "exact"  # IsDB, AfD, JeM, PiS
    return "capital"


def _strip_the(alias: str) -> str:
    return alias[4:] if alias.lower().startswith("the ") and len(alias) > 6 else alias


def _pad(date: str, digit: str) -> str:
    """Make a partial date comparable: 2021 -> 2021-00-00 (start) or 2021-99-99 (end)."""
    return date + ("-" + digit * 2) * ((10 - len(date)) // 3)


# --------------------------------------------------------------------------------------------------- file reading

def _rows(name: str, columns: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a TSV file under data/actors as dicts, after checking the header and the column count."""
    path = resources.files("eventcoder") / "data" / "actors" / name
    return _rows_of(path.read_text(encoding="utf-8"), name, columns)


def _rows_of(text: str, name: str, columns: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    header_seen = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen and cells[0] == columns[0]:
            header_seen = True
            if cells != columns:
                raise KnowledgeError(f"{name}:{number}: header is {cells}, expected {columns}")
            continue
        if len(cells) < len(columns):
            cells += [""] * (len(columns) - len(cells))
        if len(cells) != len(columns):
            raise KnowledgeError(f"{name}:{number}: {len(cells)} columns, expected {len(columns)}")
        yield number, {c: v.strip() for c, v in zip(columns, cells)}


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def _need(ok: bool, where: str, message: str) -> None:
    if not ok:
        raise KnowledgeError(f"{where}: {message}")


STATE_COLUMNS = ["code", "name", "aliases", "adjectives", "capitals", "not_if"]
SECTOR_COLUMNS = ["phrase", "sector", "kind", "number", "alone"]
CUE_COLUMNS = ["word", "kind"]
CUE_KINDS = ("locative", "place_noun", "people_place", "described", "sides", "negating_prefix",
             "modifier_suffix", "agent_suffix", "place_before", "verb", "expletive", "not_given_name", "thing",
             "preposition")
ORG_COLUMNS = ["id", "code", "name", "aliases", "country", "sector", "kind"]
GROUP_COLUMNS = ["code", "name", "aliases", "adjectives", "members", "country", "sector"]
REFERENCE_COLUMNS = ["phrase", "refers", "sector", "number"]
PEOPLE_COLUMNS = ["person", "aliases", "country", "code", "sector", "title", "start", "end"]


class _Builder:
    """Accumulates entities and aliases while the files are read, then freezes them into a KnowledgeBase."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.people: dict[str, Person] = {}
        self.sectors: dict[str, SectorNoun] = {}
        self.references: dict[str, Reference] = {}
        self.not_if: dict[str, tuple[str, ...]] = {}
        self.aliases: dict[str, list[Alias]] = defaultdict(list)
        self.cues: dict[str, set[str]] = {k: set() for k in CUE_KINDS}

    def alias(self, text: str, type_: str, target: str, case: str | None = None) -> None:
        text = _strip_the(text) if type_ in ("name", "adjective") else text
        key = fold(text).strip()
        if not key:
            return
        entry = Alias(text=text, type=type_, target=target, case=case or alias_case(text))
        if entry not in self.aliases[key]:
            self.aliases[key].append(entry)
        if text.startswith("UN ") and type_ == "name":  # "UN refugee agency" is also written "U.N. refugee agency"
            self.alias("U.N. " + text[3:], type_, target, case)

    def states(self, rows) -> None:
        for number, r in rows:
            where = f"states.tsv:{number}"
            _need(bool(ISO3_RE.match(r["code"])), where, f"bad state code {r['code']!r}")
            key = f"state:{r['code']}"
            _need(key not in self.entities, where, f"duplicate state {r['code']}")
            self.entities[key] = Entity(key, r["name"], "state", r["code"], r["code"], None)
            for a in [r["name"], *_split(r["aliases"])]:
                self.alias(a, "name", key)
            for a in _split(r["adjectives"]):
                self.alias(a, "adjective", key)
            for a in _split(r["capitals"]):
                self.alias(a, "capital", key)
            if r["not_if"]:
                self.not_if[key] = tuple(fold(c) for c in _split(r["not_if"]))

    def sector_nouns(self, rows) -> None:
        for number, r in rows:
            where = f"sectors.tsv:{number}"
            _need(r["sector"] in SECTORS, where, f"unknown sector {r['sector']!r}")
            _need(r["kind"] in ("person", "group", "honorific"), where, f"unknown kind {r['kind']!r}")
            _need(r["number"] in ("sg", "pl"), where, f"number must be sg or pl, not {r['number']!r}")
            if r["kind"] != "honorific":
                _need(r["phrase"] == r["phrase"].lower(), where, f"phrase must be lower case: {r['phrase']!r}")
            _need(r["alone"] in ("yes", "no"), where, f"alone must be yes or no, not {r['alone']!r}")
            noun = SectorNoun(r["phrase"], r["sector"], r["kind"], r["number"] == "pl", r["alone"] == "yes")
            self.sectors.setdefault(noun.phrase, noun)
            if noun.kind == "honorific":
                self.alias(noun.phrase, "honorific", noun.phrase, "capital")
            else:
                self.alias(noun.phrase, "sector", noun.phrase, "any")

    def derived_plurals(self) -> None:
        """Each singular sector noun also matches in the plural ("ambassador" -> "ambassadors", "spokesman" ->
        "spokesmen", "head of state" -> "heads of state") with the same sector, unless the plural is listed already
        or the noun is one of PLURAL_EXCEPTIONS. A plural names a group, so its kind is "group"."""
        for noun in list(self.sectors.values()):
            if noun.plural or noun.kind == "honorific" or noun.phrase in PLURAL_EXCEPTIONS or "-in-" in noun.phrase:
                continue
            plural = plural_of(noun.phrase)
            if plural in self.sectors or plural in self.references:
                continue
            self.sectors[plural] = SectorNoun(plural, noun.sector, "group", True, noun.alone)
            self.alias(plural, "sector", plural, "any")

    def references_(self, rows) -> None:
        for number, r in rows:
            where = f"references.tsv:{number}"
            _need(r["refers"] in ("organization", "state", "person", "group"), where, f"bad refers {r['refers']!r}")
            _need(not r["sector"] or r["sector"] in SECTORS, where, f"unknown sector {r['sector']!r}")
            ref = Reference(r["phrase"], r["refers"], r["sector"] or None, r["number"] == "pl")
            self.references[ref.phrase] = ref
            self.alias(ref.phrase, "reference", ref.phrase, "any")

    def cue_words(self, rows) -> None:
        for number, r in rows:
            where = f"cues.tsv:{number}"
            _need(r["kind"] in CUE_KINDS, where, f"unknown cue kind {r['kind']!r}")
            _need(r["word"] == r["word"].lower() and " " not in r["word"], where, "cue must be one lower-case word")
            self.cues[r["kind"]].add(r["word"])

    def organizations(self, rows) -> None:
        for number, r in rows:
            where = f"organizations.tsv:{number}"
            _need(bool(CODE_RE.match(r["id"])), where, f"bad id {r['id']!r}")
            _need(bool(CODE_RE.match(r["code"])), where, f"bad code {r['code']!r}")
            _need(not r["country"] or bool(ISO3_RE.match(r["country"])), where, f"bad country {r['country']!r}")
            _need(r["sector"] in SECTORS, where, f"unknown sector {r['sector']!r}")
            _need(r["kind"] in ("organization", "state"), where, "kind must be organization or state")
            key = f"org:{r['id']}"
            _need(key not in self.entities, where, f"duplicate id {r['id']}")
            if r["kind"] == "state":
                _need(r["code"] == f"{r['country']}{r['sector']}", where,
                      f"a state organ's code is country+sector, not {r['code']}")
            self.entities[key] = Entity(key, r["name"], r["kind"], r["code"], r["country"] or None, r["sector"])
            for a in [r["name"], *_split(r["aliases"])]:
                self.alias(a, "name", key)

    def groups(self, rows) -> None:
        for number, r in rows:
            where = f"groups.tsv:{number}"
            _need(bool(CODE_RE.match(r["code"])), where, f"bad code {r['code']!r}")
            _need(not r["sector"] or r["sector"] in SECTORS, where, f"unknown sector {r['sector']!r}")
            key = f"group:{r['code']}"
            _need(key not in self.entities, where, f"duplicate group {r['code']}")
            members = tuple(_split(r["members"]))
            for m in members:
                _need(bool(CODE_RE.match(m)), where, f"bad member code {m!r}")
            country = r["country"] or None
            # a people living in one state is that state's agent ("Rohingya" -> MMRCVL, GUIDELINES.md), and its
            # name glued to another capitalised word is part of a longer name ("Tamil Nadu", "Karen Bass")
            code = f"{country}{r['sector']}" if country and r["sector"] else r["code"]
            if country and r["adjectives"]:
                self.not_if.setdefault(key, ())
            self.entities[key] = Entity(key, r["name"], "group", code, country, r["sector"] or None, members)
            for a in [r["name"], *_split(r["aliases"])]:
                self.alias(a, "name", key)
            for a in _split(r["adjectives"]):
                self.alias(a, "adjective", key)

    def person_rows(self, name: str, rows) -> None:
        for number, r in rows:
            where = f"people/{name}:{number}"
            _need(bool(r["person"]), where, "empty person")
            _need(bool(CODE_RE.match(r["code"])), where, f"bad code {r['code']!r}")
            _need(not r["country"] or bool(ISO3_RE.match(r["country"])), where, f"bad country {r['country']!r}")
            _need(not r["sector"] or r["sector"] in SECTORS, where, f"unknown sector {r['sector']!r}")
            _need(bool(DATE_RE.match(r["start"])), where, f"bad start date {r['start']!r}")
            _need(not r["end"] or bool(DATE_RE.match(r["end"])), where, f"bad end date {r['end']!r}")
            key = f"person:{fold(r['person'])}"  # "António Guterres" in one file is "Antonio Guterres" in another
            person = self.people.setdefault(key, Person(key, r["person"]))
            person.aliases.update(_split(r["aliases"]))
            role = Role(r["country"] or None, r["code"], r["sector"] or None, r["title"], r["start"], r["end"] or None)
            if role not in person.roles:
                person.roles.append(role)

    def finish(self) -> KnowledgeBase:
        for person in self.people.values():
            person.roles.sort(key=lambda r: (_pad(r.start, "0"), r.end or "9999"))
            for a in {person.name, *person.aliases}:
                self.alias(a, "person", person.key, "capital" if alias_case(a) != "exact" else "exact")
            surname = derived_surname(person.name)
            if surname and fold(surname) not in {fold(a) for a in person.aliases}:
                self.alias(surname, "surname", person.key, "capital")
        automaton = ahocorasick.Automaton()
        for key, entries in self.aliases.items():
            automaton.add_word(key, (len(key), tuple(entries)))
        automaton.make_automaton()
        by_code: dict[str, Entity] = {}
        for e in self.entities.values():
            if e.kind != "state" or e.key.startswith("state:"):
                by_code.setdefault(e.code, e)
        return KnowledgeBase(self.entities, self.people, self.sectors, self.references, self.not_if, automaton,
                             by_code, {k: frozenset(v) for k, v in self.cues.items()})


# singular sector nouns whose plural is no actor or another sense: mass nouns ("the public", "the press"), places
# ("churches" are attacked as buildings), bodies that are one per state, and words whose plural changes meaning
# ("deputies" are legislators, "speakers" address a conference)
PLURAL_EXCEPTIONS = frozenset([
    "public", "press", "population", "child", "intelligence", "opposition", "resistance", "insurgency", "industry",
    "civil society", "law enforcement", "internally displaced", "displaced people", "medical staff", "artillery",
    "judiciary", "prosecution", "leadership", "presidency", "administration", "cabinet", "church", "seminary",
    "consulate", "television", "state television", "deputy", "speaker", "deputy speaker", "general strike",
    "business community", "secret police", "state department", "politburo", "political bureau", "head",
])


def plural_of(phrase: str) -> str:
    """The regular English plural of a noun phrase: its head word (before "of" when there is one) in the plural."""
    words = phrase.split(" ")
    i = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    w = words[i]
    if w.endswith("man"):
        w = w[:-3] + "men"
    elif w.endswith(("s", "x", "ch", "sh")):
        w += "es"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        w = w[:-1] + "ies"
    else:
        w += "s"
    return " ".join(words[:i] + [w] + words[i + 1:])


def derived_surname(name: str) -> str | None:
    """The last word of a multi-word name ("Hossein Amir-Abdollahian" -> "Amir-Abdollahian"), if it can stand alone."""
    words = name.replace(",", " ").split()
    if len(words) < 2:
        return None
    last = words[-1]
    if "-" in last and last.split("-")[0].lower() in NAME_PARTICLES:
        return last
    if last.lower() in NAME_PARTICLES or len(last) < 3 or not last[0].isupper() or last.endswith("."):
        return None
    if len(words) >= 2 and words[-2].lower() in NAME_PARTICLES:
        return f"{words[-2]} {last}"
    return last


def build(files: dict[str, str] | None = None) -> KnowledgeBase:
    """Read every knowledge file (or the given texts by file name, for tests) and index them."""
    def rows(name: str, columns: list[str]):
        if files is not None:
            return _rows_of(files.get(name, ""), name, columns)
        return _rows(name, columns)

    b = _Builder()
    b.states(rows("states.tsv", STATE_COLUMNS))
    b.sector_nouns(rows("sectors.tsv", SECTOR_COLUMNS))
    b.references_(rows("references.tsv", REFERENCE_COLUMNS))
    b.derived_plurals()
    b.cue_words(rows("cues.tsv", CUE_COLUMNS))
    b.organizations(rows("organizations.tsv", ORG_COLUMNS))
    b.groups(rows("groups.tsv", GROUP_COLUMNS))
    if files is not None:
        for name, text in files.items():
            if name.startswith("people/"):
                b.person_rows(name[7:], _rows_of(text, name, PEOPLE_COLUMNS))
    else:
        folder = resources.files("eventcoder") / "data" / "actors" / "people"
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".tsv"):
                b.person_rows(item.name, _rows_of(item.read_text(encoding="utf-8"), f"people/{item.name}",
                                                  PEOPLE_COLUMNS))
    return b.finish()


@lru_cache(maxsize=1)
def load_knowledge() -> KnowledgeBase:
    """The shipped knowledge base, built once per process."""
    return build()
