"""Dyad- or country-period aggregates of the stored events, in one DuckDB query.

Events enter a period only when dated at least as precisely as the period (a month-precision event counts in its
month and year, never on the 1st of the month): the rest are counted and reported, not spread. Negated and
hypothetical events are left out unless asked for. `--zero-fill` adds the empty cells (every unit seen x every
period in the range x every category), which time-series models need and a plain GROUP BY never yields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import EventcoderError
from ..store.duckdb import Store
from ..store.filters import EventFilter
from .countries import Unmatched, lookup, parse_systems
from .dedupe import CROSS_ARTICLE_SQL, ONE_A_DAY_SQL
from .select import events_sql

UNITS: tuple[str, ...] = ("dyad", "country")
PERIODS: tuple[str, ...] = ("day", "week", "month", "year")
MEASURES: tuple[str, ...] = ("count", "goldstein_sum", "goldstein_mean")
BY: tuple[str, ...] = ("quad", "type", "cameo-root")
DEDUPE: tuple[str, ...] = ("none", "one-a-day", "cross-article")

# the date precisions an event needs to be placed in a period
PERIOD_PRECISIONS = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}
PERIOD_LABELS = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
BY_COLUMNS = {"quad": ("quad_class", "quad_class"), "type": ("plover_type", "plover_type"),
              "cameo-root": ("cameo_root", "substr(cameo_code, 1, 2)")}


class AggregateError(EventcoderError):
    """An aggregation option eventcoder cannot honour (unknown measure, codes for actor dyads...)."""


@dataclass
class Aggregate:
    """The result: columns, rows, and the events left out (and why), for the command to report."""

    columns: list[str]
    rows: list[tuple]
    title: str = ""
    caption: str = ""
    left_out: dict[str, int] = field(default_factory=dict)


def parse_measures(value: str | tuple[str, ...]) -> tuple[str, ...]:
    parts = value.split(",") if isinstance(value, str) else [p for v in value for p in v.split(",")]
    measures = tuple(dict.fromkeys(p.strip().lower().replace("-", "_") for p in parts if p.strip()))
    for m in measures:
        if m not in MEASURES:
            raise AggregateError(f"unknown measure: {m} (one of {', '.join(MEASURES)})")
    return measures or ("count",)


def _unit_columns(unit: str, directed: bool) -> tuple[tuple[str, str], tuple[str, str]]:
    """((name, expression), (name, expression)) of the two unit columns."""
    source, target = ("source_code", "target_code") if unit == "dyad" else ("source_country", "target_country")
    if directed:
        names = ("source", "target") if unit == "dyad" else ("source_country", "target_country")
        return (names[0], source), (names[1], target)
    names = ("actor_a", "actor_b") if unit == "dyad" else ("country_a", "country_b")
    return (names[0], f"least({source}, {target})"), (names[1], f"greatest({source}, {target})")


def _categories(by: str) -> str:
    """SQL VALUES of every category of `by`, for zero-fill (every QuadClass, type or CAMEO root the codebook has)."""
    from ..document import PLOVER_TYPES
    from ..events.cameo import load_codes

    if by == "quad":
        values = ["1", "2", "3", "4"]
    elif by == "type":
        values = [f"'{t}'" for t in PLOVER_TYPES]
    else:
        values = [f"'{r}'" for r in sorted({c.code[:2] for c in load_codes().values()})]
    return f"(VALUES {', '.join(f'({v})' for v in values)})"


def aggregate(store: Store, *, unit: str = "dyad", period: str = "month", measures: tuple[str, ...] = ("count",),
              by: str | None = None, directed: bool = True, zero_fill: bool = False,
              selection: EventFilter | None = None,
              min_precision: tuple[str, ...] = (), codes: tuple[str, ...] | str = (),
              dedupe: str = "none") -> Aggregate:
    """Aggregate the selected events (default: all real ones, negated and hypothetical left out) by unit x period
    (x category)."""
    selection = selection or EventFilter(include_negated=False, include_hypothetical=False)
    if unit not in UNITS or period not in PERIODS or (by and by not in BY) or dedupe not in DEDUPE:
        raise AggregateError(f"bad aggregation: unit={unit} period={period} by={by} dedupe={dedupe}")
    systems = parse_systems(codes)
    if systems and unit != "country":
        raise AggregateError("--codes needs --unit country (actor dyads have no single state)")
    if dedupe == "cross-article" and not store.scalar(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'event_duplicates'"):
        raise AggregateError("no cross-article duplicates in this store yet: run eventcoder dedupe --cross-article")
    table = {"none": "events", "one-a-day": f"({ONE_A_DAY_SQL})", "cross-article": f"({CROSS_ARTICLE_SQL})"}[dedupe]
    base, params = events_sql(selection, min_precision, table=table)
    (a_name, a_expr), (b_name, b_expr) = _unit_columns(unit, directed)
    cat = BY_COLUMNS[by] if by else None
    cat_select = f", {cat[1]} AS {cat[0]}" if cat else ""
    allowed = ", ".join(f"'{p}'" for p in PERIOD_PRECISIONS[period])
    unit_cols = ("source_code", "target_code") if unit == "dyad" else ("source_country", "target_country")
    con = store.con
    # one statement per query (DuckDB cannot bind parameters inside a view): the selection as a CTE
    with_base = f"WITH _agg_base AS ({base})"
    counts = con.execute(
        f"{with_base} SELECT count(*) FILTER (WHERE date_start IS NOT NULL AND date_precision NOT IN ({allowed})),"
        f" count(*) FILTER (WHERE date_start IS NULL),"
        f" count(*) FILTER (WHERE {unit_cols[0]} IS NULL OR {unit_cols[1]} IS NULL) FROM _agg_base",
        params).fetchall()[0]
    left_out = dict(zip(("dated less precisely than the period", "undated",
                         f"without both {'actors' if unit == 'dyad' else 'countries'}"), counts))
    with_events = (
        f"{with_base}, _agg_events AS (SELECT date_trunc('{period}', date_start)::DATE AS period,"
        f" {a_expr} AS {a_name}, {b_expr} AS {b_name}{cat_select}, goldstein FROM _agg_base"
        f" WHERE date_start IS NOT NULL AND date_precision IN ({allowed})"
        f" AND {unit_cols[0]} IS NOT NULL AND {unit_cols[1]} IS NOT NULL)")
    keys = ["period", a_name, b_name] + ([cat[0]] if cat else [])
    aggs = {"count": "count(*)", "goldstein_sum": "round(sum(goldstein), 4)",
            "goldstein_mean": "round(avg(goldstein), 4)"}
    grouped = f"SELECT {', '.join(keys)}, {', '.join(f'{aggs[m]} AS {m}' for m in measures)} FROM _agg_events" \
              f" GROUP BY ALL"
    if zero_fill:
        bounds = [selection.since, selection.until]
        cells = (f"(SELECT DISTINCT {a_name}, {b_name} FROM _agg_events) u"
                 f" CROSS JOIN (SELECT unnest(generate_series("
                 f"date_trunc('{period}', coalesce(?::DATE, (SELECT min(period) FROM _agg_events))),"
                 f" date_trunc('{period}', coalesce(?::DATE, (SELECT max(period) FROM _agg_events))),"
                 f" INTERVAL 1 {period}))::DATE AS period) p")
        if cat:
            cells += f" CROSS JOIN {_categories(by)} c({cat[0]})"
        fills = {"count": "coalesce(g.count, 0)", "goldstein_sum": "coalesce(g.goldstein_sum, 0)",
                 "goldstein_mean": "g.goldstein_mean"}
        join = " AND ".join(f"g.{k} = cells.{k}" for k in keys)
        sql = (f"SELECT {', '.join(f'cells.{k}' for k in keys)}, {', '.join(f'{fills[m]} AS {m}' for m in measures)}"
               f" FROM (SELECT * FROM {cells}) cells LEFT JOIN ({grouped}) g ON {join}")
        fill_params: list[Any] = bounds
    else:
        sql, fill_params = grouped, []
    rows = con.execute(f"{with_events} SELECT * FROM ({sql}) ORDER BY {', '.join(keys)}",
                       params + fill_params).fetchall()
    columns = list(keys) + list(measures)
    out_rows = [(r[0].strftime(PERIOD_LABELS[period]), *r[1:]) for r in rows]
    unmatched = Unmatched()
    if systems:
        columns += [f"{name}_{s}" for name in (a_name, b_name) for s in systems]
        out_rows = [(*r, *[lookup(code, s, day, unmatched)[0] for code in (r[1], r[2]) for s in systems])
                    for r, day in zip(out_rows, (row[0] for row in rows))]
    unmatched.report()
    arrow = "→" if directed else "↔"
    title = (f"{'actor' if unit == 'dyad' else 'country'} dyads ({arrow}) per {period}"
             + (f" by {by}" if by else "") + (f", {dedupe}" if dedupe != "none" else ""))
    return Aggregate(columns, out_rows, title, left_out={k: v for k, v in left_out.items() if v})

