"""Streaming event writers for `eventcoder code`: JSONL, CSV and Parquet, each `write(events)` then `close()`.

Writers take events as they are coded, so a corpus of any size is written in constant memory. A run may feed
several sinks at once (a file and, with `--db`, the DuckDB store); every sink follows the `EventSink` protocol.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from ..document import Event

FORMATS = ("jsonl", "csv", "parquet")


class EventSink(Protocol):
    """Anything that takes coded events in batches and is closed once at the end of the run."""

    def write(self, events: Iterable[Event]) -> None: ...

    def close(self) -> None: ...


def format_for(out: str | None, fmt: str | None) -> str:
    """The output format: the one asked for, else the --out file's extension, else JSONL."""
    if fmt:
        return fmt
    suffix = Path(out).suffix.lower().lstrip(".") if out else ""
    return suffix if suffix in FORMATS else "jsonl"


def open_writer(fmt: str, out: str | None, *, append: bool = False) -> EventSink:
    """A writer of `fmt` to the file `out`, or to standard output when `out` is None (not for Parquet).

    `append` continues an existing JSONL or CSV file (a resumed run) instead of starting it afresh.
    """
    if fmt == "jsonl":
        from .jsonl import JsonlWriter
        return JsonlWriter(out, append=append)
    if fmt == "csv":
        from .csv import CsvWriter
        return CsvWriter(out, append=append)
    if fmt == "parquet":
        from .parquet import ParquetWriter
        return ParquetWriter(out)
    raise ValueError(f"unknown output format: {fmt}")
