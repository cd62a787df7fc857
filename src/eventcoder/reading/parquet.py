"""Parquet corpora: one article per row, columns id, text and optionally published, title, url.

Rows are read one record batch at a time (`ParquetFile.iter_batches`), so a corpus file of any size streams in
constant memory. A row without text becomes a `Failure` naming `file:row`, like a bad JSONL line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..document import Article
from ..errors import BadRecordError, UnreadableInputError
from .failures import Failure
from .jsonl import article_from_record

COLUMNS = ("id", "text", "published", "title", "url")
BATCH_ROWS = 256  # rows decoded at a time: a few MB of text, whatever the file size


def read_parquet(path: Path, *, published: str | None = None) -> Iterator[Article | Failure]:
    """Every row of a Parquet file, in order; rows without text come out as Failures with id `file:row`.

    Raises UnreadableInputError when the file is not Parquet or has no `text` column.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        handle = pq.ParquetFile(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise UnreadableInputError(f"not a Parquet file: {path} ({exc})") from None
    present = [c for c in COLUMNS if c in handle.schema_arrow.names]
    if "text" not in present:
        raise UnreadableInputError(f"Parquet file has no text column: {path}")
    row = 0
    for batch in handle.iter_batches(batch_size=BATCH_ROWS, columns=present):
        for record in batch.to_pylist():
            row += 1
            where = f"{path}:{row}"
            if record.get("published") is not None:
                record["published"] = str(record["published"])[:10]  # a date or timestamp column
            try:
                yield article_from_record(record, where, published=published)
            except BadRecordError as exc:
                rid = record.get("id")
                yield Failure(id=str(rid) if rid not in (None, "") else where, reason=str(exc), source=where)


def count_rows(path: Path) -> int:
    """Rows in a Parquet file, from its footer (no data read): the progress bar's total."""
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows
