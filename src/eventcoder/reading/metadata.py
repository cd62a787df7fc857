"""Article metadata (title, publication date, outlet, language) read from the text itself."""

from __future__ import annotations

from ..config import Config
from ..document import DocMeta
from ..pipeline import Analysis


def read_metadata(state: Analysis) -> DocMeta:
    """Metadata from what the article record gives (the text-reading rules come in the foundation issue)."""
    a = state.article
    return DocMeta(id=a.id, title=a.title, published=a.published, outlet=None, language="en", url=a.url,
                   published_source="given" if a.published else None)


def make_stage(config: Config):
    def metadata_stage(state: Analysis) -> None:
        state.meta = read_metadata(state)
    return metadata_stage
