"""Shared fixtures: the seed article (read-only, from ../shared) and small hand-made articles."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "article.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seed/article.txt is not beside the repository")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(seed_text):
    """The seed article analysed once per test session with the default pipeline."""
    import eventcoder

    return eventcoder.analyze(seed_text, doc_id="seed")


@pytest.fixture(scope="session")
def through_quotes():
    """One pipeline through the quotes stage for the tests of the cross-stage interfaces (date_for, reporter_for)."""
    from stagerun import THROUGH_QUOTES

    from eventcoder.config import Config
    from eventcoder.pipeline import Pipeline

    return Pipeline(Config(stages=THROUGH_QUOTES))


@pytest.fixture(scope="session")
def seed_through_quotes(through_quotes, seed_text):
    """The seed article analysed through the quotes stage, shared read-only."""
    from stagerun import analyse

    return analyse(through_quotes, seed_text)
