"""Corpus speed: the NLP backbone alone, the full pipeline on 1 and on all workers, and the Dask engine.

In ONE run over the same generated articles (bench/make_corpus.py, 600–900 words each) this prints, for
  (a) the backbone alone: tokenizer, tagger, parser, NER over exactly the sentences the pipeline parses,
  (b) the full pipeline (`eventcoder code`'s work) with 1 worker process,
  (c) the same with all workers,
  (d) the Dask engine on a LocalCluster with as many single-threaded worker processes,
articles/s, sentences/s, events/s and the peak RSS of each worker, then the ratio full/backbone and the scaling
from 1 worker to all. Every measurement runs in fresh worker processes (not this one), so the RSS figures are the
workers' own; timings include reading the JSONL corpus and exclude worker start-up (models loading), which a
warm-up chunk pays before the clock starts. Figures on a machine shared with other jobs are noisy.

usage: python bench/speed.py [--n 2000] [--seed 7] [--workers N] [--no-dask]
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from eventcoder.config import Config
from eventcoder.document import Document
from eventcoder.reading.inputs import read_inputs
from eventcoder.scale import all_cores
from eventcoder.scale.worker import CHUNK_SIZE, RunStats, peak_rss

TARGETS = {"full/backbone": 0.5, "articles/s with 2 workers": 15.0, "MB per worker": 600, "scaling": 1.7}


@dataclass
class Row:
    name: str
    workers: int
    seconds: float
    articles: int
    sentences: int
    events: int | None
    rss: list[int]
    cpu: float  # CPU seconds the workers spent in the timed part
    parent_cpu: float = 0.0  # CPU seconds of this process (reading, collecting results) in the timed part

    def rate(self, count: int | None) -> str:
        return "—" if count is None else f"{count / self.seconds:,.1f}"


def make_corpus(n: int, seed: int, folder: Path) -> Path:
    spec = importlib.util.spec_from_file_location("make_corpus", REPO / "bench" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import random
    rng = random.Random(seed)
    path = folder / f"corpus-{n}-{seed}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(json.dumps(module.make_article(rng, i), ensure_ascii=False) + "\n")
    return path


def parsed_sentences(path: Path) -> list[str]:
    """The texts the parse stage would parse: the sentences stage's output, of the parsed kinds."""
    from eventcoder.nlp.parse import PARSED_KINDS
    from eventcoder.pipeline import Pipeline

    splitter = Pipeline(Config(stages=("metadata", "sentences")))
    texts: list[str] = []
    for article in read_inputs([str(path)]):
        texts.extend(s.text for s in splitter.analyze(article).sentences if s.kind in PARSED_KINDS)
    return texts


def _backbone_in_worker(texts: list[str]) -> tuple[float, int, float]:
    from eventcoder.scale.worker import keep_torch_out

    keep_torch_out()  # as in the pipeline's workers, before spaCy (and so thinc) is imported
    from eventcoder.nlp.parse import BATCH_SIZE, load_backbone

    nlp = load_backbone()
    for _ in nlp.pipe(texts[:200], batch_size=BATCH_SIZE):  # warm-up
        pass
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - started, peak_rss(), time.process_time() - cpu


def bench_backbone(path: Path, n: int) -> Row:
    import multiprocessing

    texts = parsed_sentences(path)
    from eventcoder.scale.local import default_start_method

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(default_start_method())) as pool:
        seconds, rss, cpu = pool.submit(_backbone_in_worker, texts).result()
    return Row("(a) backbone alone", 1, seconds, n, len(texts), None, [rss], cpu)


def bench_engine(name: str, path: Path, n: int, warmup: Path, engine: str, workers: int) -> Row:
    """Warm the workers up (a chunk each: models load), then time the real corpus through the same workers.

    The clock starts when the last warm-up result is back; the real chunks already started then are at most
    one per worker, a bias under 1% on the default 2,000 articles."""
    stats = RunStats()
    warm = sum(1 for _ in read_inputs([str(warmup)]))
    items = itertools.chain(read_inputs([str(warmup)]), read_inputs([str(path)]))
    if engine == "dask":
        from eventcoder.scale.dask import code_dask
        results = code_dask(items, workers=workers, stats=stats)
    else:
        from eventcoder.scale.local import code_parallel
        results = code_parallel(items, workers, stats=stats)
    articles = sentences = events = seen = 0
    started, parent, cpu_before = time.perf_counter(), time.process_time(), {}
    for result in results:
        seen += 1
        if seen <= warm:
            if seen == warm:
                started, parent, cpu_before = time.perf_counter(), time.process_time(), dict(stats.cpu)
            continue
        if isinstance(result, Document):
            articles += 1
            sentences += len(result.sentences)
            events += len(result.events)
    seconds, parent = time.perf_counter() - started, time.process_time() - parent
    cpu = sum(used - cpu_before.get(pid, 0.0) for pid, used in stats.cpu.items())
    return Row(name, workers, seconds, articles, sentences, events, sorted(stats.peak_rss.values()), cpu, parent)


def warmup_corpus(path: Path, count: int, folder: Path) -> Path:
    out = folder / "warmup.jsonl"
    with path.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for _, line in zip(range(count), src):
            record = json.loads(line)
            record["id"] = "warm-" + record["id"]
            dst.write(json.dumps(record) + "\n")
    return out


def table(rows: list[Row]) -> str:
    head = ("| run | workers | articles/s | sentences/s | events/s | peak RSS per worker (MB) "
            "| articles per worker CPU-s | parent CPU-s per article |")
    lines = [head, "|---|---:|---:|---:|---:|---|---:|---:|"]
    for r in rows:
        rss = ", ".join(f"{v / 2**20:.0f}" for v in r.rss) or "—"
        per_cpu = f"{r.articles / r.cpu:.1f}" if r.cpu else "—"
        lines.append(f"| {r.name} | {r.workers} | {r.rate(r.articles)} | {r.rate(r.sentences)} | "
                     f"{r.rate(r.events)} | {rss} | {per_cpu} | {r.parent_cpu / max(r.articles, 1):.4f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=all_cores(), help="for (c) and (d) (default: all cores)")
    parser.add_argument("--no-dask", action="store_true", help="skip (d)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = make_corpus(args.n, args.seed, folder)
        # a warm-up chunk per worker: every worker has loaded its models before the clock starts
        warmup = warmup_corpus(path, CHUNK_SIZE * args.workers, folder)
        rows = [bench_backbone(path, args.n)]
        print(table(rows), file=sys.stderr, flush=True)
        rows.append(bench_engine("(b) full pipeline", path, args.n, warmup, "local", 1))
        rows.append(bench_engine("(c) full pipeline", path, args.n, warmup, "local", args.workers))
        if not args.no_dask:
            rows.append(bench_engine("(d) Dask LocalCluster", path, args.n, warmup, "dask", args.workers))
    backbone, one, many = rows[0], rows[1], rows[2]
    print(f"{args.n} generated articles (seed {args.seed}), {backbone.sentences:,} parsed sentences, "
          f"{os.cpu_count()} CPUs; python {sys.version.split()[0]}\n")
    print(table(rows))
    ratio = (one.articles / one.seconds) / (backbone.articles / backbone.seconds)
    ratio_cpu = (one.articles / one.cpu) / (backbone.articles / backbone.cpu)
    scaling = (many.articles / many.seconds) / (one.articles / one.seconds)
    worst = max(v for r in rows for v in r.rss) / 2**20
    print(f"\nfull/backbone (1 worker): {ratio:.2f} wall-clock, {ratio_cpu:.2f} by CPU time "
          f"(target ≥ {TARGETS['full/backbone']})")
    print(f"scaling 1 → {args.workers} workers: {scaling:.2f}× wall-clock (target ≥ {TARGETS['scaling']}× for 2); "
          f"CPU cost per article {many.cpu / many.articles:.3f}s vs {one.cpu / one.articles:.3f}s with 1 worker")
    print(f"articles/s with {args.workers} workers: {many.articles / many.seconds:.1f} "
          f"(target ≥ {TARGETS['articles/s with 2 workers']} with 2)")
    # On a machine of our own each worker has a core; the parent's reading and collecting shares them.
    alone_one = one.articles / one.cpu
    alone_many = min(args.workers, os.cpu_count() or 1) / ((many.cpu + many.parent_cpu) / many.articles)
    print(f"from CPU time, with a core per worker (no other jobs): {alone_one:.1f} articles/s with 1 worker, "
          f"{alone_many:.1f} with {args.workers}, scaling {alone_many / alone_one:.2f}×")
    print(f"largest peak RSS of a worker: {worst:.0f} MB (target ≤ {TARGETS['MB per worker']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
