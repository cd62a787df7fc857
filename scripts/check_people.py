"""Validate the people knowledge base (src/eventcoder/data/actors/people/*.tsv).

The people files are hand-written, so the mistakes they invite are typing mistakes: a missing tab, a
misspelt country code, a date like 2021-13-01, an end before a start, a code that follows neither the
state-agent convention (IRN + GOV) nor the organisation convention (HAMAS, UN), the same role twice, or
one surname given as an alias of two different people, one person listed with different aliases in two
places, a party role starting inside an office (it would win over the office when coding), or (when
organizations.tsv sits beside the people folder) an organisation code it does not define. This script
finds all of them, prints one line per problem and a count of rows and people per file, and exits 1 when
anything is wrong.

Usage: python scripts/check_people.py [PEOPLE_DIR]
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry

HEADER = ["person", "aliases", "country", "code", "sector", "title", "start", "end"]
DEFAULT_DIR = Path(__file__).resolve().parents[1] / "src" / "eventcoder" / "data" / "actors" / "people"
# core.tsv belongs to the actors engineer; it is checked by their own tests.
SKIP_FILES = {"core.tsv"}

SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "OPP", "SPY", "CVL", "EDU", "BUS",
    "MED", "JRN", "LAB", "REF", "REL", "UAF", "AGR", "ELI", "CRM", "IGO", "NGO",
})
# Codes that are not ISO 3166 alpha-3 but that the project's conventions use for states.
EXTRA_STATES = frozenset({"KOS", "PSE"})
STATES = frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_STATES

STATE_AGENT = re.compile(r"^[A-Z]{3}[A-Z]{3}$")
ORG_CODE = re.compile(r"^[A-Z0-9_]+$")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# Surnames and given names that are common words or shared by too many people to stand alone as aliases.
AMBIGUOUS_ALIASES = frozenset({
    "rice", "brown", "lee", "kim", "johnson", "jordan", "sharif", "khan", "ali", "smith", "jones", "white",
    "black", "green", "young", "king", "wood", "park", "moon", "may", "rahman", "hussein", "hassan", "ahmed",
    "mohammed", "muhammad", "abdullah", "singh", "kumar", "wang", "li", "zhang", "chen", "liu", "yang",
    "huang", "zhao", "wu", "zhou", "sun", "ma", "hu", "gao", "lin", "he", "guo", "nguyen", "tran", "le",
    "pham", "garcia", "martinez", "lopez", "gonzalez", "rodriguez", "hernandez", "perez", "sanchez", "silva",
    "santos", "said", "salem", "saleh", "khalil", "ibrahim", "ismail", "omar", "yusuf",
})


@dataclass
class Report:
    """Problems found and counts per file."""

    errors: list[str] = field(default_factory=list)
    rows: Counter = field(default_factory=Counter)
    people: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    aliases_of_person: dict[str, tuple[str, str]] = field(default_factory=dict)
    # person -> (sector, title, start, end, where) of each role
    roles_of: dict[str, list[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(list))

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    @property
    def total_people(self) -> int:
        return len(set().union(*self.people.values())) if self.people else 0


def parse_date(text: str) -> tuple[int, ...] | None:
    """(year[, month[, day]]) for a valid YYYY, YYYY-MM or YYYY-MM-DD, else None."""
    m = DATE.match(text)
    if not m:
        return None
    parts = tuple(int(p) for p in m.groups() if p is not None)
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return None
    return parts


def starts_after_end(start: tuple[int, ...], end: tuple[int, ...]) -> bool:
    """True when start is certainly after end, comparing at the precision both dates share."""
    n = min(len(start), len(end))
    return start[:n] > end[:n]


def known_organisations(people_dir: Path) -> frozenset[str] | None:
    """Ids and codes from organizations.tsv beside the people folder, or None when that file is absent."""
    path = people_dir.parent / "organizations.tsv"
    if not path.exists():
        return None
    known: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 2 or cells[0] == "id":
            continue
        known.update(cells[:2])
    return frozenset(known)


def is_state_agent(code: str) -> bool:
    """IRNGOV-style codes: a state followed by a sector."""
    return bool(STATE_AGENT.match(code)) and code[:3] in STATES and code[3:] in SECTORS


def check_code(code: str, country: str, sector: str) -> str | None:
    """The problem with a role's code, or None. State agents must agree with their country and sector."""
    if is_state_agent(code):
        if code[:3] != country:
            return f"state-agent code {code} does not match country {country}"
        if code[3:] != sector:
            return f"state-agent code {code} does not match sector {sector}"
        return None
    if not ORG_CODE.match(code):
        return f"code {code!r} is neither COUNTRY+SECTOR nor an organisation code"
    if code in STATES:
        return f"bare state code {code} used as a role code; give a sector (e.g. {code}GOV)"
    return None


def check_file(
    path: Path,
    report: Report,
    aliases_of: dict[str, dict[str, str]],
    seen: dict[tuple[str, ...], str],
    organisations: frozenset[str] | None = None,
) -> None:
    """Check one TSV file, adding its problems and counts to report; seen holds roles of earlier files."""
    name = path.name
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t") != HEADER:
        report.errors.append(f"{name}:1: header must be {chr(9).join(HEADER)!r}")
        return
    for lineno, line in enumerate(lines[1:], start=2):
        where = f"{name}:{lineno}"
        cells = line.split("\t")
        if len(cells) != len(HEADER):
            report.errors.append(f"{where}: {len(cells)} columns, expected {len(HEADER)}")
            continue
        if any(c != c.strip() for c in cells):
            report.errors.append(f"{where}: a cell has leading or trailing spaces")
        person, aliases, country, code, sector, title, start, end = (c.strip() for c in cells)
        if not person or not title or not start:
            report.errors.append(f"{where}: person, title and start are required")
        if country not in STATES:
            report.errors.append(f"{where}: unknown country code {country!r}")
        if sector not in SECTORS:
            report.errors.append(f"{where}: unknown sector {sector!r}")
        problem = check_code(code, country, sector)
        if problem:
            report.errors.append(f"{where}: {problem}")
        elif organisations is not None and not is_state_agent(code) and code not in organisations:
            report.errors.append(f"{where}: organisation code {code} is not in organizations.tsv")
        start_d = parse_date(start)
        if start_d is None:
            report.errors.append(f"{where}: bad start date {start!r}")
        end_d = None
        if end:
            end_d = parse_date(end)
            if end_d is None:
                report.errors.append(f"{where}: bad end date {end!r}")
        if start_d and end_d and starts_after_end(start_d, end_d):
            report.errors.append(f"{where}: start {start} is after end {end}")
        key = (person, code, title, start)
        if key in seen:
            report.errors.append(
                f"{where}: duplicate role {person} / {code} / {title} / {start} (first at {seen[key]})"
            )
        seen.setdefault(key, where)
        first = report.aliases_of_person.setdefault(person, (aliases, where))
        if first[0] != aliases:
            report.errors.append(f"{where}: aliases of {person} differ from those at {first[1]}")
        if aliases and any(not a or a != a.strip() for a in aliases.split("|")):
            report.errors.append(f"{where}: an alias is empty or has surrounding spaces")
        for alias in filter(None, (a.strip() for a in aliases.split("|"))):
            if alias.lower() in AMBIGUOUS_ALIASES:
                report.errors.append(f"{where}: alias {alias!r} is too ambiguous to stand alone")
            if alias == person:
                report.errors.append(f"{where}: alias {alias!r} repeats the canonical name")
            aliases_of[alias.lower()][person] = where
        report.roles_of[person].append((sector, title, start, end, where))
        report.rows[name] += 1
        report.people[name].add(person)


# Sectors of the offices a person is coded by; a party role that starts while one of these is held would win
# (the loader takes the latest-starting role in force) and code a head of state as a party official.
OFFICE_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP", "JUD", "LEG", "IGO"})


def _bounds(start: str, end: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    lo = parse_date(start) or (0,)
    hi = parse_date(end) if end else (9999,)
    return lo, hi or (9999,)


def check_party_overrides(rows: dict[str, list[tuple[str, ...]]], report: Report) -> None:
    """A party role (PTY) must not start strictly inside an office the same person holds."""
    for person, roles in rows.items():
        for sector, title, start, end, where in roles:
            if sector != "PTY":
                continue
            p_start, _ = _bounds(start, end)
            for o_sector, o_title, o_start, o_end, _ in roles:
                if o_sector not in OFFICE_SECTORS:
                    continue
                lo, hi = _bounds(o_start, o_end)
                n_lo, n_hi = min(len(p_start), len(lo)), min(len(p_start), len(hi))
                if p_start[:n_lo] > lo[:n_lo] and p_start[:n_hi] < hi[:n_hi]:
                    report.errors.append(f"{where}: party role {title!r} of {person} starts while they are "
                                         f"{o_title!r}, so it would override that office")


def check_people(people_dir: Path = DEFAULT_DIR) -> Report:
    """Check every people file in people_dir; also that no alias or name points to two people."""
    report = Report()
    aliases_of: dict[str, dict[str, str]] = defaultdict(dict)
    seen: dict[tuple[str, ...], str] = {}
    organisations = known_organisations(people_dir)
    files = sorted(p for p in people_dir.glob("*.tsv") if p.name not in SKIP_FILES)
    if not files:
        report.errors.append(f"no people files in {people_dir}")
    for path in files:
        check_file(path, report, aliases_of, seen, organisations)
    check_party_overrides(report.roles_of, report)
    everyone = set().union(*report.people.values()) if report.people else set()
    canonical = {p.lower(): p for p in everyone}
    for alias, owners in sorted(aliases_of.items()):
        if len(owners) > 1:
            report.errors.append(f"alias {alias!r} belongs to several people: {', '.join(sorted(owners))}")
        other = canonical.get(alias)
        if other and other not in owners:
            report.errors.append(f"alias {alias!r} of {', '.join(owners)} is the name of {other}")
    return report


def main(argv: list[str]) -> int:
    people_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    report = check_people(people_dir)
    for error in report.errors:
        print(error)
    print(f"{'file':<22}{'rows':>7}{'people':>8}")
    for name in sorted(report.rows):
        print(f"{name:<22}{report.rows[name]:>7}{len(report.people[name]):>8}")
    print(f"{'total':<22}{report.total_rows:>7}{report.total_people:>8}")
    print(f"{len(report.errors)} problem(s)")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
