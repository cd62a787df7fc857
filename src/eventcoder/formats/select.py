"""The events a field layout writes, with the article fields and the precision columns every layout needs.

One SQL query over the store: the store's own filter (`EventFilter`), the article (`documents`), the location's
gazetteer feature (from `places`, matched by article and name) turned into `geo_precision`, whether the sentence
leads the article (GDELT's IsRootEvent), and the `--min-precision` filters.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..datafiles import read_tsv
from ..errors import EventcoderError
from ..store.duckdb import Store
from ..store.filters import EventFilter
from ..store.rows import EVENT_COLUMNS
from .registry import DATE_PRECISIONS, GEO_PRECISIONS

BATCH = 10_000


class PrecisionError(EventcoderError):
    """A --min-precision value that is neither a date precision nor a geo precision."""


@lru_cache(maxsize=1)
def feature_precisions() -> dict[str, str]:
    """Gazetteer feature -> place | admin | country (data/formats/geo_precision.tsv)."""
    return {row["feature"]: row["precision"] for row in read_tsv("formats", "geo_precision.tsv")}


def parse_min_precision(values: tuple[str, ...] | str | None) -> tuple[str | None, str | None]:
    """(date floor, geo floor) from values such as ('day', 'admin'); either may be None."""
    if not values:
        return None, None
    parts = [values] if isinstance(values, str) else list(values)
    date_floor = geo_floor = None
    for part in (p.strip().lower() for v in parts for p in v.split(",") if p.strip()):
        if part in DATE_PRECISIONS:
            date_floor = part
        elif part in GEO_PRECISIONS:
            geo_floor = part
        else:
            raise PrecisionError(f"not a precision: {part} (date: {', '.join(DATE_PRECISIONS)};"
                                 f" place: {', '.join(GEO_PRECISIONS)})")
    return date_floor, geo_floor


def _at_least(column: str, floor: str | None, scale: tuple[str, ...]) -> str:
    """SQL: `column` is `floor` or finer (scale lists precisions finest first)."""
    if floor is None:
        return "TRUE"
    allowed = scale[: scale.index(floor) + 1]
    return f"{column} IN ({', '.join(repr(p) for p in allowed)})"


def geo_precision_sql(feature: str) -> str:
    """SQL CASE mapping a gazetteer feature expression to place | admin | country (NULL when unknown)."""
    cases = " ".join(f"WHEN {feature} = '{f}' THEN '{p}'" for f, p in feature_precisions().items())
    return f"CASE {cases} ELSE NULL END"


def precision_filter(min_precision: tuple[str, ...] | str | None, date_col: str = "e.date_precision",
                     geo_col: str = "geo_precision") -> str:
    """A WHERE fragment keeping events at least as precise as asked (the geo column must be in scope)."""
    date_floor, geo_floor = parse_min_precision(min_precision)
    return f"{_at_least(date_col, date_floor, DATE_PRECISIONS)} AND {_at_least(geo_col, geo_floor, GEO_PRECISIONS)}"


# The location's feature: the article's place of that name and point (the geo stage wrote it to `places`).
PLACE_FEATURES = ("(SELECT doc_id, name, lat, lon, min(feature) AS feature, min(geonameid) AS geonameid FROM places"
                  " GROUP BY doc_id, name, lat, lon)")

# The lead sentence of each article (GDELT's IsRootEvent: the headline or the first body sentence).
FIRST_BODY = ("(SELECT doc_id, min(sentence_index) AS first_body FROM sentences WHERE kind = 'body'"
              " GROUP BY doc_id)")


def events_sql(selection: EventFilter, min_precision: tuple[str, ...] | str | None = None,
               columns: tuple[str, ...] = EVENT_COLUMNS, table: str = "events") -> tuple[str, list[Any]]:
    """The SELECT for a layout, its parameters bound; rows in date, article, offset order.

    `table` is the events relation to read: the `events` table, or a deduplicated view of it (see dedupe.py); the
    selection's WHERE clause refers to it as `e` and to the reviews as `r`, as in the store's own queries."""
    where, params = selection.where()
    cols = ", ".join(f"e.{c}" for c in columns)
    inner = (
        f"SELECT {cols}, d.title AS doc_title, d.published AS doc_published, d.outlet AS doc_outlet,"
        f" d.url AS doc_url, d.language AS doc_language, d.coded_at AS doc_coded_at,"
        f" pf.feature AS geo_feature, pf.geonameid AS geonameid,"
        f" CASE WHEN e.location_name IS NULL THEN NULL ELSE {geo_precision_sql('pf.feature')} END AS geo_precision,"
        f" coalesce(s.kind = 'title' OR e.sentence_index = fb.first_body, FALSE) AS is_root"
        f" FROM {table} e LEFT JOIN reviews r ON r.event_id = e.id JOIN documents d ON d.id = e.doc_id"
        f" LEFT JOIN {PLACE_FEATURES} pf ON pf.doc_id = e.doc_id AND pf.name = e.location_name"
        f" AND pf.lat IS NOT DISTINCT FROM e.location_lat AND pf.lon IS NOT DISTINCT FROM e.location_lon"
        f" LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index"
        f" LEFT JOIN {FIRST_BODY} fb ON fb.doc_id = e.doc_id"
        f" WHERE {where}")
    sql = (f"SELECT * FROM ({inner}) WHERE {precision_filter(min_precision, 'date_precision')}"
           f" ORDER BY date_start NULLS LAST, doc_id, evidence_start, id")
    return sql, params


def event_rows(store: Store, selection: EventFilter,
               min_precision: tuple[str, ...] | str | None = None) -> Iterator[dict[str, Any]]:
    """The selected events as dicts (event columns, doc_*, geo_feature, geo_precision, geonameid, is_root)."""
    sql, params = events_sql(selection, min_precision)
    cur = store.con.execute(sql, params)
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(BATCH):
        for row in batch:
            yield dict(zip(names, row))
