"""PLOVER: the 16 event types, their modes, contexts and conflict–cooperation scores (`data/plover/`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventcoder.datafiles import data_lines, read_tsv


@dataclass(frozen=True)
class PloverType:
    name: str
    quad: int  # PLOVER's own quad (1 verbal coop .. 4 material conflict); events carry GDELT's, see cameo.py
    score: float
    recipient_required: bool
    modes: dict[str, float]


@lru_cache(maxsize=1)
def load_types() -> dict[str, PloverType]:
    modes: dict[str, dict[str, float]] = {}
    for row in read_tsv("plover", "modes.tsv"):
        modes.setdefault(row["type"], {})[row["mode"]] = float(row["score"])
    return {row["type"]: PloverType(name=row["type"], quad=int(row["quad"]), score=float(row["score"]),
                                    recipient_required=row["recipient_required"] == "yes",
                                    modes=modes.get(row["type"], {}))
            for row in read_tsv("plover", "types.tsv")}


@lru_cache(maxsize=1)
def load_contexts() -> frozenset[str]:
    return frozenset(data_lines("plover", "contexts.txt"))


def plover_score(type_: str, mode: str | None) -> float:
    """PLOVER's conflict–cooperation score of a type (and mode, where the codebook scores modes)."""
    ptype = load_types()[type_]
    return ptype.modes.get(mode, ptype.score) if mode else ptype.score
