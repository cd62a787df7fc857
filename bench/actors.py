"""Actor coding accuracy on the team-written actor test set (bench/data/actors.jsonl), and the stage's speed.

Each record is a news-style sentence with its article date and the mentions a careful human coder expects:
the mention text (the `nth` occurrence) and its code, country and sector (null where nothing should be coded).
A prediction counts for a mention when one of the stage's mentions overlaps it; a missing mention is wrong on
every field unless the expected code is null. Prints a table; run as `PYTHONPATH=src python bench/actors.py`
(add -v to list the misses, --parse to give the stage the shipped backbone's parses, as the pipeline does).
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from eventcoder.actors.knowledge import load_knowledge
from eventcoder.actors.stage import code_actors
from eventcoder.document import Article
from eventcoder.pipeline import Analysis
from eventcoder.text.sentences import split_sentences

DATA = Path(__file__).parent / "data" / "actors.jsonl"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "article.txt"


NLP = None  # the backbone, when --parse is given


def analyse(kb, text: str, date: str | None) -> Analysis:
    state = Analysis(article=Article(id="bench", text=text, published=date))
    state.sentences = split_sentences(text)
    state.parses = [NLP(s.text) if NLP else None for s in state.sentences]
    code_actors(kb, state)
    return state


def locate(text: str, needle: str, nth: int) -> tuple[int, int]:
    """The span of the nth whole-word occurrence of `needle`."""
    found = list(re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text))
    return found[nth - 1].span()


def score(kb, records: list[dict], verbose: bool) -> dict[str, float]:
    totals = {"country": 0, "sector": 0, "code": 0}
    n = 0
    for rec in records:
        state = analyse(kb, rec["text"], rec["date"])
        for exp in rec["mentions"]:
            n += 1
            s, e = locate(rec["text"], exp["text"], exp.get("nth", 1))
            hits = [m for m in state.mentions if m.start < e and m.end > s]
            got = hits[0].actor if hits else None
            pred = {"code": got.code if got else None, "country": got.country if got else None,
                    "sector": got.sector if got else None}
            for k in totals:
                totals[k] += pred[k] == exp[k]
            if verbose and pred["code"] != exp["code"] or verbose and pred["country"] != exp["country"]:
                print(f"{rec['id']} {exp['text']!r}: expected {exp['code']}/{exp['country']}/{exp['sector']}, "
                      f"got {pred['code']}/{pred['country']}/{pred['sector']}  | {rec['text']}")
    return {k: v / n for k, v in totals.items()} | {"mentions": n}


def speed(kb, text: str, runs: int = 20) -> float:
    """Median milliseconds for the actors stage on `text` (sentences split beforehand, not timed)."""
    times = []
    for _ in range(runs):
        state = Analysis(article=Article(id="speed", text=text, published="2021-12-25"))
        state.sentences = split_sentences(text)
        state.parses = [None] * len(state.sentences)
        t0 = time.perf_counter()
        code_actors(kb, state)
        times.append((time.perf_counter() - t0) * 1000)
    return sorted(times)[len(times) // 2]


def main() -> None:
    global NLP
    verbose = "-v" in sys.argv
    if "--parse" in sys.argv:
        from eventcoder.nlp.parse import load_backbone
        NLP = load_backbone()
    kb = load_knowledge()
    records = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = score(kb, records, verbose)
    print(f"actor test set: {len(records)} sentences, {result['mentions']} mentions"
          f" ({'with the backbone parse' if NLP else 'text and knowledge only'})")
    print(f"{'field':<10}{'accuracy':>10}")
    for k in ("country", "sector", "code"):
        print(f"{k:<10}{result[k]:>10.1%}")
    if SEED.exists():
        words = SEED.read_text(encoding="utf-8").split()
        text700 = " ".join(words[:700])
        print(f"speed: actors stage on a 700-word article: {speed(kb, text700):.1f} ms (median of 20)")


if __name__ == "__main__":
    main()
