"""Sentence segmentation with offsets into the article text."""

from __future__ import annotations

import re

from ..config import Config
from ..document import Sentence
from ..pipeline import Analysis

_PARA = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", re.S)
_SENT = re.compile(r"[^.!?]+(?:[.!?]+[\"”’)]*|$)")


def split_sentences(text: str) -> list[Sentence]:
    """Paragraphs at blank lines, then sentences at terminal punctuation (placeholder rules)."""
    out: list[Sentence] = []
    for p_index, para in enumerate(_PARA.finditer(text)):
        for m in _SENT.finditer(para.group()):
            raw = m.group()
            lead = len(raw) - len(raw.lstrip())
            body = raw.strip()
            if not body:
                continue
            start = para.start() + m.start() + lead
            out.append(Sentence(index=len(out), start=start, end=start + len(body), text=body, kind="body",
                                paragraph=p_index))
    return out


def make_stage(config: Config):
    def sentences_stage(state: Analysis) -> None:
        state.sentences = split_sentences(state.text)
    return sentences_stage
