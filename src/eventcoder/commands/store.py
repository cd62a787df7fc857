"""Commands over the event store: `query`, `stats`, `export`, `plot timeline` and `review export`.

Thin wrappers: each opens the store read-only (writes go through `code --db` and the review page), builds an
EventFilter from the options and hands over to `eventcoder.store`.
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from typing import Any

import click

from ..formats.registry import EXPORTERS as FIELD_LAYOUTS

DB_OPTION = click.option("--db", "db", default="eventcoder.duckdb", show_default=True, metavar="PATH",
                         help="The DuckDB store file.")
TABLE_FORMATS = ("table", "csv", "json")


def _selection_options(func):
    """--type, --actor, --since and --until, shared by stats, export and plot."""
    func = click.option("--until", metavar="DATE", help="Events dated on or before (YYYY, YYYY-MM, YYYY-MM-DD).")(func)
    func = click.option("--since", metavar="DATE", help="Events dated on or after (YYYY, YYYY-MM, YYYY-MM-DD).")(func)
    func = click.option("--actor", metavar="CODE", help="Events with this actor as source or target (IRN, HAMAS).")(func)
    func = click.option("--type", "types", multiple=True, metavar="TYPE", help="PLOVER type (repeatable).")(func)
    return func


def _selection(types: tuple[str, ...], actor: str | None, since: str | None, until: str | None, **kw: Any):
    from ..store.filters import EventFilter, actor_pattern, period_bounds, plover_type

    return EventFilter(types=tuple(plover_type(t) for t in types), actor=actor_pattern(actor) if actor else None,
                       since=period_bounds(since)[0] if since else None,
                       until=period_bounds(until)[1] if until else None, **kw)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return "|".join(str(v) for v in value)
    return str(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool, list, dict)) or value is None:
        return value
    return str(value)


def print_table(table, fmt: str) -> None:
    """A result as a rich table on a terminal, or as CSV / a JSON array of objects."""
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(table.columns)
        writer.writerows([_cell(v) for v in row] for row in table.rows)
    elif fmt == "json":
        records = [{c: _json_value(v) for c, v in zip(table.columns, row)} for row in table.rows]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        from rich.console import Console
        from rich.table import Table

        out = Table(title=table.title or None, title_justify="left", header_style="bold",
                    caption=table.caption or None, caption_justify="left")
        cells = [[_cell(v) for v in row] for row in table.rows]
        for i, name in enumerate(table.columns):
            numeric = any(isinstance(r[i], (int, float)) for r in table.rows[:50])
            widest = max((len(r[i]) for r in cells), default=0)
            out.add_column(name, justify="right" if numeric else "left", overflow="fold",
                           min_width=min(max(widest, 4), 60))
        for row in cells:
            out.add_row(*row)
        console = Console()
        natural = sum(max(len(name), max((len(r[i]) for r in cells), default=0)) + 3
                      for i, name in enumerate(table.columns)) + 1
        if not console.is_terminal:  # piped or redirected: never squeeze the table to 80 columns
            console = Console(width=max(console.width, natural))
        console.print(out)
        console.print(f"{len(table.rows)} row{'s' if len(table.rows) != 1 else ''}", style="dim")


@click.command()
@click.argument("sql")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table", show_default=True)
def query(sql: str, db: str, fmt: str) -> None:
    """Run one read-only SQL SELECT over the store (tables: documents, events, actors, ...)."""
    from ..store.duckdb import Store
    from ..store.query import run_query

    with Store.open(db, read_only=True) as store:
        print_table(run_query(store, sql), fmt)


STATS_KEYS = ("type", "quad", "dyad", "source", "target", "country", "month", "year")


@click.command()
@click.option("--by", "by", multiple=True, type=click.Choice(STATS_KEYS), default=("type",), show_default=True,
              help="Group by (repeatable: --by dyad --by month gives Goldstein sums per dyad per month).")
@_selection_options
@click.option("--include-negated", is_flag=True, help="Count events the text says did not happen.")
@click.option("--include-hypothetical", is_flag=True, help="Count future, conditional or intended acts.")
@click.option("--limit", type=click.IntRange(min=1), help="Rows to show (default: top 25 for actor groupings).")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table", show_default=True)
def stats(by: tuple[str, ...], types: tuple[str, ...], actor: str | None, since: str | None, until: str | None,
          include_negated: bool, include_hypothetical: bool, limit: int | None, db: str, fmt: str) -> None:
    """Event counts, QuadClass shares and Goldstein sums by type, dyad, actor, country or month."""
    from ..store.duckdb import Store
    from ..store.stats import TIME_KEYS
    from ..store.stats import stats as run_stats

    selection = _selection(types, actor, since, until, include_negated=include_negated,
                           include_hypothetical=include_hypothetical)
    if limit is None and not set(by) & set(TIME_KEYS) and set(by) & {"dyad", "source", "target", "country"}:
        limit = 25
    with Store.open(db, read_only=True) as store:
        table = run_stats(store, by, selection, limit)
    flagged = [name for name, kept in (("negated", include_negated), ("hypothetical", include_hypothetical))
               if not kept]
    if flagged:
        table.title += f" ({' and '.join(flagged)} events excluded)"
    print_table(table, fmt)


@click.command()
@click.option("--format", "fmt", type=click.Choice(("jsonl", "csv", "parquet", *FIELD_LAYOUTS)), default="jsonl",
              show_default=True)
@click.option("--out", required=True, metavar="FILE", help="Output file ('-' for standard output).")
@_selection_options
@click.option("--exclude-negated", is_flag=True, help="Leave out events the text says did not happen.")
@click.option("--exclude-hypothetical", is_flag=True, help="Leave out future, conditional or intended acts.")
@click.option("--codes", metavar="cow,gw", help="Field layouts: add Correlates of War / Gleditsch-Ward numbers.")
@click.option("--min-precision", "min_precision", multiple=True, metavar="P",
              help="Field layouts: only events dated to day|month|year and/or located to place|admin|country.")
@DB_OPTION
def export(fmt: str, out: str, types: tuple[str, ...], actor: str | None, since: str | None, until: str | None,
           exclude_negated: bool, exclude_hypothetical: bool, codes: str | None, min_precision: tuple[str, ...],
           db: str) -> None:
    """Export events as JSONL, CSV, Parquet or a field layout (ICEWS, GDELT, POLECAT, PLOVER JSON, GeoJSON)."""
    from ..store.duckdb import Store
    from ..store.export import export_events

    selection = _selection(types, actor, since, until, include_negated=not exclude_negated,
                           include_hypothetical=not exclude_hypothetical)
    with Store.open(db, read_only=True) as store:
        n = export_events(store, selection, fmt, out, codes=codes, min_precision=min_precision)
    if out != "-":
        click.echo(f"exported {n} event{'s' if n != 1 else ''} to {out}", err=True)


@click.group()
def plot() -> None:
    """Charts of the stored events."""


@plot.command()
@click.option("--dyad", required=True, metavar="SOURCE:TARGET", help="Actor codes, e.g. IRN:HAMAS.")
@click.option("--out", required=True, metavar="FILE", help="Image file (.png, .svg or .pdf).")
@click.option("--by", type=click.Choice(("quad", "type")), default="quad", show_default=True)
@click.option("--period", type=click.Choice(("month", "week")), default="month", show_default=True)
@click.option("--undirected", is_flag=True, help="Count both directions (TARGET:SOURCE too).")
@click.option("--since", metavar="DATE", help="Events dated on or after (YYYY, YYYY-MM, YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Events dated on or before (YYYY, YYYY-MM, YYYY-MM-DD).")
@click.option("--include-negated", is_flag=True, help="Count events the text says did not happen.")
@click.option("--include-hypothetical", is_flag=True, help="Count future, conditional or intended acts.")
@DB_OPTION
def timeline(dyad: str, out: str, by: str, period: str, undirected: bool, since: str | None, until: str | None,
             include_negated: bool, include_hypothetical: bool, db: str) -> None:
    """Events between two actors over time: counts by QuadClass or type, and the Goldstein sum."""
    from ..store.duckdb import Store
    from ..store.filters import parse_dyad
    from ..store.plot import plot_timeline
    from ..store.plot import timeline as gather

    source, target = parse_dyad(dyad)
    selection = _selection((), None, since, until, source=source, target=target, undirected=undirected,
                           include_negated=include_negated, include_hypothetical=include_hypothetical)
    with Store.open(db, read_only=True) as store:
        data = gather(store, selection, by, period)
    arrow = "↔" if undirected else "→"
    title = f"{source} {arrow} {target}: events per {period} by {'QuadClass' if by == 'quad' else 'PLOVER type'}"
    plot_timeline(data, out, title, by, period)
    total = sum(sum(v) for v in data.counts.values())
    periods = f"{len(data.periods)} {period}{'s' if len(data.periods) != 1 else ''}"
    click.echo(f"plotted {total} event{'s' if total != 1 else ''} over {periods} to {out}", err=True)


@click.group()
def review() -> None:
    """Reviewed events (accept / reject / fix, from `eventcoder serve`)."""


@review.command("export")
@click.option("--out", required=True, metavar="FILE", help="Gold JSONL file to write.")
@DB_OPTION
def review_export(out: str, db: str) -> None:
    """Write accepted and fixed events as a gold file (one record per fully reviewed sentence)."""
    from ..store.duckdb import Store
    from ..store.review import export_gold

    with Store.open(db, read_only=True) as store:
        result = export_gold(store, out)
    click.echo(f"wrote {result.sentences} sentence(s) with {result.events} event(s) to {out}", err=True)
    if result.skipped_sentences:
        click.echo(f"skipped {result.skipped_sentences} sentence(s) with events not yet reviewed", err=True)


COMMANDS = [query, stats, export, plot, review]
