"""The tab-separated field layouts: ICEWS (20 columns, with header), GDELT 2.0 (61 columns, no header) and
POLECAT-style (with header). Column by column documentation: docs/formats.md.

ICEWS and GDELT have no column to flag an event the text says did not happen or has not happened yet, and their
readers count every row, so those two layouts always leave negated and hypothetical events out (and say how many on
stderr); POLECAT-style rows carry both flags.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..events.cameo import load_codes
from ..events.plover import load_types, plover_score
from ..store.duckdb import Store
from ..store.filters import EventFilter
from .codebook import codebook_version, sector_names
from .countries import Unmatched, country_name, parse_systems
from .select import event_rows
from .writing import cell, code_cells, code_columns, note, numeric_id, opened, place_label, write_manifest

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude")

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL")

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "CAMEO Code", "Goldstein", "Actor Name", "Actor Code", "Actor Country", "Primary Actor Sector",
    "Recipient Name", "Recipient Code", "Recipient Country", "Primary Recipient Sector",
    "Placename", "City", "State", "Country", "Feature Type", "Latitude", "Longitude", "GeoNames ID",
    "Date Precision", "Geo Precision", "Negated", "Hypothetical", "Reported By", "Confidence",
    "Publication Date", "Story ID", "Sentence Index", "Headline", "Publisher", "Event Text", "Coder", "Version")

GEO_TYPES = {"country": 1, "admin": 5, "place": 4}  # GDELT: 1 country, 5 world state, 4 world city
US_GEO_TYPES = {"admin": 2, "place": 3}  # 2 US state, 3 US city


@dataclass(frozen=True)
class Layout:
    """A TSV layout: its columns, whether it writes a header, and how one event row becomes its cells."""

    columns: tuple[str, ...]
    header: bool
    flags: bool  # False: the layout cannot mark negated/hypothetical events, so it leaves them out
    cells: Callable[[dict[str, Any]], list[Any]]
    code_roles: tuple[tuple[str, str], ...]  # (header prefix, row column) of the --codes columns
    default_codes: tuple[str, ...] = ()  # code systems the layout always carries (POLECAT's COW numbers)

    def systems(self, codes: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.default_codes, *codes)))


def _sectors(code: str | None) -> str | None:
    return sector_names().get(code, code) if code else None


def _split_place(row: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(city, district, province) of the event's location by its precision."""
    name, precision = row.get("location_name"), row.get("geo_precision")
    if name is None or precision == "country":
        return None, None, None
    if precision == "admin":
        return None, None, name
    if row.get("geo_feature") == "district":
        return None, name, None
    return name, None, None


def icews_cells(row: dict[str, Any]) -> list[Any]:
    code = load_codes().get(row["cameo_code"] or "")
    city, district, province = _split_place(row)
    sentence = row["sentence_index"] + 1 if row["sentence_index"] is not None else None
    return [row["id"], row["date_start"], row["source_name"], _sectors(row["source_sector"]),
            country_name(row["source_country"]), code.name if code else None, row["cameo_code"], row["goldstein"],
            row["target_name"], _sectors(row["target_sector"]), country_name(row["target_country"]), row["doc_id"],
            sentence, row["doc_outlet"], city, district, province, country_name(row["location_country"]),
            row["location_lat"], row["location_lon"]]


def _known_group(row: dict[str, Any], role: str) -> str | None:
    """An organisation's own code (HAMAS, UN), not a state agent's country+sector code."""
    code, country, sector = row[f"{role}_code"], row[f"{role}_country"], row[f"{role}_sector"]
    if not code or row[f"{role}_kind"] == "state" or code == f"{country or ''}{sector or ''}":
        return None
    return row[f"{role}_affiliation"] or code if row[f"{role}_kind"] == "person" else code


def _gdelt_actor(row: dict[str, Any], role: str) -> list[Any]:
    code = row[f"{role}_affiliation"] if row[f"{role}_kind"] == "person" and row[f"{role}_affiliation"] \
        else row[f"{role}_code"]
    return [code, row[f"{role}_name"], row[f"{role}_country"], _known_group(row, role), None, None, None,
            row[f"{role}_sector"], None, None]


def _gdelt_geo(row: dict[str, Any]) -> list[Any]:
    precision = row.get("geo_precision")
    if row.get("location_name") is None:
        return [0, None, None, None, None, None, None, None]
    types = US_GEO_TYPES if row.get("location_country") == "USA" else GEO_TYPES
    geo_type = types.get(precision, GEO_TYPES.get(precision or "", 4))
    # CountryCode, ADM1Code and ADM2Code are FIPS 10-4 in GDELT: eventcoder does not know them and leaves them empty.
    return [geo_type, place_label(row), None, None, None, row["location_lat"], row["location_lon"], None]


def _fraction(day: date) -> float:
    """GDELT's FractionDate: the year plus the share of it completed by that day (YYYY.FFFF)."""
    days = (date(day.year + 1, 1, 1) - date(day.year, 1, 1)).days
    return round(day.year + day.timetuple().tm_yday / days, 4)


def gdelt_cells(row: dict[str, Any]) -> list[Any]:
    day: date | None = row["date_start"]
    cameo = row["cameo_code"] or ""
    coded = row["doc_coded_at"]
    return [numeric_id(row["id"]),
            day.strftime("%Y%m%d") if day else None, day.strftime("%Y%m") if day else None,
            day.year if day else None, _fraction(day) if day else None,
            *_gdelt_actor(row, "source"), *_gdelt_actor(row, "target"),
            1 if row["is_root"] else 0, cameo or None, cameo[:3] or None, cameo[:2] or None, row["quad_class"],
            row["goldstein"], row["mentions"] or 1, 1, 1, None,
            *[0, None, None, None, None, None, None, None], *[0, None, None, None, None, None, None, None],
            *_gdelt_geo(row),
            coded.strftime("%Y%m%d%H%M%S") if coded else None, row["doc_url"] or f"eventcoder:{row['doc_id']}"]


def polecat_cells(row: dict[str, Any]) -> list[Any]:
    city, district, province = _split_place(row)
    score = plover_score(row["plover_type"], row["plover_mode"]) if row["plover_type"] in load_types() else None
    return [row["id"], row["date_start"], row["plover_type"], row["plover_mode"], score, row["quad_class"],
            list(row["plover_context"] or []), row["cameo_code"], row["goldstein"],
            row["source_name"], row["source_code"], row["source_country"], row["source_sector"],
            row["target_name"], row["target_code"], row["target_country"], row["target_sector"],
            row["location_name"], city or district, province, row["location_country"], row["geo_feature"],
            row["location_lat"], row["location_lon"], row["geonameid"], row["date_precision"],
            row["geo_precision"], row["negated"], row["hypothetical"], row["reported_by_code"], row["confidence"],
            row["doc_published"], row["doc_id"], row["sentence_index"], row["doc_title"], row["doc_outlet"],
            row["evidence"], row["coder"], codebook_version()]


ACTOR_ROLES = (("Source", "source_country"), ("Target", "target_country"))
LAYOUTS: dict[str, Layout] = {
    "icews": Layout(ICEWS_COLUMNS, True, False, icews_cells, (*ACTOR_ROLES, ("Country", "location_country"))),
    "gdelt": Layout(GDELT_COLUMNS, False, False, gdelt_cells,
                    (("Actor1", "source_country"), ("Actor2", "target_country"), ("ActionGeo", "location_country"))),
    "polecat": Layout(POLECAT_COLUMNS, True, True, polecat_cells,
                      (("Actor", "source_country"), ("Recipient", "target_country"), ("Country", "location_country")), ("cow",)),
}


def layout_columns(name: str, codes: tuple[str, ...] = ()) -> list[str]:
    """Every column the layout writes with these --codes (the code columns come last)."""
    layout = LAYOUTS[name]
    systems = layout.systems(codes)
    return [*layout.columns, *(c for prefix, _ in layout.code_roles for c in code_columns(prefix, systems))]


def _rows(name: str, store: Store, selection: EventFilter, codes: tuple[str, ...],
          min_precision: tuple[str, ...], unmatched: Unmatched) -> Iterator[list[Any]]:
    layout = LAYOUTS[name]
    left_out = 0
    for row in event_rows(store, selection, min_precision):
        if not layout.flags and (row["negated"] or row["hypothetical"]):
            left_out += 1
            continue
        cells = layout.cells(row)
        for _, column in layout.code_roles:
            cells += code_cells(row[column], row["date_start"], codes, unmatched)
        yield cells
    if left_out:
        note(f"{name}: left out {left_out} negated or hypothetical event{'s' if left_out != 1 else ''}"
             f" (the layout has no column to flag them)")


def write_tsv(name: str, store: Store, selection: EventFilter, out: str, *, codes: tuple[str, ...] | str = (),
              min_precision: tuple[str, ...] = ()) -> int:
    """Write the selected events in layout `name`; returns how many rows."""
    chosen = parse_systems(codes)
    systems = LAYOUTS[name].systems(chosen)
    unmatched = Unmatched()
    n = 0
    with opened(out) as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        if LAYOUTS[name].header:
            writer.writerow(layout_columns(name, chosen))
        for cells in _rows(name, store, selection, systems, min_precision, unmatched):
            writer.writerow([cell(v) for v in cells])
            n += 1
    unmatched.report()
    write_manifest(out, name, n, chosen, tuple(min_precision))
    return n


def write_icews(store: Store, selection: EventFilter, out: str, **options: Any) -> int:
    return write_tsv("icews", store, selection, out, **options)


def write_gdelt(store: Store, selection: EventFilter, out: str, **options: Any) -> int:
    return write_tsv("gdelt", store, selection, out, **options)


def write_polecat(store: Store, selection: EventFilter, out: str, **options: Any) -> int:
    return write_tsv("polecat", store, selection, out, **options)
