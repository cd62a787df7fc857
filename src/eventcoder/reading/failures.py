"""A failed article: what a corpus run records instead of silently dropping it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Failure:
    """An article that could not be read or coded: its id (or `file:line`), the one-line reason, where it came from."""

    id: str
    reason: str
    source: str | None = None
