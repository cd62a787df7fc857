"""Resumable output: an interrupted `eventcoder code --out OUT` run, restarted with the same command, goes on
where it stopped, losing nothing and writing nothing twice.

Beside OUT the run keeps a progress journal, `OUT.progress`: a header line, then one line per input item (article
or failure) in input order, `[id, mark]`, appended only once that item's events are safely in OUT. The mark says
how far OUT is complete after that item: the byte size for JSONL and CSV, the number of finished part files for
Parquet (Parquet is written as part files under `OUT.parts/`, each closed before its items are journaled, and
joined into OUT when the run ends). On restart, OUT is cut back to the last mark (dropping the events of an item
that was being written when the run died), the journaled items are skipped — checking that the input still
gives the same ids in the same order — and the run appends the rest. A run that finishes removes the journal, so
the next run of the same command codes everything afresh.

Works the same whatever killed the run (Ctrl-C, kill -9, a crash): every write is flushed before its journal line.
It does not protect against the machine losing power (nothing is fsynced).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..document import Article, Document, Event
from ..errors import EventcoderError
from ..output import open_writer
from ..reading.failures import Failure

JOURNAL_SUFFIX = ".progress"
PARTS_SUFFIX = ".parts"
JOURNAL_VERSION = 1


class ResumeError(EventcoderError):
    """An interrupted run cannot be resumed as asked (other input, other format, output file gone)."""


def journal_path(out: str | os.PathLike[str]) -> Path:
    return Path(f"{out}{JOURNAL_SUFFIX}")


def read_journal(path: Path) -> tuple[dict, list[tuple[str, int]], int]:
    """The header, the complete entries and the byte length of the journal up to its last complete line.

    Only the last line can be incomplete (the run died while writing it); it is ignored.
    """
    header: dict | None = None
    entries: list[tuple[str, int]] = []
    good = 0
    with path.open("rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            try:
                value = json.loads(raw)
            except ValueError:
                break
            if header is None:
                if not isinstance(value, dict) or value.get("eventcoder_progress") != JOURNAL_VERSION:
                    raise ResumeError(f"not an eventcoder progress file: {path}")
                header = value
            else:
                entries.append((str(value[0]), int(value[1])))
            good += len(raw)
    if header is None:
        return {}, [], 0
    return header, entries, good


class ResumableOutput:
    """The events file of a `code --out` run together with its progress journal (see the module docstring)."""

    def __init__(self, fmt: str, out: str) -> None:
        self.fmt = fmt
        self.out = Path(out)
        self.journal = journal_path(out)
        header, entries, good = read_journal(self.journal) if self.journal.exists() else ({}, [], 0)
        if header and header.get("format") != fmt:
            raise ResumeError(f"{self.journal} is from an interrupted {header.get('format')} run; "
                              f"resume it with --format {header.get('format')} or delete it to start over")
        self.done = [doc_id for doc_id, _ in entries]
        mark = entries[-1][1] if entries else 0
        if fmt == "parquet":
            self.sink: _PartsWriter | object = _PartsWriter(self.out, parts=mark)
        else:
            resumed = bool(entries)
            if resumed:
                if not self.out.exists() or self.out.stat().st_size < mark:
                    raise ResumeError(f"{self.out} is shorter than its progress file says; "
                                      f"delete {self.journal} to start over")
                os.truncate(self.out, mark)
            self.sink = open_writer(fmt, out, append=resumed)
        if header:
            os.truncate(self.journal, good)  # drop a half-written last line
            self._handle = self.journal.open("a", encoding="utf-8")
        else:
            self._handle = self.journal.open("w", encoding="utf-8")
            self._append({"eventcoder_progress": JOURNAL_VERSION, "format": fmt})
        self._waiting: list[str] = []  # Parquet: ids whose events are buffered, not yet in a finished part

    @property
    def resumed(self) -> int:
        """How many input items the interrupted run had already finished."""
        return len(self.done)

    def skip_done(self, items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
        """The items the interrupted run had not finished, after checking it saw the same items before them."""
        stream = iter(items)
        for position, expected in enumerate(self.done, start=1):
            item = next(stream, None)
            if item is None or item.id != expected:
                found = "the end of the input" if item is None else f"{item.id!r}"
                raise ResumeError(f"the input differs from the interrupted run ({self.journal} has {expected!r} "
                                  f"as item {position}, the input has {found}); delete {self.journal} to start over")
        return stream

    def write(self, result: Document | Failure) -> None:
        """Write one item's events, then journal the item once they are safely in the output."""
        events: list[Event] = result.events if isinstance(result, Document) else []
        doc_id = result.doc.id if isinstance(result, Document) else result.id
        if isinstance(self.sink, _PartsWriter):
            self._waiting.append(doc_id)
            if self.sink.write(events):
                self._journal_waiting()
            return
        self.sink.write(events)  # type: ignore[attr-defined]  # JSONL/CSV writers flush every write
        self._append([doc_id, self.out.stat().st_size])

    def _journal_waiting(self) -> None:
        for doc_id in self._waiting:
            self._append([doc_id, self.sink.parts], flush=False)  # type: ignore[union-attr]
        self._handle.flush()
        self._waiting = []

    def _append(self, value: object, *, flush: bool = True) -> None:
        self._handle.write(json.dumps(value, ensure_ascii=False) + "\n")
        if flush:
            self._handle.flush()

    def close(self, *, complete: bool) -> None:
        """End the run: a complete one finishes the output and removes the journal; an interrupted one keeps
        both so the next run resumes."""
        if isinstance(self.sink, _PartsWriter):
            if complete:
                self.sink.finish()
        else:
            self.sink.close()  # type: ignore[attr-defined]
        self._handle.close()
        if complete:
            self.journal.unlink(missing_ok=True)


class _PartsWriter:
    """Parquet output as numbered part files under OUT.parts/, each written whole (temporary file, then renamed),
    joined into one OUT at the end. A part is closed every ROW_GROUP events or every PART_SECONDS, so a killed
    run loses at most that much unfinished work, which the resumed run redoes."""

    PART_SECONDS = 30.0

    def __init__(self, out: Path, parts: int) -> None:
        from ..output.parquet import ROW_GROUP, schema

        self.out = out
        self.folder = Path(f"{out}{PARTS_SUFFIX}")
        self.parts = parts
        self.rows: list[dict] = []
        self.limit = ROW_GROUP
        self.schema = schema()
        self.started = time.monotonic()
        if parts == 0 and self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir(exist_ok=True)
        for stale in self.folder.iterdir():  # parts past the journal's mark: written after its last line
            if not stale.name.endswith(".parquet") or int(stale.name.split("-")[1].split(".")[0]) >= parts:
                stale.unlink()

    def _part(self, number: int) -> Path:
        return self.folder / f"part-{number:06d}.parquet"

    def write(self, events: list[Event]) -> bool:
        """Buffer events; True when that closed a part (everything buffered so far is now on disk)."""
        from ..output.flatten import flatten

        self.rows.extend(flatten(e) for e in events)
        if len(self.rows) >= self.limit or time.monotonic() - self.started >= self.PART_SECONDS:
            self._close_part()
            return True
        return False

    def _close_part(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = self._part(self.parts)
        tmp = path.with_suffix(".tmp")
        pq.write_table(pa.Table.from_pylist(self.rows, schema=self.schema), tmp)
        os.replace(tmp, path)
        self.parts += 1
        self.rows = []
        self.started = time.monotonic()

    def finish(self) -> None:
        """Join the parts (and what is still buffered) into OUT, then remove them."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        tmp = self.out.with_name(self.out.name + ".tmp")
        with pq.ParquetWriter(tmp, self.schema) as writer:
            for number in range(self.parts):
                for group in pq.ParquetFile(self._part(number)).iter_batches(batch_size=self.limit):
                    writer.write_table(pa.Table.from_batches([group], schema=self.schema))
            if self.rows:
                writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
        os.replace(tmp, self.out)
        shutil.rmtree(self.folder)


def skip_stored(items: Iterable[Article | Failure], store, *, batch: int = 256) -> Iterator[Article | Failure]:
    """Items minus the articles whose text the DuckDB store already holds (same content hash): what a `--db`
    run restarted after an interruption still has to code. Reader failures pass through."""
    from ..store.rows import content_hash

    chunk: list[Article | Failure] = []

    def flush() -> Iterator[Article | Failure]:
        hashes = {id(i): content_hash(i.text) for i in chunk if isinstance(i, Article)}
        stored = {r[0] for r in store.con.execute(
            "SELECT content_hash FROM documents WHERE content_hash IN (SELECT unnest(?))",
            [list(hashes.values())]).fetchall()} if hashes else set()
        return (i for i in chunk if not (isinstance(i, Article) and hashes[id(i)] in stored))

    for item in items:
        chunk.append(item)
        if len(chunk) >= batch:
            yield from flush()
            chunk = []
    yield from flush()


def resuming_store(db: str | os.PathLike[str]) -> bool:
    """Whether an earlier `--db` run into this store was interrupted; marks this run as under way.

    The marker `DB.progress` exists while a run writes into the store and is removed when it completes
    (`finish_store`), so only a restarted run skips what is already stored: a run of the same command after a
    complete one re-codes everything (replacing, never duplicating, what the store holds).
    """
    marker = journal_path(db)
    interrupted = marker.exists()
    marker.touch()
    return interrupted


def finish_store(db: str | os.PathLike[str]) -> None:
    """A `--db` run completed: the next run of the same command is not a resume."""
    journal_path(db).unlink(missing_ok=True)
