"""The actors stage (placeholder until its issue lands: contributes nothing)."""

from __future__ import annotations

from ..config import Config
from ..pipeline import Analysis


def make_stage(config: Config):
    def actors_stage(state: Analysis) -> None:
        return None
    return actors_stage
