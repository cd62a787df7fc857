"""CAMEO codes: names, Goldstein values and their PLOVER mapping, read from `data/cameo/codes.tsv`.

QuadClass follows GDELT's convention by CAMEO root: 01–05 verbal cooperation (1), 06–08 material cooperation (2),
09–13 verbal conflict (3), 14–20 material conflict (4). Goldstein values are the CAMEO scale's per-code values.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventcoder.datafiles import read_tsv


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code and what it maps to."""

    code: str
    name: str
    goldstein: float
    type: str
    mode: str | None
    contexts: tuple[str, ...]

    @property
    def root(self) -> int:
        return int(self.code[:2])

    @property
    def quad_class(self) -> int:
        return quad_class(self.code)


def quad_class(code: str) -> int:
    """GDELT QuadClass of a CAMEO code, from its two-digit root."""
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"not a CAMEO code: {code!r}")
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@lru_cache(maxsize=1)
def load_codes() -> dict[str, CameoCode]:
    codes = {}
    for row in read_tsv("cameo", "codes.tsv"):
        codes[row["code"]] = CameoCode(code=row["code"], name=row["name"], goldstein=float(row["goldstein"]),
                                       type=row["type"], mode=row["mode"] or None,
                                       contexts=tuple(row["contexts"].split()))
    return codes


def cameo_code(code: str) -> CameoCode:
    """The table row of a CAMEO code; a lexicon naming an unknown code is a data error."""
    try:
        return load_codes()[code]
    except KeyError:
        raise ValueError(f"unknown CAMEO code: {code!r}") from None
