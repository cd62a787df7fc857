"""Which outlet published an article, from the signatures in data/outlets/outlets.tsv.

Signatures are only looked for where outlets put them (taglines at the top, wire bylines in the first
paragraph, disclaimers and copyright lines at the bottom, the page's URL and site name), so an article that
merely cites "Al Jazeera" in its body is not taken for an Al Jazeera article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import read_tsv
from ..document import Article

# the order in which kinds of evidence are trusted
KIND_ORDER = ("tagline", "disclaimer", "byline", "copyright", "sitename", "domain")
_HEAD_CHARS = 600
_TAIL_CHARS = 1000
_TAGLINE_LINES = 5


@dataclass(frozen=True)
class Signature:
    """One way an outlet identifies itself."""

    outlet: str
    kind: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def outlet_signatures() -> tuple[Signature, ...]:
    """Every signature in the data file, compiled once."""
    rows = read_tsv("outlets", "outlets.tsv")
    sigs = [Signature(r["outlet"], r["kind"], re.compile(r["pattern"], re.IGNORECASE)) for r in rows]
    return tuple(sorted(sigs, key=lambda s: KIND_ORDER.index(s.kind)))


def page_signature(sentence: str) -> Signature | None:
    """The tagline or disclaimer signature a sentence is (such sentences are boilerplate), or None."""
    for sig in outlet_signatures():
        if sig.kind in ("tagline", "disclaimer") and sig.pattern.search(sentence.strip()):
            return sig
    return None


def find_outlet(article: Article) -> str | None:
    """The outlet the article names as its publisher, or None when it does not say."""
    text = article.text
    head_lines = [ln.strip() for ln in text[:2000].splitlines() if ln.strip()][:_TAGLINE_LINES]
    places = {
        "tagline": head_lines,
        "byline": [text[:_HEAD_CHARS]],
        "disclaimer": [text[-_TAIL_CHARS:]],
        "copyright": [text[-_TAIL_CHARS:]],
        "sitename": [article.sitename.strip()] if article.sitename else [],
        "domain": [article.url] if article.url else [],
    }
    for sig in outlet_signatures():
        if any(sig.pattern.search(where) for where in places[sig.kind]):
            return sig.outlet
    return article.sitename.strip() if article.sitename else None
