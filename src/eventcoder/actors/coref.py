"""Coreference within an article: pronouns and definite descriptions to the actor they stand for.

Rules, in the spirit of the classic salience-based resolvers (recency, grammatical role, agreement):
- "he"/"she" (subjects) prefer the subject of their own sentence, then the first-named person of the sentences
  before; "him"/"her" (objects) the most recent person other than the one the subject pronoun took.
- "it" takes the nearest singular state or organisation (not a place: "in Syria" does not count), unless it is
  the empty "it" of "it appears that", "it was ... that".
- "they"/"them" take the nearest plural actor: a list ("the Palestinian Authority and Fatah, who ..."), a body
  of people ("Iranian students") or a plural-named group (the Houthis); a list yields one mention per member.
- Descriptions carry what they require (`Want`): "the Hamas leader" a person coded HAMAS, "the Iranian minister"
  an Iranian person in government, "the general" a person in the military, "the movement" an organisation
  (subjects of the last sentence first), "the police" the police of the state in focus.
- "its troops", "their fighters", "his government": the noun belongs to the pronoun's antecedent.
- A state body with no owner at all ("officials said") joins the state the article is about, when one state's
  mentions outnumber all the others together; otherwise its country stays unknown.
Antecedents are only looked for in the last few sentences (pronouns) or the article so far (descriptions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .knowledge import STATE_SECTORS, KnowledgeBase, SectorNoun
from .resolve import Found, Ref, Want, agent_ref, entity_ref

PRONOUN = re.compile(r"\b(he|she|him|her|they|them|it)\b", re.IGNORECASE)
# the word after a pronoun that makes it a clause's subject ("it refused", "it has", "it also said")
SUBJECT_NEXT = re.compile(r"^\s+(?:has|have|had|was|is|will|would|could|can|may|might|must|did|does|also|then|"
                          r"[a-z]+ed|[a-z]+s)\b")
THING = re.compile(r"\b(?:the|this|that)\s+(?:[a-z\-]+\s+){0,2}?([a-z]+)\b", re.IGNORECASE)
PRONOUN_WINDOW = 3  # sentences back a pronoun may reach
AGENT_WINDOW = 3  # sentences back "the police" may look for its state


@dataclass
class Entry:
    """One resolved mention in the history the resolver searches."""

    sentence: int
    found: Found


def _matches(ref: Ref, want: Want) -> bool:
    if ref.kind != "person":
        return False
    if want.code and ref.code != want.code:
        return False
    if want.country and ref.country != want.country:
        return False
    return not (want.sector and ref.sector != want.sector)


def _plural_words(surface: str) -> bool:
    """Whether a name is said with a plural common noun ("M23 rebels", "Houthi fighters"): the group is a
    "they" even when its entry is a singular organisation."""
    words = surface.split()
    last = words[-1] if len(words) > 1 else ""
    return last.islower() and last.endswith("s") and not last.endswith(("ss", "'s", "’s"))


class Coreference:
    """Resolves descriptions and pronouns sentence by sentence against the mentions already coded."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.history: list[Entry] = []

    def _recent(self, sentence: int, window: int) -> list[Entry]:
        return [e for e in reversed(self.history) if sentence - e.sentence <= window]

    def describe(self, sentence: int, f: Found, before: list[Found]) -> None:
        """Fill `f.ref` for a description from the mentions before it (or leave its fallback reading)."""
        want = f.want
        here = [Entry(sentence, g) for g in reversed(before) if g.ref is not None and g.end <= f.start]
        if want.kind == "person":
            for e in here + list(reversed(self.history)):
                if _matches(e.found.ref, want):
                    f.ref, f.rule = e.found.ref, "coref"
                    return
            if f.ref is None and want.sector and want.sector not in STATE_SECTORS and not want.code \
                    and not want.country:
                # "the jailed opposition leader" with no one named before: someone of that role, of the state the
                # text is about when one dominates it (else the event coder places the bare role in its country);
                # not offices of state ("the president", "the official results"), which stay for the text to name
                owner = self.focus_state(sentence, before, f.start, window=None)
                noun = SectorNoun(want.sector.lower(), want.sector, "person", False, True)
                f.ref = agent_ref(owner, noun, f"{owner.name} {want.sector}") if owner is not None else \
                    Ref(f"agent:{want.sector}", want.sector, want.sector, "other", None, want.sector)
        elif want.kind in ("organization", "state", "group"):
            # nearest first in the sentence itself; in earlier sentences, subjects first, then in order of mention
            # (the centre of attention of the last sentence is what "the group" most often takes up)
            ordered = [(0, e) for e in here]
            earlier: dict[int, list[Entry]] = {}
            for e in self._recent(sentence, 6):
                if e.sentence < sentence:
                    earlier.setdefault(e.sentence, []).insert(0, e)
            for s_index in sorted(earlier, reverse=True):
                entries = earlier[s_index]
                ranked = [e for e in entries if e.found.subject] + [e for e in entries if not e.found.subject]
                ordered += [(sentence - s_index, e) for e in ranked]
            cands = [(d, r) for d, r in ((d, self._as_kind(e.found, want.kind)) for d, e in ordered) if r]
            preferred = [r for d, r in cands if d <= 1 and want.prefer_sector and r.sector == want.prefer_sector]
            if preferred or cands:
                f.ref, f.rule = (preferred[0] if preferred else cands[0][1]), "coref"
            elif want.kind == "group":
                # "this alliance" with no bloc named: the partnership the sentence before opened with ("Hamas'
                # strategic relationship with Iran ... this alliance"), taken by its first-named party
                topic = [e.found.ref for d, e in ordered if d == 1 and e.found.ref.kind != "person"]
                first = min((e for d, e in ordered if d == 1 and e.found.ref.kind != "person"),
                            key=lambda e: e.found.start, default=None)
                if topic and first is not None:
                    f.ref, f.rule = first.found.ref, "coref"
        elif want.kind == "possessor":
            self.possessor(sentence, f, before)
        elif want.kind == "agent" and want.noun.sector in STATE_SECTORS:
            # "the junta" again: the junta named before; else "the police": the police of the state in focus
            owner = self.same_body(sentence, f, before) or self.focus_state(sentence, before, f.start)
            if owner is not None:
                f.ref = agent_ref(owner, want.noun, f"{owner.name} {want.noun.phrase}")
                f.rule = "coref"

    def same_body(self, sentence: int, f: Found, before: list[Found]):
        """The state whose body of the same name was mentioned last ("Niger junta ... the junta ... The junta"),
        within the article so far; None when no such body was named with its state."""
        noun = f.want.noun
        here = [g for g in reversed(before) if g.ref is not None and g.end <= f.start]
        for g in here + [e.found for e in reversed(self.history)]:
            r = g.ref
            if (r is not None and r.kind != "person" and r.country and r.sector == noun.sector
                    and r.name.lower().endswith(noun.phrase.lower())):
                return self.kb.entities.get(f"state:{r.country}")
        return None

    def possessor(self, sentence: int, f: Found, before: list[Found]) -> None:
        """"its troops", "their fighters", "his government": the noun belongs to the pronoun's antecedent; a state's
        (or a person's state's) agent, or the organisation itself ("Hamas said its fighters ...")."""
        want = f.want
        prior = [g for g in before if g.ref is not None and g.end <= f.start]
        if want.pronoun in ("his", "her"):
            person = self._person(sentence, prior, subject=True, exclude=None)
            owner = None
            if person is not None:
                org = self.kb.entity_for_code(person.affiliation or "")
                owner = org if org is not None and org.kind == "organization" else (
                    self.kb.entities.get(f"state:{person.country}") if person.country else None)
        else:
            antecedent = self._plural(sentence, prior) if want.pronoun == "their" else []
            ref = antecedent[0] if len(antecedent) == 1 else (None if antecedent else self._thing(sentence, prior))
            owner = None
            if ref is not None:
                owner = self.kb.entities.get(ref.key) if ref.key in self.kb.entities else None
                if owner is None and ref.kind == "state" and ref.country:
                    owner = self.kb.entities.get(f"state:{ref.country}")
        if owner is not None:
            f.ref = agent_ref(owner, want.noun, f"{owner.name} {want.noun.phrase}")
            f.rule = "coref"

    def focus_state(self, sentence: int, before: list[Found], start: int, window: int | None = AGENT_WINDOW):
        """The state the last few sentences (or, with window None, the article so far) are about: the one whose
        mentions (its name, its agents and organs, as actor or as place) outnumber all the others together there;
        None when no state dominates."""
        counts: dict[str, int] = {}
        recent = [g for g in before if g.ref is not None and g.end <= start]
        history = self.history if window is None else self._recent(sentence, window)
        recent += [e.found for e in history if e.sentence < sentence]
        for g in recent:
            r = g.ref
            if r.key.startswith("state:") or (r.kind == "state" and r.country):
                counts[r.country or r.code] = counts.get(r.country or r.code, 0) + 1
        if not counts:
            return None
        best = max(counts, key=counts.get)
        if counts[best] * 2 <= sum(counts.values()):
            return None
        return self.kb.entities.get(f"state:{best}")

    def attach_owner(self, sentence: int, f: Found, before: list[Found]) -> None:
        """An ownerless state body ("officials said", "an interior ministry spokesman") belongs to the state the
        article is about when one dominates it so far; otherwise its country stays unknown."""
        ref = f.ref
        owner = self.focus_state(sentence, before, f.start, window=None)
        if owner is not None and ref is not None:
            noun = SectorNoun(ref.name, ref.sector, "group", ref.plural, True)
            f.ref = agent_ref(owner, noun, f"{owner.name} {ref.name}")
            f.rule = "focus"

    def _as_kind(self, found: Found, kind: str) -> Ref | None:
        """The mention as a `kind` antecedent: itself, or for a person the organisation they stand for."""
        ref = found.ref
        if ref is None or found.locative:
            return None
        if ref.kind == "person" and kind == "organization" and ref.affiliation:
            owner = self.kb.entity_for_code(ref.affiliation)
            return entity_ref(owner) if owner is not None and owner.kind == "organization" else None
        if kind == "state" and ref.key.startswith("agent:") and ref.country:
            state = self.kb.entities.get(f"state:{ref.country}")  # "Sudan's army ... the country" is Sudan
            return entity_ref(state) if state is not None else None
        if kind == "group":  # "the bloc", "the alliance": an intergovernmental organisation or a bloc of states
            return ref if (self._kind_of(ref) == "organization" and ref.sector == "IGO") or (
                ref.kind == "group" and len(ref.members) > 1) else None
        return ref if self._kind_of(ref) == kind else None

    @staticmethod
    def _kind_of(ref: Ref) -> str:
        if ref.key.startswith("state:"):
            return "state"
        if ref.key.startswith("agent:"):
            return "agent"
        if ref.kind == "organization" or ref.key.startswith("org:") or ref.key.startswith("new:"):
            return "organization"
        return ref.kind

    def pronouns(self, sentence: int, text: str, found: list[Found]) -> list[Found]:
        """Mentions for the pronouns of a sentence, given the sentence's other mentions (already resolved)."""
        out: list[Found] = []
        subject_taken: Ref | None = None
        for m in PRONOUN.finditer(text):
            if any(f.start <= m.start() < f.end for f in found):
                continue
            word = m.group(1).lower()
            before = [f for f in found if f.end <= m.start() and f.ref is not None]
            if word in ("he", "she", "him", "her"):
                exclude = subject_taken
                persons = [f for f in before if f.ref.kind == "person"]
                if word in ("him", "her") and persons and re.match(r"^,?\s+who\b", text[persons[-1].end:]):
                    exclude = persons[-1].ref  # "met Netanyahu, who thanked him": not the relative clause's subject
                ref = self._person(sentence, before, subject=word in ("he", "she"), exclude=exclude)
                if ref is not None:
                    if word in ("he", "she"):
                        subject_taken = ref
                    out.append(Found(m.start(), m.end(), ref, "coref"))
            elif word == "it":
                if self._expletive(text, m.end()) or self._thing_before(text, m.start(), before):
                    continue
                ref = self._thing(sentence, before, subject=bool(SUBJECT_NEXT.match(text[m.end():])))
                if ref is not None:
                    out.append(Found(m.start(), m.end(), ref, "coref"))
            else:
                for ref in self._plural(sentence, before, text):
                    out.append(Found(m.start(), m.end(), ref, "coref"))
        return out

    def _thing_before(self, text: str, start: int, before: list[Found]) -> bool:
        """Whether an object "it" follows a thing named after the sentence's last actor ("Egypt welcomed the truce
        and urged all parties to respect it"): it then stands for the thing."""
        if SUBJECT_NEXT.match(text[start + 2:]):
            return False
        since = max((f.end for f in before), default=0)
        things = self.kb.cues["thing"]
        return any(w.lower() in things for w in THING.findall(text[since:start]))

    def _expletive(self, text: str, end: int) -> bool:
        nxt = re.match(r"\s+([a-z']+)", text[end:])
        if not nxt or nxt.group(1) not in self.kb.cues["expletive"]:
            return False
        return bool(re.search(r"\b(?:that|to|whether|how|if)\b", text[end:]))

    def _person(self, sentence: int, before: list[Found], subject: bool, exclude: Ref | None) -> Ref | None:
        here = [f.ref for f in before if f.ref.kind == "person"]
        if subject:
            agents = [f.ref for f in before if f.ref.kind == "person" and f.subject]
            ordered = agents + here
        else:
            ordered = list(reversed(here))
        earlier: list[Ref] = []
        by_sentence: dict[int, list[Ref]] = {}
        for e in self._recent(sentence, PRONOUN_WINDOW):
            if e.sentence < sentence and e.found.ref and e.found.ref.kind == "person":
                by_sentence.setdefault(e.sentence, []).insert(0, e.found.ref)
        for s in sorted(by_sentence, reverse=True):
            refs = by_sentence[s]
            earlier += refs if subject else list(reversed(refs))
        for ref in ordered + earlier:
            if exclude is None or ref.key != exclude.key:
                return ref
        # no named person: an office holder named by title ("Turkey's president won ... to congratulate him")
        # (an object pronoun is not its own clause's subject: "X was the first leader to congratulate him")
        titled = [f.ref for f in reversed(before) if subject and self._titled(f.ref)]
        titled += [e.found.ref for e in self._recent(sentence, PRONOUN_WINDOW) if e.sentence < sentence
                   and self._titled(e.found.ref)]
        return next((r for r in titled if exclude is None or r.key != exclude.key), None)

    def _titled(self, ref: Ref | None) -> bool:
        """Whether a mention names one office holder by a title with its state ("Turkey's president")."""
        if ref is None or ref.kind == "person" or not ref.country or ref.plural:
            return False
        words = ref.name.lower().replace("’", "'").split()
        for size in (2, 1):
            noun = self.kb.sectors.get(" ".join(words[-size:])) if len(words) > size else None
            if noun is not None and noun.kind == "person":
                return True
        return False

    def _thing(self, sentence: int, before: list[Found], subject: bool = False) -> Ref | None:
        """"it": the nearest singular state, organisation or country agent (not a person, a place or "a civilian");
        a subject "it" with nothing fitting before it in its sentence continues the subject of the sentence before
        ("The junta ... ignored the bloc's ultimatum. On Tuesday it refused ...")."""
        def fits(f: Found) -> bool:
            r = f.ref
            return (r is not None and not f.locative and r.kind != "person" and not r.plural
                    and (r.country is not None or not r.key.startswith("agent:")))
        cands = [f.ref for f in reversed(before) if fits(f)]
        earlier = [e for e in self._recent(sentence, PRONOUN_WINDOW - 1) if e.sentence < sentence and fits(e.found)]
        if subject and earlier:
            last = earlier[0].sentence
            earlier = [e for e in earlier if e.sentence == last and e.found.subject] + earlier
        cands += [e.found.ref for e in earlier]
        return cands[0] if cands else None

    def _plural(self, sentence: int, before: list[Found], text: str = "") -> list[Ref]:
        here = {id(f) for f in before}
        pool = [f for f in reversed(before)] + [e.found for e in self._recent(sentence, PRONOUN_WINDOW - 1)
                                               if e.sentence < sentence]
        for f in pool:
            if f.ref is None or f.locative:
                continue
            if f.coordination is not None:
                members = [g.ref for g in pool if g.coordination == f.coordination and g.ref is not None]
                return list(reversed(members)) if members else [f.ref]
            if f.ref.kind != "person" and (f.ref.plural or (id(f) in here and _plural_words(text[f.start:f.end]))):
                return [f.ref]
        return []

    def add(self, sentence: int, found: list[Found]) -> None:
        for f in found:
            if f.ref is not None:
                self.history.append(Entry(sentence, f))
