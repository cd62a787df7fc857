"""Turn alias hits in a sentence into coded mentions, reading the context the way a news reader does.

The order of work in one sentence:
1. classify each hit (a person, a named state/organisation/group, a demonym, a capital, a sector noun, an
   honorific, a back-reference noun) and drop the ones the context rules out: "non-Iranian", "Iran-backed",
   "Jordan" next to another capitalised word or beside a cue of its other sense ("Atlanta, Georgia"), a capital
   that is a place rather than a government ("in Tehran", "Baghdad airport");
2. compose: owner + sector noun is an agent ("Egyptian police" -> EGYCOP, "Arab regimes" -> ARBGOV, "Hamas
   officials" -> HAMAS); a title ("Iran's Foreign Minister", "the head of the Political Bureau of Hamas", "Hamas
   leader in Gaza") next to a name is that person, coded by the knowledge base on the article's date, or by the
   title for people the base does not know ("X, the Y of Z", "Z's Y X");
3. acronyms introduced in parentheses become aliases for the rest of the article, and unknown "Long Name (LN)"
   organisations get the acronym as their code;
4. what is left needing an antecedent ("the Iranian minister", "the movement", "the police") is handed to
   `coref` as a description.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from .knowledge import (
    STATE_SECTORS,
    Entity,
    KnowledgeBase,
    Person,
    Reference,
    SectorNoun,
    derived_surname,
    fold,
)
from .match import Hit


@dataclass
class Ref:
    """What a mention stands for: the fields of a contract actor plus an identity key."""

    key: str
    name: str
    code: str | None
    kind: str  # "state" | "organization" | "person" | "group" | "other"
    country: str | None
    sector: str | None
    affiliation: str | None = None
    members: tuple[str, ...] = ()
    plural: bool = False


@dataclass
class Want:
    """What a description or pronoun can refer to, for coreference."""

    kind: str  # "person" | "organization" | "state" | "agent" | "possessor"
    code: str | None = None  # the antecedent must carry this code ("the Hamas leader")
    country: str | None = None
    sector: str | None = None
    prefer_sector: str | None = None
    noun: SectorNoun | None = None  # for "the police": the sector noun to attach to the state found
    pronoun: str | None = None  # for "its troops": the possessive pronoun whose antecedent owns the noun


@dataclass
class Found:
    """A mention in a sentence (offsets relative to the sentence) and what it stands for, once known."""

    start: int
    end: int
    ref: Ref | None
    rule: str
    locative: bool = False
    want: Want | None = None  # set when the mention still needs an antecedent
    coordination: int | None = None
    subject: bool = False  # a hint for pronouns: sentence-initial or the agent of a passive ("by X")


@dataclass
class Item:
    """A classified hit during composition."""

    start: int
    end: int
    text: str
    kind: str  # "person" | "entity" | "adjective" | "capital" | "sector" | "honorific" | "reference"
    entity: Entity | None = None
    person: Person | None = None
    noun: SectorNoun | None = None
    reference: Reference | None = None
    honorific: bool = False  # a capitalised title that may stand before a name ("General", "President")
    used: bool = False


@dataclass
class DocContext:
    """What the resolver carries from sentence to sentence in one article."""

    kb: KnowledgeBase
    date: str | None
    seen: set[str] = field(default_factory=set)  # keys of actors named so far
    seen_codes: set[str] = field(default_factory=set)  # their codes
    doc_aliases: dict[str, Ref] = field(default_factory=dict)  # acronyms and surnames introduced in the article
    coordinations: int = 0


PARTICLE = r"(?:al|el|bin|ibn|bint|abu|de|van|von|der|da|di|du|la|le|ben)[\s\-]+"
NAME_WORD = r"[A-Z][a-zA-Z'’\-]*[a-z][a-zA-Z'’\-]*\.?"
NAME_RUN = re.compile(rf"(?:{PARTICLE})?{NAME_WORD}(?:\s+(?:{PARTICLE})?{NAME_WORD}){{0,4}}")
APPOSITION_BEFORE = re.compile(r"\s*,\s*(?:the\s+|a\s+|an\s+)?(?:former\s+|then\s+|deputy\s+|acting\s+)?$")
PARTICLES = frozenset(["al", "el", "bin", "ibn", "bint", "abu", "de", "van", "von", "der", "da", "di", "du", "la", "le", "ben"])
NAME_WORD_RE = re.compile(rf"(?:{PARTICLE})?{NAME_WORD}")
POSSESSIVE_GAP = re.compile(r"^(?:'s|'|’s|’)?\s+((?:[A-Za-z][A-Za-z\-]*\s+){0,2})$")
OF_GAP = re.compile(r"^\s+(?:of|for)\s+(?:the\s+)?$")
FROM_GAP = re.compile(r"^\s+from\s+(?:the\s+)?$")
CAPITAL_GAP = re.compile(r"^(?:\s+of(?:\s+[a-z]+){1,3}?)?\s+in\s+$")  # "ministry of foreign affairs in "
APPOSITION_GAP = re.compile(r"^(?:\s+(?:in|for|of)\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})?\s*,\s*$")
APPOSITION_LEAD = re.compile(APPOSITION_GAP.pattern[:-1])
DIRECT_GAP = re.compile(r"^\s+$")
COORD_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*,?\s+as well as\s+)(?:the\s+)?$")
ACRONYM_PAREN = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9\-&]{1,9})\s*\)")
LONG_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’\-]*\s+)(?:(?:of|for|the|and|al|el|de|du|des)\s+|[A-Z][\w'’\-]*\s+)*"
                              r"[A-Z][\w'’\-]*)$")
DEFINITE = re.compile(r"(?:^|\s)(?:the|this|that|these|those)\s+(?:[a-z][a-z\-]*\s+){0,2}$", re.IGNORECASE)
INDEFINITE = re.compile(r"(?:^|\s)(?:a|an|one|another|some|several|two|three|many)\s+(?:[a-z][a-z\-]*\s+){0,2}$",
                        re.IGNORECASE)
POSSESSIVE_PRONOUN = re.compile(r"\b(its|their|his|her)\s+((?:[a-z][a-z\-]*\s+)?)$", re.IGNORECASE)


# ------------------------------------------------------------------------------------------------- actor refs

def entity_ref(e: Entity, plural: bool = False) -> Ref:
    """A named actor; organisations with plural names ("the Houthis", "Qassam Brigades") and groups are plural
    for "they", states and singular names ("Hamas", "the United States") are not."""
    plural_name = e.kind == "organization" and bool(re.search(r"[^aus]s$", e.name))
    return Ref(e.key, e.name, e.code, e.kind, e.country, e.sector, None, e.members,
               plural or plural_name or (e.kind == "group" and not e.key.startswith("state:")))


def agent_ref(owner: Entity, noun: SectorNoun, name: str) -> Ref:
    """Owner + sector noun: a state or group agent (EGYCOP, ARBGOV); an organisation stays itself (Hamas officials)."""
    if owner.kind == "organization" or (owner.kind == "state" and not owner.key.startswith("state:")):
        return entity_ref(owner, plural=noun.plural)
    people = owner.kind == "group" and owner.country is not None  # "Tuareg rebels" -> MLIREB, a people of one state
    code = f"{owner.country if people else owner.code}{noun.sector}"
    kind = "state" if noun.sector in STATE_SECTORS and (owner.kind == "state" or people) else "group"
    return Ref(f"agent:{code}", name, code, kind, owner.country, noun.sector, None, owner.members, noun.plural)


def ownerless_ref(noun: SectorNoun, name: str) -> Ref:
    """A sector noun with no owner in sight ("protesters"): the sector alone, country unknown."""
    return Ref(f"agent:{noun.sector}", name, noun.sector, "group" if noun.sector not in STATE_SECTORS else "other",
               None, noun.sector, None, (), noun.plural)


def person_ref(p: Person, date: str | None, prefer: str | None = None, context: set[str] = frozenset(),
               nearby: str = "") -> Ref:
    """A known person coded by their role on `date`. When several roles are held at once, the one the text's title
    names wins (`prefer`: "RSF commander Dagalo"; or the words of a role's own title in the text around the name,
    `nearby`: "endorsed Guaido as interim president" -> his opposition role, not his seat in parliament), then one
    whose code the article already mentions (`context`: "the RSF, commanded by General Dagalo"), then the base's own
    ranking (an office of state first)."""
    held = p.roles_on(date) if (prefer or context or nearby) else []
    role = next((r for r in held if r.code == prefer), None) if prefer else None
    if role is None and len(held) > 1 and nearby:
        role = _titled_role(held, nearby)
    if role is None and len(held) > 1:
        role = next((r for r in reversed(held) if r.code in context), None)
    role = role or p.role_on(date)
    if role is None:
        return Ref(p.key, p.name, None, "person", None, None)
    return Ref(p.key, p.name, role.code, "person", role.country, role.sector, role.code)


def _titled_role(held: list, nearby: str):
    """The one held role most of whose distinctive title words ("interim", "assembly", "leader") the text around the
    name uses, or None when no role's title is named there more than another's."""
    words = set(re.findall(r"[a-z]+", fold(nearby)))
    scores = [(sum(w in words for w in set(re.findall(r"[a-z]{4,}", fold(r.title)))), r) for r in held]
    scores.sort(key=lambda sr: -sr[0])
    if scores[0][0] and scores[0][0] > scores[1][0]:
        return scores[0][1]
    return None


def titled_person_ref(name: str, title: Ref | None) -> Ref:
    """A person the base does not know, coded by the title the article gives them (or an honest null)."""
    if title is None:
        return Ref(f"person?:{name}", name, None, "person", None, None)
    return Ref(f"person?:{name}", name, title.code, "person", title.country, title.sector, title.code)


# ------------------------------------------------------------------------------------------------- classification

def _pick_person(ctx: DocContext, hit: Hit) -> Person | None:
    people = []
    for e in hit.entries:
        if e.type == "person" or (e.type == "surname" and e.target in ctx.seen):
            p = ctx.kb.people.get(e.target)
            if p and p not in people:
                people.append(p)
    if len(people) <= 1:
        return people[0] if people else None
    seen = [p for p in people if p.key in ctx.seen]
    if len(seen) == 1:
        return seen[0]
    in_office = [p for p in people if p.in_office(ctx.date)]
    if len(in_office) == 1:
        return in_office[0]
    codes = {(r.code if r else None) for r in (p.role_on(ctx.date) for p in (in_office or people))}
    return (in_office or people)[0] if len(codes) == 1 and None not in codes else None  # same coding either way


def _pick_entity(ctx: DocContext, hit: Hit, type_: str) -> Entity | None:
    keys = list(dict.fromkeys(e.target for e in hit.entries if e.type == type_))
    if not keys:
        return None
    seen = [k for k in keys if k in ctx.seen]
    return ctx.kb.entities.get(seen[0] if seen else keys[0])


def classify(ctx: DocContext, hit: Hit) -> Item | None:
    """The most specific reading of a hit: a person, then a name, a demonym, a capital, a noun."""
    person = _pick_person(ctx, hit)
    if person:
        return Item(hit.start, hit.end, hit.text, "person", person=person)
    for type_, kind in (("name", "entity"), ("adjective", "adjective"), ("capital", "capital")):
        entity = _pick_entity(ctx, hit, type_)
        if entity:
            return Item(hit.start, hit.end, hit.text, kind, entity=entity)
    honorific = bool(hit.of_type("honorific"))
    sector = hit.of_type("sector")
    if sector:
        return Item(hit.start, hit.end, hit.text, "sector", noun=ctx.kb.sectors[sector[0].target],
                    honorific=honorific and hit.text[:1].isupper())
    if honorific:
        return Item(hit.start, hit.end, hit.text, "honorific", noun=ctx.kb.sectors[hit.of_type("honorific")[0].target],
                    honorific=True)
    ref = hit.of_type("reference")
    if ref:
        item = Item(hit.start, hit.end, hit.text, "reference", reference=ctx.kb.references[ref[0].target])
        return item
    return None


# ------------------------------------------------------------------------------------------------- filters

def _left(text: str, start: int, width: int = 80) -> str:
    """The stretch of text just before `start`: context rules look back a few words, never the whole sentence."""
    return text[max(0, start - width):start]


def _word_before(text: str, start: int) -> str:
    """The last word before `start`, lower-cased, skipping punctuation and spaces ("" at the sentence start)."""
    i = start
    while i and not text[i - 1].isalpha():
        i -= 1
    j = i
    while j and text[j - 1].isalpha():
        j -= 1
    return text[j:i].lower()


def _name_before(text: str, start: int, not_names: frozenset[str] = frozenset()) -> tuple[int, str] | None:
    """An unknown name of 2-5 capitalised words ending in a comma just before `start` ("Ahmed Nasser, the ...")."""
    m = APPOSITION_BEFORE.search(_left(text, start, 40))
    if not m:
        return None
    end = start - len(m.group(0))
    base = max(0, end - 100)
    words = [(base + w.start(), w.group()) for w in re.finditer(r"[\w'’.\-]+", text[base:end])]
    run: list[tuple[int, str]] = []
    expected_end = end
    for w_start, w in reversed(words):
        if text[w_start + len(w):expected_end].strip() or len(run) == 5:
            break
        if not (NAME_WORD_RE.fullmatch(w) or (run and w.lower() in PARTICLES)) or w.lower() in STOP_WORDS \
                or w.lower() in not_names:
            break  # "On Monday Hazem Qassem, a ...": the name starts after the sentence's opening words
        run.insert(0, (w_start, w))
        expected_end = w_start
    while run and run[0][1].lower() in PARTICLES:
        run.pop(0)
    if len(run) < 2 or any(w.lower() in STOP_WORDS for _, w in run):
        return None
    return run[0][0], text[run[0][0]:end]


def _word_after(text: str, end: int) -> str:
    m = re.match(r"[^A-Za-z]*([A-Za-z]+)", text[end:])
    return m.group(1).lower() if m else ""


def _capitalised_neighbour(text: str, item: Item) -> bool:
    """A name glued to another capitalised word is part of a longer name ("Michael Jordan", "Jordan Peterson")."""
    after = re.match(r"^\s([A-Z][a-z]+)", text[item.end:])
    if after and after.group(1).lower() not in STOP_WORDS:
        return True
    if item.start < 2 or text[item.start - 1] != " " or not text[item.start - 2].isalpha():
        return False
    word = _word_before(text, item.start)
    return word[:1].isalpha() and text[item.start - 1 - len(word)].isupper() and word not in STOP_WORDS


def _title_follows(ctx: DocContext, text: str, end: int) -> bool:
    """Whether a title or body noun follows ("Turkish Defence Ministry spokesman", "Turkish President"): the
    demonym before it owns it and is not the start of a longer name."""
    after = fold(text[end:end + 40]).lstrip()
    return any(after.startswith(p) and not after[len(p):len(p) + 1].isalnum() for p in map(fold, ctx.kb.sectors))


def keep(ctx: DocContext, text: str, folded: str, item: Item, shouting: bool) -> bool:
    """Whether the context lets a hit stand for what it names (see the module docstring)."""
    cues = ctx.kb.cues
    if item.kind in ("entity", "adjective", "capital", "person") and item.start >= 2 and \
            text[item.start - 1] in "-‐" and _word_before(text, item.start - 1) in cues["negating_prefix"]:
        return False  # "non-Iranian", "anti-Hamas"
    if item.kind in ("entity", "adjective", "capital"):
        key = item.entity.key
        if key in ctx.kb.not_if:
            if any(re.search(rf"\b{re.escape(c)}\b", folded) for c in ctx.kb.not_if[key]):
                return False
            if not shouting and _capitalised_neighbour(text, item) and \
                    not (item.kind == "adjective" and _title_follows(ctx, text, item.end)):
                return False
        nxt = _word_after(text, item.end)
        if nxt in cues["place_noun"] and text[item.end:item.end + 1] != "-":
            return False
    if item.kind == "capital":
        if shouting:
            return False
        before = _left(text, item.start)
        word = _word_before(text, item.start)
        if (word in cues["locative"] and not _seat_of(ctx, before)) or (word in cues["place_before"]
                                                                         and not _people_of(ctx, before)) \
                or before.rstrip()[-1:] in ("(", '"', "“"):
            return False
        if re.match(r"^\s*,\s*[A-Z]", text[item.end:]) and not re.match(r"^\s*,\s*(?:and|but)\b", text[item.end:]):
            return False
        if _capitalised_neighbour(text, item):
            return False
        if not before.strip() and re.match(r"^\s*(?:\(|—|–|-\s|,\s*[^,]{0,25}?\s(?:\(|—|–|-\s))", text[item.end:]):
            return False  # a dateline: "BRUSSELS (Reuters) -", "PARIS, March 7 —"
        owned = re.match(r"^(?:'s|’s)\s+(?:[A-Z][\w\-]*\s+){1,3}([A-Za-z]+)", text[item.end:])
        if owned and owned.group(1).lower() in cues["place_noun"]:
            return False  # "Tehran's Azadi Square"
    return True


def _seat_of(ctx: DocContext, before: str) -> bool:
    """Whether the capital after `before` is the seat of the body a group noun just before it names ("the ministry
    of foreign affairs in Riyadh", "officials in Islamabad"), which then speaks for that state."""
    m = re.search(r"\b([a-z]+(?:\s+[a-z]+)?)(?:\s+of(?:\s+[a-z]+){1,3}?)?\s+in\s*$", before)
    if m is None or re.search(r"\b(?:its|their|his|her)\s+(?:[a-z\-]+\s+){0,2}$", before[:m.end(1)] + " "):
        return False  # "its leaders in Cairo": the pronoun's antecedent owns them, the capital is a place
    words = m.group(1).split()
    noun = ctx.kb.sectors.get(m.group(1)) or ctx.kb.sectors.get(words[-1])
    return noun is not None and noun.kind == "group" and noun.sector in STATE_SECTORS


def _people_of(ctx: DocContext, before: str) -> bool:
    """Whether a group noun stands right before "of" and the capital ("residents of Khartoum"): that state's
    group, as "the army of Egypt" is."""
    m = re.search(r"\b([a-z]+)\s+of\s*$", before.lower())
    noun = ctx.kb.sectors.get(m.group(1)) if m else None
    return noun is not None and noun.kind == "group"


GIVEN_NAME_BEFORE = re.compile(r"(?:^|[\s(\"“])([A-Z][a-zA-Z'’\-]*[a-z][a-zA-Z'’\-]*)\s+$")


def _someone_else(ctx: DocContext, text: str, item: Item, hits: list[Hit], persons) -> bool:
    """Whether a one-word hit on a known person's surname names somebody else: the text gives a first name the
    person's own names lack ("Hamas spokesman Hazem Qassem" is not Naim Qassem), or the article has already
    introduced another bearer of that surname ("Hazem Qassem ... Qassem said") and not the known person."""
    if len(item.text.split()) > 1 or item.person is None:
        return False
    introduced = ctx.doc_aliases.get(item.text)
    if introduced is not None and introduced.key != item.person.key and item.person.key not in ctx.seen:
        return True
    window = max(0, item.start - 40)
    m = GIVEN_NAME_BEFORE.search(text[window:item.start])
    if not m:
        return False
    word_start = window + m.start(1)
    word = m.group(1)
    if word.lower() in STOP_WORDS or word.lower() in ctx.kb.cues["not_given_name"] \
            or word.endswith(("'s", "’s")) or any(h.start < item.start and h.end > word_start and _reads(ctx, h)
                                                  for h in hits):
        return False  # "Later Qassem said", "Hezbollah's Qassem", "Sheikh Qassem": the surname may be theirs
    ner = [(s, e) for s, e in persons if s <= item.start < e]
    if ner and not any(s <= word_start for s, _ in ner):
        return False  # the recogniser keeps the word out of the person's name
    own = {fold(w) for name in (item.person.name, *item.person.aliases) for w in re.findall(r"[\w'’\-]+", name)}
    return fold(word) not in own


def _reads(ctx: DocContext, hit: Hit) -> bool:
    """Whether a hit has a reading here: a surname counts only once its person has been named in the article."""
    return any(e.type != "surname" or e.target in ctx.seen for e in hit.entries)


def _other_bearers(ctx: DocContext, text: str, others: list[Item], hits: list[Hit], found: list[Found]) -> list[Found]:
    """The people `_someone_else` set apart, where no title or recogniser named them: "Hazem Qassem said" is an
    uncoded person of that full name, whose surname then means them for the rest of the article."""
    out: list[Found] = []
    for it in others:
        if any(f.start < it.end and it.start < f.end for f in found + out):
            continue
        m = re.search(r"(?:(?:[A-Z][a-zA-Z'’\-]*[a-z][a-zA-Z'’\-]*|al|el|bin|ibn|abu|Abu|Abdel|Abdul)[\s\-]+){1,3}$",
                      text[max(0, it.start - 60):it.start])
        if not m:
            continue
        n_start = it.start - len(m.group(0))
        while any(h.start <= n_start < h.end and _reads(ctx, h) for h in hits) or \
                text[n_start:].split(" ", 1)[0].lower() in STOP_WORDS | ctx.kb.cues["not_given_name"]:
            nxt = text.find(" ", n_start, it.start)
            if nxt < 0:
                break
            n_start = nxt + 1
        if n_start >= it.start:
            continue
        name = text[n_start:it.end]
        ref = ctx.doc_aliases.get(name) or titled_person_ref(name, None)
        out.append(Found(n_start, it.end, ref, "name"))
        _register_surname(ctx, name, ref)
    return out


# ------------------------------------------------------------------------------------------------- composition

def _modifiers_ok(ctx: DocContext, words: str) -> bool:
    """Words between an owner and its noun must be modifiers ("political", "air"), not verbs or function words
    ("Egypt hosted world leaders", "Iran sends troops", "Pentagon said navy"): without a tagger, -ed and -s forms
    and the irregular verbs of cues.tsv are taken as verbs."""
    return all(w.lower() not in STOP_WORDS and w.lower() not in ctx.kb.cues["verb"] and not _VERBISH.search(w)
               and w.lower() not in ctx.kb.cues["preposition"] for w in words.split())


_VERBISH = re.compile(r"(?:ed|[^s]s)$")


def resolve_sentence(ctx: DocContext, text: str, folded: str, hits: list[Hit], shouting: bool,
                     persons: list[tuple[int, int]] = ()) -> list[Found]:
    """Coded mentions of one sentence (offsets relative to it), descriptions left with `want` for coref."""
    items = [it for it in (classify(ctx, h) for h in hits) if it is not None]
    items = [it for it in items if keep(ctx, text, folded, it, shouting)]
    others = [it for it in items if it.kind == "person" and not shouting and _someone_else(ctx, text, it, hits, persons)]
    items = [it for it in items if it not in others]
    found: list[Found] = []
    found += _parenthesised_acronyms(ctx, text, items)
    found += _modifier_suffixes(ctx, text, items)
    found += _compose(ctx, text, items, shouting)
    found += _doc_aliases(ctx, text, items, found)
    found += _ner_persons(ctx, text, persons, found)
    found += _other_bearers(ctx, text, others, hits, found)
    found.sort(key=lambda f: f.start)
    _coordinate(ctx, text, found)
    for f in found:
        if f.ref is not None:
            ctx.seen.add(f.ref.key)
            if f.ref.code and f.ref.kind != "person":
                ctx.seen_codes.add(f.ref.code)
    return found


def _modifier_suffixes(ctx: DocContext, text: str, items: list[Item]) -> list[Found]:
    """"Iran-backed militias": Iran is a modifier, not an actor; "Hamas-run ministry" is Hamas acting as that body."""
    out: list[Found] = []
    for i, it in enumerate(items):
        if it.used or it.kind not in ("entity", "adjective") or text[it.end:it.end + 1] not in "-‐":
            continue
        m = re.match(r"[-‐]([a-z]+)", text[it.end:])
        if not m:
            continue
        suffix = m.group(1)
        if suffix in ctx.kb.cues["agent_suffix"]:
            it.used = True
            nxt = items[i + 1] if i + 1 < len(items) else None
            gap = text[it.end + len(m.group(0)):nxt.start] if nxt else ""
            if nxt and nxt.kind == "sector" and POSSESSIVE_GAP.match(gap) and _modifiers_ok(ctx, gap):
                nxt.used = True
                out.append(Found(it.start, nxt.end, agent_ref(it.entity, nxt.noun, text[it.start:nxt.end]), "agent"))
        elif suffix in ctx.kb.cues["modifier_suffix"]:
            it.used = True
    return out


def _title_of(ctx: DocContext, text: str, items: list[Item], i: int) -> tuple[Ref | None, int, int] | None:
    """If items[i] starts a title phrase, its coded owner, and the index of the last item and end offset used.

    Title phrases: owner ['s] [mods] TITLE ("Iran's Foreign Minister", "Hamas leader", "the Iranian minister"),
    TITLE of [the] OWNER ("head of the Political Bureau of Hamas"), and a bare TITLE ("the general").
    """
    it = items[i]
    nxt = items[i + 1] if i + 1 < len(items) else None
    if it.kind in ("entity", "adjective") and nxt and nxt.kind == "sector" and nxt.noun.kind == "person":
        gap = POSSESSIVE_GAP.match(text[it.end:nxt.start])
        if gap and _modifiers_ok(ctx, gap.group(1)):
            return agent_ref(it.entity, nxt.noun, text[it.start:nxt.end]), i + 1, nxt.end
    if it.kind == "sector" and it.noun.kind == "person":
        if nxt and nxt.kind in ("entity", "adjective") and OF_GAP.match(text[it.end:nxt.start]):
            third = items[i + 2] if i + 2 < len(items) else None
            if third and third.kind == "sector" and third.noun.kind == "group":
                gap = POSSESSIVE_GAP.match(text[nxt.end:third.start])
                if gap and _modifiers_ok(ctx, gap.group(1)):  # "spokesman for the Algerian foreign ministry"
                    return agent_ref(nxt.entity, third.noun, text[it.start:third.end]), i + 2, third.end
            if nxt.kind == "entity":  # "head of the Political Bureau of Hamas"
                return agent_ref(nxt.entity, it.noun, text[it.start:nxt.end]), i + 1, nxt.end
        return None, i, it.end
    return None


def _implied_owner(text: str, items: list[Item], i: int, noun: SectorNoun) -> Ref:
    """For a title with no owner ("Prime Minister Ariel Henry"), the one state named before it in the sentence
    ("Gangs in Haiti forced Prime Minister ..."); failing that, the sector alone."""
    states = {it.entity.key: it.entity for it in items[:i]
              if it.kind in ("entity", "adjective") and it.entity.key.startswith("state:")}
    if len(states) == 1:
        owner = next(iter(states.values()))
        return agent_ref(owner, noun, f"{owner.name} {noun.phrase}")
    return ownerless_ref(noun, noun.phrase)


def _name_after(text: str, pos: int, items: list[Item], j: int, min_words: int = 2) -> tuple[str, int, int] | None:
    """An unknown capitalised name starting at `pos` (not overlapping any later hit), as (name, start, end)."""
    m = NAME_RUN.match(text, pos)
    if not m:
        return None
    end = m.end()
    for other in items[j:]:
        if other.start < end:
            end = min(end, other.start)
    name = text[m.start():end].strip().rstrip(".")
    words = name.split()
    if len(words) < min_words or any(w.lower() in STOP_WORDS for w in words if not re.match(PARTICLE, w + " ")):
        return None
    return name, m.start(), m.start() + len(name)


def _compose(ctx: DocContext, text: str, items: list[Item], shouting: bool) -> list[Found]:
    out: list[Found] = []
    i = 0
    while i < len(items):
        it = items[i]
        if it.used:
            i += 1
            continue
        title = _title_of(ctx, text, items, i)
        if title is not None:
            owner, last, tend = title
            start = it.start
            j = last + 1
            # honorifics between the title and a name: "Commander General Qasem Soleimani"
            while j < len(items) and items[j].honorific and DIRECT_GAP.match(text[items[j - 1].end:items[j].start]):
                j += 1
            prev_end = items[j - 1].end
            gap_text = text[prev_end:items[j].start] if j < len(items) else ""
            if j < len(items) and items[j].kind == "person" and (DIRECT_GAP.match(gap_text)
                                                                 or APPOSITION_GAP.match(gap_text)):
                p = items[j]
                out.append(Found(p.start, p.end, person_ref(p.person, ctx.date, owner.code if owner else None,
                                                        ctx.seen_codes), "title"))
                for k in range(i, j + 1):
                    items[k].used = True
                i = j + 1
                continue
            name = None
            if not shouting:
                gap_m = APPOSITION_LEAD.match(text[prev_end:]) or re.match(r"^\s+(?=[A-Z])", text[prev_end:])
                if gap_m and (owner is not None or items[j - 1].honorific or it.kind == "sector"):
                    # "Jordan's Queen Rania", "Prime Minister Sheikh Hasina": one word will do right after a title
                    direct = not text[prev_end:prev_end + gap_m.end()].strip()
                    name = _name_after(text, prev_end + gap_m.end(), items, j,
                                       1 if direct and (owner is not None or items[j - 1].honorific) else 2)
            if name:
                nm, ns, ne = name
                title_owner = owner if owner is not None else _implied_owner(text, items, i, it.noun)
                out.append(Found(ns, ne, titled_person_ref(nm, title_owner), "apposition"))
                _register_surname(ctx, nm, out[-1].ref)
                for k in range(i, j):
                    items[k].used = True
                i = j
                continue
            # "Ahmed Nasser, the foreign minister of Sudan": the name comes before the title
            before = _name_before(text, start, ctx.kb.cues["not_given_name"]) if owner is not None and not shouting else None
            if before and not any(x.start < start and x.end > before[0] for x in items[:i]):
                n_start, nm = before
                out.append(Found(n_start, n_start + len(nm), titled_person_ref(nm, owner), "apposition"))
                _register_surname(ctx, nm, out[-1].ref)
                for k in range(i, last + 1):
                    items[k].used = True
                i = last + 1
                continue
            if owner is not None or (it.kind == "sector" and not items[last].honorific):
                noun = items[last].noun if items[last].kind == "sector" else it.noun
                definite = DEFINITE.search(_left(text, start))
                follows_of = re.match(r"^\s+of\b", text[tend:])
                if definite and not noun.plural and not (owner is None and follows_of):
                    want = Want("person", code=owner.code if owner else None,
                                country=owner.country if owner else None,
                                sector=noun.sector if owner is None or owner.key.startswith("agent:") else None)
                    if owner is not None and owner.key.startswith("agent:"):
                        want.code = None
                        want.sector = noun.sector
                    out.append(Found(start, tend, owner, "description", want=want))
                elif owner is not None:
                    out.append(Found(start, tend, owner, "agent"))
                elif INDEFINITE.search(_left(text, start)) and not follows_of:
                    out.append(Found(start, tend, ownerless_ref(noun, text[start:tend]), "sector"))  # "a gunman"
                for k in range(i, last + 1):
                    items[k].used = True
                i = last + 1
                continue
        # owner + group noun: "Egyptian police", "Iranian students", "Palestinian journalists and activists"
        nxt = items[i + 1] if i + 1 < len(items) else None
        if it.kind == "sector" and it.noun.kind == "group" and nxt and nxt.kind in ("entity", "capital") and \
                (OF_GAP.match(text[it.end:nxt.start]) or FROM_GAP.match(text[it.end:nxt.start])
                 and nxt.entity.key.startswith("state:") and it.noun.sector != "MIL"):
            # "the army of Egypt"; "the leaders of Australia, Britain and the United States" -> one agent each;
            # "envoys from the United States and Iran", "refugees from Syria" (a state's own, not a place; but
            # "bought fighter jets from Russia": arms come from a state without being its forces)
            out.append(Found(it.start, nxt.end, agent_ref(nxt.entity, it.noun, text[it.start:nxt.end]), "agent"))
            it.used = nxt.used = True
            k = i + 2
            while k < len(items) and items[k].kind == "entity" and COORD_GAP.match(text[items[k - 1].end:items[k].start]):
                e = items[k].entity
                out.append(Found(items[k].start, items[k].end, agent_ref(e, it.noun, f"{e.name} {it.noun.phrase}"),
                                 "agent"))
                items[k].used = True
                k += 1
            i = k
            continue
        if it.kind == "sector" and it.noun.kind == "group" and nxt and nxt.kind == "capital" and \
                CAPITAL_GAP.match(text[it.end:nxt.start]) and not (i and items[i - 1].end >= it.start - 2) and \
                not POSSESSIVE_PRONOUN.search(_left(text, it.start, 30)):  # "its leaders in Cairo" are its own
            # "the ministry of foreign affairs in Riyadh", "officials in Islamabad": the government seated there
            out.append(Found(it.start, nxt.end, agent_ref(nxt.entity, it.noun, text[it.start:nxt.end]), "agent"))
            it.used = nxt.used = True
            i += 2
            continue
        third = items[i + 2] if i + 2 < len(items) else None
        as_demonym = it.kind == "adjective" or (it.kind == "entity" and it.text.isupper() and
                                                it.entity.key.startswith("state:"))  # "US and Russian delegations"
        if as_demonym and nxt and nxt.kind == "adjective" and third and third.kind == "sector" and \
                third.noun.kind == "group" and re.match(r"^\s*(?:,|and|or|,\s*and)\s*$", text[it.end:nxt.start]) and \
                POSSESSIVE_GAP.match(text[nxt.end:third.start]) and _modifiers_ok(ctx, text[nxt.end:third.start]):
            # "Ghanaian and Ivorian customs officers": the noun is shared, one agent per demonym
            out.append(Found(it.start, it.end, agent_ref(it.entity, third.noun, f"{it.text} {third.text}"), "agent"))
            out.append(Found(nxt.start, third.end, agent_ref(nxt.entity, third.noun, text[nxt.start:third.end]),
                             "agent"))
            it.used = nxt.used = third.used = True
            i += 3
            continue
        if as_demonym and it.entity.key.startswith("state:") and nxt and nxt.kind == "entity" and \
                nxt.entity.kind == "state" and not nxt.entity.key.startswith("state:") and nxt.entity.sector and \
                re.match(r"^\s*(?:,|and|or|,\s*and)\s*$", text[it.end:nxt.start]):
            # "Greek and Turkish military officials": the second demonym's state organ lends the first its sector
            code = f"{it.entity.code}{nxt.entity.sector}"
            out.append(Found(it.start, it.end, Ref(f"agent:{code}", f"{it.text} {nxt.entity.sector}", code, "state",
                                                   it.entity.country, nxt.entity.sector), "agent"))
            it.used = True
            i += 1
            continue
        if it.kind in ("entity", "adjective", "capital") and nxt and nxt.kind == "sector" and nxt.noun.kind == "group" \
                and _word_after(text, nxt.end) not in ctx.kb.cues["described"]:  # not "American military aid"
            gap = POSSESSIVE_GAP.match(text[it.end:nxt.start])
            if it.kind == "capital" and not (gap and (text[it.end:it.end + 1] in "'’" or
                                                      nxt.noun.sector in STATE_SECTORS)):
                gap = None  # a capital's possessive ("Seoul's military") or its state body ("a Cairo court"), never
                # its people ("Kyiv residents")
            if gap and _modifiers_ok(ctx, gap.group(1)):
                ref = agent_ref(it.entity, nxt.noun, text[it.start:nxt.end])
                if _sides(ctx, gap.group(1)):  # "Yemen's warring parties": the sides of its war stand for the state
                    ref = entity_ref(it.entity, plural=True)
                if re.match(r"^\s[a-z]+[^s]s\b", text[nxt.end:]):
                    ref.plural = True  # "Niger's military rulers ... They"
                out.append(Found(it.start, nxt.end, ref, "agent"))
                it.used = nxt.used = True
                k = i + 2
                while k < len(items) and items[k].kind == "sector" and items[k].noun.kind == "group" and \
                        re.match(r"^\s*(?:,|and|or|,\s*and)\s*$", text[items[k - 1].end:items[k].start]):
                    out.append(Found(items[k].start, items[k].end,
                                     agent_ref(it.entity, items[k].noun, f"{it.text} {items[k].text}"), "agent"))
                    items[k].used = True
                    k += 1
                i = k
                continue
        if it.kind == "adjective" and nxt and nxt.kind == "entity" and nxt.entity.kind == "organization" and \
                DIRECT_GAP.match(text[it.end:nxt.start]):
            it.used = True  # "Lebanese Hizbollah", "Yemeni Houthis": the demonym only qualifies the name
            i += 1
            continue
        it.used = True
        f = _standalone(ctx, text, it)
        if f is not None:
            out.append(f)
        i += 1
    return out


def _acts(ctx: DocContext, text: str, end: int) -> bool:
    """Whether a bare noun is used as an actor: followed by a verb-looking word, a possessive or the clause's end
    ("the military said", "the government's plan", "..., the army."), not as a modifier ("the military capacity")."""
    after = text[end:end + 30]
    place = re.match(r"^\s+(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w'’\-]*\s+){1,3}(?=[a-z])", text[end:end + 60])
    if place:  # "the health ministry in Gaza said": the place only locates the body
        after = text[end + place.end() - 1:end + place.end() + 29]
    if re.match(r"^(?:'s|’s)?\s*(?:[,.;:!?]|$)", after) or re.match(r"^(?:'s|’s)\s", after):
        return True
    word = re.match(r"^\s+(?:has|have|had|was|were|is|are|will|would|could|may|might|must|also|then)?\s*([a-z]+)",
                    after)
    return bool(word) and (word.group(1) in ctx.kb.cues["verb"] or bool(_VERBISH.search(word.group(1))))


LOCATED_IN = re.compile(r"\s+in\s+(?:the\s+)?([A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2})")


def _located_state(ctx: DocContext, text: str, end: int) -> Entity | None:
    """The state named, or whose capital is named, in an "in X" phrase right after `end` ("protesters in Sanaa",
    "soldiers in Niger"); None when X is no state or capital the base knows."""
    m = LOCATED_IN.match(text, end)
    if m is None:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):  # the longest known name: "South Sudan" before "South"
        _, entries = ctx.kb.automaton.get(fold(" ".join(words[:n])), (0, ()))
        for e in entries:
            entity = ctx.kb.entities.get(e.target) if e.type in ("name", "capital") else None
            if entity is not None and entity.kind == "state" and entity.key.startswith("state:"):
                return entity
    return None


def _other_state_before(ctx: DocContext, text: str, start: int, located: Entity) -> bool:
    """Whether a state other than `located` is named (by name, demonym or capital) before `start`."""
    words = re.findall(r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}", text[:start])
    for run in words:
        parts = run.split()
        for a in range(len(parts)):
            for b in range(len(parts), a, -1):
                _, entries = ctx.kb.automaton.get(fold(" ".join(parts[a:b])), (0, ()))
                if any(e.type in ("name", "adjective", "capital") and e.target.startswith("state:")
                       and e.target != located.key for e in entries):
                    return True
    return False


def _people_demonym(ctx: DocContext, text: str, it: Item) -> bool:
    """Whether a demonym names people of a state rather than the state (GUIDELINES.md): a plural form whose
    singular is also a demonym of that state ("Egyptians marched", "13 Israelis") -> XXXCVL; "the Israelis"
    (the side in a negotiation) and singular or invariant forms ("Swiss") stay the state."""
    if it.entity.kind != "state" or not it.entity.country or not it.text.endswith("s") or \
            _word_before(text, it.start) == "the":
        return False
    for stem in (it.text[:-1], it.text[:-2]):
        _, entries = ctx.kb.automaton.get(fold(stem), (0, ()))
        if any(e.type == "adjective" and e.target == it.entity.key for e in entries):
            return True
    return False


PLACE_AFTER = re.compile(r"\s+()([a-z]+)\b")  # "Israeli towns"
WHERE_BEFORE = re.compile(r"\b(?:in|near|inside|across|throughout|around|within|outside)\s+(?:the\s+|a\s+)?$",
                          re.IGNORECASE)
PLACE_AFTER_MODIFIER = re.compile(r"\s+([a-z][a-z\-]*\s+)([a-z]+)\b")  # "Israeli border towns"


def _sides(ctx: DocContext, modifiers: str) -> bool:
    """Whether the words before a group noun make it the sides of a war ("warring parties", cues.tsv `sides`)."""
    return any(w in ctx.kb.cues["sides"] for w in modifiers.lower().split())


def _people_place(ctx: DocContext, text: str, it: Item) -> int | None:
    """The end of "Israeli towns", "Rohingya villages", "Palestinian homes": a demonym before a place noun of
    cues.tsv (`people_place`) stands for the people living there, XXXCVL (GUIDELINES.md, Codes: places); None
    when no such noun follows (one modifier may stand between: "Israeli border towns"), or where the phrase only
    says where something happened ("in the Northern Irish town of Ballymena")."""
    if not it.entity.country or WHERE_BEFORE.search(_left(text, it.start)):
        return None
    places = ctx.kb.cues["people_place"]
    for m in (PLACE_AFTER.match(text, it.end), PLACE_AFTER_MODIFIER.match(text, it.end)):
        if m is not None and m.group(2) in places and _modifiers_ok(ctx, m.group(1)):
            return m.end()
    return None


def _standalone(ctx: DocContext, text: str, it: Item) -> Found | None:
    locative = it.kind in ("entity", "capital") and it.entity.kind in ("state", "group") and \
        it.entity.key[:4] in ("stat", "grou") and _word_before(text, it.start) in ctx.kb.cues["locative"]
    subject = not text[:it.start].strip() or \
        _word_before(text, it.start) == "by"
    if it.kind == "person":
        nearby = text[max(0, it.start - 50):it.end + 50]
        return Found(it.start, it.end, person_ref(it.person, ctx.date, context=ctx.seen_codes, nearby=nearby), "kb",
                     subject=subject)
    if it.kind == "entity":
        return Found(it.start, it.end, entity_ref(it.entity), "kb", locative=locative, subject=subject)
    if it.kind == "adjective":
        lived_in = _people_place(ctx, text, it)
        if lived_in is not None:
            code = f"{it.entity.country}CVL"
            return Found(it.start, lived_in, Ref(f"agent:{code}", text[it.start:lived_in], code, "group",
                                                 it.entity.country, "CVL", None, (), True), "demonym",
                         subject=subject)
        if _people_demonym(ctx, text, it):
            code = f"{it.entity.country}CVL"
            return Found(it.start, it.end, Ref(f"agent:{code}", it.text, code, "group", it.entity.country, "CVL",
                                               None, (), True), "demonym", subject=subject)
        # rule "demonym": a state named only by an adjective ("Iranian support", "Palestinian flags") is a weaker
        # actor than its name; the event coder can tell them apart
        return Found(it.start, it.end, entity_ref(it.entity, plural=it.text.endswith("s")), "demonym",
                     subject=subject)
    if it.kind == "capital":
        return Found(it.start, it.end, entity_ref(it.entity), "metonym", subject=subject)
    definite = DEFINITE.search(_left(text, it.start))
    possessive = POSSESSIVE_PRONOUN.search(_left(text, it.start, 30))
    if it.kind == "sector" and it.noun.kind == "group" and possessive and \
            _modifiers_ok(ctx, possessive.group(2) or ""):
        # "Israel said its troops ...", "Netanyahu said his government ...": owned by the pronoun's antecedent
        return Found(it.start, it.end, ownerless_ref(it.noun, it.text), "description",
                     want=Want("possessor", noun=it.noun, pronoun=possessive.group(1).lower()))
    if it.kind == "sector" and it.noun.kind == "group" and not it.noun.alone and not it.noun.plural and definite \
            and it.noun.sector in STATE_SECTORS and _acts(ctx, text, it.end):
        # "the military said", "the government's decision": the body of the state in focus
        return Found(it.start, it.end, ownerless_ref(it.noun, it.text), "description", want=Want("agent", noun=it.noun))
    located = _located_state(ctx, text, it.end) if it.kind == "sector" and it.noun.kind == "group" else None
    if located is not None and it.noun.sector == "MIL" and _other_state_before(ctx, text, it.start, located):
        located = None  # "Russia kept troops in Syria": the troops are Russia's, not Syria's
    if located is not None and (it.noun.alone or definite):
        # "protesters in Nairobi", "the junta in Guinea": an ownerless body takes the state it is placed in; "the
        # warring parties in Sudan" are the sides of its war, which stand for the state
        ref = entity_ref(located, plural=True) if definite and _sides(ctx, definite.group(0)) else \
            agent_ref(located, it.noun, it.text)
        return Found(it.start, it.end, ref, "agent", subject=subject)
    if it.kind == "sector" and it.noun.kind == "group" and it.noun.alone:
        if definite:
            return Found(it.start, it.end, ownerless_ref(it.noun, it.text), "description",
                         want=Want("agent", noun=it.noun))
        return Found(it.start, it.end, ownerless_ref(it.noun, it.text), "sector", subject=subject)
    if it.kind == "sector" and it.noun.kind == "person" and definite and not re.match(r"^\s+of\b", text[it.end:]):
        return Found(it.start, it.end, None, "description", want=Want("person", sector=it.noun.sector))
    if it.kind == "sector" and definite and not it.noun.alone and it.text.lower() in ctx.kb.references:
        it = Item(it.start, it.end, it.text, "reference", reference=ctx.kb.references[it.text.lower()])
    if it.kind == "reference" and definite:  # "the movement", and "the resistance" named before as a sector
        r = it.reference
        return Found(it.start, it.end, None, "description",
                     want=Want(r.refers, prefer_sector=r.sector if r.refers == "organization" else None))
    return None


# ------------------------------------------------------------------------------------------------- acronyms, NER

def _register_surname(ctx: DocContext, name: str, ref: Ref) -> None:
    surname = derived_surname(name)
    if surname and surname not in ctx.doc_aliases:
        ctx.doc_aliases[surname] = ref


def _parenthesised_acronyms(ctx: DocContext, text: str, items: list[Item]) -> list[Found]:
    """"Long Name (LN)": LN is an alias of Long Name for the rest of the article; unknown pairs make a new actor."""
    out: list[Found] = []
    for m in ACRONYM_PAREN.finditer(text):
        acr, a_start, a_end = m.group(1), m.start(1), m.end(1)
        inside = [it for it in items if it.start >= a_start and it.end <= a_end]
        before = [it for it in items if it.end <= m.start() and not text[it.end:m.start()].strip()]
        if before and before[-1].kind in ("entity", "person") and not inside:
            b = before[-1]
            ref = person_ref(b.person, ctx.date) if b.kind == "person" else entity_ref(b.entity)
            ctx.doc_aliases.setdefault(acr, ref)
            continue
        if inside or not acr.isupper():
            continue
        long = LONG_NAME_BEFORE.search(text[:m.start()])
        if not long or len(long.group(1).split()) < 2:
            continue
        l_start, l_end = long.start(1), long.end(1)
        lead = re.match(r"(?:The|A|An)\s+", long.group(1))
        if lead:
            l_start += lead.end()
        if len(text[l_start:l_end].split()) < 2:
            continue
        if any(it.start < l_end and it.end > l_start and it.kind in ("entity", "person") for it in items):
            continue
        country = None
        for it in items:
            if it.start >= l_start and it.end <= l_end:
                if it.kind == "adjective" and it.entity.country:
                    country = country or it.entity.country
                it.used = True
        head = long.group(1).split()[-1].lower()
        reference = ctx.kb.references.get(head)
        code = re.sub(r"[^A-Z0-9]+", "_", acr.upper()).strip("_")
        ref = Ref(f"new:{code}", text[l_start:l_end], code, "organization", country,
                  reference.sector if reference else None)
        out.append(Found(l_start, l_end, ref, "acronym"))
        out.append(Found(a_start, a_end, ref, "acronym"))
        ctx.doc_aliases[acr] = ref
    return out


def _doc_aliases(ctx: DocContext, text: str, items: list[Item], found: list[Found]) -> list[Found]:
    """Later uses of acronyms and surnames the article itself introduced."""
    out: list[Found] = []
    for alias, ref in ctx.doc_aliases.items():
        for m in re.finditer(rf"(?<![\w\-]){re.escape(alias)}(?![\w\-])", text):
            s, e = m.start(), m.end()
            if any(x.start < e and x.end > s for x in items if x.kind in ("entity", "person", "adjective", "capital")) \
                    or any(f.start < e and f.end > s for f in found + out):
                continue
            out.append(Found(s, e, ref, "alias"))
    return out


TITLE_AFTER = re.compile(r"^\s*,\s*(?:a|an|the)\s+(?:former\s+|then\s+|senior\s+|prominent\s+|leading\s+)?$")


def _ner_persons(ctx: DocContext, text: str, persons, found: list[Found]) -> list[Found]:
    """Person entities from the parse that nothing else explained: people the base does not know, coded by an
    ownerless title in apposition ("Joshua Wong, a student leader," -> EDU, placed in its country by the event
    coder like any bare sector), otherwise honestly uncoded."""
    out: list[Found] = []
    for s, e in persons:
        if any(f.start < e and f.end > s for f in found):
            continue
        name = text[s:e]
        title = next((f for f in found if f.rule == "sector" and f.ref is not None and f.start >= e
                      and TITLE_AFTER.match(text[e:f.start])), None)
        ref = ctx.doc_aliases.get(name) or titled_person_ref(name, title.ref if title else None)
        out.append(Found(s, e, ref, "ner"))
        _register_surname(ctx, name, ref)
    return out


def _coordinate(ctx: DocContext, text: str, found: list[Found]) -> None:
    """Mark lists ("Saudi Arabia, Egypt, and the UAE") so events can fan out over their members."""
    run: list[Found] = []
    for f in found + [None]:
        if f is not None and f.ref is not None and run and COORD_GAP.match(text[run[-1].end:f.start]):
            run.append(f)
            continue
        if len(run) >= 2 and any(re.search(r"\b(?:and|or)\b|as well as", text[a.end:b.start])
                                 for a, b in itertools.pairwise(run)):
            ctx.coordinations += 1
            for r in run:
                r.coordination = ctx.coordinations
        run = [f] if f is not None and f.ref is not None else []
