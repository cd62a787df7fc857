"""JSONL corpora: one article per line as {"id", "text", "published"?, "title"?, "url"?}.

Records are read one line at a time, so a corpus of any size streams. A line that is not a JSON object with a
text becomes a `Failure` naming `file:line`, and reading goes on with the next line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..document import Article
from ..errors import BadRecordError, EventcoderError
from .failures import Failure
from .pubdate import parse_published
from .text import content_id


def article_from_record(record: object, where: str, *, published: str | None = None) -> Article:
    """One record as an Article; `published` (from the command line) wins over the record's own."""
    if not isinstance(record, dict):
        raise BadRecordError(f"not a JSON object: {where}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadRecordError(f"record has no text: {where}")
    given = published
    if given is None and record.get("published"):
        try:
            given = parse_published(str(record["published"]))
        except EventcoderError as exc:
            raise BadRecordError(f"{exc} ({where})") from None
    doc_id = record.get("id")
    return Article(id=str(doc_id) if doc_id not in (None, "") else content_id(text), text=text,
                   published=given, title=record.get("title") or None, url=record.get("url") or None,
                   source=where, published_source="given" if given else None)


def read_jsonl(path: Path, *, published: str | None = None) -> Iterator[Article | Failure]:
    """Every record of a JSONL file, in order; bad lines come out as Failures with id `file:line`."""
    with path.open("rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            where = f"{path}:{lineno}"
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                yield Failure(id=where, reason=f"not a JSON record: {where}", source=where)
                continue
            try:
                yield article_from_record(record, where, published=published)
            except BadRecordError as exc:
                rid = record.get("id") if isinstance(record, dict) else None
                yield Failure(id=str(rid) if rid not in (None, "") else where, reason=str(exc), source=where)
