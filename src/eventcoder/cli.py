"""The `eventcoder` command line: a click group that gathers the commands of `eventcoder.commands`.

Errors in the user's input arrive as `EventcoderError` and leave as one line on stderr with exit status 2;
`--debug` shows the traceback instead.
"""

from __future__ import annotations

import importlib
import sys

import click

from .commands import COMMAND_MODULES
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


for _module in COMMAND_MODULES:
    for _command in importlib.import_module(_module).COMMANDS:
        main.add_command(_command)
