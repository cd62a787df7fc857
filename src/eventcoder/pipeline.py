"""The analysis pipeline: an ordered list of stages over one mutable `Analysis`, ending in a `Document`.

Each stage is one module with one job. Stages are named in `Config.stages` and looked up here lazily, so swapping
or dropping a stage is configuration, and a process that never analyses (the store, the web app) never imports
spaCy. A stage is any callable `stage(analysis) -> None` that fills its own fields of the analysis; it is built
once per pipeline by its factory `factory(config)`, which is where models and knowledge are loaded.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .config import Config
from .document import (
    Actor,
    ActorMention,
    Article,
    DateMention,
    DocMeta,
    Document,
    Event,
    Place,
    Quote,
    Sentence,
)

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

    def analyze_many(self, articles: Sequence[Article]) -> list[Document | Exception]:
        """Run every stage over a batch of articles; one result per article, in order, an error in its place.

        A stage with a `pipe(states)` method (the parser) gets the whole batch at once, so the backbone parses
        the sentences of many articles in one `nlp.pipe` stream; other stages run article by article. An error
        fails only its own article: a batch call that raises is retried article by article to find which.
        """
        states = [Analysis(article=a) for a in articles]
        errors: dict[int, Exception] = {}
        for _name, stage in self.stages:
            live = [i for i in range(len(states)) if i not in errors]
            batch = getattr(stage, "pipe", None)
            if batch is not None and len(live) > 1:
                try:
                    batch([states[i] for i in live])
                    continue
                except Exception:  # noqa: BLE001, S110 - retried one by one below to find the culprit
                    pass
            for i in live:
                try:
                    stage(states[i])
                except Exception as exc:  # noqa: BLE001 - handed back as this article's result
                    errors[i] = exc
        return [errors[i] if i in errors else state.document() for i, state in enumerate(states)]

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Document]:
        """Analyse articles in order, `batch_size` at a time through `analyze_many`; raises the first error."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._raise_first(self.analyze_many(batch))
                batch = []
        if batch:
            yield from self._raise_first(self.analyze_many(batch))

    @staticmethod
    def _raise_first(results: list[Document | Exception]) -> Iterator[Document]:
        for result in results:
            if isinstance(result, Exception):
                raise result
            yield result


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The process-wide pipeline with default settings, built on first use (models load once per process)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT
