"""Every data file this package ships under data/outlets and data/text parses and its patterns compile."""

from __future__ import annotations

import re

import pytest

from eventcoder.datafiles import read_tsv
from eventcoder.reading.outlets import KIND_ORDER

SCHEMAS = {
    ("outlets", "outlets.tsv"): {"outlet", "kind", "pattern"},
    ("text", "boilerplate.tsv"): {"label", "pattern"},
    ("text", "function_words.tsv"): {"lang", "words"},
    ("text", "abbreviations.tsv"): {"abbrev", "rule"},
}


@pytest.mark.parametrize("area, name", list(SCHEMAS))
def test_schema(area, name):
    rows = read_tsv(area, name)
    assert rows
    for row in rows:
        assert set(row) == SCHEMAS[(area, name)]
        assert all(row.values()), row
        if "pattern" in row:
            re.compile(row["pattern"])


def test_values():
    assert {r["kind"] for r in read_tsv("outlets", "outlets.tsv")} <= set(KIND_ORDER)
    assert len({r["outlet"] for r in read_tsv("outlets", "outlets.tsv")}) >= 40
    assert {r["rule"] for r in read_tsv("text", "abbreviations.tsv")} <= {"title", "number", "inner"}
    assert "en" in {r["lang"] for r in read_tsv("text", "function_words.tsv")}
