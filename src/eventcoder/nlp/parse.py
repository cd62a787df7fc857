"""Parse every sentence that can carry events with the shipped backbone (one spaCy Doc per sentence)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from ..config import Config
from ..pipeline import Analysis
from .fixes import add_parse_fixes
from .knowledge import add_knowledge_ruler
from .names import carry_names

PARSED_KINDS = frozenset({"title", "body", "caption", "quote"})
BATCH_SIZE = 256  # sentences per nlp.pipe batch: enough to fill the network's matrices, small in memory


def backbone_path() -> Path | None:
    """Where the shipped backbone lives, or None before one has been trained."""
    path = Path(str(resources.files("eventcoder") / "models" / "backbone"))
    return path if (path / "meta.json").exists() else None


@lru_cache(maxsize=4)
def load_backbone(model: str | None = None, knowledge: bool = True) -> Language:
    """Load the backbone once per process; a blank English pipeline stands in until one is trained.

    With `knowledge`, a SpanRuler built from the project's knowledge files (states, demonyms, places,
    organisations, people) is merged with the statistical NER, so news names the web-trained model misses are found.
    """
    path = model or backbone_path()
    nlp = add_parse_fixes(spacy.load(path) if path else spacy.blank("en"))
    return add_knowledge_ruler(nlp) if knowledge and "ner" in nlp.pipe_names else nlp


class ParseStage:
    """The parse stage. Called on one analysis it parses that article; `pipe` parses the sentences of several
    articles in one `nlp.pipe` stream, which is what corpus runs use (the backbone batches across articles)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, state: Analysis) -> None:
        self.pipe([state])

    def pipe(self, states: Sequence[Analysis]) -> None:
        todo = [(state, i) for state in states for i, s in enumerate(state.sentences) if s.kind in PARSED_KINDS]
        for state in states:
            state.parses = [None] * len(state.sentences)
        texts = (state.sentences[i].text for state, i in todo)
        for (state, i), doc in zip(todo, self.nlp.pipe(texts, batch_size=BATCH_SIZE)):
            state.parses[i] = doc
        for state in states:
            carry_names(state.parses)


def make_stage(config: Config) -> ParseStage:
    return ParseStage(load_backbone(config.model))
