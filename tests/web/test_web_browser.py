"""The review page in a real browser: Debian's chromium driven by Playwright against a live uvicorn server."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from storedocs import SCRIPT

from eventcoder.store.duckdb import Store
from eventcoder.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(db):
    """uvicorn serving the test store on 127.0.0.1, in a background thread; yields the base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (scripts/test.sh installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 900})
            dialogs: list[str] = []
            tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            tab.dialogs = dialogs
            yield tab
        finally:
            browser.close()


def test_load_filter_review_and_persist(server, page, db, docs):
    page.goto(server + "/")
    assert page.locator("table.events tbody tr").count() == sum(len(d.events) for d in docs)

    # filter: Hamas as an actor, AID events
    page.fill("input[name=actor]", "HAMAS")
    page.select_option("select[name=type]", "AID")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*actor=HAMAS*")
    expected = {e.id for d in docs for e in d.events
                if e.type == "AID" and "HAMAS" in (e.source["code"], e.target["code"])}
    rows = page.locator("table.events tbody tr")
    assert {rows.nth(i).get_attribute("id")[len("event-"):] for i in range(rows.count())} == expected

    # open the article with markup in its text: shown as text, never run
    page.click("tr#event-clash-e1 td.evidence a")
    page.wait_for_url("**/articles/clash*")
    assert SCRIPT in page.inner_text("#article-text")
    assert page.locator("#article-text script").count() == 0 and page.dialogs == []
    assert page.locator("#article-text .mk-evidence").count() > 0
    assert page.locator("#article-text .mk-actor").count() > 0

    # accept an event; the page comes back showing it, and so does a fresh load and the store
    card = page.locator("section#event-clash-e1")
    card.locator("button.accept").click()
    page.wait_for_load_state()
    assert page.locator("section#event-clash-e1 .badge.ok").inner_text() == "accepted"
    page.reload()
    assert page.locator("section#event-clash-e1 .badge.ok").inner_text() == "accepted"
    page.goto(server + "/?review=accept")
    assert page.locator("table.events tbody tr").count() == 1
    with Store.open(db, read_only=True) as store:
        assert store.rows("SELECT event_id, verdict FROM reviews") == [{"event_id": "clash-e1", "verdict": "accept"}]
