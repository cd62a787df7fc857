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
