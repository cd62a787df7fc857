"""The local engine: output order independent of workers and timing, bad articles reported and skipped."""

from __future__ import annotations

import dataclasses

from scalecorpus import FRENCH

from eventcoder.config import Config
from eventcoder.corpus import chunked
from eventcoder.document import Document
from eventcoder.reading.failures import Failure
from eventcoder.reading.inputs import read_inputs
from eventcoder.scale.local import code_parallel
from eventcoder.scale.worker import RunStats

CHEAP = Config(stages=("metadata", "sentences"))  # no models: tests the engine, not the coder
FORK = "fork"  # workers inherit the test stage registered by monkeypatch (and start fast)


def _ids(results) -> list[tuple[str, str]]:
    return [("doc", r.doc.id) if isinstance(r, Document) else ("failure", r.id) for r in results]


def test_chunked_keeps_failures_in_place():
    items = [Failure("f0", "bad"), *[Failure(f"x{i}", "bad") for i in range(2)]]
    assert [len(c) for c in chunked(items, 2)] == [3]  # failures do not count towards a chunk's articles


def test_pool_output_order_matches_input_whatever_the_chunking(corpus):
    path = corpus(12, paragraphs=1)
    stats = RunStats()
    serial = _ids(code_parallel(read_inputs([str(path)]), 1, chunk_size=100, config=CHEAP,
                                start_method=FORK))
    parallel = _ids(code_parallel(read_inputs([str(path)]), 2, chunk_size=1, config=CHEAP, stats=stats,
                                  start_method=FORK))
    assert serial == parallel == [("doc", f"synthetic-{i:06d}") for i in range(12)]
    assert stats.peak_rss and all(rss > 0 for rss in stats.peak_rss.values())


def test_bad_article_reported_and_skipped_in_parallel_mode(corpus):
    path = corpus(6, paragraphs=1, bad={1: {"id": "french", "text": FRENCH}, 3: {"id": "empty", "text": ""}})
    results = list(code_parallel(read_inputs([str(path)]), 2, chunk_size=1, config=CHEAP,
                                 start_method=FORK))
    assert [kind for kind, _ in _ids(results)] == ["doc", "failure", "doc", "failure", "doc", "doc"]
    assert results[1].id == "french" and "not English" in results[1].reason
    assert results[3].id == "empty"


def test_an_article_that_crashes_the_pipeline_fails_alone(corpus, monkeypatch):
    """A bug (not a user error) on one article becomes its Failure; the chunk's other articles are coded."""
    from eventcoder import pipeline

    monkeypatch.setitem(pipeline.STAGE_FACTORIES, "boom", "scaleboom:make_stage")
    path = corpus(4, paragraphs=1, bad={2: {"id": "boom", "text": "A short English article that says boom. "
                                                                  "The talks went on in the city."}})
    results = list(code_parallel(read_inputs([str(path)]), 2, chunk_size=4,
                                 config=dataclasses.replace(CHEAP, stages=(*CHEAP.stages, "boom")), start_method=FORK))
    assert [kind for kind, _ in _ids(results)] == ["doc", "doc", "failure", "doc"]
    assert "internal error (RuntimeError" in results[2].reason


def test_worker_that_dies_is_replaced_and_its_article_reported(corpus, monkeypatch):
    from eventcoder import pipeline

    monkeypatch.setitem(pipeline.STAGE_FACTORIES, "boom", "scaleboom:make_stage")
    path = corpus(6, paragraphs=1, bad={4: {"id": "die", "text": "A short English article that says die. "
                                                                 "The talks went on in the city."}})
    results = list(code_parallel(read_inputs([str(path)]), 2, chunk_size=1,
                                 config=dataclasses.replace(CHEAP, stages=(*CHEAP.stages, "boom")), start_method=FORK))
    assert _ids(results)[:4] == [("doc", f"synthetic-{i:06d}") for i in range(4)]
    assert _ids(results)[4] == ("failure", "die") and "worker process died" in results[4].reason
    assert _ids(results)[5] == ("doc", "synthetic-000005")
