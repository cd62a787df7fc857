"""A small hand-checked corpus for the aggregation and deduplication tests (written for these tests; every
expected figure is worked out in test_aggregate.py and test_dedupe.py)."""

from __future__ import annotations

from storedocs import Spec, build

GAZA = {"name": "Gaza", "country": "PSE", "lat": 31.5, "lon": 34.47}


def golden_corpus():
    """Three wire stories about one week, written for these tests.

    wire1 (2 May) and wire2 (3 May) report the same strike; wire2 reports it twice on one day; wire3 reports the
    1 May call in different words. One month-precision sanction and one negated aid event.
    """
    wire1 = build("wire1", "2022-05-02", [
        ("title", "Talks and strikes on the first of May"),
        ("body", "Iran's foreign ministry held talks with Hamas officials on 1 May 2022."),
        ("body", "The Israeli army struck Hamas positions in Gaza on 1 May 2022."),
        ("body", "Hamas accused Israel of the strike."),
    ], [
        Spec(1, "IRNGOV", "CONSULT", "HAMAS", date="2022-05-01"),
        Spec(2, "ISRMIL", "ASSAULT", "HAMAS", date="2022-05-01", location=GAZA),
        Spec(3, "HAMAS", "ACCUSE", "ISR"),
    ], places=(("Gaza", "PSE", 31.5, 34.47),))
    wire2 = build("wire2", "2022-05-03", [
        ("title", "Second day of strikes"),
        ("body", "The Israeli army struck Hamas positions in Gaza on Monday."),
        ("body", "The Israeli army also struck Hamas positions near Gaza on 2 May 2022."),
        ("body", "The United States sanctioned Iran's foreign ministry in June 2022."),
        ("body", "Iran will not aid Hamas, the ministry said."),
    ], [
        Spec(1, "ISRMIL", "ASSAULT", "HAMAS", date="2022-05-02", location=GAZA),
        Spec(2, "ISRMIL", "ASSAULT", "HAMAS", date="2022-05-02", location=GAZA),
        Spec(3, "USA", "SANCTION", "IRNGOV", date="2022-06"),
        Spec(4, "IRN", "AID", "HAMAS", negated=True),
    ], places=(("Gaza", "PSE", 31.5, 34.47),))
    wire3 = build("wire3", "2022-05-02", [
        ("title", "Cordial exchange"),
        ("body", "A statement from Tehran described the exchange as cordial."),
    ], [
        Spec(1, "IRNGOV", "CONSULT", "HAMAS", date="2022-05-01"),
    ])
    return [wire1, wire2, wire3]
