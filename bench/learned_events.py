"""Rules alone vs rules + the learned event component: accuracy on the gold sentences and the cost per article.

Run from the repository root:  PYTHONPATH=src python bench/learned_events.py [--split test] [--repeat 3]

Accuracy uses bench/accuracy.py's scorer on one split (test is held out from training; dev and the annotated
articles were trained on, so their honest figures are the out-of-fold ones the training script writes into the
manifest, printed here too). Speed runs both pipelines over the example articles (examples/*.txt and
examples/annotated/*.txt) in one process, one core, and reports seconds per article and per 700 words.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent


def load_accuracy():
    """bench/accuracy.py's loaders and scorer, so these figures are comparable with the README's."""
    sys.path.insert(0, str(BENCH))
    import accuracy

    return accuracy


def analyzer(pipeline):
    from eventcoder.reading.pubdate import parse_published
    from eventcoder.reading.text import article_from_text

    def analyze(text, published=None, doc_id=None):
        given = parse_published(published) if published else None
        return pipeline.analyze(article_from_text(text, doc_id=doc_id, published=given))
    return analyze


def accuracy_rows(acc, analyze, split: str) -> dict[str, dict]:
    out = {}
    for name, run in ((f"sentences:{split}", lambda t: acc.run_sentences(analyze, acc.load_sentences(split), t)),
                      ("articles (trained on)", lambda t: acc.run_articles(analyze, acc.load_articles(), t))):
        tally = acc.Tally()
        run(tally)
        out[name] = acc.figures(tally, 1.0)
    return out


def speed(variants: dict, texts: list[str], repeat: int, encoded: list[int]) -> dict[str, tuple[float, float, float]]:
    """Per variant: seconds per article, sentences per article, sentences encoded per article. The variants take
    turns article by article, so a shared machine's changing load falls on both alike."""
    for analyze in variants.values():
        analyze("Warm-up sentence so that loading is not timed.", published="2020-01-01", doc_id="warm")
    spent = dict.fromkeys(variants, 0.0)
    enc = dict.fromkeys(variants, 0)
    sentences = 0
    for _ in range(repeat):
        for i, text in enumerate(texts):
            for name, analyze in variants.items():
                encoded[0] = 0
                began = time.perf_counter()
                doc = analyze(text, published="2023-01-01", doc_id=f"a{i}")
                spent[name] += time.perf_counter() - began
                enc[name] += encoded[0]
            sentences += len(doc.sentences)
    n = repeat * len(texts)
    return {name: (spent[name] / n, sentences / n, enc[name] / n) for name in variants}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the example articles for speed")
    ap.add_argument("--no-accuracy", action="store_true")
    args = ap.parse_args(argv)

    from eventcoder.config import Config
    from eventcoder.events.learned import SentenceEncoder, weights_dir
    from eventcoder.pipeline import Pipeline

    encoded = [0]
    plain_encode = SentenceEncoder.encode

    def counting_encode(self, texts):
        encoded[0] += len(texts)
        return plain_encode(self, texts)
    SentenceEncoder.encode = counting_encode  # counts the sentences the model pass encodes

    acc = load_accuracy()
    rules = Pipeline(Config(learned_events=False))
    began = time.perf_counter()
    model = Pipeline(Config(learned_events=True))
    load_s = time.perf_counter() - began
    variants = {"rules": analyzer(rules), "rules+model": analyzer(model)}

    if not args.no_accuracy:
        results = {name: accuracy_rows(acc, fn, args.split) for name, fn in variants.items()}
        for block in results["rules"]:
            print(f"\n{block}")
            print(f"{'':<12} {'macro-F1':>8} {'micro-P':>8} {'micro-R':>8} {'micro-F1':>8} {'source':>7} "
                  f"{'target':>7} {'neg':>6} {'hyp':>6}")
            for name in variants:
                f = results[name][block]
                print(f"{name:<12} {f['macro_f1']:>8.3f} {f['micro_precision']:>8.3f} {f['micro_recall']:>8.3f} "
                      f"{f['micro_f1']:>8.3f} {acc.fmt(f['source_accuracy']):>7} {acc.fmt(f['target_accuracy']):>7} "
                      f"{acc.fmt(f['negation_accuracy']):>6} {acc.fmt(f['hypothetical_accuracy']):>6}")
        manifest = json.loads((weights_dir() / "manifest.json").read_text(encoding="utf-8"))
        search = manifest["cross_validation"].get("policy_search") or {}
        if search:
            r, c = search["rules_only"], search["chosen"]
            print("\ndev sentences + articles, model probabilities out-of-fold (from the manifest)")
            for name, f in (("rules", r), ("rules+model", c)):
                print(f"{name:<12} {f['macro_f1']:>8.3f} {f['micro_precision']:>8.3f} {f['micro_recall']:>8.3f} "
                      f"{f['micro_f1']:>8.3f}")

    texts = [p.read_text(encoding="utf-8") for p in sorted(REPO.glob("examples/*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(REPO.glob("examples/annotated/*.txt"))]
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"\nspeed over {len(texts)} example articles ({words:.0f} words on average), one process; "
          f"model load {load_s:.1f} s")
    base = None
    for name, (per, sentences, enc) in speed(variants, texts, args.repeat, encoded).items():
        per700 = per * 700 / words
        base = base if base is not None else per700
        print(f"{name:<12} {per * 1000:>7.1f} ms/article  {per700 * 1000:>7.1f} ms per 700 words  "
              f"{1 / per700:>6.1f} articles/s per process (700 words)  +{(per700 - base) * 1000:.1f} ms  "
              f"{enc:.1f} of {sentences:.1f} sentences encoded per article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
