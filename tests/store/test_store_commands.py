"""The store commands end to end: query, stats, export, plot timeline, review export (exit codes and output).

Expected figures are computed from the hand-coded fixture events, never typed in.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd
import pytest

from eventcoder.store.duckdb import Store
from eventcoder.store.review import record_review


def events_of(docs, flagged=False):
    return [e for d in docs for e in d.events if flagged or not (e.negated or e.hypothetical)]


def error_line(result) -> str:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    return result.stderr.strip()


# -- query ---------------------------------------------------------------------------------------------------

def test_query_prints_a_table(cli, db, docs):
    result = cli("query", "SELECT plover_type, count(*) AS n FROM events GROUP BY 1 ORDER BY 1", "--db", db)
    assert result.exit_code == 0, result.stderr
    for kind in {e.type for e in events_of(docs, flagged=True)}:
        assert kind in result.stdout
    assert "plover_type" in result.stdout


def test_query_json_and_csv(cli, db, docs):
    sql = "SELECT plover_type, count(*) AS n FROM events GROUP BY 1"
    expected = Counter(e.type for e in events_of(docs, flagged=True))
    as_json = json.loads(cli("query", sql, "--db", db, "--format", "json").stdout)
    assert {r["plover_type"]: r["n"] for r in as_json} == expected
    rows = list(csv.DictReader(io.StringIO(cli("query", sql, "--db", db, "--format", "csv").stdout)))
    assert {r["plover_type"]: int(r["n"]) for r in rows} == expected


@pytest.mark.parametrize("sql, message", [
    ("DELETE FROM events", "query is read-only: only SELECT/WITH statements are allowed, not DELETE"),
    ("UPDATE events SET negated = true", "query is read-only: only SELECT/WITH statements are allowed, not UPDATE"),
    ("DROP TABLE events", "query is read-only: only SELECT/WITH statements are allowed, not DROP"),
    ("INSERT INTO reviews VALUES ('x', 'accept', NULL, NULL, now())", "not INSERT"),
    ("CREATE TABLE x AS SELECT 1", "not CREATE"),
    ("COPY events TO 'stolen.csv'", "not COPY"),
    ("ATTACH 'other.duckdb' AS other", "not ATTACH"),
    ("SELECT 1; DELETE FROM events", "give exactly one SELECT statement (got 2)"),
])
def test_query_refuses_writes(cli, db, docs, sql, message):
    line = error_line(cli("query", sql, "--db", db))
    assert line.startswith("eventcoder: error: ") and message in line
    with Store.open(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM events") == len(events_of(docs, flagged=True))
        assert store.scalar("SELECT count(*) FROM reviews") == 0


def test_query_reports_bad_sql(cli, db):
    assert error_line(cli("query", "SELECT * FROM nowhere", "--db", db)).startswith(
        "eventcoder: error: query failed: Catalog Error")


def test_query_on_a_missing_store(cli, tmp_path):
    path = tmp_path / "none.duckdb"
    assert error_line(cli("query", "SELECT 1", "--db", path)) == (
        f"eventcoder: error: no such store: {path} (create it with: eventcoder code INPUT... --db {path})")


def test_query_on_a_corrupt_store(cli, tmp_path):
    path = tmp_path / "junk.duckdb"
    path.write_text("this is not a database\n")
    assert error_line(cli("query", "SELECT 1", "--db", path)).startswith(
        f"eventcoder: error: not a readable eventcoder store: {path}")


# -- stats ---------------------------------------------------------------------------------------------------

def stats_json(cli, db, *args):
    result = cli("stats", "--db", db, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_stats_by_type_excludes_flagged_events_unless_asked(cli, db, docs):
    rows = stats_json(cli, db, "--by", "type")
    assert {r["plover_type"]: r["events"] for r in rows} == Counter(e.type for e in events_of(docs))
    rows = stats_json(cli, db, "--by", "type", "--include-negated", "--include-hypothetical")
    assert {r["plover_type"]: r["events"] for r in rows} == Counter(e.type for e in events_of(docs, True))
    negated = [e for e in events_of(docs, True) if e.negated and not e.hypothetical]
    rows = stats_json(cli, db, "--by", "type", "--include-negated")
    assert sum(r["events"] for r in rows) == len(events_of(docs)) + len(negated)


def test_stats_by_quad(cli, db, docs):
    rows = stats_json(cli, db, "--by", "quad")
    expected = defaultdict(float)
    for e in events_of(docs):
        expected[e.quad_class] += e.goldstein
    assert {r["quad_class"]: r["goldstein_sum"] for r in rows} == pytest.approx(dict(expected))
    assert {r["quad_label"] for r in rows} <= {"verbal cooperation", "material cooperation", "verbal conflict",
                                               "material conflict"}


def test_stats_top_dyads_with_goldstein(cli, db, docs):
    rows = stats_json(cli, db, "--by", "dyad")
    counts, sums = Counter(), defaultdict(float)
    for e in events_of(docs):
        key = (e.source["code"], e.target["code"])
        counts[key] += 1
        sums[key] += e.goldstein
    assert {(r["source"], r["target"]): r["events"] for r in rows} == counts
    assert {(r["source"], r["target"]): r["goldstein_sum"] for r in rows} == pytest.approx(dict(sums))
    assert [r["events"] for r in rows] == sorted((r["events"] for r in rows), reverse=True)
    assert len(stats_json(cli, db, "--by", "dyad", "--limit", "2")) == 2


def test_stats_by_source_target_and_country(cli, db, docs):
    evs = events_of(docs)
    assert {r["source"]: r["events"] for r in stats_json(cli, db, "--by", "source")} == \
        Counter(e.source["code"] for e in evs)
    assert {r["target"]: r["events"] for r in stats_json(cli, db, "--by", "target")} == \
        Counter(e.target["code"] for e in evs)
    countries = Counter(c for e in evs for c in {e.source["country"], e.target["country"]})
    assert {r["country"]: r["events"] for r in stats_json(cli, db, "--by", "country")} == countries


def test_stats_goldstein_per_dyad_per_month(cli, db, docs):
    rows = stats_json(cli, db, "--by", "dyad", "--by", "month")
    sums = defaultdict(float)
    for e in events_of(docs):
        if e.date and len(e.date) >= 7:
            sums[(e.source["code"], e.target["code"], e.date[:7])] += e.goldstein
    assert {(r["source"], r["target"], r["month"]): r["goldstein_sum"] for r in rows} == pytest.approx(dict(sums))
    assert [r["month"] for r in rows] == sorted(r["month"] for r in rows)


def test_stats_since_until(cli, db, docs):
    rows = stats_json(cli, db, "--by", "month", "--since", "2022", "--until", "2022-01")
    expected = Counter(e.date[:7] for e in events_of(docs) if e.date[:7] == "2022-01")
    assert {r["month"]: r["events"] for r in rows} == expected


def test_stats_table_output(cli, db):
    result = cli("stats", "--by", "quad", "--db", db)
    assert result.exit_code == 0
    assert "Events by quad (negated and hypothetical events excluded)" in result.stdout
    assert "verbal cooperation" in result.stdout


@pytest.mark.parametrize("args, message", [
    (("--since", "2022-13-45"), "eventcoder: error: not a date (YYYY, YYYY-MM or YYYY-MM-DD): 2022-13-45"),
    (("--type", "bogus"), "eventcoder: error: not a PLOVER event type: bogus"),
    (("--actor", "IR N"), "eventcoder: error: not an actor code: 'IR N'"),
])
def test_stats_bad_filters(cli, db, args, message):
    assert error_line(cli("stats", "--db", db, *args)).startswith(message)


# -- export --------------------------------------------------------------------------------------------------

def test_export_jsonl_gives_contract_event_objects(cli, db, docs, tmp_path):
    out = tmp_path / "events.jsonl"
    result = cli("export", "--format", "jsonl", "--out", out, "--db", db)
    assert result.exit_code == 0 and result.stderr.strip() == f"exported 13 events to {out}"
    records = [json.loads(line) for line in out.read_text().splitlines()]
    originals = {e.id: e for e in events_of(docs, flagged=True)}
    assert len(records) == len(originals)
    for rec in records:
        event = originals[rec["id"]]
        assert {k: rec[k] for k in ("type", "source", "target", "negated", "hypothetical", "evidence", "start",
                                    "end", "date", "cameo", "quad_class", "location", "reported_by")} == \
            {"type": event.type, "source": event.source, "target": event.target, "negated": event.negated,
             "hypothetical": event.hypothetical, "evidence": event.evidence, "start": event.start,
             "end": event.end, "date": event.date, "cameo": event.cameo, "quad_class": event.quad_class,
             "location": event.location, "reported_by": event.reported_by}


def test_export_filters(cli, db, docs, tmp_path):
    out = tmp_path / "aid.csv"
    assert cli("export", "--format", "csv", "--out", out, "--type", "aid", "--actor", "hamas",
               "--exclude-negated", "--db", db).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    expected = {e.id for e in events_of(docs, flagged=True)
                if e.type == "AID" and "HAMAS" in (e.source["code"], e.target["code"]) and not e.negated}
    assert {r["id"] for r in rows} == expected
    assert all(r["plover_type"] == "AID" and r["negated"] == "False" for r in rows)


def test_export_parquet_round_trip(cli, db, docs, tmp_path):
    out = tmp_path / "events.parquet"
    assert cli("export", "--format", "parquet", "--out", out, "--since", "2022-01-01", "--db", db).exit_code == 0
    frame = pd.read_parquet(out)
    expected = {e.id for e in events_of(docs, flagged=True) if e.date >= "2022-01"}
    assert set(frame["id"]) == expected
    assert {"plover_type", "cameo_code", "quad_class", "goldstein", "source_code", "target_code"} <= set(frame)


def test_export_errors(cli, db, tmp_path):
    line = error_line(cli("export", "--format", "csv", "--out", tmp_path / "no" / "x.csv", "--db", db))
    assert line.startswith(f"eventcoder: error: cannot write {tmp_path / 'no' / 'x.csv'}")
    assert error_line(cli("export", "--format", "parquet", "--out", "-", "--db", db)) == (
        "eventcoder: error: parquet cannot be written to standard output: give --out FILE.parquet")


# -- plot ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("extra", [(), ("--by", "type"), ("--period", "week", "--undirected")])
def test_plot_timeline_writes_a_png(cli, db, docs, tmp_path, extra):
    out = tmp_path / "fig.png"
    result = cli("plot", "timeline", "--dyad", "IRN:HAMAS", "--out", out, "--db", db, *extra)
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000
    week = "--period" in extra

    def hits(actor, code):  # an actor pattern matches the code, the affiliation or the country
        return code in (actor["code"], actor["affiliation"], actor["country"])

    n = sum(1 for e in events_of(docs)
            if (len(e.date) == 10 if week else len(e.date) >= 7)
            and ((hits(e.source, "IRN") and hits(e.target, "HAMAS"))
                 or ("--undirected" in extra and hits(e.source, "HAMAS") and hits(e.target, "IRN"))))
    assert result.stderr.startswith(f"plotted {n} events over ")


def test_plot_errors(cli, db, tmp_path):
    assert error_line(cli("plot", "timeline", "--dyad", "IRN-HAMAS", "--out", tmp_path / "f.png", "--db", db)) == (
        "eventcoder: error: not a dyad: 'IRN-HAMAS' (write SOURCE:TARGET, e.g. IRN:HAMAS)")
    assert error_line(cli("plot", "timeline", "--dyad", "EGY:HAMAS", "--out", tmp_path / "f.png", "--db", db)) == (
        "eventcoder: error: no dated events match the selection: nothing to plot")
    assert not (tmp_path / "f.png").exists()
    folder = tmp_path / "charts"
    folder.mkdir()
    assert error_line(cli("plot", "timeline", "--dyad", "IRN:HAMAS", "--out", folder, "--db", db)) == (
        f"eventcoder: error: cannot write {folder}: give a file name ending in .png, .svg or .pdf")
    assert not (tmp_path / "charts.png").exists() and not any(folder.iterdir())
    missing = tmp_path / "no" / "f.png"
    assert error_line(cli("plot", "timeline", "--dyad", "IRN:HAMAS", "--out", missing, "--db", db)) == (
        f"eventcoder: error: cannot write {missing}: No such file or directory")


# -- review export -------------------------------------------------------------------------------------------

def test_review_export_writes_fully_reviewed_sentences(cli, db, docs, tmp_path):
    ties = docs[0]
    with Store.open(db) as store:
        record_review(store, ties.events[0].id, "accept")
        record_review(store, ties.events[1].id, "fix", "support")
        record_review(store, ties.events[2].id, "reject")  # sentences 2 and 3 keep an unreviewed event
        record_review(store, ties.events[4].id, "reject")
    out = tmp_path / "gold.jsonl"
    result = cli("review", "export", "--out", out, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "skipped 2 sentence(s) with events not yet reviewed" in result.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    by_sentence = {r["sentence_index"]: r for r in records}
    assert set(by_sentence) == {1}
    gold = by_sentence[1]
    assert gold["doc_id"] == "ties" and gold["text"] == ties.sentences[1].text
    assert gold["published"] == ties.doc.published and gold["split"] == "dev"
    assert [(e["type"], e["cameo"], e["source"], e["target"], e["negated"], e["hypothetical"], e["date"])
            for e in gold["events"]] == [
        (ties.events[0].type, ties.events[0].cameo, ties.events[0].source["code"], ties.events[0].target["code"],
         False, False, ties.events[0].date),
        ("SUPPORT", None, ties.events[1].source["code"], ties.events[1].target["code"], False, False,
         ties.events[1].date)]


def test_review_export_matches_the_dev_gold_shape(cli, db, docs, tmp_path):
    dev = Path(__file__).resolve().parents[2] / "bench" / "data" / "dev_sentences.jsonl"
    if not dev.exists():
        pytest.skip("bench/data/dev_sentences.jsonl is not in this checkout")
    reference = json.loads(dev.read_text(encoding="utf-8").splitlines()[0])
    with Store.open(db) as store:
        for event in docs[2].events:
            record_review(store, event.id, "accept")
    out = tmp_path / "gold.jsonl"
    assert cli("review", "export", "--out", out, "--db", db).exit_code == 0
    record = json.loads(out.read_text().splitlines()[0])
    assert set(reference) <= set(record)
    assert set(reference["events"][0]) <= set(record["events"][0])


@pytest.mark.parametrize("verdict, fixed, message", [
    ("maybe", None, "not a review verdict: maybe"), ("fix", None, "a fix needs the right event type"),
    ("fix", "HUG", "not a PLOVER event type: HUG"),
])
def test_bad_reviews_are_refused(db, verdict, fixed, message):
    from eventcoder.errors import EventcoderError

    with Store.open(db) as store, pytest.raises(EventcoderError, match=message):
        record_review(store, "ties-e0", verdict, fixed)


def test_review_of_unknown_event(db):
    from eventcoder.errors import StoreError

    with Store.open(db) as store, pytest.raises(StoreError, match="no such event: nope"):
        record_review(store, "nope", "accept")


def test_timeline_refuses_unknown_periods(db):
    from eventcoder.store.filters import EventFilter
    from eventcoder.store.plot import PlotError, timeline

    with Store.open(db, read_only=True) as store, pytest.raises(PlotError, match="per 'day'"):
        timeline(store, EventFilter(), "quad", "day")
