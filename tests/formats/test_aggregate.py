"""Golden results of `aggregate` on the hand-checked store of conftest.golden_corpus.

Worked out by hand (negated wire2 AID excluded unless asked):
  2022-05-01  IRNGOV->HAMAS CONSULT (wire1, wire3; Goldstein 1 each), ISRMIL->HAMAS ASSAULT (wire1; -10)
  2022-05-02  HAMAS->ISR ACCUSE (wire1, dated by publication; -2), ISRMIL->HAMAS ASSAULT x2 (wire2; -10 each)
  2022-06     USA->IRNGOV SANCTION (month precision; -5)
1 May 2022 is a Sunday, so its ISO week starts on 25 April; 2 May is a Monday and starts the next week.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
import pytest

from eventcoder.formats.aggregate import AggregateError, aggregate, parse_measures
from eventcoder.store.duckdb import Store
from eventcoder.store.filters import EventFilter

REAL = EventFilter(include_negated=False, include_hypothetical=False)


def run(path, **kw):
    with Store.open(path, read_only=True) as store:
        return aggregate(store, **kw)


def test_dyad_month_counts_and_goldstein(golden_db):
    result = run(golden_db, period="month", measures=("count", "goldstein_sum", "goldstein_mean"))
    assert result.columns == ["period", "source", "target", "count", "goldstein_sum", "goldstein_mean"]
    assert result.rows == [
        ("2022-05", "HAMAS", "ISR", 1, -2.0, -2.0),
        ("2022-05", "IRNGOV", "HAMAS", 2, 2.0, 1.0),
        ("2022-05", "ISRMIL", "HAMAS", 3, -30.0, -10.0),
        ("2022-06", "USA", "IRNGOV", 1, -5.0, -5.0),
    ]


def test_day_period_leaves_out_month_precision_events(golden_db):
    result = run(golden_db, period="day")
    assert result.rows == [
        ("2022-05-01", "IRNGOV", "HAMAS", 2),
        ("2022-05-01", "ISRMIL", "HAMAS", 1),
        ("2022-05-02", "HAMAS", "ISR", 1),
        ("2022-05-02", "ISRMIL", "HAMAS", 2),
    ]
    assert result.left_out == {"dated less precisely than the period": 1}


def test_week_starts_on_monday(golden_db):
    result = run(golden_db, period="week", by="type")
    assert result.rows == [
        ("2022-04-25", "IRNGOV", "HAMAS", "CONSULT", 2),
        ("2022-04-25", "ISRMIL", "HAMAS", "ASSAULT", 1),
        ("2022-05-02", "HAMAS", "ISR", "ACCUSE", 1),
        ("2022-05-02", "ISRMIL", "HAMAS", "ASSAULT", 2),
    ]


def test_undirected_country_pairs_by_quad(golden_db):
    result = run(golden_db, unit="country", period="month", by="quad", directed=False,
                 measures=("count", "goldstein_sum"))
    assert result.columns == ["period", "country_a", "country_b", "quad_class", "count", "goldstein_sum"]
    assert result.rows == [
        ("2022-05", "IRN", "PSE", 1, 2, 2.0),
        ("2022-05", "ISR", "PSE", 3, 1, -2.0),  # PSE->ISR accusation, counted with ISR->PSE strikes
        ("2022-05", "ISR", "PSE", 4, 3, -30.0),
        ("2022-06", "IRN", "USA", 4, 1, -5.0),
    ]


def test_zero_fill_adds_every_unit_period_category(golden_db):
    result = run(golden_db, unit="country", period="month", by="quad", directed=False, zero_fill=True)
    assert len(result.rows) == 3 * 2 * 4  # pairs seen x months May-June x quads
    cells = {r[:4]: r[4] for r in result.rows}
    assert cells[("2022-06", "ISR", "PSE", 4)] == 0
    assert cells[("2022-05", "ISR", "PSE", 4)] == 3
    assert sum(cells.values()) == 7


def test_zero_fill_mean_stays_empty(golden_db):
    result = run(golden_db, period="month", measures=("count", "goldstein_mean"), zero_fill=True)
    empty = [r for r in result.rows if r[3] == 0]
    assert empty and all(r[4] is None for r in empty)


def test_cameo_root(golden_db):
    result = run(golden_db, period="year", by="cameo-root", unit="country")
    assert ("2022", "ISR", "PSE", "19", 3) in result.rows
    assert ("2022", "USA", "IRN", "16", 1) in result.rows


def test_negated_only_when_asked(golden_db):
    default = run(golden_db, period="year")
    assert not any(r[1] == "IRN" for r in default.rows)
    asked = run(golden_db, period="year", selection=EventFilter(include_negated=True))
    assert ("2022", "IRN", "HAMAS", 1) in asked.rows  # dated by publication, 2022-05-03


def test_one_a_day_merges_same_day_dyad_type(golden_db):
    result = run(golden_db, period="day", dedupe="one-a-day")
    assert ("2022-05-02", "ISRMIL", "HAMAS", 1) in result.rows
    assert ("2022-05-01", "IRNGOV", "HAMAS", 1) in result.rows  # wire1 and wire3 on one day: one event


def test_min_precision_filters(golden_db):
    placed = run(golden_db, period="month", min_precision=("place",))
    assert placed.rows == [("2022-05", "ISRMIL", "HAMAS", 3)]


def test_country_codes(golden_db, capsys):
    result = run(golden_db, unit="country", period="month", codes="cow,gw")
    assert result.columns[-4:] == ["source_country_cow", "source_country_gw", "target_country_cow",
                                   "target_country_gw"]
    row = next(r for r in result.rows if r[1] == "USA")
    assert row[-4:] == (2, 2, 630, 630)
    assert "no COW number for PSE" in capsys.readouterr().err


def test_codes_need_country_unit(golden_db):
    with pytest.raises(AggregateError, match="--unit country"):
        run(golden_db, codes="cow")


def test_parse_measures():
    assert parse_measures("count, goldstein-mean") == ("count", "goldstein_mean")
    with pytest.raises(AggregateError, match="unknown measure: tone"):
        parse_measures("count,tone")


def test_command_csv_and_parquet(golden_db, cli, tmp_path):
    result = cli("aggregate", "--db", golden_db, "--period", "month", "--measure", "count,goldstein_sum",
                 "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[2] == {"period": "2022-05", "source": "ISRMIL", "target": "HAMAS", "count": "3",
                       "goldstein_sum": "-30"}
    out = tmp_path / "agg.parquet"
    result = cli("aggregate", "--db", golden_db, "--unit", "country", "--undirected", "--by", "quad",
                 "--zero-fill", "--out", out, "--format", "parquet")
    assert result.exit_code == 0
    frame = pd.read_parquet(out)
    assert len(frame) == 24 and frame["count"].sum() == 7


def test_command_table_refuses_out(golden_db, cli, tmp_path):
    result = cli("aggregate", "--db", golden_db, "--out", tmp_path / "x.csv")
    assert result.exit_code == 2
    assert "add --format csv or --format parquet" in result.stderr


def test_zero_fill_spans_since_until(golden_db):
    selection = EventFilter(since=date(2022, 4, 1), until=date(2022, 7, 31),
                            include_negated=False, include_hypothetical=False)
    result = run(golden_db, period="month", zero_fill=True, selection=selection)
    assert sorted({r[0] for r in result.rows}) == ["2022-04", "2022-05", "2022-06", "2022-07"]
    assert len(result.rows) == 4 * 4 and sum(r[3] for r in result.rows) == 7


def test_cross_article_needs_a_dedupe_run(golden_db, cli):
    result = cli("aggregate", "--db", golden_db, "--dedupe", "cross-article")
    assert result.exit_code == 2 and "run eventcoder dedupe --cross-article" in result.stderr
    assert cli("dedupe", "--db", golden_db, "--cross-article").exit_code == 0
    result = cli("aggregate", "--db", golden_db, "--dedupe", "cross-article", "--period", "month", "--format", "csv")
    assert result.exit_code == 0
    assert "2022-05,ISRMIL,HAMAS,1" in result.stdout  # three reports of one strike
