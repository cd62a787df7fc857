"""COW and Gleditsch-Ward numbers: the data file, where the systems differ, and what neither lists."""

from __future__ import annotations

import io
from datetime import date

import pycountry
import pytest

from eventcoder.datafiles import read_tsv
from eventcoder.formats.countries import CodeSystemError, Unmatched, load_countries, lookup, parse_systems


def test_codes_file_schema_and_coverage():
    rows = read_tsv("countries", "codes.tsv")
    assert set(rows[0]) == {"iso3", "name", "cow_num", "cow_abb", "gw_num", "gw_abb", "notes"}
    codes = [r["iso3"] for r in rows]
    assert len(codes) == len(set(codes))
    for row in rows:
        assert row["iso3"] in {"KOS", "XKX"} or pycountry.countries.get(alpha_3=row["iso3"]), row
        assert bool(row["cow_num"]) == bool(row["cow_abb"]) and bool(row["gw_num"]) == bool(row["gw_abb"])
        if not (row["cow_num"] and row["gw_num"]):
            assert row["notes"], f"{row['iso3']} lacks a number without saying why"
    numbered = [r["cow_num"] for r in rows if r["cow_num"] and r["iso3"] != "XKX"]
    assert len(numbered) == len(set(numbered)) >= 195  # 193 UN members, Taiwan, Kosovo


def test_gw_numbers_agree_with_country_converter():
    """An independent copy of Gleditsch-Ward's numbers catches typos; every deliberate difference carries a note."""
    import country_converter

    theirs = country_converter.CountryConverter().data.set_index("ISO3")["GWcode"]
    for row in read_tsv("countries", "codes.tsv"):
        other = theirs.get(row["iso3"])
        if row["gw_num"] and str(other).replace(".0", "").isdigit() and not row["notes"]:
            assert int(row["gw_num"]) == int(float(other)), row["iso3"]


def test_overrides_schema():
    for row in read_tsv("countries", "overrides.tsv"):
        assert row["system"] in {"cow", "gw"} and row["iso3"] in load_countries() and row["note"]
        for day in (row["from"], row["until"]):
            if day:
                date.fromisoformat(day)


@pytest.mark.parametrize("iso3, system, day, expected", [
    ("USA", "cow", None, (2, "USA")),
    ("DEU", "cow", date(2020, 1, 1), (255, "GMY")),
    ("DEU", "cow", date(1985, 1, 1), (260, "GFR")),
    ("DEU", "gw", date(2020, 1, 1), (260, "GFR")),
    ("SRB", "cow", date(2020, 1, 1), (345, "YUG")),
    ("SRB", "gw", date(2020, 1, 1), (340, "SRB")),
    ("SRB", "gw", date(1999, 3, 24), (345, "YUG")),
    ("YEM", "cow", date(2015, 3, 26), (679, "YEM")),
    ("YEM", "gw", date(2015, 3, 26), (678, "YEM")),
    ("YEM", "cow", date(1986, 1, 13), (678, "YAR")),
    ("VNM", "cow", None, (816, "DRV")),
    ("VNM", "gw", None, (816, "DRV")),
    ("KOS", "cow", date(2020, 1, 1), (347, "KOS")),
    ("KOS", "gw", date(1999, 3, 24), (345, "YUG")),
    ("SSD", "cow", date(2010, 1, 1), (625, "SUD")),
    ("SSD", "cow", None, (626, "SSD")),
    ("RUS", "gw", None, (365, "RUS")),
])
def test_lookup(iso3, system, day, expected):
    assert lookup(iso3, system, day) == expected


@pytest.mark.parametrize("iso3, reason", [
    ("PSE", "not Israel's 666"),
    ("ESH", "not Morocco's 600"),
    ("ARB", "not a state code"),
])
def test_places_neither_lists_are_reported(iso3, reason):
    unmatched = Unmatched()
    assert lookup(iso3, "cow", date(2021, 5, 10), unmatched) == (None, None)
    assert lookup(iso3, "cow", date(2021, 5, 11), unmatched) == (None, None)
    stream = io.StringIO()
    unmatched.report(stream)
    assert f"no COW number for {iso3} (2 values)" in stream.getvalue() and reason in stream.getvalue()


def test_microstates_have_no_gw_number_and_say_so():
    unmatched = Unmatched()
    assert lookup("AND", "gw", None, unmatched) == (None, None)
    assert lookup("AND", "cow", None, unmatched) == (232, "AND")
    assert "microstate" in unmatched.reasons[("gw", "AND")]


def test_missing_country_is_not_an_error():
    unmatched = Unmatched()
    assert lookup(None, "cow", None, unmatched) == (None, None) and not unmatched.reasons


def test_parse_systems():
    assert parse_systems("COW, gw") == ("cow", "gw") and parse_systems(("gw", "cow,gw")) == ("gw", "cow")
    with pytest.raises(CodeSystemError, match="unknown country code system: iso"):
        parse_systems("iso")


def test_every_state_the_actor_coder_knows_has_a_row():
    try:
        states = read_tsv("actors", "states.tsv")
    except FileNotFoundError:
        pytest.skip("this build ships no actor state list")
    assert {r["code"] for r in states} <= set(load_countries())


def test_every_sector_the_actor_coder_uses_has_a_label():
    from eventcoder.formats.codebook import sector_names

    try:
        used = {r["sector"] for r in read_tsv("actors", "sectors.tsv")}
    except FileNotFoundError:
        pytest.skip("this build ships no actor sector list")
    assert used <= set(sector_names())
