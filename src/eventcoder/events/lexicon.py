"""The event lexicon: predicates read from `data/events/lexicon.tsv`, indexed once by head word form.

Matching goes by surface form, not by the parser's lemma, so the coder works the same whether or not the backbone
has a lemmatizer: every head lemma is expanded to its inflections (regular rules plus `irregular.tsv`), and the
index maps each form to the entries whose head it can be. Entries with more words ("impose difficulties on",
"call for a ceasefire") are tried before shorter ones, so the most specific reading wins. A row of type NONE is an
idiom that holds a trigger word without telling an act ("strike a balance", "fight corruption"): it wins over the
shorter reading and is then dropped.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .cameo import cameo_code

PREPOSITIONS = frozenset({
    "about", "across", "against", "along", "alongside", "among", "around", "at", "behind", "between", "by", "for", "from", "in", "into", "near",
    "of", "on", "outside", "over", "to", "toward", "towards", "upon", "with",
})
NOT_EVENT = "NONE"  # the type of an idiom row: its words are no event
SLOTS = frozenset({"subj", "obj", "iobj", "poss", "mod", "head"})
FLAGS = frozenset({"recip", "weak", "noneg", "ctrl", "verbal", "warning", "transitive", "evaluative"})
_VOWELS = set("aeiou")


@dataclass(frozen=True)
class Entry:
    """One lexicon row: a trigger and how to code it."""

    lemma: str
    pos: str  # V, N or A
    head: str  # the word the parser's predicate token must be
    before: tuple[str, ...]  # words that must precede the head (noun modifiers: "joint military" exercise)
    after: tuple[str, ...]  # words that must follow it in order ("call" for ceasefire)
    cameo: str
    type: str
    mode: str | None
    source: tuple[str, ...]  # role slots; empty = defaults for the part of speech
    target: tuple[str, ...]
    flags: frozenset[str]
    contexts: tuple[str, ...]

    @property
    def size(self) -> int:
        return 1 + len(self.before) + len(self.after)

    @property
    def rule(self) -> str:
        return "lexicon/" + self.lemma.replace(" ", "_")


def _split_lemma(lemma: str, pos: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    words = lemma.split()
    if pos in ("V", "A"):
        return words[0], (), tuple(words[1:])
    # nouns: the head is the last word before the first preposition ("call for ceasefire", "threat of force")
    cut = next((i for i, w in enumerate(words) if w in PREPOSITIONS and i > 0), len(words))
    return words[cut - 1], tuple(words[:cut - 1]), tuple(words[cut:])


def _slots(text: str) -> tuple[str, ...]:
    out = tuple(s.strip() for s in text.split(",") if s.strip())
    for slot in out:
        if slot not in SLOTS and slot not in PREPOSITIONS:
            raise ValueError(f"lexicon: unknown role slot {slot!r}")
    return out


def _rows(name: str) -> list[dict[str, str]]:
    text = (resources.files("eventcoder") / "data" / "events" / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def load_entries() -> tuple[Entry, ...]:
    """Every lexicon row, checked against the CAMEO table (which gives type and mode unless the row overrides);
    idiom rows (type NONE) have no code."""
    entries = []
    for row in _rows("lexicon.tsv"):
        pos = row["pos"]
        if pos not in ("V", "N", "A"):
            raise ValueError(f"lexicon: bad part of speech {pos!r} for {row['lemma']!r}")
        flags = frozenset((row.get("flags") or "").split())
        if not flags <= FLAGS:
            raise ValueError(f"lexicon: unknown flag in {row['lemma']!r}: {sorted(flags - FLAGS)}")
        head, before, after = _split_lemma(row["lemma"], pos)
        if row.get("type") == NOT_EVENT:
            entries.append(Entry(lemma=row["lemma"], pos=pos, head=head, before=before, after=after, cameo="",
                                 type=NOT_EVENT, mode=None, source=(), target=(), flags=flags, contexts=()))
            continue
        code = cameo_code(row["cameo"])
        contexts = tuple((row.get("contexts") or "").split()) or code.contexts
        type_ = row.get("type") or code.type
        inherited = code.mode if type_ == code.type else None  # a type override drops the code's mode
        entries.append(Entry(
            lemma=row["lemma"], pos=pos, head=head, before=before, after=after, cameo=code.code,
            type=type_, mode=(row.get("mode") or inherited) or None,
            source=_slots(row.get("source") or ""), target=_slots(row.get("target") or ""), flags=flags,
            contexts=contexts))
    return tuple(entries)


@lru_cache(maxsize=1)
def irregular_forms() -> dict[str, tuple[str, ...]]:
    return {row["lemma"]: tuple(row["forms"].split()) for row in _rows("irregular.tsv")}


def inflections(lemma: str, pos: str) -> set[str]:
    """The surface forms a head lemma can take (regular English morphology plus the irregular table)."""
    forms = {lemma}
    if pos == "N":
        if lemma.endswith(("s", "x", "z", "ch", "sh")):
            forms.add(lemma + "es")
        elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
            forms.add(lemma[:-1] + "ies")
        else:
            forms.add(lemma + "s")
        return forms
    if pos == "A":
        return forms
    forms.update(irregular_forms().get(lemma, ()))
    if lemma.endswith(("ee", "ye", "oe")):  # agree → agreeing, guarantee → guaranteeing
        forms.update({lemma + "s", lemma + "d", lemma + "ing"})
    elif lemma.endswith("e"):
        forms.update({lemma + "s", lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
        forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"})
    else:
        forms.add(lemma + ("es" if lemma.endswith(("s", "x", "z", "ch", "sh")) else "s"))
        forms.update({lemma + "ed", lemma + "ing"})
        if len(lemma) >= 3 and lemma[-1] not in _VOWELS | {"w", "x", "y"} and lemma[-2] in _VOWELS:
            # consonant doubling (ban → banned, equip → equipped); the undoubled forms are kept as well,
            # since an extra form that never occurs costs nothing while a missing one loses events
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return forms


def word_forms(word: str) -> set[str]:
    """Forms of a non-head lexicon word (objects and modifiers may be plural: "impose difficulties")."""
    return inflections(word, "N") | ({word} if word in PREPOSITIONS else set())


class LexiconIndex:
    """Entries indexed by every surface form of their head, most specific first; built once per pipeline."""

    def __init__(self, entries: tuple[Entry, ...] | None = None) -> None:
        self.entries = entries if entries is not None else load_entries()
        index: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            for form in inflections(entry.head, entry.pos):
                index[form].append(entry)
        for by_size in index.values():
            by_size.sort(key=lambda e: -e.size)
        self._by_form = dict(index)
        self._word_forms: dict[str, frozenset[str]] = {}

    def candidates(self, form: str) -> list[Entry]:
        """Entries whose head can be written `form` (lower case), longest first."""
        return self._by_form.get(form.lower(), [])

    def forms_of(self, word: str) -> frozenset[str]:
        cached = self._word_forms.get(word)
        if cached is None:
            cached = self._word_forms[word] = frozenset(word_forms(word))
        return cached


@lru_cache(maxsize=1)
def load_modality() -> dict[str, frozenset[str]]:
    """Modality word classes (negator, modal, intent, speech, ...) from `data/events/modality.tsv`."""
    classes: dict[str, set[str]] = defaultdict(set)
    for row in _rows("modality.tsv"):
        classes[row["class"]].add(row["word"])
    return {name: frozenset(words) for name, words in classes.items()}
