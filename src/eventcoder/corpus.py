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


def code_articles(articles: Iterable[Article | Failure], pipeline: Pipeline | None = None, *,
                  debug: bool = False, batch_size: int = BATCH_SIZE) -> Iterator[Result]:
    """Code articles in this process, `batch_size` at a time, passing reader failures through, in input order.

    With no pipeline the process-wide default is built when the first article arrives, so a run whose inputs
    all fail to read never pays for loading models.
    """
    pending: list[Article | Failure] = []
    count = 0
    for item in articles:
        pending.append(item)
        count += isinstance(item, Article)
        if count >= batch_size:
            yield from _code_pending(pending, pipeline, debug)
            pending, count = [], 0
    yield from _code_pending(pending, pipeline, debug)


def _code_pending(items: list[Article | Failure], pipeline: Pipeline | None, debug: bool) -> Iterator[Result]:
    articles = [item for item in items if isinstance(item, Article)]
    if not articles:
        yield from items  # type: ignore[misc]  # only Failures
        return
    if pipeline is None:
        from .pipeline import default_pipeline
        pipeline = default_pipeline()  # once per process (lru-style global), so batches share it
    coded = iter(code_batch(articles, pipeline, debug=debug))
    for item in items:
        yield item if isinstance(item, Failure) else next(coded)
