"""The `eventcoder` command line: one thin function per command over the library.

Errors in the user's input arrive as `EventcoderError` and leave as one line on stderr with exit status 2;
`--debug` shows the traceback instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import EventcoderError


class EventcoderGroup(click.Group):
    """A click group that turns EventcoderError into one clear line and exit status 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except EventcoderError as exc:
            if ctx.params.get("debug"):
                raise
            click.echo(f"eventcoder: error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=EventcoderGroup)
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.version_option(package_name="eventcoder")
def main(debug: bool) -> None:
    """Code political events (PLOVER + CAMEO) from news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date YYYY-MM-DD (overrides any date in the text).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
def analyze(paths: tuple[str, ...], published: str | None, fmt: str) -> None:
    """Analyse articles and print the full document JSON."""
    from .pipeline import default_pipeline
    from .reading.text import article_from_text, decode_bytes

    pipeline = default_pipeline()
    for p in paths:
        data = sys.stdin.buffer.read() if p == "-" else Path(p).read_bytes()
        article = article_from_text(decode_bytes(data, p), published=published, source=p)
        doc = pipeline.analyze(article)
        click.echo(doc.to_json(indent=2 if fmt == "json" else None))
