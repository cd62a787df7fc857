"""`eventcoder analyze`: the full document JSON for each article."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date YYYY-MM-DD (overrides any date in the text).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
def analyze(paths: tuple[str, ...], published: str | None, fmt: str) -> None:
    """Analyse articles and print the full document JSON."""
    from ..pipeline import default_pipeline
    from ..reading.text import article_from_text, decode_bytes

    pipeline = default_pipeline()
    for p in paths:
        data = sys.stdin.buffer.read() if p == "-" else Path(p).read_bytes()
        article = article_from_text(decode_bytes(data, p), published=published, source=p)
        doc = pipeline.analyze(article)
        click.echo(doc.to_json(indent=2 if fmt == "json" else None))


COMMANDS = [analyze]
