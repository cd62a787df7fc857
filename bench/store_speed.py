"""How fast the event store takes articles and answers: prints a table (not a test).

Codes the example corpus (and the seed article when ../shared is beside the repository) once, then times, on a
fresh store, writing every article (one transaction each), writing them all again (re-coding: delete + insert),
and the read side: `stats --by dyad --by month`, a JSONL and a Parquet export. Use --copies N to multiply the
corpus (each copy under new ids and a changed text) for a bigger store.

    PYTHONPATH=src python bench/store_speed.py [--copies 20]
"""

from __future__ import annotations

import argparse
import copy
import tempfile
import time
from pathlib import Path

from eventcoder.corpus import code_articles
from eventcoder.document import Document
from eventcoder.reading.failures import Failure
from eventcoder.reading.inputs import read_inputs
from eventcoder.store.duckdb import Store
from eventcoder.store.export import export_events
from eventcoder.store.filters import EventFilter
from eventcoder.store.stats import stats

REPO = Path(__file__).resolve().parents[1]


def corpus(copies: int) -> list[Document]:
    inputs = [str(REPO / "examples")]
    seed = REPO.parent / "shared" / "seed" / "article.txt"
    if seed.exists():
        inputs.append(str(seed))
    docs = [d for d in code_articles(read_inputs(inputs)) if not isinstance(d, Failure)]
    out = []
    for n in range(copies):
        for doc in docs:
            twin = copy.deepcopy(doc)
            twin.doc.id = f"{doc.doc.id}~{n}"
            twin.text = f"{doc.text}\n[copy {n}]"
            for event in twin.events:
                event.id, event.doc_id = f"{event.id}~{n}", twin.doc.id
            out.append(twin)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    docs = corpus(args.copies)
    n_events = sum(len(d.events) for d in docs)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        with Store.open(path) as store:
            for label in ("write (fresh store)", "write again (re-code)"):
                started = time.perf_counter()
                store.write_documents(docs)
                elapsed = time.perf_counter() - started
                rows.append((label, elapsed, f"{1000 * elapsed / len(docs):.1f} ms/article",
                             f"{len(docs) / elapsed:.0f} articles/s"))
        with Store.open(path, read_only=True) as store:
            for label, job in (
                ("stats --by dyad --by month",
                 lambda: stats(store, ("dyad", "month"), EventFilter(include_negated=False, include_hypothetical=False))),
                ("export jsonl", lambda: export_events(store, EventFilter(), "jsonl", str(Path(tmp) / "e.jsonl"))),
                ("export parquet", lambda: export_events(store, EventFilter(), "parquet", str(Path(tmp) / "e.pq"))),
            ):
                started = time.perf_counter()
                job()
                elapsed = time.perf_counter() - started
                rows.append((label, elapsed, "", f"{n_events / elapsed:.0f} events/s"))
        size = path.stat().st_size
    print(f"{len(docs)} articles, {n_events} events; store file {size / 1e6:.1f} MB")
    print(f"{'step':<28} {'seconds':>8}  {'per article':>16}  {'rate':>16}")
    for label, elapsed, per, rate in rows:
        print(f"{label:<28} {elapsed:>8.2f}  {per:>16}  {rate:>16}")


if __name__ == "__main__":
    main()
