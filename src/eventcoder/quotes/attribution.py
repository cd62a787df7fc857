"""Find quotations and attribute each to its speaker.

Direct quotes are spans between quotation marks, curly or straight, across sentences and across paragraphs when
the next paragraph opens with a quotation mark (the news convention for a quote that goes on). Two-or-three-word
quotes with no reporting verb beside them are scare quotes ("a “terrorist group”"), not quotations.
Indirect quotes are the complements of reporting verbs ("X revealed ... that Y", "according to X, Y").

The speaker is found in the words around the quote, in this order: a name right before or after the reporting
verb ("Abdollahian declaring that", "”, said Haniyeh", "..., said Ned Price, a State Department spokesman."); for a
participle ("..., saying that") the subject of the sentence; a pronoun ("when he said") resolved to the person it
most likely means (agent of a passive and sentence subject preferred over a possessor or a recipient, never a
person whose given name says the other sex); a title-only phrase ("the Iranian minister") to the last person who
held that title in the article, of that country when the phrase names one; a lead ending in a colon ("Erdogan was
blunt: “...”") to whom it is about; a quote that is a sentence of its own to the person the next sentence hands it
to ("So said X"), else whoever was speaking or acting just before it (the previous paragraph's, when the quote
opens its paragraph). Names come from the actors stage's mentions when it ran (coded, with coreference already
resolved), else from capitalised-name heuristics so the stage works on raw text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..actors.knowledge import load_knowledge
from ..datafiles import data_lines, read_tsv
from ..document import Actor, Quote, Sentence
from .groups import CROWD, group_mentions, place_country
from .roles import office_holder

SCARE_QUOTE_WORDS = 3  # quotes this short are scare quotes unless a reporting verb frames them


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]  # form -> lemma
    titles: frozenset[str]
    demonyms: frozenset[str]  # "Iranian": an adjective before a title, never a speaker's name
    verb_pattern: re.Pattern[str]
    back_cue: re.Pattern[str]  # "So said", "With those words": the sentence names the speaker of the quote before it
    sex: dict[str, str]  # folded given name -> "f" | "m", for "she" and "he"
    demonym_country: dict[str, str]  # "Turkish" -> "TUR", for "the Turkish minister"


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    verbs = {row["form"]: row["lemma"] for row in read_tsv("quotes", "verbs.tsv")}
    titles = frozenset(line.lower() for line in data_lines("quotes", "titles.txt"))
    pattern = re.compile(r"\b(?:" + "|".join(sorted(verbs, key=len, reverse=True)) + r")\b")
    demonym_rows = read_tsv("places", "demonyms.tsv")
    demonyms = frozenset(row["demonym"] for row in demonym_rows)
    sex = {_fold(row["name"]): row["sex"] for row in read_tsv("quotes", "given_names.tsv")}
    cues = data_lines("quotes", "back_cues.txt")
    back_cue = re.compile(r"[\s”\"]*(?:" + "|".join(r"\s+".join(re.escape(w) for w in c.split()) for c in cues)
                          + r")\b", re.IGNORECASE)
    return Lexicon(verbs, titles, demonyms, pattern, back_cue, sex,
                   {row["demonym"]: row["country"] for row in demonym_rows})


@dataclass
class Name:
    """A possible speaker: a span of the text naming a person, organisation or state."""

    start: int
    end: int
    text: str
    key: str  # identity: actor key/name, or the surname for heuristic names
    display: str
    actor: Actor | None = None
    person: bool | None = None
    titles: set[str] = field(default_factory=set)
    adjective: bool = False  # a coded demonym ("Yemeni"), which may open a longer name of its own
    place: bool = False  # named as a place ("the province of Palawan"), a speaker only by metonymy ("Kyiv said")
    group: str | None = None  # a bare-noun speaker's sector ("witnesses": CVL), coded once placed in a country


@dataclass
class Found:
    """A quote as found, before it becomes a contract Quote."""

    start: int
    end: int
    kind: str
    speaker: Name | None
    sentence_index: int | None


# ---------------------------------------------------------------- direct quotes

_OPEN, _CLOSE, _STRAIGHT = "“", "”", '"'


_MARKS = re.compile(r"[“”\"]|\n[ \t]*\n\s*")


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of every quotation, marks excluded. A quotation inside a quotation in the other
    kind of marks (“They told us "wait"”, "They told us “wait”") belongs to the outer one, which is the span."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    outer = ""  # the mark that opened the quotation under way
    for m in _MARKS.finditer(text):
        ch = m.group()
        i = m.start()
        if ch[0] == "\n":
            if open_at is None:
                continue
            if text[m.end():m.end() + 1] in (_OPEN, _STRAIGHT):  # the quote goes on in the next paragraph
                spans.append((open_at, _rstrip(text, open_at, i)))
                open_at = -1  # the next paragraph's opening mark reopens it
            else:
                open_at = None  # an unclosed quote ends with its paragraph and is dropped
        elif open_at is not None and open_at >= 0 and ch != outer and (outer == _STRAIGHT or ch == _STRAIGHT):
            continue  # a mark of the other kind inside the quotation opens or closes a quotation within it
        elif ch == _OPEN or (ch == _STRAIGHT and open_at in (None, -1)):
            open_at, outer = i + 1, ch
        elif open_at is not None and open_at >= 0:
            spans.append((open_at, i))
            open_at = None
    return [(s, e) for s, e in spans if e > s and text[s:e].strip()]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# ---------------------------------------------------------------- names

_NAME = re.compile(r"(?:[A-Z][\w’'\-]*\.?|al-[\w\-]+)(?:\s+(?:[A-Z][a-z]{1,4}\.(?=\s+[A-Z])|[A-Z][\w’'\-]*|al-[\w\-]+|"
                   r"el-[\w\-]+|bin|ibn|"
                   r"von|van|der|den|de|da|di|del|du|of the|of|for the(?=\s+[A-Z])|for(?=\s+[A-Z])))*")
_PARTICLES = frozenset(["of", "for", "the", "von", "van", "der", "den", "de", "da", "di", "del", "du", "bin", "ibn"])


@lru_cache(maxsize=8)
def _words(kind: str) -> frozenset[str]:
    """A word list from data/quotes/name_words.tsv (month and weekday names come from the date vocabulary)."""
    if kind == "calendar":
        return frozenset(r["word"] for r in read_tsv("dates", "words.tsv") if r["kind"] in ("month", "weekday"))
    return frozenset(r["word"] for r in read_tsv("quotes", "name_words.tsv") if r["kind"] == kind)
def organisation_words() -> frozenset[str]:
    """Words that make a capitalised name an organisation's ("Observatory", "Ministry")."""
    return _words("org")


_TITLE_ONLY = re.compile(r"\b[Tt]he\s+((?:[\w’'\-]+\s+){0,3}?)([a-z]+(?:-[a-z]+)?)(?:\s+(?:also|later|then|again|further|"
                         r"[a-z]+ly))?[\s,]*$")  # "the French president also warned"


_COMPOUND = re.compile(r"^[\w’']+-(?:led|backed|based|born|run|controlled|owned|allied|aligned|funded|made|"
                       r"brokered|sponsored|style)$")
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.)+$")


@lru_cache(maxsize=8192)
def _is_title(word: str, titles: frozenset[str]) -> bool:
    lower = word.lower()
    return lower in titles or ("-" in lower and any(part in titles for part in lower.split("-")))


_TOKEN = re.compile(r"\S+")
# after a sentence-initial word, a preposition or an agent noun shows the word is not a name ("Protest leaders")
_MODIFIER_NEXT = re.compile(r"\s+(?:in|at|on|of|for|with|from|after|before|during|later|earlier|ago|"
                            r"[a-z]+(?:ers|ors|ists|ians))\b")  # "Hours later, X said": no name
_WORD = re.compile(r"[A-Za-z\-]+")
_APPOSITIVE = re.compile(r",\s+(?:the\s+|a\s+)?([\w\s\-]{0,60}?)(?:,|\.|$)")
_DATELINE_AFTER = re.compile(r"\s*(?:\(|—|–|-\s)")


def heuristic_names(text: str, start: int, end: int, titles: frozenset[str], demonyms: frozenset[str],
                    skip: list[tuple[int, int]], lowercase_words: frozenset[str] = frozenset(),
                    stop_words: frozenset[str] = frozenset()) -> list[Name]:
    """Capitalised name sequences in text[start:end], with titles, possessors and modifiers cut off
    ("U.S. President Joe Biden" -> "Joe Biden" with title president; "South Korea's Joint Chiefs of Staff" ->
    "Joint Chiefs of Staff"; "Atiku Abubakar of the Peoples Democratic Party" -> "Atiku Abubakar"). Lower-case
    titles just before a name are the name's ("foreign minister Hakan Fidan") unless a word of `stop_words` (the
    reporting verbs) stands between them."""
    out: list[Name] = []
    previous_end = start  # titles before a name never reach back past the name before it ("envoy X in Jerusalem")
    for m in _NAME.finditer(text, start, end):
        reach, previous_end = max(previous_end, m.start() - 60), m.end()
        spans = [(t.start() + m.start(), t.end() + m.start(), t.group()) for t in _TOKEN.finditer(m.group())]
        found_titles: set[str] = set()
        possessive = [i for i, (_, _, w) in enumerate(spans) if w.endswith(("’s", "'s")) and i < len(spans) - 1]
        if possessive:
            spans = spans[possessive[-1] + 1:]
        title_at = [i for i, (_, _, w) in enumerate(spans) if _is_title(w, titles)]
        if title_at and title_at[-1] < len(spans) - 1:
            found_titles.update(spans[i][2].lower() for i in title_at)
            spans = spans[title_at[-1] + 1:]
        org_name = any(w in _words("org") for _, _, w in spans)
        while spans and (spans[0][2] in _words("function") or spans[0][2] in _words("calendar") or spans[0][2] in _PARTICLES
                         or (spans[0][2] in demonyms and not org_name)  # "Syrian Observatory ..." keeps its adjective
                         or _ABBREVIATION.match(spans[0][2])
                         or _COMPOUND.match(spans[0][2]) or spans[0][2].endswith(("’s", "'s"))):
            spans = spans[1:]
        words = [w for _, _, w in spans]
        for particle in ("of", "for"):  # "Atiku Abubakar of the PDP", "thanked Erdogan for Turkey's": a person
            if particle in words and not any(w in _words("org") for w in words):
                cut = words.index(particle)
                if cut >= 1 and (cut >= 2 or particle == "for"):
                    spans = spans[:cut]
                    words = words[:cut]
        while spans and (spans[-1][2] in _PARTICLES or spans[-1][2].rstrip(".") in _words("calendar")
                         or (_is_title(spans[-1][2], titles)  # "Marwan Sultan" is a surname after a given name
                             and not (len(spans) == 2 and _fold(spans[0][2]) in load_lexicon().sex))):
            spans = spans[:-1]
        if not spans:
            continue
        words = [w for _, _, w in spans]
        first = spans[0][0]
        last = words[-1].removesuffix("’s").removesuffix("'s")
        stop = spans[-1][0] + len(last)
        if any(s <= first < e for s, e in skip):
            continue
        if words[0].isupper() and len(words[0]) > 1 and _DATELINE_AFTER.match(text, stop):
            continue  # a dateline ("ABUJA (Reuters) —"), not a speaker
        if len(words) == 1 and (words[0] in _words("common_head") or _COMPOUND.match(words[0]) or
                                (first == start and (words[0].lower() in lowercase_words
                                                     or _MODIFIER_NEXT.match(text, stop)))):
            continue  # "Analysts said", "Protest leaders said", "Meeting in Jakarta, ...": not a name
        display = text[first:stop]
        before = text[min(reach, first):first]
        for t in reversed(_WORD.findall(before)[-4:]):
            if t in stop_words:
                break  # "the NATO secretary general said Turkey ...", "the ambassador of Iran, X": not Turkey's, Iran's
            if _is_title(t, titles):
                found_titles.add(t.lower())
        after = _APPOSITIVE.match(text[stop:stop + 80])
        if after and not any(w in load_lexicon().verbs for w in after.group(1).split()):
            # not "Greenland, the Danish prime minister said, ...": a speaker's inversion, no apposition
            appos = after.group(1).split()  # not "president" from "the vice president"
            found_titles.update(w.lower() for i, w in enumerate(appos) if _is_title(w, titles)
                                and not (i and appos[i - 1].lower() in _LESSER_OFFICE))
        person = None if len(words) == 1 else not any(w in _words("org") for w in words)
        out.append(Name(first, stop, display, key=last, display=display, person=person, titles=found_titles))
    return _join_and(text, out)


def _join_and(text: str, names: list[Name]) -> list[Name]:
    """One organisation's name with "and" in it ("the Hostages and Missing Families Forum", "the Organization for
    Security and Co-operation in Europe"): a name after "the" joined by a bare "and" to an organisation's name that
    the first lacks the head word of."""
    out: list[Name] = []
    for n in names:
        prev = out[-1] if out else None
        if prev is not None and text[prev.end:n.start] == " and " and text[max(0, prev.start - 4):prev.start] in (
                "the ", "The ") and ((any(w in _words("org") for w in n.text.split())
                                      and not any(w in _words("org") for w in prev.text.split()))
                                     or (" of " in prev.text and prev.text.split()[0] in _words("org")
                                         and n.text.endswith("s") and not n.text.isupper())):
            # ("the Union of Journalists and Media Workers": the second half lists whom the body is of)
            joined = text[prev.start:n.end]
            out[-1] = Name(prev.start, n.end, joined, key=n.key, display=joined, person=False)
        else:
            out.append(n)
    return out


def _fold(word: str) -> str:
    """A word without accents, lower-cased: "Erdoğan" and "Erdogan" are one name."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


def _partial_collision(n: Name, c: Name) -> bool:
    """Whether coded mention `c` covers only part of the longer heuristic person name `n` and that name has a
    word the actor's name lacks: the actors stage matched a surname of somebody else."""
    if not n.person or c.actor is None or c.actor.kind != "person" or c.end - c.start >= n.end - n.start:
        return False
    known = {_fold(w) for w in re.findall(r"[\w’'\-]+", c.actor.name)}
    words = [w for w in re.findall(r"[\w’'\-]+", n.text) if w[0].isupper()]
    return len(words) > 1 and any(_fold(w) not in known for w in words)


def _organ_description(actor: Actor, text: str) -> bool:
    """Whether a mention names a state organ by a lower-case description ("Israeli military", "the Sudanese
    army") rather than by the organ's own name: a state agent (country plus sector) whose name the words lack."""
    words = text.split()
    return actor.kind == "state" and bool(actor.code) and len(actor.code or "") == 6 and actor.name not in text \
        and len(words) >= 2 and words[-1].islower() and words[-1].isalpha()


def _inside_organisation(n: Name, covering: list[Name]) -> bool:
    """Whether heuristic organisation name `n` goes on past every coded non-person name covering part of it
    ("Lebanon's National" coded, "National News Agency" named)."""
    return n.person is False and any(w in _words("org") for w in n.text.split()) and all(
        (not c.person or any(w in _words("org") for w in c.text.split())) and not c.adjective and c.end <= n.end and c.end - c.start < n.end - n.start
        and (c.start >= n.start or c.end < n.end) for c in covering)


def _parent_body(n: Name, covering: list[Name]) -> Actor | None:
    """The actor a longer organisation name belongs to: the one coded non-state name inside it whose words the
    full name repeats ("Sudan Doctors" in "Sudan Doctors Network"), or an acronym opening it ("UN" in "UN Office
    for the Coordination of Humanitarian Affairs"); None for a name that only shares a word ("Labour")."""
    words = {_fold(w) for w in re.findall(r"[\w’'\-]+", n.text)}
    own = [c for c in covering if c.actor is not None and c.actor.kind not in ("state", "person") and (
        (c.start == n.start and c.text.isupper())
        or {_fold(w) for w in re.findall(r"[\w’'\-]+", c.actor.name)} <= words)]
    return own[0].actor if len(own) == 1 else None


class Names:
    """Every possible speaker in the article, by sentence, with the identity of each person through the text.

    Capitalised-name heuristics always run (they also collect titles: "Foreign Minister ..."); where the actors
    stage found a mention, the coded actor replaces the heuristic name, and its coreference mentions resolve
    pronouns and descriptions. Names the actors stage did not know (a spokeswoman, an analyst) stay as found.
    """

    def __init__(self, text: str, sentences: list[Sentence], mentions: list, skip: list[tuple[int, int]],
                 lexicon: Lexicon, places: list[tuple[int, int]], date: str | None = None,
                 place_countries: list[tuple[int, int, str]] = ()) -> None:  # type: ignore[assignment]
        self.text = text
        self.date = date  # the article's publication date: who held an office then
        self.quoted: list[tuple[int, int]] = []  # the direct quotations' spans: names inside them are not speakers
        self.by_sentence: dict[int, list[Name]] = {}
        self.coref: dict[int, Name] = {}  # pronoun/description start -> resolved name, from the actors stage
        full: dict[str, str] = {}
        titles: dict[str, set[str]] = {}
        lowercase_words = frozenset(re.findall(r"\b[a-z]+\b", text))
        for s in sentences:
            names = heuristic_names(text, s.start, s.end, lexicon.titles, lexicon.demonyms, skip, lowercase_words,
                                    frozenset(lexicon.verbs) | {"of", "to", "for"})
            self.by_sentence[s.index] = names
            for n in names:
                if len(n.display) > len(full.get(n.key, "")):
                    full[n.key] = n.display
                titles.setdefault(n.key, set()).update(n.titles)
        for names in self.by_sentence.values():
            for n in names:
                n.display = full[n.key]
                n.titles = titles[n.key]
                if n.person is None:
                    n.person = (len(full[n.key].split()) > 1 and not any(w in _words("org") for w in
                                                                         full[n.key].split())) or bool(n.titles) or None
                if any(s <= n.start < e for s, e in places):
                    n.person, n.place = False, True
        if mentions:
            self._use_actors(mentions)
        for s in sentences:
            if s.kind != "boilerplate":
                self._add_groups(s, lexicon, skip, list(place_countries))
        for names in self.by_sentence.values():
            names.sort(key=lambda n: n.start)
        self._family_names_first()

    def _family_names_first(self) -> None:
        """A lone word naming the person whose full name it opens ("Li Qiang ... Li said", "Kim Jong Un ... Kim
        said"): that person, when only one earlier person's name opens with it and nobody's name ends with it."""
        people = [n for si in sorted(self.by_sentence) for n in self.by_sentence[si]
                  if n.person and len((n.actor.name if n.actor else n.display).split()) >= 2]
        for names in self.by_sentence.values():
            for i, n in enumerate(names):
                if n.actor is not None or " " in n.text or n.place:
                    continue
                opening = {p.key: p for p in people if p.start < n.start
                           and (p.actor.name if p.actor else p.display).split()[0] == n.text}
                closing = [p for p in people if (p.actor.name if p.actor else p.display).split()[-1] == n.text]
                if len(opening) == 1 and not closing:
                    p = next(iter(opening.values()))
                    names[i] = Name(n.start, n.end, n.text, key=p.key, display=p.display, actor=p.actor,
                                    person=True, titles=p.titles)

    def _add_groups(self, sent: Sentence, lexicon: Lexicon, skip: list[tuple[int, int]],
                    place_countries: list[tuple[int, int, str]]) -> None:
        """Bare-noun speakers ("witnesses", "residents of Rafah", "his wife") as names of no person: in place of a
        bare sector the actors stage coded on the same words ("residents" → CVL) or a capitalised heuristic name
        opening on the noun ("Residents of Khan Younis"), never over a coded name ("Syrian officials" → SYRGOV)."""
        names = self.by_sentence.setdefault(sent.index, [])
        for g in group_mentions(self.text, sent.start, sent.end, frozenset(lexicon.verbs), lexicon.demonym_country,
                                place_countries):
            if any(a <= g.start < b for a, b in skip):
                continue
            over = [n for n in names if n.start < g.end and g.start < n.end]
            blocked = any(n.actor is not None and n.actor.code and not _bare_sector(n.actor)
                          or (n.actor is None or not n.actor.code) and n.start < g.start for n in over)
            if blocked and g.head_end < g.end and all(n.start >= g.head_end and not n.place for n in over):
                # "monitors from the African Union", "relatives of Ali Hassan": the noun speaks, the body or the
                # person it is of stays a name of its own
                g = replace(g, end=g.head_end, display=re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "",
                                                              self.text[g.start:g.head_end]))
                over, blocked = [], False
            if blocked:
                continue
            owner = next((n for n in names if n.actor is not None and n.actor.kind == "state" and n.actor.country
                          and re.fullmatch(r"['’]s\s+", self.text[n.end:g.start])), None)
            if g.country is None and owner is not None:  # "Kenya's foreign office": Kenya's
                g = replace(g, country=owner.actor.country)  # type: ignore[union-attr]
            code = (g.country or "") + g.sector if g.sector and g.sector != CROWD else None
            actor = Actor(name=g.display, code=code, kind="group", country=g.country,
                          sector=g.sector if g.sector != CROWD else None, key=f"group:{g.display.lower()}") \
                if g.sector else None
            name = Name(g.start, g.end, self.text[g.start:g.end], key=f"group:{g.display.lower()}", display=g.display,
                        actor=actor, person=False, group=g.sector)
            names[:] = [n for n in names if n not in over] + [name]

    def _use_actors(self, mentions: list) -> None:
        """Put the actors stage's coded mentions in place of the heuristic names they cover."""
        coded: dict[int, list[Name]] = {}
        demonyms = load_lexicon().demonyms
        fragments = {m.actor.key or m.actor.name for m in mentions if m.actor.kind == "person" and not m.actor.code
                     and m.rule != "coref" and m.text.split()[0] in demonyms}
        for m in mentions:
            a = m.actor
            if (a.key or a.name) in fragments:
                continue  # "Qatari Prime" cut from "Qatari Prime Minister X": no person, nor what "he" means
            holder = office_holder(a.code, m.text, self.text[max(0, m.start - 16):m.start], self.date,
                                   self.text[m.end:m.end + 24]) \
                if m.rule in ("description", "agent") and a.kind != "person" else None
            if holder is not None:  # "the UN secretary-general": the person in that office, not the UN
                a = holder
                display = a.name
            else:
                # "the Houthi-run health ministry", an organisation's body, speaks as itself, coded as who runs it
                display = m.text if m.rule == "agent" and a.kind == "organization" and a.name not in m.text else a.name
                if a.kind == "organization" and m.rule == "kb" and len(m.text.split()) >= 2 and a.name not in m.text \
                        and not re.search(r"\b[A-Z]{2,}\b", m.text) and m.text[:1].isupper() \
                        and all(w[:1].isupper() or w in _PARTICLES or w in ("and", "sans") for w in m.text.split()):
                    # the body's name as the text spells it ("United Nations Children's Fund" for UNICEF,
                    # "Médecins Sans Frontières" for Doctors Without Borders)
                    display = m.text
                elif _organ_description(a, m.text):
                    # "the Israeli military", "the Sudanese army": the state organ as the text names it, not the
                    # knowledge base's formal name ("Israel Defense Forces")
                    display = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", m.text)
            name = Name(m.start, m.end, m.text, key=a.key or a.name, display=display, actor=a,
                        person=a.kind == "person", adjective=m.rule == "demonym")
            if m.rule == "coref":
                self.coref[m.start] = name
                if a.kind == "person" and m.text.lower() not in _PRONOUNS and any(
                        n.start < m.end and m.start < n.end for n in self.by_sentence.get(m.sentence_index, [])):
                    # "the EU foreign policy chief" read as a name "EU": the person it describes replaces it
                    coded.setdefault(m.sentence_index, []).append(name)
            else:
                coded.setdefault(m.sentence_index, []).append(name)
        actor_titles: dict[str, set[str]] = {}
        renamed: dict[str, Name] = {}  # coded actor key -> the longer organisation name that replaced it
        for si, names in coded.items():
            kept = []
            for n in self.by_sentence.get(si, []):
                # an organisation matched on part of a longer name is a collision ("Amal" in "Amal Haddad")
                covering = [c for c in names if c.start < n.end and n.start < c.end
                            and (c.person or c.end - c.start >= n.end - n.start or not n.person)]
                if any(_partial_collision(n, c) for c in covering) or (
                        n.person is False and all(c.adjective and c.end - c.start < n.end - n.start for c in covering)):
                    # "Hazem Qassem" is not "Naim Qassem", and the "Yemeni Observatory for Civil Liberties" is not
                    # Yemen: the text's full name stands
                    covering = []
                elif covering and _inside_organisation(n, covering):
                    # "Sudan Doctors Network", "Nigeria Labour Congress": an organisation's full name outlasts a
                    # shorter coded name inside it, keeping its code only when that is the body's own; what the
                    # actors stage resolved to the shorter name ("the union") means the full one
                    n.actor = _parent_body(n, covering)
                    renamed.update({c.key: n for c in covering})
                    covering = []
                for c in covering:
                    actor_titles.setdefault(c.key, set()).update(n.titles)
                if not covering:
                    kept.append(n)
            shadowed = [c for c in names if any(c.start < n.end and n.start < c.end for n in kept)]
            for c in shadowed:
                self.coref = {k: renamed.get(v.key, v)
                              for k, v in self.coref.items() if v.key != c.key or v.key in renamed}
            self.by_sentence[si] = kept + [c for c in names if c not in shadowed]
        for names in coded.values():
            for n in names:
                n.titles = actor_titles.get(n.key, set())

    def in_sentence(self, si: int) -> list[Name]:
        return self.by_sentence.get(si, [])

    def before(self, si: int, pos: int) -> list[Name]:
        return [n for n in self.in_sentence(si) if n.end <= pos]


# ---------------------------------------------------------------- attribution

def _sentence_subject(names: list[Name], text: str) -> Name | None:
    """The first name of a sentence that is not a possessor, behind a preposition or modifying the name right after
    it ("the Iranian Revolutionary Guards"): its likely subject."""
    for i, n in enumerate(names):
        modifier = i + 1 < len(names) and names[i + 1].start > n.end and not text[n.end:names[i + 1].start].strip()
        if _role_of(text, n) >= 0 and not modifier:
            return n
    return names[0] if names else None


def _role_of(text: str, n: Name) -> int:
    """+2 agent ('by X') or subject, -2 possessor ('X's') or recipient ('to X'), 0 otherwise."""
    after = text[n.end:n.end + 2]
    if after in ("’s", "'s") or after.startswith("’") and not after[1:].strip():
        return -2
    before = text[max(0, n.start - 25):n.start]
    if re.search(r"\bby\s+(?:[A-Z][\w\-]*\s+){0,3}$", before):
        return 2
    if re.search(r"\b(?:to|with|of|from|for|about|against|on|toward|towards|into)\s+(?:the\s+)?"
                 r"(?:[A-Z][\w\-]*\s+){0,3}$", before):
        return -2
    return 1


def _sex_of(n: Name) -> str | None:
    """"f" or "m" when the person's given name tells it, else None."""
    first = (n.actor.name if n.actor is not None else n.display).split()
    return load_lexicon().sex.get(_fold(first[0])) if first else None


def resolve_pronoun(names: Names, sentences: list[Sentence], si: int, pos: int,
                    recent: Name | None, exclude: frozenset[str] = frozenset()) -> Name | None:
    """'he' at `pos`: coreference from the actors stage, else the best person before it in the sentence, else the
    subject of the nearest earlier sentence of the paragraph, else whoever spoke last; "she" never goes to a
    person whose given name is a man's, nor "he" to a woman's ("Sergei Lavrov met Annalena Baerbock. She ...")."""
    text = names.text
    word = re.match(r"\w*", text[pos:pos + 4]).group().lower()
    want = "f" if word in ("she", "her") else "m" if word in ("he", "his", "him") else None

    def fits(n: Name) -> bool:  # (`exclude`: people the speaker's own words name, who are not the speaker)
        return (want is None or _sex_of(n) in (None, want)) and n.key not in exclude

    opening = want is not None and not text[sentences[si].start:pos].strip()
    if opening and si > 0 and sentences[si - 1].paragraph == sentences[si].paragraph:
        # "Shavkat Mirziyoyev welcomed Xi Jinping. He told his guest ...": a sentence opening on "he" goes on about
        # the subject before it, an uncoded name too
        subject = _sentence_subject([n for n in names.in_sentence(si - 1) if n.person is not False and fits(n)
                                     and not any(a <= n.start < b for a, b in names.quoted)], text)
        if subject is not None and subject.person and _role_of(text, subject) > 0:
            return subject
    if pos in names.coref and fits(names.coref[pos]) and (want is None or names.coref[pos].person):
        return names.coref[pos]  # "she" is a person, never the "Lebanese official" body the actors stage coded
    people = [n for n in names.before(si, pos) if n.person and fits(n)] or \
        [n for n in names.before(si, pos) if n.person is None and fits(n)]
    if people:
        return max(people, key=lambda n: (_role_of(text, n), n.start))
    for back in range(si - 1, max(-1, si - 4), -1):
        if sentences[back].kind == "boilerplate":
            continue
        subject = _sentence_subject([n for n in names.in_sentence(back) if n.person is not False and fits(n)], text)
        if subject:
            return subject
    return recent if recent is None or fits(recent) else None


def resolve_title(names: Names, sentences: list[Sentence], si: int, pos: int, title: str) -> Name | None:
    """'the Iranian minister' at `pos`: the last person before it whose titles include 'minister' and whose
    country, when the phrase names one and the person is coded, is that one ("Egypt's minister X hosted his
    Turkish counterpart Y. The Turkish minister said" is Y)."""
    lex = load_lexicon()
    phrase = re.match(r"[Tt]he\s+((?:[\w’'\-]+\s+){0,3}?)" + re.escape(title), names.text[pos:pos + 80])
    countries = {lex.demonym_country[w] for w in phrase.group(1).split() if w in lex.demonym_country} \
        if phrase else set()

    def other_country(n: Name) -> bool:
        return bool(countries) and n.actor is not None and n.actor.country is not None \
            and n.actor.country not in countries

    coref = names.coref.get(pos)
    if coref is not None and not other_country(coref) and (coref.person or not any(
            n.person and n.end <= pos for back in range(si, max(-1, si - 3), -1) for n in names.in_sentence(back))):
        return coref  # (a body only when no person was named just before: "the Emirati official" is a person)
    
    for back in range(si, -1, -1):
        for n in reversed(names.in_sentence(back)):
            if n.end <= pos and title in n.titles and not other_country(n):
                return n
    for back in range(si, max(-1, si - 5), -1):  # the text gave no title: one the knowledge base gives a person
        for n in reversed(names.in_sentence(back)):
            if n.end <= pos and n.person and not other_country(n) and _kb_title(n, title):
                return n
    if countries:  # nobody titled from that country: the last person of that country
        for back in range(si, max(-1, si - 5), -1):
            for n in reversed(names.in_sentence(back)):
                if n.end <= pos and n.person and n.actor is not None and n.actor.country in countries:
                    return n
    # nobody carried the title: the person the paragraph is about ("Erdogan accused ... the Turkish president said"),
    # never one coded out of office when one in office was named too ("the prime minister replied" is not the
    # opposition leader who spoke before him)
    in_office = any(n.person and n.actor is not None and n.end <= pos and not _coded_out_of_office(n, title)
                    for back in range(si, max(-1, si - 5), -1) for n in names.in_sentence(back))

    def _out_of_office(n: Name, title: str) -> bool:
        return in_office and _coded_out_of_office(n, title)

    for back in range(si, max(-1, si - 3), -1):
        if sentences[back].paragraph != sentences[si].paragraph:
            break
        people = [n for n in names.in_sentence(back) if n.end <= pos and n.person and not _out_of_office(n, title)]
        subject = _sentence_subject(people, names.text)
        if subject:
            return subject
    # nor in its paragraph: the person introduced in the paragraphs just before ("Netanyahu addressed the Knesset.
    # ¶ “...,” the prime minister said")
    for back in range(si - 1, max(-1, si - 5), -1):
        if sentences[back].kind == "boilerplate":
            continue
        subject = _sentence_subject([n for n in names.in_sentence(back) if n.person and not _out_of_office(n, title)],
                                    names.text)
        if subject:
            return subject
    return None


_LESSER_OFFICE = frozenset(["vice", "deputy", "assistant", "under", "associate"])


def _kb_title(n: Name, title: str) -> bool:
    """Whether the knowledge base ever gives this coded person a title ending in `title` ("President" for
    "the former president"), not a lesser one ("Vice President")."""
    if n.actor is None or not n.actor.key:
        return False
    person = load_knowledge().people.get(n.actor.key)
    if person is None:
        return False
    for role in person.roles:
        words = role.title.lower().replace("-", " ").split()
        if words and words[-1] == title and not any(w in _LESSER_OFFICE for w in words):
            return True
    return False


_STATE_OFFICES = frozenset(["president", "minister", "premier", "chancellor"])
_OUT_OF_OFFICE = frozenset(["OPP", "PTY", "CVL", "JRN", "EDU", "BUS"])


def _coded_out_of_office(n: Name, title: str) -> bool:
    """Whether a person coded as opposition, party or civilian can't be "the president" or "the minister"."""
    return title in _STATE_OFFICES and n.actor is not None and n.actor.sector in _OUT_OF_OFFICE


_PRONOUNS = frozenset(["he", "she", "it", "they", "him", "her", "them"])
# where a bare-noun speaker is or what it is of, up to its verb ("in the hills above Kandahar", "from the AU")
_PP_TAIL = re.compile(r"\s+(?:of|in|from|at|near|above|below|around|inside|outside|across|along|on|with|"
                      r"(?:linked|loyal|allied|close|affiliated)\s+to|(?:aligned|affiliated)\s+with|backed\s+by)\s+"
                      r"[^,;:.“”\"]{1,60}?\s*")


def _speaker_near_verb(names: Names, sentences: list[Sentence], si: int, verb: re.Match[str], lex: Lexicon,
                       recent: Name | None) -> Name | None:
    """Who the reporting verb at `verb` reports: the name or pronoun governing it."""
    text = names.text
    sent = sentences[si]
    before = text[max(sent.start, verb.start() - 80):verb.start()]
    # "he said" / "when she told"
    pron = re.search(r"\b(he|she|He|She)\s+(?:\w+\s+){0,2}$", before)
    # "the Iranian minister said"
    title = _TITLE_ONLY.search(before)
    titled_before = before
    if title is None or not _is_title(title.group(2), lex.titles):
        # "The Conservative leader, speaking in Ottawa, added": the title before a clause set off
        titled_before = re.sub(r",[^,;“”\"]{1,100},\s*$", " ", before)
        title = _TITLE_ONLY.search(titled_before) or title
        titled_before = titled_before if title is not None and title.string == titled_before else before
    # never a place named after a preposition ("Fishermen from the province of Palawan say"): a location
    # nor a name people come from ("Fishermen from the province of Palawan say")
    candidates = [n for n in names.before(si, verb.start()) if not (n.place and re.search(
        r"\b(?:in|at|near|of|from|inside|outside|across|around|to)\s+(?:the\s+)?$", text[max(0, n.start - 12):n.start]))
        and not re.search(r"\bfrom\s+(?:the\s+)?[a-z]+\s+of\s+(?:the\s+)?$", text[max(0, n.start - 30):n.start])]
    quoted = re.search(r"\bquoted\s+(by\s+)?[^,;]{0,60}?\bas\s+$", before)
    if quoted and verb.group().endswith("ing"):
        # "Kim was quoted by KCNA as saying": the subject; "quoted Araghchi as saying": the object
        at = verb.start() - len(before) + quoted.start()
        objects = [n for n in candidates if n.start > at]
        if objects and not quoted.group(1):
            return objects[0]
        subject = _sentence_subject([n for n in candidates if n.end <= at], text)
        if subject:
            return subject
        pronoun = re.search(r"\b(he|she|He|She)\s+(?:\w+\s+){0,3}$", text[sent.start:at])
        if pronoun and quoted.group(1):  # "He was quoted by the IRNA news agency as saying": who "he" is
            return resolve_pronoun(names, sentences, si, sent.start + pronoun.start(1), recent)
    if re.search(r"(?:,\s*|\s)and\s+(?:\w+\s+)?$", before) or (verb.group().endswith("ing")
                                                                and re.search(r",\s*$", before)):
        # "X fired his minister, Y, and said" / "X announced it on Twitter, saying": the subject speaks
        prior = re.search(r"\b([a-z]+),\s*$", before)
        if verb.group().endswith("ing") and prior and prior.group(1) in lex.verbs and recent is not None:
            return recent  # "“...,” he said, adding that ...": the voice of the verb the participle goes on from
        subject = _sentence_subject(candidates, text)
        if subject:
            return subject
        opening = re.match(r"\s*(?:[A-Z]\w+,\s+)?(he|she|He|She|it|It|they|They)\s", text[sent.start:verb.start()])
        if opening:  # "He promised free meals and said the budget could afford it": who the opening pronoun means
            at = sent.start + opening.start(1)
            if opening.group(1).lower() in ("he", "she"):
                return resolve_pronoun(names, sentences, si, at, recent)
            coref = names.coref.get(at)
            if coref is not None:
                return coref
    # "X, who has ... than most EU officials, said": the clause may be long; X, a person, outranks names inside it
    adjacent = [n for n in candidates if re.fullmatch(r"(?:(?:\s*,[^,]{0,140}){1,2},|\s*,)?\s*(?:\w+\s+){0,1}",
                                                       text[n.end:verb.start()])
                and not re.search(r"\b(?:he|she|it|they|He|She|It|They)\s+$", text[n.end:verb.start()])
                and not (n.person is False and re.search(r"\b(?:in|at|near|inside|outside)\s+(?:the\s+)?$",
                                                          text[max(0, n.start - 12):n.start]))]
    headed = [n for n in candidates if _bare_noun(n) and _PP_TAIL.fullmatch(text, n.end, verb.start())
              and not any(w in lex.verbs for w in text[n.end:verb.start()].split())]
    if headed:  # "Villagers in the hills above Kandahar said", "Relatives of the detained fishermen said": the noun
        # heading the phrase speaks, not a name in what it is of or where it is
        adjacent = [n for n in adjacent if n.start < headed[0].end] + headed[:1]
    if title and _is_title(title.group(2), lex.titles) and adjacent and not adjacent[-1].person \
            and (re.fullmatch(r"\s+[a-z]+\s*", text[adjacent[-1].end:verb.start()])
                 or adjacent[-1].text.split()[-1] == title.group(2)):
        # "the Hamas leader said", "the Danish foreign minister" coded as the government: the leader, the
        # minister, when the article has named one
        found = resolve_title(names, sentences, si, verb.start() - len(before) + title.start(), title.group(2))
        if found and found.person:
            return found
    described_body = adjacent[-1] if adjacent and adjacent[-1].actor is not None and not adjacent[-1].person \
        and adjacent[-1].actor.country and _is_title(adjacent[-1].text.split()[-1], lex.titles) else None
    if described_body is not None:  # "Syria's interim president told": the person of that country named before
        for back in range(si, max(-1, si - 4), -1):
            people = [n for n in names.in_sentence(back) if n.person and n.end <= described_body.start
                      and n.actor is not None and n.actor.country == described_body.actor.country]
            if people:
                return people[-1]
        the = re.search(r"\b[Tt]he\s+$", text[max(0, described_body.start - 4):described_body.start])
        at = described_body.start - 4 + the.start() if the and described_body.start >= 4 else \
            (described_body.start if re.match(r"[Tt]he\s", described_body.text) else -1)
        if at >= 0:
            # "Mia Mottley opened the summit. The Barbadian prime minister, who ..., said": the person the text
            # named before, though the knowledge base does not know her
            found = resolve_title(names, sentences, si, at, described_body.text.split()[-1].lower())
            if found is not None and found.person and found.actor is None:
                return found
    if adjacent:  # "Dmitry Medvedev, deputy chair of Russia's Security Council, warned": the person, and of equals
        # the head of the apposition ("The Houthis, who control northern Yemen, said")
        return max(adjacent, key=lambda n: ({True: 2, None: 1, False: 0}[n.person], -n.start))
    if pron and not before[pron.end():].strip() and lex.verbs[verb.group()] == "add" and recent is not None \
            and recent.person and _sex_of(recent) in (None, "f" if pron.group(1).lower() == "she" else "m"):
        return recent  # "“...,” he answered. He added that ...": adding goes on in the voice that just spoke
    if pron and not re.search(r"[A-Z]", before[pron.end():]):
        return resolve_pronoun(names, sentences, si, verb.start() - len(before) + pron.start(1), recent)
    neuter = re.search(r"(?:^|[.;]\s+|\s)(it|It|they|They)\s+(?:also\s+)?$", before)
    if neuter and not candidates:  # "The Turkish defence ministry said ... It added that": the body spoke before
        for back in range(si - 1, max(-1, si - 3), -1):
            subject = _sentence_subject([n for n in names.in_sentence(back) if n.person is not True], text)
            if subject:
                return subject
    if title and _is_title(title.group(2), lex.titles) and not re.search(r"[A-Z]\w+", titled_before[title.end():]):
        at = verb.start() - len(before) + title.start()
        found = resolve_title(names, sentences, si, at, title.group(2)) \
            or _titled_later(names, sentences, si, at, title.group(2), None)
        if found:
            return found
    described = [n for at, n in names.coref.items() if sent.start <= at < verb.start()
                 and n.text.lower() not in _PRONOUNS and re.fullmatch(r"\s*(?:\w+ly\s+|also\s+|later\s+)?",
                                                                     text[at + len(n.text):verb.start()])]
    if described:  # "the secretary of state said" (a title the word list lacks): the actors stage's coreference
        return described[-1]
    head = re.search(r"\b[Tt]he\s+([a-z]+)\s+(?:also\s+|later\s+|again\s+|[a-z]+ly\s+)?$", before)
    if head and not candidates and not _is_title(head.group(1), lex.titles):
        body = _named_body(names, si, verb.start(), head.group(1))
        if body is not None:
            return body
    if verb.group().endswith("ing"):  # "..., saying that": the sentence's subject speaks
        subject = _sentence_subject(candidates, text)
        if subject:
            return subject
    after = re.match(r"\s+((?:[A-Z][\w\-’']*\s*)+)", text[verb.end():verb.end() + 60])
    if after and re.search(r"[,”\"]\s*$", before):  # "”, said Haniyeh" (not "said Iran could ...")
        for n in names.in_sentence(si):
            if n.start >= verb.end() and n.start <= verb.end() + len(after.group()):
                return n
    return _sentence_subject(candidates, text)


def _named_body(names: Names, si: int, pos: int, head: str) -> Name | None:
    """The body a bare definite description means by its head noun ("The UN human rights office said ... The office
    said"): the last organisation named in the sentences just before whose name ends in that noun."""
    for back in range(si, max(-1, si - 4), -1):
        bodies = [n for n in names.in_sentence(back) if n.end <= pos and not n.person and not n.place
                  and n.text.split()[-1].lower() == head]
        if bodies:
            return bodies[-1]
    return None


def attribute(text: str, sentences: list[Sentence], mentions: list, skip: list[tuple[int, int]],
              places: list[tuple[int, int]], date: str | None = None,
              place_countries: list[tuple[int, int, str]] | None = None) -> list[Found]:
    """Every direct and indirect quote of the article with its speaker (`skip`: boilerplate; `places`: place
    mentions, which can be speakers by metonymy but are never the person a pronoun means; `place_countries`: the
    places' spans with their countries, where bare-noun speakers such as "witnesses" belong)."""
    lex = load_lexicon()
    spans = find_quote_spans(text)
    names = Names(text, sentences, mentions, skip + spans, lex, places, date, place_countries or [])
    names.quoted = spans
    starts = [s.start for s in sentences]
    found: list[Found] = []
    answers: list[tuple[int, int]] = []  # transcript lines found
    recent: Name | None = None

    def sentence_at(pos: int) -> int | None:
        i = bisect.bisect_right(starts, pos) - 1
        return i if i >= 0 and sentences[i].start <= pos <= sentences[i].end else None

    events: list[tuple[int, str, tuple[int, int] | re.Match[str], int]] = []
    for s, e in spans:
        si = sentence_at(s - 1) if s > 0 else None
        si = si if si is not None else sentence_at(s)
        if si is not None:
            events.append((s, "direct", (s, e), si))
    for sent in sentences:
        if sent.kind == "boilerplate":
            continue
        for v in lex.verb_pattern.finditer(text, sent.start, sent.end):
            if any(s <= v.start() < e for s, e in spans):
                continue
            events.append((v.start(), "verb", v, sent.index))
        acc = re.search(r"\b[Aa]ccording to\b", text[sent.start:sent.end])
        if acc:
            events.append((sent.start + acc.start(), "according", (sent.start + acc.start(),
                                                                    sent.start + acc.end()), sent.index))
    for line in _TRANSCRIPT_LINE.finditer(text):
        si = sentence_at(line.start(1))
        if si is not None and sentences[si].kind not in ("boilerplate", "title"):
            events.append((line.start(), "transcript", line, si))
    events.sort(key=lambda ev: ev[0])

    for pos, kind, item, si in events:
        if kind == "direct":
            s, e = item  # type: ignore[misc]
            speaker, framed = _direct_speaker(names, sentences, si, s, e, spans, lex, recent)
            # a quoted sentence of its own (“Nobody expected it.”), not a quoted word ending the writer's sentence
            sentence_like = (text[s:s + 1].isupper() and text[e - 1:e] in (".", "!", "?")
                             and re.search(r"(?:^|[.!?”\"])\s*$", text[max(0, s - 6):s - 1]) is not None)
            if not framed and not sentence_like and len(text[s:e].split()) <= SCARE_QUOTE_WORDS:
                continue
            found.append(Found(s, e, "direct", speaker, si))
            recent = speaker or recent
        elif kind == "verb":
            q = _indirect(names, sentences, si, item, spans, lex, recent)  # type: ignore[arg-type]
            if q:
                found.append(q)
                recent = q.speaker or recent
        elif kind == "transcript":
            q = _transcript(names, si, item)  # type: ignore[arg-type]
            if q:
                found.append(q)
                answers.append((q.start, q.end))
        else:
            q = _according(names, sentences, si, item, recent)  # type: ignore[arg-type]
            if q:
                found.append(q)
    # speech reported inside a transcript answer is the answer's, as inside any direct quote
    found = [f for f in found if f.kind != "indirect" or not any(a <= f.start and f.end <= b for a, b in answers)]
    seen: set[tuple[int, int, str]] = set()
    found = [f for f in found if (f.start, f.end, f.kind) not in seen and not seen.add((f.start, f.end, f.kind))]
    _place_groups(names, sentences, found, place_countries or [])
    for f in found:
        f.speaker = _named_later(names, sentences, f) or f.speaker
    for f in found:
        f.speaker = _with_member(text, f.speaker)
    return found


_MEMBER = re.compile(r"\s+(?:senior\s+)?(officials?|spokesm[ae]n|spokeswom[ae]n|spokesperson|commanders?|leaders?|"
                     r"sources?|negotiators?|diplomats?|envoys?|lawmakers?|members?|officers?|soldiers?|"
                     r"doctors?)\b(?!\s+[A-Z])")


def _titled_later(names: Names, sentences: list[Sentence], si: int, pos: int, title: str,
                  country: str | None) -> Name | None:
    """The person a title-only speaker with nobody before it turns out to be ("“...,” the former president said.
    Jair Bolsonaro, who ..."): the first person named after it in its sentence or the next two of its paragraph
    whose titles, in the text or the knowledge base, hold that office (of `country`, when both are coded)."""
    if any(m.person for back in range(max(0, si - 3), si + 1) for m in names.in_sentence(back) if m.end <= pos):
        return None  # somebody was named before: the description is not an introduction
    for later in range(si, min(len(sentences), si + 3)):
        if sentences[later].paragraph != sentences[si].paragraph:
            break
        for m in names.in_sentence(later):
            if m.start <= pos or not m.person or any(a <= m.start < b for a, b in names.quoted):
                continue
            same_country = country is None or m.actor is None or country == m.actor.country
            if same_country and (title in m.titles or _kb_title(m, title)):
                return m
    return None


def _named_later(names: Names, sentences: list[Sentence], f: Found) -> Name | None:
    """The person a definite unnamed office-holder speaker turns out to be ("The Kremlin spokesman said ... Dmitry
    Peskov added: ..."): the first person named in the next two sentences of the paragraph whose titles, in the text
    or the knowledge base, hold that office, of the body's country when both are coded; None when nobody is."""
    n, text = f.speaker, names.text
    if n is None or n.person or f.sentence_index is None:
        return None
    member = re.match(r"\s+([a-z]+)\b", text[n.end:n.end + 30])
    titles = load_lexicon().titles  # "the Kremlin spokesman", coded whole or in part
    title = member.group(1) if member and member.group(1) in titles else n.text.split()[-1]
    if title not in titles or not re.search(r"\b[Tt]he\s+$", text[max(0, n.start - 4):n.start]):
        return None
    return _titled_later(names, sentences, f.sentence_index, n.end, title, n.actor.country if n.actor else None)


def _with_member(text: str, n: Name | None) -> Name | None:
    """A body's unnamed member speaking for it ("a Hamas official said") shown as such, coded as the body."""
    if n is None or n.person or n.actor is None or n.actor.kind == "person":
        return n
    m = _MEMBER.match(text, n.end)
    inside = re.search(_MEMBER.pattern.replace(r"\s+", r"\s+", 1) + "$", " " + n.text) if m is None else None
    if (m is None and inside is None) or text[n.end:n.end + 2] in ("’s", "'s"):
        return n
    word = (m or inside).group(1)  # type: ignore[union-attr]
    if word in n.display.split():
        return n
    end = m.end() if m else n.end
    return Name(n.start, end, text[n.start:end], key=n.key, display=f"{n.display} {word}", actor=n.actor,
                person=False, titles=n.titles, group=n.group)


def _described_body(names: Names, sentences: list[Sentence], si: int, n: Name) -> Name | None:
    """The organisation a definite description of one body means ("Médecins Sans Frontières said ... The charity
    said"): the last organisation of the description's sector named in the sentences just before it."""
    if n.actor is None or not _bare_sector(n.actor) or len(n.text.split()) > 2 \
            or not re.search(r"\b[Tt]he\s+$", names.text[max(0, n.start - 4):n.start]) or n.text.endswith("s"):
        return None
    for back in range(si, max(-1, si - 4), -1):
        bodies = [m for m in names.in_sentence(back) if m.end <= n.start and m.actor is not None
                  and m.actor.kind == "organization" and m.actor.sector == n.actor.sector]
        if bodies:
            return bodies[-1]
    return None


def _bare_noun(n: Name) -> bool:
    """Whether a speaker is a bare-noun phrase ("villagers", "one protester"), found here or coded by the actors
    stage as a bare sector."""
    return n.key.startswith("group:") or (n.actor is not None and _bare_sector(n.actor))


def _bare_sector(actor: Actor) -> bool:
    """A group the actors stage could give only a sector ("residents" → CVL, "police" → COP)."""
    return bool(actor.sector and not actor.country and actor.code == actor.sector)


def _place_groups(names: Names, sentences: list[Sentence], found: list[Found],
                  places: list[tuple[int, int, str]]) -> None:
    """Code each bare-noun speaker as the sector group of its country (groups.place_country); organisers take the
    code of the crowd their claim names."""
    countries = [(n.start, n.actor.country) for ns in names.by_sentence.values() for n in ns
                 if n.actor is not None and n.actor.country and not n.place and n.actor.sector != "JRN"]
    # (not the outlet a group spoke to: "residents told Reuters")
    tally: dict[str, int] = {}
    for _, c in countries:
        tally[c] = tally.get(c, 0) + 1
    main = max(tally, key=lambda c: tally[c]) if tally else None
    for f in found:
        n = f.speaker
        if n is None or f.sentence_index is None:
            continue
        body = _described_body(names, sentences, f.sentence_index, n)
        if body is not None:
            f.speaker = body
            continue
        sector = n.group or (n.actor.sector if n.actor is not None and _bare_sector(n.actor) else None)
        if sector is None or (n.actor is not None and n.actor.country):
            continue
        sent = sentences[f.sentence_index]
        code = None
        if sector == CROWD:  # "Kenyan protesters did not march, organisers said": the protesters' code
            crowd = next((m for m in names.in_sentence(f.sentence_index) if f.start <= m.start < f.end
                          and m.actor is not None and m.actor.sector in ("CVL", "OPP", "EDU", "LAB", "AGR")), None)
            if crowd is not None and crowd.actor is not None and crowd.actor.country:
                code, sector = crowd.actor.code, crowd.actor.sector
            else:
                sector = crowd.actor.sector if crowd is not None and crowd.actor is not None else "CVL"
        if code is None:
            country = place_country((n.start, n.end), (f.start, f.end), (sent.start, sent.end), places, countries,
                                    main)
            if country is None:
                continue
            code = country + sector
        placed = Name(n.start, n.end, n.text, key=n.key, display=n.display, person=False,
                      actor=Actor(name=n.display, code=code, kind="group", country=code[:3], sector=sector,
                                  key=f"agent:{code}"))
        f.speaker = placed


# an interview transcript's line: "Barghouti: Very little. The Arab states ..." (a quotation mark after the colon
# makes it an ordinary quote, which the direct-quote rules read)
_TRANSCRIPT_LINE = re.compile(r"^[ \t]*([A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,3}):[ \t]+(?![“\"])(\S[^\n]*?)[ \t]*$",
                              re.MULTILINE)


def _transcript(names: Names, si: int, line: re.Match[str]) -> Found | None:
    """A transcript line is the words of the person or body its label names ("Barghouti:", "Al Jazeera:"): a coded
    person or organisation, or a name the article also uses elsewhere; never a place, a dateline ("GAZA:"), a
    letter ("Q:") or a word such as "Note:"."""
    answer = line.group(2)
    if len(answer) < 8 or line.group(1).isupper() or not answer[0].isupper() or answer[-1] not in ".!?…”\"":
        return None  # a headline ("Hamas: a movement under pressure") is no answer
    for n in names.in_sentence(si):
        if n.start != line.start(1) or n.end > line.end(1) + 1:
            continue
        coded = n.actor is not None and n.actor.kind in ("person", "organization")
        named_elsewhere = n.actor is None and n.person is not False and any(
            m.key == n.key for other, ns in names.by_sentence.items() if other != si for m in ns)
        if coded or named_elsewhere:
            return Found(line.start(2), line.end(2), "direct", n, si)
    return None


def _direct_speaker(names: Names, sentences: list[Sentence], si: int, s: int, e: int,
                    spans: list[tuple[int, int]], lex: Lexicon, recent: Name | None) -> tuple[Name | None, bool]:
    """The speaker of the quote inside [s, e) and whether a reporting verb frames it."""
    text = names.text
    sent = sentences[si]
    last_si = si
    while last_si + 1 < len(sentences) and sentences[last_si + 1].start < e:
        last_si += 1
    end_sent = sentences[last_si]
    # the frame: text of the sentence(s) outside the quote, closest first
    lead = text[sent.start:s - 1]
    verbs_before = [v for v in lex.verb_pattern.finditer(text, max(sent.start, s - 1 - 120), s - 1)
                    if not any(a <= v.start() < b for a, b in spans)]
    if verbs_before and re.fullmatch(r"[^.;“”\"]*", text[verbs_before[-1].end():s - 1]):
        return _speaker_near_verb(names, sentences, si, verbs_before[-1], lex, recent), True
    tail_end = end_sent.end
    # (not a verb of a relative clause inside the speaker phrase: "a teacher, who asked that ..., Leila, told AFP")
    verbs_after = [v for v in lex.verb_pattern.finditer(text, e + 1, min(tail_end, e + 180))
                   if not re.search(r"\b(?:who|which|whom)\s+(?:\w+\s+)?$", text[max(e, v.start() - 20):v.start()])]
    if verbs_after and re.fullmatch(r"[\s,.”\"]*(?:[\w\-’'.]+,?\s+){0,18}", text[e + 1:verbs_after[0].start()]):
        v = verbs_after[0]
        # the speaker stands between the quote and the verb ("”, Haniyeh said") or right after a say-verb
        # ("”, said Haniyeh"), never as the verb's object ("told reporters"), nor as a title's modifier
        # ("the Taliban spokesman said")
        after_names = [n for n in names.in_sentence(last_si) if e < n.start < v.start()
                       and not _before_title(text, n.end, lex)]
        pron = re.match(r"[\s,”\"]*(he|she|He|She)\b", text[e + 1:v.start()])
        titled_before = _TITLE_ONLY.search(text[e + 1:v.start()])
        if titled_before and not _is_title(titled_before.group(2), lex.titles):
            titled_before = None
        if not after_names and not pron and lex.verbs[v.group()] != "tell" and not titled_before:
            # (not "”, the former president said as he left ... in Brasilia": the title phrase is the speaker)
            # "”, said Sinwar's deputy, Khalil al-Hayya": a possessor is not the speaker, the apposition is; nor
            # is what the words were about ("”, he said of China")
            after_names = [n for n in names.in_sentence(last_si) if v.end() < n.start
                           and re.fullmatch(r"\s+(?:[\w\-’'.]+,?\s+){0,8}", text[v.end():n.start])
                           and text[n.end:n.end + 2] not in ("’s", "'s") and not _before_title(text, n.end, lex)
                           and _role_of(text, n) >= 0]
        if after_names:  # a person before the organisation they speak for ("a spokesman for the army, Gen. X"),
            # and never the body a title is "of" ("the head of Medecins Sans Frontieres, Christopher Lockyear")
            people = [n for n in after_names if n.person]
            subjects = [n for n in people if _role_of(text, n) >= 0]
            # "a 23-year-old student in Tehran, who gave only her first name, Sara, told", "a student named Nino":
            # the name in apposition to a bare-noun speaker is who spoke
            named = [n for n in after_names if n.person is None and not n.place and not _bare_noun(n)
                     and any(_bare_noun(g) and g.end <= n.start for g in after_names)
                     and re.search(r"(?:,|\bnamed|\bcalled)\s*$", text[max(0, n.start - 8):n.start])
                     and re.match(r"\s*,", text[n.end:])]
            return (subjects or people or named or after_names)[0], True
        if pron:  # "“I am ready, but Putin is not,” he answered": not a person the words name in the third person
            quoted = frozenset(n.key for k in range(si, last_si + 1) for n in names.in_sentence(k) if s <= n.start < e)
            return resolve_pronoun(names, sentences, si, e + 1 + pron.start(1), recent, quoted), True
        neuter = re.match(r"[\s,”\"]*(it|they|It|They)\s+(?:also\s+)?$", text[e + 1:v.start()])
        if neuter:  # "“...,” it said": the body the actors stage resolved "it" to, else the one spoken of before
            coref = names.coref.get(e + 1 + neuter.start(1))
            if coref is not None and not coref.person:
                return coref, True
            for back in range(si - 1, max(-1, si - 3), -1):
                subject = _sentence_subject([n for n in names.in_sentence(back) if n.person is not True
                                             and not n.place], text)
                if subject:
                    return subject, True
        title = _TITLE_ONLY.search(text[e + 1:v.start()])
        if title and _is_title(title.group(2), lex.titles):
            at = e + 1 + title.start()
            found = resolve_title(names, sentences, si, at, title.group(2))
            return found or _titled_later(names, sentences, si, at, title.group(2), None), True
        described = [n for at, n in names.coref.items() if e < at < v.start() and n.text.lower() not in _PRONOUNS]
        if described:  # "”, the court said": the body the actors stage resolved the description to
            return described[-1], True
        framed = True  # "”, a senior official told reporters": a quotation, with no speaker we can name
    else:
        framed = False
    according = re.match(r"[\s,”\"]*according to\s", text[e + 1:end_sent.end]) if not framed else None
    if according and _source_names(names, last_si, e + 1 + according.end()):
        return _source_names(names, last_si, e + 1 + according.end())[0], True  # "”, according to X."
    if not framed and re.search(r":\s*$", lead):
        # "Erdogan was blunt: “...”", "The message from Khamenei was clear: “...”": whom the lead is about
        return _lead_speaker(names, sentences, si, s - 1, recent), True
    if not lead.strip(" \t\n([") and s - 1 <= sent.start + 1:
        # a quote standing as its own sentence: the speaker the next sentence hands it to ("So said X"), else
        # whoever spoke or acted just before
        named = _named_after(names, sentences, last_si, e, lex)
        return named or _previous_speaker(names, sentences, si, recent), framed
    return None, framed


def _lead_speaker(names: Names, sentences: list[Sentence], si: int, colon: int, recent: Name | None) -> Name | None:
    """The person a lead ending in a colon is about: a pronoun's referent, else its person subject."""
    text = names.text
    sent = sentences[si]
    lead_names = [n for n in names.before(si, colon) if n.person is not False]
    pron = re.match(r"\s*(?:[A-Z]\w*\s+){0,2}?(he|she|He|She|His|Her)\b", text[sent.start:colon])
    if pron and not [n for n in lead_names if n.start < sent.start + pron.start(1)]:
        return resolve_pronoun(names, sentences, si, sent.start + pron.start(1), recent)
    subject = _sentence_subject([n for n in lead_names if n.person] or lead_names, text)
    if subject is not None:
        return subject
    title = re.match(r"\s*([Tt]he\s+(?:[\w’'\-]+\s+){0,3}?([a-z]+))\s+[a-z]+\s*:?\s*$", text[sent.start:colon])
    if title and _is_title(title.group(2), load_lexicon().titles):
        # "The Russian foreign minister agreed: “...”": the person who holds that title in the article
        found = resolve_title(names, sentences, si, sent.start + title.start(1), title.group(2))
        if found is not None:
            return found
    # "The statement from Hamas was short: “...”": the body the lead names
    return _sentence_subject(names.before(si, colon), text)


def _named_after(names: Names, sentences: list[Sentence], last_si: int, e: int, lex: Lexicon) -> Name | None:
    """The person a back-reference right after the quote names ("” So said Antonio Guterres", "” With those
    words, X opened ..."), in the rest of the quote's sentence or the next sentence of its paragraph."""
    text = names.text
    where = [(last_si, e + 1)]
    if last_si + 1 < len(sentences) and sentences[last_si + 1].paragraph == sentences[last_si].paragraph:
        where.append((last_si + 1, sentences[last_si + 1].start))
    for si, at in where:
        if at >= sentences[si].end or not text[at:sentences[si].end].strip(" ”\"."):
            continue
        cue = lex.back_cue.match(text, at, sentences[si].end)
        if not cue:
            return None
        after = [n for n in names.in_sentence(si) if n.start >= cue.end()]
        return next((n for n in after if n.person), next((n for n in after if n.person is None), None))
    return None


def _before_title(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether a lower-case title word follows `pos` ("Hamas leader", "Taliban spokesman")."""
    m = re.match(r"\s+([a-z]+)\b", text[pos:pos + 30])
    return bool(m) and m.group(1) in lex.titles


def _previous_speaker(names: Names, sentences: list[Sentence], si: int, recent: Name | None) -> Name | None:
    """Whoever spoke or acted in the sentences before the quote in its paragraph; for a quote opening its
    paragraph, the person the previous paragraph ended on ("X addressed the summit. ¶ “...”"); else the last
    speaker."""
    para = sentences[si].paragraph
    for back in range(si - 1, max(-1, si - 3), -1):
        if sentences[back].paragraph != para:
            if back == si - 1 and sentences[back].kind != "boilerplate":
                people = [n for n in names.in_sentence(back) if n.person]
                subject = _sentence_subject(people, names.text)
                if subject:
                    return subject
            break
        in_back = [n for n in names.in_sentence(back) if not any(a <= n.start < b for a, b in names.quoted)]
        if recent is not None and back == si - 1 and (any(n.key == recent.key for n in in_back) or any(
                sentences[back].start <= a < sentences[back].end for a, _ in names.quoted)):
            # "“...,” X said. “...”", "“... Putin ...,” she said. “...”": the quote goes on in the voice that just
            # spoke, not in a name it quoted
            return recent
        # not the body a title names ("Hamas spokesman Hazem Qassem"): the person holding it
        people = [n for n in in_back if n.person is not False and not _before_title(names.text, n.end, load_lexicon())]
        subject = _sentence_subject(people, names.text)
        if subject:
            return subject
    return recent


# "said that", "said, in a meeting with ..., that", "said on Tuesday that"; tell-verbs take an object first
_THAT = re.compile(r"^(?:\s*,[^.;:“”\"]{0,120}?|\s+(?:in|at|on|to|during|from|after|before|via|through|while|"
                   r"when|late|early|last|yesterday|today)\b[^.;:“”\"]{0,100}?|"
                   r"\s+(?:earlier|later|again|also|[a-z]{3,}ly))?\s+that\b\s*,?\s*")  # "said earlier that"
_THAT_AFTER_OBJECT = re.compile(r"^\s+(?:[\w’'\-]+,?\s+){1,10}?that\b\s*,?\s*")  # "told X during a call on Monday that"
_URGED = re.compile(r"^\s+(?:(?:the\s+|all\s+|both\s+|its\s+|their\s+)?[\w’'\-]+(?:\s+[A-Z][\w’'\-]*){0,3}"
                    r"(?:\s+(?!not\b)[a-z]+)?\s+(?:(?=not\s+to\s)|to\s+(?=[a-z]))|that\s+)")  # "urged X not to act": keeps the "not"
_CALLED_ON = re.compile(r"^\s+(?:on|upon)\s+(?:the\s+|all\s+|both\s+)?[\w’'\-]+(?:\s+[A-Z][\w’'\-]*){0,3}\s+to\s+(?=[a-z])")
# a hearer, then a clause with no "that": "told reporters the mission had ended", "told the BBC it was over"
_TOLD_CLAUSE = re.compile(r"^\s+(?:reporters|journalists|parliament|lawmakers|MPs|supporters|the\s+[\w\-]+(?:\s+[\w\-]+)?|"
                          r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})\s+"
                          r"(?=(?:the|a|an|his|her|its|their|it|he|she|they|we|there|[A-Z][\w\-]*)\s)")
_FINITE_VERB = (r"(?:is|are|was|were|had|has|have|would|will|could|should|must|can|did|does|do|may|might|"
                r"[a-z]{3,}ed)")
_FINITE = re.compile(rf"\b{_FINITE_VERB}\b")
# a bare clause: a short subject, then a finite verb ("the plan would fail", "Rwanda had hosted", "prices rose")
_BARE_CLAUSE = re.compile(r"\s+(?:(?:the|a|an|his|her|its|their|this|that|these|those|[A-Z][\w’'\-]*|[a-z]+(?:'s|’s)?)\s+)"
                          rf"{{0,4}}?(?:[\w’'\-]+\s+)?{_FINITE_VERB}\b(?!\s+(?:by|to)\b)")
_NO_CLAUSE = re.compile(r"\b(?:would|will|had|has|have|was|were|is|are|could|can|should|did|does)\b")
_BARE = re.compile(r"^\s+(?:on\s+[A-Z]\w+\s+|yesterday\s+|today\s+)?(?!(?:to|in|on|at(?!\s+least)|of|for|with|by|as|from|about|"
                   r"after|before|during|and|or|but|so|nothing|yes|no|more(?!\s+than)|little|much|when|while|if|"
                   r"because|although|though|upon|without|despite|amid|until|unless|where)\b)(?=[\w])")


def _indirect(names: Names, sentences: list[Sentence], si: int, verb: re.Match[str],
              spans: list[tuple[int, int]], lex: Lexicon, recent: Name | None) -> Found | None:
    """'X revealed, in a meeting ..., that Y': the complement Y, attributed to X."""
    text = names.text
    sent = sentences[si]
    lemma = lex.verbs[verb.group()]
    if re.search(r"\b(?:is|are|was|were|been|be)\s+$", text[max(sent.start, verb.start() - 12):verb.start()]):
        return None  # "is said to", "was told"
    rest = text[verb.end():sent.end]
    if lemma in ("urge", "call"):
        # "X urged Turkey to act with restraint", "called on Israel to ...", "urged that ...": what X asked for
        m = _URGED.match(rest) if lemma == "urge" else _CALLED_ON.match(rest)
        if m is None or re.search(r"[“”\"]", rest[:m.end()]):
            return None
        return _complement(names, sentences, si, verb, verb.end() + m.end(), spans, lex, recent)
    if lemma == "describe" and re.match(r"\s+(?:seeing|hearing|watching|feeling|finding)\s", rest):
        # "Witnesses described seeing drones over the market": what they say they saw
        return _complement(names, sentences, si, verb, verb.end() + 1, spans, lex, recent)
    if lemma in ("describe", "quote", "ask"):
        return None
    if lemma == "claim" and re.match(r"\s+(?:full\s+|sole\s+)?(?:responsibility|credit|victory|the\s+lives?)\b", rest):
        return None  # "claimed responsibility for the attack": an act, no words of anyone's
    if lemma in ("vow", "pledge", "promise"):
        # "he vowed to fight until the RSF was defeated": what X promised
        m = re.match(r"\s+to\s+(?=[a-z])", rest)
        if m is not None and len(rest[m.end():].split()) >= 3:  # not a bare "vowed to retaliate" 
            return _complement(names, sentences, si, verb, verb.end() + m.end(), spans, lex, recent)
        thing = re.match(r"\s+(?!(?:to|that|the|a|an|it|them|him|her|this|on|in|at|not)\b)(?:[a-z]+\s+){2,}[a-z]+", rest)
        if m is None and thing is not None:
            # "He promised free school meals for every child": what was promised, up to a verb of saying that
            # goes on with the same subject ("... and said the budget could afford it")
            said = re.search(r"\s+and\s+(?:also\s+)?(?=" + lex.verb_pattern.pattern + ")", rest)
            found = _complement(names, sentences, si, verb, verb.end() + 1, spans, lex, recent)
            if found is not None and said is not None:
                found.end = max(found.start, verb.end() + said.start())
            return found if found is not None and found.end - found.start >= 12 else None
    if lemma == "deny" and re.match(r"\s+[a-z]+ing\s+\S", rest) and not re.match(r"\s+(?:being|having)\b", rest):
        # "Russia denied massing troops on the border": what the speaker says it did not do
        return _complement(names, sentences, si, verb, verb.end() + 1, spans, lex, recent)
    m = _THAT.match(rest)
    if m is not None and _NO_CLAUSE.search(rest[:m.end()]):
        m = None  # the "that" belongs to a clause already under way ("said the move would ... a deal that")
    if m is not None and _NEXT_REPORT.match(rest):
        m = None  # "..., the ministry said, adding that ...": the participle's "that", its own quote; "said" closes one
    if m is None and lemma in ("tell", "warn", "remind", "assure", "inform"):
        m = _THAT_AFTER_OBJECT.match(rest)
        if m is not None and _NO_CLAUSE.search(rest[:m.end()]):
            m = None
    if m is None and lemma == "tell":
        m = _TOLD_CLAUSE.match(rest)  # "told reporters the mission had ended"
        if m is not None and not _NO_CLAUSE.search(rest[m.end():]):
            m = None
    lead = text[max(sent.start, verb.start() - 3):verb.start()]
    inverted = re.search(r"[”\"]\s*,?\s*$", lead) or (re.search(r",\s*$", lead) and re.match(
        r"\s+(?:the\s+)?(?:[A-Z][\w’'\-.]*\s*)+(?:[,;.]|$)", rest))
    if m is None and (lemma in ("say", "warn", "claim", "add", "insist", "state") or lemma in _BARE_CLAUSE_LEMMAS) \
            and not inverted:
        m = _BARE.match(rest)  # "X said the ..." (not "..., said Sweden, which ...": that is an inversion)
        if m is not None and lemma == "add" and not _FINITE.search(rest):
            m = None  # "..., adding weeks to journeys": no words of anyone's
        if m is not None and lemma in _BARE_CLAUSE_LEMMAS and not _BARE_CLAUSE.match(rest):
            m = None  # "stressed the need for dialogue", "announced new sanctions": an object, not a clause
    if m is None:
        if lemma not in _TRAILING_LEMMAS:
            return None
        return _parenthetical(names, sentences, si, verb, spans, lex, recent) or \
            _trailing(names, sentences, si, verb, spans, lex, recent)
    found = _complement(names, sentences, si, verb, verb.end() + m.end(), spans, lex, recent)
    if found is None and lemma in _TRAILING_LEMMAS:  # "..., its spokesman said on state radio."
        return _trailing(names, sentences, si, verb, spans, lex, recent)
    return found


_OTHER_VOICE = re.compile(r",\s+(?:while|whereas|but)\s")
_NEXT_REPORT = re.compile(r",\s+(?:saying|adding|warning|insisting|noting|arguing|stressing|telling)\b")


def _complement(names: Names, sentences: list[Sentence], si: int, verb: re.Match[str], start: int,
                spans: list[tuple[int, int]], lex: Lexicon, recent: Name | None) -> Found | None:
    """The reported words from `start` to the sentence's end, given to the speaker of `verb`."""
    text = names.text
    end = sentences[si].end
    participle = _NEXT_REPORT.search(text, start, end)
    if participle:  # "urged states to spend more, saying that ...": the participle's words are a quote of their own
        end = participle.start()
    other = _OTHER_VOICE.search(text, start, end)
    if other and load_lexicon().verb_pattern.search(text, other.end(), end):
        end = other.start()  # "..., while a local militia said it had killed a dozen": another speaker's words
    while end > start and text[end - 1] in ".!? ":
        end -= 1
    if end - start < 8 or any(s - 1 <= start <= e + 1 for s, e in spans):
        return None  # too short, or a direct quote follows: the direct quote carries it
    speaker = _speaker_near_verb(names, sentences, si, verb, lex, recent)
    return None if speaker is None else Found(start, end, "indirect", speaker, si)


_TRAILING_LEMMAS = frozenset(["say", "add", "claim", "insist", "state", "warn", "confirm", "allege", "announce",
                              "tell", "write", "post", "reveal", "explain", "note", "admit", "report", "hint",
                              "argue", "concede", "maintain", "predict", "acknowledge", "complain", "stress",
                              "suggest", "reiterate", "emphasise", "assert", "declare", "remark", "reply", "respond",
                              "conclude", "caution", "boast", "observe", "counter", "retort", "lament", "contend",
                              "estimate", "recall", "comment", "affirm"])
# verbs whose bare clause ("argued the plan would fail") is reported speech when it holds a finite verb
_BARE_CLAUSE_LEMMAS = frozenset(["argue", "concede", "maintain", "predict", "acknowledge", "admit", "suggest",
                                 "complain", "contend", "estimate", "confirm", "reveal", "announce", "assert",
                                 "declare", "explain", "note", "stress", "emphasise", "boast", "reply", "respond",
                                 "counter", "retort", "lament", "assure", "remind"])
_NAME_WORD = r"(?:[A-Z][\w\-’'.]*|(?:al|el)-[\w\-’']+)"
# "..., said Ned Price, a State Department spokesman." / "..., said Volker Türk, the UN rights chief, on Friday."
_INVERTED_SPEAKER = re.compile(rf"\s+(?:the\s+)?(?:{_NAME_WORD}\s+(?:(?:bin|ibn|von|van|der|de|da)\s+)?){{0,4}}{_NAME_WORD}"
                               rf"(?:\s*,\s+(?:the|a|an|{_NAME_WORD}(?:'s|’s))\s+[^,;:“”\"]{{2,80}}?"
                               rf"(?:,\s*(?:on|in|at)\s[^,;:“”\"]{{1,30}}?)?)?\s*[.!?]?\s*$")
# "..., said the spokesman for the Ukrainian General Staff, Andriy Kovalenko.": a title phrase, then the name
_INVERTED_TITLED = re.compile(rf"\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){{0,2}}?([a-z]+)"
                              rf"(?:\s+(?:for|of|at)\s+[^,;:“”\"]{{2,60}}?)?,\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})"
                              rf"\s*[.!?]?\s*$")
# what may follow the verb of a trailing speaker: a hearer ("told reporters", "told the BBC"), then when or where
_TRAILING_END = re.compile(r"(?:\s+(?:reporters|journalists|the\s+[\w\-]+(?:\s+[\w\-]+)?|"
                           r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3}))?"
                           r"(?:\s+(?:on|late on|early on|in|at|during|after|by|from)\s+(?:a\s+)?[\w\s\-]{1,40}?|"
                           r"\s+yesterday|\s+today|\s+afterwards|\s+later)?\s*[.!?]?\s*$")


def _past_space(text: str, start: int, end: int) -> int:
    """`start` moved past the white space that opens the claim text[start:end]."""
    while start < end and text[start].isspace():
        start += 1
    return start


def _trailing(names: Names, sentences: list[Sentence], si: int, verb: re.Match[str],
              spans: list[tuple[int, int]], lex: Lexicon, recent: Name | None) -> Found | None:
    """'Y happened, the PKK said.': the clause before the comma, attributed to the speaker phrase after it."""
    text = names.text
    sent = sentences[si]
    close = sent.end
    citing = re.compile(r",\s+(?:citing|quoting)\s[^,;:“”\"]*[.!?]?\s*$").search(text, verb.end(), sent.end)
    if citing:  # "..., the Saba news agency said, citing military sources.": the agency speaks
        close = citing.start()
    going_on = re.compile(r",\s+(?:adding|saying|noting|warning|insisting|stressing)\s").search(text, verb.end(), close)
    if going_on:  # "..., the health ministry said, adding that ...": the participle's words are a quote of their own
        close = going_on.start()
    inverted = _INVERTED_SPEAKER.match(text, verb.end(), close) if lex.verbs[verb.group()] != "tell" else None
    titled = _INVERTED_TITLED.match(text, verb.end(), close) if lex.verbs[verb.group()] != "tell" else None
    if titled is not None and not _is_title(titled.group(1), lex.titles):
        titled = None
    if titled is not None:  # "..., said the spokesman for the General Staff, Andriy Kovalenko.": the person named
        person = next((n for n in names.in_sentence(si) if n.start == titled.start(2) and n.person is not False), None)
        comma = text.rfind(",", sent.start, verb.start())
        start = _past_space(text, sent.start, comma)
        if person is not None and comma - start >= 8 and not re.search(r"[“”\"]", text[comma - 2:verb.start()]):
            return Found(start, comma, "indirect", person, si)
    if not inverted and (not _TRAILING_END.match(text, verb.end(), close)
                         or text[verb.end():close].count(",") > 0):
        return None
    comma = text.rfind(",", sent.start, verb.start()) if inverted else _claim_comma(text, sent.start, verb.start(), lex)
    if comma < 0 or len([w for w in text[comma + 1:verb.start()].split() if w not in _PARTICLES]) > 8 \
            or (re.search(r"[“”\"]", text[comma - 2:verb.start()]) and not _quoted_fragment(spans, sent.start, comma)):
        return None  # no claim before a comma, or a direct quote's frame ("”, Haniyeh said")
    voice = _voice_of(names, sentences, si, comma + 1, verb.start(), recent)
    if voice is not None:  # "..., his office said": the person whose office it is, named in the claim or before
        speaker = voice
        end = comma
        start = _past_space(text, sent.start, end)
        return Found(start, end, "indirect", speaker, si) if end - start >= 8 else None
    speaker = None
    if inverted:  # the name right after the verb speaks, not one at the end of the claim ("... in Doha, said X")
        speaker = next((n for n in names.in_sentence(si) if verb.end() < n.start <= verb.end() + 6), None)
    else:  # the speaker phrase between the comma and the verb ("... with Kosovo, Washington said"), when it names one,
        # a person before the body they speak for ("Kremlin spokesman Dmitry Peskov told reporters")
        phrase = [n for n in names.in_sentence(si) if comma < n.start and n.end <= verb.start()]
        speaker = _sentence_subject([n for n in phrase if n.person] or phrase, text)
    speaker = speaker or _speaker_near_verb(names, sentences, si, verb, lex, recent)
    if speaker is None or sent.start <= speaker.start < comma:
        return None  # nobody named in the speaker phrase ("witnesses said"): not a name from the claim either
    end = comma
    start = _past_space(text, sent.start, end)
    if end - start < 8 or any(a - 1 <= start < b + 1 for a, b in spans):
        return None
    return Found(start, end, "indirect", speaker, si)


# "Greenland, the Danish foreign minister insisted, would decide ...": the verb closes a speaker phrase set off by
# commas inside the claim, which goes on in lower case after it
_PARENTHESIS_CLOSE = re.compile(r"(?:\s+(?:reporters|journalists|the\s+BBC|[A-Z][\w\-]*))?"  # a hearer ("told journalists")
                                r"(?:\s+(?:[a-z]+ly|afterwards|later|again|on\s+[A-Z]\w+|in\s+a\s+statement))?\s*,\s*(?=[a-z])"
                                r"(?!(?:while|and(?!\s+(?:the|it|they|he|she|its|their|there)\s)|but|as|although|though|"
                                r"which|who|whose|after|before|when|because|so|or|"
                                r"with|where|whereas|since|until|if|saying|adding|according)\b)")


# "Greenland was not for sale, the Danish prime minister told reporters afterwards, but ...": the speaker phrase
# closes the claim before a contrasting or explaining clause ("..., a person familiar with the talks said, because")
_PARENTHESIS_BUT = re.compile(r"(?:\s+(?:reporters|journalists|the\s+BBC|[A-Z][\w\-]*))?"
                              r"(?:\s+(?:[a-z]+ly|afterwards|later|again|on\s+[A-Z]\w+|in\s+a\s+statement))?"
                              r"\s*,\s*(?:but|because|although|though|while|whereas)\s")


def _parenthetical(names: Names, sentences: list[Sentence], si: int, verb: re.Match[str],
                   spans: list[tuple[int, int]], lex: Lexicon, recent: Name | None) -> Found | None:
    """'Y, X said, Z.': the whole sentence is X's claim (the speaker phrase X is inside it, as in the paper)."""
    text = names.text
    sent = sentences[si]
    close = _PARENTHESIS_CLOSE.match(text, verb.end(), sent.end)
    comma = text.rfind(",", sent.start, verb.start())
    contrast = None if close else _PARENTHESIS_BUT.match(text, verb.end(), sent.end)
    if (close is None and contrast is None) or comma < 0 or re.search(r"[“”\"]", text[sent.start:sent.end]):
        return None  # a direct quote's frame is read with the quote
    phrase = [w for w in text[comma + 1:verb.start()].split() if w not in _PARTICLES]
    if not 1 <= len(phrase) <= 6 or any(w in lex.verbs for w in phrase) or not text[sent.start:comma].strip():
        return None
    speaker = _speaker_near_verb(names, sentences, si, verb, lex, recent)
    if speaker is None or speaker.start < comma and sent.start <= speaker.start:
        return None  # nobody named in the speaker phrase: not a name from the claim either
    end = sent.end if contrast is None else comma  # "Y, X told reporters, but Z": Y is X's claim at least
    start = _past_space(text, sent.start, end)
    while end > start and text[end - 1] in ".!? ":
        end -= 1
    return Found(start, end, "indirect", speaker, si) if end - start >= 8 else None


def _quoted_fragment(spans: list[tuple[int, int]], start: int, comma: int) -> bool:
    """Whether the quotation closing at `comma` is words within a longer claim of the writer's ("He ordered the
    navy to be ready for “actual war”, KCNA reported"), not the whole claim."""
    quote = next(((s, e) for s, e in spans if comma - 3 <= e <= comma), None)
    return quote is not None and quote[0] - start > 20


def _claim_comma(text: str, start: int, verb: int, lex: Lexicon) -> int:
    """The comma that ends the claim of a trailing speaker: the last one before the verb, or, when that one closes
    an apposition ("..., its spokesman, Brig. Gen. Nabil Abdallah, said"), the one opening the speaker phrase."""
    comma = text.rfind(",", start, verb)
    while comma > start and re.fullmatch(r"\s+(?:[A-Z][\w’'\-]*\s+)+(?:and|or)\s+(?:the\s+)?(?:[A-Z][\w’'\-]*\s+)+(?:[a-z]+\s+)?",
                                         text[comma + 1:verb]) \
            and re.search(r"\b(?:of|from)\s+(?:the\s+)?(?:[A-Z][\w’'\-]*\s*)+$", text[start:comma]):
        # "..., the foreign ministers of Egypt, Jordan and Saudi Arabia said": the list is the speaker phrase's
        comma = text.rfind(",", start, comma)
    if comma >= 0 and not text[comma + 1:verb].strip():
        comma = text.rfind(",", start, comma)
        before = text.rfind(",", start, comma) if comma >= 0 else -1
        words = re.findall(r"[\w\-]+", text[before + 1:comma]) if before >= 0 else []
        if words and len(words) <= 4 and any(_is_title(w, lex.titles) for w in words) \
                and not any(w in lex.verbs for w in words):
            comma = before  # "its spokesman," heads the speaker phrase
    return comma


def _voice_of(names: Names, sentences: list[Sentence], si: int, start: int, end: int,
              recent: Name | None) -> Name | None:
    """The person a source phrase in text[start:end] speaks for ("his office", "a statement from her
    spokeswoman"): the referent of the possessive pronoun before a word the person speaks through
    (data/quotes/name_words.tsv, kind voice); never for "his lawyer" or "her husband", who speak for themselves."""
    m = re.search(r"\b(his|her|His|Her)\s+(?:[a-z]+\s+){0,1}?([a-z]+)\b", names.text[start:end])
    if m is None or m.group(2) not in _words("voice") or re.search(r"[A-Z]", names.text[start:start + m.start()]):
        return None
    person = resolve_pronoun(names, sentences, si, start + m.start(1), recent)
    if person is None:  # "Zimbabwe's opposition leader may withdraw, his aides hinted": the office coded unnamed
        titled = [n for n in names.before(si, start) if n.actor is not None and n.actor.code
                  and _is_title(n.text.split()[-1], load_lexicon().titles)]
        return titled[0] if titled else None
    return person


def _office_voice(names: Names, sentences: list[Sentence], si: int, start: int, end: int) -> Name | None:
    """The office-holder a source phrase speaks for by title ("a statement from the Iraqi prime minister's office"):
    the person holding that title named before, else the one named in the rest of the sentence (the text's titles
    or the knowledge base's), of the country the phrase's adjective names."""
    lex = load_lexicon()
    m = re.search(r"\b[Tt]he\s+((?:[\w\-]+\s+){0,3}?)([a-z]+)['’]s\s+(?:[a-z]+\s+)?([a-z]+)\b", names.text[start:end])
    if m is None or not _is_title(m.group(2), lex.titles) or m.group(3) not in _words("voice") \
            or re.search(r"[A-Z]", names.text[start:start + m.start()]):
        return None
    title = m.group(2)
    countries = {lex.demonym_country[w] for w in m.group(1).split() if w in lex.demonym_country}
    found = resolve_title(names, sentences, si, start + m.start(), title)
    if found is not None and found.person and found.end <= start:
        return found
    for n in names.in_sentence(si):
        if n.start >= start + m.end() and n.person and (title in n.titles or _kb_title(n, title)) and (
                not countries or n.actor is None or n.actor.country in countries):
            return n
    return None


def _according(names: Names, sentences: list[Sentence], si: int, span: tuple[int, int],
               recent: Name | None = None) -> Found | None:
    """'According to X, Y' (or 'Y, according to X'): Y attributed to X; "according to his office": to him."""
    text = names.text
    sent = sentences[si]
    after = _source_names(names, si, span[1])
    source_end = text.find(",", span[1], sent.end)
    voice = _voice_of(names, sentences, si, span[1], source_end if source_end >= 0 else sent.end, recent)
    if voice is None:
        voice = _office_voice(names, sentences, si, span[1], source_end if source_end >= 0 else sent.end)
    if voice is not None:
        after = [Name(span[1], source_end if source_end >= 0 else sent.end, voice.text, voice.key, voice.display,
                      voice.actor, voice.person, voice.titles)]
    if not after:
        return None
    # "according to the head of the UN agency, Philippe Lazzarini": the person in apposition, not the body
    people = [n for n in names.in_sentence(si) if n.person and span[1] <= n.start <= span[1] + 80
              and re.fullmatch(r"\s+(?:[\w\-’'.]+\s+){0,7}?[\w\-’'.]+,\s*", text[span[1]:n.start])]
    speaker = after[0] if after[0].person or not people or voice is not None else people[0]
    if people and speaker is after[0] and people[0].key == speaker.key and people[0].start > speaker.start:
        speaker = people[0]  # "according to the UN secretary-general, Antonio Guterres, ...": the claim follows him
    if span[0] - sent.start < 3:  # leading: the claim follows the comma after the source
        comma = text.find(",", speaker.end, sent.end)
        if speaker.start > source_end >= 0 and not re.match(r"\s*,", text[speaker.end:]):
            comma = source_end  # "According to his office, Sudani discussed ...": the person is the claim's subject
        if comma < 0:
            return None
        start, end = comma + 1, sent.end
    elif re.search(r",\s*$", text[sent.start:span[0]]) and source_end > 0 and _CLAUSE_GOES_ON.match(
            text, source_end + 1, sent.end):
        start, end = sent.start, sent.end  # "The strike, according to Al-Manar, killed six": the whole sentence
    else:
        start, end = sent.start, span[0]
    start = _past_space(text, start, end)
    while end > start and text[end - 1] in ".!?, ":
        end -= 1
    return Found(start, end, "indirect", speaker, si) if end - start >= 8 else None


_CLAUSE_GOES_ON = re.compile(r"\s*(?!(?:while|and|but|as|although|though|which|who|after|before|when|because|so|or|"
                             r"with|where|whereas|since|until|if)\b)[a-z]")


def _source_names(names: Names, si: int, at: int) -> list[Name]:
    """The names just after "according to" at `at`, without a possessor when a name follows it ("according to
    Hezbollah's Al-Manar television": Al-Manar)."""
    near = [n for n in names.in_sentence(si) if at <= n.start <= at + 40] or \
        [n for start, n in sorted(names.coref.items()) if at <= start <= at + 12 and n.text.lower() not in _PRONOUNS]
    # ("according to the military": the body the actors stage resolved the description to)
    owned = [n for n in near if names.text[n.end:n.end + 2] not in ("’s", "'s")]
    near = owned or near
    # "according to the migrant rights group Caminando Fronteras": the body named, not the sector word before it
    named = [n for i, n in enumerate(near) if not (n.actor is not None and _bare_sector(n.actor) and any(
        (o.actor is None or not _bare_sector(o.actor)) and "," not in names.text[n.end:o.start] for o in near[i + 1:]))]
    return named or near


def to_quote(text: str, f: Found) -> Quote:
    """The contract Quote of a found quote."""
    sp = f.speaker
    name = sp.display if sp else None
    code = sp.actor.code if sp is not None and sp.actor is not None else None
    return Quote(speaker=name, speaker_code=code, text=text[f.start:f.end], kind=f.kind,  # type: ignore[arg-type]
                 start=f.start, end=f.end, sentence_index=f.sentence_index)
