"""eventcoder: political event data from news text — who did what to whom, when, where, according to whom."""

from __future__ import annotations

from .document import Article, Document
from .reading.text import article_from_text

__version__ = "0.1.0"
__all__ = ["analyze", "Article", "Document", "__version__"]


def analyze(text: str, published: str | None = None, *, doc_id: str | None = None,
            title: str | None = None, url: str | None = None) -> Document:
    """Code one article given as text; `published` (YYYY-MM-DD) overrides any date the text states."""
    from .pipeline import default_pipeline

    article = article_from_text(text, doc_id=doc_id, published=published, title=title, url=url)
    return default_pipeline().analyze(article)
