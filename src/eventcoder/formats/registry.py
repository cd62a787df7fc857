"""The names of the field layouts `eventcoder export --format` offers beyond the store's own, and where each writer
lives. Kept free of imports so the CLI can list the choices without loading DuckDB or pandas.

Each writer is `write(store, selection, out, *, codes=(), min_precision=()) -> int` (events written).
"""

from __future__ import annotations

EXPORTERS: dict[str, str] = {
    "plover-json": "eventcoder.formats.jsonish:write_plover_json",
    "icews": "eventcoder.formats.tabular:write_icews",
    "gdelt": "eventcoder.formats.tabular:write_gdelt",
    "polecat": "eventcoder.formats.tabular:write_polecat",
    "geojson": "eventcoder.formats.jsonish:write_geojson",
}
CODE_SYSTEMS: tuple[str, ...] = ("cow", "gw")
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year")  # finest first
GEO_PRECISIONS: tuple[str, ...] = ("place", "admin", "country")  # finest first
