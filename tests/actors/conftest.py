"""Fixtures for the actor tests: the shipped knowledge base, and a helper that codes a hand-written article."""

from __future__ import annotations

import pytest

from eventcoder.actors.knowledge import load_knowledge
from eventcoder.actors.stage import code_actors
from eventcoder.document import Article
from eventcoder.pipeline import Analysis
from eventcoder.text.sentences import split_sentences


@pytest.fixture(scope="session")
def kb():
    return load_knowledge()


@pytest.fixture(scope="session")
def code(kb):
    """code(text, date) -> Analysis with sentences split and actors coded (no parse: text and knowledge alone)."""
    def run(text: str, date: str | None = "2023-06-01") -> Analysis:
        state = Analysis(article=Article(id="t", text=text, published=date))
        state.sentences = split_sentences(text)
        state.parses = [None] * len(state.sentences)
        code_actors(kb, state)
        return state
    return run


@pytest.fixture(scope="session")
def mention():
    """mention(state, text, nth=1) -> the actor coded for the nth mention whose text is exactly `text`, or None."""
    def find(state: Analysis, text: str, nth: int = 1):
        hits = [m for m in state.mentions if m.text == text]
        return hits[nth - 1].actor if len(hits) >= nth else None
    return find
