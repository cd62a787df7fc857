"""Polarity, modality and attribution of a trigger: negated? hypothetical? whose words report it?

The rules follow the contract: a threat, promise or demand that was made is real; the act threatened, promised,
demanded, intended, asked about or made conditional is hypothetical. PLOVER codes a future promise of cooperation
as AGREE, so a future tense never makes an AGREE hypothetical.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import inflections, load_modality
from .roles import SentenceView, Token, dep

# the relations a clause hangs from its governor by, which the intent/speech walk climbs through
_CLIMB = frozenset({"xcomp", "ccomp", "advcl", "acl", "pcomp", "pobj", "prep", "obl", "nmod", "obj", "dobj",
                    "conj", "relcl", "parataxis"})
_FUTURE = frozenset({"will", "would", "'ll", "'d", "shall"})
_TIME_CASES = frozenset({"during", "after", "amid", "following", "since"})  # not "before": maybe not yet
_OBJECT_CONTROL = frozenset({"urge", "ask", "call", "order", "force", "persuade", "allow", "invite", "encourage",
                             "press", "push", "help", "enable", "compel", "instruct", "tell"})


class WordClasses:
    """Modality word classes with every inflected form of their verbs, built once per pipeline."""

    def __init__(self) -> None:
        classes = load_modality()
        self.words = classes
        self.forms: dict[str, dict[str, str]] = {}
        for name in ("intent", "negating", "control", "speech", "light", "elicit", "errand", "promise", "causative", "occur",
                     "undergo", "partake", "deny", "seal", "plan"):
            table: dict[str, str] = {}
            for word in classes.get(name, ()):
                for form in inflections(word, "V") | inflections(word, "N"):
                    table.setdefault(form, word)
            self.forms[name] = table

    def lemma_in(self, token: Token, name: str) -> str | None:
        """The class word a token is a form of, or None."""
        return self.forms[name].get(token.lower_) or self.forms[name].get(token.lemma_.lower() if token.lemma_
                                                                           else "")

    def object_control(self, token: Token) -> bool:
        for cls in ("intent", "control"):
            word = self.lemma_in(token, cls)
            if word in _OBJECT_CONTROL:
                return True
        return False


@dataclass
class Modality:
    negated: bool
    hypothetical: bool
    speaker: Token | None  # the subject of a verb of saying that governs the trigger
    future: bool = False  # hypothetical only by a future auxiliary ("said they would recognise")


def read_modality(view: SentenceView, token: Token, trigger_type: str, noneg: bool,
                  words: WordClasses) -> Modality:
    """Negation, hypotheticality and the governing speaker of the event triggered by `token`."""
    if view.has_deps:
        return _tree_modality(view, token, trigger_type, noneg, words)
    return _surface_modality(view, token, trigger_type, noneg, words)


def _own_negation(view: SentenceView, token: Token, words: WordClasses) -> bool:
    negators = words.words["negator"]
    for child in token.children:
        label = dep(child)
        if child.lower_ in negators and label in ("neg", "advmod", "det", "aux", "advmod:neg", "cc:preconj"):
            return True
        if child.lower_ == "without" and label in ("mark", "case", "prep"):  # "ended without agreeing"
            return True
        if child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):  # "no longer share"
            return True
    return False


def _tree_modality(view: SentenceView, token: Token, trigger_type: str, noneg: bool,
                   words: WordClasses) -> Modality:
    modals = words.words["modal"]
    negated = not noneg and _own_negation(view, token, words)
    hypothetical = future = other = False
    for child in token.children:
        label = dep(child)
        if label in ("aux", "auxpass") and child.lower_ in modals and trigger_type != "AGREE":
            hypothetical = True
            future = child.lower_ in _FUTURE
        if label == "mark" and (child.lower_ in words.words["conditional"] or child.lower_ in words.words["question"]):
            hypothetical = other = True
        if label == "advcl" and trigger_type != "THREATEN" and any(
                dep(c) == "mark" and c.lower_ in words.words["conditional"] for c in child.children):
            # "If Congress approves, Washington will send ..."; but a warning of what happens if is itself made
            hypothetical = other = True
    if token.lower_ == "going" and any(c.lower_ == "to" for c in token.children):
        hypothetical = other = True
    if any(dep(c) == "amod" and c.lower_ in words.words["hedge"] for c in token.children):
        hypothetical = other = True  # "a possible ground invasion", "the proposed sanctions"
    speaker = None
    current, steps = token, 0
    while current.head.i != current.i and steps < 6:
        label, head = dep(current), current.head
        if label not in _CLIMB or (label == "advcl" and own_clause(current, words)):
            break  # "..., a day after Azerbaijan launched an offensive": a clause that asserts its own act
        if current.pos_ in ("NOUN", "PROPN") and any(dep(c) == "case" and c.lower_ in _TIME_CASES
                                                     for c in current.children):
            break  # "was forced to call for a ceasefire during the clash": the clash is told, not called for
        if label == "obj" and current.pos_ in ("NOUN", "PROPN") and words.lemma_in(head, "plan") and (
                head.i != token.i):
            hypothetical = other = True  # "plan further demonstrations", "is considering sanctions"
        if label == "xcomp" and trigger_type != "AGREE" and any(
                dep(c) in ("aux", "auxpass") and c.lower_ in modals for c in head.children):
            hypothetical = other = True  # "could lead Hamas to draw closer", "will help Iraq rebuild"
        if label in ("obl", "nmod", "prep", "pobj") and words.lemma_in(head, "partake") and _own_negation(
                view, head, words) and not noneg:
            negated = True  # "Armenia's army was not involved in the fighting"
        if words.lemma_in(head, "deny") and head.i != token.i and label in ("xcomp", "ccomp", "obj", "advcl") and (
                current.pos_ in ("VERB", "AUX") or current.tag_ == "VBG"):
            subj = view.subject(head)  # "Rwanda denies backing the group": the denied act, negated, Rwanda's word
            speaker = subj[0] if subj else None
            negated = negated or not noneg
            break
        if words.lemma_in(head, "speech") and head.i != token.i:
            subj = view.subject(head)
            speaker = subj[0] if subj else None
            break
        if label in ("xcomp", "advcl", "acl", "pcomp", "ccomp", "pobj", "prep", "obl", "nmod") and head.i != token.i:
            if words.lemma_in(head, "intent"):
                hypothetical = other = True
            elif words.lemma_in(head, "negating") and label == "xcomp":
                negated = True
        if label == "advcl" and any(c.lower_ == "to" for c in current.children) and not words.lemma_in(
                head, "control") and not _errand_done(head, words):
            # a purpose clause ("in order to redesign"): intended, not done; but the errand of a trip or call that
            # was made is told as done ("crossed into South Korea to meet Moon", "phoned Italy to offer help")
            hypothetical = other = True
        if label == "advcl" and any(dep(c) == "mark" and (c.lower_ in words.words["conditional"])
                                    for c in current.children):
            hypothetical = other = True
        if label == "conj" or label == "relcl":
            break
        current, steps = head, steps + 1
    if speaker is None:  # "Norway said they would recognise ...", parsed with the saying as a modifier
        for child in token.children:
            if dep(child) in ("advcl", "parataxis") and words.lemma_in(child, "speech"):
                subj = view.subject(child)
                speaker = subj[0] if subj else None
                break
    if view.sentence.text.rstrip().endswith("?"):
        hypothetical = other = True
    return Modality(negated, hypothetical, speaker, future and not other)


def own_clause(clause: Token, words: WordClasses) -> bool:
    """Whether an adverbial clause tells an act of its own ("after Azerbaijan launched an offensive", "when he
    called him"), by its subordinator, rather than the content or purpose of the verb it hangs from."""
    return any(dep(c) == "mark" and c.lower_ in words.words.get("own_clause", ()) for c in clause.children)


def _errand_done(head: Token, words: WordClasses) -> bool:
    """A past trip or call (no modal on it) whose purpose clause tells what was done there, or a past cause whose
    clause tells what it brought about ("the reasons that have led Hamas to draw closer to Iran")."""
    modal = any(dep(c) == "aux" and c.lower_ in words.words["modal"] for c in head.children)
    return head.tag_ in ("VBD", "VBN") and not modal and bool(
        words.lemma_in(head, "errand") or words.lemma_in(head, "causative"))


def _surface_modality(view: SentenceView, token: Token, trigger_type: str, noneg: bool,
                      words: WordClasses) -> Modality:
    """Without a parse: look at the few words before the trigger."""
    doc = view.doc
    before = [t for t in doc[max(0, token.i - 4):token.i]]
    lows = [t.lower_ for t in before]
    negated = not noneg and any(w in words.words["negator"] for w in lows[-3:])
    hypothetical = trigger_type != "AGREE" and any(w in words.words["modal"] for w in lows[-3:])
    if len(before) >= 2 and before[-1].lower_ == "to":
        governor = before[-2]
        if words.lemma_in(governor, "intent"):
            hypothetical = True
        elif words.lemma_in(governor, "negating"):
            negated = True
    if any(t.lower_ in words.words["conditional"] for t in doc[:token.i]):
        hypothetical = True
    if view.sentence.text.rstrip().endswith("?"):
        hypothetical = True
    return Modality(negated, hypothetical, None)


def control_subject(view: SentenceView, token: Token, words: WordClasses) -> list[Token]:
    """The understood subject of a verb without its own: the controller of an infinitive ("helped to equip",
    "urged Iran to withdraw"), the subject shared by a coordinated verb, or the noun a participle modifies."""
    current, steps = token, 0
    while steps < 4:
        label, head = dep(current), current.head
        if head.i == current.i:
            return []
        if label in ("xcomp", "advcl", "pcomp"):
            if label == "xcomp" and words.object_control(head):
                objects = view.objects(head)
                if objects:
                    return objects
            # a passive raising or causing verb passes its subject on: "the two Koreas are expected to hold talks",
            # "the regime was forced to call for a ceasefire"
            subj = view.subject(head) if not view.is_passive(head) else (
                view.passive_subject(head) if label == "xcomp" else [])
            if subj:
                return subj
        elif label == "conj":
            subj = view.subject(head)
            if subj:
                return subj
            if view.is_passive(head):
                return []
        elif label in ("acl", "relcl"):
            if label == "acl" and any(dep(c) == "cop" for c in head.children) and view.subject(head):
                return view.subject(head)  # "Hungary's prime minister was the first leader to congratulate him"
            return [head]
        elif label in ("pobj", "prep", "obl"):
            pass  # "in designating Hamas": climb to the verb the phrase attaches to
        else:
            return []
        current, steps = head, steps + 1
    return []
