"""What every field layout shares: opening the output, flattening cells, country-code columns and stderr notes."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import IO, Any

from ..store.export import ExportError
from .countries import Unmatched, country_name, lookup

_SPACE = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


@contextmanager
def opened(out: str) -> Iterator[IO[str]]:
    """The output file ('-' is standard output), as UTF-8 text with no newline translation."""
    if out == "-":
        yield sys.stdout
        return
    try:
        handle = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed below, after the error check)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror}") from None
    with handle:
        yield handle


def cell(value: Any) -> str:
    """A TSV cell: empty for None, ISO for dates, no tabs or line breaks (so one event is one line)."""
    if type(value) is str:  # the common case first: this runs for every cell of every row
        return value.translate(_SPACE) if ("\t" in value or "\n" in value or "\r" in value) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    return str(value).translate(_SPACE)


def numeric_id(event_id: str) -> int:
    """A stable 60-bit number for an event id, for layouts whose readers expect integer ids (GDELT)."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def code_columns(prefix: str, systems: tuple[str, ...]) -> list[str]:
    """Header names of the country-code columns of one role: 'Source COW', 'Source GW' ..."""
    return [f"{prefix} {system.upper()}" for system in systems]


def code_cells(iso3: str | None, day: date | None, systems: tuple[str, ...], unmatched: Unmatched) -> list[Any]:
    """The numbers of one country code in each system (None where the system has none: reported, not silent)."""
    return [lookup(iso3, system, day, unmatched)[0] for system in systems]


def place_label(row: dict[str, Any]) -> str | None:
    """'Gaza, Palestine': the location and the name of its country."""
    name = row.get("location_name")
    if name is None:
        return None
    country = country_name(row.get("location_country"))
    return f"{name}, {country}" if country and country != name else name


def note(message: str) -> None:
    """One 'eventcoder: ...' line on stderr."""
    sys.stderr.write(f"eventcoder: {message}\n")


def write_manifest(out: str, layout: str, n: int, systems: tuple[str, ...], min_precision: tuple[str, ...]) -> None:
    """`OUT.meta.json` beside the export: the codebook and coder versions and the options, for layouts (ICEWS,
    GDELT) whose columns have no room for them. Standard output gets a stderr note instead."""
    import json

    from .. import __version__
    from .codebook import codebook_version

    meta = {"layout": layout, "events": n, "codebook": codebook_version(), "eventcoder": __version__,
            "codes": list(systems), "min_precision": list(min_precision),
            "exported_at": datetime.now().astimezone().isoformat(timespec="seconds")}
    if out == "-":
        note(f"{layout}: codebook {meta['codebook']}, eventcoder {__version__}")
        return
    try:
        with open(f"{out}.meta.json", "w", encoding="utf-8") as handle:
            json.dump(meta, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
    except OSError as exc:
        raise ExportError(f"cannot write {out}.meta.json: {exc.strerror}") from None
