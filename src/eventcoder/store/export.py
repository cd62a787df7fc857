"""`eventcoder export`: the selected events out of the store as JSONL, CSV or Parquet, streamed in batches.

JSONL rows are contract event objects (nested source/target/location, the shape `code` prints) with the article's
title, publication date and outlet added; CSV and Parquet rows are the flat `events` columns plus the same article
fields, with the review verdict, so a spreadsheet or a dataframe needs no joins.
"""

from __future__ import annotations

import csv
import importlib
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from ..errors import EventcoderError
from .duckdb import Store
from .filters import EVENTS_FROM, EventFilter
from .rows import EVENT_COLUMNS, event_object

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
ARTICLE_COLUMNS = ("doc_title", "doc_published", "doc_outlet")
BATCH = 10_000


class ExportError(EventcoderError):
    """The export file cannot be written."""


def _select(selection: EventFilter) -> tuple[str, list[Any]]:
    where, params = selection.where()
    columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    sql = (f"SELECT {columns}, d.title AS doc_title, d.published AS doc_published, d.outlet AS doc_outlet,"
           f" r.verdict AS review_verdict, r.fixed_type AS review_fixed_type"
           f" FROM {EVENTS_FROM} JOIN documents d ON d.id = e.doc_id"
           f" WHERE {where} ORDER BY e.date_start NULLS LAST, e.doc_id, e.evidence_start, e.id")
    return sql, params


def _dicts(store: Store, selection: EventFilter) -> Iterator[dict[str, Any]]:
    sql, params = _select(selection)
    cur = store.con.execute(sql, params)
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(BATCH):
        for row in batch:
            yield dict(zip(names, row))


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return "|".join(str(v) for v in value)
    return value


@contextmanager
def _opened(out: str) -> Iterator[IO[str]]:
    if out == "-":
        yield sys.stdout
        return
    try:
        handle = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115 - only the open's error is translated
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror}") from None
    with handle:
        yield handle


def write_jsonl(store: Store, selection: EventFilter, out: str) -> int:
    n = 0
    with _opened(out) as handle:
        for row in _dicts(store, selection):
            obj = event_object(row)
            obj.update({"doc_title": row["doc_title"], "doc_published": _plain(row["doc_published"]),
                        "doc_outlet": row["doc_outlet"], "review": row["review_verdict"]})
            handle.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_csv(store: Store, selection: EventFilter, out: str) -> int:
    n = 0
    with _opened(out) as handle:
        writer: Any = None
        for row in _dicts(store, selection):
            if writer is None:
                writer = csv.DictWriter(handle, fieldnames=list(row))
                writer.writeheader()
            writer.writerow({k: _plain(v) for k, v in row.items()})
            n += 1
        if writer is None:  # no events: still a valid CSV with its header
            sql, params = _select(selection)
            names = [d[0] for d in store.con.execute(f"SELECT * FROM ({sql}) LIMIT 0", params).description]
            csv.writer(handle).writerow(names)
    return n


def write_parquet(store: Store, selection: EventFilter, out: str) -> int:
    import pyarrow.parquet as pq

    if out == "-":
        raise ExportError("parquet cannot be written to standard output: give --out FILE.parquet")
    sql, params = _select(selection)
    reader = store.con.sql(sql, params=params).to_arrow_reader(BATCH)
    n = 0
    try:
        with pq.ParquetWriter(out, reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
                n += batch.num_rows
    except OSError as exc:
        Path(out).unlink(missing_ok=True)
        raise ExportError(f"cannot write {out}: {exc}") from None
    return n


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet}
# Layouts other packages add: each module lists EXPORTERS = {name: "module:function"}, the function taking
# (store, selection, out, **options) -> int; imported only when its format is asked for.
EXPORTER_TABLES: tuple[str, ...] = ("eventcoder.formats.registry",)


def exporters() -> dict[str, str]:
    """Every registered layout beyond the store's own: name -> "module:function"."""
    table: dict[str, str] = {}
    for module in EXPORTER_TABLES:
        table.update(importlib.import_module(module).EXPORTERS)
    return table


def export_events(store: Store, selection: EventFilter, fmt: str, out: str, **options: Any) -> int:
    """Write the selected events to `out` ("-" for standard output) in `fmt`; returns how many.

    `options` (codes, min_precision) go to registered layouts; the store's own formats take none."""
    if fmt in WRITERS:
        given = [name for name, value in options.items() if value]
        if given:
            raise ExportError(f"--{given[0].replace('_', '-')} applies to the field layouts"
                              f" ({', '.join(exporters())}), not to {fmt}")
        from ..formats.writing import (
            write_manifest,  # OUT.meta.json: the codebook version, as every layout has
        )

        n = WRITERS[fmt](store, selection, out)
        write_manifest(out, fmt, n, (), ())
        return n
    target = exporters().get(fmt)
    if target is None:
        raise ExportError(f"unknown export format: {fmt} (one of {', '.join((*FORMATS, *exporters()))})")
    module, function = target.split(":")
    return getattr(importlib.import_module(module), function)(store, selection, out, **options)
