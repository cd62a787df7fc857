"""Events as Parquet: flat columns (see `flatten`), written in row groups so memory stays flat."""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from ..document import Event
from .flatten import columns, flatten

ROW_GROUP = 10_000
_ARROW = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}


def schema() -> pa.Schema:
    """The Arrow schema of the flat event table."""
    return pa.schema([(name, _ARROW[kind]) for name, kind in columns()])


class ParquetWriter:
    """Buffers up to ROW_GROUP rows and writes each batch as one row group; a run with no events still writes
    a valid, empty file with the full schema."""

    def __init__(self, out: str | None) -> None:
        if not out:
            raise ValueError("Parquet output needs a file (--out)")
        self._schema = schema()
        self._writer = pq.ParquetWriter(out, self._schema)
        self._rows: list[dict] = []

    def write(self, events: Iterable[Event]) -> None:
        self._rows.extend(flatten(e) for e in events)
        if len(self._rows) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()
