"""Speed of the field layouts, deduplication and aggregation on a synthetic store.

Codes the bundled examples once (or reuses --store), then multiplies its events N-fold in SQL (new ids, dates
spread over two years, every copy a distinct event) and times each operation. Prints a table; no assertions.

    PYTHONPATH=src python bench/formats_speed.py --events 100000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def build(store_path: Path, target: int) -> int:
    import eventcoder
    from eventcoder.store.duckdb import Store

    with Store.open(store_path) as store:
        if not store.scalar("SELECT count(*) FROM events"):
            for doc in eventcoder.code([str(REPO / "examples")]):
                if hasattr(doc, "events"):
                    store.write_document(doc)
        base = store.scalar("SELECT count(*) FROM events")
        copies = max(target // max(base, 1) - 1, 0)
        store.con.execute(
            "INSERT INTO events SELECT e.* REPLACE (e.id || '-' || c.i AS id,"
            " (e.date_start + CAST(c.i % 730 AS INTEGER))::DATE AS date_start,"
            " strftime(e.date_start + CAST(c.i % 730 AS INTEGER), '%Y-%m-%d') AS date, 'day' AS date_precision)"
            " FROM events e CROSS JOIN range(1, ? + 1) c(i) WHERE e.date_start IS NOT NULL", [copies])
        return store.scalar("SELECT count(*) FROM events")


def timed(label: str, func) -> tuple[str, float, str]:
    start = time.perf_counter()
    result = func()
    return label, time.perf_counter() - start, str(result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--store", type=Path)
    args = parser.parse_args()
    from eventcoder.formats.aggregate import aggregate
    from eventcoder.formats.dedupe import cross_article, one_a_day
    from eventcoder.store.duckdb import Store
    from eventcoder.store.export import export_events
    from eventcoder.store.filters import EventFilter

    work = Path(tempfile.mkdtemp(prefix="formats-bench-"))
    store_path = args.store or work / "bench.duckdb"
    n = build(store_path, args.events)
    rows = []
    devnull = os.devnull
    sys.stderr = open(devnull, "w")  # unmatched-code notes would swamp the table  # noqa: SIM115
    with Store.open(store_path) as store:
        for fmt in ("icews", "gdelt", "polecat", "plover-json", "geojson", "csv"):
            rows.append(timed(f"export {fmt}", lambda fmt=fmt: export_events(store, EventFilter(), fmt,
                                                                             str(work / f"out.{fmt}"))))
        rows.append(timed("export icews --codes cow,gw", lambda: export_events(
            store, EventFilter(), "icews", str(work / "codes.tsv"), codes="cow,gw")))
        rows.append(timed("dedupe --one-a-day", lambda: one_a_day(store).kept))
        rows.append(timed("dedupe --cross-article", lambda: cross_article(store).kept))
        for unit, period, by, zero in (("dyad", "month", None, False), ("country", "week", "quad", True),
                                       ("country", "day", "type", False)):
            rows.append(timed(f"aggregate {unit}/{period}/{by or '-'}{' zero-fill' if zero else ''}",
                              lambda u=unit, p=period, b=by, z=zero: len(aggregate(
                                  store, unit=u, period=p, by=b, zero_fill=z, directed=False,
                                  measures=("count", "goldstein_sum", "goldstein_mean")).rows)))
    sys.stderr = sys.__stderr__
    print(f"{n} events in the store ({store_path})\n")
    print(f"{'operation':<42} {'seconds':>8} {'events/s':>10}  result")
    for label, seconds, result in rows:
        print(f"{label:<42} {seconds:>8.2f} {n / seconds:>10,.0f}  {result}")


if __name__ == "__main__":
    main()
