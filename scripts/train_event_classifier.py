"""Train the learned event component: logistic heads over MiniLM embeddings of the team's own gold sentences.

Run from the repository root:  PYTHONPATH=src python scripts/train_event_classifier.py [--no-tune]

1. Training data: the dev split of bench/data/dev_sentences.jsonl (never the test split) and the evidence sentences
   of bench/data/articles/*.json, each labelled with the PLOVER types of its gold events (none = NONE) and whether
   any of them is negated or hypothetical.
2. One-vs-rest logistic regression (a linear layer, binary cross-entropy, L2 chosen by k-fold cross-validation).
3. Out-of-fold logits calibrate each head (Platt scaling), so `confidence` means what it says.
4. The combination policy (drop / re-type / back-off thresholds) is chosen by running the rule coder over the same
   sentences and articles with the model's OUT-OF-FOLD probabilities, scored by bench/accuracy.py's own scorer.
5. Writes models/event_classifier/weights.npz and manifest.json (encoder, labels, policy, data hash, CV figures).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
OUT = REPO / "src" / "eventcoder" / "models" / "event_classifier"
CACHE = REPO / "training" / "event_embeddings.npz"
FOLDS = 5
SEED = 13
L2_GRID = (3e-6, 1e-5, 3e-5, 1e-4)


def load_bench():
    """bench/accuracy.py as a module: its data loaders and scorer are the ones the README figures come from."""
    sys.path.insert(0, str(BENCH))
    import accuracy

    return accuracy


def training_rows(bench) -> list[dict[str, Any]]:
    """(text, types, negated, hypothetical) for dev sentences and article evidence sentences."""
    rows = [{"text": r["text"], "events": r["events"], "origin": r["id"]} for r in bench.load_sentences("dev")]
    for gold, _text in bench.load_articles():
        by_evidence: dict[str, list[dict[str, Any]]] = {}
        for e in gold["events"]:
            by_evidence.setdefault(e["evidence"], []).append(e)
        rows += [{"text": t, "events": evs, "origin": gold["id"]} for t, evs in by_evidence.items()]
    return rows


def frequent_cameo(rows: list[dict[str, Any]]) -> dict[str, str]:
    """The code a model-typed event is given: the general code ("190") of the type's most frequent CAMEO root in
    the training gold. The model knows the type, not the specifics, so it claims no more than the root."""
    from collections import Counter

    from eventcoder.events.cameo import load_codes

    codes = load_codes()
    counts: dict[str, Counter] = {}
    for row in rows:
        for e in row["events"]:
            general = (e.get("cameo") or "")[:2] + "0"
            if general in codes and codes[general].type == e["type"]:
                counts.setdefault(e["type"], Counter())[general] += 1
    return {t: c.most_common(1)[0][0] for t, c in sorted(counts.items())}


def label_matrix(rows: list[dict[str, Any]], labels: tuple[str, ...]) -> np.ndarray:
    y = np.zeros((len(rows), len(labels)), dtype=np.float32)
    col = {label: j for j, label in enumerate(labels)}
    for i, row in enumerate(rows):
        for e in row["events"]:
            y[i, col[e["type"]]] = 1.0
            y[i, col["negated"]] = max(y[i, col["negated"]], float(bool(e.get("negated"))))
            y[i, col["hypothetical"]] = max(y[i, col["hypothetical"]], float(bool(e.get("hypothetical"))))
    return y


def embed(texts: list[str]) -> np.ndarray:
    """MiniLM embeddings, cached under training/ by the texts' hash (encoding is the slow part)."""
    key = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()
    if CACHE.exists():
        with np.load(CACHE) as npz:
            if str(npz["key"]) == key:
                return npz["x"]
    from eventcoder.events.learned import SentenceEncoder

    began = time.perf_counter()
    x = SentenceEncoder(threads=2).encode(texts)
    print(f"encoded {len(texts)} sentences in {time.perf_counter() - began:.1f} s")
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    np.savez(CACHE, key=key, x=x)
    return x


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, np.ndarray]:
    """Full-batch L-BFGS on mean binary cross-entropy + l2 * |W|^2; positives weighted up by label rarity."""
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    pos = yt.sum(0).clamp(min=1.0)
    pos_weight = ((len(yt) - pos) / pos).clamp(max=10.0).sqrt()
    layer = torch.nn.Linear(x.shape[1], y.shape[1])
    torch.nn.init.zeros_(layer.weight)
    torch.nn.init.zeros_(layer.bias)
    opt = torch.optim.LBFGS(layer.parameters(), lr=1.0, max_iter=300, line_search_fn="strong_wolfe")
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)

    def closure():
        opt.zero_grad()
        loss = loss_fn(layer(xt), yt) + l2 * layer.weight.pow(2).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return layer.weight.detach().numpy().copy(), layer.bias.detach().numpy().copy()


def folds_of(rows: list[dict[str, Any]]) -> np.ndarray:
    """Fold per row; sentences of one article share a fold so no article leaks into its own validation."""
    rng = np.random.default_rng(SEED)
    groups = sorted({r["origin"] for r in rows})
    fold_of = dict(zip(groups, rng.permutation(len(groups)) % FOLDS))
    return np.array([fold_of[r["origin"]] for r in rows])


def out_of_fold(x: np.ndarray, y: np.ndarray, fold: np.ndarray, l2: float) -> np.ndarray:
    logits = np.zeros_like(y)
    for k in range(FOLDS):
        w, b = fit(x[fold != k], y[fold != k], l2)
        logits[fold == k] = x[fold == k] @ w.T + b
    return logits


def log_loss(logits: np.ndarray, y: np.ndarray) -> float:
    p = 1.0 / (1.0 + np.exp(-logits))
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean())


def platt(logits: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-label a, b so that sigmoid(a * logit + b) matches the out-of-fold outcomes."""
    z, t = torch.from_numpy(logits), torch.from_numpy(y)
    a = torch.ones(z.shape[1], requires_grad=True)
    b = torch.zeros(z.shape[1], requires_grad=True)
    opt = torch.optim.LBFGS([a, b], lr=1.0, max_iter=200, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(a * z + b, t) + 1e-4 * (a - 1).pow(2).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return a.detach().numpy(), b.detach().numpy()


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def type_f1(probs: np.ndarray, y: np.ndarray, types: int) -> tuple[float, float]:
    """Macro-F1 over the types of the sentence-level decision 'best type if above 0.5' (the back-off view)."""
    f1s = []
    pred = np.zeros_like(y[:, :types])
    best = probs[:, :types].argmax(1)
    keep = probs[np.arange(len(probs)), best] >= 0.5
    pred[np.arange(len(probs))[keep], best[keep]] = 1
    for j in range(types):
        tp = float((pred[:, j] * y[:, j]).sum())
        fp = float((pred[:, j] * (1 - y[:, j])).sum())
        fn = float(((1 - pred[:, j]) * y[:, j]).sum())
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    top1 = float(y[np.arange(len(y)), best][y[:, :types].sum(1) > 0].mean())
    return float(np.mean(f1s)), top1


def reliability(probs: np.ndarray, y: np.ndarray, bins=(0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0001)) -> list[dict]:
    """Calibration of the type heads out of fold: per probability bin, the mean probability and how often true."""
    p, t = probs.ravel(), y.ravel()
    out = []
    for lo, hi in itertools.pairwise(bins):
        sel = (p >= lo) & (p < hi)
        if sel.any():
            out.append({"bin": [lo, min(hi, 1.0)], "n": int(sel.sum()), "mean_probability": float(p[sel].mean()),
                        "observed": float(t[sel].mean())})
    return out


# ---- choosing the combination policy -------------------------------------------------------------------------

class Captured:
    """What the events stage hands the learned component, per analysed unit, recorded once with the rules."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []


def capture_rule_runs(bench, captured: Captured):
    """Run the whole pipeline over dev sentences and articles once, recording each `code_article` call."""
    from eventcoder.config import Config
    from eventcoder.events import learned
    from eventcoder.pipeline import Pipeline
    from eventcoder.reading.pubdate import parse_published
    from eventcoder.reading.text import article_from_text

    class Recorder:
        classifier = None

    def record(typer, state, rule_events, mentions, coded):
        captured.calls.append((state, rule_events, mentions, list(coded)))
        return [e for i in rule_events for e in rule_events[i]]

    original = (learned.LearnedTyper, learned.code_article)
    learned.LearnedTyper = lambda *a, **k: Recorder()  # the stage binds both names when it is built
    learned.code_article = record
    try:
        pipeline = Pipeline(Config(learned_events=True))
    finally:
        learned.LearnedTyper, learned.code_article = original

    def analyze(text, published=None, doc_id=None):
        article = article_from_text(text, doc_id=doc_id, published=parse_published(published) if published else None)
        return pipeline.analyze(article)

    units: list[tuple[str, Any, Any]] = []
    for row in bench.load_sentences("dev"):
        before = len(captured.calls)
        try:
            analyze(row["text"], published=row["published"], doc_id=row["id"])
        except Exception as exc:  # noqa: BLE001 - the bench scores a crashing unit as predicting nothing; so do we
            print(f"{row['id']}: {type(exc).__name__}: {exc} (scored as no events)")
        units.append(("sentence", row, captured.calls[before:]))
    for gold, text in bench.load_articles():
        before = len(captured.calls)
        analyze(text, published=gold["published"], doc_id=gold["id"])
        units.append(("article", (gold, text), captured.calls[before:]))
    return units


class LookupTyper:
    """A LearnedTyper stand-in that answers with precomputed (out-of-fold) probabilities by sentence text."""

    def __init__(self, classifier, table: dict[str, dict[str, float]], fallback) -> None:
        self.classifier = classifier
        self.table = table
        self.fallback = fallback

    def classify(self, sentences):
        return [self.table.get(s.strip()) or self.fallback(s) for s in sentences]


def score_policy(bench, units, typer) -> dict[str, Any]:
    from eventcoder.events.learned import code_article
    from eventcoder.events.stage import deduplicate, drop_partial, merge_headlines

    tally = bench.Tally()
    for kind, payload, calls in units:
        events = []
        for state, rule_events, mentions, coded in calls:  # the events stage's own steps after the learned pass
            found = (code_article(typer, state, rule_events, mentions, coded) if typer
                     else [e for i in rule_events for e in rule_events[i]])
            headlines = {i for i, s in enumerate(state.sentences) if s.kind == "title"}
            events += deduplicate(merge_headlines(drop_partial(found), headlines))
        if kind == "sentence":
            row = payload
            gold = [bench.gold_event(e, row["text"]) for e in row["events"]]
            bench.score_unit(tally, gold, [bench.predicted_event(e, row["text"]) for e in events], row["id"])
        else:
            gold_doc, text = payload
            state = calls[0][0] if calls else None
            spans, gold_by, pred_by = {}, {}, {}
            for e in gold_doc["events"]:
                start = text.find(e["evidence"])
                spans[start] = (start, start + len(e["evidence"]))
                gold_by.setdefault(start, []).append(bench.gold_event(e, e["evidence"]))
            for e in events:
                s = state.sentences[e.sentence_index]
                key = next((k for k, (a, b) in spans.items() if s.start < b and a < s.end), ("p", e.sentence_index))
                pred_by.setdefault(key, []).append(bench.predicted_event(e, s.text))
            for key in list(gold_by) + [k for k in pred_by if k not in gold_by]:
                bench.score_unit(tally, gold_by.get(key, []), pred_by.get(key, []), gold_doc["id"])
    return bench.figures(tally, 1.0)


def choose_policy(bench, units, classifier_for, table, fallback) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from eventcoder.events.learned import Policy

    base = score_policy(bench, units, None)
    results = [{"policy": None, "macro_f1": base["macro_f1"], "micro_f1": base["micro_f1"],
                "micro_precision": base["micro_precision"], "micro_recall": base["micro_recall"]}]
    grid = itertools.product((0.0, 0.02, 0.05, 0.1), (0.0, 0.05, 0.1), (0.6, 0.8), (0.5, 0.6, 0.7, 0.8, 0.9, 1.01),
                             (1, 2))
    for drop, rlow, rhigh, back, min_actors in grid:
        policy = Policy(drop_below=drop, retype_below=rlow, retype_above=rhigh, backoff_above=back,
                        backoff_min_actors=min_actors)
        fig = score_policy(bench, units, LookupTyper(classifier_for(policy), table, fallback))
        results.append({"policy": dataclass_dict(policy), "macro_f1": fig["macro_f1"], "micro_f1": fig["micro_f1"],
                        "micro_precision": fig["micro_precision"], "micro_recall": fig["micro_recall"]})
    best = max(results[1:], key=lambda r: (round(r["macro_f1"], 4), r["micro_f1"]))
    return best, results


def dataclass_dict(obj) -> dict[str, Any]:
    import dataclasses

    return dataclasses.asdict(obj)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-tune", action="store_true", help="keep the policy of the current manifest")
    ap.add_argument("--out", type=Path, default=OUT, help="where the weights and manifest go")
    args = ap.parse_args(argv)

    import dataclasses

    from eventcoder.events.learned import ENCODER_NAME, Policy, TypeClassifier

    bench = load_bench()
    types = bench.TYPES
    labels = tuple(types) + ("negated", "hypothetical")
    rows = training_rows(bench)
    texts = [r["text"].strip() for r in rows]
    y = label_matrix(rows, labels)
    x = embed(texts)
    fold = folds_of(rows)
    cameos = frequent_cameo(rows)
    print(f"{len(rows)} training sentences ({int((y[:, :16].sum(1) == 0).sum())} NONE), {FOLDS}-fold CV")

    cv = {}
    for l2 in L2_GRID:
        logits = out_of_fold(x, y, fold, l2)
        cv[l2] = (log_loss(logits, y), logits)
        print(f"l2={l2:g}: out-of-fold log-loss {cv[l2][0]:.4f}")
    l2 = min(cv, key=lambda k: cv[k][0])
    oof_logits = cv[l2][1]
    a, b = platt(oof_logits, y)
    oof = sigmoid(a * oof_logits + b)
    macro, top1 = type_f1(oof, y, len(types))
    print(f"chosen l2={l2:g}; out-of-fold sentence-level macro-F1 {macro:.3f}, top-1 type accuracy {top1:.3f}")
    calibration = reliability(oof[:, : len(types)], y[:, : len(types)])
    for row in calibration:
        print(f"  p in [{row['bin'][0]:.1f}, {row['bin'][1]:.1f}): {row['n']:>5} sentence-type pairs, "
              f"mean p {row['mean_probability']:.3f}, observed {row['observed']:.3f}")
    w, bias = fit(x, y, l2)

    def classifier_for(policy: Policy) -> TypeClassifier:
        return TypeClassifier(labels=labels, weights=w, bias=bias, platt_a=a, platt_b=b, policy=policy,
                              manifest={"cameo": cameos})

    policy = Policy(drop_below=0.0, retype_below=0.0, retype_above=1.01, backoff_above=1.01, backoff_min_actors=2)
    tuning: dict[str, Any] = {}
    if not args.no_tune:
        table = {t: dict(zip(labels, map(float, row))) for t, row in zip(texts, oof)}
        from eventcoder.events.learned import SentenceEncoder

        encoder = SentenceEncoder(threads=2)
        full = classifier_for(policy)

        seen: dict[str, dict[str, float]] = {}

        def fallback(sentence: str) -> dict[str, float]:  # sentences the model never trained on
            if sentence not in seen:
                seen[sentence] = dict(zip(labels, map(float, full.probabilities(encoder.encode([sentence]))[0])))
            return seen[sentence]

        units = capture_rule_runs(bench, Captured())
        best, results = choose_policy(bench, units, classifier_for, table, fallback)
        print(f"{len(seen)} sentences as the coder split them were not training sentences (full-model probabilities)")
        policy = Policy(**best["policy"])
        tuning = {"rules_only": results[0], "chosen": best}
        print(f"rules only (dev + articles): macro-F1 {results[0]['macro_f1']:.3f} micro-F1 {results[0]['micro_f1']:.3f}")
        print(f"rules + model, out-of-fold: macro-F1 {best['macro_f1']:.3f} micro-F1 {best['micro_f1']:.3f} "
              f"with {best['policy']}")
    elif (args.out / "manifest.json").exists():
        policy = Policy(**json.loads((args.out / "manifest.json").read_text(encoding="utf-8"))["policy"])

    digest = hashlib.sha256(json.dumps([[t, y_row.tolist()] for t, y_row in zip(texts, y)]).encode()).hexdigest()
    manifest = {
        "encoder": ENCODER_NAME, "pooling": "mean, L2-normalised", "labels": list(labels),
        "model": "one-vs-rest logistic regression, Platt-calibrated on out-of-fold logits",
        "policy": dataclasses.asdict(policy), "cameo": cameos, "l2": l2, "folds": FOLDS, "seed": SEED,
        "training_data": {"sources": ["bench/data/dev_sentences.jsonl (split=dev)", "bench/data/articles/*.json"],
                          "sentences": len(rows), "sha256": digest},
        "cross_validation": {"log_loss": cv[l2][0], "sentence_macro_f1": macro, "top1_type_accuracy": top1,
                             "reliability": calibration,
                             "policy_search": tuning},
    }
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "weights.npz", weights=w.astype(np.float32), bias=bias.astype(np.float32),
                        platt_a=a.astype(np.float32), platt_b=b.astype(np.float32))
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
