"""Which date governs an event: the interface the event coder calls (the dates issue fills in the rules)."""

from __future__ import annotations

from typing import Literal

from ..pipeline import Analysis


def date_for(state: Analysis, sentence_index: int, start: int, end: int
             ) -> tuple[str | None, Literal["text", "published"] | None]:
    """The date of an event read from `[start, end)` in sentence `sentence_index`, and where it came from.

    Until date rules exist every event takes the publication date.
    """
    published = state.meta.published if state.meta else state.article.published
    return (published, "published") if published else (None, None)
