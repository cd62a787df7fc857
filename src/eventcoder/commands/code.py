"""`eventcoder code`: code a corpus into one event per line/row (JSONL, CSV or Parquet).

The run streams: articles are read lazily, coded by the chosen engine (`eventcoder.scale.coder`: in this process,
a pool of worker processes, or a Dask cluster; always in input order) and their events handed to every sink as
they come. With --out the run is resumable (`eventcoder.scale.resume`). Failed articles are reported on stderr
with their ids and counted in the closing summary; they never stop the run.
"""

from __future__ import annotations

import sys
import time

import click


def _failure_line(failure) -> str:
    reason = failure.reason
    return f"eventcoder: failed: {reason}" if failure.id in reason else f"eventcoder: failed: {failure.id}: {reason}"


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True),
              help="Write events to this file (default: standard output). An interrupted run restarted with "
                   "the same command resumes where it stopped (see OUT.progress).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]),
              help="Output format (default: from the --out extension, else jsonl).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: all cores; 1 codes in this process).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: a process pool on this machine; dask: a Dask distributed cluster.")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="With --engine dask: the scheduler of a running cluster (default: start a local one).")
@click.option("--published", help="Publication date YYYY-MM-DD for every article (overrides their own).")
@click.option("--strict", is_flag=True, help="Exit with status 1 when any article failed.")
@click.option("--db", "db", metavar="PATH",
              help="Also keep articles, annotations, events and failures in this DuckDB store (no stdout then).")
@click.pass_context
def code(ctx: click.Context, inputs: tuple[str, ...], out: str | None, fmt: str | None, workers: int | None,
         engine: str, scheduler: str | None, published: str | None, strict: bool, db: str | None) -> None:
    """Code articles (files, folders, JSONL or Parquet corpora, - for stdin) into one event per line/row.

    An article that cannot be read or coded is reported on stderr with its id and the rest are coded; the exit
    status is then 0 (1 with --strict), or 2 when no article at all could be coded.
    """
    from ..errors import NoArticlesError, UnreadableInputError, UnwritableOutputError
    from ..output import format_for, open_writer
    from ..reading.failures import Failure
    from ..reading.inputs import read_inputs
    from ..scale import coder
    from ..scale.progress import Progress
    from ..scale.resume import ResumableOutput, finish_store, resuming_store, skip_stored

    fmt = format_for(out, fmt)
    if fmt == "parquet" and not out and not db:
        raise click.UsageError("--format parquet needs --out FILE")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    debug = bool(ctx.find_root().params.get("debug"))
    items = read_inputs(inputs, published=published)  # raises for missing paths before anything is written
    try:
        output = ResumableOutput(fmt, out) if out else None
    except OSError as exc:  # a missing folder, a read-only place: the user's path, not our bug
        raise UnwritableOutputError(f"cannot write {out}: {exc.strerror or exc}") from None
    if output and output.resumed:
        items = output.skip_done(items)
        click.echo(f"eventcoder: resuming {out}: {output.resumed} article(s) already done", err=True)
    store = None
    if db:
        from ..store.sink import StoreSink
        store = StoreSink(db)
        if resuming_store(db) and not (output and output.resumed):  # the --out journal is exact: it wins
            items = skip_stored(items, store.store)
            click.echo(f"eventcoder: resuming {db}: articles already stored are skipped", err=True)
    sinks = [open_writer(fmt, None)] if not out and not store else []  # stdout; --out goes through `output`
    progress = Progress(inputs, skipped=output.resumed if output else 0)
    started = time.monotonic()
    coded = events = 0
    failures: list[Failure] = []
    complete = False
    results = coder(engine, workers, scheduler=scheduler, debug=debug)(items)
    try:
        for result in results:
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
            if output:
                output.write(result)
            progress.advance(events)
        complete = True
    except KeyboardInterrupt:
        click.echo(f"\neventcoder: interrupted after {coded} article(s)"
                   + (f"; run the same command again to resume {out}" if out else ""), err=True)
        sys.exit(130)
    finally:
        results.close()  # stops the workers now (an interrupted run), not whenever the generator is collected
        progress.close()
        for sink in sinks:
            sink.close()
        if output:
            output.close(complete=complete)
        if store is not None:
            store.close()
            if complete:
                finish_store(db)
    if failures and not coded and not (output and output.resumed):
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
