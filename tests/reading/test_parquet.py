"""Parquet corpora: rows streamed as articles, bad rows as failures, dates from date or string columns."""

from __future__ import annotations

import datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventcoder.document import Article
from eventcoder.errors import UnreadableInputError
from eventcoder.reading.failures import Failure
from eventcoder.reading.inputs import read_inputs
from eventcoder.reading.parquet import count_rows, read_parquet

TEXT = "Delegations from the two governments met in Geneva on Monday to resume talks on a prisoner exchange."


def test_rows_become_articles_in_order_with_bad_rows_as_failures(tmp_path):
    path = tmp_path / "corpus.parquet"
    table = pa.table({"id": ["a", "b", None], "text": [TEXT, "", TEXT + " Again."],
                      "published": [datetime.date(2023, 3, 14), None, None], "title": ["T", None, None],
                      "url": [None, None, "https://example.org/x"]})
    pq.write_table(table, path, row_group_size=2)
    items = list(read_inputs([str(path)]))
    assert [type(i) for i in items] == [Article, Failure, Article]
    assert items[0].id == "a" and items[0].published == "2023-03-14" and items[0].title == "T"
    assert items[1].id == "b" and items[1].reason == f"record has no text: {path}:2"
    assert items[2].url == "https://example.org/x" and len(items[2].id) == 16  # id from content
    assert count_rows(path) == 3


def test_a_file_without_text_column_or_not_parquet_is_refused(tmp_path):
    path = tmp_path / "no_text.parquet"
    pq.write_table(pa.table({"id": ["a"], "body": [TEXT]}), path)
    with pytest.raises(UnreadableInputError, match="Parquet file has no text column"):
        list(read_parquet(path))
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"not parquet at all")
    assert [type(i) for i in read_inputs([str(junk)])] == [Failure]
