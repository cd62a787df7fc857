"""The quotes stage: direct and indirect quotations with their speakers (contract: `quotes`).

Also marks as kind "quote" every body sentence that lies wholly inside a direct quotation, so the event coder
and readers know those words are the speaker's, not the author's.
"""

from __future__ import annotations

from ..config import Config
from ..pipeline import Analysis
from .attribution import attribute, load_lexicon, to_quote


def make_stage(config: Config):
    load_lexicon()

    def quotes_stage(state: Analysis) -> None:
        skip = [(s.start, s.end) for s in state.sentences if s.kind == "boilerplate"]
        places = [(m.start, m.end) for p in state.places for m in p.mentions]
        date = (state.meta.published if state.meta else None) or state.article.published
        countries = [(m.start, m.end, p.country) for p in state.places if p.country for m in p.mentions]
        found = attribute(state.text, state.sentences, state.mentions, skip, places, date, countries)
        state.quotes = [to_quote(state.text, f) for f in found]
        for q in state.quotes:
            if q.kind != "direct":
                continue
            for s in state.sentences:
                if s.kind == "body" and q.start - 1 <= s.start and s.end <= q.end + 2:
                    s.kind = "quote"
    return quotes_stage
