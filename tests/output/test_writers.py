"""Event writers: JSONL keeps the contract object, CSV and Parquet flatten actors, places and context."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from eventcoder.document import Event
from eventcoder.output import format_for, open_writer
from eventcoder.output.flatten import columns, flatten

IRAN = {"name": "Iran", "code": "IRN", "kind": "state", "country": "IRN", "sector": None, "affiliation": None}
HAMAS = {"name": "Hamas", "code": "HAMAS", "kind": "organization", "country": "PSE", "sector": "REB",
         "affiliation": None}


def make_event(i: int) -> Event:
    return Event(id=f"e{i}", doc_id="d1", sentence_index=i, evidence="Iran supports Hamas.", start=0, end=20,
                 source=IRAN, target=HAMAS, type="SUPPORT", mode=None, context=["military", "political"],
                 cameo="050", quad_class=1, goldstein=3.5, date="2021-12-25", date_source="published",
                 location={"name": "Tehran", "country": "IRN", "lat": 35.69, "lon": 51.39}, negated=False,
                 hypothetical=False, reported_by=None, confidence=0.8, coder="test")


def test_flatten():
    row = flatten(make_event(0))
    assert set(row) == {name for name, _ in columns()}
    assert (row["source_code"], row["target_sector"], row["reported_by_name"]) == ("IRN", "REB", None)
    assert (row["location_name"], row["location_lat"]) == ("Tehran", 35.69)
    assert row["context"] == "military;political"


@pytest.mark.parametrize("out, fmt, expected", [
    (None, None, "jsonl"), ("x.csv", None, "csv"), ("x.parquet", None, "parquet"), ("x.csv", "jsonl", "jsonl"),
    ("x.out", None, "jsonl"),
])
def test_format_for(out, fmt, expected):
    assert format_for(out, fmt) == expected


def test_jsonl_writer(tmp_path):
    path = tmp_path / "e.jsonl"
    writer = open_writer("jsonl", str(path))
    writer.write([make_event(0), make_event(1)])
    writer.close()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["e0", "e1"]
    assert rows[0]["source"] == IRAN and rows[0]["doc_id"] == "d1"


def test_csv_writer(tmp_path):
    path = tmp_path / "e.csv"
    writer = open_writer("csv", str(path))
    writer.write([make_event(0)])
    writer.close()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["source_code"] == "IRN" and rows[0]["context"] == "military;political"


def test_parquet_writer_row_groups(tmp_path, monkeypatch):
    from eventcoder.output import parquet

    monkeypatch.setattr(parquet, "ROW_GROUP", 2)
    path = tmp_path / "e.parquet"
    writer = open_writer("parquet", str(path))
    for i in range(5):
        writer.write([make_event(i)])
    writer.close()
    table = pq.read_table(path)
    assert table.num_rows == 5
    assert pq.ParquetFile(path).num_row_groups == 3
    assert table.column("target_code").to_pylist() == ["HAMAS"] * 5


def test_parquet_without_events_keeps_schema(tmp_path):
    path = tmp_path / "empty.parquet"
    open_writer("parquet", str(path)).close()
    table = pq.read_table(path)
    assert table.num_rows == 0 and "source_code" in table.column_names
