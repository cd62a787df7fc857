"""Coding a stream of articles: the per-article loop of `eventcoder code`, kept small so it can be swapped.

`code_articles` is the one place that turns articles into documents for a corpus run; parallel or distributed
runners replace it with something of the same shape (items in, documents and failures out, in input order).
An article that fails becomes a `Failure` and the loop goes on: a corpus run never stops for one bad article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .document import Article, Document
from .errors import EventcoderError
from .pipeline import Pipeline
from .reading.failures import Failure

Result = Document | Failure


def code_one(article: Article, pipeline: Pipeline, *, debug: bool = False) -> Result:
    """One article through the pipeline; user-caused errors (and, unless debugging, bugs) become a Failure."""
    try:
        document = pipeline.analyze(article)
    except EventcoderError as exc:
        return Failure(id=article.id, reason=str(exc), source=article.source)
    except Exception as exc:  # a bug on one article must not lose the rest of the corpus; --debug shows it
        if debug:
            raise
        return Failure(id=article.id, reason=f"internal error ({type(exc).__name__}: {exc})",
                       source=article.source)
    for event in document.events:
        event.doc_id = document.doc.id
    return document


def code_articles(articles: Iterable[Article | Failure], pipeline: Pipeline | None = None, *,
                  debug: bool = False) -> Iterator[Result]:
    """Code articles one after another, passing reader failures through, in input order.

    With no pipeline the process-wide default is built when the first article arrives, so a run whose inputs
    all fail to read never pays for loading models.
    """
    for item in articles:
        if isinstance(item, Failure):
            yield item
            continue
        if pipeline is None:
            from .pipeline import default_pipeline
            pipeline = default_pipeline()
        yield code_one(item, pipeline, debug=debug)
