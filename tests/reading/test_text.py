"""Plain-text reading: encodings, refusals with messages naming the input, ids."""

from __future__ import annotations

import pytest

from eventcoder.errors import UnreadableInputError
from eventcoder.reading.text import MAX_ARTICLE_BYTES, check_size, decode_bytes, read_text_file


@pytest.mark.parametrize("data, expected", [
    ("Iran’s minister met Hamas.".encode(), "Iran’s minister met Hamas."),
    ("Iran’s minister met Hamas.".encode("utf-8-sig"), "Iran’s minister met Hamas."),
    ("Iran’s minister met Hamas — again.".encode("cp1252"), "Iran’s minister met Hamas — again."),
    ("Café talks in Genève.".encode("latin-1"), "Café talks in Genève."),
    ("Iran’s minister met Hamas.".encode("utf-16"), "Iran’s minister met Hamas."),
])
def test_decode_bytes_reads_common_encodings(data, expected):
    assert decode_bytes(data, "a.txt") == expected


@pytest.mark.parametrize("data, message", [
    (b"", "empty article: a.txt"),
    (b"  \n\t\n", "empty article: a.txt"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not text (binary data): a.txt"),
    (bytes(range(1, 32)) * 20, "not text (binary data): a.txt"),
])
def test_decode_bytes_refuses_junk(data, message):
    with pytest.raises(UnreadableInputError) as err:
        decode_bytes(data, "a.txt")
    assert str(err.value) == message


def test_size_limit():
    check_size(MAX_ARTICLE_BYTES, "ok.txt")
    with pytest.raises(UnreadableInputError, match=r"^article too large \(.* MB, limit 20 MB\): big.txt$"):
        check_size(MAX_ARTICLE_BYTES + 1, "big.txt")


def test_read_text_file_ids_by_stem(tmp_path):
    path = tmp_path / "talks-geneva.txt"
    path.write_text("Talks resume\n\nDelegations met in Geneva on Monday.", encoding="utf-8")
    article = read_text_file(path, published="2023-03-14")
    assert (article.id, article.published, article.published_source) == ("talks-geneva", "2023-03-14", "given")
    assert article.text.startswith("Talks resume")


def test_text_without_words_is_refused(tmp_path):
    path = tmp_path / "dashes.txt"
    path.write_text("<<< ... --- 2021 !!!\n", encoding="utf-8")
    with pytest.raises(UnreadableInputError) as err:
        read_text_file(path)
    assert str(err.value) == f"no words in article: {path}"
