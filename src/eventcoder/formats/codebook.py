"""The codebook the coder uses, read from the same data files (`data/plover/`, `data/cameo/`), and its version.

The version is the release named in `data/plover/VERSION` plus a digest of every vocabulary file, so an export
records exactly which mapping produced it, even after a local edit that forgot to bump the release.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..datafiles import data_text, read_tsv
from ..errors import EventcoderError

VOCABULARY_FILES: tuple[tuple[str, str], ...] = (
    ("plover", "types.tsv"), ("plover", "modes.tsv"), ("plover", "contexts.txt"), ("cameo", "codes.tsv"))
QUAD_NAMES: dict[int, str] = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                              4: "material conflict"}
QUAD_ROOTS: dict[int, str] = {1: "01-05", 2: "06-08", 3: "09-13", 4: "14-20"}
SECTIONS: tuple[str, ...] = ("types", "modes", "contexts", "cameo", "goldstein", "quad", "sectors")


class CodebookError(EventcoderError):
    """A codebook section that does not exist."""


@lru_cache(maxsize=1)
def codebook_version() -> str:
    """'<release>+<digest>': the release line of data/plover/VERSION and 8 hex digits over the vocabulary files."""
    release = next(line.strip() for line in data_text("plover", "VERSION").splitlines()
                   if line.strip() and not line.startswith("#"))
    digest = hashlib.sha256()
    for area, name in VOCABULARY_FILES:
        digest.update(resources.files("eventcoder").joinpath("data", area, name).read_bytes())
    return f"{release}+{digest.hexdigest()[:8]}"


@dataclass(frozen=True)
class Section:
    """One printable codebook table."""

    title: str
    columns: tuple[str, ...]
    rows: list[tuple]


def sector_names() -> dict[str, str]:
    """Sector code -> label (GOV -> Government)."""
    return {row["code"]: row["name"] for row in read_tsv("formats", "sectors.tsv")}


def _sector_phrases() -> dict[str, list[str]]:
    """Example nouns per sector from the actor coder's own file, when this build ships it."""
    try:
        rows = read_tsv("actors", "sectors.tsv")
    except FileNotFoundError:
        return {}
    phrases: dict[str, list[str]] = {}
    for row in rows:
        phrases.setdefault(row.get("sector", ""), []).append(row.get("phrase", ""))
    return phrases


def section(name: str) -> Section:
    """The codebook section `name` (one of SECTIONS)."""
    from ..events.cameo import load_codes
    from ..events.plover import load_contexts, load_types

    types, codes = load_types(), load_codes()
    if name == "types":
        definitions = {r["type"]: r["definition"] for r in read_tsv("plover", "types.tsv")}
        return Section("PLOVER event types", ("type", "quad", "score", "recipient required", "modes", "definition"),
                       [(t.name, t.quad, t.score, "yes" if t.recipient_required else "no",
                         ", ".join(t.modes) or "-", definitions.get(t.name, "")) for t in types.values()])
    if name == "modes":
        return Section("PLOVER modes", ("type", "mode", "score"),
                       [(t.name, mode, score) for t in types.values() for mode, score in t.modes.items()])
    if name == "contexts":
        order = [line for line in data_text("plover", "contexts.txt").splitlines()
                 if line.strip() and not line.startswith("#")]
        known = load_contexts()
        return Section("PLOVER contexts", ("context",), [(c,) for c in order if c in known])
    if name == "cameo":
        return Section("CAMEO codes and their PLOVER mapping",
                       ("cameo", "name", "goldstein", "quad", "plover type", "mode", "contexts"),
                       [(c.code, c.name, c.goldstein, c.quad_class, c.type, c.mode or "", " ".join(c.contexts))
                        for c in codes.values()])
    if name == "goldstein":
        ordered = sorted(codes.values(), key=lambda c: (c.goldstein, c.code))
        return Section("Goldstein scale (CAMEO codes from most conflictual to most cooperative)",
                       ("goldstein", "cameo", "name", "plover type"),
                       [(c.goldstein, c.code, c.name, c.type) for c in ordered])
    if name == "quad":
        return Section("QuadClass (GDELT's convention by CAMEO root)",
                       ("quad", "name", "cameo roots", "plover types"),
                       [(q, QUAD_NAMES[q], QUAD_ROOTS[q],
                         ", ".join(sorted({c.type for c in codes.values() if c.quad_class == q}))) for q in QUAD_NAMES])
    if name == "sectors":
        phrases = _sector_phrases()
        return Section("Actor sectors", ("code", "name", "description", "example nouns"),
                       [(r["code"], r["name"], r["description"], ", ".join(phrases.get(r["code"], [])[:4]))
                        for r in read_tsv("formats", "sectors.tsv")])
    raise CodebookError(f"no such codebook section: {name} (one of {', '.join(SECTIONS)})")
