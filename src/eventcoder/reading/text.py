"""Plain-text articles: decoding bytes honestly and giving each article a stable id."""

from __future__ import annotations

import hashlib

from ..document import Article
from ..errors import UnreadableInputError


def content_id(text: str) -> str:
    """A stable id derived from the text, used when the input names none."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def decode_bytes(data: bytes, name: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else Windows-1252; refuse binary junk and empty input."""
    if not data.strip():
        raise UnreadableInputError(f"empty article: {name}")
    if b"\x00" in data[:4096]:
        raise UnreadableInputError(f"not text (binary data): {name}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 4:
        raise UnreadableInputError(f"not text (binary data): {name}")
    return text


def article_from_text(text: str, *, doc_id: str | None = None, published: str | None = None,
                      title: str | None = None, url: str | None = None, source: str | None = None) -> Article:
    """Wrap text as an Article, with a content-derived id when none is given."""
    if not text.strip():
        raise UnreadableInputError(f"empty article: {source or doc_id or 'text'}")
    return Article(id=doc_id or content_id(text), text=text, published=published, title=title, url=url,
                   source=source)
