"""Settings for one pipeline, as a frozen dataclass so a configured pipeline can be shared across threads."""

from __future__ import annotations

from dataclasses import dataclass

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
