"""What runs inside a worker (a pool process or a Dask worker): the pipeline, built once, codes chunks.

A chunk is a list of items in input order; its articles go through `code_batch` together (the backbone parses
their sentences in one stream) and reader failures pass through in place. Each chunk result carries the worker's
pid and peak RSS so a run can report memory per worker without a side channel.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..config import Config
from ..document import Article, Document
from ..pipeline import Pipeline
from ..reading.failures import Failure

CHUNK_SIZE = 8  # articles per task: large enough for a good nlp.pipe batch, small enough to keep order cheap

PARENT_CHECK_SECONDS = 1.0
TORCH_ENV = "EVENTCODER_WORKER_TORCH"
_config: Config | None = None  # the pool's config, set in each worker by init_worker
_local = threading.local()  # one pipeline per worker thread (Dask threads must not share stage state)


@dataclass
class ChunkResult:
    """The coded chunk, in order, and where/at what memory cost it was coded."""

    results: list[Document | Failure]
    pid: int
    peak_rss: int  # bytes
    cpu: float = 0.0  # the worker's CPU seconds so far (user + system): throughput free of other jobs' noise


@dataclass
class RunStats:
    """Filled while a run goes: per worker process (pid), its peak RSS in bytes and its CPU seconds so far."""

    peak_rss: dict[int, int] = field(default_factory=dict)
    cpu: dict[int, float] = field(default_factory=dict)

    def note(self, pid: int, rss: int, cpu: float = 0.0) -> None:
        self.peak_rss[pid] = max(rss, self.peak_rss.get(pid, 0))
        self.cpu[pid] = max(cpu, self.cpu.get(pid, 0.0))


def peak_rss() -> int:
    """This process's peak resident set size in bytes (ru_maxrss is KiB on Linux, bytes on macOS)."""
    value = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return value if sys.platform == "darwin" else value * 1024


def cpu_seconds() -> float:
    """CPU time this process has used (all its threads, user + system)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def keep_torch_out(config: Config | None = None) -> None:
    """In a process that only codes, stop thinc from importing torch, which it does whenever torch is installed.

    The backbone is a CPU CNN run by thinc's NumPy ops and no stage uses torch, but the import alone costs each
    worker about 180 MB of RSS and 2 s of start-up. A pipeline with the learned event component (which runs its
    encoder on torch) keeps it, and so does any worker when EVENTCODER_WORKER_TORCH=1.
    Only ever called in processes that exist to code (pool workers, separate Dask worker processes), never in a
    caller's process, where blocking an import could break the caller's own code.
    """
    if os.environ.get(TORCH_ENV) == "1" or (config or Config()).learned_events or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` now raises ImportError


def init_worker(config: Config | None = None, parent: int | None = None) -> None:
    """Pool initializer: leave Ctrl-C to the parent (it stops the pool cleanly), exit when the parent — the process
    that runs the pool, not the forkserver that forked this one — is killed (kill -9 leaves no orphans coding
    on), and load the models now."""
    global _config
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    keep_torch_out(config)
    threading.Thread(target=_exit_with_parent, args=(parent or os.getppid(),), daemon=True).start()
    _config = config
    worker_pipeline()


def worker_pipeline(config: Config | None = None) -> Pipeline:
    """This worker's pipeline for `config` (default: the one its initializer was given), built on first use and
    kept for every later chunk."""
    config = config or _config or Config()
    pipelines: dict[Config, Pipeline] = _local.__dict__.setdefault("pipelines", {})
    if config not in pipelines:
        pipelines[config] = Pipeline(config)
    return pipelines[config]


def _exit_with_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        try:
            os.kill(parent, 0)  # signal 0: only asks whether the process exists
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # exists, owned by someone else (the pid was reused): our parent is gone
            os._exit(1)


def code_chunk(items: list[Article | Failure], debug: bool = False, client_pid: int | None = None) -> ChunkResult:
    """Code one chunk with this worker's pipeline; a bad article becomes a Failure, never a crashed worker.

    `client_pid` (Dask) is the submitting process: a worker in another process keeps torch out like a pool worker.
    """
    from ..corpus import code_items

    if client_pid is not None and client_pid != os.getpid():
        keep_torch_out(_config)

    results = code_items(items, worker_pipeline(), debug=debug)
    return ChunkResult(results=results, pid=os.getpid(), peak_rss=peak_rss(), cpu=cpu_seconds())


def measure_self(results: Iterator, stats: RunStats | None) -> Iterator:
    """Pass an in-process run's results through, noting this process's peak RSS as its one worker's."""
    for result in results:
        if stats is not None:
            stats.note(os.getpid(), peak_rss(), cpu_seconds())
        yield result
