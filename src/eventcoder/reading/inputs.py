"""The one entry point from command-line inputs to articles: files, folders, JSONL/Parquet corpora and `-` (stdin).

`read_inputs` checks every path and the date up front (a missing file or an empty folder is the user's mistake
and stops the run before anything is coded), then yields articles lazily, one at a time, so a corpus is never
held in memory. An article that cannot be read becomes a `Failure` in the stream instead of ending the run.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..document import Article
from ..errors import EventcoderError, InputNotFoundError
from .failures import Failure
from .folders import article_files, folder_doc_id
from .html import article_from_html, looks_like_html, read_html_file
from .jsonl import read_jsonl
from .parquet import read_parquet
from .pubdate import parse_published
from .text import (
    MAX_ARTICLE_BYTES,
    article_from_text,
    check_size,
    decode_bytes,
    read_text_file,
    refuse_wordless,
)

STDIN = "-"


@dataclass(frozen=True)
class _Source:
    """One file to read (or stdin) and the id its article gets."""

    path: Path | None  # None for standard input
    doc_id: str


def _sources(paths: Iterable[str]) -> list[_Source]:
    """Resolve command-line paths to article files, raising for missing paths and folders without articles."""
    out: list[_Source] = []
    for raw in paths:
        if raw == STDIN:
            out.append(_Source(None, "stdin"))
            continue
        path = Path(raw)
        if not path.exists():
            raise InputNotFoundError(f"no such file or directory: {raw}")
        if path.is_dir():
            out.extend(_Source(p, folder_doc_id(path, p)) for p in article_files(path))
        else:
            out.append(_Source(path, path.stem))
    return out


def read_stdin(stream: BinaryIO, *, published: str | None = None) -> Article:
    """One article from standard input, plain text or HTML (sniffed from its first characters)."""
    data = stream.read(MAX_ARTICLE_BYTES + 1)
    check_size(len(data), "<stdin>")
    text = decode_bytes(data, "<stdin>")
    if looks_like_html(text):
        return article_from_html(text, "<stdin>", published=published)
    refuse_wordless(text, "<stdin>")
    return article_from_text(text, published=published, source="<stdin>")


def _read_one(source: _Source, published: str | None, stdin: BinaryIO) -> Iterator[Article | Failure]:
    """The article(s) of one source; read errors come out as Failures."""
    try:
        if source.path is None:
            yield read_stdin(stdin, published=published)
        elif source.path.suffix.lower() == ".jsonl":
            yield from read_jsonl(source.path, published=published)
        elif source.path.suffix.lower() == ".parquet":
            yield from read_parquet(source.path, published=published)
        elif source.path.suffix.lower() in (".html", ".htm"):
            yield read_html_file(source.path, published=published, doc_id=source.doc_id)
        else:
            yield read_text_file(source.path, published=published, doc_id=source.doc_id)
    except EventcoderError as exc:
        yield Failure(id=source.doc_id, reason=str(exc), source=str(source.path or STDIN))
    except OSError as exc:
        yield Failure(id=source.doc_id, reason=f"cannot read ({exc.strerror}): {source.path}",
                      source=str(source.path))


def refuse_repeated_ids(items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
    """An article whose id an earlier article of the run already has becomes a Failure.

    Ids come from file names relative to each folder given, so `code 2023/ 2024/` can meet `a.txt` twice; two
    articles under one id cannot be told apart in the output, and the store would replace the first with the
    second. Refusing the second (and saying where the first came from) loses nothing silently.
    """
    first_seen: dict[str, str | None] = {}
    for item in items:
        if isinstance(item, Article):
            if item.id in first_seen:
                where = item.source or item.id
                item = Failure(id=item.id, reason=f"duplicate article id {item.id}: {where} "
                                                  f"(already used by {first_seen[item.id] or 'an earlier article'})",
                               source=item.source)
            else:
                first_seen[item.id] = item.source
        yield item


def read_inputs(paths: Iterable[str], *, published: str | None = None,
                stdin: BinaryIO | None = None) -> Iterator[Article | Failure]:
    """Articles from files, folders (recursive), JSONL corpora and `-`, in the order given, read lazily.

    `published` (YYYY-MM-DD) overrides every article's own date. Raises BadDateError, InputNotFoundError or
    NoArticlesError before yielding anything; per-article problems (a repeated id included) are yielded as
    Failures.
    """
    given = parse_published(published) if published is not None else None
    sources = _sources(paths)
    stream = stdin if stdin is not None else sys.stdin.buffer
    return refuse_repeated_ids(item for source in sources for item in _read_one(source, given, stream))
