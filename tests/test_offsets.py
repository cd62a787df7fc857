"""Every span of every record, on the seed and on every example article: `text[start:end]` is the record's text;
and every event id is unique within and across those documents (also once they are in the store).

The contract promises offsets into the article text as read (for HTML: the extracted text), end exclusive; a
consumer that highlights evidence or mentions relies on it for every record kind, so this walks them all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.backbone

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "article.txt"


def span_problems(doc) -> list[str]:
    """Each record whose [start:end] does not give back its own text, named by kind and index."""
    text = doc.text
    problems = []

    def check(kind: str, where: str, start: int, end: int, expected: str) -> None:
        if not (0 <= start <= end <= len(text)) or text[start:end] != expected:
            problems.append(f"{doc.doc.id}: {kind} {where} [{start}:{end}] {text[start:end]!r} != {expected!r}")

    for s in doc.sentences:
        check("sentence", str(s.index), s.start, s.end, s.text)
    for a in doc.actors:
        for m in a.mentions:
            check("actor mention", a.name, m.start, m.end, m.text)
    for p in doc.places:
        for m in p.mentions:
            check("place mention", p.name, m.start, m.end, m.text)
    for i, d in enumerate(doc.dates):
        check("date", str(i), d.start, d.end, d.text)
    for i, q in enumerate(doc.quotes):
        check("quote", str(i), q.start, q.end, q.text)
    for e in doc.events:
        check("event evidence", e.id, e.start, e.end, e.evidence)
        sentence = doc.sentences[e.sentence_index]
        if not sentence.start <= e.start <= e.end <= sentence.end:
            problems.append(f"{doc.doc.id}: event {e.id} [{e.start}:{e.end}] outside its sentence "
                            f"{e.sentence_index} [{sentence.start}:{sentence.end}]")
    return problems


@pytest.fixture(scope="module")
def documents():
    import eventcoder
    from eventcoder.reading.failures import Failure

    inputs = [str(REPO / "examples")] + ([str(SEED)] if SEED.exists() else [])
    results = list(eventcoder.code(inputs))
    assert not [r for r in results if isinstance(r, Failure)]
    return results


def test_every_example_is_read(documents):
    ids = {d.doc.id for d in documents}
    assert {"kosovo-serbia-ohrid", "saudi-iran-beijing"} <= ids  # HTML and text files both
    assert sum(1 for d in documents if d.doc.id.startswith("corpus")) >= 1 or len(ids) >= 20


def test_every_span_of_every_record_is_its_text(documents):
    problems = [p for d in documents for p in span_problems(d)]
    assert not problems, "\n".join(problems[:40])


def test_event_ids_are_unique_within_and_across_documents(documents, tmp_path):
    from eventcoder.store.duckdb import Store

    ids = [e.id for d in documents for e in d.events]
    assert ids and len(ids) == len(set(ids))
    with Store.open(tmp_path / "x.duckdb") as store:
        store.write_documents(documents, version="test")
        assert store.scalar("SELECT count(*) FROM events") == len(ids)
        assert store.scalar("SELECT count(DISTINCT id) FROM events") == len(ids)
