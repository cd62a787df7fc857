"""Event dates come from the trigger's own phrase: a date in a modifier of another noun ("a pact signed in
2001", "a base built in 2019") is that noun's history and never dates the event."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.backbone

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _analyze(text: str, published: str):
    from eventcoder import analyze

    return analyze(text, published=published, doc_id="t")


def test_pact_signed_in_2001_does_not_date_the_agreement():
    doc = _analyze((EXAMPLES / "saudi-iran-beijing.txt").read_text(encoding="utf-8"), "2023-03-10")
    index = next(s.index for s in doc.sentences if "pact signed in 2001" in s.text)
    assert any(e.type == "AGREE" for e in doc.events)
    assert not [e for e in doc.events if e.date == "2001"]
    assert all(e.date != "2001" for e in doc.events if e.sentence_index == index)


def test_base_built_in_2019_attacked_on_monday():
    doc = _analyze("Russia attacked a base built in 2019 on Monday, the Ukrainian army said.", "2023-03-10")
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert attacks
    assert {e.date for e in attacks} == {"2023-03-06"}


def test_base_built_in_2019_attacked_without_other_date():
    doc = _analyze("Russia attacked a base built in 2019, the Ukrainian army said.", "2023-03-10")
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert attacks
    assert all(e.date == "2023-03-10" and e.date_source == "published" for e in attacks)
