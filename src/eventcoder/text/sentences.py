"""Sentence segmentation with exact offsets (`text[start:end] == sentence.text`), and each sentence's kind.

Rules rather than a model, because they are exact about offsets and fast: paragraphs split at blank lines, lines
at hard breaks (a headline or date line) but not at soft wraps, sentences at terminal punctuation followed by a
capital, digit or opening quote. A period does not end a sentence after a title (Gen., Dr.), an initial (J.),
a number abbreviation before a number (No. 10, Jan. 3), or a dotted acronym (U.S.) unless a sentence opener
follows; nor inside a quotation or parenthesis that closes later in the paragraph, nor before a bracket (a
photo credit "[AFP]" belongs to its caption).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..config import Config
from ..datafiles import read_tsv
from ..document import Sentence
from ..pipeline import Analysis
from .boilerplate import boilerplate_label, find_title_line, is_caption_paragraph, repeated_paragraphs

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[ \t]*[^\n]*\S[^\n]*)*")  # runs of non-blank lines
_LINE = re.compile(r"[^\n]+")
_TERMINAL = re.compile(r"(?:[.!?]+|…)[\"”’')\]]*(?=\s)")
_OPENERS = "\"“‘'("
_CLOSERS = {"“": "”", "‘": "’", "(": ")", '"': '"'}
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_WORD_BEFORE = re.compile(r"([^\s\"“‘'(\[]+)$")
_NEXT_WORD = re.compile(r"[\"“‘'(]*([A-Za-z]+)")
_ENDS_SENTENCE = re.compile(r"[.!?…:\"”’)\]]$")
_HEADING_MAX = 60
_MAX_GROUP = 400  # a quotation or parenthesis longer than this may hold sentence breaks
_FUNCTION_OPENERS = frozenset(
    ["the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "this", "that", "these", "those", "in", "on", "at", "but", "and", "or", "so", "yet", "after", "before", "when", "while", "however", "meanwhile", "there", "here", "what", "who", "why", "how", "one", "some", "many", "most", "all", "both", "earlier", "later", "last", "next", "on", "according"])


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return {r["abbrev"]: r["rule"] for r in read_tsv("text", "abbreviations.tsv")}


def _groups(segment: str) -> list[tuple[int, int]]:
    """Spans of quotations and parentheses that open and close within the segment (not too long)."""
    spans: list[tuple[int, int]] = []
    open_at: dict[str, int] = {}
    for i, ch in enumerate(segment):
        if ch == '"':
            if '"' in open_at:
                spans.append((open_at.pop('"'), i))
            else:
                open_at['"'] = i
        elif ch in _CLOSERS and ch not in open_at:
            open_at[ch] = i
        else:
            for opener, closer in _CLOSERS.items():
                if ch == closer and opener in open_at and opener != '"':
                    spans.append((open_at.pop(opener), i))
                    break
    return [(a, b) for a, b in spans if b - a <= _MAX_GROUP]


def _is_boundary(segment: str, dot_end: int, next_start: int) -> bool:
    """Whether the terminal punctuation ending at `dot_end` ends a sentence, given what follows it."""
    nxt = segment[next_start]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    mark = segment[:dot_end].rstrip("\"”’')]")
    if not mark.endswith(".") or mark.endswith(".."):
        return True
    m = _WORD_BEFORE.search(mark[:-1])
    word = m.group(1) if m else ""
    nw = _NEXT_WORD.match(segment, next_start)
    opener_follows = bool(nw and nw.group(1).lower() in _FUNCTION_OPENERS)
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    rule = _abbreviations().get(word)
    if rule is None and _DOTTED.match(word):
        rule = "inner"
    if rule == "title":
        return False
    if rule == "number":
        return not nxt.isdigit()
    if rule == "inner":
        return opener_follows
    return True


def _sentence_spans(segment: str) -> Iterator[tuple[int, int]]:
    """Sentence spans within one segment (a line or a soft-wrapped run of lines), untrimmed."""
    groups = _groups(segment)
    start = 0
    for m in _TERMINAL.finditer(segment):
        end = m.end()
        rest = segment[end:]
        lead = len(rest) - len(rest.lstrip())
        if not rest.strip() or segment[end + lead] == "[":
            continue
        if any(a < m.start() and b >= end for a, b in groups):
            continue
        if _is_boundary(segment, end, end + lead):
            yield start, end
            start = end + lead
    yield start, len(segment)


def _segments(paragraph: str) -> Iterator[tuple[int, int]]:
    """A paragraph's lines, joining soft-wrapped lines: a line ending mid-sentence continues on the next,
    unless it is short and the next starts with a capital (a headline or date line above the text)."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(paragraph) if m.group().strip()]
    if not lines:
        return
    cur_start, cur_end = lines[0]
    for start, end in lines[1:]:
        prev = paragraph[cur_start:cur_end].rstrip()
        prev_line = prev.rsplit("\n", 1)[-1]
        nxt = paragraph[start:end].lstrip()
        hard = bool(_ENDS_SENTENCE.search(prev)) or (len(prev_line) < _HEADING_MAX and nxt[:1].isupper())
        if hard:
            yield cur_start, cur_end
            cur_start = start
        cur_end = end
    yield cur_start, cur_end


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of the text, in order, with exact offsets and its paragraph number (kind "body")."""
    out: list[Sentence] = []
    for p_index, para in enumerate(_PARAGRAPH.finditer(text)):
        ptext = para.group()
        for seg_start, seg_end in _segments(ptext):
            segment = ptext[seg_start:seg_end]
            for a, b in _sentence_spans(segment):
                raw = segment[a:b]
                body = raw.strip()
                if not body:
                    continue
                start = para.start() + seg_start + a + (len(raw) - len(raw.lstrip()))
                out.append(Sentence(index=len(out), start=start, end=start + len(body), text=body, kind="body",
                                    paragraph=p_index))
    return out


def is_quotation(sentence: str) -> bool:
    """A sentence that is wholly a quotation: it opens with a quote mark whose closing mark ends it."""
    text = sentence.strip()
    if len(text) < 3 or text[0] not in "“\"‘":
        return False
    closer = _CLOSERS.get(text[0], "’")
    close_at = text.find(closer, 1)
    return close_at == len(text) - 1


def classify(text: str, sentences: list[Sentence], title: str | None = None) -> None:
    """Set each sentence's kind: title, boilerplate, caption, quote or body (first that applies)."""
    title_span = find_title_line(text, title)
    paragraphs: dict[int, tuple[int, int]] = {}
    for s in sentences:
        a, b = paragraphs.get(s.paragraph, (s.start, s.end))
        paragraphs[s.paragraph] = (min(a, s.start), max(b, s.end))
    ptexts = {i: text[a:b] for i, (a, b) in paragraphs.items()}
    repeated = repeated_paragraphs(list(ptexts.values()))
    captions = {i for i, p in ptexts.items() if p.strip() in repeated or is_caption_paragraph(p)}
    for s in sentences:
        line = None
        if s.start == 0 or text[s.start - 1] == "\n":
            line_end = text.find("\n", s.start)
            line = text[s.start:line_end if line_end >= 0 else len(text)]
        if title_span and title_span[0] <= s.start < title_span[1]:
            s.kind = "title"
        elif boilerplate_label(s.text, line) is not None:
            s.kind = "boilerplate"
        elif s.paragraph in captions:
            s.kind = "caption"
        elif is_quotation(s.text):
            s.kind = "quote"
        else:
            s.kind = "body"


def make_stage(config: Config):
    def sentences_stage(state: Analysis) -> None:
        sentences = split_sentences(state.text)
        classify(state.text, sentences, state.article.title)
        state.sentences = sentences
    return sentences_stage
