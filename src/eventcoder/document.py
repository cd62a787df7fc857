"""The plain dataclasses that flow through the pipeline and out of it.

Field names follow ../shared/CONTRACT.md exactly, because outside checks read the JSON these produce; extra
fields are allowed by the contract and are added at the end of each class. Offsets (`start`, `end`) are always
character offsets into `Article.text` (the text as read, before any cleaning), end exclusive.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Literal

SentenceKind = Literal["title", "body", "caption", "boilerplate", "quote"]
ActorKind = Literal["state", "organization", "person", "group", "other"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True)
class Article:
    """One input article as read, before any analysis: the unit every reader yields."""

    id: str
    text: str
    published: str | None = None  # YYYY-MM-DD given by the caller or the record, else read from the text
    title: str | None = None
    url: str | None = None
    source: str | None = None  # where it was read from (path, "-", "file.jsonl:12")
    html: bool = False  # the text was extracted from HTML; offsets then refer to the extracted text
    sitename: str | None = None  # the site name an HTML page declares (a clue to the outlet)
    published_source: str | None = None  # "given" (caller, record) or "page" (HTML metadata) when published is set


@dataclass
class Span:
    """A stretch of the article text."""

    start: int
    end: int
    text: str


@dataclass
class DocMeta:
    """The article's own metadata (contract: `doc`)."""

    id: str
    title: str | None
    published: str | None
    outlet: str | None
    language: str
    url: str | None = None
    author: str | None = None
    published_source: str | None = None  # "given", "page" (HTML metadata), "text" or None: where `published` came from


@dataclass
class Sentence:
    """A sentence (or a title, caption, boilerplate line) with its kind (contract: `sentences`)."""

    index: int
    start: int
    end: int
    text: str
    kind: SentenceKind
    paragraph: int = 0


@dataclass
class Actor:
    """A coded actor with every mention of it in the article (contract: `actors`).

    `members` holds the codes of a compound actor's members ("Saudi Arabia, Egypt and the UAE") so events fan out.
    """

    name: str
    code: str | None
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    affiliation: str | None = None
    mentions: list[Span] = field(default_factory=list)
    key: str | None = None  # stable internal identity (knowledge-base id or derived), not part of the contract
    members: list[str] = field(default_factory=list)  # codes of a collective's members (Gulf states -> SAU, ARE ...)

    def ref(self) -> dict[str, Any]:
        """The actor object as an event's source/target/reported_by (no mentions)."""
        return {"name": self.name, "code": self.code, "kind": self.kind, "country": self.country,
                "sector": self.sector, "affiliation": self.affiliation}


@dataclass
class ActorMention:
    """One mention of an actor in a sentence, as the actor stage found it; the event coder reads these."""

    start: int
    end: int
    text: str
    sentence_index: int
    actor: Actor
    rule: str = ""  # what found it: "kb", "ner", "coref", "apposition" ...
    locative: bool = False  # the name is used as a place here ("the crisis in Syria"), not as an actor
    coordination: int | None = None  # mentions listed together ("Saudi Arabia, Egypt, and the UAE") share this id


@dataclass
class Place:
    """A geocoded place (contract: `places`)."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    mentions: list[Span] = field(default_factory=list)
    feature: str | None = None  # "city", "country", "region", "crossing", ...
    geonameid: int | None = None


@dataclass
class DateMention:
    """A date expression resolved against the publication date (contract: `dates`)."""

    text: str
    value: str | None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"; None when it cannot be resolved honestly
    start: int
    end: int
    sentence_index: int | None = None
    role: str = "event"  # "event", or "anniversary", "since", "birth" ... which are never event dates


@dataclass
class Quote:
    """A direct or indirect quotation with its speaker (contract: `quotes`)."""

    speaker: str | None
    speaker_code: str | None
    text: str
    kind: Literal["direct", "indirect"]
    start: int
    end: int
    sentence_index: int | None = None


@dataclass
class Event:
    """One coded event (contract: the event object)."""

    id: str
    doc_id: str
    sentence_index: int
    evidence: str
    start: int
    end: int
    source: dict[str, Any] | None
    target: dict[str, Any] | None
    type: str
    mode: str | None
    context: list[str]
    cameo: str | None
    quad_class: int
    goldstein: float
    date: str | None
    date_source: Literal["text", "published"] | None
    location: dict[str, Any] | None
    negated: bool
    hypothetical: bool
    reported_by: dict[str, Any] | None
    confidence: float
    coder: str
    trigger: str | None = None  # the word(s) that signalled the event
    mentions: int = 1  # how many times the article states it (within-article dedup)
    plover_score: float | None = None  # PLOVER's own conflict-cooperation score of type/mode (goldstein is CAMEO's)


@dataclass
class Document:
    """Everything eventcoder read from one article (contract: the document JSON)."""

    doc: DocMeta
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The contract's document JSON as a dict (the article text itself is not repeated)."""
        return {
            "doc": dataclasses.asdict(self.doc),
            "sentences": [dataclasses.asdict(s) for s in self.sentences],
            "actors": [dataclasses.asdict(a) for a in self.actors],
            "places": [dataclasses.asdict(p) for p in self.places],
            "dates": [dataclasses.asdict(d) for d in self.dates],
            "quotes": [dataclasses.asdict(q) for q in self.quotes],
            "events": [dataclasses.asdict(e) for e in self.events],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The contract's document JSON as text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
