"""Loading the knowledge files shipped under `eventcoder/data/` (read through importlib.resources, never ../shared).

Every data file is a tab-separated table with a header row; lines starting with `#` and blank lines are comments,
so the files can explain themselves to the people who edit them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def data_text(area: str, name: str) -> str:
    """The text of `data/<area>/<name>`."""
    return resources.files("eventcoder").joinpath("data", area, name).read_text(encoding="utf-8")


def data_lines(area: str, name: str) -> list[str]:
    """The stripped lines of a word list `data/<area>/<name>`, without comments and blank lines."""
    return [line.strip() for line in data_text(area, name).splitlines() if line.strip() and not line.startswith("#")]


@cache
def read_tsv(area: str, name: str) -> tuple[dict[str, str], ...]:
    """Rows of `data/<area>/<name>` as dicts keyed by the header; missing trailing cells read as ""."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in data_text(area, name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append({h: c.strip() for h, c in zip(header, cells)})
    return tuple(rows)
