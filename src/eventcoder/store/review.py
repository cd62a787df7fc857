"""Human review of coded events (accept / reject / fix type) and its export as a gold file for the benchmark.

A verdict is kept per event id; ids are stable across runs, so reviews survive re-coding the article. The gold
file has one record per sentence, in the shape of `bench/data/dev_sentences.jsonl`: the sentence text and its
events (type, mode, source, target, negated, hypothetical). Only sentences whose every event was reviewed are
exported: a sentence with an unreviewed event would teach the benchmark a wrong "no such event".
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
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
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    store.con.execute("INSERT OR REPLACE INTO reviews VALUES (?, ?, ?, ?, ?)",
                      [event_id, verdict, fixed_type, (note or "").strip() or None, now])


def _gold_rows(store: Store) -> list[dict[str, Any]]:
    return store.rows(
        "SELECT e.id, e.doc_id, e.sentence_index, e.evidence, e.evidence_start, e.evidence_end, e.plover_type,"
        " e.plover_mode, e.source_code, e.target_code, e.negated, e.hypothetical, r.verdict, r.fixed_type,"
        " s.text AS sentence_text"
        " FROM events e LEFT JOIN reviews r ON r.event_id = e.id"
        " LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index"
        " WHERE (e.doc_id, e.sentence_index) IN (SELECT (e2.doc_id, e2.sentence_index)"
        "       FROM events e2 JOIN reviews r2 ON r2.event_id = e2.id)"
        " ORDER BY e.doc_id, e.sentence_index, e.evidence_start, e.id")


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
        events = [{
            "type": r["fixed_type"] if r["verdict"] == "fix" else r["plover_type"],
            "mode": r["plover_mode"], "source": r["source_code"], "target": r["target_code"],
            "negated": bool(r["negated"]), "hypothetical": bool(r["hypothetical"]),
            "evidence": r["evidence"], "start": r["evidence_start"], "end": r["evidence_end"],
            "event_id": r["id"], "review": r["verdict"],
        } for r in rows if r["verdict"] in ("accept", "fix")]
        records.append({"id": f"{doc_id}:{index}", "doc_id": doc_id, "sentence_index": index,
                        "text": rows[0]["sentence_text"] or rows[0]["evidence"], "events": events})
    return records, skipped


def export_gold(store: Store, out: str) -> GoldExport:
    """Write the reviewed sentences as a gold JSONL file."""
    records, skipped = gold_records(store)
    try:
        with open(out, "w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror}") from None
    return GoldExport(len(records), sum(len(r["events"]) for r in records), skipped)
