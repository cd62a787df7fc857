"""Parse every sentence that can carry events with the shipped backbone (one spaCy Doc per sentence)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from ..config import Config
from ..pipeline import Analysis
from .knowledge import add_knowledge_ruler

PARSED_KINDS = frozenset({"title", "body", "caption", "quote"})


def backbone_path() -> Path | None:
    """Where the shipped backbone lives, or None before one has been trained."""
    path = Path(str(resources.files("eventcoder") / "models" / "backbone"))
    return path if (path / "meta.json").exists() else None


@lru_cache(maxsize=4)
def load_backbone(model: str | None = None, knowledge: bool = True) -> Language:
    """Load the backbone once per process; a blank English pipeline stands in until one is trained.

    With `knowledge`, an EntityRuler built from the project's knowledge files (states, demonyms, places,
    organisations, people) runs before the statistical NER, so news names the web-trained model misses are found.
    """
    path = model or backbone_path()
    nlp = spacy.load(path) if path else spacy.blank("en")
    return add_knowledge_ruler(nlp) if knowledge else nlp


def make_stage(config: Config):
    nlp = load_backbone(config.model)

    def parse_stage(state: Analysis) -> None:
        todo = [i for i, s in enumerate(state.sentences) if s.kind in PARSED_KINDS]
        parses: list = [None] * len(state.sentences)
        for i, doc in zip(todo, nlp.pipe(state.sentences[i].text for i in todo)):
            parses[i] = doc
        state.parses = parses
    return parse_stage
