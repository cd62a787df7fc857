"""The JSON layouts: PLOVER JSON records (one per line) and a GeoJSON FeatureCollection of located events.
Field by field documentation: docs/formats.md."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from ..store.duckdb import Store
from ..store.filters import EventFilter
from .codebook import codebook_version
from .countries import Unmatched, lookup, parse_systems
from .select import event_rows
from .writing import opened, write_manifest

ROLES = (("actor", "source"), ("recipient", "target"))


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _codes(iso3: str | None, day: date | None, systems: tuple[str, ...], unmatched: Unmatched) -> dict[str, Any]:
    return {f"{system}_num": lookup(iso3, system, day, unmatched)[0] for system in systems}


def _actors(row: dict[str, Any], role: str, systems: tuple[str, ...], unmatched: Unmatched) -> list[dict]:
    """PLOVER's actor/recipient list: one entry per coded actor (empty when the role is unknown)."""
    if row[f"{role}_name"] is None and row[f"{role}_code"] is None:
        return []
    actor = {"actor": row[f"{role}_name"], "code": row[f"{role}_code"], "country": row[f"{role}_country"],
             "sector": row[f"{role}_sector"], "kind": row[f"{role}_kind"],
             "affiliation": row[f"{role}_affiliation"]}
    actor.update(_codes(row[f"{role}_country"], row["date_start"], systems, unmatched))
    return [actor]


def plover_record(row: dict[str, Any], systems: tuple[str, ...] = (), unmatched: Unmatched | None = None) -> dict:
    """One event as a PLOVER JSON record."""
    unmatched = unmatched if unmatched is not None else Unmatched()
    location = None
    if row["location_name"] is not None:
        location = {"placename": row["location_name"], "country": row["location_country"],
                    "lat": row["location_lat"], "lon": row["location_lon"], "feature": row["geo_feature"],
                    "geonameid": row["geonameid"], "precision": row["geo_precision"]}
        location.update(_codes(row["location_country"], row["date_start"], systems, unmatched))
    return {
        "id": row["id"],
        "date": row["date"],
        "date_precision": row["date_precision"],
        **{name: _actors(row, role, systems, unmatched) for name, role in ROLES},
        "event": row["plover_type"],
        "mode": row["plover_mode"] or "",
        "context": list(row["plover_context"] or []),
        "cameo": row["cameo_code"], "quad_class": row["quad_class"], "goldstein": row["goldstein"],
        "negated": bool(row["negated"]), "hypothetical": bool(row["hypothetical"]),
        "location": location,
        "event_text": row["evidence"],
        "text_info": {"story_id": row["doc_id"], "sentence": row["sentence_index"],
                      "start": row["evidence_start"], "end": row["evidence_end"], "trigger": row["trigger"],
                      "headline": row["doc_title"], "language": row["doc_language"]},
        "cite_info": {"publisher": row["doc_outlet"], "url": row["doc_url"],
                      "pub_date": _plain(row["doc_published"]), "reported_by": row["reported_by_code"]},
        "coder": row["coder"],
        "confidence": row["confidence"],
        "codebook": codebook_version(),
    }


def write_plover_json(store: Store, selection: EventFilter, out: str, *, codes: tuple[str, ...] | str = (),
                      min_precision: tuple[str, ...] = ()) -> int:
    """PLOVER JSON records, one per line (read with pandas.read_json(lines=True))."""
    systems, unmatched, n = parse_systems(codes), Unmatched(), 0
    with opened(out) as handle:
        for row in event_rows(store, selection, min_precision):
            handle.write(json.dumps(plover_record(row, systems, unmatched), ensure_ascii=False) + "\n")
            n += 1
    unmatched.report()
    write_manifest(out, "plover-json", n, systems, tuple(min_precision))
    return n


def _feature(row: dict[str, Any], systems: tuple[str, ...], unmatched: Unmatched) -> dict[str, Any]:
    props = {
        "id": row["id"], "date": row["date"], "date_precision": row["date_precision"],
        "type": row["plover_type"], "mode": row["plover_mode"], "cameo": row["cameo_code"],
        "quad_class": row["quad_class"], "goldstein": row["goldstein"],
        "source": row["source_code"], "source_name": row["source_name"], "source_country": row["source_country"],
        "target": row["target_code"], "target_name": row["target_name"], "target_country": row["target_country"],
        "place": row["location_name"], "country": row["location_country"], "geo_precision": row["geo_precision"],
        "negated": bool(row["negated"]), "hypothetical": bool(row["hypothetical"]),
        "doc_id": row["doc_id"], "evidence": row["evidence"], "codebook": codebook_version(),
    }
    props.update({f"country_{k}": v
                  for k, v in _codes(row["location_country"], row["date_start"], systems, unmatched).items()})
    return {"type": "Feature", "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [row["location_lon"], row["location_lat"]]},
            "properties": props}


def write_geojson(store: Store, selection: EventFilter, out: str, *, codes: tuple[str, ...] | str = (),
                  min_precision: tuple[str, ...] = ()) -> int:
    """A FeatureCollection of Point features, one per event with coordinates (unlocated events are skipped),
    streamed feature by feature so a large selection never sits in memory."""
    systems, unmatched, n = parse_systems(codes), Unmatched(), 0
    with opened(out) as handle:
        handle.write(f'{{"type": "FeatureCollection", "codebook": {json.dumps(codebook_version())}, "features": [')
        for row in event_rows(store, selection, min_precision):
            if row["location_lat"] is None or row["location_lon"] is None:
                continue
            handle.write(("," if n else "") + "\n" + json.dumps(_feature(row, systems, unmatched), ensure_ascii=False))
            n += 1
        handle.write("\n]}\n")
    unmatched.report()
    write_manifest(out, "geojson", n, systems, tuple(min_precision))
    return n
