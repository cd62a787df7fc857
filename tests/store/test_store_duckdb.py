"""The DuckDB store: what goes in comes back, re-coding replaces, writes are all-or-nothing, bad files fail clearly."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from storedocs import article_script, article_ties, corpus

from eventcoder.errors import StoreError
from eventcoder.store.duckdb import DOC_TABLES, Store
from eventcoder.store.review import record_review

TESTS = Path(__file__).resolve().parents[1]
SRC = TESTS.parent / "src"


def table_counts(store: Store, doc_id: str) -> dict[str, int]:
    counts = {t: store.scalar(f"SELECT count(*) FROM {t} WHERE doc_id = ?", [doc_id]) for t in DOC_TABLES}
    counts["documents"] = store.scalar("SELECT count(*) FROM documents WHERE id = ?", [doc_id])
    return counts


def expected_counts(doc) -> dict[str, int]:
    return {"sentences": len(doc.sentences), "actors": len(doc.actors),
            "actor_mentions": sum(len(a.mentions) for a in doc.actors), "places": len(doc.places),
            "place_mentions": sum(len(p.mentions) for p in doc.places), "dates": len(doc.dates),
            "quotes": len(doc.quotes), "events": len(doc.events), "documents": 1}


def test_every_table_holds_the_document(db, docs):
    with Store.open(db, read_only=True) as store:
        for doc in docs:
            assert table_counts(store, doc.doc.id) == expected_counts(doc)
        row = store.rows("SELECT * FROM documents WHERE id = 'ties'")[0]
    ties = docs[0]
    assert row["text"] == ties.text and row["title"] == ties.doc.title
    assert str(row["published"]) == ties.doc.published and row["outlet"] == ties.doc.outlet
    assert row["coder_version"] == "test-1" and row["coded_at"] is not None


def test_event_columns_keep_the_event(db, docs):
    event = docs[0].events[5]
    with Store.open(db, read_only=True) as store:
        row = store.rows("SELECT * FROM events WHERE id = ?", [event.id])[0]
    assert (row["plover_type"], row["cameo_code"], row["quad_class"], row["goldstein"]) == \
        (event.type, event.cameo, event.quad_class, event.goldstein)
    assert (row["source_code"], row["target_code"], row["source_country"]) == \
        (event.source["code"], event.target["code"], event.source["country"])
    assert (row["evidence_start"], row["evidence_end"]) == (event.start, event.end)
    assert row["location_name"] == event.location["name"] and row["date"] == event.date
    assert docs[0].text[row["evidence_start"]:row["evidence_end"]] == row["evidence"]


@pytest.mark.parametrize("value, start, precision", [
    ("2021-12-14", "2021-12-14", "day"), ("2021-11", "2021-11-01", "month"), ("2021", "2021-01-01", "year"),
])
def test_event_dates_get_a_period_start_and_precision(tmp_path, value, start, precision):
    doc = article_ties()
    doc.events = [dataclasses.replace(doc.events[0], date=value)]
    with Store.open(tmp_path / "s.duckdb") as store:
        store.write_document(doc)
        row = store.rows("SELECT date, date_start, date_precision FROM events")[0]
    assert (row["date"], str(row["date_start"]), row["date_precision"]) == (value, start, precision)


def test_recoding_is_idempotent(db, docs):
    with Store.open(db) as store:
        before = {d.doc.id: table_counts(store, d.doc.id) for d in docs}
        first_coded = store.scalar("SELECT coded_at FROM documents WHERE id = 'ties'")
        store.write_documents(docs, version="test-2")
        store.write_documents(docs, version="test-2")
        after = {d.doc.id: table_counts(store, d.doc.id) for d in docs}
        assert store.scalar("SELECT count(*) FROM events") == sum(len(d.events) for d in docs)
        assert store.scalar("SELECT count(DISTINCT coder_version) FROM documents") == 1
        assert store.scalar("SELECT coder_version FROM documents WHERE id = 'ties'") == "test-2"
        assert store.scalar("SELECT coded_at FROM documents WHERE id = 'ties'") > first_coded
    assert before == after


def test_same_text_under_a_new_id_replaces_the_old_id(db):
    doc = article_ties()
    doc.doc.id = "ties-again"
    for e in doc.events:
        e.doc_id = "ties-again"
    with Store.open(db) as store:
        store.write_document(doc)
        ids = {r["id"] for r in store.rows("SELECT id FROM documents")}
        assert "ties" not in ids and "ties-again" in ids
        assert table_counts(store, "ties") == dict.fromkeys(expected_counts(doc), 0)
        assert table_counts(store, "ties-again") == expected_counts(doc)


def test_same_id_with_new_text_replaces_the_old_coding(db):
    doc = article_ties()
    doc.text = doc.text + "\nA late paragraph."
    doc.events = doc.events[:2]
    with Store.open(db) as store:
        store.write_document(doc)
        assert store.scalar("SELECT count(*) FROM events WHERE doc_id = 'ties'") == 2
        assert store.scalar("SELECT text FROM documents WHERE id = 'ties'") == doc.text


def test_reviews_survive_recoding(db, docs):
    with Store.open(db) as store:
        record_review(store, "ties-e0", "accept")
        store.write_documents(docs)
        assert store.rows("SELECT event_id, verdict FROM reviews") == [{"event_id": "ties-e0", "verdict": "accept"}]


def test_failures_are_kept_until_the_article_is_coded(db):
    with Store.open(db) as store:
        store.record_failure("broken", "not UTF-8 text: broken.bin", source="broken.bin")
        store.record_failure("broken", "empty article: broken.bin")
        assert store.rows("SELECT id, reason FROM failures") == [{"id": "broken", "reason": "empty article: broken.bin"}]
        doc = article_script()
        doc.doc.id = "broken"
        store.write_document(doc)
        assert store.scalar("SELECT count(*) FROM failures") == 0


def test_a_failed_write_leaves_the_earlier_coding_whole(db, docs):
    doc = article_ties()
    doc.text += " changed"
    doc.events = [doc.events[0], doc.events[0]]  # duplicate event id: the insert fails after the deletes
    with Store.open(db) as store:
        with pytest.raises(StoreError, match="cannot store article ties: .*[Dd]uplicate key"):
            store.write_document(doc)
        assert table_counts(store, "ties") == expected_counts(docs[0])
        assert store.scalar("SELECT text FROM documents WHERE id = 'ties'") == docs[0].text
        store.write_document(article_script())  # the connection is usable afterwards


def test_missing_store_is_a_clear_error(tmp_path):
    path = tmp_path / "nothing.duckdb"
    with pytest.raises(StoreError, match=f"no such store: {path}"):
        Store.open(path, read_only=True)
    assert not path.exists()


@pytest.mark.parametrize("content", [b"not a database at all\n", b"\x00" * 5000, b""])
def test_corrupt_file_is_a_clear_error(tmp_path, content):
    path = tmp_path / "broken.duckdb"
    path.write_bytes(content)
    for read_only in (True, False):
        with pytest.raises(StoreError, match="not a readable eventcoder store: .*broken.duckdb"):
            Store.open(path, read_only=read_only)


def test_foreign_duckdb_file_is_not_taken_for_a_store(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    for read_only in (True, False):
        with pytest.raises(StoreError, match="not an eventcoder store: .*other.duckdb"):
            Store.open(path, read_only=read_only)


def test_directory_and_missing_parent_are_clear_errors(tmp_path):
    with pytest.raises(StoreError, match="store path is a directory"):
        Store.open(tmp_path)
    with pytest.raises(StoreError, match="no such directory for the store"):
        Store.open(tmp_path / "no" / "such.duckdb")


def test_read_only_store_refuses_writes(db):
    with Store.open(db, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.write_document(article_ties())


# -- kill -9 in the middle of a write ------------------------------------------------------------------------

CHILD = """
import sys, time
from eventcoder.store.duckdb import Store
from storedocs import corpus, article_ties, article_script

class Stall(list):
    '''Events that stop the writer mid-transaction, after the first rows of the article are inserted.'''
    def __iter__(self):
        items = list.__iter__(self)
        yield next(items)
        print("stalled", flush=True)
        time.sleep(120)
        yield from items

path, scenario = sys.argv[1], sys.argv[2]
with Store.open(path) as store:
    if scenario == "loop":
        docs = corpus()
        for n in range(100000):
            doc = docs[n % 3]
            doc.text += " more"
            store.write_document(doc)
            print("committed", n, flush=True)
    store.write_documents(corpus()[:2])
    doc = article_ties() if scenario == "recode" else article_script()
    if scenario == "recode":
        doc.text += " A changed ending."
    doc.events = Stall(doc.events)
    store.write_document(doc)
"""


def run_and_kill(path: Path, scenario: str, wait_for: str) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(TESTS)])}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), scenario], stdout=subprocess.PIPE,
                             text=True, env=env)
    try:
        for line in child.stdout:
            if line.startswith(wait_for):
                break
        else:
            pytest.fail(f"the writer ended before {wait_for!r} (exit {child.wait()})")
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL


@pytest.mark.parametrize("scenario, stalled_id", [("new", "clash"), ("recode", "ties")])
def test_kill_during_a_write_leaves_the_article_fully_in_or_out(tmp_path, scenario, stalled_id):
    path = tmp_path / "killed.duckdb"
    run_and_kill(path, scenario, "stalled")
    with Store.open(path, read_only=True) as store:
        for doc in corpus()[:2]:  # committed before the kill: whole, and the re-coded one unchanged
            assert table_counts(store, doc.doc.id) == expected_counts(doc)
            assert store.scalar("SELECT text FROM documents WHERE id = ?", [doc.doc.id]) == doc.text
        if scenario == "new":
            assert set(table_counts(store, stalled_id).values()) == {0}


def test_kill_at_any_moment_leaves_a_readable_consistent_store(tmp_path):
    path = tmp_path / "killed.duckdb"
    run_and_kill(path, "loop", "committed 30")
    with Store.open(path, read_only=True) as store:
        docs = {d.doc.id: d for d in corpus()}
        stored = store.rows("SELECT id, n_sentences, n_events FROM documents")
        assert {r["id"] for r in stored} == set(docs)
        for row in stored:
            counts = table_counts(store, row["id"])
            assert counts == expected_counts(docs[row["id"]])
            assert (counts["sentences"], counts["events"]) == (row["n_sentences"], row["n_events"])


def test_store_held_by_another_writer_is_a_clear_error(db):
    hold = "import sys, time, duckdb; con = duckdb.connect(sys.argv[1]); print('open', flush=True); time.sleep(60)"
    holder = subprocess.Popen([sys.executable, "-c", hold, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        for read_only in (True, False):
            with pytest.raises(StoreError, match=f"store is in use by another process: {db}"):
                Store.open(db, read_only=read_only)
    finally:
        holder.kill()
        holder.wait()


def test_store_open_twice_in_two_modes_is_a_clear_error(db):
    with Store.open(db), pytest.raises(StoreError, match=f"already open in this process in another mode: {db}"):
        Store.open(db, read_only=True)
