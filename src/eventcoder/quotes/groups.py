"""Bare-noun speakers ("witnesses said", "residents of Khan Younis told Reuters", "his wife told reporters") and the
country such a speaker belongs to.

Nobody is named, yet the words are somebody's: the gold set codes them as a sector group of the country the story is
about ("local residents said" in a story about Azerbaijan → AZECVL). The actors stage codes some of these nouns as a
bare sector ("residents" → CVL) and leaves others alone ("witnesses"); this module finds them all from
data/quotes/speaker_groups.tsv and places a bare sector in its country from the words around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import read_tsv

CROWD = "crowd"  # the sector of organisers: that of the crowd they speak for

# words before the noun that belong to its phrase ("local residents", "two witnesses", "his wife")
_MODIFIERS = frozenset(["local", "some", "several", "many", "other", "most", "two", "three", "four", "five", "one",
                        "a", "an", "the", "his", "her", "their", "its", "senior", "both", "independent", "displaced",
                        "frightened", "angry", "grieving", "western", "eastern", "northern", "southern", "foreign",
                        "regional", "provincial", "municipal", "district", "town", "city", "village", "camp"])
# what may follow a speaker noun: a verb, an adverb, a preposition or a clause opener, never a noun it modifies
# ("police station", "army base")
_NEXT_OK = frozenset(["of", "in", "from", "near", "at", "around", "inside", "outside", "on", "who", "which", "that",
                      "and", "or", "also", "later", "then", "again", "have", "had", "has", "were", "are", "was", "is",
                      "would", "could", "say", "tell", "speaking", "reached", "interviewed", "contacted", "quoted",
                      "cited", "familiar", "close", "with", "for", "to", "by"])
_PLACE_AFTER = re.compile(r"\s+(?:of|in|from|near|at|around|inside)\s+(?:the\s+)?")


@dataclass(frozen=True)
class GroupMention:
    """A bare-noun speaker phrase: its span, the words shown as the speaker, and what it can be coded as."""

    start: int
    end: int
    display: str
    sector: str | None  # None: never coded ("analysts")
    country: str | None  # from a demonym or a place in the phrase ("Syrian officials", "residents of Rafah")
    head_end: int = -1  # where the noun ends, before a place or body it is "of" or "from" ("monitors from the AU")


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str | None, bool]]:
    return {r["phrase"].lower(): (r["sector"] if r["placed"] == "yes" and r["sector"] else None, r["placed"] == "yes")
            for r in read_tsv("quotes", "speaker_groups.tsv")}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    phrases = sorted(_table(), key=len, reverse=True)
    return re.compile(r"(?<![\w\-’'])(?:" + "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
                      + r")(?![\w\-])", re.IGNORECASE)


_MASS = ("police", "army", "family", "opposition", "state ", "ministry ", "people", "armies")
_BODY_HEADS = ("office", "agency", "ministry", "council", "service", "authority", "committee", "staff", "defence",
               "defense", "brigade", "department", "familiar")  # "Pakistan's foreign office", "Gaza's civil defence": a body, not one person


def _one_person(phrase: str) -> bool:
    """Whether a phrase names a single person ("doctor", "diplomat"), not a body or a crowd."""
    lower = re.sub(r"\s+", " ", phrase.lower())
    return not lower.endswith("s") and not lower.startswith(_MASS) and not lower.endswith(_BODY_HEADS)


def names_group(name: str) -> bool:
    """Whether a speaker's name is a bare-noun phrase ("witnesses", "Residents of Khan Younis")."""
    return _pattern().search(name) is not None


def group_mentions(text: str, start: int, end: int, verbs: frozenset[str], demonym_country: dict[str, str],
                   places: list[tuple[int, int, str]]) -> list[GroupMention]:
    """Every bare-noun speaker phrase in text[start:end]: the noun with the words of its phrase before it and a place
    after it ("local residents", "Palestinian witnesses", "residents of Khan Younis")."""
    out: list[GroupMention] = []
    for m in _pattern().finditer(text, start, end):
        if re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]) and not any(p[0] == m.end() + 1 for p in places):
            continue  # "Police Chief John Smith", "Army General X": a title before a name
        follows = re.match(r"\s+([a-z]+)", text[m.end():m.end() + 30])
        if follows and follows.group(1) not in verbs and follows.group(1) not in _NEXT_OK \
                and not follows.group(1).endswith("ly"):
            continue  # "police station", "family home": the noun modifies another
        if text[m.end():m.end() + 2] in ("’s", "'s"):
            continue  # "the army's chief": a possessor
        lead = text[max(start, m.start() - 40):m.start()]
        if re.search(r"(?:['’]s|\b[Tt]he)\s+(?:[a-z]+\s+){0,2}$", lead) and _one_person(m.group()):
            continue  # "the EU's top diplomat", "the doctor": one person the text has named, not a group
        first, country = m.start(), None
        for _ in range(3):
            before = re.search(r"([\w’'\-]+)\s+$", text[max(start, first - 30):first])
            if before is None:
                break
            word = before.group(1)
            if word.lower() in _MODIFIERS:
                first -= len(before.group())
            elif word in demonym_country and country is None:
                country = demonym_country[word]
                first -= len(before.group())
            else:
                if country is None and word.endswith(("’s", "'s")):  # "Pakistan's foreign office": its country
                    at = first - len(before.group())
                    country = next((p[2] for p in places if p[0] == at), None)
                break
        last = m.end()
        after = _PLACE_AFTER.match(text, m.end(), end)
        if after:
            place = next((p for p in places if p[0] == after.end()), None)
            named = re.compile(r"(?:[A-Z][\w’'\-]*|al-[\w\-]+)(?:\s+(?:[A-Z][\w’'\-]*|al-[\w\-]+))*").match(
                text, after.end(), end)
            if place is not None:
                last, country = place[1], country or place[2]
            elif named:  # a town the gazetteer lacks ("residents of Beit Lahia"): part of the phrase, no person
                last = named.end()
        display = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", text[first:last])
        sector = _table()[re.sub(r"\s+", " ", m.group()).lower()][0]
        out.append(GroupMention(first, last, display, sector, country, m.end()))
    return out


def place_country(speaker: tuple[int, int], claim: tuple[int, int], sentence: tuple[int, int],
                  places: list[tuple[int, int, str]], countries: list[tuple[int, str]],
                  main: str | None) -> str | None:
    """The country a bare-noun speaker belongs to: that of the first town or region its claim names ("shelling hit
    Khan Younis, witnesses said"), else of the first coded mention of the claim, its likely subject ("France has not
    extradited him to Algeria, according to his lawyer"), else of the sentence's coded mention nearest to it, else
    a place elsewhere in the sentence, else the article's country (`main`). `countries` lists the start and country
    of every coded mention, countries named as places included."""
    named = {s for s, _ in countries}
    towns = [c for s, _, c in places if claim[0] <= s < claim[1] and s not in named]
    if towns:
        return towns[0]
    in_claim = sorted((at, c) for at, c in countries if claim[0] <= at < claim[1])
    if in_claim:
        return in_claim[0][1]
    near = [(abs(at - speaker[0]), c) for at, c in countries if sentence[0] <= at < sentence[1]
            and not speaker[0] <= at < speaker[1]]
    if near:
        return min(near)[1]
    in_sentence = [c for s, _, c in places if sentence[0] <= s < sentence[1]]
    return in_sentence[0] if in_sentence else main
