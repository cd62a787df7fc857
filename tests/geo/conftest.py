"""A pipeline that stops at the places stage, shared by the geo tests that read whole sentences."""

from __future__ import annotations

import pytest

from eventcoder.config import Config
from eventcoder.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Config(stages=("metadata", "sentences", "parse", "places"), require_english=False))
