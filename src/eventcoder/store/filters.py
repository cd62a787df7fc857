"""Which events a command or page looks at, as one frozen value turned into a parameterised WHERE clause.

Shared by `stats`, `export`, `plot` and the web page so that "--actor IRN" or "since 2021-12" mean the same thing
everywhere. Actor patterns match an actor's own code, its affiliation (people) or its country, so `IRN` covers
`IRNGOV`, `IRNMIL` and Iranian officials, and `HAMAS` covers Hamas and its leaders.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..document import PLOVER_TYPES
from ..errors import BadDateError, EventcoderError

VERDICTS: tuple[str, ...] = ("accept", "reject", "fix")


class BadFilterError(EventcoderError):
    """A filter value (event type, actor pattern, dyad, review state) is not one eventcoder knows."""


def period_bounds(value: str) -> tuple[date, date]:
    """The first and last day of a YYYY, YYYY-MM or YYYY-MM-DD value given by the user."""
    try:
        if len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if len(value) == 7 and value[4] == "-":
            year, month = int(value[:4]), int(value[5:])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date.fromisoformat(value)
        return day, day
    except ValueError:
        raise BadDateError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value}") from None


def plover_type(value: str) -> str:
    """A PLOVER type name, upper-cased and checked."""
    name = value.strip().upper()
    if name not in PLOVER_TYPES:
        raise BadFilterError(f"not a PLOVER event type: {value} (one of {', '.join(PLOVER_TYPES)})")
    return name


def actor_pattern(value: str) -> str:
    """An actor code pattern (IRN, IRNGOV, HAMAS), upper-cased and checked."""
    code = value.strip().upper()
    if not code or not all(ch.isalnum() or ch == "_" for ch in code):
        raise BadFilterError(f"not an actor code: {value!r} (letters, digits and _ only, e.g. IRN or HAMAS)")
    return code


def parse_dyad(value: str) -> tuple[str, str]:
    """SOURCE:TARGET, e.g. IRN:HAMAS."""
    parts = value.split(":")
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise BadFilterError(f"not a dyad: {value!r} (write SOURCE:TARGET, e.g. IRN:HAMAS)")
    return actor_pattern(parts[0]), actor_pattern(parts[1])


def _actor_sql(role: str) -> str:
    return f"(e.{role}_code = ? OR e.{role}_affiliation = ? OR e.{role}_country = ?)"


@dataclass(frozen=True)
class EventFilter:
    """A selection of events. Empty fields select everything; flagged events are kept unless excluded."""

    types: tuple[str, ...] = ()
    quads: tuple[int, ...] = ()
    actor: str | None = None  # as source or target
    source: str | None = None
    target: str | None = None
    undirected: bool = False  # source/target also match the other way round
    since: date | None = None
    until: date | None = None
    text: str | None = None  # free text over the evidence
    doc_id: str | None = None
    review: str | None = None  # accept | reject | fix | reviewed | unreviewed
    include_negated: bool = True
    include_hypothetical: bool = True
    only: str | None = None  # "negated" or "hypothetical": only the events with that flag

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause over `events e LEFT JOIN reviews r ON r.event_id = e.id`, and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.types:
            clauses.append(f"e.plover_type IN ({', '.join('?' for _ in self.types)})")
            params += list(self.types)
        if self.quads:
            clauses.append(f"e.quad_class IN ({', '.join('?' for _ in self.quads)})")
            params += list(self.quads)
        if self.actor:
            clauses.append(f"({_actor_sql('source')} OR {_actor_sql('target')})")
            params += [self.actor] * 6
        if self.source or self.target:
            forward, backward, fparams, bparams = [], [], [], []
            for role, other, code in (("source", "target", self.source), ("target", "source", self.target)):
                if code:
                    forward.append(_actor_sql(role))
                    fparams += [code] * 3
                    backward.append(_actor_sql(other))
                    bparams += [code] * 3
            if self.undirected:
                clauses.append(f"(({' AND '.join(forward)}) OR ({' AND '.join(backward)}))")
                params += fparams + bparams
            else:
                clauses.append(f"({' AND '.join(forward)})")
                params += fparams
        if self.since:
            clauses.append("e.date_start >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("e.date_start <= ?")
            params.append(self.until)
        if self.text:
            clauses.append("e.evidence ILIKE ? ESCAPE '\\'")
            escaped = self.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.append(f"%{escaped}%")
        if self.doc_id:
            clauses.append("e.doc_id = ?")
            params.append(self.doc_id)
        if self.review == "reviewed":
            clauses.append("r.verdict IS NOT NULL")
        elif self.review == "unreviewed":
            clauses.append("r.verdict IS NULL")
        elif self.review:
            if self.review not in VERDICTS:
                raise BadFilterError(f"not a review state: {self.review} (accept, reject, fix, reviewed, unreviewed)")
            clauses.append("r.verdict = ?")
            params.append(self.review)
        if self.only in ("negated", "hypothetical"):
            clauses.append(f"e.{self.only}")
        elif self.only:
            raise BadFilterError(f"not an event flag: {self.only} (negated or hypothetical)")
        if not self.include_negated:
            clauses.append("NOT e.negated")
        if not self.include_hypothetical:
            clauses.append("NOT e.hypothetical")
        return (" AND ".join(clauses) or "TRUE"), params


EVENTS_FROM = "events e LEFT JOIN reviews r ON r.event_id = e.id"
