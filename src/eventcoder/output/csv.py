"""Events as CSV: one row per event, flat columns (see `flatten`), header first."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable

from ..document import Event
from .flatten import columns, flatten


class CsvWriter:
    """Writes a header, then one row per event, to a file or standard output."""

    def __init__(self, out: str | None, *, append: bool = False) -> None:
        self._handle = open(out, "a" if append else "w", encoding="utf-8", newline="") if out else sys.stdout  # noqa: SIM115 (the writer owns the handle until close)
        self._owned = out is not None
        self._writer = csv.DictWriter(self._handle, fieldnames=[name for name, _ in columns()],
                                      extrasaction="ignore")
        if not (append and self._handle.tell() > 0):  # appending to a started file: its header is there
            self._writer.writeheader()
        self._handle.flush()

    def write(self, events: Iterable[Event]) -> None:
        for event in events:
            self._writer.writerow(flatten(event))
        self._handle.flush()

    def close(self) -> None:
        if self._owned:
            self._handle.close()
