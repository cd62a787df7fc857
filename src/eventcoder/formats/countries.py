"""Correlates of War and Gleditsch–Ward numbers for the ISO alpha-3 codes eventcoder stores.

Read from `data/countries/codes.tsv` (one row per state) and `data/countries/overrides.tsv` (date-dependent codes
and deliberate "no number" decisions). A code neither file can number is never written as a silent null: every
lookup that finds nothing is recorded in an `Unmatched` report, printed on stderr by the commands.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import IO

from ..datafiles import read_tsv
from ..errors import EventcoderError
from .registry import CODE_SYSTEMS


class CodeSystemError(EventcoderError):
    """A country code system eventcoder does not know."""


@dataclass(frozen=True)
class Override:
    """A state's number in one system for events dated within [start, until]; num None = deliberately none."""

    num: int | None
    abb: str | None
    start: date | None
    until: date | None
    note: str

    def covers(self, day: date | None) -> bool:
        if day is None:  # undated events take the state's current code, never a historical one
            return self.until is None
        return (self.start is None or self.start <= day) and (self.until is None or day <= self.until)


@dataclass(frozen=True)
class CountryRow:
    iso3: str
    name: str
    numbers: dict[str, tuple[int | None, str | None]]
    notes: str


def _int(value: str) -> int | None:
    return int(value) if value else None


def _day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


@lru_cache(maxsize=1)
def load_countries() -> dict[str, CountryRow]:
    """iso3 -> its row of codes.tsv."""
    return {row["iso3"]: CountryRow(row["iso3"], row["name"],
                                    {"cow": (_int(row["cow_num"]), row["cow_abb"] or None),
                                     "gw": (_int(row["gw_num"]), row["gw_abb"] or None)}, row["notes"])
            for row in read_tsv("countries", "codes.tsv")}


@lru_cache(maxsize=1)
def load_overrides() -> dict[tuple[str, str], tuple[Override, ...]]:
    """(iso3, system) -> its overrides in file order."""
    table: dict[tuple[str, str], list[Override]] = {}
    for row in read_tsv("countries", "overrides.tsv"):
        table.setdefault((row["iso3"], row["system"]), []).append(
            Override(_int(row["num"]), row["abb"] or None, _day(row["from"]), _day(row["until"]), row["note"]))
    return {k: tuple(v) for k, v in table.items()}


def parse_systems(value: str | tuple[str, ...] | None) -> tuple[str, ...]:
    """'cow,gw' (or repeated options) as a checked tuple of system names."""
    if not value:
        return ()
    parts = value.split(",") if isinstance(value, str) else [p for v in value for p in v.split(",")]
    systems = tuple(dict.fromkeys(p.strip().lower() for p in parts if p.strip()))
    for system in systems:
        if system not in CODE_SYSTEMS:
            raise CodeSystemError(f"unknown country code system: {system} (one of {', '.join(CODE_SYSTEMS)})")
    return systems


def country_name(iso3: str | None) -> str | None:
    """The English short name of a stored country code (None for None; the code itself when unknown)."""
    if not iso3:
        return None
    row = load_countries().get(iso3)
    if row:
        return row.name
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3)
    return getattr(found, "common_name", None) or (found.name if found else iso3)


@dataclass
class Unmatched:
    """Codes that got no number, with why, counted per (system, code)."""

    reasons: dict[tuple[str, str], str] = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)

    def add(self, system: str, iso3: str, reason: str) -> None:
        self.reasons.setdefault((system, iso3), reason)
        self.counts[(system, iso3)] += 1

    def report(self, stream: IO[str] | None = None) -> None:
        """One line per code on stderr: 'no COW number for PSE (x3): not a state in the COW system ...'."""
        stream = stream or sys.stderr
        for (system, iso3), reason in sorted(self.reasons.items()):
            n = self.counts[(system, iso3)]
            stream.write(f"eventcoder: no {system.upper()} number for {iso3} ({n} value{'s' if n != 1 else ''}):"
                         f" {reason}\n")


def lookup(iso3: str | None, system: str, day: date | None = None,
           unmatched: Unmatched | None = None) -> tuple[int | None, str | None]:
    """(number, abbreviation) of a stored country code in `system` on `day`; (None, None) when there is none.

    A missing country (None) is not reported; a code with no number is, with the reason, in `unmatched`.
    """
    if not iso3:
        return None, None
    for override in load_overrides().get((iso3, system), ()):
        if override.covers(day):
            if override.num is None and unmatched is not None:
                unmatched.add(system, iso3, override.note)
            return override.num, override.abb
    row = load_countries().get(iso3)
    if row is None:
        if unmatched is not None:
            unmatched.add(system, iso3, "not a state code in data/countries/codes.tsv")
        return None, None
    num, abb = row.numbers[system]
    if num is None and unmatched is not None:
        unmatched.add(system, iso3, row.notes or f"{system.upper()} does not list {row.name}")
    return num, abb
