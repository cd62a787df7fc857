"""One-a-day and cross-article deduplication on the hand-checked store (see conftest.golden_corpus)."""

from __future__ import annotations

import json

from eventcoder.formats.dedupe import cross_article, one_a_day
from eventcoder.store.duckdb import Store


def test_one_a_day_view_keeps_raw_rows(golden_db):
    with Store.open(golden_db) as store:
        result = one_a_day(store)
        assert store.scalar("SELECT count(*) FROM events") == 8  # raw rows untouched
        rows = {r["id"]: r for r in store.rows("SELECT id, n_duplicates, merged_ids FROM events_one_a_day")}
    assert (result.events, result.kept) == (8, 6)
    assert rows["wire2-e0"]["n_duplicates"] == 1 and rows["wire2-e0"]["merged_ids"] == ["wire2-e1"]
    # wire1 and wire3 both report the 1 May call: equal confidence and publication day, so the first article id is kept
    assert rows["wire1-e0"]["merged_ids"] == ["wire3-e0"]
    assert "wire2-e1" not in rows and "wire3-e0" not in rows
    assert rows["wire2-e3"]["n_duplicates"] == 0  # the negated event is never merged into a real one


def test_one_a_day_view_follows_new_articles(golden_db, docs):
    with Store.open(golden_db) as store:
        one_a_day(store)
        store.write_documents(docs[:1], version="test-1")
        assert store.scalar("SELECT count(*) FROM events_one_a_day WHERE doc_id = 'ties'") > 0


def test_cross_article_groups_reports_of_one_strike(golden_db):
    with Store.open(golden_db) as store:
        result = cross_article(store)
        dupes = {r["event_id"]: r for r in store.rows("SELECT * FROM event_duplicates")}
        kept = store.rows("SELECT id, n_duplicates, merged_ids FROM events_cross_article WHERE n_duplicates > 0")
        total = store.scalar("SELECT count(*) FROM events")
    # the strike: wire1 (1 May) and wire2's two reports (2 May), all within a day, evidence alike
    assert kept == [{"id": "wire1-e1", "n_duplicates": 2, "merged_ids": ["wire2-e0", "wire2-e1"]}]
    assert set(dupes) == {"wire2-e0", "wire2-e1"}
    assert all(d["similarity"] >= 60 for d in dupes.values())
    # wire3's call has the same dyad, type and day as wire1's but says something else: not merged
    assert "wire3-e0" not in dupes
    assert (result.events, result.kept, total) == (8, 6, 8)


def test_cross_article_threshold_and_days(golden_db):
    with Store.open(golden_db) as store:
        assert cross_article(store, threshold=100).kept == 8
        assert cross_article(store, days=0).kept == 8  # wire1's strike is a day before wire2's
        assert cross_article(store, threshold=0).kept == 5  # any wording: the call is merged too


def test_dedupe_command(golden_db, cli):
    result = cli("dedupe", "--db", golden_db, "--one-a-day", "--cross-article", "--format", "json")
    assert result.exit_code == 0, result.output
    tables = [json.loads(part) for part in result.stdout.replace("]\n[", "]\x00[").split("\x00")]
    assert [len(t) for t in tables] == [2, 1]
    assert tables[1][0]["kept"] == "wire1-e1" and tables[1][0]["n_duplicates"] == 2


def test_dedupe_command_needs_a_mode(golden_db, cli):
    result = cli("dedupe", "--db", golden_db)
    assert result.exit_code == 2
    assert "--one-a-day and/or --cross-article" in result.stderr


def test_dedupe_on_a_missing_store_creates_nothing(cli, tmp_path):
    missing = tmp_path / "none.duckdb"
    result = cli("dedupe", "--one-a-day", "--db", missing)
    assert result.exit_code == 2
    assert result.stderr == (f"eventcoder: error: no such store: {missing} "
                             f"(create it with: eventcoder code INPUT... --db {missing})\n")
    assert not missing.exists()
