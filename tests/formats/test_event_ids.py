"""Event ids: a hash of article, sentence, span, type, dyad and coder version, and unique in the store."""

from __future__ import annotations

import dataclasses

import pytest
from formatdocs import golden_corpus

from eventcoder.errors import StoreError
from eventcoder.events import stage
from eventcoder.events.stage import event_id
from eventcoder.store.duckdb import Store

ARGS = ("doc", 3, 10, 20, "ASSAULT", "ISRMIL", "HAMAS")


def test_id_is_stable():
    assert event_id(*ARGS) == event_id(*ARGS)


@pytest.mark.parametrize("position, other", [(0, "doc2"), (1, 4), (2, 11), (3, 21), (4, "COERCE"), (5, "HAMAS"),
                                             (6, "ISRMIL")])
def test_every_component_changes_the_id(position, other):
    args = list(ARGS)
    args[position] = other
    assert event_id(*args) != event_id(*ARGS)


def test_coder_version_changes_the_id(monkeypatch):
    before = event_id(*ARGS)
    monkeypatch.setattr(stage, "CODER_VERSION", "rules-999")
    assert event_id(*ARGS) != before


def test_ids_unique_in_store(golden_db):
    with Store.open(golden_db, read_only=True) as store:
        assert store.scalar("SELECT count(*) - count(DISTINCT id) FROM events") == 0


def test_store_refuses_a_duplicate_id(tmp_path):
    doc = golden_corpus()[0]
    doc.events.append(dataclasses.replace(doc.events[0], type="AID"))  # same id, another event
    with Store.open(tmp_path / "dup.duckdb") as store:
        with pytest.raises(StoreError, match="cannot store article wire1"):
            store.write_document(doc)
        assert store.scalar("SELECT count(*) FROM events") == 0  # all or nothing


def test_same_id_in_two_articles_is_refused(tmp_path):
    first, second, _ = golden_corpus()
    second.events[0] = dataclasses.replace(second.events[0], id=first.events[0].id)
    with Store.open(tmp_path / "dup.duckdb") as store:
        store.write_document(first)
        with pytest.raises(StoreError):
            store.write_document(second)
