"""Event detection in one parsed sentence: lexicon triggers, their roles, modality, one candidate per dyad.

`code_sentence` is pure: a `SentenceView` in, `Candidate`s out. Dates, places, ids and deduplication belong to
the stage, which sees the whole article.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass, field
from functools import lru_cache

from ..datafiles import read_tsv
from ..document import Actor, ActorMention
from .cameo import cameo_code
from .lexicon import NOT_EVENT, PREPOSITIONS, Entry, LexiconIndex, inflections
from .modality import WordClasses, control_subject, own_clause, read_modality
from .roles import RELATIVE_PRONOUNS, SentenceView, Token, dep

_NOUN_CUES = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "that",
                        "these", "those", "'s", "’s", "of", "joint", "several", "new", "recent", "further"})
_VERB_POS = frozenset({"VERB"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "IGO"})
_WINDOW_AFTER = 7
_WINDOW_BEFORE = 3
# words that make a phrasal verb with the verb itself ("give in", "back down", "hand back"): after the verb's
# object, one heading a phrase of its own ("gave the junta in Niamey") is no particle ("pulled its soldiers out of
# Gaza" is, and so is "voted overwhelmingly in favour of")
_PARTICLES = frozenset({"in", "out", "down", "up", "back", "off", "away", "aside", "over"})
_TARGET_REACH = 12  # words right of a trigger searched for a target the tree did not give
_SOURCE_REACH = 10


@lru_cache(maxsize=1)
def threat_codes() -> dict[str, str]:
    """CAMEO code of a threat by the type of the act it announces (`data/events/complements.tsv`)."""
    return {row["complement_type"]: row["cameo"] for row in read_tsv("events", "complements.tsv")}


@lru_cache(maxsize=1)
def crowd_sectors() -> dict[str, str]:
    """Crowd nouns and the civilian sector each stands for (`data/events/crowds.tsv`)."""
    return {row["word"]: row["sector"] for row in read_tsv("events", "crowds.tsv")}


@dataclass
class Trigger:
    token: Token
    entry: Entry
    tokens: frozenset[int]  # the head and every matched extra word


@dataclass
class Candidate:
    """One event read from one sentence, before dating, locating and deduplication."""

    trigger: Trigger
    type: str
    cameo: str
    mode: str | None
    contexts: list[str]
    source: ActorMention | None
    target: ActorMention | None
    negated: bool
    hypothetical: bool
    speaker: ActorMention | None
    confidence: float
    coder: str
    clause: tuple[int, int] = field(default=(0, 0))  # character span of the predicate's clause (sentence-relative)
    first_person: bool = False  # the subject is "we"/"I": the quoted speaker is the source
    spokesman: str | None = None  # "his office said", "a spokesman said": the source's own voice (the noun)
    mutual: bool = False  # the target is another of the subjects ("A and B held talks"), coded like the source
    about_act: str | None = None  # no target, the object an earlier act ("condemned the strikes"): "TYPE lemma" or ""


# ---- triggers ------------------------------------------------------------------------------------------------

def _tagged_pos(token: Token) -> str | None:
    """V, N or A from the tagger (UPOS where present, else the Penn tag), or None when untagged."""
    if token.pos_:
        return "V" if token.pos_ in _VERB_POS else "N" if token.pos_ in _NOUN_POS else (
            "A" if token.pos_ == "ADJ" else "")
    tag = token.tag_
    if not tag:
        return None
    return "V" if tag.startswith("VB") else "N" if tag.startswith("NN") else "A" if tag.startswith("JJ") else ""


def _pos_ok(view: SentenceView, token: Token, pos: str) -> bool:
    tagged = _tagged_pos(token)
    if tagged is None:
        return True
    if tagged == pos or (pos == "A" and tagged == "V") or (pos == "V" and tagged == "A" and token.tag_ == "VBN"):
        return True
    # a gerund standing where a noun stands is one ("resumed intelligence sharing", "the shelling of Kharkiv")
    return pos == "N" and token.tag_ == "VBG" and dep(token) in ("obj", "nsubj", "nsubjpass", "obl", "pobj", "nmod")


def _mistagged_verb(view: SentenceView, token: Token, entry: Entry) -> bool:
    """A verb the tagger called a noun ("Hungary had vetoed", "no longer share data") or an adjective ("The White
    House eased restrictions"): accepted when no determiner precedes it and the form is a past participle or the
    entry's other words follow; an adjective reading also needs an actor right before it."""
    if entry.pos != "V":
        return False
    tagged = _tagged_pos(token)
    if tagged == "N" and _surface_pos(token) == "V":
        return token.lower_.endswith("ed") or entry.size > 1
    if tagged == "A" and token.lower_.endswith("ed") and token.i > 0:
        return token.i - 1 in view.covered and entry.size > 1
    return False


def _surface_pos(token: Token) -> str:
    """Without tags: a word after a determiner or possessive within three words reads as a noun."""
    before = [t.lower_ for t in token.doc[max(0, token.i - 3):token.i]]
    return "N" if before and (before[-1] in _NOUN_CUES or any(w in ("a", "an", "the") for w in before)) else "V"


def _hyphen_span(doc, i: int) -> int:
    """The last token of a hyphenated compound starting at `i` ("sit - in", "test - fired", "anti - government"):
    the tokenizer splits such words, while the lexicon writes them whole. Returns `i` when there is none."""
    last = i
    while (last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_
           and not doc[last + 1].whitespace_ and doc[last + 2].is_alpha):
        last += 2
    return last


def _joined(doc, first: int, last: int) -> str:
    return "".join(doc[j].lower_ for j in range(first, last + 1))


def _find_word(view: SentenceView, index: LexiconIndex, word: str, start: int, stop: int,
               step: int) -> tuple[int, int] | None:
    """Where a lexicon word occurs between `start` and `stop` (exclusive) walking by `step`: one token, or the
    parts of a hyphenated word ("air-defence")."""
    doc = view.doc
    forms = index.forms_of(word)
    for j in range(start, stop, step):
        if "-" in word:
            first = j if step > 0 else _compound_start(doc, j)
            last = _hyphen_span(doc, first)
            if last > first and _joined(doc, first, last) in forms:
                return first, last
        elif doc[j].lower_ in forms:
            return j, j
    return None


def _compound_start(doc, j: int) -> int:
    """The first token of the hyphenated compound that ends at `j` (or `j` itself)."""
    while j >= 2 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_:
        j -= 2
    return j


def _match(view: SentenceView, token: Token, entry: Entry, index: LexiconIndex,
           span: tuple[int, int] | None = None) -> frozenset[int] | None:
    doc = token.doc
    first, last = span or (token.i, token.i)
    used = set(range(first, last + 1))
    pos = last
    after = entry.after
    if (entry.pos == "V" and after and after[0] not in PREPOSITIONS and view.has_deps
            and view.is_passive(token)):
        # the object of a passive verb stands before it ("tanks had been moved", "sanctions were imposed on"), all
        # its words where the entry has several ("rescue teams were sent"), else its first word
        lead = next((k for k, word in enumerate(after) if word in PREPOSITIONS), len(after))
        for size in range(lead, 0, -1):
            spans, at = [], first
            for word in reversed(after[:size]):
                found = _find_word(view, index, word, at - 1, max(-1, at - 1 - _WINDOW_AFTER), -1)
                if found is None:
                    break
                spans.append(found)
                at = found[0]
            else:
                for found in spans:
                    used.update(range(found[0], found[1] + 1))
                after = after[size:]
                break
    for n, word in enumerate(after):
        found = _find_word(view, index, word, pos + 1, min(len(doc), pos + 1 + _WINDOW_AFTER), 1)
        if found is None:
            return None
        if entry.pos == "V" and word in PREPOSITIONS and not _attached(view, doc[found[0]], used):
            return None  # "welcomed the truce and urged all parties to respect it": another verb's "to"
        if (entry.pos == "V" and n == 0 and word in _PARTICLES and view.has_deps and found[0] > last + 1
                and not first <= doc[found[0]].head.i <= last and found[1] + 1 < len(doc)
                and doc[found[0] - 1].pos_ in ("NOUN", "PROPN", "PRON")
                and doc[found[1] + 1].lower_ not in PREPOSITIONS and not doc[found[1] + 1].is_punct):
            return None  # "gave the junta in Niamey ... to": a phrase of the object, not the particle of "give in"
        used.update(range(found[0], found[1] + 1))
        pos = found[1]
    pos = first
    for word in reversed(entry.before):
        found = _find_word(view, index, word, pos - 1, max(-1, pos - 1 - _WINDOW_BEFORE), -1)
        if found is None:
            return None
        used.update(range(found[0], found[1] + 1))
        pos = found[0]
    return frozenset(used)


_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                         "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december", "day", "days", "week", "weeks", "month", "months", "year", "years",
                         "night", "morning", "evening", "afternoon", "weekend", "today", "yesterday", "time"})


def _attached(view: SentenceView, prep: Token, used: set[int]) -> bool:
    """Whether a preposition belongs to the trigger's words: it, or the phrase it marks, hangs from one of them
    (a parser's attachment error is tolerated one level up), but not through another verb, a time expression
    ("called Putin on Tuesday") or what the object is called ("called the deal a victory for dialogue"). Without
    a parse, any order is taken."""
    if not view.has_deps:
        return True
    node = prep
    for _ in range(3):
        if node.head.i in used:
            return not (node is not prep and (node.lower_ in _TIME_WORDS or (
                dep(node) in ("xcomp", "oprd") and node.pos_ not in ("VERB", "AUX"))))
        if node.head.i == node.i or (node is not prep and (node.pos_ in ("VERB", "AUX") or node.lower_ in _TIME_WORDS)):
            return False
        node = node.head
    return False


def _compound_head(token: Token, first: int, last: int) -> Token:
    """The part of a hyphenated compound the parser made its head (the one attached outside it)."""
    doc = token.doc
    for j in range(first, last + 1):
        if not first <= doc[j].head.i <= last or doc[j].head.i == j:
            return doc[j]
    return doc[last]


def find_triggers(view: SentenceView, index: LexiconIndex) -> list[Trigger]:
    """Every lexicon trigger in the sentence, the most specific entry per head word, no word used twice. A
    hyphenated compound the tokenizer split ("sit-in", "test-fired") is looked up whole first."""
    triggers: list[Trigger] = []
    consumed: set[int] = set()
    # verbs with their object words first, so a passive's subject ("Sanctions were imposed on") joins its verb
    for token in view.doc:
        if token.i in consumed or _tagged_pos(token) != "V" or not view.is_passive(token):
            continue
        for entry in index.candidates(token.lower_):
            if entry.pos != "V" or not entry.after:
                continue
            used = _match(view, token, entry, index)
            if used is not None and not used & consumed and min(used) < token.i:
                triggers.append(Trigger(token, entry, used))
                consumed |= used
                break
    for token in view.doc:
        if token.i in consumed:
            continue
        last = _hyphen_span(view.doc, token.i)
        if last > token.i and not consumed & set(range(token.i, last + 1)):
            trig = _compound_trigger(view, index, token, last, consumed)
            if trig is not None:
                triggers.append(trig)
                consumed |= trig.tokens
                continue
        if token.i in view.covered and not token.lower_.endswith(("ing", "ed")) and not (
                token.tag_.startswith("VB") and token.pos_ == "VERB"):
            continue  # a word inside a name; but a verb the name finder swallowed ("NATO send troops") acts
        candidates = index.candidates(token.lower_)
        if not candidates and token.lemma_ and token.lemma_.lower() != token.lower_:
            candidates = index.candidates(token.lemma_.lower())
        if _tagged_pos(token) is None:
            preferred = _surface_pos(token)
            candidates = sorted(candidates, key=lambda e: (e.pos != preferred, -e.size))
        in_compound = _compound_start(view.doc, token.i) < token.i
        for entry in candidates:
            if not _pos_ok(view, token, entry.pos) and not _mistagged_verb(view, token, entry):
                continue
            if in_compound and "weak" in entry.flags:
                continue  # "earthquake-hit Nepal", "Iran-backed militias": a description, not an act
            used = _match(view, token, entry, index)
            if used is None or used & consumed:
                continue
            triggers.append(Trigger(token, entry, used))
            consumed |= used
            break
    return sorted(triggers, key=lambda t: t.token.i)


def _compound_trigger(view: SentenceView, index: LexiconIndex, token: Token, last: int,
                      consumed: set[int]) -> Trigger | None:
    """A trigger whose head is a hyphenated word: the compound's parts are one word, whatever the tagger
    made of each part, so its part of speech is read from the whole ("a sit-in" noun, "test-fired" verb)."""
    joined = _joined(view.doc, token.i, last)
    head = _compound_head(token, token.i, last)
    determined = token.i > 0 and view.doc[token.i - 1].lower_ in _NOUN_CUES
    for entry in index.candidates(joined):
        parts_fit = any(_pos_ok(view, view.doc[j], entry.pos) for j in range(token.i, last + 1, 2))
        if not parts_fit and not (entry.pos == "N" and determined):
            continue  # "a sit-in": the tagger reads "in" as a preposition, the determiner says noun
        used = _match(view, head, entry, index, (token.i, last))
        if used is not None and not used & consumed:
            return Trigger(head, entry, used)
    return None


# ---- roles ---------------------------------------------------------------------------------------------------

def _slot_tokens(view: SentenceView, trig: Trigger, slot: str, words: WordClasses) -> list[Token]:
    token, entry = trig.token, trig.entry
    verbal = entry.pos in ("V", "A")
    if slot == "subj":
        if verbal and view.is_passive(token):
            found = [n for p, n in _preps(view, trig) if p == "by"]
        else:
            found = view.subject(token)
            if not found and dep(token) in ("acomp", "amod") and entry.pos == "A":
                found = view.subject(token.head)
        found = [token.head if t.lower_ in RELATIVE_PRONOUNS and dep(token) == "relcl" else t for t in found]
        if not found and verbal and not view.is_passive(token):
            found = (_stranded_subject(view, token) or _finite_conjunct_subject(view, token)
                     or _absolute_subject(view, token) or _adverbial_participle_subject(view, token)
                     or control_subject(view, token, words))
        return found
    if slot == "obj":
        if verbal and view.is_passive(token):
            found = [token.head if t.lower_ in RELATIVE_PRONOUNS and dep(token) == "relcl" else t
                     for t in view.passive_subject(token)]
            if not found and dep(token) in ("acl", "conj"):
                found = [token.head] if dep(token) == "acl" else control_subject(view, token, words)
            return found
        found = [t for t in view.objects(token) if t.i not in trig.tokens]
        if not found:  # "thanked and commended the support": the object is shared with the conjunct
            for conj in view.conjuncts(token):
                if view.subject(conj):
                    break  # "X entered the zone, and Tokyo lodged a protest": a clause of its own
                found = [t for t in view.objects(conj) if t.i not in trig.tokens]
                if found:
                    break
        if not found and verbal and _finite_modifier(view, token):
            found = [token.head]  # "the EU threatened Belarus with ...": a finite verb misparsed as a modifier
        return found
    if slot == "iobj":
        objects = view.objects(token)  # "gave al-Shabaab an ultimatum": a parser may label both objects obj
        return view.children(token, "iobj", "dative") or (objects[:-1] if len(objects) > 1 else [])
    if slot == "owner":
        return _absorbed_owner(view, trig)
    if slot == "poss":
        return [t for t in view.children(token, "poss") if t.i not in trig.tokens]
    if slot == "mod":
        # a meeting's adjective names where it is held ("the Swiss summit", "the Hanoi summit"), not who meets
        place_like = entry.type == "CONSULT"
        return [t for t in token.children if dep(t) in ("compound", "amod", "nmod", "npmod") and t.i < token.i
                and t.i not in trig.tokens and not any(dep(c) == "case" for c in t.children)
                and not (place_like and (dep(t) == "amod" or t.tag_ == "JJ"))]
    if slot == "head":
        return [token.head] if token.head.i != token.i else []
    found = [n for p, n in _preps(view, trig) if p == slot or (slot == "between" and p == "among")]
    if not found and slot in _NESTED_SLOTS and view.has_deps:
        found = _nested_prep(view, trig, slot)
    if not found and slot == "to" and entry.pos == "V" and view.has_deps:
        # "extradited a Russian hacker to the United States": the parser hangs the recipient on the object
        found = [n for o in view.objects(token) if o.i not in trig.tokens for p, n in view.preps(o)
                 if p == "to" and n.i not in trig.tokens]
    if not found and slot == "with" and view.has_deps:
        found = _pact_partner(view, trig, words)
    return found


_SUBORDINATORS = frozenset({"after", "before", "when", "as", "while", "because", "since", "until", "once"})
_NESTED_SLOTS = frozenset({"against"})  # prepositions that mark a target wherever the parser hangs them


def _stranded_subject(view: SentenceView, token: Token) -> list[Token]:
    """The subject of a subordinate clause the parser joined to the main verb as a conjunct, hanging the subject
    on the noun before ("gave Belarus a loan after the European Union imposed sanctions"): a conjunct verb with no
    "and" of its own, right after a mention that a subordinating word opens, takes that mention as subject."""
    if dep(token) != "conj" or token.i == 0 or any(dep(c) == "cc" for c in token.children):
        return []
    before = view.covered.get(token.i - 1)
    if before is None or before.locative:
        return []
    first = view.tokens_of[id(before)][0]
    j = first - 1
    while j >= 0 and view.doc[j].pos_ == "DET":
        j -= 1
    if j < 0 or view.doc[j].lower_ not in _SUBORDINATORS:
        return []
    head = view.doc[view.head_index(view.doc[token.i - 1])]
    return [head] if dep(head) in ("nmod", "obl", "pobj") else []


_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _adverbial_participle_subject(view: SentenceView, token: Token) -> list[Token]:
    """The subject of an -ing clause set off by a comma after a verb's object, which the parser hung on that object
    ("fighters attacked Israeli towns, killing 1,200 people and taking 250 hostages"): such a clause tells more of
    what the main clause's subject did, not what the object did."""
    participle = token
    while dep(participle) == "conj" and participle.head.i != participle.i:
        participle = participle.head
    return view.subject(participle.head.head) if _adverbial_participle(view, participle) else []


def _adverbial_participle(view: SentenceView, participle: Token) -> bool:
    """An -ing verb after a comma hung as the modifier of the verb's object or oblique noun before it."""
    noun = participle.head
    verb = noun.head
    return (dep(participle) == "acl" and participle.tag_ == "VBG" and noun.i < participle.i and participle.i > 0
            and view.doc[participle.i - 1].text == "," and dep(noun) in ("obj", "obl") and verb.i != noun.i
            and verb.pos_ in ("VERB", "AUX"))


def _finite_conjunct_subject(view: SentenceView, token: Token) -> list[Token]:
    """The subject of a finite verb the parser coordinated with a non-finite one below the real partner
    ("accused the police of using force and demanded an inquiry": "demanded" hung on "using"): a finite verb is
    coordinated with the nearest finite verb above, whose subject it shares."""
    nominal_head = token.head.pos_ in ("NOUN", "PROPN")  # "withdrew from the deal and reimposed": hung on "deal"
    if dep(token) != "conj" or token.head.tag_ in _FINITE or not (
            token.tag_ in _FINITE or (nominal_head and token.tag_ == "VBN")):
        return []
    current, steps = token.head, 0
    while current.head.i != current.i and steps < 4:
        current, steps = current.head, steps + 1
        if current.tag_ in _FINITE:
            return view.subject(current)
    return []


_ABSOLUTE = frozenset({"without", "with"})


def _absolute_subject(view: SentenceView, token: Token) -> list[Token]:
    """The subject of a gerund after "with"/"without" that the parser hung on the main verb as that preposition's
    object ("the summit ended without Russia and the United States agreeing"): the phrase right before the
    gerund."""
    if dep(token) not in ("advcl", "acl", "xcomp") or token.tag_ not in ("VBG", ""):
        return []
    for sib in token.head.children:
        if (sib.i < token.i and sib.right_edge.i + 1 == token.left_edge.i and dep(sib) in ("obl", "nmod", "pobj")
                and any(dep(c) == "case" and c.lower_ in _ABSOLUTE for c in sib.children)):
            return [sib]
    return []


def _nested_prep(view: SentenceView, trig: Trigger, slot: str) -> list[Token]:
    """A role preposition the parser hung one phrase too deep, on a noun of the trigger's own prepositional or
    object phrase ("filed a case at the International Court of Justice against Israel")."""
    out: list[Token] = []
    todo = [c for i in trig.tokens for c in view.doc[i].children
            if c.i not in trig.tokens and dep(c) in ("obl", "obj", "nmod", "prep", "pobj")]
    seen = 0
    while todo and seen < 12:
        tok = todo.pop(0)
        seen += 1
        for word, noun in view.preps(tok):
            if word == slot and noun.i not in trig.tokens and noun not in out:
                out.append(noun)
        todo.extend(c for c in tok.children if dep(c) in ("nmod", "prep", "pobj"))
    return out


def _pact_partner(view: SentenceView, trig: Trigger, words: WordClasses) -> list[Token]:
    """The partner named in the pact the act belongs to, wherever the parser hung that phrase in the trigger's
    clause ("Turkey agreed to take back migrants who cross to the islands, in a deal with the EU")."""
    pacts = words.words.get("pact", frozenset())
    out: list[Token] = []
    for tok in trig.token.subtree:
        if tok.i in trig.tokens or not (tok.lower_ in pacts or tok.lemma_.lower() in pacts):
            continue
        out.extend(n for p, n in view.preps(tok) if p == "with" and n.i not in trig.tokens)
    return out


def _finite_modifier(view: SentenceView, token: Token) -> bool:
    """A past or present-tense verb with its own subject that the parser hung as a modifier of the next noun."""
    return (dep(token) in ("amod", "compound") and token.tag_ in ("VBD", "VBZ", "VBP", "") and token.head.i > token.i
            and _tagged_pos(token) != "A" and bool(view.subject(token)))


def _absorbed_owner(view: SentenceView, trig: Trigger) -> list[Token]:
    """The owner of a noun the trigger itself contains ("suspended Syria's membership", "froze its
    contributions", "lifted the blockade of Gaza"): whose membership or funds are acted on is the target."""
    out: list[Token] = []
    for i in sorted(trig.tokens):
        tok = view.doc[i]
        if i == trig.token.i or _tagged_pos(tok) != "N":
            continue
        out.extend(c for c in view.children(tok, "poss") if c.i not in trig.tokens)
        # "accepted a US proposal", "expelled two Estonian diplomats": an actor named as the noun's modifier
        out.extend(c for c in view.children(tok, "compound", "amod") if c.i not in trig.tokens and c.i in view.covered)
        out.extend(n for p, n in view.preps(tok) if p == "of" and n.i not in trig.tokens)
    return [t for t in out if t.i > trig.token.i]  # an owner before the verb is its misparsed subject


def _preps(view: SentenceView, trig: Trigger) -> list[tuple[str, Token]]:
    out: list[tuple[str, Token]] = []
    for i in sorted(trig.tokens):
        out.extend(view.preps(view.doc[i]))
    if trig.entry.pos == "N" and trig.entry.type == "CONSULT":  # "the message sent to Haniyeh by Khamenei": roles sit on the participle
        for child in trig.token.children:
            if dep(child) == "acl":
                out.extend(view.preps(child))
        token = trig.token
        while dep(token) == "conj" and token.head.i != token.i:
            token = token.head
        if dep(token) in ("obl", "obj", "nmod", "pobj") and token.head.i != token.i:
            # "symbolized in a phone call from X, to Y": the parser hangs the noun's later argument on the verb
            out.extend((p, n) for p, n in view.preps(token.head) if n.i > trig.token.i)
    return [(p, n) for p, n in out if n.i not in trig.tokens]


def _fill(view: SentenceView, trig: Trigger, slots: tuple[str, ...], words: WordClasses,
          taken: list[ActorMention]) -> list[ActorMention]:
    for slot in slots:
        found: list[ActorMention] = []
        codes = {m.actor.code for m in taken if m.actor.code}
        same = [m for m in view.mentions if m in taken or m.actor.code in codes]
        exclude = set(trig.tokens) | _tokens_of(view, same)  # "a Russian loan to Greece": past the source
        for tok in _slot_tokens(view, trig, slot, words):
            for mention in view.mentions_under(tok, exclude):
                if mention not in found and mention not in taken:
                    found.append(mention)
        if found:
            return _fan_out(view, found, set(trig.tokens), taken)
    return []


def _fan_out(view: SentenceView, found: list[ActorMention], exclude: set[int],
             taken: list[ActorMention]) -> list[ActorMention]:
    """A role's mentions with every mention listed alongside them ("Saudi Arabia, the UAE and Bahrain", which the
    parser may leave unconjoined), by the actor stage's coordination ids and by the words between them."""
    out = list(found)
    for mention in found:
        mates = [m for m in view.mentions if mention.coordination is not None and m.coordination ==
                 mention.coordination]
        if view.has_deps and id(mention) in view.tokens_of:
            mates += view.list_around(mention, exclude)
        mates += view.stacked.get(id(mention), [])
        for mate in mates:
            same_words = any((o.start, o.end, o.actor.country) == (mate.start, mate.end, mate.actor.country)
                             for o in out + taken)  # "envoys from Iran and Egypt": EGY is already there as EGYGOV
            if mate not in out and mate not in taken and not same_words:
                out.append(mate)
    return sorted(out, key=lambda m: m.start)


def _noun_governor_roles(view: SentenceView, trig: Trigger, words: WordClasses
                         ) -> tuple[list[ActorMention], list[ActorMention], bool]:
    """Roles a nominal event takes from the verb it hangs from: the subject of a light verb ("held talks",
    "engaged in a dialogue") is its source; the subject of an eliciting verb ("provoked a hostile reaction from
    X") is its target, and so is the subject of a verb of undergoing ("ignored the bloc's ultimatum")."""
    token = trig.token
    while dep(token) == "conj" and token.head.i != token.i:  # "extended his and the people's greetings"
        token = token.head
    governor, label = token.head, dep(token)
    if label in ("pobj", "obl", "nmod") and dep(governor) in ("prep",):
        governor = governor.head
    if label == "nmod" and governor.pos_ in ("NOUN", "NUM") and dep(governor) in ("obj", "obl", "nsubjpass") and any(
            c.lower_ == "of" for c in token.children):  # "held four days of negotiations": past the measure
        token, governor, label = governor, governor.head, dep(governor)
    if governor.i == token.i:
        return [], [], False
    exclude = set(trig.tokens)
    subjects = view.subject(governor) or view.passive_subject(governor) or control_subject(view, governor, words)
    mentions = [m for s in subjects for m in view.mentions_under(s, exclude)]
    mentions = _fan_out(view, mentions, exclude, []) if mentions else mentions
    if words.lemma_in(governor, "elicit") and label in ("obj", "nsubjpass"):
        return [], mentions, True
    if words.lemma_in(governor, "undergo") and label == "obj":
        return [], mentions, False  # "the junta ignored the bloc's ultimatum": the ultimatum was aimed at it
    if words.lemma_in(governor, "errand") and label in ("obl", "pobj") and any(
            c.lower_ == "for" for c in token.children if dep(c) == "case") | (dep(token.head) == "prep"
                                                                             and token.head.lower_ == "for"):
        return mentions, [], False  # "Blinken landed in Riyadh for talks with Saudi leaders": he talked
    if label == "obj" and governor.pos_ in ("VERB", "AUX"):
        # "ECOWAS gave the junta an ultimatum", "sent Tehran a warning": the noun is the second of two objects,
        # the first is whom it is given to, the subject gives it
        first = [o for o in view.children(governor, "obj", "iobj", "dative") if o.i < token.i]
        recipients = [m for o in first for m in view.mentions_under(o, exclude) if m not in mentions]
        if mentions and recipients:
            return mentions, _fan_out(view, recipients, exclude, mentions), False
    if words.lemma_in(governor, "light") and label in ("obj", "pobj", "obl", "nmod", "nsubjpass"):
        return mentions, [], False
    if "recip" in trig.entry.flags and label == "obl" and any(
            c.lower_ in _ALONGSIDE for c in token.children if dep(c) == "case"):
        return mentions, [], False  # "the two Koreas did not agree after three days of talks": they talked
    if (trig.entry.type == "CONSULT" and label == "obl" and governor.pos_ == "VERB"
            and any(c.lower_ in _MEDIUM for c in token.children if dep(c) == "case")):
        # "congratulated Putin in a phone call", "told him by telephone": the speaker calls the one spoken to
        objects = [m for o in view.objects(governor) for m in view.mentions_under(o, exclude)]
        return mentions, objects, False
    return [], [], False


def resolve_roles(view: SentenceView, trig: Trigger, words: WordClasses
                  ) -> tuple[list[ActorMention], list[ActorMention], str]:
    """Source and target mentions of a trigger, and how they were found ("tree" or "surface")."""
    entry, token = trig.entry, trig.token
    exclude = set(trig.tokens)
    if not view.has_deps:
        passive = entry.pos == "V" and view.is_passive(token)
        left = view.linear_group(token.i, -1, exclude)
        right = view.linear_group(max(trig.tokens), 1, exclude, limit=8)
        if passive:
            return view.after_by(token.i, exclude), left, "surface"
        if entry.pos == "N" and token.i - 1 in view.covered:
            return [view.covered[token.i - 1]], [m for m in right if m is not view.covered[token.i - 1]], "surface"
        return left, [m for m in right if m not in left], "surface"
    if entry.pos in ("V", "A"):
        src_slots, tgt_slots = entry.source or ("subj",), entry.target or ("obj",)
    else:
        src_slots = entry.source or ("poss", "mod", "by", "from")
        tgt_slots = entry.target or ("against", "on", "to", "at", "with")
    sources = _fill(view, trig, src_slots, words, [])
    targets = _fill(view, trig, tgt_slots, words, sources)
    if not targets and entry.pos == "V":  # "gave al-Shabaab an ultimatum", "froze its contributions to X"
        targets = _fill(view, trig, ("iobj", "owner"), words, sources)
    if entry.pos == "V" and entry.type == "CONSULT" and not _fill(view, trig, ("with",), words, sources):
        # "discussed the Ukraine crisis with Joe Biden": the party, whose phrase the parser hung on the topic
        party = [m for obj in view.objects(token) for t in obj.subtree if t.i != obj.i and any(
            dep(c) == "case" and c.lower_ == "with" for c in t.children) for m in view.mentions_under(t, exclude)]
        if party:
            targets = _fan_out(view, [m for m in party if m not in sources], exclude, sources)
    if not sources and entry.pos == "V" and entry.type in _HANDING_TYPES and view.is_passive(token):
        sources = _fill(view, trig, ("from",), words, targets)  # "suspects were extradited from Spain to Morocco"
    if not targets and entry.pos == "V" and entry.type in _AWAY_TYPES:
        targets = _fill(view, trig, ("from",), words, sources)  # "expelled diplomats from seven countries"
    if entry.pos == "N":
        gov_sources, gov_targets, elicited = _noun_governor_roles(view, trig, words)
        if gov_sources:  # "Haniyeh extended his and the people's greetings": the light verb's subject acts
            sources = gov_sources
            targets = [m for m in targets if m not in sources] or [m for m in gov_targets if m not in sources]
        elif elicited:  # "generated disagreements with the PA": those disagreeing are the source
            with_args = _fill(view, trig, ("with",), words, [])
            sources = sources or with_args
            targets = [m for m in gov_targets if m not in sources]
            return sources, targets, "elicited"
        elif gov_targets:
            targets = [m for m in gov_targets if m not in sources]
    if "recip" in entry.flags and not sources and len(targets) > 1:
        sources, targets = targets[:1], targets[1:]
    addressee = _demanded_of(view, trig, exclude | _tokens_of(view, sources))
    if addressee:
        targets = addressee
    return sources, targets, "tree"


def _demanded_of(view: SentenceView, trig: Trigger, exclude: set[int]) -> list[ActorMention]:
    """Whom a demand "that X do Y" is made of: X, the subject of the complement clause ("demanded that Niger's
    junta reinstate Bazoum", "insisted that Israel withdraw"), not whoever the clause's object names. Read off the
    surface, since the parser often folds such a clause into one noun phrase."""
    if trig.entry.type != "REQUEST" or trig.entry.pos != "V":
        return []
    j = max(trig.tokens) + 1
    if j >= len(view.doc) or view.doc[j].lower_ != "that":
        return []
    return _clause_subject(view, j + 1, exclude)


def _clause_subject(view: SentenceView, j: int, exclude: set[int]) -> list[ActorMention]:
    """The actor opening the clause that starts at token `j` ("that Niger's junta ...", "if Pelosi ..."), with
    those listed with it; none when the clause opens on something else."""
    while j < len(view.doc) and view.doc[j].lower_ == "the":
        j += 1
    mention = view.covered.get(j)
    if mention is None or mention.locative or j in exclude:
        return []
    return view.list_around(mention, exclude)


def _tokens_of(view: SentenceView, mentions: list[ActorMention]) -> set[int]:
    out: set[int] = set()
    for mention in mentions:
        first, last = view.tokens_of.get(id(mention), (0, -1))
        out.update(range(first, last + 1))
    return out


_WHILE = frozenset({"as", "while", "when", "whereas", "after", "before", "since", "until", "once"})
_PREDICATE_SLOTS = {"dobj", "obj", "iobj", "dative", "ccomp", "xcomp", "root", "advcl", "conj"}


def _pledged_thing(view: SentenceView, trig: Trigger, words: WordClasses) -> bool:
    """A promise of something to be given ("Saudi Arabia and Qatar committed 4 billion dollars to rebuilding
    Lebanon's army"): an agreement verb whose object is a thing, not a pact, is a pledge each maker gives to
    someone, not an agreement the makers reach with each other."""
    if not view.has_deps or trig.entry.type != "AGREE" or trig.entry.pos != "V":
        return False
    pacts = words.words.get("pact", frozenset())
    return any(o.i not in trig.tokens and o.pos_ == "NOUN" and o.lower_ not in pacts and o.lemma_.lower() not in pacts
               for o in view.objects(trig.token))


def _may_borrow_source(trig: Trigger) -> bool:
    """Whether an actor outside the trigger's phrase may be its source. A nominal event takes one only as the
    object of a verb ("Russia began military drills": the subject holds them); a noun standing as a subject, in a
    prepositional phrase or in apposition ("accusations of collusion", "sanctions ever change", "in support of",
    "a clear warning to Turkey") names its source in its own phrase or not at all."""
    token = trig.token
    if trig.entry.pos != "N" or token.pos_ == "VERB" or dep(token) in _PREDICATE_SLOTS:
        return True
    return any(dep(c) in ("nsubj", "nsubjpass") for c in token.children)  # "did not march", parsed as a noun


_AGENT_REACH = 14  # words from a passive verb to a "by" phrase the parser hung on a noun of its clause


def _stray_agent(view: SentenceView, trig: Trigger) -> list[ActorMention]:
    """The "by" agent of a passive verb that the parser hung on a noun of the verb's own phrase ("aid convoys were
    allowed into the town of Deir ez-Zor by Syrian government forces": "by" under "town"): the doer. Not one that
    belongs to another verb on the way up ("after protests organised by the opposition")."""
    if not view.has_deps:
        return []
    last = max(trig.tokens)
    for i in range(last + 1, min(len(view.doc), last + _AGENT_REACH)):
        word = view.doc[i]
        if word.lower_ in (";", ":") or (word.pos_ in ("VERB", "AUX") and dep(word) != "amod"):
            return []
        if word.lower_ != "by":
            continue
        noun = word.head if dep(word) == "case" else next(iter(view.children(word, "pobj")), None)
        if noun is None or noun.i not in view.covered:
            return []
        tok = noun
        while tok.i != trig.token.i and tok.head.i != tok.i:
            tok = tok.head
            if tok.i != trig.token.i and (tok.pos_ in ("VERB", "AUX") or tok.i in view.event_nouns or any(
                    dep(c) == "case" and c.lower_ in _WHILE | {"during", "amid", "following"} for c in tok.children)):
                return []  # "after protests by farmers": the doer of another event
        if tok.i != trig.token.i:
            return []
        mention = view.covered[noun.i]
        return [] if mention.locative else view.list_around(mention, set(trig.tokens))
    return []


_CLAUSE_OPENERS = frozenset({"as", "while", "whereas", "when"})
_CONDITIONS = frozenset({"if", "unless"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _surface_clauses(view: SentenceView, trig: Trigger) -> list[int]:
    """Where a clause of its own starts after the trigger, read off the surface: "as"/"while"/"when" followed by
    a finite verb ("Israeli jets struck Gaza as Hamas fired rockets", with "as" parsed as a preposition): whoever
    that clause names acts in it, so a surface target is not sought past it."""
    out = []
    last = max(trig.tokens)
    for i in range(last + 1, min(len(view.doc), last + 1 + _TARGET_REACH)):
        if view.doc[i].lower_ in _CLAUSE_OPENERS and any(
                t.tag_ in _FINITE for t in view.doc[i + 1:min(len(view.doc), i + 8)]):
            out.append(i)
            break
    return out


def _condition_subject(view: SentenceView, trig: Trigger, exclude: set[int]) -> list[ActorMention]:
    """Whom a threat is aimed at when it names no one before its condition: the subject of its "if"/"unless"
    clause ("Beijing threatened serious consequences if Nancy Pelosi visited Taiwan": Pelosi)."""
    if trig.entry.type != "THREATEN":
        return []
    last = max(trig.tokens)
    for i in range(last + 1, min(len(view.doc), last + 1 + _TARGET_REACH)):
        if view.doc[i].lower_ in (";", ":"):
            return []
        mention = view.covered.get(i)
        if mention is not None and not mention.locative and i not in exclude:
            return []  # "threatened to abandon its deal with the EU unless ...": the threat names its target
        if view.doc[i].lower_ not in _CONDITIONS:
            continue
        return _clause_subject(view, i + 1, exclude)
    return []


def fallback_roles(view: SentenceView, trig: Trigger, sources: list[ActorMention], targets: list[ActorMention],
                   passive: bool, words: WordClasses, keep_target: bool = False
                   ) -> tuple[list[ActorMention], list[ActorMention], bool]:
    """Roles the tree left empty, from the nearest mentions around the trigger: the parser often attaches an
    argument to the wrong head ("donated fuel to Lebanon's army" parsed as a noun phrase), and a role read off the
    surface is right far more often than none. Whether anything was filled this way is returned, to lower the
    event's confidence."""
    exclude = set(trig.tokens)
    used = False
    if trig.entry.pos == "N" and trig.entry.type == "CONSULT":
        return sources, targets, used  # a meeting noun's parties are in its own phrase or nowhere
    if not sources and passive:
        sources = [m for m in _stray_agent(view, trig) if m not in targets]
        used = bool(sources)
    mutual = "recip" in trig.entry.flags or (trig.entry.type in _MUTUAL_TYPES and not _pledged_thing(view, trig, words))
    if not targets and not keep_target and not (mutual and len(sources) > 1):  # "A and B announced a truce"
        # not into a coordinated clause of its own ("condemned the attack and blamed the government")
        # a coordinated clause starts at its own first word ("refused to dismantle it, and the Hanoi summit
        # collapsed"): the conjunct's left edge, past the trigger
        clauses = [max(c.left_edge.i, max(trig.tokens) + 1) for c in view.children(trig.token, "conj")
                   if c.pos_ in ("VERB", "AUX") and c.i > trig.token.i]
        # nor into a subordinate clause with a subject of its own ("Israeli jets struck Gaza as Hamas fired
        # rockets"): whoever that clause names acts in it
        clauses += [max(c.left_edge.i, max(trig.tokens) + 1) for c in view.children(trig.token, "advcl", "parataxis")
                    if c.i > max(trig.tokens) and view.subject(c) + view.passive_subject(c) and (
                        dep(c) == "parataxis" or any(m.lower_ in _WHILE for m in view.children(c, "mark")))]
        clauses += _surface_clauses(view, trig)
        reach = min([_TARGET_REACH] + [i - max(trig.tokens) - 1 for i in clauses])
        adjuncts = words.words.get("adjunct", frozenset()) - set(trig.entry.target)
        found = _condition_subject(view, trig, exclude | _tokens_of(view, sources)) or [
            m for m in view.linear_group(max(trig.tokens), 1, exclude | _tokens_of(view, sources),
                                         limit=reach, skip_places=True)
                 if m not in sources and not view.in_adjunct(m, trig.token, adjuncts) and not view.is_venue(m)
                 and not view.reporter_of(m, trig.token, words.forms["speech"])]
        if found:
            targets, used = found, True
    if not sources and not passive and _may_borrow_source(trig):
        found = [m for m in view.linear_group(min(trig.tokens), -1, exclude, limit=_SOURCE_REACH)
                 if m not in targets]
        if found:
            sources, used = found, True
    return sources, targets, used


# ---- the sentence coder --------------------------------------------------------------------------------------

_ASSEMBLE = frozenset({"gather", "rally", "converge", "mass", "march"})  # crowd verbs officials also do
_OFFICIALS = frozenset({"GOV", "LEG", "JUD", "IGO"})
_CARRY_ON = frozenset({"continue", "keep", "resume", "pursue", "step", "press", "intensify", "escalate"})


def _complement_trigger(view: SentenceView, trig: Trigger, by_token: dict[int, Trigger]) -> Trigger | None:
    """The event a control/intent verb governs: an xcomp child in the tree, "to" + trigger on the surface."""
    token = trig.token
    if view.has_deps:
        for child in token.children:
            if dep(child) in ("xcomp", "ccomp", "advcl") and child.i in by_token:
                return by_token[child.i]
            if dep(child) in ("obj", "acl") or (dep(child) == "xcomp" and child.pos_ != "VERB"):
                for grand in child.children:  # "spare no efforts to support"
                    if dep(grand) in ("acl", "xcomp", "advcl") and grand.i in by_token:
                        return by_token[grand.i]
            elif dep(child) == "xcomp" and child.lemma_.lower() in _CARRY_ON:
                for grand in child.children:  # "vowed to continue the fight", "vowed to keep fighting"
                    if dep(grand) in ("xcomp", "obj") and grand.i in by_token:
                        return by_token[grand.i]
        return None
    for j in range(max(trig.tokens) + 1, min(len(view.doc), max(trig.tokens) + 4)):
        if view.doc[j - 1].lower_ == "to" and j in by_token:
            return by_token[j]
    return None


def _unnamed_addressee(view: SentenceView, trig: Trigger) -> bool:
    """A request made to someone the sentence does not name as an actor ("urged both sides to spare civilians"):
    an object followed by the act asked of it is whom the request is addressed to, so the act asked for lends the
    request no target (unlike "demanded an inquiry", whose object is what is asked for)."""
    token = trig.token
    return view.has_deps and trig.entry.type == "REQUEST" and any(
        o.i not in trig.tokens for o in view.objects(token)) and any(
        c.pos_ in ("VERB", "AUX") and c.i > token.i for c in view.children(token, "xcomp", "advcl"))


def _is_state_agent(mention: ActorMention | None) -> bool:
    actor = mention.actor if mention else None
    return bool(actor and (actor.kind == "state" or (actor.sector or "") in _STATE_SECTORS))


def _absorbed_nouns(view: SentenceView, triggers: list[Trigger]) -> dict[int, Trigger]:
    """Verb trigger -> the nominal trigger of the same type that names the same act ("was martyred in a US
    attack", "killed in an air strike"): one event, whose source the noun's modifiers may give."""
    nouns = {t.token.i: t for t in triggers if t.entry.pos == "N"}
    out: dict[int, Trigger] = {}
    for trig in triggers:
        if trig.entry.pos != "V":
            continue
        if view.has_deps:
            linked = [n for p, n in view.preps(trig.token) if p in ("in", "during", "by", "with") and n.i in nouns]
        else:
            end = max(trig.tokens)
            linked = [view.doc[j] for j in range(end + 2, min(len(view.doc), end + 6))
                      if j in nouns and view.doc[end + 1].lower_ in ("in", "during", "by")]
        for noun in linked:
            if nouns[noun.i].entry.type == trig.entry.type:
                out[trig.token.i] = nouns[noun.i]
                break
    return out


_SPEECH_ACT_TYPES = frozenset({"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE"})
# what announcing one's own future act of each cooperative type is coded as (CAMEO 03x)
_PROMISABLE = {"SUPPORT": "032", "COOPERATE": "031", "AID": "033", "CONSULT": "036", "CONCEDE": "035",
               "RETREAT": "035"}
_TIME_ADJUNCT = frozenset({"after", "during", "following", "amid", "before", "ahead"})
_ALONGSIDE = frozenset({"after", "during", "following", "in", "at", "amid"})  # a meeting the clause happened at
_MUTUAL_TYPES = frozenset({"AGREE", "CONSULT"})
_MEDIUM = frozenset({"in", "during", "by", "over", "via"})
_EXERCISES = frozenset({"exercise", "drill", "game", "manoeuvre", "maneuver"})


def _governed(view: SentenceView, trig: Trigger, by_token: dict[int, Trigger], words: WordClasses) -> bool:
    """Whether a trigger is the content of another event ("pledged to send", "urged Iran to withdraw", "praised
    them for resuming talks"): the governing event is coded, the act it announces is not a separate event."""
    if not view.has_deps:
        return False
    if _mediating_participle(view, trig, by_token):
        return False  # "agreed in a deal brokered by the United States": the mediation is an act of its own
    current = trig.token
    for _ in range(4):
        label, head = dep(current), current.head
        if head.i == current.i or label in ("conj", "relcl", "parataxis", "nsubj", "nsubjpass", "root"):
            return False
        governor = by_token.get(head.i)
        if governor is not None and words.lemma_in(governor.token, "deny"):
            return False  # "denies backing the group": the denied act is coded, negated
        if governor is not None and governor is not trig and "ctrl" not in governor.entry.flags:
            if trig.entry.pos == "N" and label == "obj" and governor.entry.type == "REQUEST":
                return True  # "demanded an inquiry": what is asked for has not happened
            if (trig.entry.pos == "N" and trig.entry.type == "AGREE" and label == "obj"
                    and governor.entry.type in ("REJECT", "AGREE")):
                return True  # "spurned the government's offer of talks": the refusal is the event
            if (trig.entry.pos == "N" and trig.entry.cameo == "110" and governor.entry.type == "CONSULT"
                    and label in ("obj", "obl", "nmod")):
                return True  # "discussed the Aegean dispute": a standing quarrel is the topic of the talks
            if trig.entry.pos == "N" and trig.entry.type in _SPEECH_ACT_TYPES | {"AGREE"}:
                return False  # "rejected UN accusations": the accusation is an event of its own
            if trig.entry.pos == "N" and current is trig.token and label == "obl" and any(
                    c.lower_ in _TIME_ADJUNCT for c in current.children if dep(c) in ("case", "mark")):
                # "did not agree after three days of talks", "called up reservists ahead of a possible invasion",
                # "after the US drone strike": an act the clause is timed by happened (or not) on its own
                return False
            if (trig.entry.type == "CONSULT" and trig.entry.pos == "N" and current is trig.token
                    and governor.entry.type != "CONSULT" and label == "obl"
                    and any(c.lower_ in _MEDIUM for c in current.children if dep(c) == "case")):
                return False  # "congratulated Putin in a phone call": the call is an event of its own
            if label == "ccomp" and _asks_whether(current):
                return False  # "asked whether Russia would agree": a question, the act coded as hypothetical
            if label == "advcl" and own_clause(current, words):
                return False  # "agreed to lay down arms a day after Azerbaijan launched an offensive": told apart
            return label in ("xcomp", "ccomp", "advcl", "acl", "pcomp", "obj", "obl", "nmod")
        current = head
    return False


_MEDIATION = "045"  # CAMEO mediate


_HOSTING = "043"  # CAMEO host a visit
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _mediating_participle(view: SentenceView, trig: Trigger, by_token: dict[int, Trigger]) -> bool:
    """A mediation told by a participle on the pact or exchange it brought about ("a deal brokered by the United
    States", "a swap mediated by Saudi Arabia"), or the hosting of a meeting told by one on the meeting ("after
    talks in Beijing hosted by China"): the host, like a mediator, acts towards the parties who meet."""
    token = trig.token
    if dep(token) != "acl" or token.tag_ not in ("VBN", "") or token.head.i == token.i:
        return False
    if trig.entry.cameo.startswith(_MEDIATION):
        return True
    meeting = by_token.get(token.head.i)
    return (trig.entry.cameo.startswith(_HOSTING) and meeting is not None and meeting.entry.pos == "N"
            and meeting.entry.type == "CONSULT")


def _mediated_parties(view: SentenceView, trig: Trigger, sources: list[ActorMention]) -> list[ActorMention]:
    """Whom a mediation told by a participle was between: the subjects of the clause whose pact or exchange it
    brought about ("Morocco and Israel agreed ... in a deal brokered by the United States": Morocco and Israel)."""
    clause, steps = trig.token.head, 0
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i and steps < 4:
        clause, steps = clause.head, steps + 1
    if clause.pos_ not in ("VERB", "AUX"):
        return []
    exclude = set(trig.tokens)
    found = [m for s in view.subject(clause) for m in view.mentions_under(s, exclude) if m not in sources]
    return _fan_out(view, found, exclude, sources) if found else []


def _asks_whether(clause: Token) -> bool:
    """Whether a complement clause is an indirect question ("whether ...", "if ...")."""
    return any(dep(c) == "mark" and c.lower_ in ("whether", "if") for c in clause.children)


def _light_use(view: SentenceView, trig: Trigger, by_token: dict[int, Trigger], words: WordClasses) -> bool:
    """A weak one-word verb trigger that is also a light verb, used as one: its object is a nominal event of
    another type ("gave Niger an ultimatum", "made an offer"), which is then the act, the verb's subject its
    source."""
    if (not view.has_deps or trig.entry.pos != "V" or len(trig.tokens) > 1 or "weak" not in trig.entry.flags
            or not words.lemma_in(trig.token, "light")):
        return False
    return any(dep(c) in ("obj", "dobj") and c.i in by_token and by_token[c.i].entry.pos == "N"
               and by_token[c.i].entry.type != trig.entry.type for c in trig.token.children)


def _question_verb(view: SentenceView, trig: Trigger) -> bool:
    """A request verb whose complement is an indirect question ("asked whether"): an inquiry, not a demand."""
    return view.has_deps and trig.entry.type == "REQUEST" and any(
        dep(c) == "ccomp" and _asks_whether(c) for c in trig.token.children)


_FIRST_PERSON = frozenset({"we", "i"})


def _first_person_subject(view: SentenceView, token: Token, words: WordClasses) -> bool:
    """Whether the trigger's subject (own or controlling) is "we" or "I", as in a quote's own words."""
    if not view.has_deps:
        return False
    subjects = view.subject(token) or control_subject(view, token, words)
    return any(t.lower_ in _FIRST_PERSON for t in subjects)


_VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "office", "ministry", "government", "leader",
                     "leaders", "organiser", "organisers", "organizer", "organizers", "president", "lawyer",
                     "lawyers", "statement", "agency"})


def _own_voice(speaker: Token) -> str | None:
    """The noun of a speaker that is the actor's own voice rather than a third party: "his office", "its
    president", "a spokesman", "the group's leaders", "organisers"."""
    if speaker.lower_ not in _VOICES:
        return None
    owned = any(dep(c) == "poss" for c in speaker.children)
    bare = speaker.lower_ in ("spokesman", "spokeswoman", "spokesperson", "organisers", "organizers")
    return speaker.lower_ if owned or bare else None


def _preceding_message(view: SentenceView, trig: Trigger, triggers: list[Trigger]) -> Trigger | None:
    """The nearest communication noun (call, message, letter) before a trigger, within the sentence."""
    before = [t for t in triggers if t.entry.pos == "N" and t.entry.type == "CONSULT" and t.token.i < trig.token.i]
    return before[-1] if before else None


def _inanimate_subject(view: SentenceView, trig: Trigger, by_token: dict[int, Trigger]) -> bool:
    """An active verb whose subject phrase names no actor, no event and no pronoun: a thing, not a party."""
    if not view.has_deps or trig.entry.pos != "V" or view.is_passive(trig.token):
        return False
    subjects = view.subject(trig.token)
    if not subjects:
        return False
    for subj in subjects:
        phrase = range(subj.left_edge.i, subj.right_edge.i + 1)
        if any(view.doc[i].pos_ in ("PRON", "PROPN") or i in view.covered or i in by_token for i in phrase):
            return False
    return True


def _instrument_subject(view: SentenceView, trig: Trigger, words: WordClasses) -> bool:
    """A hostile act whose subject is a weapon or craft ("army jets bombed", "drones struck"): an unnamed force
    acted, unlike a drought or a heatwave."""
    instruments = words.words.get("instrument", frozenset())
    return cameo_code(trig.entry.cameo).quad_class >= 3 and any(
        t.lower_ in instruments for t in view.subject(trig.token))


def _crowd_source(view: SentenceView, trig: Trigger) -> list[ActorMention]:
    """A civilian group for a protest whose subject (or `by` agent) is a crowd noun no actor stands for: the
    stage places it in the country the sentence names."""
    if not view.has_deps:
        return []
    token = trig.token
    holders = list(view.subject(token)) if trig.entry.pos != "N" else []
    holders += [n for p, n in view.preps(token) if p == "by"]
    if not holders and view.is_passive(token):
        holders = [n for p, n in view.preps(token) if p == "by"]
    sectors = crowd_sectors()
    for holder in holders:
        phrase = view.doc[holder.left_edge.i:holder.right_edge.i + 1]
        if any(t.i in view.covered and not view.covered[t.i].locative for t in phrase):
            continue  # an actor of its own is named there ("Kenyan doctors")
        sector = next((sectors[t.lower_] for t in phrase if t.lower_ in sectors), None)
        if sector is None:
            continue
        start = view.sentence.start + phrase[0].idx
        end = view.sentence.start + phrase[-1].idx + len(phrase[-1].text)
        actor = Actor(phrase.text, sector, "group", None, sector)
        return [ActorMention(start, end, phrase.text, view.sentence.index, actor, rule="crowd")]
    return []


_CALLING = frozenset({"call", "called", "calls", "calling"})


@lru_cache(maxsize=1)
def evaluations() -> dict[str, str]:
    """Judgement words and their polarity (`data/events/evaluations.tsv`)."""
    return {row["word"]: row["polarity"] for row in read_tsv("events", "evaluations.tsv")}


def _evaluation(view: SentenceView, trig: Trigger) -> str | None:
    """The polarity of what a verb of calling says its object is ("called the deal a victory", "described the
    arrests as politically motivated"): "neg", "pos" or None when the verb is no such judgement."""
    token = trig.token
    if not ("evaluative" in trig.entry.flags or (token.lower_ in _CALLING and trig.entry.type == "CONSULT")):
        return None
    if not view.objects(token):
        return None
    complements = [c for c in token.children if dep(c) in ("xcomp", "oprd", "advcl") or (
        dep(c) in ("obl", "advcl") and any(g.lower_ == "as" for g in c.children))]
    words = evaluations()
    for comp in complements:
        found = {words[t.lower_] for t in comp.subtree if t.lower_ in words}
        if len(found) == 1:
            return found.pop()
    return None


def _evaluative_entry(entry: Entry, verdict: str) -> Entry:
    """The entry a judgement is coded with: ACCUSE disapprove (111) or SUPPORT praise (051)."""
    code = cameo_code("111" if verdict == "neg" else "051")
    return dataclasses.replace(entry, cameo=code.code, type=code.type, mode=code.mode, source=("subj",),
                               target=("obj",), flags=entry.flags - {"weak", "evaluative"}, contexts=code.contexts)


def _hosts_a_thing(view: SentenceView, trig: Trigger) -> bool:
    """A verb whose object is its source ("hosted the Saudi crown prince") taking an object that names no actor
    at all ("host the World Cup", "received the report")."""
    if not view.has_deps or trig.entry.pos != "V" or "obj" not in trig.entry.source or view.is_passive(trig.token):
        return False
    objects = [o for o in view.objects(trig.token) if o.i not in trig.tokens]
    return bool(objects) and not any(view.mentions_under(o, set(trig.tokens)) for o in objects)


def _figurative_object(view: SentenceView, trig: Trigger, words: WordClasses) -> bool:
    """A single-word hostile verb trigger whose direct object is a figurative noun ("place", "initiative");
    cooperative verbs keep such objects literally ("promised Hamas a role in the government")."""
    if (not view.has_deps or trig.entry.pos != "V" or len(trig.tokens) > 1
            or cameo_code(trig.entry.cameo).quad_class < 3):
        return False
    figures = words.words.get("figurative", ())
    return any(dep(c) == "obj" and c.lemma_.lower() in figures for c in trig.token.children)


_JUDGED_TYPES = frozenset({"ACCUSE", "SUPPORT"})  # judging an act presupposes it was done


def _idle_noun(view: SentenceView, trig: Trigger, words: WordClasses, triggers: dict[int, Trigger]) -> bool:
    """A nominal event with no actor of its own standing as a clause's subject or as a copula's predicate:
    "Support for the ruling party has fallen", "the threat of a trade war hangs over markets", "the axis is more a
    slogan than an alliance" talk about the act without anyone doing it. A verb of occurring tells it happened
    ("fighting erupted between the army and the RSF"), and so does one of what it caused ("the expulsion of Russian
    diplomats prompted a response") or a passive verb telling an answer to it or a report of it ("the withdrawal
    was confirmed by Ukraine", "the arrest was condemned", "the mediation was praised"); what is demanded or
    rejected ("the pardon was demanded", "the proposal was rejected") need not have been done."""
    if not view.has_deps or trig.entry.pos != "N":
        return False
    token = trig.token
    while dep(token) == "compound" and token.head.i != token.i:  # "the sanctions regime has failed"
        token = token.head
    if dep(token) in ("nsubj", "nsubjpass"):
        head = token.head
        if dep(token) == "nsubjpass" and (words.lemma_in(head, "speech") or (
                head.i in triggers and triggers[head.i].entry.type in _JUDGED_TYPES)):
            return False
        return not (words.lemma_in(head, "occur") or words.lemma_in(head, "elicit"))
    return any(dep(c) == "cop" for c in token.children) or dep(token) == "attr"


def _pact_object(view: SentenceView, trig: Trigger, words: WordClasses) -> bool:
    """Whether a verb of sealing has for object something its subjects made together ("Vietnam and the United
    States signed a strategic partnership"): then each subject acts towards the others."""
    if not view.has_deps or not words.lemma_in(trig.token, "seal"):
        return False
    pacts = words.words.get("pact", ())
    made = view.passive_subject(trig.token) if view.is_passive(trig.token) else view.objects(trig.token)
    return any(o.lower_ in pacts or o.lemma_.lower() in pacts for o in made)  # "the agreement was signed by A and B"


def _act_object(view: SentenceView, trig: Trigger, by_token: dict[int, Trigger], words: WordClasses) -> str | None:
    """The type of an earlier act a verb's object refers back to ("condemned the strikes", "welcomed the
    decision"): a definite event noun, or a word for an act in general ("the move": ""), naming no actor in its
    own phrase. None when the object is anything else."""
    if not view.has_deps:
        return None
    for obj in view.objects(trig.token):
        if obj.i in trig.tokens or not any(dep(c) == "det" and c.lower_ in ("the", "this", "these", "that", "those")
                                           for c in obj.children):
            continue
        if any(i in view.covered for i in range(obj.left_edge.i, obj.right_edge.i + 1)):
            continue
        if obj.lower_ in words.words.get("pact", ()) or obj.lemma_.lower() in words.words.get("pact", ()):
            return None  # a deal or truce has two doers or more: no one target
        noun = by_token.get(obj.i)
        if noun is not None and noun.entry.pos == "N":  # an agreement or talks have two doers: no one target
            return None if noun.entry.type in _MUTUAL_TYPES else f"{noun.entry.type} {noun.entry.lemma}"
        if obj.lemma_.lower() in words.words.get("act", ()) or obj.lower_ in words.words.get("act", ()):
            return ""
    return None


def _act_agents(view: SentenceView, trig: Trigger, sources: list[ActorMention]) -> list[ActorMention]:
    """The doer of what an active verb's object names, given by a "by" phrase: after that object, where the parser
    hangs it on the verb or keeps it on the noun ("denounced the seizure of its plane by the United States"), or
    on a participle of the noun ("ready to accept a ceasefire proposed by Washington"): an active verb has no
    agent of its own, so the phrase can only be the act's or the proposal's."""
    if view.is_passive(trig.token):
        return []
    verbs = [trig.token] + [c for c in trig.token.children if dep(c) == "xcomp" and c.pos_ in ("VERB", "AUX")]
    objects = [o for v in verbs for o in view.objects(v) if o.i not in trig.tokens]
    if not objects:
        return []
    after = max(o.i for o in objects)
    heads = [n for p, n in view.preps(trig.token) if p == "by" and n.i > after]
    heads += [n for o in objects for p, n in view.preps(o) if p == "by"]
    heads += [n for o in objects for c in o.children if dep(c) == "acl" and c.tag_ in ("VBN", "")
              for p, n in view.preps(c) if p == "by"]
    # the phrase's own head must be the actor: "offered by the country's creditors" names no creditor
    found = [m for n in heads if n.i in view.covered for m in view.mentions_under(n, set(trig.tokens))
             if m not in sources]
    return _fan_out(view, found, set(trig.tokens), sources) if found else []


_RESPONSE_TYPES = frozenset({"AGREE", "REJECT", "SUPPORT", "ACCUSE"})  # acts answering someone's act or proposal


_FORCES = frozenset({"MIL", "COP"})
_AWAY_TYPES = frozenset({"SANCTION", "RETREAT"})  # acts whose "from" argument is the party turned away from
_HANDING_TYPES = frozenset({"COOPERATE", "AID"})  # acts whose passive "from" argument is who handed over


def _forces_moved(mention: ActorMention, sources: list[ActorMention]) -> bool:
    """Troops a MOBILIZE moves are what is moved, not whom it is aimed at: "deployed extra troops", "Turkish
    authorities deployed special forces" (the mover's own or unplaced forces)."""
    actor = mention.actor
    return actor.sector in _FORCES and (not actor.country or any(
        s.actor.country == actor.country for s in sources))


def _speakers(view: SentenceView, trig: Trigger) -> list[ActorMention]:
    """The parties of an exchange, call or talks named without them ("In the 14 December exchange, ... with
    Abdollahian declaring ... while Haniyeh extended greetings"): the actors who are the subjects of the sentence's
    other clauses, when there are two or more of them."""
    if not view.has_deps:
        return []
    found: list[ActorMention] = []
    for token in view.doc:
        if token.i in trig.tokens or token.pos_ not in ("VERB", "AUX"):
            continue
        subjects = view.subject(token)
        if not subjects and token.i > 0 and token.i - 1 in view.covered:  # "with Abdollahian declaring that ..."
            before = view.doc[token.i - 1]
            subjects = [before] if any(c.lower_ == "with" for c in view.doc[view.head_index(before)].children
                                       if dep(c) == "case") else []
        for subj in subjects:
            mention = view.covered.get(subj.i)
            if mention is not None and not mention.locative and all(
                    m.actor.code != mention.actor.code for m in found):
                found.append(mention)
    return found if len(found) > 1 else []


def _opposed_label(view: SentenceView, trig: Trigger) -> bool:
    """A nominal event standing as what a struggle, campaign or protest is against ("the struggle against the
    occupation", "a march against the blockade"): the name of a state of affairs opposed, not an act the sentence
    tells."""
    token = trig.token
    if not view.has_deps or trig.entry.pos != "N":
        return False
    if any(dep(c) == "case" and c.lower_ == "against" for c in token.children):
        governor = token.head
    elif dep(token) == "pobj" and token.head.lower_ == "against":
        governor = token.head.head
    else:
        return False
    return governor.i != token.i and governor.pos_ in ("NOUN", "PROPN")

_CIVILIAN_SECTORS = frozenset({"CVL", "EDU", "LAB", "AGR", "OPP", "MED", "REF"})
_LETHAL = ("181", "183", "186", "202", "203", "204", "1823")  # abductions, bombings, killings stay ASSAULT
# what a crowd's forceful act against the state is as dissent, by the CAMEO code it was read with
_CROWD_ACTS = {"171": "145", "191": "144", "172": "144", "192": "141", "170": "145"}




_COURTS = frozenset({"court", "tribunal", "judge", "judges", "courts"})
_PRIVATE_SECTORS = frozenset({"JRN", "CVL", "REF", "EDU", "NGO", "OPP", "MED", "REL", "BUS", "LAB", "AGR"})


def _sanction_reading(view: SentenceView, trig: Trigger, cameo: str, source: ActorMention | None,
                      target: ActorMention | None) -> str | None:
    """A coercive act that is a sanction by who does it to whom: a court jailing someone convicts them ("a Cairo
    court jailed the former president"); a ban one state or bloc puts on another's people or goods is an
    international sanction ("the EU banned Russian state media"); a state quitting an intergovernmental body reduces
    relations with it."""
    if source is None:
        return None
    head = trig.entry.head
    if (cameo.startswith("166") and head == "expel" and target is not None
            and (target.actor.sector or "") in _PRIVATE_SECTORS):
        return "174"  # "expelled a BBC correspondent": individuals are deported; diplomats and missions expelled
    if (cameo.startswith(("0874", "0831")) and head in ("withdraw", "pull", "quit") and target is not None
            and target.actor.sector == "IGO" and not target.actor.country
            and (head == "quit" or not view.objects(trig.token))):
        return "161"  # "Burkina Faso withdrew from ECOWAS": a member leaving a bloc cuts relations, it does not retreat
    if cameo.startswith("173") and head in ("jail", "imprison") and (source.actor.sector == "JUD" or any(
            t.lower_ in _COURTS for s in view.subject(trig.token) for t in s.subtree)):
        return "116"  # the court may be named only by its city ("a Cairo court")
    if (cameo.startswith("172") and head == "ban" and target is not None and target.actor.country
            and target.actor.country != source.actor.country
            and (source.actor.country or source.actor.sector == "IGO")):
        return "163"
    return None


def _civilian(mention: ActorMention | None) -> bool:
    return mention is not None and (mention.actor.sector or "") in _CIVILIAN_SECTORS


def _crowd(mention: ActorMention) -> bool:
    """A civilian actor named as many people ("protesters", "students", "angry crowds"), not one person."""
    last = mention.text.lower().split()[-1] if mention.text.strip() else ""
    return _civilian(mention) and mention.actor.kind != "person" and (last.endswith("s") or last in (
        "crowd", "mob", "youth", "people", "public"))


def crowd_protest(trig: Trigger, type_: str, cameo: str, words: WordClasses, source: ActorMention | None,
                  target: ActorMention | None) -> str | None:
    """The PROTEST code of a civilian crowd's forceful act against the state or its property: protesters who
    "clashed with police", "stormed parliament", "torched a police station" or "blockaded the border" riot or
    obstruct; they do not wage war. Workers' "strike" is a labour strike. Killing, abducting and bombing stay
    ASSAULT, and so does violence between civilians."""
    if type_ not in ("ASSAULT", "COERCE") or source is None or not _crowd(source) or _civilian(target):
        return None
    if trig.entry.head in words.words.get("lethal", ()):
        return None
    if trig.entry.head == "strike" and trig.entry.pos == "N" and source.actor.sector in ("LAB", "EDU", "MED"):
        return "143"
    if type_ == "ASSAULT":
        return None if cameo.startswith(_LETHAL) else "145"
    return next((code for prefix, code in _CROWD_ACTS.items() if cameo.startswith(prefix)), None)


def _planned_act(view: SentenceView, trig: Trigger, words: WordClasses) -> bool:
    """A nominal event that a verb of planning has as its object or passive subject ("the plan foresees talks",
    "a visit is scheduled for June"): it has not happened yet."""
    token = trig.token
    if not view.has_deps or trig.entry.pos != "N" or token.head.i == token.i:
        return False
    plans = _class_forms(words.words.get("plan", frozenset()))
    return dep(token) in ("obj", "nsubjpass") and (token.head.lower_ in plans or token.head.lemma_.lower() in plans)


def _described_condition(view: SentenceView, trig: Trigger, words: WordClasses,
                         sources: list[ActorMention]) -> bool:
    """A past participle that describes rather than reports: the complement of a verb of persisting ("access
    remains restricted"), or a cooperative act modifying the thing it made with no one named doing it ("the
    agreement, signed in 2015, limits ...")."""
    token = trig.token
    if not view.has_deps or trig.entry.pos != "V" or token.tag_ != "VBN":
        return False
    if dep(token) in ("xcomp", "acomp") and token.head.i != token.i and (
            token.head.lower_ in _class_forms(words.words.get("persist", frozenset()))):
        return True
    return (dep(token) == "acl" and not sources and cameo_code(trig.entry.cameo).quad_class <= 2
            and not any(p == "by" for p, _ in view.preps(token)))


def _described_state(view: SentenceView, trig: Trigger, words: WordClasses) -> bool:
    """A nominal event standing as the subject of a verb that says how things stand ("remain", "has deepened")."""
    if not view.has_deps or trig.entry.pos != "N" or dep(trig.token) not in ("nsubj", "nsubjpass"):
        return False
    head = trig.token.head
    return head.lower_ in _class_forms(words.words.get("persist", frozenset())) or (
        head.lemma_.lower() in words.words.get("persist", ()))


@lru_cache(maxsize=4)
def _class_forms(class_words: frozenset[str]) -> frozenset[str]:
    """Every verb form of a word class's words."""
    return frozenset(form for word in class_words for form in inflections(word, "V"))


_BODILY = "182"  # CAMEO physical assault: beating, torture, sexual violence; its victims are people


def _whole_state(mention: ActorMention) -> bool:
    """A state named as such (not its government, army or people)."""
    actor = mention.actor
    return actor.kind == "state" and bool(actor.country) and actor.code == actor.country


def _same_bloc(a: ActorMention, b: ActorMention, mentions: list[ActorMention]) -> bool:
    """Two members of one bloc of more than two, read off the same words."""
    return (a.start, a.end) == (b.start, b.end) and sum(
        (m.start, m.end) == (a.start, a.end) for m in mentions) > 2


def _each_other(view: SentenceView, trig: Trigger) -> bool:
    """"Britain and Iran released each other's tankers": the subjects act on one another."""
    if not view.has_deps:
        return False
    words = [t.lower_ for t in view.doc[trig.token.i:trig.token.right_edge.i + 1]]
    return any(a in ("each", "one") and b in ("other", "another") for a, b in itertools.pairwise(words))


def code_sentence(view: SentenceView, index: LexiconIndex, words: WordClasses) -> list[Candidate]:
    """All events one sentence states, one candidate per source–target pair."""
    # idioms holding a trigger word ("struck a balance") take their words from shorter readings, then drop out
    triggers = [t for t in find_triggers(view, index) if t.entry.type != NOT_EVENT]
    by_token = {t.token.i: t for t in triggers}
    acts = words.words.get("act", frozenset())
    view.event_nouns = frozenset([t.token.i for t in triggers if t.entry.pos == "N"] + [
        tok.i for tok in view.doc if tok.pos_ == "NOUN" and tok.lower_ in acts])
    absorbed = _absorbed_nouns(view, triggers)
    absorbed_ids = {id(t) for t in absorbed.values()}
    out: list[Candidate] = []
    for trig in triggers:
        entry, token = trig.entry, trig.token
        if id(trig) in absorbed_ids:
            continue
        complement = _complement_trigger(view, trig, by_token)
        if "ctrl" in entry.flags and complement is not None:
            continue  # "helped to equip": only the equipping is an event
        if entry.type == "REJECT" and complement is not None and complement.entry.type == "REJECT":
            continue  # "refused to rule it out", "declined to reject": two refusals leave the act open
        if "ctrl" not in entry.flags and _governed(view, trig, by_token, words):
            continue
        if complement is not None and words.lemma_in(token, "deny"):
            continue  # the denial is told by the denied act, negated, with the denier as its reporter
        if _question_verb(view, trig):
            continue
        if ("weak" in entry.flags and entry.pos == "V" and view.has_deps and dep(token) == "amod"
                and token.head.i > token.i and (token.i == 0 or view.doc[token.i - 1].pos_ not in _NOUN_POS | {"PRON"})):
            continue  # "the proposed law", "the disputed region": a participle describing a noun, not an act
        if _light_use(view, trig, by_token, words):
            continue  # "gave the junta an ultimatum": the ultimatum is the event, not a gift
        if ("transitive" in entry.flags and view.has_deps and not view.is_passive(token)
                and not view.objects(token)):
            continue  # "the threat hangs over markets": no one is hanged
        if _hosts_a_thing(view, trig):
            continue  # "Qatar is the first Arab country to host the World Cup": a venue, not a visit
        if _figurative_object(view, trig, words):
            continue  # "occupies a prominent place", "seized the initiative": no one is occupied or seized
        verdict = _evaluation(view, trig) if view.has_deps else None
        if verdict is not None:
            trig = Trigger(token, _evaluative_entry(entry, verdict), trig.tokens)
            entry = trig.entry  # "called the election a sham", "described the talks as constructive"
        elif "evaluative" in entry.flags:
            continue
        elif "weak" in entry.flags and entry.pos == "V" and view.has_deps and complement is None and any(
                dep(c) in ("xcomp", "oprd", "ccomp") for c in token.children):
            continue  # "called him the martyr": not a phone call
        type_, cameo, mode, contexts = entry.type, entry.cameo, entry.mode, list(entry.contexts)
        vowing = type_ == "THREATEN" or (type_ == "AGREE" and (words.lemma_in(token, "promise") or entry.pos == "A"))
        if complement is not None and vowing and cameo_code(
                complement.entry.cameo).quad_class >= 3 and complement.entry.type != "REJECT":
            code = cameo_code(threat_codes().get(complement.entry.type, "130"))
            type_, cameo, mode, contexts = code.type, code.code, code.mode, list(code.contexts)
        sources, targets, method = resolve_roles(view, trig, words)
        noun = absorbed.get(token.i)
        if noun is not None:
            noun_sources, noun_targets, _ = resolve_roles(view, noun, words)
            sources = sources or [m for m in noun_sources if m not in targets]
            targets = targets or [m for m in noun_targets if m not in sources]
            if len(noun.entry.cameo) > len(cameo) or cameo.endswith("0") and not noun.entry.cameo.endswith("0"):
                cameo, mode = noun.entry.cameo, noun.entry.mode
            contexts = sorted(set(contexts) | set(noun.entry.contexts))
        if complement is not None and not targets and not _unnamed_addressee(view, trig):
            _, complement_targets, _ = resolve_roles(view, complement, words)
            targets = [m for m in complement_targets if m not in sources]
        if entry.pos == "V" and dep(token) == "acl" and token.tag_ == "VBG" and not view.subject(token):
            # "a phone call from X to Y, congratulating the movement": the caller congratulates
            message = _preceding_message(view, trig, triggers)
            if message is not None:
                sources = resolve_roles(view, message, words)[0] or sources
                targets = [m for m in targets if m not in sources] or [
                    m for m in _fill(view, trig, ("obj",), words, sources)]
        if view.has_deps and _mediating_participle(view, trig, by_token):
            agents = [m for p, n in view.preps(token) if p == "by" for m in view.mentions_under(n, set(trig.tokens))]
            sources = _fan_out(view, agents, set(trig.tokens), []) if agents else sources
            targets = [m for m in targets if m not in sources] or _mediated_parties(view, trig, sources)
        if _opposed_label(view, trig):
            continue  # "the struggle against the Zionist occupation": what is opposed, not an act told
        if not sources and "recip" in entry.flags and type_ == "CONSULT" and entry.pos == "N":
            speakers = _speakers(view, trig)  # "In the 14 December exchange, ... A declaring ... while B extended"
            if speakers and all(m in speakers for m in targets):
                sources, targets = speakers, []
        if not sources and _idle_noun(view, trig, words, by_token):
            continue
        if _described_condition(view, trig, words, sources):
            continue  # "access remains restricted", "the agreement, signed in 2015, limits": how things stand
        if _described_state(view, trig, words):
            continue  # "tensions between Serbia and Kosovo remain high": a state of affairs, whoever is in it
        if not sources and type_ in ("PROTEST", "ASSAULT", "COERCE"):
            crowd = _crowd_source(view, trig)  # "Tens of thousands marched", "truck drivers blockaded"
            if crowd and (type_ == "PROTEST" or crowd_protest(trig, type_, cameo, words, crowd[0],
                                                               targets[0] if targets else None)):
                sources = crowd
        if (not sources and type_ == "MOBILIZE" and entry.pos == "V" and view.has_deps and view.is_passive(token)
                and not any(p == "by" for p, _ in view.preps(token))):
            # "Thousands of Chadian troops were sent to the border": the troops' own state moves them (unless a
            # "by" phrase names who moved them)
            # (the forces may be the trigger's own object word: "troops were sent" is one entry, "Chadian troops"
            # one mention)
            sources = [m for t in view.passive_subject(token) for m in view.mentions_under(t, {token.i})]
            targets = [m for m in targets if m not in sources]
        instrument = not sources and _instrument_subject(view, trig, words)
        if not sources and not instrument and _inanimate_subject(view, trig, by_token):
            continue  # "Drought has killed thousands", "the heatwave could become": no actor acts
        first_person = not sources and _first_person_subject(view, token, words)
        fell_back = False
        about_act = _act_object(view, trig, by_token, words) if not targets and entry.pos == "V" else None
        if about_act is None and not targets and view.has_deps and _mediating_participle(view, trig, by_token) and any(
                dep(c) == "det" and c.lower_ in _DEFINITE for c in token.head.children):
            about_act = ""  # "The truce, brokered by Saudi and American mediators": between the parties told before
        if (about_act is not None or type_ in _RESPONSE_TYPES) and not targets and entry.pos in ("V", "A"):
            targets = _act_agents(view, trig, sources)
        if targets:
            about_act = None  # "denounced the seizure of its plane by the United States": the doer is named here
        if about_act is not None:
            targets = []  # whoever did that act is the target, found by the stage in the sentences before
        if method == "tree" and not first_person:
            passive = entry.pos in ("V", "A") and view.is_passive(token)
            sources, targets, fell_back = fallback_roles(view, trig, sources, targets, passive, words,
                                                         about_act is not None or _unnamed_addressee(view, trig))
            if "recip" in entry.flags and not sources and len(targets) > 1:
                sources, targets = targets[:1], targets[1:]  # "fighting erupted in Khartoum between A and B"
            if instrument:
                sources = []  # the jets' force is unnamed, not whoever is mentioned before them
        if type_ == "MOBILIZE":
            targets = [m for m in targets if not _forces_moved(m, sources)]
        if "verbal" in entry.flags and sources and _is_state_agent(sources[0]):
            code = cameo_code("114")
            type_, cameo, mode, contexts = code.type, code.code, code.mode, list(code.contexts)
        modality = read_modality(view, token, type_, "noneg" in entry.flags, words)
        speaker = None
        if modality.speaker is not None:
            found = view.mentions_under(modality.speaker, set(trig.tokens))
            speaker = found[0] if found else None
        spokesman = _own_voice(modality.speaker) if modality.speaker is not None and speaker is None else None
        hypothetical = modality.hypothetical or _planned_act(view, trig, words)
        if hypothetical and view.has_deps and _mediating_participle(view, trig, by_token):
            hypothetical = False  # "agreed to normalise relations in a deal brokered by X": the deal was brokered
        if modality.future and type_ in _PROMISABLE and speaker is not None and (
                not sources or sources[0].actor.code == speaker.actor.code):
            # "Norway said it would recognise Palestine": announcing one's own cooperation is a real AGREE
            code = cameo_code(_PROMISABLE[type_])
            type_, cameo, mode, contexts = code.type, code.code, code.mode, list(code.contexts)
            sources, hypothetical, speaker = sources or [speaker], False, None
        elif modality.future and type_ == "REJECT" and speaker is not None and (
                not sources or sources[0].actor.code == speaker.actor.code):
            hypothetical, speaker = False, None  # "Beijing said it would ignore the decision": a refusal made
        if (modality.future and type_ in _PROMISABLE and speaker is None and sources
                and modality.speaker is not None and modality.speaker.lower_ in _VOICES | {"minister"}):
            # "Mexico will send medical supplies to Cuba, the foreign minister said": its own announcement
            code = cameo_code(_PROMISABLE[type_])
            type_, cameo, mode, contexts = code.type, code.code, code.mode, list(code.contexts)
            hypothetical, spokesman = False, None
        if "warning" in entry.flags and cameo_code(entry.cameo).quad_class <= 2 and (
                speaker is None or speaker in sources):
            continue  # "Egypt played a key role": praise only in a speaker's mouth ("X said Hamas plays a key role")
        if "warning" in entry.flags and speaker is not None and speaker not in sources:
            # "Katz said Hezbollah would pay a heavy price": the speaker threatens the one who is to pay
            targets, sources, hypothetical, speaker = sources, [speaker], False, None
            modality = dataclasses.replace(modality, negated=False)
        if (type_ == "MOBILIZE" and entry.head in _EXERCISES and len(sources) > 1
                and len({m.actor.country for m in sources}) > 1):
            # "Russia and Belarus began military drills": exercises held together are joint ones (COOPERATE)
            code = cameo_code("062")
            type_, cameo, mode, contexts = code.type, code.code, code.mode, list(code.contexts)
            targets = []
        if type_ == "PROTEST" and entry.head in _ASSEMBLE and sources and all(
                (s.actor.sector or "") in _OFFICIALS for s in sources):
            continue  # "Kenyan and Somali officials gathered in Nairobi for talks": officials meeting, not a protest
        if type_ == "CONSULT" and "weak" in entry.flags and sources and all(_crowd(s) for s in sources):
            continue  # "refugees continue to arrive in Chad": crowds arriving make no visit
        if type_ == "AID" and "weak" in entry.flags and not targets and not about_act:
            continue  # aid goes to someone: "police gave no details", "gave a speech" name no recipient
        confidence = 0.55 if method == "surface" else 0.85
        if "weak" in entry.flags:
            confidence *= 0.7
        if not sources:
            confidence *= 0.85
        if fell_back:
            confidence *= 0.8
        if entry.pos == "N":
            confidence *= 0.9  # a nominal event ("Iranian support") is read with less evidence than a clause
        left = min(view.doc[i].left_edge.i for i in trig.tokens) if view.has_deps else 0
        right = max(view.doc[i].right_edge.i for i in trig.tokens) if view.has_deps else len(view.doc) - 1
        clause = (view.doc[left].idx, view.doc[right].idx + len(view.doc[right].text))
        if _each_other(view, trig) and len(sources) > 1:
            targets = []  # "Turkey and Syria lifted visa requirements for each other's citizens"
        if not targets and len(sources) > 1 and method != "elicited" and not cameo.startswith(_MEDIATION) and (
                (type_ in _MUTUAL_TYPES and not _pledged_thing(view, trig, words)) or "recip" in entry.flags or (type_ == "COOPERATE" and len(sources) == 2)
                or _each_other(view, trig) or _pact_object(view, trig, words)):
            # "A and B held talks"; the members of one bloc ("the Gulf states agreed") act together, not on each
            # other, unless the bloc is a pair ("the two Koreas"); mediators ("brokered by Saudi and American
            # mediators") act together towards the parties
            pairs = [(s, t) for s in sources for t in sources if s is not t and not _same_bloc(s, t, sources)]
            paired = {id(s) for s, _ in pairs}
            pairs += [(s, None) for s in sources if id(s) not in paired]
            mutual = True
        else:
            mutual = False
            pairs = [(s, t) for s in (sources or [None]) for t in (targets or [None])]
            if ("recip" in entry.flags and entry.pos == "N" and sources and targets  # "exercises between A and B"
                    and not _noun_governor_roles(view, trig, words)[0]):  # but "A held talks with B": A→B
                pairs += [(t, s) for s, t in pairs if (t, s) not in pairs]
        for source, target in pairs:
            if source is not None and target is not None and (
                    source is target or (source.actor.code and source.actor.code == target.actor.code)):
                target = None
            if source is None and target is None and not first_person:
                continue
            if target is not None and cameo.startswith(_BODILY) and _whole_state(target):
                continue  # "beating Djibouti and Canada" to a seat: a contest, since only people are beaten
            pair_type, pair_cameo, pair_mode, pair_contexts = type_, cameo, mode, contexts
            protest = (crowd_protest(trig, type_, cameo, words, source, target)
                       or _sanction_reading(view, trig, cameo, source, target))
            if protest is not None:
                code = cameo_code(protest)
                pair_type, pair_cameo, pair_mode, pair_contexts = code.type, code.code, code.mode, list(code.contexts)
                if protest == "116":  # a conviction is SANCTION convict (the guidelines follow PLOVER's manual)
                    pair_type, pair_mode = "SANCTION", "convict"
            out.append(Candidate(trigger=trig, type=pair_type, cameo=pair_cameo, mode=pair_mode,
                                 contexts=pair_contexts,
                                 source=source, target=target, negated=modality.negated,
                                 hypothetical=hypothetical, speaker=speaker,
                                 confidence=round(confidence, 3), coder=f"rules:{entry.rule}", clause=clause,
                                 first_person=first_person, spokesman=spokesman, mutual=mutual,
                                 about_act=about_act if target is None else None))
    return _blamed_doers(view, out)


_BLAMING = "112"  # CAMEO accuse: blaming or accusing someone names who did a deed


def _blamed_doers(view: SentenceView, cands: list[Candidate]) -> list[Candidate]:
    """An act condemned without its doer, in a clause coordinated with one that blames someone ("Britain condemned
    the chemical attack and blamed the Syrian government"): the one blamed is the doer, so the condemnation is
    aimed at them too, as it would be if the act were told in a sentence before."""
    out: list[Candidate] = []
    for cand in cands:
        blamed = [] if cand.about_act is None or cand.target is not None or not view.has_deps else [
            other.target for other in cands
            if other is not cand and other.target is not None and other.cameo.startswith(_BLAMING)
            and _same_actor(other.source, cand.source) and _coordinated(view, cand.trigger.token, other.trigger.token)]
        if not blamed:
            out.append(cand)
            continue
        for target in {id(m): m for m in blamed}.values():
            out.append(dataclasses.replace(cand, target=target, about_act=None))
    return out


def _same_actor(a: ActorMention | None, b: ActorMention | None) -> bool:
    return a is not None and b is not None and (a is b or (a.actor.code is not None and a.actor.code == b.actor.code))


def _coordinated(view: SentenceView, a: Token, b: Token) -> bool:
    """Whether two verbs are conjuncts of one another (either one the head of the coordination)."""
    return b in view.conjuncts(a) or a in view.conjuncts(b)
