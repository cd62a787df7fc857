"""Documents flattened into the store's table rows, and event rows turned back into the contract's event object.

Kept apart from the DuckDB code so the mapping (which contract field lands in which column) is read in one place.
The column tuples here match `schema.sql` in order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

from ..document import Document, Event

ACTOR_FIELDS: tuple[str, ...] = ("name", "code", "kind", "country", "sector", "affiliation")

SENTENCE_COLUMNS = ("doc_id", "sentence_index", "start_char", "end_char", "kind", "paragraph", "text")
ACTOR_COLUMNS = ("doc_id", "actor_index", "name", "code", "kind", "country", "sector", "affiliation")
ACTOR_MENTION_COLUMNS = ("doc_id", "actor_index", "start_char", "end_char", "text")
PLACE_COLUMNS = ("doc_id", "place_index", "name", "country", "lat", "lon", "feature", "geonameid")
PLACE_MENTION_COLUMNS = ("doc_id", "place_index", "start_char", "end_char", "text")
DATE_COLUMNS = ("doc_id", "date_index", "text", "value", "start_char", "end_char", "sentence_index", "role")
QUOTE_COLUMNS = ("doc_id", "quote_index", "speaker", "speaker_code", "kind", "start_char", "end_char",
                 "sentence_index", "text")
EVENT_COLUMNS = (
    "id", "doc_id", "sentence_index", "evidence", "evidence_start", "evidence_end",
    "plover_type", "plover_mode", "plover_context", "cameo_code", "quad_class", "goldstein",
    *(f"source_{f}" for f in ACTOR_FIELDS), *(f"target_{f}" for f in ACTOR_FIELDS),
    "date", "date_start", "date_precision", "date_source",
    "location_name", "location_country", "location_lat", "location_lon",
    "negated", "hypothetical", *(f"reported_by_{f}" for f in ACTOR_FIELDS),
    "confidence", "coder", "trigger", "mentions",
)
DOCUMENT_COLUMNS = ("id", "content_hash", "title", "published", "outlet", "language", "url", "author",
                    "coder_version", "coded_at", "n_sentences", "n_actors", "n_events", "text")


def content_hash(text: str) -> str:
    """The identity of an article's content: coding the same text again replaces, never duplicates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_day(value: str | None) -> date | None:
    """A YYYY-MM-DD string as a date; anything else (missing, partial, malformed) as None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def date_period(value: str | None) -> tuple[date | None, str | None]:
    """The first day and the precision ("day", "month", "year") of a YYYY, YYYY-MM or YYYY-MM-DD value."""
    if not value:
        return None, None
    try:
        if len(value) == 4:
            return date(int(value), 1, 1), "year"
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1), "month"
        return date.fromisoformat(value[:10]), "day"
    except ValueError:
        return None, None


def _actor_columns(actor: Mapping[str, Any] | None) -> tuple[Any, ...]:
    actor = actor or {}
    return tuple(actor.get(f) for f in ACTOR_FIELDS)


def event_row(event: Event, doc_id: str) -> tuple[Any, ...]:
    """One `events` row (EVENT_COLUMNS order), owned by the article `doc_id` whatever the event says."""
    loc = event.location or {}
    date_start, precision = date_period(event.date)
    return (
        event.id, doc_id, event.sentence_index, event.evidence, event.start, event.end,
        event.type, event.mode, list(event.context or []), event.cameo, event.quad_class, event.goldstein,
        *_actor_columns(event.source), *_actor_columns(event.target),
        event.date, date_start, precision, event.date_source,
        loc.get("name"), loc.get("country"), loc.get("lat"), loc.get("lon"),
        bool(event.negated), bool(event.hypothetical), *_actor_columns(event.reported_by),
        event.confidence, event.coder, event.trigger, event.mentions,
    )


def document_row(doc: Document, coder_version: str, coded_at: datetime) -> tuple[Any, ...]:
    """The one `documents` row of an article (DOCUMENT_COLUMNS order)."""
    meta = doc.doc
    return (meta.id, content_hash(doc.text), meta.title, parse_day(meta.published), meta.outlet, meta.language,
            meta.url, meta.author, coder_version, coded_at, len(doc.sentences), len(doc.actors),
            len(doc.events), doc.text)


def annotation_rows(doc: Document) -> Iterator[tuple[str, tuple[str, ...], list[tuple[Any, ...]]]]:
    """(table, columns, rows) for every per-article table but `documents`, built lazily table by table."""
    doc_id = doc.doc.id
    yield "sentences", SENTENCE_COLUMNS, [
        (doc_id, s.index, s.start, s.end, s.kind, s.paragraph, s.text) for s in doc.sentences]
    yield "actors", ACTOR_COLUMNS, [
        (doc_id, i, a.name, a.code, a.kind, a.country, a.sector, a.affiliation) for i, a in enumerate(doc.actors)]
    yield "actor_mentions", ACTOR_MENTION_COLUMNS, [
        (doc_id, i, m.start, m.end, m.text) for i, a in enumerate(doc.actors) for m in a.mentions]
    yield "places", PLACE_COLUMNS, [
        (doc_id, i, p.name, p.country, p.lat, p.lon, p.feature, p.geonameid) for i, p in enumerate(doc.places)]
    yield "place_mentions", PLACE_MENTION_COLUMNS, [
        (doc_id, i, m.start, m.end, m.text) for i, p in enumerate(doc.places) for m in p.mentions]
    yield "dates", DATE_COLUMNS, [
        (doc_id, i, d.text, d.value, d.start, d.end, d.sentence_index, d.role) for i, d in enumerate(doc.dates)]
    yield "quotes", QUOTE_COLUMNS, [
        (doc_id, i, q.speaker, q.speaker_code, q.kind, q.start, q.end, q.sentence_index, q.text)
        for i, q in enumerate(doc.quotes)]
    yield "events", EVENT_COLUMNS, [event_row(e, doc_id) for e in doc.events]


def _actor_object(row: Mapping[str, Any], prefix: str) -> dict[str, Any] | None:
    actor = {f: row.get(f"{prefix}_{f}") for f in ACTOR_FIELDS}
    return actor if any(v is not None for v in actor.values()) else None


def event_object(row: Mapping[str, Any]) -> dict[str, Any]:
    """An `events` row (as a column -> value mapping) back in the contract's event-object shape."""
    location = None
    if row.get("location_name") is not None:
        location = {"name": row["location_name"], "country": row.get("location_country"),
                    "lat": row.get("location_lat"), "lon": row.get("location_lon")}
    return {
        "id": row["id"], "doc_id": row["doc_id"], "sentence_index": row["sentence_index"],
        "evidence": row["evidence"], "start": row["evidence_start"], "end": row["evidence_end"],
        "source": _actor_object(row, "source"), "target": _actor_object(row, "target"),
        "type": row["plover_type"], "mode": row.get("plover_mode"), "context": list(row.get("plover_context") or []),
        "cameo": row.get("cameo_code"), "quad_class": row.get("quad_class"), "goldstein": row.get("goldstein"),
        "date": row.get("date"), "date_source": row.get("date_source"), "location": location,
        "negated": bool(row["negated"]), "hypothetical": bool(row["hypothetical"]),
        "reported_by": _actor_object(row, "reported_by"), "confidence": row.get("confidence"),
        "coder": row.get("coder"), "trigger": row.get("trigger"), "mentions": row.get("mentions"),
    }
