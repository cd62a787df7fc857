"""What kind of text a sentence is, apart from body and quote: title, caption or boilerplate.

Boilerplate is page furniture that never yields events: outlet taglines and disclaimers
(data/outlets/outlets.tsv), date stamps, "READ: ..." cross-links, share/subscribe/follow/copyright lines and
bylines (data/text/boilerplate.tsv). Captions are photo captions: paragraphs ending in a bracketed agency
credit ("[STR/AFP via Getty Images]") and paragraphs repeated verbatim (pages repeat a caption under the image).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..datafiles import read_tsv
from ..reading.outlets import page_signature
from ..reading.pubdate import date_line_value

_CREDIT_END = re.compile(r"\[(?P<credit>[^\[\]]{2,100})\]\s*$|\((?P<paren>(?i:photo|image|picture)[^()]{0,100})\)\s*$")
_CREDIT_WORDS = re.compile(
    r"(?i)\b(getty|afp|reuters|ap|ap photo|epa|anadolu|xinhua|photo|photos|image|images|file|handout|pool|"
    r"via|stringer|str|wana|sana|irna|tasnim|dpa|efe|ansa|shutterstock|credit)\b")
_CAPTION_START = re.compile(r"(?i)^(photo|image|picture|file photo|caption)\s*:")
_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30
_TITLE_LINES = 4
_MIN_REPEATED_WORDS = 5
_MAX_CAPTION_WORDS = 80  # a repeated paragraph longer than this is duplicated prose, not a caption


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((r["label"], re.compile(r["pattern"])) for r in read_tsv("text", "boilerplate.tsv"))


def boilerplate_label(sentence: str, line: str | None = None) -> str | None:
    """Why a sentence is boilerplate ("crosslink", "tagline", "timestamp" ...), or None when it is not.

    `line` is the whole line the sentence belongs to when the sentence starts that line: a date stamp or a
    tagline is judged on its full line.
    """
    text = sentence.strip()
    for candidate in filter(None, (text, line.strip() if line else None)):
        if date_line_value(candidate):
            return "timestamp"
        sig = page_signature(candidate)
        if sig is not None:
            return sig.kind
        for label, pattern in _patterns():
            if pattern.search(candidate):
                return label
    return None


def is_caption_paragraph(paragraph: str) -> bool:
    """A photo caption: ends in a bracketed credit naming an agency or photographer, or starts "Photo:"."""
    text = paragraph.strip()
    if _CAPTION_START.match(text):
        return True
    m = _CREDIT_END.search(text)
    if not m or m.start() == 0:
        return False
    if m.group("paren"):
        return True
    credit = m.group("credit")
    return "/" in credit or bool(_CREDIT_WORDS.search(credit))


def repeated_paragraphs(paragraphs: list[str]) -> set[str]:
    """Paragraphs that occur more than once verbatim and are caption-sized (pages repeat captions)."""
    counts = Counter(p.strip() for p in paragraphs)
    return {p for p, n in counts.items()
            if n > 1 and _MIN_REPEATED_WORDS <= len(p.split()) <= _MAX_CAPTION_WORDS}


def is_title_like(line: str) -> bool:
    """A line that can be a headline: short, not a sentence ending in a period, not furniture."""
    text = line.strip()
    return (0 < len(text) <= _TITLE_MAX_CHARS and len(text.split()) <= _TITLE_MAX_WORDS
            and not text.endswith((".", ",", ";", ":")) and any(ch.isalpha() for ch in text)
            and boilerplate_label(text, text) is None and not is_caption_paragraph(text))


def find_title_line(text: str, given: str | None = None) -> tuple[int, int] | None:
    """The span of the article's headline line: the line equal to `given` near the top, else the first
    title-like line among the first few lines (an article that opens straight into prose has none)."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped[0])
            lines.append((start, start + len(stripped)))
        pos += len(raw)
        if len(lines) >= _TITLE_LINES + 1:
            break
    if len(lines) < 2:
        return None
    if given:
        for start, end in lines[:_TITLE_LINES]:
            if text[start:end] == given.strip():
                return start, end
        return None
    for start, end in lines[:_TITLE_LINES]:
        if is_title_like(text[start:end]):
            return start, end
        if boilerplate_label(text[start:end], text[start:end]) is None:
            return None  # prose came first: no headline line
    return None
