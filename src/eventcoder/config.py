"""Settings for one pipeline, as a frozen dataclass so a configured pipeline can be shared across threads."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_STAGES: tuple[str, ...] = (
    "metadata", "sentences", "parse", "actors", "places", "dates", "quotes", "events",
)


@dataclass(frozen=True)
class Config:
    """What a pipeline runs and with which resources."""

    stages: tuple[str, ...] = DEFAULT_STAGES
    model: str | None = None  # path to a spaCy pipeline; None = the backbone shipped in eventcoder/models
    max_chars: int = 2_000_000  # longer articles are refused rather than silently truncated
    require_english: bool = True
    # the learned event component (events/learned.py); EVENTCODER_LEARNED_EVENTS=1 or 0 overrides the default
    learned_events: bool = field(default_factory=lambda: learned_events_default())


LEARNED_EVENTS_ENV = "EVENTCODER_LEARNED_EVENTS"


def learned_events_default() -> bool:
    """Whether the learned event component runs unless a Config says otherwise (off: see README, Learned component)."""
    value = os.environ.get(LEARNED_EVENTS_ENV, "").strip().lower()
    return value in {"1", "true", "yes", "on"}
