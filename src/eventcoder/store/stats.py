"""The aggregates ICEWS and GDELT users expect: counts by PLOVER type and QuadClass, Goldstein sums per dyad and
period, top dyads, sources, targets and countries.

`--by` keys combine (`--by dyad --by month` gives Goldstein sums per dyad per month). Every table carries the
same measures: the event count, the count in each QuadClass (quad1..quad4), and the Goldstein sum and mean.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .duckdb import Store
from .filters import EVENTS_FROM, EventFilter

QUAD_LABELS: dict[int, str] = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                               4: "material conflict"}

# key -> [(column name, SQL expression over the filtered events `e` and, for country, the roles `c`)]
GROUP_KEYS: dict[str, list[tuple[str, str]]] = {
    "type": [("plover_type", "e.plover_type")],
    "quad": [("quad_class", "e.quad_class")],
    "dyad": [("source", "e.source_code"), ("target", "e.target_code")],
    "source": [("source", "e.source_code")],
    "target": [("target", "e.target_code")],
    "country": [("country", "c.country")],
    "month": [("month", "CASE WHEN e.date_precision IN ('day', 'month') THEN strftime(e.date_start, '%Y-%m') END")],
    "year": [("year", "strftime(e.date_start, '%Y')")],
}
TIME_KEYS = ("month", "year")
# keys whose missing values are left out (an unknown actor or date is no dyad, country or period)
REQUIRED_KEYS = ("dyad", "source", "target", "country", "month", "year")

MEASURES: list[tuple[str, str]] = [
    ("events", "count(*)"),
    ("quad1", "count(*) FILTER (WHERE e.quad_class = 1)"),
    ("quad2", "count(*) FILTER (WHERE e.quad_class = 2)"),
    ("quad3", "count(*) FILTER (WHERE e.quad_class = 3)"),
    ("quad4", "count(*) FILTER (WHERE e.quad_class = 4)"),
    ("goldstein_sum", "round(sum(e.goldstein), 1)"),
    ("goldstein_mean", "round(avg(e.goldstein), 2)"),
]


@dataclass
class Table:
    """A result ready to print: a title, column names and rows."""

    title: str
    columns: list[str]
    rows: list[tuple[Any, ...]]
    caption: str = ""


def stats(store: Store, by: tuple[str, ...], selection: EventFilter, limit: int | None = None) -> Table:
    """Aggregate the selected events by the given keys (in order)."""
    keys = [k for k in dict.fromkeys(by)]
    if not keys:
        raise ValueError("stats needs at least one --by key")
    group = [pair for k in keys for pair in GROUP_KEYS[k]]
    where, params = selection.where()
    conditions = [f"{expr} IS NOT NULL" for k in keys if k in REQUIRED_KEYS for _, expr in GROUP_KEYS[k]]
    roles = ""
    if "country" in keys:  # an event counts once for each country among its source and target
        roles = (" JOIN (SELECT id, source_country AS country FROM events WHERE source_country IS NOT NULL"
                 " UNION SELECT id, target_country FROM events WHERE target_country IS NOT NULL) c"
                 " ON c.id = e.id")
    measures = [(n, x) for n, x in MEASURES if "quad" not in keys or "quad_class" not in x]
    select = [f"{expr} AS {name}" for name, expr in group] + [f"{expr} AS {name}" for name, expr in measures]
    time_cols = [name for k in keys if k in TIME_KEYS for name, _ in GROUP_KEYS[k]]
    order = time_cols + ["events DESC"] + [name for name, _ in group if name not in time_cols]
    sql = (f"SELECT {', '.join(select)} FROM {EVENTS_FROM}{roles} WHERE {where}"
           f"{''.join(f' AND {c}' for c in conditions)}"
           f" GROUP BY ALL ORDER BY {', '.join(order)}")
    if limit:
        sql += f" LIMIT {int(limit)}"
    cur = store.con.execute(sql, params)
    columns = [d[0] for d in cur.description]
    rows = cur.fetchall()
    if "quad_class" in columns:
        i = columns.index("quad_class")
        columns.insert(i + 1, "quad_label")
        rows = [(*r[:i + 1], QUAD_LABELS.get(r[i], ""), *r[i + 1:]) for r in rows]
    caption = "" if "quad" in keys else "quad1 verbal cooperation · quad2 material cooperation · " \
        "quad3 verbal conflict · quad4 material conflict"
    return Table(f"Events by {' × '.join(keys)}", columns, rows, caption)
