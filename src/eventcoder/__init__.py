"""eventcoder: political event data from news text — who did what to whom, when, where, according to whom."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .document import Article, Document
from .reading.failures import Failure
from .reading.text import article_from_text

__version__ = "0.1.0"
__all__ = ["Article", "Document", "Failure", "__version__", "analyze", "code"]


def analyze(text: str, published: str | None = None, *, doc_id: str | None = None,
            title: str | None = None, url: str | None = None) -> Document:
    """Code one article given as text; `published` (YYYY-MM-DD) overrides any date the text states."""
    from .pipeline import default_pipeline
    from .reading.pubdate import parse_published

    given = parse_published(published) if published is not None else None
    article = article_from_text(text, doc_id=doc_id, published=given, title=title, url=url)
    return default_pipeline().analyze(article)


def code(paths: Iterable[str], published: str | None = None) -> Iterator[Document | Failure]:
    """Code every article in files, folders, JSONL corpora (and "-" for stdin), lazily, in order."""
    from .corpus import code_articles
    from .reading.inputs import read_inputs

    return code_articles(read_inputs(paths, published=published))
