"""Human review of coded events (accept / reject / fix type) and its export as a gold file for the benchmark.

A verdict is kept per event id; ids are stable across runs, so reviews survive re-coding the article. The gold
file has one record per sentence, in the shape of `bench/data/dev_sentences.jsonl` (id, text, published, split,
tags, events of type, mode, cameo, source, target, negated, hypothetical, date), plus where it came from. Only sentences whose every event was reviewed are
exported: a sentence with an unreviewed event would teach the benchmark a wrong "no such event".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..errors import StoreError
from .duckdb import Store
from .export import ExportError
from .filters import VERDICTS, BadFilterError, plover_type


@dataclass
class GoldExport:
    """What `review export` wrote."""

    sentences: int
    events: int
    skipped_sentences: int  # reviewed in part only


def record_review(store: Store, event_id: str, verdict: str, fixed_type: str | None = None,
                  note: str | None = None) -> None:
    """Store (or replace) the verdict on one event."""
    if verdict not in VERDICTS:
        raise BadFilterError(f"not a review verdict: {verdict} (accept, reject or fix)")
    if verdict == "fix":
        if not fixed_type:
            raise BadFilterError("a fix needs the right event type")
        fixed_type = plover_type(fixed_type)
    else:
        fixed_type = None
    if store.scalar("SELECT count(*) FROM events WHERE id = ?", [event_id]) == 0:
        raise StoreError(f"no such event: {event_id}")
    now = datetime.now(UTC).replace(tzinfo=None)
    store.con.execute("INSERT OR REPLACE INTO reviews VALUES (?, ?, ?, ?, ?)",
                      [event_id, verdict, fixed_type, (note or "").strip() or None, now])


def _gold_rows(store: Store) -> list[dict[str, Any]]:
    return store.rows(
        "SELECT e.id, e.doc_id, e.sentence_index, e.evidence, e.evidence_start, e.evidence_end, e.plover_type,"
        " e.plover_mode, e.cameo_code, e.source_code, e.target_code, e.negated, e.hypothetical, e.date,"
        " e.reported_by_code, r.verdict, r.fixed_type, s.text AS sentence_text, d.published"
        " FROM events e LEFT JOIN reviews r ON r.event_id = e.id"
        " JOIN documents d ON d.id = e.doc_id"
        " LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index"
        " WHERE (e.doc_id, e.sentence_index) IN (SELECT (e2.doc_id, e2.sentence_index)"
        "       FROM events e2 JOIN reviews r2 ON r2.event_id = e2.id)"
        " ORDER BY e.doc_id, e.sentence_index, e.evidence_start, e.id")


def _gold_event(row: dict[str, Any]) -> dict[str, Any]:
    """A reviewed event in the gold file's event shape; a fixed type drops the CAMEO code and mode it no
    longer matches. Provenance (event id, verdict, evidence span) rides along in extra keys."""
    fixed = row["verdict"] == "fix"
    event = {"type": row["fixed_type"] if fixed else row["plover_type"],
             "mode": None if fixed else row["plover_mode"], "cameo": None if fixed else row["cameo_code"],
             "source": row["source_code"], "target": row["target_code"], "negated": bool(row["negated"]),
             "hypothetical": bool(row["hypothetical"]), "date": row["date"]}
    if row["reported_by_code"]:
        event["reported_by"] = row["reported_by_code"]
    event.update({"evidence": row["evidence"], "start": row["evidence_start"], "end": row["evidence_end"],
                  "event_id": row["id"], "review": row["verdict"]})
    return event


def gold_records(store: Store) -> tuple[list[dict[str, Any]], int]:
    """Gold sentence records from the reviews, and how many reviewed sentences were skipped as incomplete."""
    sentences: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for row in _gold_rows(store):
        sentences.setdefault((row["doc_id"], row["sentence_index"]), []).append(row)
    records, skipped = [], 0
    for (doc_id, index), rows in sentences.items():
        if any(r["verdict"] is None for r in rows):
            skipped += 1
            continue
        first = rows[0]
        records.append({
            "id": f"{doc_id}:{index}", "text": first["sentence_text"] or first["evidence"],
            "published": first["published"].isoformat() if first["published"] else None,
            "split": "dev", "tags": ["reviewed"],
            "events": [_gold_event(r) for r in rows if r["verdict"] in ("accept", "fix")],
            "doc_id": doc_id, "sentence_index": index})
    return records, skipped


def export_gold(store: Store, out: str) -> GoldExport:
    """Write the reviewed sentences as a gold JSONL file."""
    records, skipped = gold_records(store)
    try:
        with open(out, "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror}") from None
    return GoldExport(len(records), sum(len(r["events"]) for r in records), skipped)
