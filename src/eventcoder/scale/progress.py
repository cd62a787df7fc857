"""The progress bar of a corpus run: articles done, articles/s and, once the input is counted, an ETA.

Shown on stderr only when a person is watching (stderr is a terminal); silent in CI and pipes. The total is
counted in a background thread (JSONL lines, Parquet footers, files in folders), so a huge corpus starts coding
at once and the ETA appears when the count is in.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable
from pathlib import Path

import click


def count_items(inputs: Iterable[str]) -> int:
    """How many items `read_inputs` will yield for these inputs (close enough for an ETA)."""
    from ..reading.folders import article_files

    total = 0
    for raw in inputs:
        path = Path(raw)
        files = list(article_files(path)) if path.is_dir() else [path]
        total += sum(_count_file(p) for p in files)
    return total


def _count_file(path: Path) -> int:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        from ..reading.parquet import count_rows
        return count_rows(path)
    if suffix == ".jsonl":
        lines = 0
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                lines += block.count(b"\n")
        return lines
    return 1


class Progress:
    """tqdm on a terminal (articles, articles/s, ETA, events), plain lines on stderr otherwise."""

    def __init__(self, inputs: Iterable[str] = (), *, skipped: int = 0) -> None:
        self._bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm
            self._bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, leave=False,
                             smoothing=0.05)
            names = [i for i in inputs if i != "-"]
            if names:
                threading.Thread(target=self._count, args=(names, skipped), daemon=True).start()

    def _count(self, inputs: list[str], skipped: int) -> None:
        try:
            total = count_items(inputs) - skipped
        except Exception:  # noqa: BLE001 - an ETA is a nicety; without a total the bar still counts and rates
            return
        if self._bar is not None:
            self._bar.total = max(total, self._bar.n)
            self._bar.refresh()

    def note(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)

    def advance(self, events: int) -> None:
        if self._bar is not None:
            self._bar.update(1)
            self._bar.set_postfix(events=events, refresh=False)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
