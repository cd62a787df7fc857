"""Who does what to whom: the tree and surface helpers that turn a trigger's dependents into actor mentions.

A `SentenceView` wraps one parsed sentence with the actor mentions inside it. It reads both label sets a parser
may use (Universal Dependencies: obj, obl+case, nsubj:pass, nmod:poss; ClearNLP as in spaCy's own models: dobj,
prep+pobj, nsubjpass, poss, agent), and when a sentence has no dependency parse at all (the blank stand-in before
the backbone exists) it falls back to the nearest mentions left and right of the trigger.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any

from ..document import Actor, ActorMention, Sentence

Token = Any  # spacy.tokens.Token: kept untyped so this module does not import spaCy

_LABELS = {
    "dobj": "obj", "nsubj:pass": "nsubjpass", "csubj:pass": "nsubjpass", "nmod:poss": "poss",
    "aux:pass": "auxpass", "obl:agent": "agent", "acl:relcl": "relcl", "compound:prt": "prt", "nn": "compound",
    "obl:tmod": "tmod", "nmod:tmod": "tmod", "npadvmod": "npmod", "obl:npmod": "npmod", "nmod:npmod": "npmod",
    "flat:name": "flat", "det:poss": "poss",
}
# dependents that open a new clause: role search does not cross them
CLAUSE_EDGES = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis", "punct", "cc", "mark", "csubj",
                          "discourse", "dep", "list"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
PRONOUN_SUBJECTS = frozenset({"it", "this", "that"})
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "'re"})
_PERFECT = frozenset({"has", "have", "had", "'ve", "'d"})


_PARTICLES = frozenset({"over", "back", "out", "away", "up", "down", "off"})
_QUALIFYING = frozenset({"in", "from"})  # "soldiers in Niger", "refugees from Sudan": where a group is or is from
_SENDING = frozenset({"from", "of"})  # "envoys from Iran", "officials of both countries": whose people they are


def case_word(cases: list[Token]) -> str:
    """The preposition a noun's case markers stand for: a verb's particle the parser hung on the noun as well
    ("handed the suspect over to Turkish police") gives way to the preposition after it."""
    words = [c.lower_ for c in sorted(cases, key=lambda c: c.i)]
    while len(words) > 1 and words[0] in _PARTICLES:
        words = words[1:]
    return words[0]


def dep(token: Token) -> str:
    """The token's dependency label in one vocabulary (UD subtypes folded to ClearNLP-like names)."""
    label = token.dep_.lower()
    return _LABELS.get(label, label)


class SentenceView:
    """One sentence's parse with its actor mentions mapped onto tokens."""

    def __init__(self, doc: Any, sentence: Sentence, mentions: Iterable[ActorMention]) -> None:
        self.doc = doc
        self.sentence = sentence
        self.has_deps = doc.has_annotation("DEP")
        self.has_pos = doc.has_annotation("POS") or doc.has_annotation("TAG")
        self.mentions: list[ActorMention] = []
        self.head_of: dict[int, ActorMention] = {}  # token index of a mention's head -> mention
        self.covered: dict[int, ActorMention] = {}  # every token inside a mention -> mention
        self.tokens_of: dict[int, tuple[int, int]] = {}  # id(mention) -> (first, last) token index
        self.stacked: dict[int, list[ActorMention]] = {}  # id(mention) -> other referents of the same words
        self.event_nouns: frozenset[int] = frozenset()  # nouns naming an event: the coder sets them
        self._kept: list[ActorMention] = []  # state-agent stand-ins made by `_agents_of`
        for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
            span = self._token_range(mention)
            if span is None:
                continue
            first, last = span
            if any(i in self.covered for i in range(first, last + 1)):
                holder = self.covered.get(first)
                if holder is not None and self.tokens_of[id(holder)] == span:
                    self.stacked.setdefault(id(holder), []).append(mention)  # "they" = Norway, Ireland, Spain
                continue  # a mention nested in a longer one: the longer one speaks for both
            self.mentions.append(mention)
            self.tokens_of[id(mention)] = span
            for i in range(first, last + 1):
                self.covered[i] = mention
            self.head_of[self._head(first, last)] = mention

    def _token_range(self, mention: ActorMention) -> tuple[int, int] | None:
        start, end = mention.start - self.sentence.start, mention.end - self.sentence.start
        inside = [t.i for t in self.doc if t.idx < end and t.idx + len(t.text) > start]
        return (inside[0], inside[-1]) if inside else None

    def _head(self, first: int, last: int) -> int:
        if not self.has_deps:
            return last
        for i in range(first, last + 1):
            head = self.doc[i].head.i
            if head == i or not first <= head <= last:
                return i
        return last

    # ---- dependency helpers -------------------------------------------------------------------------------

    def children(self, token: Token, *labels: str) -> list[Token]:
        return [c for c in token.children if dep(c) in labels]

    def subject(self, token: Token) -> list[Token]:
        """Subjects of an active verb; a passive-subject label on a verb that is not passive in form ("students,
        doctors and lawyers demonstrated" mislabelled) counts as a subject."""
        if self.is_passive(token):
            return []
        if self.misparsed_main_verb(token):
            return [token.head]
        return self.children(token, "nsubj", "csubj", "expl", "nsubjpass")

    def passive_subject(self, token: Token) -> list[Token]:
        """The passive subject; a plain subject label on a verb passive in form ("who was martyred") counts."""
        found = self.children(token, "nsubjpass")
        if not found and self.has_deps and self.children(token, "auxpass"):
            found = self.children(token, "nsubj")
        return found

    def objects(self, token: Token) -> list[Token]:
        return self.children(token, "obj")

    def is_passive(self, token: Token) -> bool:
        if not self.has_deps:
            prev = [t.lower_ for t in self.doc[max(0, token.i - 3):token.i]]
            return token.lower_.endswith(("ed", "en", "wn", "ne")) and any(p in BE_FORMS for p in prev)
        if self.children(token, "auxpass"):
            return True
        if self.children(token, "nsubjpass"):
            auxes = [c.lower_ for c in self.children(token, "aux")]
            if any(a in _PERFECT for a in auxes) and not any(a in BE_FORMS for a in auxes):
                return False  # "Netanyahu has not spoken to ...": a perfect, whatever the subject's label
            return token.tag_ in ("VBN", "") or any(a in BE_FORMS for a in auxes)
        return dep(token) == "acl" and token.tag_ == "VBN" and not self.misparsed_main_verb(token)

    def misparsed_main_verb(self, token: Token) -> bool:
        """A finite verb the parser hung as a participle on the sentence's first noun ("Egypt called for a
        ceasefire." read as a noun phrase): in a full sentence, with no verb of its own and no "by" agent, the
        noun is the verb's subject. Headlines, which do drop "was" ("Protesters killed in Kenya"), have no stop."""
        head = token.head
        return (dep(token) == "acl" and dep(head) == "root" and head.pos_ in ("PROPN", "NOUN")
                and head.left_edge.i == 0 and head.i < token.i
                and not any(dep(c) in ("nsubj", "nsubjpass", "cop") for c in head.children)
                and self.sentence.text.rstrip().endswith(".")
                and not any(dep(c) == "agent" or c.lower_ == "by" for c in token.subtree))

    def preps(self, token: Token) -> Iterator[tuple[str, Token]]:
        """(preposition, noun) pairs attached to a token, in either label scheme."""
        for child in token.children:
            label = dep(child)
            clear_nlp = label in ("prep", "agent", "dative") and any(
                dep(c) in ("pobj", "pcomp") for c in child.children)
            if clear_nlp or (label in ("prep", "dative") and child.pos_ != "NOUN"):
                word = "by" if label == "agent" else child.lower_
                objects = self.children(child, "pobj", "pcomp", "obj")
                if label == "dative" and not objects:
                    yield "to", child
                for obj in objects:
                    yield word, obj
                    for conj in self.conjuncts(obj):
                        yield word, conj
            elif label in ("obl", "nmod", "agent", "advmod", "npmod", "obl:arg", "appos") or label.startswith("obl"):
                cases = [c for c in child.children if dep(c) == "case" and c.i < child.i]
                edge = child.left_edge
                if not cases and edge.i < child.i and dep(edge) == "case":
                    cases = [edge]  # "by General Qasem Soleimani": the parser hangs "by" on a name part
                particle = self.doc[edge.i - 1] if edge.i > 0 else None
                if cases:
                    yield case_word(cases), child
                elif label == "agent":
                    yield "by", child
                elif particle is not None and particle.head.i == token.i and dep(particle) == "prt":
                    # "called on Rwanda to withdraw": the preposition hung on the verb as its particle
                    yield particle.lower_, child

    def conjuncts(self, token: Token) -> list[Token]:
        out, todo = [], [token]
        while todo:
            for child in todo.pop().children:
                if dep(child) == "conj":
                    out.append(child)
                    todo.append(child)
        return out

    def mentions_under(self, root: Token, exclude: set[int]) -> list[ActorMention]:
        """The mention(s) nearest `root` in its subtree: the closest one, its conjuncts, or the members a
        "such as"/"including" phrase names; nothing inside `exclude` (the trigger's own words)."""
        if not self.has_deps:
            mention = self.covered.get(root.i)
            return [mention] if mention else []
        frontier, seen, depth = [root], set(), 0
        while frontier and depth < 6:
            heads = {t.i for t in frontier}  # a word's own mention beats its modifiers' ("Sudan's RSF")
            frontier = self._with_premodifiers(frontier, exclude)
            found = []
            for tok in frontier:
                mention = self.covered.get(tok.i)
                if mention is not None and mention.locative and tok.i != root.i:
                    mention = None  # "the leader of the revolution in Iran": a place inside the phrase, no actor
                if mention is not None and self._venue(tok, mention):
                    mention = None  # "the Damascus bombing", "the Doha meeting": where it happened, no party
                if mention is not None and tok.i not in exclude and id(mention) not in seen:
                    seen.add(id(mention))
                    found.append((tok, mention))
            if found:
                # one entity per argument: a person named in apposition beats the office's state ("Iran's
                # foreign minister, Abdollahian"); otherwise the leftmost; then whatever is coordinated with it
                found.sort(key=lambda pair: (pair[0].i not in heads and not any(
                    self.covered.get(h) is pair[1] for h in heads), pair[1].actor.kind != "person", pair[0].i))
                found = found[:1]
                group = [m for _, m in found]
                for tok, first in found:
                    head = self.doc[self._mention_head(tok)]
                    for conj in self.conjuncts(head) + self._apposed_conjuncts(head, first):
                        m = self.covered.get(conj.i)
                        if m is not None and id(m) not in seen and conj.i not in exclude:
                            seen.add(id(m))
                            group.append(m)
                members = self._members(root, exclude)
                return members or self._senders(group, exclude) or group
            nxt = []
            for tok in frontier:
                for child in tok.children:
                    if dep(child) not in CLAUSE_EDGES and child.i not in exclude:
                        nxt.append(child)
            frontier, depth = nxt, depth + 1
        return self._detached_apposition(root, exclude)

    def _venue(self, tok: Token, mention: ActorMention) -> bool:
        """A city standing for its state named as the compound modifier of an event noun: where the event took
        place ("the Damascus bombing", "the UN invitation to the Doha meeting"), not who took part."""
        return (mention.rule == "metonym" and dep(tok) == "compound" and tok.head.i in self.event_nouns
                and tok.head.i not in self.covered)

    def is_venue(self, mention: ActorMention) -> bool:
        """Whether a mention names where an event noun's event took place (see `_venue`)."""
        if id(mention) not in self.tokens_of:
            return False
        return self._venue(self.doc[self._head(*self.tokens_of[id(mention)])], mention)

    def _senders(self, group: list[ActorMention], exclude: set[int]) -> list[ActorMention]:
        """The states a group of unnamed nationality is from ("envoys from the United States and Iran", "officials
        of the two Koreas"): each acts through its own envoys, so the states stand in for the group. Empty when
        the group is not one such bare sector mention."""
        if len(group) != 1 or id(group[0]) not in self.tokens_of:
            return []
        actor = group[0].actor
        if not actor.sector or actor.country or actor.code != actor.sector:
            return []
        head = self.doc[self._head(*self.tokens_of[id(group[0])])]
        out: list[ActorMention] = []
        nouns = [noun for word, noun in self.preps(head) if word in _SENDING]
        for noun in nouns + [c for n in nouns for c in self.conjuncts(n) if c not in nouns]:
            mention = self.covered.get(noun.i)
            if (noun.i in exclude or mention is None or mention.locative or not mention.actor.country
                    or any((o.start, o.end) == (mention.start, mention.end) for o in out)):
                continue
            out.append(self._agents_of(mention, actor.sector) if mention.actor.kind == "state" else mention)
        return out

    def _agents_of(self, state: ActorMention, sector: str) -> ActorMention:
        """A state's mention standing for its own people of a sector ("envoys from Iran" → IRNGOV): the same words,
        coded as that state agent."""
        country = state.actor.country or state.actor.code
        agent = Actor(f"{state.actor.name} {sector}", country + sector, "group", country, sector)
        out = dataclasses.replace(state, actor=agent)
        if id(state) in self.tokens_of:  # a stacked referent has no span of its own, like the one it stands for
            self.tokens_of[id(out)] = self.tokens_of[id(state)]
        self._kept.append(out)  # ids stay valid while the view lives
        others = [m for m in self.stacked.get(id(state), []) if m.actor.kind == "state"]
        if others:  # "the two Koreas": each referent of the same words, as its own agent
            self.stacked[id(out)] = [self._agents_of(m, sector) for m in others]
        return out

    def _with_premodifiers(self, frontier: list[Token], exclude: set[int]) -> list[Token]:
        """The words and the modifiers stacked before them ("any US arms sales to Taiwan": "US" modifies
        "arms", which modifies "sales"): the doer named before a noun is as near to it as its own modifier, nearer
        than whoever its prepositional phrase names."""
        out, todo = list(frontier), list(frontier)
        while todo:
            tok = todo.pop()
            for child in tok.children:
                if (child.i < tok.i and dep(child) in ("compound", "amod", "poss") and child.i not in exclude
                        and child not in out):
                    out.append(child)
                    todo.append(child)
        return out

    def _apposed_conjuncts(self, head: Token, mention: ActorMention) -> list[Token]:
        """People coordinated with a person whose apposition the parser let swallow the list ("signed by Ali
        Shamkhani, the secretary of the council, and Musaed al-Aiban, the adviser": the second name hung as a
        conjunct inside the first one's apposition)."""
        if mention.actor.kind != "person":
            return []
        out = []
        for appos in self.children(head, "appos"):
            for tok in appos.subtree:
                other = self.covered.get(tok.i)
                if (dep(tok) == "conj" and other is not None and other is not mention and other.actor.kind == "person"
                        and any(c.lower_ in ("and", "or") for c in tok.children if dep(c) == "cc")):
                    out.append(tok)
        return out

    def _detached_apposition(self, root: Token, exclude: set[int]) -> list[ActorMention]:
        """"from Iran's foreign minister, Hossein Amir Abdollahian, to ...": the name the parser hung on another
        word as an apposition, right after a phrase that names no actor itself."""
        after = root.right_edge.i + 1
        if after + 1 >= len(self.doc) or self.doc[after].text != "," or after + 1 in exclude:
            return []
        mention = self.covered.get(after + 1)
        if mention is None or mention.locative or mention.actor.kind != "person":
            return []
        head = self.doc[self._mention_head(self.doc[after + 1])]
        return [mention] if dep(head) == "appos" else []

    def head_index(self, token: Token) -> int:
        """The head word of the mention covering `token` (the token itself when it is in none)."""
        return self._mention_head(token) if token.i in self.covered else token.i

    def _mention_head(self, token: Token) -> int:
        mention = self.covered[token.i]
        first, last = self.tokens_of[id(mention)]
        return self._head(first, last)

    def _members(self, root: Token, exclude: set[int]) -> list[ActorMention]:
        """Mentions introduced by "such as", "including", "particularly" inside the root's phrase."""
        from .lexicon import load_modality
        member_words = load_modality()["member"]
        left, right = root.left_edge.i, root.right_edge.i
        phrase, todo = {root.i}, [root]  # the root's own phrase: no relative or participial clauses
        while todo:
            for child in todo.pop().children:
                if dep(child) not in CLAUSE_EDGES - {"mark"}:
                    phrase.add(child.i)
                    todo.append(child)
        for i in range(left, right + 1):
            if i in phrase and self.doc[i].lower_ in member_words and i + 1 <= right:
                j = i + 1 if self.doc[i + 1].lower_ != "as" else i + 2
                if j <= right and j in self.covered and j not in exclude:
                    out = [self.covered[j]]
                    head = self.doc[self._mention_head(self.doc[j])]
                    for conj in self.conjuncts(head):
                        m = self.covered.get(conj.i)
                        if m is not None and m not in out and conj.i not in exclude:
                            out.append(m)
                    return out
        return []

    def in_adjunct(self, mention: ActorMention, anchor: Token, adjuncts: frozenset[str]) -> bool:
        """Whether the mention sits in a background phrase of the anchor's clause rather than naming a party to it.
        Going up from its head to the lowest word that also governs the anchor: a clause boundary means it belongs
        to another predicate ("towns hit by Boko Haram"); the first preposition other than "of" decides: one of
        `adjuncts` marks background ("in support of Israel", "at the request of Paraguayan prosecutors", "after
        the killing of Soleimani", "an address from Riyadh"), unless the mention modifies that phrase's noun as
        its doer ("after North Korea's nuclear test", "in Israeli jails")."""
        if not self.has_deps or id(mention) not in self.tokens_of:
            return False
        above = {anchor.i}
        tok = anchor
        while tok.head.i != tok.i:
            tok = tok.head
            above.add(tok.i)
        root = self._head(*self.tokens_of[id(mention)])
        path, tok = [], self.doc[root]
        while tok.i not in above:
            path.append(tok)
            if tok.head.i == tok.i:
                break
            tok = tok.head
        if any(dep(t) == "acl" and t.tag_ == "VBN" for t in path):
            return True  # a participle of its own: "towns hit by Boko Haram"
        direct = False  # the mention modifies the current noun as possessor or adjective
        for tok in path:
            label = dep(tok)
            cases = [c for c in tok.children if dep(c) == "case"]
            word = case_word(cases) if cases else (tok.lower_ if label == "prep" else None)
            if word is not None and word != "of":
                return word in adjuncts and not direct
            direct = tok.i == root and label in ("poss", "compound", "amod")
        return False

    def reporter_of(self, mention: ActorMention, anchor: Token, speech: dict[str, str]) -> bool:
        """Whether the mention is the subject of a verb of saying that governs the anchor's clause ("... test-fired
        missiles into the sea, Seoul's military said"): the source of the report, no party to the act."""
        if not self.has_deps or id(mention) not in self.tokens_of:
            return False
        head = self.doc[self._head(*self.tokens_of[id(mention)])]
        verb = head.head
        if dep(head) not in ("nsubj", "nsubjpass") or not (speech.get(verb.lower_) or speech.get(verb.lemma_.lower())):
            return False
        tok = anchor
        while tok.head.i != tok.i and tok.i != verb.i:
            tok = tok.head
        return tok.i == verb.i

    # ---- surface fallback ---------------------------------------------------------------------------------

    def linear_group(self, index: int, direction: int, exclude: set[int], limit: int = 12,
                     skip_places: bool = False) -> list[ActorMention]:
        """The nearest mention left (-1) or right (+1) of a token, with any mentions listed alongside it
        ("Saudi Arabia, the UAE, and Egypt"); `skip_places` passes over names used as places ("in Iran")."""
        i, steps = index + direction, 0
        while 0 <= i < len(self.doc) and steps < limit:
            if i in self.covered and i not in exclude and not (skip_places and self.covered[i].locative):
                found = self.covered[i]
                owner = self._place_owner(found) if direction < 0 else None
                if owner is not None and not any(j in exclude for j in range(*self._span(owner))):
                    found = owner  # "Opposition supporters in Guinea did not march": the supporters, not Guinea
                return self.list_around(found, exclude)
            if self.doc[i].lower_ in (";", ":", "\u201c", "\u201d", '"'):
                break
            i, steps = i + direction, steps + 1
        return []

    def _span(self, mention: ActorMention) -> tuple[int, int]:
        first, last = self.tokens_of[id(mention)]
        return first, last + 1

    def _place_owner(self, mention: ActorMention) -> ActorMention | None:
        """The actor a place name qualifies ("soldiers in Niger", "refugees from Sudan", "opposition supporters in
        Guinea"): a non-place mention right before "in"/"from" and the place. The phrase names that actor, so a
        role read off the surface takes it rather than the place. None when the place qualifies no actor."""
        if not mention.locative:
            return None
        first, _ = self.tokens_of[id(mention)]
        j = first - 1
        while j >= 0 and self.doc[j].lower_ == "the":
            j -= 1
        if j < 1 or self.doc[j].lower_ not in _QUALIFYING:
            return None
        owner = self.covered.get(j - 1)
        if owner is None or owner.locative or owner is mention:
            return None
        return owner

    def list_around(self, mention: ActorMention, exclude: set[int]) -> list[ActorMention]:
        """The mention and every mention listed next to it, joined only by commas, "and", "or" and "the"."""
        group = [mention] + [m for m in self.stacked.get(id(mention), []) if m is not mention]
        first, last = self.tokens_of[id(mention)]
        for direction, edge in ((-1, first), (1, last)):
            i = edge + direction
            while 0 <= i < len(self.doc):
                if self.doc[i].lower_ in (",", "and", "or", "the", "&"):
                    i += direction
                    continue
                other = self.covered.get(i)
                if other is None or i in exclude or other in group or other.locative != mention.locative:
                    break
                if self.has_deps and self._in_phrase(other):
                    break  # "According to Turkish officials, Saudi agents ...": a phrase, not a list member
                group.append(other)
                group.extend(m for m in self.stacked.get(id(other), []) if m not in group)
                a, b = self.tokens_of[id(other)]
                i = (a if direction < 0 else b) + direction
        return sorted(group, key=lambda m: m.start)

    def _in_phrase(self, mention: ActorMention) -> bool:
        """Whether a mention is the object of a preposition (its head word carries a case marker)."""
        head = self.doc[self._head(*self.tokens_of[id(mention)])]
        return dep(head) in ("obl", "nmod", "pobj") and any(dep(c) == "case" for c in head.children)

    def after_by(self, index: int, exclude: set[int]) -> list[ActorMention]:
        """Mentions after "by" within a few words of a passive verb (surface fallback)."""
        for i in range(index + 1, min(len(self.doc), index + 8)):
            if self.doc[i].lower_ == "by":
                return self.linear_group(i, 1, exclude, limit=4)
        return []
