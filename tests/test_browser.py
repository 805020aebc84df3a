"""End to end in headless Chromium: story list -> story -> expand an event -> its evidence is visible."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serve_fixtures import EVIDENCE, STORY, build_demo_store

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    import uvicorn

    from wirewatch.serve.api import create_app

    db = tmp_path / "demo.db"
    build_demo_store(db).close()
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(str(db), token="t", extract=False), host="127.0.0.1",
                                        port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


def test_story_evidence_in_browser(server: str, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    problems: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            # Console errors include CSP violations: our own CSS/JS must load under `default-src 'self'`.
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.goto(server + "/")
            page.get_by_role("link", name="North Korea fires two missiles toward Sea of Japan").click()
            page.wait_for_url(f"**/stories/{STORY}")
            card = page.locator("details.event[data-event-id='ev-launch']")
            quote = card.locator("blockquote.quote").first
            assert not quote.is_visible()
            card.locator("summary").click()
            quote.wait_for(state="visible")
            assert EVIDENCE[:60] in quote.inner_text()
            assert card.locator("mark.trigger").first.inner_text() == "fired"
            assert "Harbor Wire" in card.inner_text()
            # The vanilla JS loads (CSP allows same-origin scripts): "Expand all" opens every event.
            page.get_by_role("button", name="Expand all").click()
            assert page.locator("details.event:not([open])").count() == 0
            assert page.locator("svg.timeline circle").count() >= 3
            shot = tmp_path / "story.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()
    assert not problems, problems


# What people type or follow: each answers with a page of the site, in its layout, saying what went wrong.
ERROR_PAGES = [
    ("/search?q=%22North", 400, "quote is not closed"),
    ("/search?q=NOT", 400, "This search cannot be run"),
    ("/events?since=March", 422, "is not a date"),
    ("/stories/nope", 404, "no story 'nope'"),
    ("/entities/gpe:atlantis", 404, "no entity"),
]


def test_error_pages_in_browser(server: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    problems: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page()
            page.on("pageerror", lambda e: problems.append(str(e)))
            for path, status, message in ERROR_PAGES:
                resp = page.goto(server + path)
                assert resp is not None and resp.status == status, (path, resp and resp.status)
                assert resp.headers["content-type"].startswith("text/html"), path
                body = page.locator("main").inner_text()
                assert message in body, (path, body)
                assert '"error"' not in page.content()[:200]  # not the API's JSON
                assert page.get_by_role("link", name="wirewatch").is_visible()  # the site's header
                assert page.get_by_role("searchbox").is_visible()
            # The bad search offers the plain words; following the link finds the reports.
            page.goto(server + "/search?q=%22North")
            page.get_by_role("link", name="Search for the words").click()
            page.wait_for_url("**/search?q=North")
            assert "Reports (" in page.locator("main").inner_text()
            # /entities/ is a page of its own, not an error.
            resp = page.goto(server + "/entities/")
            assert resp is not None and resp.status == 200 and "North Korea" in page.locator("main").inner_text()
        finally:
            browser.close()
    assert not problems, problems
