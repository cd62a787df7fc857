"""The events stage: code every parsed sentence, then date, locate, attribute, identify and deduplicate.

The lexicon index and word classes are built once in `make_stage`; per sentence the coder walks the parse once,
so its cost stays well below the parse's own.
"""

from __future__ import annotations

import dataclasses
import hashlib

from ..config import Config
from ..dates.assign import date_for
from ..document import ActorMention, Event
from ..geo.assign import place_for
from ..pipeline import Analysis
from ..quotes.assign import reporter_for
from .cameo import cameo_code
from .extract import Candidate, code_sentence
from .lexicon import LexiconIndex
from .modality import WordClasses
from .plover import plover_score
from .roles import SentenceView

CODER_VERSION = "rules-1"
CODED_KINDS = frozenset({"title", "body", "caption", "quote"})  # boilerplate never yields events


def event_id(doc_id: str, sentence_index: int, start: int, end: int, type_: str, source: str | None,
             target: str | None) -> str:
    """A stable id: the same input coded by the same coder version always gets the same id."""
    key = "|".join(map(str, (doc_id, sentence_index, start, end, type_, source, target, CODER_VERSION)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _code(mention: ActorMention | None) -> str | None:
    return mention.actor.code if mention else None


def to_event(state: Analysis, sentence_index: int, cand: Candidate) -> Event:
    """A contract event from a candidate, with date, place and reporter from their stages' interfaces."""
    sentence = state.sentences[sentence_index]
    doc_id = state.meta.id if state.meta else state.article.id
    tok = cand.trigger.token
    t_start = sentence.start + min(tok.doc[i].idx for i in cand.trigger.tokens)
    t_end = sentence.start + max(tok.doc[i].idx + len(tok.doc[i].text) for i in cand.trigger.tokens)
    c_start, c_end = sentence.start + cand.clause[0], sentence.start + cand.clause[1]
    date, date_source = date_for(state, sentence_index, c_start, c_end)
    place = place_for(state, sentence_index, c_start, c_end)
    reporter = reporter_for(state, sentence_index, t_start, t_end)
    if reporter is None and cand.speaker is not None and cand.speaker is not cand.source:
        reporter = cand.speaker.actor
    code = cameo_code(cand.cameo)
    location = None
    if place is not None:
        location = dataclasses.asdict(place)
    return Event(
        id=event_id(doc_id, sentence_index, t_start, t_end, cand.type, _code(cand.source), _code(cand.target)),
        doc_id=doc_id, sentence_index=sentence_index, evidence=sentence.text, start=sentence.start,
        end=sentence.end, source=cand.source.actor.ref() if cand.source else None,
        target=cand.target.actor.ref() if cand.target else None, type=cand.type, mode=cand.mode,
        context=cand.contexts, cameo=cand.cameo, quad_class=code.quad_class, goldstein=code.goldstein,
        date=date, date_source=date_source, location=location, negated=cand.negated,
        hypothetical=cand.hypothetical, reported_by=reporter.ref() if reporter else None,
        confidence=cand.confidence, coder=cand.coder,
        trigger=" ".join(tok.doc[i].text for i in sorted(cand.trigger.tokens)),
        mentions=1, plover_score=plover_score(cand.type, cand.mode))


def deduplicate(events: list[Event]) -> list[Event]:
    """The same dyad, type, date and flags said more than once in an article is one event with more mentions."""
    kept: dict[tuple, Event] = {}
    for event in events:
        key = ((event.source or {}).get("code"), (event.target or {}).get("code"), event.type, event.date,
               event.negated, event.hypothetical)
        first = kept.get(key)
        if first is None:
            kept[key] = event
        else:
            first.mentions += 1
            first.confidence = max(first.confidence, event.confidence)
    return list(kept.values())


def make_stage(config: Config):
    index = LexiconIndex()
    words = WordClasses()
    # --- learned component (events/learned.py): loaded only when Config.learned_events is on ---
    typer = None
    if config.learned_events:
        from .learned import LearnedTyper, code_article
        typer = LearnedTyper()
    # --- end learned component ---

    def events_stage(state: Analysis) -> None:
        by_sentence: dict[int, list[ActorMention]] = {}
        for mention in state.mentions:
            by_sentence.setdefault(mention.sentence_index, []).append(mention)
        per_sentence: dict[int, list[Event]] = {}
        for i, sentence in enumerate(state.sentences):
            doc = state.parses[i] if i < len(state.parses) else None
            if doc is None or sentence.kind not in CODED_KINDS:
                continue
            mentions = by_sentence.get(i, [])
            if not mentions:
                continue  # no actor, no event
            view = SentenceView(doc, sentence, mentions)
            per_sentence[i] = [to_event(state, i, cand) for cand in code_sentence(view, index, words)]
        if typer is not None:  # learned component: revise rule events, back off where rules found none
            events = code_article(typer, state, per_sentence, by_sentence, list(per_sentence))
        else:
            events = [e for i in per_sentence for e in per_sentence[i]]
        state.events = deduplicate(events)
    return events_stage
