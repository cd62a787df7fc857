"""Who the article attributes a claim to: the interface the event coder calls (the quotes issue fills it in)."""

from __future__ import annotations

from ..document import Actor
from ..pipeline import Analysis


def reporter_for(state: Analysis, sentence_index: int, start: int, end: int) -> Actor | None:
    """The actor whose words (quote or reported speech) contain `[start, end)`, or None for the author's own voice."""
    return None
