"""`eventcoder analyze`: the full document JSON for each article."""

from __future__ import annotations

import sys

import click


def report_failure(failure) -> None:
    """One line on stderr for an article that could not be analysed."""
    click.echo(f"eventcoder: error: {failure.reason}", err=True)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date YYYY-MM-DD (overrides any date in the text).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: one document (an array when several articles are given); jsonl: one per line.")
@click.pass_context
def analyze(ctx: click.Context, paths: tuple[str, ...], published: str | None, fmt: str) -> None:
    """Analyse articles (text or HTML files, folders, JSONL or Parquet corpora, - for stdin) and print the full
    document JSON.

    Articles that cannot be read or are not English are reported on stderr, one line each, and the exit
    status is 2; the others are still printed.
    """
    from ..corpus import code_articles
    from ..reading.failures import Failure
    from ..reading.inputs import read_inputs

    debug = bool(ctx.find_root().params.get("debug"))
    items = read_inputs(paths, published=published)
    results = code_articles(items, debug=debug)
    failed = 0
    if fmt == "jsonl":
        for result in results:
            if isinstance(result, Failure):
                failed += 1
                report_failure(result)
            else:
                click.echo(result.to_json(indent=None))
    else:
        documents = []
        for result in results:
            if isinstance(result, Failure):
                failed += 1
                report_failure(result)
            else:
                documents.append(result)
        if len(documents) == 1:
            click.echo(documents[0].to_json(indent=2))
        elif documents:
            click.echo("[\n" + ",\n".join(d.to_json(indent=2) for d in documents) + "\n]")
    if failed:
        sys.exit(2)


COMMANDS = [analyze]
