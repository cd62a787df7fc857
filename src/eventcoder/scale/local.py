"""The local engine: a pool of worker processes on this machine, each loading the pipeline once.

Chunks of articles are submitted in input order with a bounded number in flight (memory stays flat however
large the corpus) and their results are yielded in that same order, so the output does not depend on the
number of workers or on timing. An article that raises becomes a Failure inside the worker; an article that
kills its worker outright (a segfault, the OOM killer) breaks the pool: the pool is rebuilt and the chunks that
were in flight are re-run one article at a time, so only the article that kills a worker again is lost — as a
reported Failure.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..config import Config
from ..corpus import chunked
from ..document import Article, Document
from ..reading.failures import Failure
from .worker import CHUNK_SIZE, ChunkResult, RunStats, code_chunk, init_worker

IN_FLIGHT_PER_WORKER = 3  # chunks queued per worker: keeps every worker busy without reading far ahead


def default_start_method() -> str:
    """forkserver where there is one (Linux, macOS): workers start clean, not as copies of a parent that may
    hold threads (the progress bar's) and memory they would inherit; spawn elsewhere."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


class _Pool:
    """A process pool that can be rebuilt after a worker dies."""

    def __init__(self, workers: int, config: Config | None, start_method: str | None) -> None:
        self.workers = workers
        self.config = config
        self.context = multiprocessing.get_context(start_method or default_start_method())
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, initializer=init_worker, initargs=(self.config, os.getpid()),
                                   mp_context=self.context)

    def submit(self, chunk: list[Article | Failure], debug: bool) -> Future:
        return self.executor.submit(code_chunk, chunk, debug)

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def code_parallel(items: Iterable[Article | Failure], workers: int, *, chunk_size: int = CHUNK_SIZE,
                  debug: bool = False, stats: RunStats | None = None,
                  config: Config | None = None, start_method: str | None = None) -> Iterator[Document | Failure]:
    """Code items with `workers` processes; documents and failures come out in input order.

    An input of one chunk or less is coded in this process: starting workers would cost more than it saves.
    """
    chunks = chunked(items, chunk_size)
    first = list(itertools.islice(chunks, 2))
    if len(first) < 2:
        from ..corpus import code_articles
        from .worker import measure_self, worker_pipeline
        pipeline = worker_pipeline(config) if config is not None else None
        yield from measure_self(code_articles(itertools.chain.from_iterable(first), pipeline, debug=debug),
                                stats)
        return
    chunks = itertools.chain(first, chunks)
    pool = _Pool(workers, config, start_method)
    in_flight: deque[tuple[list[Article | Failure], Future]] = deque()
    limit = workers * IN_FLIGHT_PER_WORKER
    try:
        while True:
            while len(in_flight) < limit and (chunk := next(chunks, None)) is not None:
                in_flight.append((chunk, pool.submit(chunk, debug)))
            if not in_flight:
                return
            chunk, future = in_flight.popleft()
            try:
                done: ChunkResult = future.result()
            except BrokenProcessPool:
                suspects = [chunk, *(c for c, _ in in_flight)]
                in_flight.clear()
                pool.restart()
                for suspect in suspects:
                    for item in suspect:
                        yield _one_at_a_time(pool, item, debug, stats)
                continue
            _note(stats, done)
            yield from done.results
    finally:
        pool.close()


def _one_at_a_time(pool: _Pool, item: Article | Failure, debug: bool,
                   stats: RunStats | None) -> Document | Failure:
    """Re-run one article alone after a worker died; if it kills its worker again, it is the culprit."""
    if isinstance(item, Failure):
        return item
    try:
        done: ChunkResult = pool.submit([item], debug).result()
    except BrokenProcessPool:
        pool.restart()
        return Failure(id=item.id, reason=f"worker process died while coding {item.id}", source=item.source)
    _note(stats, done)
    return done.results[0]


def _note(stats: RunStats | None, done: ChunkResult) -> None:
    if stats is not None:
        stats.note(done.pid, done.peak_rss, done.cpu)
