"""Find every alias of the knowledge base in a sentence: one Aho-Corasick pass, word-boundary safe, case-aware.

Matching runs on `fold(text)` (same length as the text, so offsets survive) and then checks the surface form:
acronyms must be written in capitals ("US" is the country, "us" is not), names must be capitalised ("Jordan",
not "jordan"), common nouns match in any case. A sentence written in capitals ("HAMAS FIRES ROCKETS") relaxes
those rules, except for acronyms that are also English words ("US", "WHO", "IS"), which stay unread there.
Overlapping hits are reduced to the leftmost-longest ones, so "Palestine Islamic Jihad" is one organisation,
not a state followed by a fragment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from .knowledge import Alias, KnowledgeBase, fold


@dataclass
class Hit:
    """A stretch of a sentence that is an alias of something in the base (offsets relative to the sentence)."""

    start: int
    end: int
    text: str
    entries: tuple[Alias, ...]

    def of_type(self, *types: str) -> list[Alias]:
        return [e for e in self.entries if e.type in types]


def is_shouting(text: str) -> bool:
    """True for a sentence written in capitals, where capitalisation says nothing about names."""
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    return upper + lower >= 8 and upper > 4 * lower


def case_ok(alias: Alias, surface: str, shouting: bool) -> bool:
    """Whether the text as written can be this alias (see the module docstring)."""
    if alias.case == "any":
        return True
    if shouting:
        return not (alias.case == "exact" and surface.lower() in STOP_WORDS)
    if alias.case == "exact":
        return [c.isupper() for c in surface if c.isalpha()] == [c.isupper() for c in alias.text if c.isalpha()]
    if not any(c.isupper() for c in surface):
        return False
    return not (alias.text[:1].isupper() and not surface[:1].isupper())


_BEFORE_NAME = re.compile(r"(?:^|\b(?:AND|THE|OF|WITH|BY|FROM|AGAINST|BETWEEN)\s+)$")
_AFTER_NAME = re.compile(r"^(?:\s+AND\b|\s*,|-|'S\b|’S\b)")


def _acronym_context(text: str, start: int, end: int) -> bool:
    """In capitals, "US"/"WHO"/"IS" are read as names only where a name stands: first, after AND/THE/OF..., before
    AND, a comma, a hyphen or a possessive ("US AND SOUTH KOREA HOLD DRILLS", not "REPORT IS BIASED")."""
    return bool(_BEFORE_NAME.search(text[:start]) or _AFTER_NAME.match(text[end:]))


def find_hits(kb: KnowledgeBase, text: str, folded: str | None = None, shouting: bool | None = None) -> list[Hit]:
    """Leftmost-longest, non-overlapping alias hits in `text`, each with the entries whose case rules it meets."""
    folded = fold(text) if folded is None else folded
    shouting = is_shouting(text) if shouting is None else shouting
    n = len(folded)
    found: list[Hit] = []
    for last, (length, entries) in kb.automaton.iter(folded):
        start, end = last - length + 1, last + 1
        if (start > 0 and folded[start - 1].isalnum()) or (end < n and folded[end].isalnum()):
            continue
        if end < n - 1 and folded[end] == "." and folded[end + 1].isalnum():  # "U.S" inside "U.S.A"
            continue
        surface = text[start:end]
        ok = tuple(e for e in entries if case_ok(e, surface, shouting))
        if not ok and shouting and any(e.case == "exact" for e in entries) and _acronym_context(text, start, end):
            ok = tuple(e for e in entries if e.case == "exact")
        if ok:
            found.append(Hit(start, end, surface, ok))
    found.sort(key=lambda h: (h.start, -(h.end - h.start)))
    chosen: list[Hit] = []
    for hit in found:
        if chosen and hit.start < chosen[-1].end:
            continue
        chosen.append(hit)
    return chosen
