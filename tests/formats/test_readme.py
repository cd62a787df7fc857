"""The README's pandas snippets for each export layout run as written on real exports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
FILES = {"icews": "events.tsv", "gdelt": "events.gdelt.csv", "polecat": "events.polecat.tsv",
         "plover-json": "events.plover.jsonl", "geojson": "events.geojson"}


def snippets() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Exports for ICEWS, GDELT, POLECAT and PLOVER users", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


def test_one_snippet_per_layout():
    found = snippets()
    assert len(found) == len(FILES)
    for fmt, name in FILES.items():
        assert any(name in s for s in found), fmt
    assert all(len(s.strip().splitlines()) == 3 for s in found)


@pytest.mark.parametrize("index", range(len(FILES)))
def test_snippet_reads_the_export(cli, golden_db, tmp_path, monkeypatch, index):
    code = snippets()[index]
    fmt = next(f for f, name in FILES.items() if name in code)
    result = cli("export", "--db", golden_db, "--format", fmt, "--out", tmp_path / FILES[fmt])
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(code, f"README snippet {fmt}", "exec"), scope)  # noqa: S102 (our own README, on purpose)
    frame = next(v for k, v in scope.items() if k in {"icews", "gdelt", "polecat", "plover", "located"})
    assert len(frame) > 0
