"""The people knowledge base passes scripts/check_people.py, and the checker itself catches bad rows."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PEOPLE = REPO / "src" / "eventcoder" / "data" / "actors" / "people"
HEADER = "person\taliases\tcountry\tcode\tsector\ttitle\tstart\tend\n"


def _load_checker():
    spec = importlib.util.spec_from_file_location("check_people", REPO / "scripts" / "check_people.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


checker = _load_checker()


@pytest.fixture(scope="module")
def report():
    return checker.check_people(PEOPLE)


@pytest.fixture(scope="module")
def roles():
    rows = []
    for path in sorted(PEOPLE.glob("*.tsv")):
        if path.name in checker.SKIP_FILES:
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            rows.extend(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows


def test_people_files_are_valid(report):
    assert report.errors == []


def test_every_region_file_present(report):
    expected = {"middle_east.tsv", "europe.tsv", "americas.tsv", "asia_pacific.tsv", "africa.tsv",
                "international.tsv", "non_state.tsv"}
    assert expected <= set(report.rows)


def test_enough_office_holders(report):
    assert report.total_rows >= 1600


@pytest.mark.parametrize(
    ("person", "code", "title", "start", "end"),
    [
        ("Ebrahim Raisi", "IRNGOV", "President", "2021-08-03", "2024-05-19"),
        ("Hossein Amir-Abdollahian", "IRNGOV", "Foreign Minister", "2021-08-25", "2024-05-19"),
        ("Ali Khamenei", "IRNGOV", "Supreme Leader", "1989-06-04", ""),
        ("Qasem Soleimani", "IRNMIL", "Quds Force Commander", "1998", "2020-01-03"),
        ("Ismail Haniyeh", "HAMAS", "Political Bureau Head", "2017-05-06", "2024-07-31"),
    ],
)
def test_seed_roles(roles, person, code, title, start, end):
    match = [r for r in roles if r["person"] == person and r["title"] == title]
    assert match, f"no {title} role for {person}"
    assert (match[0]["code"], match[0]["start"], match[0]["end"]) == (code, start, end)


@pytest.mark.parametrize("alias", ["Haniyeh", "Haniya", "Hanieh", "Abdollahian", "Khamenei", "Sinwar"])
def test_seed_aliases(roles, alias):
    assert any(alias in r["aliases"].split("|") for r in roles)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("A B\t\tIRN\tIRNGOV\tGOV\tPresident\t2021-13-01\t", "bad start date"),
        ("A B\t\tIRN\tIRNGOV\tGOV\tPresident\t2021\t2019", "is after end"),
        ("A B\t\tXXX\tHAMAS\tREB\tLeader\t2021\t", "unknown country"),
        ("A B\t\tIRN\tIRQGOV\tGOV\tPresident\t2021\t", "does not match country"),
        ("A B\t\tIRN\tIRNMIL\tGOV\tPresident\t2021\t", "does not match sector"),
        ("A B\t\tIRN\tHam-as\tREB\tLeader\t2021\t", "neither"),
        ("A B\tKim\tIRN\tIRNGOV\tGOV\tPresident\t2021\t", "too ambiguous"),
        ("A B\t\tIRN\tIRNGOV\tGOV\tPresident\t2021", "columns"),
        ("A B\tAbee||Bee\tIRN\tIRNGOV\tGOV\tPresident\t2021\t", "alias is empty"),
    ],
)
def test_checker_catches(tmp_path, row, problem):
    (tmp_path / "x.tsv").write_text(HEADER + row + "\n", encoding="utf-8")
    errors = checker.check_people(tmp_path).errors
    assert any(problem in e for e in errors), errors


def test_checker_catches_duplicates_and_shared_aliases(tmp_path):
    rows = [
        "A B\tAbee\tIRN\tIRNGOV\tGOV\tPresident\t2021\t",
        "A B\tAbee\tIRN\tIRNGOV\tGOV\tPresident\t2021\t",
        "C D\tAbee\tIRN\tIRNGOV\tGOV\tForeign Minister\t2021\t",
    ]
    (tmp_path / "x.tsv").write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    errors = checker.check_people(tmp_path).errors
    assert any("duplicate role" in e for e in errors)
    assert any("several people" in e for e in errors)


def test_checker_catches_inconsistent_aliases_across_files(tmp_path):
    first = "A B\tAbee\tIRN\tIRNGOV\tGOV\tPresident\t2021\t\n"
    second = "A B\tBee\tIRN\tIRNGOV\tGOV\tSpeaker\t2010\t2020\n"
    (tmp_path / "a.tsv").write_text(HEADER + first, encoding="utf-8")
    (tmp_path / "b.tsv").write_text(HEADER + second, encoding="utf-8")
    errors = checker.check_people(tmp_path).errors
    assert any("aliases of A B differ" in e for e in errors), errors


def test_checker_catches_party_role_inside_office(tmp_path):
    rows = [
        "A B\t\tTUR\tTURGOV\tGOV\tPresident\t2014-08-28\t",
        "A B\t\tTUR\tAKP\tPTY\tParty Chairman\t2017-05-21\t",
    ]
    (tmp_path / "x.tsv").write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    errors = checker.check_people(tmp_path).errors
    assert any("would override" in e for e in errors), errors


def test_checker_accepts_partial_dates(tmp_path):
    rows = [
        "A B\tAbee\tPSE\tHAMAS\tREB\tLeader\t2017-05\t2017-05-06",
        "C D\t\tKOS\tKOSGOV\tGOV\tPresident\t2016\t",
    ]
    (tmp_path / "x.tsv").write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    assert checker.check_people(tmp_path).errors == []
