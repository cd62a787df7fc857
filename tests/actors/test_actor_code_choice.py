"""Code choice by the conventions of bench/data/GUIDELINES.md ("Conventions for choosing the code")."""

from __future__ import annotations

from types import SimpleNamespace

from eventcoder.actors.knowledge import fold
from eventcoder.actors.match import find_hits
from eventcoder.actors.resolve import DocContext, resolve_sentence
from eventcoder.actors.stage import _persons


def _parse(*ents: tuple[str, int, int, str]):
    """A stand-in for a spaCy Doc with only named entities: (text, start, end, label)."""
    spans = [SimpleNamespace(text=t, start_char=s, end_char=e, label_=label) for t, s, e, label in ents]
    return SimpleNamespace(has_annotation=lambda name: name == "ENT_IOB", ents=spans)


def test_person_entities_of_either_label_scheme_are_read():
    parse = _parse(("Ahmed Nasser", 0, 12, "PER"), ("Mona Said", 17, 26, "PERSON"), ("Cairo", 30, 35, "LOC"))
    assert _persons(parse) == [(0, 12), (17, 26)]


def test_a_person_in_capitals_is_a_misread_dateline():
    parse = _parse(("JEDDAH", 0, 6, "PER"), ("Ahmed Nasser", 16, 28, "PER"))
    assert _persons(parse) == [(16, 28)]


def _resolve(kb, text: str, persons=(), date: str = "2023-06-01"):
    ctx = DocContext(kb, date)
    found = resolve_sentence(ctx, text, fold(text), find_hits(kb, text, fold(text), False), False, list(persons))
    return {text[f.start:f.end]: f.ref for f in found if f.ref is not None}


def test_an_unknown_person_takes_an_ownerless_title_in_apposition(kb):
    text = "Nadia Karimi, a student leader, led a sit-in."
    refs = _resolve(kb, text, [(0, 12)])
    assert refs["Nadia Karimi"].code == "EDU" and refs["Nadia Karimi"].kind == "person"


def test_an_unknown_person_without_a_title_stays_uncoded(kb):
    text = "Nadia Karimi led a sit-in outside the ministry."
    assert _resolve(kb, text, [(0, 12)])["Nadia Karimi"].code is None


def test_the_title_in_the_text_picks_among_roles_held_at_once(kb):
    """Guaido in 2019 both sat in parliament and claimed the interim presidency: "as interim president" names the
    second role, the opposition's (GUIDELINES: an opposition leader claiming an office is XXXOPP)."""
    text = "Brazil endorsed Juan Guaido as Venezuela's interim president."
    assert _resolve(kb, text, date="2019-02-01")["Juan Guaido"].code == "VENOPP"
