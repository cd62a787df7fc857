"""Cost of the events stage against the parse: milliseconds per article for every pipeline stage.

Run from the repository root:  PYTHONPATH=src python bench/events_speed.py [N] [--seed-article PATH]

Times each stage of the default pipeline on the seed article (when given) and on N synthetic articles from
`bench/make_corpus.py`, after one warm-up article, and prints a table of mean ms per article per stage with the
events/parse ratio. The issue's target: the events stage costs no more than the parse.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def synthetic(n: int) -> list[dict]:
    out = subprocess.run([sys.executable, str(BENCH / "make_corpus.py"), str(n)], check=True, capture_output=True,
                         text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def time_stages(pipe, articles) -> dict[str, float]:
    """Mean milliseconds per article spent in each stage."""
    from eventcoder.pipeline import Analysis

    totals: dict[str, float] = defaultdict(float)
    for article in articles:
        state = Analysis(article=article)
        for name, stage in pipe.stages:
            began = time.perf_counter()
            stage(state)
            totals[name] += (time.perf_counter() - began) * 1000
    return {name: total / max(1, len(articles)) for name, total in totals.items()}


def print_table(title: str, ms: dict[str, float]) -> None:
    print(f"\n{title}")
    for name, value in ms.items():
        print(f"  {name:<10} {value:8.1f} ms")
    parse, events = ms.get("parse", 0.0), ms.get("events", 0.0)
    if parse:
        print(f"  events/parse = {events / parse:.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=20, help="synthetic articles to time")
    ap.add_argument("--seed-article", type=Path, default=BENCH.parent.parent / "shared" / "seed" / "article.txt")
    args = ap.parse_args(argv)

    from eventcoder import article_from_text
    from eventcoder.pipeline import default_pipeline
    from eventcoder.reading.pubdate import parse_published

    pipe = default_pipeline()
    time_stages(pipe, [article_from_text("Iran condemned Britain on Monday.", doc_id="warm",
                                         published=parse_published("2021-12-25"))])
    if args.seed_article.exists():
        seed = article_from_text(args.seed_article.read_text(encoding="utf-8"), doc_id="seed",
                                 published=parse_published("2021-12-25"))
        print_table("seed article (mean of 5 runs)", time_stages(pipe, [seed] * 5))
    corpus = [article_from_text(row["text"], doc_id=row["id"], published=parse_published(row["published"]))
              for row in synthetic(args.n)]
    print_table(f"{len(corpus)} synthetic articles (bench/make_corpus.py)", time_stages(pipe, corpus))
    return 0


if __name__ == "__main__":
    sys.exit(main())
