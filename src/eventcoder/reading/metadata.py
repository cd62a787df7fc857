"""Article metadata (title, publication date, outlet, language) read from the text itself.

What the caller or record gives always wins (`--published`, a JSONL record's fields, an HTML page's own
metadata); the text is read for what is missing, the way a reader of a pasted article would: the headline is
the first title-like line, the date the stamp near the top, the outlet whatever tagline, byline or disclaimer
names it.
"""

from __future__ import annotations

from ..config import Config
from ..document import DocMeta
from ..errors import NotEnglishError, UnreadableInputError
from ..pipeline import Analysis
from ..text.boilerplate import find_title_line
from .language import detect_language
from .outlets import find_outlet
from .pubdate import find_published


def read_metadata(state: Analysis) -> DocMeta:
    """The article's metadata: given values first, then what its text states."""
    a = state.article
    title = a.title
    if title is None:
        span = find_title_line(a.text)
        title = a.text[span[0]:span[1]] if span else None
    published, published_source = a.published, a.published_source if a.published else None
    if published is None:
        published = find_published(a.text)
        published_source = "text" if published else None
    elif published_source is None:
        published_source = "given"
    return DocMeta(id=a.id, title=title, published=published, outlet=find_outlet(a),
                   language=detect_language(a.text) or "und", url=a.url,
                   published_source=published_source)


def make_stage(config: Config):
    def metadata_stage(state: Analysis) -> None:
        name = state.article.source or state.article.id
        if len(state.text) > config.max_chars:
            raise UnreadableInputError(
                f"article too large ({len(state.text):,} characters, limit {config.max_chars:,}): {name}")
        state.meta = read_metadata(state)
        if config.require_english and state.meta.language != "en":
            raise NotEnglishError(f"not English text: {name}")
    return metadata_stage
