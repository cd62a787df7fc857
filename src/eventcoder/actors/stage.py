"""The actors stage: every mention of a state, organisation, group or person in the article, coded and merged.

It fills `state.mentions` (one ActorMention per mention, pronouns and descriptions included with rule "coref")
and `state.actors` (one Actor per distinct actor with all its mention spans). The knowledge base is loaded once in
`make_stage`; per article the work is one Aho-Corasick pass per sentence plus rules over the hits, so the stage
needs no parse, and uses the backbone's person entities (PER, or PERSON from OntoNotes models) when it has them.
"""

from __future__ import annotations

import re

from ..config import Config
from ..document import Actor, ActorMention, Span
from ..pipeline import Analysis
from .coref import Coreference
from .knowledge import STATE_SECTORS, KnowledgeBase, fold, load_knowledge
from .match import find_hits, is_shouting
from .resolve import DocContext, Found, Ref, resolve_sentence

SKIPPED_KINDS = frozenset({"boilerplate"})
PERSON_LABELS = frozenset({"PERSON", "PER"})  # OntoNotes-style models say PERSON; the backbone's own NER says PER


def _persons(parse) -> list[tuple[int, int]]:
    """Person entity spans (PERSON or PER) of a parsed sentence, or none when the parse has no entity recogniser."""
    if parse is None or not parse.has_annotation("ENT_IOB"):
        return []
    return [(e.start_char, e.end_char) for e in parse.ents if e.label_ in PERSON_LABELS and not _capitals(e.text)
            and (len(e.text.split()) > 1 or FORM_OF_ADDRESS.search(parse.text[:e.start_char]))]


# a one-word "person" the recogniser finds is taken only after a form of address ("Mr Bazoum"): alone it is as often
# a town it misread ("took control of Mekelle") as a name, and the surnames of people the article introduced in full
# are matched without it
FORM_OF_ADDRESS = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Mr\.|Mrs\.|Ms\.|Dr\.)\s+$")


def _capitals(name: str) -> bool:
    """A "person" written in capitals is a dateline city the recogniser misread ("JEDDAH, May 21 —"), not a name:
    reporters write people's names in mixed case."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj"})


def _mark_subjects(parse, found: list[Found]) -> None:
    """With a dependency parse, a mention is a subject when its head word is one, or the agent of a passive
    ("sent by Khamenei"); pronoun resolution prefers subjects. Without one, resolve.py's surface hints stand."""
    if parse is None or not parse.has_annotation("DEP"):
        return
    for f in found:
        span = parse.char_span(f.start, f.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
        subject = any(t.dep_ in SUBJECT_DEPS for t in heads)
        by_agent = any(t.dep_ in ("agent", "obl:agent") or (t.dep_ == "pobj" and t.head.lower_ == "by")
                       or any(c.lower_ == "by" and c.dep_ == "case" for c in t.children) for t in span)
        f.subject = f.subject or subject or by_agent


def _actor(ref: Ref) -> Actor:
    return Actor(name=ref.name, code=ref.code, kind=ref.kind, country=ref.country, sector=ref.sector,
                 affiliation=ref.affiliation if ref.kind == "person" else None, key=ref.key,
                 members=list(ref.members))


def code_actors(kb: KnowledgeBase, state: Analysis) -> None:
    """Find, code and merge the actors of one analysed article (sentences and parses already filled)."""
    date = (state.meta.published if state.meta else None) or state.article.published
    ctx = DocContext(kb, date)
    coref = Coreference(kb)
    actors: dict[str, Actor] = {}
    mentions: list[ActorMention] = []
    text = state.text
    for index, sentence in enumerate(state.sentences):
        if sentence.kind in SKIPPED_KINDS:
            continue
        s_text = text[sentence.start:sentence.end]
        folded = fold(s_text)
        shouting = is_shouting(s_text)
        parse = state.parses[index] if index < len(state.parses) else None
        found = resolve_sentence(ctx, s_text, folded, find_hits(kb, s_text, folded, shouting), shouting,
                                 _persons(parse))
        _mark_subjects(parse, found)
        for f in found:
            if f.want is not None:
                coref.describe(index, f, found)
            elif f.rule == "sector" and f.ref.country is None and f.ref.sector in STATE_SECTORS:
                coref.attach_owner(index, f, found)
        found += coref.pronouns(index, s_text, found)
        found.sort(key=lambda f: (f.start, f.end))
        coref.add(index, found)
        for f in found:
            _record(f, sentence.start, index, text, actors, mentions)
    state.actors = list(actors.values())
    state.mentions = mentions


def _record(f: Found, offset: int, index: int, text: str, actors: dict[str, Actor],
            mentions: list[ActorMention]) -> None:
    if f.ref is None:
        return
    actor = actors.get(f.ref.key)
    if actor is None:
        actor = actors[f.ref.key] = _actor(f.ref)
    start, end = offset + f.start, offset + f.end
    actor.mentions.append(Span(start, end, text[start:end]))
    mentions.append(ActorMention(start=start, end=end, text=text[start:end], sentence_index=index, actor=actor,
                                 rule=f.rule, locative=f.locative, coordination=f.coordination))


def make_stage(config: Config):
    kb = load_knowledge()

    def actors_stage(state: Analysis) -> None:
        code_actors(kb, state)
    return actors_stage
