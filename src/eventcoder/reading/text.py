"""Plain-text articles: decoding bytes honestly, refusing what is not an article, and giving each a stable id."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from ..document import Article
from ..errors import UnreadableInputError

MAX_ARTICLE_BYTES = 20 * 1024 * 1024  # one article file larger than this is refused, not half-read


def content_id(text: str) -> str:
    """A stable id derived from the text, used when the input names none."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _looks_binary(text: str) -> bool:
    """Control characters other than whitespace do not occur in articles; a few per 4 KB mean binary data."""
    sample = text[:4096]
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or 0x7F <= ord(ch) < 0xA0)
    return controls > max(4, len(sample) // 200)


def decode_bytes(data: bytes, name: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM) or UTF-16 with BOM, else Windows-1252, else Latin-1.

    Refuses empty input and binary junk (NUL bytes or control characters) with a message naming the input.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Windows "Unicode" text files
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise UnreadableInputError(f"not text (binary data): {name}") from None
    if not data.strip():
        raise UnreadableInputError(f"empty article: {name}")
    if b"\x00" in data[:4096]:
        raise UnreadableInputError(f"not text (binary data): {name}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    if _looks_binary(text):
        raise UnreadableInputError(f"not text (binary data): {name}")
    if not text.strip():
        raise UnreadableInputError(f"empty article: {name}")
    return text


def check_size(size: int, name: str) -> None:
    """Refuse article files over MAX_ARTICLE_BYTES before reading them."""
    if size > MAX_ARTICLE_BYTES:
        raise UnreadableInputError(
            f"article too large ({size / 1024 / 1024:.1f} MB, limit {MAX_ARTICLE_BYTES // 1024 // 1024} MB): {name}")


def read_article_bytes(path: Path) -> bytes:
    """The bytes of one article file, refusing files over the size limit without reading them."""
    check_size(path.stat().st_size, str(path))
    return path.read_bytes()


def refuse_wordless(text: str, name: str) -> None:
    """A file of "<<< --- 2021" holds nothing any language would call words: refused, not coded as English."""
    if text.strip() and not any(ch.isalpha() for ch in text):
        raise UnreadableInputError(f"no words in article: {name}")


def article_from_text(text: str, *, doc_id: str | None = None, published: str | None = None,
                      title: str | None = None, url: str | None = None, source: str | None = None) -> Article:
    """Wrap text as an Article, with a content-derived id when none is given."""
    if not text.strip():
        raise UnreadableInputError(f"empty article: {source or doc_id or 'text'}")
    return Article(id=doc_id or content_id(text), text=text, published=published, title=title, url=url,
                   source=source, published_source="given" if published else None)


def read_text_file(path: Path, *, published: str | None = None, doc_id: str | None = None) -> Article:
    """One plain-text article file; its id is the file name without extension unless given."""
    text = decode_bytes(read_article_bytes(path), str(path))
    refuse_wordless(text, str(path))
    return article_from_text(text, doc_id=doc_id or path.stem, published=published, source=str(path))
