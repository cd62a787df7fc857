"""Formats test fixtures: the store tests' corpus (`db`, `cli`, `docs`) and the hand-checked `golden_db`."""

from __future__ import annotations

import pytest
from formatdocs import golden_corpus
from storedocs import cli, db, docs  # noqa: F401


@pytest.fixture
def golden_db(tmp_path):
    from eventcoder.store.duckdb import Store

    path = tmp_path / "golden.duckdb"
    with Store.open(path) as store:
        store.write_documents(golden_corpus(), version="test-1")
    return path
