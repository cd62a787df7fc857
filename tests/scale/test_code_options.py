"""`eventcoder code` scale options: refused combinations, the progress bar's total."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
from click.testing import CliRunner

from eventcoder.cli import main
from eventcoder.scale.progress import count_items


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("Talks resumed in Geneva on Monday.", encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(tmp_path / "a.txt"), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.output


def test_resume_of_another_format_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("Talks resumed in Geneva on Monday.", encoding="utf-8")
    (tmp_path / "out.csv.progress").write_text(json.dumps({"eventcoder_progress": 1, "format": "jsonl"}) + "\n",
                                               encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out.csv")])
    assert result.exit_code == 2
    assert "is from an interrupted jsonl run; resume it with --format jsonl or delete it" in result.output


def test_count_items_for_the_eta(tmp_path):
    (tmp_path / "c.jsonl").write_text("{}\n{}\n{}\n", encoding="utf-8")
    pq.write_table(pa.table({"id": ["a", "b"], "text": ["x", "y"]}), tmp_path / "d.parquet")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.txt").write_text("x", encoding="utf-8")
    assert count_items([str(tmp_path)]) == 6
    assert count_items([str(tmp_path / "c.jsonl")]) == 3
