"""Folders: recursive, sorted, article files only, hidden entries skipped, empty folders refused."""

from __future__ import annotations

import pytest

from eventcoder.errors import NoArticlesError
from eventcoder.reading.folders import article_files, folder_doc_id


def test_recursive_sorted_and_filtered(tmp_path):
    for name in ["b.txt", "a.html", "sub/c.jsonl", "sub/deeper/d.htm", "notes.md", ".hidden/e.txt", "f.TXT"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    files = [p.relative_to(tmp_path).as_posix() for p in article_files(tmp_path)]
    assert files == ["a.html", "b.txt", "f.TXT", "sub/c.jsonl", "sub/deeper/d.htm"]
    assert folder_doc_id(tmp_path, tmp_path / "sub" / "deeper" / "d.htm") == "sub/deeper/d"


def test_folder_without_articles(tmp_path):
    (tmp_path / "readme.md").write_text("x", encoding="utf-8")
    with pytest.raises(NoArticlesError) as err:
        list(article_files(tmp_path))
    assert str(err.value) == f"no articles (.txt, .html, .htm, .jsonl, .parquet) in directory: {tmp_path}"
