"""read_inputs: every kind of input in order, lazily, with up-front checks and per-article failures."""

from __future__ import annotations

import io
import json

import pytest

from eventcoder.document import Article
from eventcoder.errors import BadDateError, InputNotFoundError, NoArticlesError, UnreadableInputError
from eventcoder.reading.failures import Failure
from eventcoder.reading.inputs import read_inputs, read_stdin


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "one.txt").write_text("Talks resumed in Doha on Monday, officials said.", encoding="utf-8")
    (tmp_path / "two.txt").write_bytes(b"")
    (tmp_path / "recs.jsonl").write_text(
        json.dumps({"id": "r1", "text": "Protesters marched in Tbilisi."}) + "\nnope\n", encoding="utf-8")
    return tmp_path


def test_mixed_inputs_in_order(corpus):
    stdin = io.BytesIO(b"<html><body><article><p>Troops withdrew from the border town on Sunday, the ministry "
                       b"of defence said in a statement.</p></article></body></html>")
    items = list(read_inputs([str(corpus), "-"], stdin=stdin))
    assert [(type(i).__name__, i.id) for i in items] == [
        ("Article", "one"), ("Article", "r1"), ("Failure", f"{corpus / 'recs.jsonl'}:2"), ("Failure", "two"),
        ("Article", items[-1].id)]
    assert items[3].reason == f"empty article: {corpus / 'two.txt'}"
    assert isinstance(items[-1], Article) and items[-1].html and items[-1].text.startswith("Troops withdrew")


def test_published_applies_to_all(corpus):
    items = [i for i in read_inputs([str(corpus / "one.txt")], published="2022-03-01")]
    assert items[0].published == "2022-03-01"


def test_checks_happen_before_reading(corpus):
    with pytest.raises(InputNotFoundError, match="^no such file or directory: missing.txt$"):
        read_inputs([str(corpus / "one.txt"), "missing.txt"])
    empty = corpus / "empty"
    empty.mkdir()
    with pytest.raises(NoArticlesError):
        read_inputs([str(empty)])
    with pytest.raises(BadDateError, match=r"^not a valid date \(YYYY-MM-DD\): 2021-02-31$"):
        read_inputs([str(corpus)], published="2021-02-31")


def test_reading_is_lazy(corpus):
    stream = read_inputs([str(corpus / "one.txt"), str(corpus / "two.txt")])
    assert isinstance(next(stream), Article)
    (corpus / "two.txt").write_text("Rewritten before it was read.", encoding="utf-8")
    assert not isinstance(next(stream), Failure)


def test_a_repeated_id_is_refused_not_merged(tmp_path):
    for folder, text in (("2023", "Talks resumed in Doha on Monday."), ("2024", "Troops withdrew on Sunday.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(text, encoding="utf-8")
    first, second = tmp_path / "2023" / "a.txt", tmp_path / "2024" / "a.txt"
    items = list(read_inputs([str(tmp_path / "2023"), str(tmp_path / "2024")]))
    assert isinstance(items[0], Article) and items[0].text.startswith("Talks")
    assert items[1] == Failure(id="a", reason=f"duplicate article id a: {second} (already used by {first})",
                               source=str(second))


def test_wordless_stdin_is_refused():
    with pytest.raises(UnreadableInputError) as err:
        read_stdin(io.BytesIO(b"--- *** 2021 ***\n"))
    assert str(err.value) == "no words in article: <stdin>"
