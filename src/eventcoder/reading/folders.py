"""Folders of articles, walked recursively in a sorted, deterministic order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import NoArticlesError

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".parquet")


def article_files(folder: Path) -> Iterator[Path]:
    """Article files under `folder` (hidden files and folders skipped), sorted by relative path.

    Raises NoArticlesError when there are none, before anything is yielded.
    """
    found = sorted(
        (p for p in folder.rglob("*")
         if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()
         and not any(part.startswith(".") for part in p.relative_to(folder).parts)),
        key=lambda p: p.relative_to(folder).as_posix(),
    )
    if not found:
        raise NoArticlesError(f"no articles ({', '.join(ARTICLE_SUFFIXES)}) in directory: {folder}")
    yield from found


def folder_doc_id(folder: Path, path: Path) -> str:
    """A file's id within a folder: its relative path without extension, so equal names in subfolders differ."""
    return path.relative_to(folder).with_suffix("").as_posix()
