"""`eventcoder serve`: the review web page over a store, bound to 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import click


@click.command()
@click.option("--db", "db", default="eventcoder.duckdb", show_default=True, metavar="PATH",
              help="The DuckDB store file.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
def serve(db: str, host: str, port: int) -> None:
    """Browse, filter and review coded events in a web page."""
    import uvicorn

    from ..store.duckdb import Store
    from ..web.app import create_app

    Store.open(db, read_only=True).close()  # a missing or corrupt store fails here, as one clear line
    click.echo(f"eventcoder: serving {db} on http://{host}:{port}/", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


COMMANDS = [serve]
