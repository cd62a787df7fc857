"""Hand-made coded articles for the store and web tests (written for these tests; events coded by hand).

`corpus()` returns three small Documents with actors, places, dates, quotes and events; the third article carries
HTML (`<script>`, `<b>`) in its text and title, for the escaping tests. Built as plain dataclasses so the store
tests never need the NLP pipeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from eventcoder.document import Actor, DateMention, DocMeta, Document, Event, Place, Quote, Sentence, Span

ACTORS: dict[str, dict] = {
    "IRN": {"name": "Iran", "code": "IRN", "kind": "state", "country": "IRN", "aliases": ("Iran",)},
    "IRNGOV": {"name": "Iranian foreign ministry", "code": "IRNGOV", "kind": "organization", "country": "IRN",
                   "sector": "GOV", "aliases": ("Iran's foreign ministry", "The ministry")},
    "IRNBUS": {"name": "Iranian companies", "code": "IRNBUS", "kind": "group", "country": "IRN", "sector": "BUS",
                   "aliases": ("Iranian companies",)},
    "HAMAS": {"name": "Hamas", "code": "HAMAS", "kind": "organization", "country": "PSE", "sector": "REB",
                  "aliases": ("Hamas",)},
    "ISR": {"name": "Israel", "code": "ISR", "kind": "state", "country": "ISR", "aliases": ("Israel",)},
    "ISRMIL": {"name": "Israeli army", "code": "ISRMIL", "kind": "organization", "country": "ISR", "sector": "MIL",
                   "aliases": ("Israeli positions",)},
    "ISRGOV": {"name": "Israeli officials", "code": "ISRGOV", "kind": "group", "country": "ISR", "sector": "GOV",
                   "aliases": ("Israeli officials",)},
    "USA": {"name": "United States", "code": "USA", "kind": "state", "country": "USA", "aliases": ("The United States",)},
    "EGYGOV": {"name": "Egyptian mediators", "code": "EGYGOV", "kind": "group", "country": "EGY", "sector": "GOV",
                   "aliases": ("Egyptian mediators",)},
}
TYPE_SCALE: dict[str, tuple[int, float, str]] = {  # type -> (quad class, goldstein, cameo)
    "CONSULT": (1, 1.0, "040"), "SUPPORT": (1, 3.5, "051"), "AID": (2, 7.0, "070"), "ACCUSE": (3, -2.0, "112"),
    "THREATEN": (3, -4.4, "130"), "SANCTION": (4, -5.0, "163"), "ASSAULT": (4, -10.0, "190"),
}


@dataclass
class Spec:
    """One hand-coded event: sentence, source, type, target and the rest."""

    sentence: int
    source: str | None
    type: str
    target: str | None
    date: str | None = None
    negated: bool = False
    hypothetical: bool = False
    reported_by: str | None = None
    location: dict | None = None
    extra: dict = field(default_factory=dict)


def _ref(key: str | None) -> dict | None:
    if key is None:
        return None
    a = ACTORS[key]
    return {"name": a["name"], "code": a["code"], "kind": a["kind"], "country": a["country"],
            "sector": a.get("sector"), "affiliation": None}


def _spans(text: str, needle: str) -> list[Span]:
    return [Span(m.start(), m.end(), needle) for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text)]


def build(doc_id: str, published: str, sentences: list[tuple[str, str]], specs: list[Spec],
          places: tuple[tuple[str, str, float, float], ...] = (), dates: tuple[tuple[str, str], ...] = (),
          quotes: tuple[tuple[str, str, str], ...] = ()) -> Document:
    """A Document from (kind, text) sentences joined by newlines, with mentions found by exact search."""
    text, sents = "", []
    for i, (kind, s) in enumerate(sentences):
        if text:
            text += "\n"
        sents.append(Sentence(i, len(text), len(text) + len(s), s, kind))
        text += s
    actors = []
    for key, a in ACTORS.items():
        mentions = [m for alias in a["aliases"] for m in _spans(text, alias)]
        if mentions:
            actors.append(Actor(a["name"], a["code"], a["kind"], a["country"], a.get("sector"), None,
                                sorted(mentions, key=lambda m: m.start), key=key))
    doc_places = [Place(n, c, lat, lon, _spans(text, n), feature="city") for n, c, lat, lon in places]
    doc_dates = [DateMention(t, v, s.start, s.end) for t, v in dates for s in _spans(text, t)]
    doc_quotes = []
    for speaker, code, q in quotes:
        span = _spans(text, q)[0]
        doc_quotes.append(Quote(speaker, code, q, "direct", span.start, span.end))
    events = []
    for n, spec in enumerate(specs):
        s = sents[spec.sentence]
        quad, goldstein, cameo = TYPE_SCALE[spec.type]
        events.append(Event(
            id=f"{doc_id}-e{n}", doc_id=doc_id, sentence_index=s.index, evidence=s.text, start=s.start,
            end=s.end, source=_ref(spec.source), target=_ref(spec.target), type=spec.type, mode=None,
            context=[], cameo=cameo, quad_class=quad, goldstein=goldstein, date=spec.date or published,
            date_source="text" if spec.date else "published", location=spec.location, negated=spec.negated,
            hypothetical=spec.hypothetical, reported_by=_ref(spec.reported_by), confidence=0.9, coder="hand",
            **spec.extra))
    meta = DocMeta(doc_id, sentences[0][1], published, "Test Wire", "en")
    return Document(meta, text, sents, actors, doc_places, doc_dates, doc_quotes, events)


def article_ties() -> Document:
    return build("ties", "2021-12-15", [
        ("title", "Tehran and Hamas pledge closer ties"),
        ("body", "Iran's foreign ministry held a telephone call with Hamas officials on 14 December 2021."),
        ("body", "The ministry promised that Iran would keep supporting the movement, a statement said."),
        ("body", "Hamas praised Iran for its help and accused Israel of raids in Gaza."),
        ("quote", "\u201cWe stand with our friends,\u201d a Hamas spokesman said in Gaza."),
        ("body", "Iran did not send weapons to Hamas last month, the ministry said."),
    ], [
        Spec(1, "IRNGOV", "CONSULT", "HAMAS", date="2021-12-14"),
        Spec(1, "HAMAS", "CONSULT", "IRNGOV", date="2021-12-14"),
        Spec(2, "IRNGOV", "SUPPORT", "HAMAS", reported_by="IRNGOV"),
        Spec(2, "IRN", "AID", "HAMAS", hypothetical=True),
        Spec(3, "HAMAS", "SUPPORT", "IRN"),
        Spec(3, "HAMAS", "ACCUSE", "ISR", location={"name": "Gaza", "country": "PSE", "lat": 31.5, "lon": 34.47}),
        Spec(5, "IRN", "AID", "HAMAS", date="2021-11", negated=True),
    ], places=(("Gaza", "PSE", 31.5, 34.47),), dates=(("14 December 2021", "2021-12-14"),),
        quotes=(("Hamas spokesman", "HAMAS", "We stand with our friends,"),))


def article_sanctions() -> Document:
    return build("sanctions", "2022-03-02", [
        ("title", "Washington sanctions Iranian firms"),
        ("body", "The United States imposed sanctions on Iranian companies on 1 March 2022."),
        ("body", "Iran condemned the move and threatened to respond."),
        ("body", "Egyptian mediators met Israeli officials in Cairo."),
    ], [
        Spec(1, "USA", "SANCTION", "IRNBUS", date="2022-03-01"),
        Spec(2, "IRN", "ACCUSE", "USA"),
        Spec(2, "IRN", "THREATEN", "USA"),
        Spec(3, "EGYGOV", "CONSULT", "ISRGOV",
             location={"name": "Cairo", "country": "EGY", "lat": 30.04, "lon": 31.24}),
    ], places=(("Cairo", "EGY", 30.04, 31.24),), dates=(("1 March 2022", "2022-03-01"),))


SCRIPT = "<script>alert('owned')</script>"


def article_script() -> Document:
    """An article whose text and title carry markup that must be shown, never run."""
    return build("clash", "2022-01-10", [
        ("title", "Clashes near Gaza <b>live</b>"),
        ("body", f"{SCRIPT} Hamas fighters attacked Israeli positions near Gaza on 9 January 2022."),
        ("body", "Iran sent rockets to Hamas in January, Israel said."),
    ], [
        Spec(1, "HAMAS", "ASSAULT", "ISRMIL", date="2022-01-09"),
        Spec(2, "IRN", "AID", "HAMAS", date="2022-01", reported_by="ISR"),
    ], places=(("Gaza", "PSE", 31.5, 34.47),), dates=(("9 January 2022", "2022-01-09"),))


def corpus() -> list[Document]:
    """The three test articles."""
    return [article_ties(), article_sanctions(), article_script()]


# -- pytest fixtures, imported by tests/store/conftest.py and tests/web/conftest.py ----------------------------

@pytest.fixture
def docs() -> list[Document]:
    return corpus()


@pytest.fixture
def db(tmp_path, docs):
    """A store file holding the three test articles (closed, so commands and the app can open it)."""
    from eventcoder.store.duckdb import Store

    path = tmp_path / "events.duckdb"
    with Store.open(path) as store:
        store.write_documents(docs, version="test-1")
    return path


@pytest.fixture
def cli():
    """Run `eventcoder ARGS...` in-process; returns click's Result (exit_code, stdout, stderr)."""
    from click.testing import CliRunner

    from eventcoder.cli import main

    runner = CliRunner()

    def run(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return run
