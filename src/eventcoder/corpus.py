"""Coding a stream of articles: the per-article loop of `eventcoder code`, kept small so it can be swapped.

`code_articles` is the one place that turns articles into documents for a corpus run; parallel or distributed
runners replace it with something of the same shape (items in, documents and failures out, in input order).
An article that fails becomes a `Failure` and the loop goes on: a corpus run never stops for one bad article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from .document import Article, Document
from .errors import EventcoderError
from .pipeline import Pipeline
from .reading.failures import Failure

Result = Document | Failure
BATCH_SIZE = 8  # articles parsed together: a few hundred sentences per nlp.pipe stream


def code_one(article: Article, pipeline: Pipeline, *, debug: bool = False) -> Result:
    """One article through the pipeline; user-caused errors (and, unless debugging, bugs) become a Failure."""
    return code_batch([article], pipeline, debug=debug)[0]


def code_batch(articles: Sequence[Article], pipeline: Pipeline, *, debug: bool = False) -> list[Result]:
    """A batch of articles through the pipeline at once (the backbone parses their sentences together).

    One result per article, in order; an article that fails becomes a Failure and the others are unaffected.
    """
    results: list[Result] = []
    for article, outcome in zip(articles, pipeline.analyze_many(articles)):
        if isinstance(outcome, Exception):
            results.append(_failure(article, outcome, debug))
            continue
        for event in outcome.events:
            event.doc_id = outcome.doc.id
        results.append(outcome)
    return results


def _failure(article: Article, exc: Exception, debug: bool) -> Failure:
    if isinstance(exc, EventcoderError):
        return Failure(id=article.id, reason=str(exc), source=article.source)
    if debug:  # --debug: the traceback of a bug, not a skipped article
        raise exc
    return Failure(id=article.id, reason=f"internal error ({type(exc).__name__}: {exc})", source=article.source)


def chunked(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    """Items in lists of up to `size` articles (reader failures ride along in place), lazily."""
    chunk: list[Article | Failure] = []
    count = 0
    for item in items:
        chunk.append(item)
        count += isinstance(item, Article)
        if count >= size:
            yield chunk
            chunk, count = [], 0
    if chunk:
        yield chunk


def code_items(items: list[Article | Failure], pipeline: Pipeline, *, debug: bool = False) -> list[Result]:
    """One chunk of items coded together: articles become documents or failures, reader failures pass through,
    all in input order."""
    articles = [item for item in items if isinstance(item, Article)]
    coded = iter(code_batch(articles, pipeline, debug=debug)) if articles else iter(())
    return [item if isinstance(item, Failure) else next(coded) for item in items]


def code_articles(articles: Iterable[Article | Failure], pipeline: Pipeline | None = None, *,
                  debug: bool = False, batch_size: int = BATCH_SIZE) -> Iterator[Result]:
    """Code articles in this process, `batch_size` at a time, passing reader failures through, in input order.

    With no pipeline the process-wide default is built when the first article arrives, so a run whose inputs
    all fail to read never pays for loading models.
    """
    for chunk in chunked(articles, batch_size):
        if pipeline is None and any(isinstance(item, Article) for item in chunk):
            from .pipeline import default_pipeline
            pipeline = default_pipeline()  # once per process, so batches share it
        yield from code_items(chunk, pipeline, debug=debug) if pipeline else chunk
