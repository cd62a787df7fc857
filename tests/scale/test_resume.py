"""Resume: an interrupted `code --out` run restarted with the same command loses nothing and repeats nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventcoder.cli import main
from eventcoder.document import DocMeta, Document, Event
from eventcoder.reading.failures import Failure
from eventcoder.scale.resume import ResumableOutput, ResumeError, journal_path

REPO = Path(__file__).resolve().parents[2]


def _doc(doc_id: str, n_events: int) -> Document:
    meta = DocMeta(id=doc_id, title=None, published=None, outlet=None, language="en", url=None)
    events = [Event(**{**_event_fields(), "id": f"{doc_id}-e{i}", "doc_id": doc_id}) for i in range(n_events)]
    return Document(doc=meta, text="x", sentences=[], actors=[], places=[], dates=[], quotes=[], events=events)


def _event_fields() -> dict:
    import dataclasses
    fields = {}
    for f in dataclasses.fields(Event):
        fields[f.name] = [] if "list" in str(f.type) else None
    return fields


def _read(fmt: str, path: Path) -> list[str]:
    if fmt == "parquet":
        return pq.read_table(path).column("id").to_pylist()
    lines = path.read_text(encoding="utf-8").splitlines()
    if fmt == "csv":
        return [line.split(",")[0] for line in lines[1:]]
    return [json.loads(line)["id"] for line in lines]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_resumed_output_equals_uninterrupted_output(tmp_path, fmt, monkeypatch):
    from eventcoder.scale import resume

    monkeypatch.setattr(resume._PartsWriter, "PART_SECONDS", 0.0)  # Parquet: a part per item, to test parts
    items = [_doc("a", 2), Failure("b", "bad"), _doc("c", 0), _doc("d", 3), _doc("e", 1)]
    whole = tmp_path / f"whole.{fmt}"
    out = ResumableOutput(fmt, str(whole))
    for item in items:
        out.write(item)
    out.close(complete=True)
    assert not journal_path(whole).exists()

    cut = tmp_path / f"cut.{fmt}"
    out = ResumableOutput(fmt, str(cut))
    for item in items[:3]:
        out.write(item)
    if fmt != "parquet":  # the run dies while writing item 4: its events are half in the file, not journaled
        with cut.open("a", encoding="utf-8") as handle:
            handle.write('{"id": "d-e0", "half a li')
    with journal_path(cut).open("a", encoding="utf-8") as handle:
        handle.write('["d", 12')  # and half a journal line
    out._handle.close()  # killed: no close()

    again = ResumableOutput(fmt, str(cut))
    assert again.resumed == 3
    rest = list(again.skip_done(Failure(i, "input item") for i in "abcde"))  # skip_done reads only ids
    assert [r.id for r in rest] == ["d", "e"]
    for item in items[3:]:
        again.write(item)
    again.close(complete=True)
    assert _read(fmt, cut) == _read(fmt, whole) == ["a-e0", "a-e1", "d-e0", "d-e1", "d-e2", "e-e0"]


def test_resume_refuses_other_input(tmp_path):
    out = ResumableOutput("jsonl", str(tmp_path / "o.jsonl"))
    out.write(_doc("a", 1))
    out._handle.close()
    again = ResumableOutput("jsonl", str(tmp_path / "o.jsonl"))
    with pytest.raises(ResumeError, match="the input differs from the interrupted run"):
        list(again.skip_done([Failure("z", "bad")]))
    with pytest.raises(ResumeError, match="interrupted jsonl run"):
        ResumableOutput("csv", str(tmp_path / "o.jsonl"))


def test_killed_run_resumes_without_loss_or_duplicates(tmp_path, corpus):
    """kill -9 a real `eventcoder code` mid-run, restart it, compare with a run that was never interrupted."""
    path = corpus(24, paragraphs=2)
    out = tmp_path / "events.jsonl"
    args = ["code", str(path), "--out", str(out), "--workers", "1"]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "eventcoder", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = journal_path(out)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if journal.exists() and journal.read_text(encoding="utf-8").count("\n") >= 2:  # header + 1 article
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = journal.read_text(encoding="utf-8").count("\n") - 1
    assert 0 < done_before < 24

    resumed = CliRunner().invoke(main, args)
    assert resumed.exit_code == 0, resumed.output
    assert f"{done_before} article(s) already done" in resumed.output
    assert not journal.exists()
    reference = tmp_path / "reference.jsonl"
    whole = CliRunner().invoke(main, ["code", str(path), "--out", str(reference), "--workers", "1"])
    assert whole.exit_code == 0, whole.output
    got = out.read_text(encoding="utf-8").splitlines()
    assert got == reference.read_text(encoding="utf-8").splitlines()
    assert len(got) == len(set(got)) and got  # events, none twice


def test_interrupted_db_run_skips_articles_already_stored(tmp_path, corpus):
    """A --db run that did not finish leaves DB.progress; the restarted run codes only what is not stored."""
    path = corpus(3, paragraphs=1)
    db = tmp_path / "events.duckdb"
    first = CliRunner().invoke(main, ["code", str(path), "--db", str(db), "--workers", "1"])
    assert first.exit_code == 0, first.output
    assert not journal_path(db).exists()  # complete: the next run is not a resume
    journal_path(db).touch()  # as if that run had been killed before its end
    bigger = corpus(4, paragraphs=1)  # the same three articles and one more
    again = CliRunner().invoke(main, ["code", str(bigger), "--db", str(db), "--workers", "1"])
    assert again.exit_code == 0, again.output
    assert "articles already stored are skipped" in again.output
    assert "coded 1 article," in again.output
    from eventcoder.store.duckdb import Store
    with Store.open(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM documents") == 4
