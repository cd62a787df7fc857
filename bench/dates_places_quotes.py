"""Accuracy and speed of the dates, places and quotes stages on the team-written sets in bench/data/.

    PYTHONPATH=src python bench/dates_places_quotes.py [--errors] [--no-dateparser] [--places-only]

Prints accuracy against bench/data/{dates,places,quotes}.jsonl (the development sets, written alongside the rules)
and every bench/data/{kind}_holdout*.jsonl (each written after the rules were frozen; most were then used to fix
the rules, so only a set's first run is a held-out figure: see the README), then the time each stage
takes on the seed article (../shared/seed/article.txt, when present), and the same date set run through
dateparser's search for comparison.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

from eventcoder.config import Config
from eventcoder.dates.find import find_dates, has_future_cue
from eventcoder.dates.resolve import resolve
from eventcoder.geo.gazetteer import fold, haversine_km
from eventcoder.pipeline import Analysis, Pipeline
from eventcoder.reading.text import article_from_text

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
SEED = HERE.parent.parent / "shared" / "seed" / "article.txt"
STAGES = ("metadata", "sentences", "parse", "actors", "places", "dates", "quotes")


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def sets(kind: str) -> list[Path]:
    """The development set of a kind, then its held-out sets in the order they were written."""
    def order(path: Path) -> int:
        tail = path.stem.removeprefix(kind).removeprefix("_holdout")
        return 0 if path.stem == kind else int(tail or 1)
    return sorted(DATA.glob(f"{kind}.jsonl"), key=order) + sorted(DATA.glob(f"{kind}_holdout*.jsonl"), key=order)


def set_label(kind: str, name: str) -> str:
    tail = name.removesuffix(".jsonl").removeprefix(kind)
    return "dev" if not tail else f"held out {tail.removeprefix('_holdout') or '1'}"


def analyse(pipeline: Pipeline, text: str, published: str | None) -> Analysis:
    state = Analysis(article=article_from_text(text, doc_id="bench", published=published))
    for _name, stage in pipeline.stages:
        stage(state)
    return state


def bench_dates(pipeline: Pipeline, errors: bool, name: str = "dates.jsonl") -> tuple[int, int]:
    """A case is right when the expression holding `expr` resolves to `value` with `role` (value null: found
    nothing there, or found it and gave no value)."""
    right = 0
    cases = load(name)
    for case in cases:
        state = analyse(pipeline, case["text"], case["published"])
        at = case["text"].index(case["expr"])
        hit = next((d for d in state.dates if d.start < at + len(case["expr"]) and at < d.end), None)
        value = hit.value if hit else None
        role_ok = hit is None and case["value"] is None or (hit is not None and hit.role == case.get("role", "event"))
        ok = value == case["value"] and (case["value"] is None or role_ok)
        right += ok
        if errors and not ok:
            print(f"  DATE {case['published']} {case['expr']!r}: got {value} ({hit.role if hit else '-'}), "
                  f"want {case['value']} ({case.get('role')})  | {case['text']}", file=sys.stderr)
    return right, len(cases)


def bench_places(pipeline: Pipeline, errors: bool, name: str = "places.jsonl") -> tuple[int, int, int, int]:
    """Country right for the place whose mention covers `name` in `text` (country null: no place may be found
    there, e.g. "Michael Jordan"), and its point within 25 km where the case gives coordinates (countries don't)."""
    country_ok = near_ok = with_point = 0
    cases = load(name)
    for case in cases:
        state = analyse(pipeline, case["text"], None)
        at = case["text"].index(case["name"])
        place = next((p for p in state.places for m in p.mentions
                      if m.start < at + len(case["name"]) and at < m.end), None)
        c_ok = (place is None) if case["country"] is None else (place is not None and place.country == case["country"])
        n_ok = True
        if case["lat"] is not None:
            with_point += 1
            n_ok = c_ok and place is not None and place.lat is not None and \
                haversine_km(place.lat, place.lon, case["lat"], case["lon"]) <= 25  # type: ignore[arg-type]
            near_ok += n_ok
        country_ok += c_ok
        if errors and not (c_ok and n_ok):
            got = f"{place.name} {place.country} {place.lat},{place.lon}" if place else "nothing"
            print(f"  PLACE {case['name']!r}: got {got}, want {case['country']} {case['lat']},{case['lon']}"
                  f"  | {case['text']}", file=sys.stderr)
    return country_ok, near_ok, with_point, len(cases)


def letters(name: str) -> str:
    """A name's letters alone, accents and dotless i folded: the actors stage writes "Kemal Kılıçdaroğlu",
    "Gideon Sa'ar" and "Kim Yo-jong" for the text's "Kilicdaroglu", "Saar" and "Kim Yo Jong"."""
    return re.sub(r"[^a-z]", "", fold(name.replace("ı", "i").replace("İ", "I")).lower())


def bench_quotes(pipeline: Pipeline, errors: bool, name: str = "quotes.jsonl") -> tuple[int, int, int]:
    """The quote holding `quote` must be found, and its speaker must contain the expected `speaker` surname
    (compared by `letters`)."""
    found = right = 0
    cases = load(name)
    for case in cases:
        state = analyse(pipeline, case["text"], None)
        at = case["text"].index(case["quote"])
        q = next((q for q in state.quotes if q.start <= at < q.end), None)
        found += q is not None
        ok = q is not None and q.speaker is not None and letters(case["speaker"]) in letters(q.speaker)
        right += ok
        if errors and not ok:
            print(f"  QUOTE want {case['speaker']!r} got {q.speaker if q else 'no quote'!r} | {case['text']}",
                  file=sys.stderr)
    return found, right, len(cases)


def bench_dateparser(errors: bool) -> tuple[int, int, float, float]:
    """The same date set through dateparser.search (PREFER_DATES_FROM past, publication date as base)."""
    import datetime as dt

    from dateparser.search import search_dates

    right = 0
    ours: list[float] = []
    theirs: list[float] = []
    cases = load("dates.jsonl")
    for case in cases:
        pub = dt.datetime.fromisoformat(case["published"])
        t0 = time.perf_counter()
        found = search_dates(case["text"], languages=["en"],
                             settings={"RELATIVE_BASE": pub, "PREFER_DATES_FROM": "past"}) or []
        theirs.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for e in find_dates(case["text"]):
            resolve(e, pub.date(), has_future_cue(case["text"]))
        ours.append(time.perf_counter() - t0)
        got = next((d for text, d in found if case["expr"] in text or text in case["expr"]), None)
        right += (got.date().isoformat() if got else None) == case["value"]
    return right, len(cases), 1000 * statistics.mean(ours), 1000 * statistics.mean(theirs)


def bench_speed(pipeline: Pipeline) -> dict[str, tuple[float, float]]:
    """(median, fastest) milliseconds per stage on the seed article: on a shared machine the fastest run is the
    stage's own cost, the median what it costs under the current load."""
    if not SEED.exists():
        return {}
    text = SEED.read_text(encoding="utf-8")
    times: dict[str, list[float]] = {name: [] for name, _ in pipeline.stages}
    for _ in range(30):
        state = Analysis(article=article_from_text(text, doc_id="seed", published="2021-12-25"))
        for name, stage in pipeline.stages:
            t0 = time.perf_counter()
            stage(state)
            times[name].append(time.perf_counter() - t0)
    return {name: (1000 * statistics.median(v), 1000 * min(v)) for name, v in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every miss on standard error")
    parser.add_argument("--no-dateparser", action="store_true", help="skip the dateparser comparison")
    parser.add_argument("--places-only", action="store_true",
                        help="only the place sets, no dates, quotes or timings")
    args = parser.parse_args()
    t0 = time.perf_counter()
    pipeline = Pipeline(Config(stages=STAGES, require_english=False))  # short cases fool language id
    load_s = time.perf_counter() - t0

    print("| set | cases | measure | value | target |")
    print("|---|---:|---|---:|---:|")
    dev_dates = 0.0
    kinds = ("places",) if args.places_only else ("dates", "places", "quotes")
    for kind in kinds:
        for path in sets(kind):
            label = set_label(kind, path.name)
            if kind == "dates":
                d_right, d_total = bench_dates(pipeline, args.errors, path.name)
                print(f"| dates {label} | {d_total} | value and role right | {100 * d_right / d_total:.1f}% | 97% |")
                if label == "dev":
                    dev_dates = 100 * d_right / d_total
            elif kind == "places":
                c_ok, n_ok, p_points, p_total = bench_places(pipeline, args.errors, path.name)
                print(f"| places {label} | {p_total} | country right | {100 * c_ok / p_total:.1f}% | 97% |")
                print(f"| places {label} | {p_points} | within 25 km | {100 * n_ok / p_points:.1f}% | 90% |")
            else:
                q_found, q_right, q_total = bench_quotes(pipeline, args.errors, path.name)
                print(f"| quotes {label} | {q_total} | quote found | {100 * q_found / q_total:.1f}% | |")
                print(f"| quotes {label} | {q_total} | speaker right | {100 * q_right / q_total:.1f}% | 90% |")
    if args.places_only:
        return
    if not args.no_dateparser:
        dp_right, dp_total, ours_ms, theirs_ms = bench_dateparser(args.errors)
        print()
        print("| date finder | value right | ms per sentence |")
        print("|---|---:|---:|")
        print(f"| eventcoder regex finder + resolver | {dev_dates:.1f}% | {ours_ms:.3f} |")
        print(f"| dateparser.search_dates (past preferred) | {100 * dp_right / dp_total:.1f}% | {theirs_ms:.3f} |")
    speed = bench_speed(pipeline)
    if speed:
        print()
        print(f"pipeline build (gazetteer, lexicons, patterns): {load_s:.2f} s")
        print("| stage | ms on the seed article, median of 30 | fastest |")
        print("|---|---:|---:|")
        for name in ("places", "dates", "quotes"):
            print(f"| {name} | {speed[name][0]:.2f} | {speed[name][1]:.2f} |")


if __name__ == "__main__":
    main()
