"""`eventcoder serve`: browse, filter and review stored events in server-rendered pages (FastAPI + Jinja2).

Each request opens the store for its own short life and closes it, so `eventcoder query` or `code --db` can use
the file between page loads. All SQL is parameterised (filters go through `EventFilter.where`), templates
autoescape, and the article text reaches the page only through `markup.mark_up`, which escapes every piece.
Reviews are POST forms that redirect back (post/redirect/get); a POST from another origin is refused, so a web
page elsewhere cannot submit reviews to a local server.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from ..document import PLOVER_TYPES
from ..errors import EventcoderError, StoreError
from ..store.duckdb import Store
from ..store.filters import EVENTS_FROM, EventFilter, actor_pattern, period_bounds, plover_type
from ..store.review import record_review
from ..store.stats import QUAD_LABELS
from .markup import Mark, mark_up

PAGE_SIZE = 50
REVIEW_STATES = ("reviewed", "unreviewed", "accept", "reject", "fix")
FLAG_STATES = ("factual", "negated", "hypothetical")


def _templates() -> Jinja2Templates:
    env = Environment(loader=PackageLoader("eventcoder.web", "templates"),
                      autoescape=select_autoescape(["html"], default=True), trim_blocks=True, lstrip_blocks=True)
    env.globals.update(plover_types=PLOVER_TYPES, quad_labels=QUAD_LABELS, review_states=REVIEW_STATES,
                       flag_states=FLAG_STATES)
    return Jinja2Templates(env=env)


def _filters_from(params: dict[str, str]) -> EventFilter:
    """The event filter of the list page's query string (raises EventcoderError on a bad value)."""
    since, until = params.get("since", "").strip(), params.get("until", "").strip()
    review = params.get("review", "").strip() or None
    if review and review not in REVIEW_STATES:
        raise StoreError(f"not a review state: {review}")
    flags = params.get("flags", "").strip()
    if flags and flags not in FLAG_STATES:
        raise StoreError(f"not an event flag filter: {flags}")
    kind = params.get("type", "").strip()
    actor = params.get("actor", "").strip()
    return EventFilter(types=(plover_type(kind),) if kind else (), actor=actor_pattern(actor) if actor else None,
                       since=period_bounds(since)[0] if since else None,
                       until=period_bounds(until)[1] if until else None,
                       text=params.get("q", "").strip() or None, review=review,
                       include_negated=flags != "factual", include_hypothetical=flags != "factual",
                       only=flags if flags in ("negated", "hypothetical") else None)


def _safe_next(target: str | None, fallback: str) -> str:
    """Only local paths are followed after a review (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return fallback


def create_app(db: str | Path) -> FastAPI:
    """The web app over the store at `db`."""
    db = Path(db)
    app = FastAPI(title="eventcoder", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=str(files("eventcoder.web") / "static")), name="static")
    templates = _templates()

    @contextmanager
    def store() -> Iterator[Store]:
        with Store.open(db, create=False) as opened:
            yield opened

    def page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"db": db.name, **context}, status_code=status)

    def error(request: Request, message: str, status: int) -> HTMLResponse:
        return page(request, "error.html", {"message": message}, status)

    @app.exception_handler(StoreError)
    def store_unavailable(request: Request, exc: StoreError) -> HTMLResponse:
        return error(request, str(exc), 503)

    @app.get("/", response_class=HTMLResponse)
    def events(request: Request) -> HTMLResponse:
        params = dict(request.query_params)
        try:
            selection = _filters_from(params)
            current = max(1, int(params.get("page", "1") or 1))
        except (EventcoderError, ValueError) as exc:
            return page(request, "events.html", {"error": str(exc), "events": [], "params": params,
                                                 "total": 0, "page": 1, "pages": 1, "links": {}}, 400)
        where, args = selection.where()
        with store() as s:
            total = s.scalar(f"SELECT count(*) FROM {EVENTS_FROM} WHERE {where}", args)
            pages = max(1, math.ceil(total / PAGE_SIZE))
            current = min(current, pages)
            rows = s.rows(
                f"SELECT e.*, r.verdict, r.fixed_type, d.title AS doc_title FROM {EVENTS_FROM}"
                f" JOIN documents d ON d.id = e.doc_id WHERE {where}"
                f" ORDER BY e.date_start DESC NULLS LAST, e.doc_id, e.evidence_start, e.id LIMIT ? OFFSET ?",
                [*args, PAGE_SIZE, (current - 1) * PAGE_SIZE])
            n_docs = s.scalar("SELECT count(*) FROM documents")
        kept = {k: v for k, v in params.items() if k != "page" and v}
        links = {name: "/?" + urlencode({**kept, "page": n})
                 for name, n in (("prev", current - 1), ("next", current + 1)) if 1 <= n <= pages}
        return page(request, "events.html", {"events": rows, "params": params, "total": total, "page": current,
                                             "pages": pages, "links": links, "n_docs": n_docs,
                                             "here": str(request.url.path) + ("?" + request.url.query
                                                                              if request.url.query else "")})

    @app.get("/articles/{doc_id}", response_class=HTMLResponse)
    def article(request: Request, doc_id: str) -> HTMLResponse:
        with store() as s:
            docs = s.rows("SELECT * FROM documents WHERE id = ?", [doc_id])
            if not docs:
                return error(request, f"no such article: {doc_id}", 404)
            doc = docs[0]
            evs = s.rows("SELECT e.*, r.verdict, r.fixed_type, r.note FROM events e"
                         " LEFT JOIN reviews r ON r.event_id = e.id WHERE e.doc_id = ?"
                         " ORDER BY e.evidence_start, e.id", [doc_id])
            actors = s.rows("SELECT a.name, a.code, m.start_char, m.end_char FROM actors a JOIN actor_mentions m"
                            " ON m.doc_id = a.doc_id AND m.actor_index = a.actor_index WHERE a.doc_id = ?",
                            [doc_id])
            places = s.rows("SELECT p.name, p.country, m.start_char, m.end_char FROM places p JOIN place_mentions m"
                            " ON m.doc_id = p.doc_id AND m.place_index = p.place_index WHERE p.doc_id = ?",
                            [doc_id])
            dates = s.rows("SELECT text, value, start_char, end_char FROM dates WHERE doc_id = ?", [doc_id])
            quotes = s.rows("SELECT speaker, speaker_code, start_char, end_char FROM quotes WHERE doc_id = ?",
                            [doc_id])
            actor_list = s.rows("SELECT name, code, kind, country, sector FROM actors WHERE doc_id = ?"
                                " ORDER BY actor_index", [doc_id])
        marks = [Mark(e["evidence_start"], e["evidence_end"], "evidence",
                      f"event {n + 1}: {e['source_code'] or '?'} {e['plover_type']} {e['target_code'] or '?'}",
                      anchor=f"ev-{e['id']}", badge=str(n + 1), href=f"#event-{quote(e['id'])}")
                 for n, e in enumerate(evs)]
        marks += [Mark(a["start_char"], a["end_char"], "actor", f"actor: {a['name']} ({a['code'] or 'no code'})")
                  for a in actors]
        marks += [Mark(p["start_char"], p["end_char"], "place", f"place: {p['name']}, {p['country'] or '?'}")
                  for p in places]
        marks += [Mark(d["start_char"], d["end_char"], "date", f"date: {d['value'] or 'unresolved'}") for d in dates]
        marks += [Mark(q["start_char"], q["end_char"], "quote", f"quote: {q['speaker'] or 'unknown speaker'}")
                  for q in quotes]
        return page(request, "article.html", {"doc": doc, "events": evs, "actors": actor_list,
                                              "text": mark_up(doc["text"], marks),
                                              "here": f"/articles/{doc_id}"})

    @app.get("/failures", response_class=HTMLResponse)
    def failures(request: Request) -> HTMLResponse:
        with store() as s:
            rows = s.rows("SELECT id, reason, source, failed_at FROM failures ORDER BY failed_at DESC, id")
        return page(request, "failures.html", {"failures": rows})

    @app.post("/events/{event_id}/review")
    def review(request: Request, event_id: str, verdict: str = Form(...), fixed_type: str = Form(""),
               note: str = Form(""), next: str = Form("")) -> Response:
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
            return error(request, "review refused: the form came from another site", 403)
        try:
            with store() as s:
                record_review(s, event_id, verdict, fixed_type or None, note or None)
        except EventcoderError as exc:
            return error(request, str(exc), 400)
        return RedirectResponse(_safe_next(next, "/"), status_code=303)

    return app
