"""The speech-verb table follows its schema: a row without a lemma would never match a parsed verb."""

from __future__ import annotations

from eventcoder.datafiles import read_tsv


def test_quote_verbs_have_a_lemma():
    assert all(row["form"] and row["lemma"] for row in read_tsv("quotes", "verbs.tsv"))
