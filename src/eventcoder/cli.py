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
    """A click group that turns EventcoderError and click's usage errors into one clear line and exit status 2."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Click's own main, with a bad option or argument told in one line instead of a usage block."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "eventcoder"
            click.echo(f"eventcoder: error: {exc.format_message()} (see '{where} --help')", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)

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
