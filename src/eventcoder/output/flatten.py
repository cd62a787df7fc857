"""Events as flat rows for tables (CSV, Parquet): actor and place objects spread into prefixed columns.

The columns follow the Event dataclass, so fields other stages add to Event appear without editing this module:
an actor field (source, target, reported_by) becomes `source_name`, `source_code`, ...; the location becomes
`location_name`, `location_country`, `location_lat`, `location_lon`; a list (context) is joined with ";".
"""

from __future__ import annotations

import dataclasses
import json
from functools import lru_cache
from typing import Any

from ..document import Event

ACTOR_FIELDS = ("source", "target", "reported_by")
ACTOR_KEYS = ("name", "code", "kind", "country", "sector", "affiliation")
PLACE_FIELDS = ("location",)
PLACE_KEYS = ("name", "country", "lat", "lon")
LIST_SEPARATOR = ";"

# column type names: "string", "int", "float", "bool"
_SCALAR_TYPES = {"int": "int", "float": "float", "bool": "bool"}


def _type_of(annotation: str) -> str:
    base = annotation.replace(" | None", "").replace("None | ", "").strip()
    return _SCALAR_TYPES.get(base, "string")


@lru_cache(maxsize=1)
def columns() -> tuple[tuple[str, str], ...]:
    """(column name, type name) for every flat column, in Event field order."""
    out: list[tuple[str, str]] = []
    for f in dataclasses.fields(Event):
        if f.name in ACTOR_FIELDS:
            out.extend((f"{f.name}_{k}", "string") for k in ACTOR_KEYS)
        elif f.name in PLACE_FIELDS:
            out.extend((f"{f.name}_{k}", "float" if k in ("lat", "lon") else "string") for k in PLACE_KEYS)
        else:
            out.append((f.name, _type_of(str(f.type))))
    return tuple(out)


def flatten(event: Event) -> dict[str, Any]:
    """One event as a flat row keyed by `columns()`."""
    row: dict[str, Any] = {}
    for f in dataclasses.fields(Event):
        value = getattr(event, f.name)
        if f.name in ACTOR_FIELDS or f.name in PLACE_FIELDS:
            keys = ACTOR_KEYS if f.name in ACTOR_FIELDS else PLACE_KEYS
            for k in keys:
                row[f"{f.name}_{k}"] = value.get(k) if isinstance(value, dict) else None
        elif isinstance(value, (list, tuple)):
            row[f.name] = LIST_SEPARATOR.join(str(v) for v in value)
        elif isinstance(value, dict):
            row[f.name] = json.dumps(value, ensure_ascii=False)
        else:
            row[f.name] = value
    return row
