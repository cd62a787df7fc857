"""A cheap offline language check: eventcoder codes English only, and says so rather than coding noise.

English prose is dense in function words ("the", "of", "and" make up a third of running text); other languages
have their own. Comparing the share of each language's function words (data/text/function_words.tsv), plus the
share of non-Latin letters, tells English from other text in microseconds with no model.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import read_tsv

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE_CHARS = 20_000
_MIN_WORDS = 12  # below this a headline-only text is given the benefit of the doubt
_MIN_EN_SHARE = 0.08
_SHORT_WORDS = 40  # a sentence-length text dense in names may hold few function words: only refuse it for another language


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    return {r["lang"]: frozenset(r["words"].split()) for r in read_tsv("text", "function_words.tsv")}


def detect_language(text: str) -> str | None:
    """"en" for English, another ISO 639-1 code when that language's function words dominate, None if unclear."""
    sample = text[:_SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if letters and sum(1 for ch in letters if ord(ch) > 0x24F) > 0.3 * len(letters):
        return None  # mostly non-Latin script: Arabic, Cyrillic, CJK ...
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < _MIN_WORDS:
        return "en"
    lexicons = _function_words()
    shares = {lang: sum(1 for w in words if w in vocab) / len(words) for lang, vocab in lexicons.items()}
    best = max(shares, key=shares.__getitem__)
    if best == "en" and shares["en"] >= _MIN_EN_SHARE:
        return "en"
    if best != "en" and shares[best] > shares["en"]:
        return best
    return "en" if len(words) < _SHORT_WORDS else None


def is_english(text: str) -> bool:
    """True when the text reads as English."""
    return detect_language(text) == "en"
