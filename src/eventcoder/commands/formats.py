"""Commands for the field's formats: `dedupe`, `aggregate` and `codebook` (export layouts ride on `export`)."""

from __future__ import annotations

import click

from ..formats.registry import DATE_PRECISIONS, GEO_PRECISIONS

DB_OPTION = click.option("--db", "db", default="eventcoder.duckdb", show_default=True, metavar="PATH",
                         help="The DuckDB store file.")
PRECISION_HELP = (f"Only events dated to {'|'.join(DATE_PRECISIONS)} and/or located to {'|'.join(GEO_PRECISIONS)}"
                  " or better (repeatable, e.g. --min-precision day --min-precision admin).")


def _groups_table(result, title: str):
    from ..store.stats import Table

    rows = [(kept, n, ", ".join(merged), type_, source or "", target or "", date or "")
            for kept, n, merged, type_, source, target, date in result.groups]
    caption = f"{result.events} events -> {result.kept} after merging ({result.events - result.kept} merged)"
    return Table(title, ["kept", "n_duplicates", "merged_ids", "type", "source", "target", "date"], rows, caption)


@click.command()
@click.option("--one-a-day", "one_a_day", is_flag=True,
              help="One event per date x source x target x type (view events_one_a_day).")
@click.option("--cross-article", "cross_article", is_flag=True,
              help="The same event reported by several articles (table event_duplicates, view events_cross_article).")
@click.option("--days", type=click.IntRange(min=0), default=1, show_default=True,
              help="Cross-article: how many days apart two reports' dates may be.")
@click.option("--threshold", type=click.FloatRange(0, 100), default=60.0, show_default=True,
              help="Cross-article: least evidence similarity (rapidfuzz token-set ratio, 0-100).")
@click.option("--top", type=click.IntRange(min=0), default=10, show_default=True, help="Largest groups to show.")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(("table", "csv", "json")), default="table", show_default=True)
def dedupe(one_a_day: bool, cross_article: bool, days: int, threshold: float, top: int, db: str, fmt: str) -> None:
    """Merge duplicate events into views; raw events are never deleted."""
    from ..errors import EventcoderError
    from ..formats import dedupe as dd
    from ..store.duckdb import Store
    from .store import print_table

    if not (one_a_day or cross_article):
        raise EventcoderError("say which deduplication: --one-a-day and/or --cross-article")
    with Store.open(db, create=False) as store:
        if one_a_day:
            print_table(_groups_table(dd.one_a_day(store, top), "one-a-day (view events_one_a_day)"), fmt)
        if cross_article:
            result = dd.cross_article(store, days=days, threshold=threshold, top=top)
            print_table(_groups_table(result, "cross-article (view events_cross_article)"), fmt)


@click.command()
@click.option("--unit", type=click.Choice(("dyad", "country")), default="dyad", show_default=True,
              help="dyad: actor codes (IRNGOV -> HAMAS); country: the actors' states (IRN -> PSE).")
@click.option("--period", type=click.Choice(("day", "week", "month", "year")), default="month", show_default=True)
@click.option("--measure", "measures", default="count", show_default=True, metavar="LIST",
              help="Comma-separated: count, goldstein_sum, goldstein_mean.")
@click.option("--by", type=click.Choice(("quad", "type", "cameo-root")), help="Also split by this category.")
@click.option("--directed/--undirected", default=True, show_default=True,
              help="Undirected counts A->B and B->A together.")
@click.option("--zero-fill", is_flag=True, help="Add rows with zero counts for every unit x period (x category).")
@click.option("--since", metavar="DATE", help="Events dated on or after (YYYY, YYYY-MM, YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Events dated on or before.")
@click.option("--type", "types", multiple=True, metavar="TYPE", help="PLOVER type (repeatable).")
@click.option("--include-negated", is_flag=True, help="Count events the text says did not happen.")
@click.option("--include-hypothetical", is_flag=True, help="Count future, conditional or intended acts.")
@click.option("--min-precision", "min_precision", multiple=True, metavar="P", help=PRECISION_HELP)
@click.option("--dedupe", type=click.Choice(("none", "one-a-day", "cross-article")), default="none",
              show_default=True, help="Aggregate deduplicated events.")
@click.option("--codes", metavar="cow,gw", help="Add Correlates of War / Gleditsch-Ward numbers (--unit country).")
@click.option("--out", metavar="FILE", help="Write to FILE instead of printing (needed for parquet).")
@click.option("--format", "fmt", type=click.Choice(("table", "csv", "parquet")), default="table",
              show_default=True)
@DB_OPTION
def aggregate(unit: str, period: str, measures: str, by: str | None, directed: bool, zero_fill: bool,
              since: str | None, until: str | None, types: tuple[str, ...], include_negated: bool,
              include_hypothetical: bool, min_precision: tuple[str, ...], dedupe: str, codes: str | None,
              out: str | None, fmt: str, db: str) -> None:
    """Counts and Goldstein sums/means per dyad or country pair per period (DuckDB SQL)."""
    from ..formats.aggregate import aggregate as run
    from ..formats.aggregate import parse_measures
    from ..formats.output import OutputError, write_table
    from ..store.duckdb import Store
    from ..store.filters import EventFilter, period_bounds, plover_type

    selection = EventFilter(types=tuple(plover_type(t) for t in types),
                            since=period_bounds(since)[0] if since else None,
                            until=period_bounds(until)[1] if until else None,
                            include_negated=include_negated, include_hypothetical=include_hypothetical)
    with Store.open(db, read_only=True) as store:
        result = run(store, unit=unit, period=period, measures=parse_measures(measures), by=by, directed=directed,
                     zero_fill=zero_fill, selection=selection, min_precision=min_precision, codes=codes or (),
                     dedupe=dedupe)
    flagged = [name for name, kept in (("negated", include_negated), ("hypothetical", include_hypothetical))
               if not kept]
    if flagged:
        result.title += f" ({' and '.join(flagged)} events excluded)"
    for reason, n in result.left_out.items():
        click.echo(f"eventcoder: left out {n} event{'s' if n != 1 else ''} {reason}", err=True)
    if fmt == "table":
        if out:
            raise OutputError("--out writes csv or parquet: add --format csv or --format parquet")
        from ..store.stats import Table
        from .store import print_table

        print_table(Table(result.title, result.columns, result.rows), "table")
        return
    write_table(result, fmt, out)
    if out:
        click.echo(f"wrote {len(result.rows)} rows to {out}", err=True)


@click.command()
@click.argument("section", required=False, type=click.Choice(
    ("types", "modes", "contexts", "cameo", "goldstein", "quad", "sectors")))
@click.option("--format", "fmt", type=click.Choice(("table", "csv", "json")), default="table", show_default=True)
def codebook(section: str | None, fmt: str) -> None:
    """The vocabularies the coder uses (PLOVER types, modes, contexts; CAMEO codes, Goldstein, QuadClass; sectors),
    printed from the data files it reads, with the codebook version exports record."""
    from ..formats.codebook import SECTIONS, codebook_version
    from ..formats.codebook import section as read_section
    from ..store.stats import Table
    from .store import print_table

    names = (section,) if section else SECTIONS
    if fmt == "json":
        import json

        parts = {name: read_section(name) for name in names}
        click.echo(json.dumps({"version": codebook_version(),
                               **{name: [dict(zip(p.columns, row)) for row in p.rows] for name, p in parts.items()}},
                              ensure_ascii=False, indent=2))
        return
    if fmt == "table":
        click.echo(f"codebook {codebook_version()}")
    for name in names:
        part = read_section(name)
        print_table(Table(part.title, list(part.columns), part.rows), fmt)


COMMANDS = [dedupe, aggregate, codebook]
