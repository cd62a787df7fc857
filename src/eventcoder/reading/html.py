"""HTML pages: the article's main text extracted with trafilatura, plus the title, date and URL the page declares.

The analysed text of an HTML article is the extracted main text, with paragraphs separated by blank lines, and
every offset eventcoder reports refers to that text (`Article.html` is True so consumers know). Navigation,
footers and share bars are left behind by the extraction; what survives of them is caught as boilerplate later.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..document import Article
from ..errors import UnreadableInputError
from .text import content_id, decode_bytes, read_article_bytes

_HTML_SNIFF = re.compile(r"<(!doctype\s+html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def looks_like_html(text: str) -> bool:
    """True when the text starts like markup (used for standard input, whose type is unknown)."""
    return bool(_HTML_SNIFF.search(text.lstrip()[:1024])) and text.lstrip().startswith("<")


def article_from_html(markup: str, name: str, *, doc_id: str | None = None,
                      published: str | None = None) -> Article:
    """Extract the main text and metadata of one page; a page with no article text is refused."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                                include_tables=False)
    except (ValueError, TypeError) as exc:  # lxml refuses some byte soups outright
        raise UnreadableInputError(f"malformed HTML (cannot parse): {name}") from exc
    text = (extracted.text or "").strip() if extracted is not None else ""
    if not any(ch.isalpha() for ch in text):  # nothing, or tag debris such as "<<<" that lxml left as text
        raise UnreadableInputError(f"malformed HTML (no article text found): {name}")
    text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    date = extracted.date if extracted.date and _ISO_DATE.match(extracted.date) else None
    return Article(id=doc_id or content_id(text), text=text, published=published or date,
                   title=extracted.title or None, url=extracted.url or None, source=name, html=True,
                   sitename=extracted.sitename or None,
                   published_source="given" if published else ("page" if date else None))


def read_html_file(path: Path, *, published: str | None = None, doc_id: str | None = None) -> Article:
    """One HTML article file; its id is the file name without extension unless given."""
    markup = decode_bytes(read_article_bytes(path), str(path))
    return article_from_html(markup, str(path), doc_id=doc_id or path.stem, published=published)
