"""The analysis pipeline: an ordered list of stages over one mutable `Analysis`, ending in a `Document`.

Each stage is one module with one job. Stages are named in `Config.stages` and looked up here lazily, so swapping
or dropping a stage is configuration, and a process that never analyses (the store, the web app) never imports
spaCy. A stage is any callable `stage(analysis) -> None` that fills its own fields of the analysis; it is built
once per pipeline by its factory `factory(config)`, which is where models and knowledge are loaded.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .config import Config
from .document import (Actor, ActorMention, Article, DateMention, DocMeta, Document, Event, Place, Quote,
                       Sentence)

Stage = Callable[["Analysis"], None]

# stage name -> "module:factory"; factories take a Config and return a Stage
STAGE_FACTORIES: dict[str, str] = {
    "metadata": "eventcoder.reading.metadata:make_stage",
    "sentences": "eventcoder.text.sentences:make_stage",
    "parse": "eventcoder.nlp.parse:make_stage",
    "actors": "eventcoder.actors.stage:make_stage",
    "places": "eventcoder.geo.stage:make_stage",
    "dates": "eventcoder.dates.stage:make_stage",
    "quotes": "eventcoder.quotes.stage:make_stage",
    "events": "eventcoder.events.stage:make_stage",
}


@dataclass
class Analysis:
    """The working state of one article as it moves through the stages.

    Every list is aligned with article offsets; `parses[i]` is the spaCy Doc of `sentences[i]` (None where the
    sentence is not parsed, e.g. boilerplate). Token offsets inside a parse are relative to the sentence start.
    """

    article: Article
    meta: DocMeta | None = None
    sentences: list[Sentence] = field(default_factory=list)
    parses: list[Any] = field(default_factory=list)
    mentions: list[ActorMention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    def document(self) -> Document:
        meta = self.meta or DocMeta(id=self.article.id, title=self.article.title,
                                    published=self.article.published, outlet=None, language="en",
                                    url=self.article.url)
        return Document(doc=meta, text=self.article.text, sentences=self.sentences, actors=self.actors,
                        places=self.places, dates=self.dates, quotes=self.quotes, events=self.events)


def load_stage(name: str, config: Config) -> Stage:
    """Build the stage registered under `name`."""
    try:
        target = STAGE_FACTORIES[name]
    except KeyError:
        raise ValueError(f"unknown pipeline stage: {name}") from None
    module_name, factory_name = target.split(":")
    factory = getattr(importlib.import_module(module_name), factory_name)
    return factory(config)


class Pipeline:
    """A configured pipeline: build once (models load here), then analyse any number of articles."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.stages: list[tuple[str, Stage]] = [(n, load_stage(n, self.config)) for n in self.config.stages]

    def analyze(self, article: Article) -> Document:
        """Run every stage over one article."""
        state = Analysis(article=article)
        for _name, stage in self.stages:
            stage(state)
        return state.document()

    def pipe(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Analyse articles one after another, in order."""
        for article in articles:
            yield self.analyze(article)


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The process-wide pipeline with default settings, built on first use (models load once per process)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT
