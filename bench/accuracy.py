"""Event-coding accuracy on the team's gold set: per-type P/R/F1, macro/micro-F1, roles, flags, confusion, speed.

Run from the repository root:  PYTHONPATH=src python bench/accuracy.py [--split dev|test|test2|test3|all] [--floors]

Each gold sentence (bench/data/dev_sentences.jsonl) is analysed as its own article with its publication date; each
annotated article (examples/annotated/NN-slug.txt with bench/data/articles/NN-slug.json) is analysed whole, and its
predicted events are compared with the gold events of the same sentence. Within a sentence, predicted and gold events
are paired by type, preferring pairs whose source and target agree. Type scores count every gold event; a predicted
negated or hypothetical event counts only when it pairs with a gold event that is flagged too, and is otherwise left
out (never a false positive, never a hit). Flags are scored apart: how many flagged gold events were found with the
flag, how many were asserted as factual, and how many predicted flags were right. `--floors` exits 1 when a figure
falls below bench/floors.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DATA = BENCH / "data"
SENTENCES = DATA / "dev_sentences.jsonl"
ARTICLE_GOLD = DATA / "articles"
ARTICLE_TEXT = REPO / "examples" / "annotated"
FLOORS = BENCH / "floors.json"

TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
NONE = "NONE"
STATE_AGENT = re.compile(r"^([A-Z]{3})([A-Z]{3})$")


# ---------------------------------------------------------------------------------------------------------------
# Events on both sides, reduced to what is scored

@dataclass(frozen=True)
class Role:
    """An actor as scored: its code and, for the lenient match, its country and sector."""

    code: str | None
    country: str | None
    sector: str | None


def role_from_code(code: str | None) -> Role:
    """A gold code split by the convention: `IRN` → (IRN, -), `IRNGOV` → (IRN, GOV), `HAMAS` → (-, -)."""
    if not code:
        return Role(None, None, None)
    if len(code) == 3 and code.isalpha():
        return Role(code, code, None)
    m = STATE_AGENT.match(code)
    if m:
        return Role(code, m.group(1), m.group(2))
    return Role(code, None, None)


def role_from_actor(actor: dict[str, Any] | None) -> Role:
    """A predicted actor object; a person counts by the code of what they stand for."""
    if not actor:
        return Role(None, None, None)
    code = actor.get("code") or actor.get("affiliation")
    derived = role_from_code(code)
    return Role(code, actor.get("country") or derived.country, actor.get("sector") or derived.sector)


@dataclass
class Ev:
    """One event (gold or predicted) in the form the scorer compares."""

    type: str
    source: Role
    target: Role
    negated: bool
    hypothetical: bool
    reported_by: str | None = None
    date: str | None = None
    mode: str | None = None
    text: str = ""  # the sentence, for error listings

    @property
    def factual(self) -> bool:
        return not (self.negated or self.hypothetical)


def gold_event(e: dict[str, Any], text: str) -> Ev:
    return Ev(type=e["type"], source=role_from_code(e.get("source")), target=role_from_code(e.get("target")),
              negated=bool(e.get("negated")), hypothetical=bool(e.get("hypothetical")),
              reported_by=e.get("reported_by"), date=e.get("date"), mode=e.get("mode"), text=text)


def predicted_event(e: Any, text: str) -> Ev:
    rep = role_from_actor(e.reported_by).code if e.reported_by else None
    return Ev(type=e.type, source=role_from_actor(e.source), target=role_from_actor(e.target),
              negated=bool(e.negated), hypothetical=bool(e.hypothetical), reported_by=rep, date=e.date,
              mode=e.mode, text=text)


def strict(g: Role, p: Role) -> bool:
    return g.code == p.code


def lenient(g: Role, p: Role) -> bool:
    """Same code, or same country with no conflicting sector (gold IRN vs predicted IRNGOV counts)."""
    if strict(g, p):
        return True
    if g.country is None or p.country != g.country:
        return False
    return g.sector is None or p.sector is None or g.sector == p.sector


# ---------------------------------------------------------------------------------------------------------------
# Pairing within one sentence

def pair_score(g: Ev, p: Ev) -> float:
    return (2 * strict(g.source, p.source) + 2 * strict(g.target, p.target) + lenient(g.source, p.source)
            + lenient(g.target, p.target) + 0.5 * (g.negated == p.negated) + 0.5 * (g.hypothetical == p.hypothetical))


def greedy_pairs(gold: list[Ev], pred: list[Ev], same_type: bool) -> tuple[list[tuple[Ev, Ev]], list[Ev], list[Ev]]:
    """Pair gold and predicted events one-to-one, best actor agreement first."""
    candidates = [(pair_score(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                  if not same_type or g.type == p.type]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _score, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((gold[i], pred[j]))
    return (pairs, [g for i, g in enumerate(gold) if i not in used_g],
            [p for j, p in enumerate(pred) if j not in used_p])


# ---------------------------------------------------------------------------------------------------------------
# Tallies

@dataclass
class Flag:
    """Negation or hypothetical flag: recall on gold-flagged events, precision of predicted flags, pair accuracy."""

    gold: int = 0  # gold events with the flag
    found_flagged: int = 0  # of those, paired with a prediction that carries the flag
    found_unflagged: int = 0  # paired with a prediction that asserts the event as factual
    predicted: int = 0  # predicted events with the flag
    predicted_right: int = 0  # of those, paired with a gold event that has the flag
    pairs: int = 0  # same-type pairs scored
    pairs_right: int = 0  # pairs where the flag agrees


@dataclass
class Tally:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    confusion: Counter = field(default_factory=Counter)  # (gold type or NONE, predicted type or NONE)
    source_strict: int = 0
    source_lenient: int = 0
    target_strict: int = 0
    target_lenient: int = 0
    typed_pairs: int = 0
    reported: int = 0
    reported_right: int = 0
    dated: int = 0
    dated_right: int = 0
    negation: Flag = field(default_factory=Flag)
    hypothetical: Flag = field(default_factory=Flag)
    units: int = 0
    predicted_events: int = 0
    errors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)  # examples for --show


def score_flag(flag: Flag, attr: str, gold: list[Ev], pred: list[Ev], pairs: list[tuple[Ev, Ev]]) -> None:
    flag.gold += sum(getattr(g, attr) for g in gold)
    flag.predicted += sum(getattr(p, attr) for p in pred)
    for g, p in pairs:
        flag.pairs += 1
        flag.pairs_right += getattr(g, attr) == getattr(p, attr)
        if getattr(g, attr):
            if getattr(p, attr):
                flag.found_flagged += 1
            elif p.factual:
                flag.found_unflagged += 1
        if getattr(p, attr) and getattr(g, attr):
            flag.predicted_right += 1


def describe(e: Ev) -> str:
    flags = "".join(x for x, on in (("~neg", e.negated), ("~hyp", e.hypothetical)) if on)
    return f"{e.type}{flags} {e.source.code}>{e.target.code}"


def score_unit(t: Tally, gold: list[Ev], pred: list[Ev], label: str) -> None:
    """Score one sentence's gold events against its predicted events."""
    t.units += 1
    t.predicted_events += len(pred)
    pairs, _, _ = greedy_pairs(gold, pred, same_type=True)
    score_flag(t.negation, "negated", gold, pred, pairs)
    score_flag(t.hypothetical, "hypothetical", gold, pred, pairs)

    # a flagged prediction counts for its type only against a flagged gold event
    typed = [(g, p) for g, p in pairs if p.factual or not g.factual]
    typed_ids = {id(x) for pair in typed for x in pair}
    for g, p in typed:
        t.tp[g.type] += 1
        t.confusion[(g.type, p.type)] += 1
        t.typed_pairs += 1
        t.source_strict += strict(g.source, p.source)
        t.source_lenient += lenient(g.source, p.source)
        t.target_strict += strict(g.target, p.target)
        t.target_lenient += lenient(g.target, p.target)
        if g.reported_by:
            t.reported += 1
            t.reported_right += g.reported_by == p.reported_by
        if g.date:
            t.dated += 1
            t.dated_right += g.date == p.date
        if not (strict(g.source, p.source) and strict(g.target, p.target)):
            t.misses.append(f"{label}: roles gold {describe(g)} / predicted {describe(p)} | {g.text}")
    left_gold = [g for g in gold if id(g) not in typed_ids]
    left_pred = [p for p in pred if p.factual and id(p) not in typed_ids]
    for g in left_gold:
        t.fn[g.type] += 1
    for p in left_pred:
        t.fp[p.type] += 1
    cross, lone_gold, lone_pred = greedy_pairs(left_gold, left_pred, same_type=False)
    if len(left_gold) > 1 or len(left_pred) > 1:  # a confusion needs a shared actor unless one event each side
        related = [lenient(g.source, p.source) or lenient(g.target, p.target) for g, p in cross]
        unrelated = [pair for pair, keep in zip(cross, related) if not keep]
        cross = [pair for pair, keep in zip(cross, related) if keep]
        lone_gold += [g for g, _ in unrelated]
        lone_pred += [p for _, p in unrelated]
    for g, p in cross:
        t.confusion[(g.type, p.type)] += 1
        t.misses.append(f"{label}: type gold {describe(g)} / predicted {describe(p)} | {g.text}")
    for g in lone_gold:
        t.confusion[(g.type, NONE)] += 1
        t.misses.append(f"{label}: missed {describe(g)} | {g.text}")
    for p in lone_pred:
        t.confusion[(NONE, p.type)] += 1
        t.misses.append(f"{label}: spurious {describe(p)} | {p.text}")


# ---------------------------------------------------------------------------------------------------------------
# Figures

def ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def figures(t: Tally, seconds: float) -> dict[str, Any]:
    per_type = {}
    for ty in TYPES:
        p, r, f = prf(t.tp[ty], t.fp[ty], t.fn[ty])
        per_type[ty] = {"precision": p, "recall": r, "f1": f, "gold": t.tp[ty] + t.fn[ty],
                        "predicted": t.tp[ty] + t.fp[ty], "tp": t.tp[ty]}
    scored = [ty for ty in TYPES if per_type[ty]["gold"] or per_type[ty]["predicted"]]
    macro = sum(per_type[ty]["f1"] for ty in scored) / len(scored) if scored else 0.0
    tp, fp, fn = sum(t.tp.values()), sum(t.fp.values()), sum(t.fn.values())
    mp, mr, mf = prf(tp, fp, fn)

    def flag(f: Flag) -> dict[str, Any]:
        return {"gold": f.gold, "recall": ratio(f.found_flagged, f.gold), "asserted_as_factual": f.found_unflagged,
                "predicted": f.predicted, "precision": ratio(f.predicted_right, f.predicted),
                "pair_accuracy": ratio(f.pairs_right, f.pairs), "pairs": f.pairs}

    return {
        "units": t.units, "errors": len(t.errors), "per_type": per_type, "macro_f1": macro,
        "micro_precision": mp, "micro_recall": mr, "micro_f1": mf,
        "typed_pairs": t.typed_pairs,
        "source_accuracy": ratio(t.source_strict, t.typed_pairs),
        "source_lenient": ratio(t.source_lenient, t.typed_pairs),
        "target_accuracy": ratio(t.target_strict, t.typed_pairs),
        "target_lenient": ratio(t.target_lenient, t.typed_pairs),
        "reported_by_accuracy": ratio(t.reported_right, t.reported),
        "date_accuracy": ratio(t.dated_right, t.dated),
        "negation": flag(t.negation), "hypothetical": flag(t.hypothetical),
        "negation_accuracy": ratio(t.negation.found_flagged, t.negation.gold),
        "hypothetical_accuracy": ratio(t.hypothetical.found_flagged, t.hypothetical.gold),
        "seconds": seconds, "predicted_events": t.predicted_events,
        "events_per_s": t.predicted_events / seconds if seconds else 0.0,
        "units_per_s": t.units / seconds if seconds else 0.0,
        "confusion": {f"{g}|{p}": n for (g, p), n in sorted(t.confusion.items())},
    }


def fmt(x: float | None) -> str:
    return "   -" if x is None else f"{x:.3f}"


def print_report(title: str, fig: dict[str, Any], t: Tally) -> None:
    print(f"\n=== {title}: {fig['units']} units, {fig['errors']} analysis errors ===")
    print(f"{'type':<10} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for ty in TYPES:
        row = fig["per_type"][ty]
        print(f"{ty:<10} {row['gold']:>5} {row['predicted']:>5} {row['tp']:>5} {row['precision']:>6.3f} "
              f"{row['recall']:>6.3f} {row['f1']:>6.3f}")
    print(f"macro-F1 (16 types) {fig['macro_f1']:.3f}   micro P/R/F1 {fig['micro_precision']:.3f} / "
          f"{fig['micro_recall']:.3f} / {fig['micro_f1']:.3f}")
    print(f"on {fig['typed_pairs']} correctly typed events: source {fmt(fig['source_accuracy'])} "
          f"(country+sector {fmt(fig['source_lenient'])}), target {fmt(fig['target_accuracy'])} "
          f"(country+sector {fmt(fig['target_lenient'])}), reported_by {fmt(fig['reported_by_accuracy'])}, "
          f"date {fmt(fig['date_accuracy'])}")
    for name in ("negation", "hypothetical"):
        f = fig[name]
        print(f"{name:<12} gold {f['gold']:>3}: found and flagged {fmt(f['recall'])}, asserted as factual "
              f"{f['asserted_as_factual']}; predicted {f['predicted']:>3}: right {fmt(f['precision'])}; "
              f"flag agreement on {f['pairs']} type-matched pairs {fmt(f['pair_accuracy'])}")
    print_confusion(t)
    print(f"speed: {fig['predicted_events']} events in {fig['seconds']:.2f} s = {fig['events_per_s']:.1f} events/s, "
          f"{fig['units_per_s']:.1f} units/s (whole pipeline)")
    for err in t.errors[:5]:
        print(f"error: {err}")


def print_confusion(t: Tally) -> None:
    rows = [ty for ty in TYPES + (NONE,) if any(g == ty for g, _ in t.confusion)]
    cols = [ty for ty in TYPES + (NONE,) if any(p == ty for _, p in t.confusion)]
    if not rows or not cols:
        print("confusion: (empty)")
        return
    short = {ty: ty[:4] for ty in TYPES + (NONE,)}
    print("confusion (rows gold, columns predicted; NONE = missed or spurious):")
    print(" " * 10 + "".join(f"{short[c]:>5}" for c in cols))
    for r in rows:
        print(f"{r:<10}" + "".join(f"{t.confusion.get((r, c), 0) or '.':>5}" for c in cols))


# ---------------------------------------------------------------------------------------------------------------
# Running the coder

def load_sentences(split: str) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in SENTENCES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def load_articles() -> list[tuple[dict[str, Any], str]]:
    out = []
    for path in sorted(ARTICLE_GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out.append((gold, (ARTICLE_TEXT / f"{path.stem}.txt").read_text(encoding="utf-8")))
    return out


def run_sentences(analyze, rows: Iterable[dict[str, Any]], t: Tally) -> None:
    for row in rows:
        gold = [gold_event(e, row["text"]) for e in row["events"]]
        try:
            doc = analyze(row["text"], published=row["published"], doc_id=row["id"])
            pred = [predicted_event(e, row["text"]) for e in doc.events]
        except Exception as exc:  # noqa: BLE001 - a crashing coder is reported, scored as predicting nothing
            t.errors.append(f"{row['id']}: {type(exc).__name__}: {exc}")
            pred = []
        score_unit(t, gold, pred, row["id"])


def run_articles(analyze, articles: Iterable[tuple[dict[str, Any], str]], t: Tally) -> None:
    """Group gold events by their evidence sentence and predicted events by the gold sentence they fall in."""
    for gold_doc, text in articles:
        spans: dict[int, tuple[int, int, str]] = {}
        gold_by: dict[Any, list[Ev]] = defaultdict(list)
        for e in gold_doc["events"]:
            start = text.find(e["evidence"])
            spans[start] = (start, start + len(e["evidence"]), e["evidence"])
            gold_by[start].append(gold_event(e, e["evidence"]))
        pred_by: dict[Any, list[Ev]] = defaultdict(list)
        try:
            doc = analyze(text, published=gold_doc["published"], doc_id=gold_doc["id"])
            for e in doc.events:
                s = doc.sentences[e.sentence_index] if 0 <= e.sentence_index < len(doc.sentences) else None
                lo, hi = (s.start, s.end) if s else (e.start, e.end)
                key = next((k for k, (a, b, _) in spans.items() if lo < b and a < hi), ("pred", e.sentence_index))
                pred_by[key].append(predicted_event(e, s.text if s else e.evidence))
        except Exception as exc:  # noqa: BLE001 - a crashing coder is reported, scored as predicting nothing
            t.errors.append(f"{gold_doc['id']}: {type(exc).__name__}: {exc}")
        for key in list(gold_by) + [k for k in pred_by if k not in gold_by]:
            score_unit(t, gold_by.get(key, []), pred_by.get(key, []), gold_doc["id"])


def check_floors(results: dict[str, dict[str, Any]], floors: dict[str, dict[str, float]]) -> list[str]:
    """Every pinned figure that fell below its floor (a missing figure counts as 0)."""
    failures = []
    for block, pinned in floors.items():
        if block not in results:
            continue
        for name, floor in pinned.items():
            value = results[block].get(name)
            value = 0.0 if value is None else value
            if value + 1e-9 < floor:
                failures.append(f"{block}.{name} = {value:.3f} < floor {floor:.3f}")
    return failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "test2", "test3", "all"), default="dev",
                    help="which gold sentences (test2, test3: later held-out batches, each written after a tuning round)")
    ap.add_argument("--no-articles", action="store_true", help="skip the full-article annotations")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N sentences (quick look)")
    ap.add_argument("--show", type=int, default=0, help="print N example misses per block")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--floors", action="store_true", help="exit 1 when a figure falls below bench/floors.json")
    args = ap.parse_args(argv)

    try:
        from eventcoder import analyze
    except ImportError as exc:
        print(f"cannot import eventcoder ({exc}); run as PYTHONPATH=src python bench/accuracy.py", file=sys.stderr)
        return 2

    results: dict[str, dict[str, Any]] = {}
    rows = load_sentences(args.split)
    if args.limit:
        rows = rows[: args.limit]
    analyze("Warm-up sentence so that model loading is not timed.", published="2020-01-01", doc_id="warmup")
    blocks = [(f"sentences:{args.split}", lambda t: run_sentences(analyze, rows, t))]
    if not args.no_articles:
        articles = load_articles()
        blocks.append(("articles", lambda t: run_articles(analyze, articles, t)))
    for name, run in blocks:
        tally = Tally()
        began = time.perf_counter()
        run(tally)
        fig = figures(tally, time.perf_counter() - began)
        results[name.split(":")[-1]] = fig
        print_report(name, fig, tally)
        for miss in tally.misses[: args.show]:
            print("  " + miss)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    if args.floors:
        failures = check_floors(results, json.loads(FLOORS.read_text(encoding="utf-8")))
        for f in failures:
            print(f"BELOW FLOOR: {f}", file=sys.stderr)
        if failures:
            return 1
        print("floors: all figures at or above bench/floors.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
