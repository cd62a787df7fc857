"""The dates stage (placeholder until its issue lands: contributes nothing)."""

from __future__ import annotations

from ..config import Config
from ..pipeline import Analysis


def make_stage(config: Config):
    def dates_stage(state: Analysis) -> None:
        return None
    return dates_stage
