"""JSONL corpora: records become articles, bad lines become failures naming file:line."""

from __future__ import annotations

import json

from eventcoder.document import Article
from eventcoder.reading.failures import Failure
from eventcoder.reading.jsonl import read_jsonl


def test_records_and_bad_lines(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "r1", "text": "Talks resumed in Doha.", "published": "2023-01-02", "title": "Talks",
                    "url": "https://example.org/r1"}),
        "{not json",
        json.dumps({"id": "r3", "title": "no text here"}),
        "",
        json.dumps({"text": "A record without an id."}),
        json.dumps({"id": "r6", "text": "Dated badly.", "published": "2023-02-30"}),
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_jsonl(path))
    assert [type(i) for i in items] == [Article, Failure, Failure, Article, Failure, Failure]
    first = items[0]
    assert (first.id, first.published, first.title, first.url) == ("r1", "2023-01-02", "Talks",
                                                                   "https://example.org/r1")
    assert first.source == f"{path}:1"
    assert items[1] == Failure(id=f"{path}:2", reason=f"not a JSON record: {path}:2", source=f"{path}:2")
    assert items[2].id == "r3" and items[2].reason == f"record has no text: {path}:3"
    assert len(items[3].id) == 16  # content id when the record has none
    assert items[4].reason == f"not a valid date (YYYY-MM-DD): 2023-02-30 ({path}:6)"
    assert items[5].reason == f"not a JSON object: {path}:7"


def test_command_line_date_wins(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x y z", "published": "2020-01-01"}) + "\n", encoding="utf-8")
    (article,) = read_jsonl(path, published="2021-12-25")
    assert article.published == "2021-12-25"
