"""Round trips: every field layout re-read with pandas using the layout's own options, every event accounted for.

The readers below are the ones README and docs/formats.md give users; if a layout changes so that they no longer
read it, these tests fail.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from eventcoder.events.cameo import load_codes
from eventcoder.formats.codebook import codebook_version
from eventcoder.formats.tabular import GDELT_COLUMNS, ICEWS_COLUMNS, layout_columns
from eventcoder.formats.writing import numeric_id
from eventcoder.store.duckdb import Store


def stored(path) -> pd.DataFrame:
    with Store.open(path, read_only=True) as store:
        return store.con.execute(
            "SELECT id, doc_id, date, date_start, date_precision, plover_type, plover_mode, cameo_code, quad_class,"
            " goldstein, source_code, target_code, source_country, target_country, negated, hypothetical,"
            " location_name, location_lat, location_lon, sentence_index FROM events").df()


@pytest.fixture(params=["db", "golden_db"])
def store_path(request):
    return request.getfixturevalue(request.param)


def export(cli, path, fmt, out, *extra):
    result = cli("export", "--db", path, "--format", fmt, "--out", out, *extra)
    assert result.exit_code == 0, result.output
    return result


def test_icews(cli, store_path, tmp_path):
    out = tmp_path / "events.tsv"
    result = export(cli, store_path, "icews", out)
    frame = pd.read_csv(out, sep="\t", dtype={"Event ID": str, "CAMEO Code": str, "Story ID": str})
    assert list(frame.columns) == list(ICEWS_COLUMNS) and len(ICEWS_COLUMNS) == 20
    events = stored(store_path)
    real = events[~events.negated & ~events.hypothetical].set_index("id")
    assert sorted(frame["Event ID"]) == sorted(real.index)
    frame = frame.set_index("Event ID")
    for event_id, row in real.iterrows():
        got = frame.loc[event_id]
        assert got["Event Date"] == row.date_start.strftime("%Y-%m-%d")
        assert got["CAMEO Code"] == row.cameo_code
        assert got["Intensity"] == pytest.approx(row.goldstein)
        assert got["Story ID"] == row.doc_id and got["Sentence Number"] == row.sentence_index + 1
    flagged = len(events) - len(real)
    assert (f"left out {flagged} negated or hypothetical" in result.stderr) == bool(flagged)
    meta = json.loads((tmp_path / "events.tsv.meta.json").read_text())
    assert meta["codebook"] == codebook_version() and meta["events"] == len(real)


def test_icews_places_and_countries(cli, golden_db, tmp_path):
    out = tmp_path / "events.tsv"
    export(cli, golden_db, "icews", out)
    frame = pd.read_csv(out, sep="\t", dtype={"CAMEO Code": str}).set_index("Event ID")
    strike = frame.loc["wire1-e1"]
    assert (strike["Source Name"], strike["Source Sectors"], strike["Source Country"]) == \
        ("Israeli army", "Military", "Israel")
    assert (strike["City"], strike["Country"], strike["Latitude"]) == ("Gaza", "Palestine", 31.5)
    assert (strike["CAMEO Code"], strike["Event Text"]) == ("190", load_codes()["190"].name)


def test_gdelt(cli, store_path, tmp_path):
    out = tmp_path / "events.csv"
    export(cli, store_path, "gdelt", out)
    frame = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS,
                        dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str, "Day": str})
    assert len(GDELT_COLUMNS) == 61
    events = stored(store_path)
    real = events[~events.negated & ~events.hypothetical]
    by_number = {numeric_id(i): row for i, row in real.set_index("id").iterrows()}
    assert len(by_number) == len(real)
    assert sorted(frame["GlobalEventID"]) == sorted(by_number)
    for _, got in frame.iterrows():
        row = by_number[got["GlobalEventID"]]
        assert got["Day"] == row.date_start.strftime("%Y%m%d")
        assert got["EventCode"] == row.cameo_code and got["EventRootCode"] == row.cameo_code[:2]
        assert got["QuadClass"] == row.quad_class
        assert got["GoldsteinScale"] == pytest.approx(row.goldstein)
        assert got["Actor1Code"] == row.source_code and got["Actor2Code"] == row.target_code
        assert pd.isna(got["ActionGeo_CountryCode"]) and pd.isna(got["ActionGeo_ADM1Code"])  # FIPS: never invented
        if row.location_name is not None:
            assert got["ActionGeo_Type"] == 4 and got["ActionGeo_Lat"] == pytest.approx(row.location_lat)
        else:
            assert got["ActionGeo_Type"] == 0


def test_gdelt_codes_add_trailing_columns(cli, golden_db, tmp_path):
    out = tmp_path / "events.csv"
    export(cli, golden_db, "gdelt", out, "--codes", "cow")
    names = layout_columns("gdelt", ("cow",))
    frame = pd.read_csv(out, sep="\t", header=None, names=names)
    assert names[61:] == ["Actor1 COW", "Actor2 COW", "ActionGeo COW"]
    assert set(frame["Actor1 COW"].dropna()) == {666, 630, 2}


def test_polecat(cli, store_path, tmp_path):
    out = tmp_path / "events.tsv"
    export(cli, store_path, "polecat", out, "--codes", "gw")
    frame = pd.read_csv(out, sep="\t", dtype={"Event ID": str, "CAMEO Code": str})
    events = stored(store_path).set_index("id")
    assert sorted(frame["Event ID"]) == sorted(events.index)  # flags are columns here: nothing left out
    frame = frame.set_index("Event ID")
    for event_id, row in events.iterrows():
        got = frame.loc[event_id]
        assert got["Event Type"] == row.plover_type and got["CAMEO Code"] == row.cameo_code
        assert got["Event Date"] == row.date_start.strftime("%Y-%m-%d") and got["Date Precision"] == row.date_precision
        assert bool(got["Negated"]) == row.negated and bool(got["Hypothetical"]) == row.hypothetical
    assert {"Actor COW", "Actor GW", "Recipient COW", "Recipient GW"} <= set(frame.columns)
    assert set(frame["Version"]) == {codebook_version()}


def test_plover_json(cli, store_path, tmp_path):
    out = tmp_path / "events.jsonl"
    export(cli, store_path, "plover-json", out)
    frame = pd.read_json(out, lines=True, dtype={"cameo": str}, convert_dates=False)
    events = stored(store_path).set_index("id")
    assert sorted(frame["id"]) == sorted(events.index)
    for _, got in frame.iterrows():
        row = events.loc[got["id"]]
        assert got["date"] == row.date and got["event"] == row.plover_type and got["cameo"] == row.cameo_code
        assert [a["code"] for a in got["actor"]] == ([row.source_code] if row.source_code else [])
        assert [a["country"] for a in got["recipient"]] == ([row.target_country] if row.target_code else [])
        assert got["text_info"]["story_id"] == row.doc_id
        assert got["codebook"] == codebook_version()


def test_geojson(cli, store_path, tmp_path):
    out = tmp_path / "events.geojson"
    export(cli, store_path, "geojson", out)
    collection = json.loads(out.read_text())
    assert collection["type"] == "FeatureCollection"
    frame = pd.json_normalize(collection["features"])
    events = stored(store_path)
    located = events[events.location_lat.notna()].set_index("id")
    assert sorted(frame["id"]) == sorted(located.index)
    for _, got in frame.iterrows():
        row = located.loc[got["id"]]
        assert got["geometry.coordinates"] == [row.location_lon, row.location_lat]
        assert got["properties.type"] == row.plover_type and got["properties.date"] == row.date
        assert got["properties.geo_precision"] == "place"


def test_min_precision(cli, golden_db, tmp_path):
    out = tmp_path / "events.jsonl"
    export(cli, golden_db, "plover-json", out, "--min-precision", "day", "--min-precision", "place")
    frame = pd.read_json(out, lines=True)
    assert sorted(frame["id"]) == ["wire1-e1", "wire2-e0", "wire2-e1"]
    assert set(frame["date_precision"]) == {"day"}


def test_bad_options(cli, golden_db, tmp_path):
    result = cli("export", "--db", golden_db, "--format", "icews", "--out", tmp_path / "x", "--codes", "cow,fips")
    assert result.exit_code == 2 and "unknown country code system: fips" in result.stderr
    result = cli("export", "--db", golden_db, "--format", "icews", "--out", tmp_path / "x", "--min-precision", "city")
    assert result.exit_code == 2 and "not a precision: city" in result.stderr
    result = cli("export", "--db", golden_db, "--format", "csv", "--out", tmp_path / "x", "--codes", "cow")
    assert result.exit_code == 2 and "--codes applies to the field layouts" in result.stderr


def test_unmatched_codes_reported(cli, golden_db, tmp_path):
    result = export(cli, golden_db, "icews", tmp_path / "x.tsv", "--codes", "cow")
    assert "no COW number for PSE" in result.stderr and "not Israel's 666" in result.stderr


def test_gdelt_root_events(cli, golden_db, tmp_path):
    out = tmp_path / "events.csv"
    export(cli, golden_db, "gdelt", out)
    frame = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS)
    roots = dict(zip(frame["GlobalEventID"], frame["IsRootEvent"]))
    # the first body sentence leads the article; later sentences do not
    assert roots[numeric_id("wire1-e0")] == 1 and roots[numeric_id("wire1-e1")] == 0
    assert roots[numeric_id("wire3-e0")] == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_store_formats_record_the_codebook_version(cli, golden_db, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    export(cli, golden_db, fmt, out)
    meta = json.loads((tmp_path / f"events.{fmt}.meta.json").read_text())
    assert meta["codebook"] == codebook_version() and meta["layout"] == fmt and meta["events"] == 8
