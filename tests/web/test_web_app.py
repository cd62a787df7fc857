"""The review web app in-process (FastAPI TestClient): listing, filters, article marks, escaping, reviews."""

from __future__ import annotations

import dataclasses
import re

import pytest
from fastapi.testclient import TestClient
from storedocs import SCRIPT, article_ties

from eventcoder.store.duckdb import Store
from eventcoder.web.app import PAGE_SIZE, create_app
from eventcoder.web.markup import Mark, mark_up


@pytest.fixture
def client(db):
    return TestClient(create_app(db))


def listed_ids(html: str) -> set[str]:
    return set(re.findall(r'<tr id="event-([^"]+)"', html))


def verdict_of(db, event_id):
    with Store.open(db, read_only=True) as store:
        rows = store.rows("SELECT verdict, fixed_type FROM reviews WHERE event_id = ?", [event_id])
    return (rows[0]["verdict"], rows[0]["fixed_type"]) if rows else None


def test_list_shows_every_event(client, docs):
    page = client.get("/")
    assert page.status_code == 200
    assert listed_ids(page.text) == {e.id for d in docs for e in d.events}
    assert "/static/style.css" in page.text and client.get("/static/style.css").status_code == 200


@pytest.mark.parametrize("query, keep", [
    ({"actor": "hamas"}, lambda e: "HAMAS" in (e.source["code"], e.target["code"])),
    ({"type": "AID"}, lambda e: e.type == "AID"),
    ({"since": "2022-01-01", "until": "2022-01-31"}, lambda e: e.date.startswith("2022-01")),
    ({"q": "sanctions"}, lambda e: "sanctions" in e.evidence.lower()),
    ({"q": "100%_"}, lambda e: False),
    ({"flags": "factual"}, lambda e: not (e.negated or e.hypothetical)),
    ({"flags": "negated"}, lambda e: e.negated),
    ({"flags": "hypothetical"}, lambda e: e.hypothetical),
    ({"actor": "IRN", "type": "CONSULT"}, lambda e: e.type == "CONSULT" and "IRN" in (
        e.source["country"], e.target["country"])),
])
def test_list_filters(client, docs, query, keep):
    page = client.get("/", params=query)
    assert page.status_code == 200
    assert listed_ids(page.text) == {e.id for d in docs for e in d.events if keep(e)}


def test_bad_filter_is_shown_not_crashed(client):
    page = client.get("/", params={"since": "last tuesday"})
    assert page.status_code == 400
    assert "not a date (YYYY, YYYY-MM or YYYY-MM-DD): last tuesday" in page.text


def test_filter_values_are_parameters_not_sql(client, db, docs):
    page = client.get("/", params={"q": "x' OR 1=1; DROP TABLE events; --"})
    assert page.status_code == 200 and listed_ids(page.text) == set()
    assert client.get("/", params={"actor": "IRN' OR '1'='1"}).status_code == 400
    with Store.open(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM events") == sum(len(d.events) for d in docs)


def test_pagination(tmp_path):
    doc = article_ties()
    doc.events = [dataclasses.replace(doc.events[0], id=f"many-{i:03d}") for i in range(PAGE_SIZE + 7)]
    path = tmp_path / "many.duckdb"
    with Store.open(path) as store:
        store.write_document(doc)
    client = TestClient(create_app(path))
    first, second = client.get("/"), client.get("/", params={"page": 2})
    assert len(listed_ids(first.text)) == PAGE_SIZE and len(listed_ids(second.text)) == 7
    assert not listed_ids(first.text) & listed_ids(second.text)
    assert 'rel="next" href="/?page=2"' in first.text and "page 2 of 2" in second.text


def test_article_marks_evidence_actors_places_dates_quotes(client, docs):
    ties = docs[0]
    page = client.get("/articles/ties")
    assert page.status_code == 200
    body = page.text[page.text.index('<article'):page.text.index('</article>')]
    for kind in ("evidence", "actor", "place", "date", "quote"):
        assert f"mk-{kind}" in body
    for event in ties.events:
        assert f'id="ev-{event.id}"' in body and f'id="event-{event.id}"' in page.text
    visible = re.sub(r"<[^>]+>", "", body.split(">", 1)[1]).replace("&#39;", "'").replace("&amp;", "&")
    assert visible.replace("&#34;", '"') == ties.text  # the marks add markup, never text


def test_article_text_and_title_are_escaped(client):
    page = client.get("/articles/clash")
    assert page.status_code == 200
    assert SCRIPT not in page.text and "<script" not in page.text.lower()
    assert "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;" in page.text
    assert "<b>live</b>" not in page.text and "Clashes near Gaza &lt;b&gt;live&lt;/b&gt;" in page.text
    listing = client.get("/")
    assert "<script" not in listing.text.lower() and "&lt;script&gt;" in listing.text


def test_unknown_article_is_404(client):
    page = client.get("/articles/nope")
    assert page.status_code == 404 and "no such article: nope" in page.text


def test_review_buttons_store_verdicts(client, db):
    answer = client.post("/events/ties-e0/review", data={"verdict": "accept", "next": "/articles/ties#event-ties-e0"},
                         follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/articles/ties#event-ties-e0"
    assert verdict_of(db, "ties-e0") == ("accept", None)
    client.post("/events/ties-e0/review", data={"verdict": "fix", "fixed_type": "SUPPORT"})
    assert verdict_of(db, "ties-e0") == ("fix", "SUPPORT")
    client.post("/events/ties-e1/review", data={"verdict": "reject"})
    assert verdict_of(db, "ties-e1") == ("reject", None)
    article = client.get("/articles/ties").text
    assert "fixed → SUPPORT" in article and "rejected" in article
    assert listed_ids(client.get("/", params={"review": "reviewed"}).text) == {"ties-e0", "ties-e1"}


@pytest.mark.parametrize("form, status, message", [
    ({"verdict": "fix"}, 400, "a fix needs the right event type"),
    ({"verdict": "meh"}, 400, "not a review verdict: meh"),
])
def test_bad_review_forms(client, db, form, status, message):
    answer = client.post("/events/ties-e0/review", data=form)
    assert answer.status_code == status and message in answer.text
    assert verdict_of(db, "ties-e0") is None


def test_review_of_unknown_event_and_cross_site_posts(client, db):
    assert client.post("/events/nope/review", data={"verdict": "accept"}).status_code == 400
    answer = client.post("/events/ties-e0/review", data={"verdict": "accept"},
                         headers={"origin": "https://evil.example"})
    assert answer.status_code == 403 and verdict_of(db, "ties-e0") is None


def test_review_redirect_stays_on_this_site(client):
    answer = client.post("/events/ties-e0/review", data={"verdict": "accept", "next": "//evil.example/x"},
                         follow_redirects=False)
    assert answer.headers["location"] == "/"


def test_store_removed_while_serving(tmp_path, db):
    client = TestClient(create_app(db))
    db.unlink()
    page = client.get("/")
    assert page.status_code == 503 and f"no such store: {db}" in page.text
    assert not db.exists()  # the page never creates a store


def test_mark_up_escapes_and_nests():
    text = "<b>Iran</b> & Hamas"
    html = str(mark_up(text, [Mark(3, 7, "actor", 'Iran "IRN"'), Mark(0, 19, "evidence", "e1", anchor="ev-1"),
                              Mark(14, 19, "actor", "<HAMAS>"), Mark(5, 99, "actor"), Mark(4, 4, "date")]))
    assert html.startswith('<a class="anchor" id="ev-1" href="#ev-1" data-n=""></a><span class="mk-evidence" title="e1">&lt;b&gt;</span>')
    assert '<span class="mk-evidence mk-actor" title="e1\nIran &#34;IRN&#34;">Iran</span>' in html
    assert 'title="e1\n&lt;HAMAS&gt;">Hamas</span>' in html
    assert "&amp;" in html and "<b>" not in html


def test_failures_page_lists_skipped_articles(db):
    with Store.open(db) as store:
        store.record_failure("bad.bin", "not text (binary data): <bad.bin>", source="in/bad.bin")
    page = TestClient(create_app(db)).get("/failures")
    assert page.status_code == 200
    assert "bad.bin" in page.text and "not text (binary data): &lt;bad.bin&gt;" in page.text
