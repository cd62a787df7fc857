"""`eventcoder code`: code a corpus into one event per line/row (JSONL, CSV or Parquet).

The run streams: articles are read lazily, coded one by one (`eventcoder.corpus.code_articles`, the loop that
parallel runners replace) and their events handed to every sink as they come. Failed articles are reported on
stderr with their ids and counted in the closing summary; they never stop the run.
"""

from __future__ import annotations

import sys
import time

import click


class _Progress:
    """A progress bar on stderr when a person is watching (stderr is a terminal); silent in CI and pipes."""

    def __init__(self) -> None:
        self._bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm
            self._bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, leave=False)

    def note(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)

    def advance(self, events: int) -> None:
        if self._bar is not None:
            self._bar.update(1)
            self._bar.set_postfix(events=events, refresh=False)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _failure_line(failure) -> str:
    reason = failure.reason
    return f"eventcoder: failed: {reason}" if failure.id in reason else f"eventcoder: failed: {failure.id}: {reason}"


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True),
              help="Write events to this file (default: standard output).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]),
              help="Output format (default: from the --out extension, else jsonl).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes (articles are currently coded one after another).")
@click.option("--published", help="Publication date YYYY-MM-DD for every article (overrides their own).")
@click.option("--strict", is_flag=True, help="Exit with status 1 when any article failed.")
@click.option("--db", "db", metavar="PATH",
              help="Also keep articles, annotations, events and failures in this DuckDB store (no stdout then).")
@click.pass_context
def code(ctx: click.Context, inputs: tuple[str, ...], out: str | None, fmt: str | None, workers: int,
         published: str | None, strict: bool, db: str | None) -> None:
    """Code articles (files, folders, JSONL corpora, - for stdin) into one event per line/row."""
    from ..corpus import code_articles
    from ..errors import NoArticlesError, UnreadableInputError
    from ..output import format_for, open_writer
    from ..reading.failures import Failure
    from ..reading.inputs import read_inputs

    fmt = format_for(out, fmt)
    if fmt == "parquet" and not out and not db:
        raise click.UsageError("--format parquet needs --out FILE")
    debug = bool(ctx.find_root().params.get("debug"))
    items = read_inputs(inputs, published=published)  # raises for missing paths before anything is written
    store = None
    if db:
        from ..store.sink import StoreSink
        store = StoreSink(db)
    sinks = [open_writer(fmt, out)] if out or not store else []
    progress = _Progress()
    started = time.monotonic()
    coded = events = 0
    failures: list[Failure] = []
    try:
        for result in code_articles(items, debug=debug):
            if store is not None and (refused := store.keep(result)):
                result = Failure(result.doc.id, refused)
            if isinstance(result, Failure):
                failures.append(result)
                if coded:
                    progress.note(_failure_line(result))
            else:
                if not coded:  # failures before the first success wait: a lone bad input gets one line
                    for failure in failures:
                        progress.note(_failure_line(failure))
                coded += 1
                events += len(result.events)
                for sink in sinks:
                    sink.write(result.events)
            progress.advance(events)
    finally:
        progress.close()
        for sink in sinks:
            sink.close()
        if store is not None:
            store.close()
    if failures and not coded:
        if len(failures) == 1:
            raise UnreadableInputError(failures[0].reason)
        for failure in failures:
            click.echo(_failure_line(failure), err=True)
        raise NoArticlesError(f"no article could be coded ({len(failures)} failed)")
    elapsed = time.monotonic() - started
    where = "".join(f" -> {target}" for target in (out, db) if target)
    click.echo(f"eventcoder: coded {coded} article{'s' if coded != 1 else ''}, {len(failures)} failed, "
               f"{events} event{'s' if events != 1 else ''}{where} in {elapsed:.1f}s", err=True)
    if failures and strict:
        sys.exit(1)

COMMANDS = [code]
