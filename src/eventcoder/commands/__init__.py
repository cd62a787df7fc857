"""CLI commands, one module per family; `eventcoder.cli` registers every module listed in COMMAND_MODULES.

Each module exposes `COMMANDS: list[click.Command]` and keeps heavy imports inside the command functions, so
`eventcoder --help` stays fast.
"""

COMMAND_MODULES: tuple[str, ...] = (
    "eventcoder.commands.analyze",
    "eventcoder.commands.code",
    "eventcoder.commands.store",
    "eventcoder.commands.serve",
    "eventcoder.commands.formats",
)
