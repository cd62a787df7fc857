"""Coding corpora at scale: a process pool on one machine (`local`), a Dask cluster (`dask`), resumable output.

Every engine has the shape of `eventcoder.corpus.code_articles`: items (articles and reader failures) in,
documents and failures out, in input order. `coder()` picks one from the command-line options.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator

from ..document import Article
from ..reading.failures import Failure
from .worker import CHUNK_SIZE, RunStats

Items = Iterable[Article | Failure]
ENGINES = ("local", "dask")


def all_cores() -> int:
    """The cores this process may run on (the default --workers)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def coder(engine: str = "local", workers: int | None = None, *, scheduler: str | None = None,
          chunk_size: int = CHUNK_SIZE, debug: bool = False,
          stats: RunStats | None = None) -> Callable[[Items], Iterator]:
    """The function that codes a stream of items with the chosen engine and number of workers."""
    workers = workers or all_cores()
    if engine == "dask":
        from .dask import code_dask
        return lambda items: code_dask(items, scheduler=scheduler, workers=workers, chunk_size=chunk_size,
                                       debug=debug, stats=stats)
    if workers == 1:
        from ..corpus import code_articles
        from .worker import measure_self
        return lambda items: measure_self(code_articles(items, debug=debug, batch_size=chunk_size), stats)
    from .local import code_parallel
    return lambda items: code_parallel(items, workers, chunk_size=chunk_size, debug=debug, stats=stats)
