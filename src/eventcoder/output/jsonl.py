"""Events as JSON Lines: one contract event object per line."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterable

from ..document import Event


class JsonlWriter:
    """Writes each event as one line of JSON to a file or standard output."""

    def __init__(self, out: str | None, *, append: bool = False) -> None:
        self._handle = open(out, "a" if append else "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115 (the writer owns the handle until close)
        self._owned = out is not None

    def write(self, events: Iterable[Event]) -> None:
        for event in events:
            self._handle.write(json.dumps(dataclasses.asdict(event), ensure_ascii=False) + "\n")
        self._handle.flush()

    def close(self) -> None:
        if self._owned:
            self._handle.close()
