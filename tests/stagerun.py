"""Helpers for tests that run a prefix of the pipeline over a hand-written article and then look up spans."""

from __future__ import annotations

from eventcoder.pipeline import Analysis, Pipeline
from eventcoder.reading.text import article_from_text

THROUGH_QUOTES = ("metadata", "sentences", "parse", "actors", "places", "dates", "quotes")


def analyse(pipeline: Pipeline, text: str, published: str | None = "2021-12-25", mentions=None,
            actors=None) -> Analysis:
    """Run every stage of `pipeline` over `text`; `mentions`/`actors` replace what the actors stage found."""
    state = Analysis(article=article_from_text(text, doc_id="t", published=published))
    for name, stage in pipeline.stages:
        stage(state)
        if name == "actors" and mentions is not None:
            state.mentions, state.actors = mentions, actors
    return state


def at(state: Analysis, word: str) -> tuple[int, int, int]:
    """(sentence index, start, end) of the first occurrence of `word`: the arguments of the *_for interfaces."""
    pos = state.text.index(word)
    si = next(s.index for s in state.sentences if s.start <= pos < s.end)
    return si, pos, pos + len(word)


def place_mentions(pipeline: Pipeline, text: str, mentions: list | None = None,
                   published: str = "2024-05-01") -> dict[str, object]:
    """Each place mention's text → the Place it was resolved to, after running `pipeline` over `text`;
    `mentions` stand in for the actors stage's, given to the places stage of a pipeline that has none."""
    state = Analysis(article=article_from_text(text, doc_id="t", published=published))
    for name, stage in pipeline.stages:
        if name == "places" and mentions:
            state.mentions = mentions
        stage(state)
    return {m.text: p for p in state.places for m in p.mentions}
