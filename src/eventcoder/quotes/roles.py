"""Role descriptions as speakers: "the UN secretary-general said", "Iran's top diplomat said", "the head of the
International Atomic Energy Agency said" name one person, the holder of that office on the article's date.

The actors stage codes such a description as the body it belongs to (UN, IRNGOV, IAEA), which is right for the event
coder's actor but wrong for a quote: the body did not speak, its office-holder did. This module finds the office-
holder in the actors knowledge base (read through its public loader, never edited here) from the description's last
words (data/quotes/roles.tsv) and the body's code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..actors.knowledge import Person, Role, fold, load_knowledge
from ..datafiles import read_tsv
from ..document import Actor

# words before a description that make it somebody other than the holder in office ("a former UN chief")
_NOT_HOLDER = re.compile(r"\b(?:a|an|one|another|former|ex|then|late|outgoing|incoming|acting|deputy|vice|"
                         r"assistant|previous|next|future)\b[\s\-]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Descriptor:
    words: str  # "foreign policy chief"
    titles: tuple[str, ...]  # lower-case starts of knowledge-base titles


@lru_cache(maxsize=1)
def descriptors() -> tuple[Descriptor, ...]:
    """The descriptor table, longest first so "foreign policy chief" wins over "chief"."""
    rows = [Descriptor(r["descriptor"].lower(), tuple(t.strip().lower() for t in r["titles"].split("|") if t.strip()))
            for r in read_tsv("quotes", "roles.tsv")]
    return tuple(sorted(rows, key=lambda d: len(d.words), reverse=True))


@lru_cache(maxsize=1)
def _people_by_code() -> dict[str, list[Person]]:
    by_code: dict[str, list[Person]] = {}
    for person in load_knowledge().people.values():
        for code in {r.code for r in person.roles}:
            by_code.setdefault(code, []).append(person)
    return by_code


def descriptor_of(description: str) -> Descriptor | None:
    """The descriptor a description ends with, or heads ("head of the IAEA"), if any."""
    text = re.sub(r"\s+", " ", description.lower().replace("’", "'")).strip(" ,.")
    head = re.sub(r"\s+(?:of|at|for)\s.*$", "", text)  # "head of the international atomic energy agency"
    for d in descriptors():
        for part in (text, head):
            if part == d.words or part.endswith((" " + d.words, "'s " + d.words)):
                return d
    return None


_OWNER_GLUE = frozenset(["the", "of", "for", "at", "s", "top", "interim", "transitional", "current", "incumbent",
                         "sitting"])


def _common_words_left(description: str, d: Descriptor) -> bool:
    """Whether the description says more than an owner and the office ("the head of the UN agency", "the UN
    refugee agency chief"): a lower-case word besides the descriptor names a body other than the coded one."""
    text = re.sub(r"\s+", " ", description.replace("’", "'")).strip(" ,.")
    at = text.lower().find(d.words)
    rest = text[:at] + " " + text[at + len(d.words):]
    return any(w[0].islower() and w.lower() not in _OWNER_GLUE for w in re.findall(r"[\w\-]+", rest))


@lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    return frozenset(r["word"] for r in read_tsv("quotes", "name_words.tsv") if r["kind"] == "body")


def office_holder(code: str | None, description: str, before: str, date: str | None, after: str = "") -> Actor | None:
    """The person who held the office `description` names, of the body coded `code`, on `date` (None: today), as a
    person Actor; None when the description is indefinite or past ("a UN official", "the former president"), names
    one of the body's parts (`after` starts "agency": "the head of the UN agency"), when no descriptor fits, or when
    the knowledge base has nobody or more than one person in that office. Of several people, the highest office the
    descriptor lists wins ("the head of the UN": the secretary-general), then the title sharing the description's
    capitalised words ("head of the European Commission")."""
    follows = re.match(r"\s*([\w\-]+)", after)
    if follows and follows.group(1).lower() in _body_words():
        return None
    if not code or _NOT_HOLDER.search(before) or _NOT_HOLDER.search(description.split()[0] + " "):
        return None
    if not re.search(r"\b(?:the|The)\s*$", before) and not re.search(r"['’]s\b", description):
        return None  # "a UN official", bare "chief": not one definite office
    d = descriptor_of(description)
    if d is None or _common_words_left(description, d):
        return None
    owner_words = {w.lower() for w in re.findall(r"\b[A-Z][\w\-]*", description)}
    fits: list[tuple[tuple[int, int], Person, Role]] = []
    for person in _people_by_code().get(code, []):
        for role in person.roles_on(date):
            title = role.title.lower()
            rank = next((i for i, t in enumerate(d.titles) if title.startswith(t)), None)
            if role.code == code and rank is not None:
                shared = sum(1 for w in re.findall(r"[\w\-]+", title) if w in owner_words)
                fits.append(((rank, -shared), person, role))
                break
    if not fits:
        return None
    best = min(f[0] for f in fits)
    top = [f for f in fits if f[0] == best]
    if len({p.key for _, p, _ in top}) != 1:
        return None
    _, person, role = top[0]
    return _person_actor(person, role)


def known_person(name: str, code: str | None, date: str | None) -> Actor | None:
    """The knowledge base's person of this exact name, as an Actor coded for `date` (a speaker found through
    `office_holder` is not among the article's actors when the text never names them)."""
    person = load_knowledge().people.get(f"person:{fold(name)}")
    if person is None:
        return None
    role = next((r for r in person.roles_on(date) if r.code == code), None) or person.role_on(date)
    return _person_actor(person, role) if role is not None and (not code or role.code == code) else None


def _person_actor(person: Person, role: Role) -> Actor:
    return Actor(name=person.name, code=role.code, kind="person", country=role.country, sector=role.sector,
                 affiliation=role.code, key=person.key)
