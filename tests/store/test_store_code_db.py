"""`eventcoder code --db`: a corpus run into the store, re-run idempotently, and killed with SIGKILL mid-run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventcoder.store.duckdb import DOC_TABLES, Store

SRC = Path(__file__).resolve().parents[2] / "src"

ARTICLES = [
    ("talks", "Ministers meet in Oslo to discuss the border dispute",
     ("The foreign ministers of Norway and Sweden met in Oslo on Monday to discuss the border dispute. "
      "Both sides said the talks were useful and agreed to meet again next month.")),
    ("strike", "Dock workers strike in Antwerp",
     ("Dock workers in Antwerp walked out on Tuesday over pay. The union said the strike would last two days. "
      "The port authority criticised the union for the timing of the walkout.")),
    ("aid", "Relief convoy reaches flooded towns",
     ("A convoy of trucks carrying food and medicine reached flooded towns in the south on Wednesday. "
      "The Red Cross said more help was needed.")),
]


def write_corpus(path: Path, n: int, bad: bool = False) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            key, title, text = ARTICLES[i % len(ARTICLES)]
            out.write(json.dumps({"id": f"{key}-{i}", "title": title, "text": f"{title}\n\n{text} ({i})",
                                  "published": f"2023-05-0{1 + i % 9}"}) + "\n")
        if bad:
            out.write("this line is not JSON\n")


def consistent(store: Store) -> list[str]:
    """Ids of stored articles, asserting each one is complete (its counts match what the document row says)."""
    ids = []
    for row in store.rows("SELECT id, n_sentences, n_actors, n_events FROM documents"):
        counts = {t: store.scalar(f"SELECT count(*) FROM {t} WHERE doc_id = ?", [row["id"]]) for t in DOC_TABLES}
        assert (counts["sentences"], counts["actors"], counts["events"]) == \
            (row["n_sentences"], row["n_actors"], row["n_events"]), row["id"]
        ids.append(row["id"])
    return ids


def test_code_into_the_store_twice_changes_nothing(cli, tmp_path):
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "run.duckdb"
    write_corpus(corpus, 3, bad=True)
    first = cli("code", corpus, "--db", db)
    assert first.exit_code == 0, first.stderr
    assert first.stdout == ""  # with --db and no --out, events go to the store only
    assert "coded 3 articles, 1 failed" in first.stderr and f"-> {db}" in first.stderr
    with Store.open(db, read_only=True) as store:
        ids = consistent(store)
        snapshot = {t: store.scalar(f"SELECT count(*) FROM {t}") for t in (*DOC_TABLES, "documents", "failures")}
        failures = store.rows("SELECT id, reason FROM failures")
    assert sorted(ids) == ["aid-2", "strike-1", "talks-0"]
    assert len(failures) == 1 and failures[0]["id"].endswith(":4")
    assert cli("code", corpus, "--db", db).exit_code == 0
    with Store.open(db, read_only=True) as store:
        assert {t: store.scalar(f"SELECT count(*) FROM {t}") for t in snapshot} == snapshot


def test_code_with_out_and_db_feeds_both(cli, tmp_path):
    corpus, db, out = tmp_path / "corpus.jsonl", tmp_path / "run.duckdb", tmp_path / "events.jsonl"
    write_corpus(corpus, 2)
    result = cli("code", corpus, "--db", db, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert out.exists()
    with Store.open(db, read_only=True) as store:
        n_events = store.scalar("SELECT count(*) FROM events")
        assert store.scalar("SELECT count(*) FROM documents") == 2
    assert len(out.read_text().splitlines()) == n_events


def test_code_into_a_corrupt_store_fails_clearly(cli, tmp_path):
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "junk.duckdb"
    write_corpus(corpus, 1)
    db.write_text("not a database\n")
    result = cli("code", corpus, "--db", db)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"eventcoder: error: not a readable eventcoder store: {db}")


def test_kill_during_code_leaves_a_consistent_store(tmp_path):
    corpus, db = tmp_path / "big.jsonl", tmp_path / "killed.duckdb"
    write_corpus(corpus, 3000)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    child = subprocess.Popen([sys.executable, "-m", "eventcoder", "code", str(corpus), "--db", str(db)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    wal = Path(str(db) + ".wal")
    try:
        deadline = time.monotonic() + 120
        created = None  # the WAL size once the empty store exists; it grows with each stored article
        while created is None or wal.stat().st_size <= created:
            if created is None and wal.exists() and wal.stat().st_size > 0:
                created = wal.stat().st_size
            if child.poll() is not None:
                pytest.fail(f"code ended early: {child.stderr.read().decode()}")
            if time.monotonic() > deadline:
                pytest.fail("no article was stored within 120 s")
            time.sleep(0.01)
        time.sleep(0.5)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL
    with Store.open(db, read_only=True) as store:
        ids = consistent(store)
    assert 1 <= len(ids) < 3000
