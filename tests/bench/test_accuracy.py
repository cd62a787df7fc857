"""The scorer in bench/accuracy.py: pairing, flags, roles, confusion and floors, checked with hand-made predictions."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "accuracy.py"


@pytest.fixture(scope="module")
def acc():
    spec = importlib.util.spec_from_file_location("bench_accuracy", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def actor(code):
    return None if code is None else {"name": code, "code": code, "kind": "state", "country": None, "sector": None,
                                      "affiliation": None}


def predicted(type_, source, target, negated=False, hypothetical=False, reported_by=None, date=None,
              sentence_index=0, start=0, end=0):
    return SimpleNamespace(type=type_, source=actor(source), target=actor(target), negated=negated,
                           hypothetical=hypothetical, reported_by=actor(reported_by), date=date, mode=None,
                           sentence_index=sentence_index, start=start, end=end, evidence="")


def gold(type_, source, target, negated=False, hypothetical=False, **extra):
    return {"type": type_, "mode": None, "cameo": None, "source": source, "target": target, "negated": negated,
            "hypothetical": hypothetical, "date": None, **extra}


def score(acc, gold_events, pred_events):
    t = acc.Tally()
    acc.score_unit(t, [acc.gold_event(g, "") for g in gold_events],
                   [acc.predicted_event(p, "") for p in pred_events], "u")
    return t


def test_perfect_prediction_scores_one(acc):
    t = score(acc, [gold("ACCUSE", "IRNGOV", "GBR"), gold("SUPPORT", "HAMAS", "IRN")],
              [predicted("SUPPORT", "HAMAS", "IRN"), predicted("ACCUSE", "IRNGOV", "GBR")])
    fig = acc.figures(t, 1.0)
    assert fig["macro_f1"] == 1.0 and fig["micro_f1"] == 1.0
    assert fig["source_accuracy"] == 1.0 and fig["target_accuracy"] == 1.0


def test_flagged_prediction_is_not_a_false_positive_but_a_missed_factual_event(acc):
    t = score(acc, [gold("AID", "USA", "UKR")], [predicted("AID", "USA", "UKR", negated=True)])
    assert t.fp["AID"] == 0 and t.fn["AID"] == 1 and t.tp["AID"] == 0
    assert t.negation.predicted == 1 and t.negation.predicted_right == 0


def test_factual_prediction_of_a_negated_event_counts_for_type_and_fails_the_flag(acc):
    t = score(acc, [gold("AID", "USA", "UKR", negated=True)], [predicted("AID", "USA", "UKR")])
    assert t.tp["AID"] == 1 and t.fp["AID"] == 0
    assert t.negation.gold == 1 and t.negation.found_unflagged == 1 and t.negation.found_flagged == 0


def test_gold_flagged_event_missed_is_a_false_negative_and_stray_flagged_prediction_is_ignored(acc):
    t = score(acc, [gold("THREATEN", "IRN", None, hypothetical=True)], [predicted("ASSAULT", "IRN", None,
                                                                                  hypothetical=True)])
    assert t.fn["THREATEN"] == 1 and t.fp["ASSAULT"] == 0 and t.confusion[("THREATEN", acc.NONE)] == 1


def test_hypothetical_flag_found(acc):
    t = score(acc, [gold("CONSULT", "USAGOV", "EGY", hypothetical=True)],
              [predicted("CONSULT", "USAGOV", "EGY", hypothetical=True)])
    fig = acc.figures(t, 1.0)
    assert fig["hypothetical_accuracy"] == 1.0 and fig["micro_f1"] == 1.0


def test_roles_strict_and_lenient(acc):
    t = score(acc, [gold("CONSULT", "IRNGOV", "QATGOV")], [predicted("CONSULT", "IRN", "QATMIL")])
    assert t.tp["CONSULT"] == 1
    assert (t.source_strict, t.source_lenient) == (0, 1)  # IRN against IRNGOV: same country, no sector given
    assert (t.target_strict, t.target_lenient) == (0, 0)  # QATMIL against QATGOV: sectors conflict


def test_pairing_prefers_matching_actors(acc):
    t = score(acc, [gold("SANCTION", "SAU", "QAT"), gold("SANCTION", "EGY", "QAT")],
              [predicted("SANCTION", "EGY", "QAT"), predicted("SANCTION", "SAU", "QAT")])
    assert t.source_strict == 2


def test_confusion_records_wrong_type_and_misses(acc):
    t = score(acc, [gold("ACCUSE", "FRA", "AZE"), gold("REQUEST", "USA", "AZE")],
              [predicted("REJECT", "FRA", "AZE"), predicted("ASSAULT", "RUS", "UKR")])
    assert t.confusion[("ACCUSE", "REJECT")] + t.confusion[("REQUEST", "REJECT")] == 1
    assert sum(n for (g, p), n in t.confusion.items() if p == acc.NONE) == 1
    assert sum(n for (g, p), n in t.confusion.items() if g == acc.NONE) == 1
    assert t.fp["REJECT"] == 1 and t.fn["ACCUSE"] == 1


def test_run_sentences_with_a_perfect_fake_coder(acc):
    rows = acc.load_sentences("dev")[:40]

    def analyze(text, published=None, doc_id=None):
        row = next(r for r in rows if r["id"] == doc_id)
        return SimpleNamespace(events=[predicted(e["type"], e["source"], e["target"], e["negated"], e["hypothetical"],
                                                 e.get("reported_by"), e["date"]) for e in row["events"]])

    t = acc.Tally()
    acc.run_sentences(analyze, rows, t)
    fig = acc.figures(t, 1.0)
    assert fig["micro_f1"] == 1.0 and fig["source_accuracy"] == 1.0 and fig["date_accuracy"] == 1.0
    assert not t.errors


def test_run_articles_with_a_perfect_fake_coder_and_a_failing_one(acc):
    articles = acc.load_articles()[:2]

    def analyze(text, published=None, doc_id=None):
        doc = next(g for g, _ in articles if g["id"] == doc_id)
        sentences, events = [], []
        for e in doc["events"]:
            start = text.index(e["evidence"])
            sentences.append(SimpleNamespace(start=start, end=start + len(e["evidence"]), text=e["evidence"]))
            events.append(predicted(e["type"], e["source"], e["target"], e["negated"], e["hypothetical"],
                                    sentence_index=len(sentences) - 1))
        return SimpleNamespace(events=events, sentences=sentences)

    t = acc.Tally()
    acc.run_articles(analyze, articles, t)
    assert acc.figures(t, 1.0)["micro_f1"] == 1.0

    def broken(text, published=None, doc_id=None):
        raise RuntimeError("coder exploded")

    t = acc.Tally()
    acc.run_articles(broken, articles, t)
    assert len(t.errors) == 2 and sum(t.fn.values()) > 0 and not t.tp


def test_floors(acc):
    results = {"dev": {"macro_f1": 0.5, "source_accuracy": None}}
    assert acc.check_floors(results, {"dev": {"macro_f1": 0.4}}) == []
    assert len(acc.check_floors(results, {"dev": {"macro_f1": 0.6, "source_accuracy": 0.1}})) == 2
