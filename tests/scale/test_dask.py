"""The Dask engine gives exactly the events of the local run (a tiny in-process LocalCluster keeps CI fast)."""

from __future__ import annotations

import dataclasses

import pytest
from scalecorpus import FRENCH

from eventcoder.corpus import code_articles
from eventcoder.document import Document
from eventcoder.reading.inputs import read_inputs

pytest.importorskip("distributed")


def _events(results) -> list:
    return [dataclasses.asdict(e) for r in results if isinstance(r, Document) for e in r.events]


@pytest.mark.backbone
def test_dask_run_equals_local_run(corpus):
    from eventcoder.scale.dask import code_dask
    from eventcoder.scale.worker import RunStats

    path = corpus(4, paragraphs=2, bad={2: {"id": "french", "text": FRENCH}})
    local = list(code_articles(read_inputs([str(path)])))
    stats = RunStats()
    distributed = list(code_dask(read_inputs([str(path)]), workers=2, chunk_size=1, processes=False,
                                 stats=stats))
    assert [type(r).__name__ for r in distributed] == ["Document", "Document", "Failure", "Document"]
    assert distributed[2].id == "french"
    assert _events(distributed) == _events(local) and _events(local)
    assert stats.peak_rss


def test_unreachable_scheduler_is_a_user_error(monkeypatch):
    from eventcoder.scale import dask
    from eventcoder.scale.dask import SchedulerError, code_dask

    monkeypatch.setattr(dask, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(SchedulerError, match="cannot reach Dask scheduler tcp://127.0.0.1:9"):
        list(code_dask(iter(()), scheduler="tcp://127.0.0.1:9"))
