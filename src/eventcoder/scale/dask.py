"""The Dask engine: the same chunks as the local engine, coded on a Dask distributed cluster.

With no scheduler address a LocalCluster of `workers` single-threaded processes is started (and stopped at the
end); with `tcp://HOST:PORT` the run joins an existing cluster whose workers have eventcoder installed. Each
worker builds its pipeline once (a cached per-thread global, `worker.worker_pipeline`) and keeps it for every
later task. At most a few chunks per worker are in flight, results are buffered only until the chunks before
them are done, and everything comes out in input order.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterable, Iterator

from ..corpus import chunked
from ..document import Article, Document
from ..errors import EventcoderError
from ..reading.failures import Failure
from .worker import CHUNK_SIZE, ChunkResult, RunStats, code_chunk

IN_FLIGHT_PER_WORKER = 3
CONNECT_TIMEOUT = "20s"  # how long to wait for the scheduler given with --scheduler


class SchedulerError(EventcoderError):
    """The Dask scheduler given with --scheduler cannot be reached."""


def _client(scheduler: str | None, workers: int, processes: bool):
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT), None
        except (OSError, ValueError) as exc:  # ValueError: a malformed address (no port, unknown protocol)
            raise SchedulerError(f"cannot reach Dask scheduler {scheduler} ({exc})") from None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def code_dask(items: Iterable[Article | Failure], *, scheduler: str | None = None, workers: int = 2,
              chunk_size: int = CHUNK_SIZE, debug: bool = False, stats: RunStats | None = None,
              processes: bool = True) -> Iterator[Document | Failure]:
    """Code items on a Dask cluster; documents and failures come out in input order."""
    from distributed import as_completed

    client, cluster = _client(scheduler, workers, processes)
    run = uuid.uuid4().hex[:8]
    try:
        slots = max(1, len(client.scheduler_info().get("workers", {})) or workers) * IN_FLIGHT_PER_WORKER
        chunks = enumerate(chunked(items, chunk_size))
        pending = as_completed()
        in_flight: dict[str, tuple[int, list[Article | Failure]]] = {}  # task key -> (position, chunk)
        ready: dict[int, list[Document | Failure]] = {}
        next_out = submitted = 0

        def fill() -> None:
            nonlocal submitted
            while submitted - next_out < slots and (numbered := next(chunks, None)) is not None:
                key = f"eventcoder-{run}-{numbered[0]}"
                in_flight[key] = numbered
                pending.add(client.submit(code_chunk, numbered[1], debug, os.getpid(), key=key, pure=False))
                submitted += 1

        fill()
        for future in pending:
            seq, chunk = in_flight.pop(future.key)
            ready[seq] = _results(future, chunk, stats)
            future.release()
            while next_out in ready:
                yield from ready.pop(next_out)
                next_out += 1
            fill()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _results(future, chunk: list[Article | Failure], stats: RunStats | None) -> list[Document | Failure]:
    """A finished task's results; a task the cluster gave up on (its workers kept dying) fails its articles."""
    try:
        done: ChunkResult = future.result()
    except Exception as exc:  # noqa: BLE001 - KilledWorker and friends: report the articles, keep going
        reason = f"lost on the Dask cluster ({type(exc).__name__})"
        return [item if isinstance(item, Failure) else Failure(id=item.id, reason=f"{reason}: {item.id}",
                                                                source=item.source) for item in chunk]
    if stats is not None:
        stats.note(done.pid, done.peak_rss, done.cpu)
    return done.results
