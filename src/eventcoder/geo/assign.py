"""Which place governs an event: the interface the event coder calls (the places issue fills in the rules)."""

from __future__ import annotations

from ..document import Place
from ..pipeline import Analysis


def place_for(state: Analysis, sentence_index: int, start: int, end: int) -> Place | None:
    """The place where the event read from `[start, end)` happened, or None when the text does not say."""
    return None
