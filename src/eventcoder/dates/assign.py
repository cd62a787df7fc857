"""Which date governs an event: the interface the event coder calls.

Order of preference: an event-role date in the event's own clause or sentence; else one in the nearest preceding
sentence of the same paragraph (two sentences back at most, and not across "Meanwhile"-style topic shifts);
else the publication date. Dates in a non-restrictive relative clause (", who was killed on 3 January 2020")
date only events inside that clause, so "Haniyeh thanked Soleimani, who was killed on ..." is not dated by it.
Dates with another role ("since 2009", birth years, anniversaries, datelines) never date an event.
"""

from __future__ import annotations

import re
from typing import Literal

from ..document import DateMention
from ..pipeline import Analysis

_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whom|whose|where)\b[^,;()]*")
_SHIFT = re.compile(r"^\W*(?:Meanwhile|Separately|Elsewhere|In other news|Earlier|Later|Previously|In contrast|"
                    r"On the other hand|Since then|At the same time)\b", re.IGNORECASE)
LOOKBACK = 2


def relative_clauses(text: str, offset: int) -> list[tuple[int, int]]:
    """Absolute spans of the non-restrictive relative clauses of a sentence starting at `offset`."""
    return [(offset + m.start(), offset + m.end()) for m in _RELATIVE_CLAUSE.finditer(text)]


def _governing(state: Analysis, si: int, start: int, end: int, same_sentence: bool) -> DateMention | None:
    sent = state.sentences[si]
    dates = [d for d in state.dates if d.sentence_index == si and d.role == "event" and d.value]
    if not dates:
        return None
    clauses = relative_clauses(sent.text, sent.start)

    def enclosing(pos: int) -> tuple[int, int] | None:
        return next((c for c in clauses if c[0] <= pos < c[1]), None)

    if same_sentence:
        home = enclosing(start)
        usable = [d for d in dates if enclosing(d.start) in (None, home)]
        if home is not None:
            inside = [d for d in usable if enclosing(d.start) == home]
            usable = inside or usable
    else:
        usable = [d for d in dates if enclosing(d.start) is None]
    if not usable:
        return None
    return min(usable, key=lambda d: (max(d.start - end, start - d.end, 0), d.start < start))


def date_for(state: Analysis, sentence_index: int, start: int, end: int
             ) -> tuple[str | None, Literal["text", "published"] | None]:
    """The date of an event read from `[start, end)` in sentence `sentence_index`, and where it came from."""
    published = state.meta.published if state.meta else state.article.published
    if 0 <= sentence_index < len(state.sentences):
        found = _governing(state, sentence_index, start, end, same_sentence=True)
        sent = state.sentences[sentence_index]
        if found is None and not _SHIFT.match(sent.text):
            for back in range(sentence_index - 1, max(-1, sentence_index - 1 - LOOKBACK), -1):
                prev = state.sentences[back]
                if prev.paragraph != sent.paragraph or prev.kind in ("boilerplate", "caption", "title"):
                    break
                found = _governing(state, back, prev.start, prev.end, same_sentence=False)
                if found is not None:
                    break
        if found is not None:
            return found.value, "text"
    return (published, "published") if published else (None, None)
