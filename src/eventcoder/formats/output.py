"""Writing an aggregate as CSV (to a file or standard output) or Parquet (to a file)."""

from __future__ import annotations

import csv

from ..errors import EventcoderError
from .aggregate import Aggregate
from .writing import cell, opened


class OutputError(EventcoderError):
    """An output that cannot be written as asked."""


def write_table(result: Aggregate, fmt: str, out: str | None) -> None:
    """`result` as CSV or Parquet; Parquet needs a file."""
    if fmt == "csv":
        with opened(out or "-") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(result.columns)
            writer.writerows([cell(v) for v in row] for row in result.rows)
        return
    if fmt != "parquet":
        raise OutputError(f"unknown output format: {fmt} (csv or parquet)")
    if not out or out == "-":
        raise OutputError("parquet cannot be written to standard output: give --out FILE.parquet")
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({c: [row[i] for row in result.rows] for i, c in enumerate(result.columns)})
    try:
        pq.write_table(table, out)
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc}") from None
