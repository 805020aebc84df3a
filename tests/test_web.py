"""Web UI pages: content, evidence highlighting, escaping of untrusted article text, CSP, offline assets."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.serve_fixtures import (
    EVIDENCE,
    LAUNCH_EVENT,
    STORY,
    UNFUSED_MENTION,
    XSS_EVENT,
    build_demo_store,
    make_client,
    xss_article,
)
from wirewatch.serve.api import create_app
from wirewatch.serve.queries import segments, trigger_parts

HTML = {"Accept": "text/html"}


@pytest.fixture
def client(tmp_path: Path) -> Any:
    db = tmp_path / "demo.db"
    build_demo_store(db, extra=[xss_article()]).close()
    return make_client(create_app(str(db), token="t", extract=False, connectors=[]))


def get(client: Any, path: str) -> str:
    resp = client.get(path, headers=HTML)
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in resp.headers["content-security-policy"]
    return str(resp.text)


def test_story_list(client: Any) -> None:
    html = get(client, "/")
    assert "North Korea fires two missiles toward Sea of Japan" in html
    assert f'href="/stories/{STORY}"' in html
    assert "4 sources" in html and "2 conflicts" in html  # source count and conflict badge
    assert 'class="badge conflict"' in html and 'name="q"' in html  # badge and search box


def test_story_page(client: Any) -> None:
    html = get(client, f"/stories/{STORY}")
    assert "<svg" in html and html.count('class="point ') == 4  # the timeline: one dot per dated event
    assert f'data-event-id="{LAUNCH_EVENT}"' in html and "<details" in html
    # Evidence: the sentence with its trigger marked, the outlet, the article link and the modality.
    before, trig, after = EVIDENCE.partition("fired")
    assert f'{before}<mark class="trigger">fired</mark>{after}' in html.replace("&#39;", "'")
    assert "Gulf Courier" in html and 'href="/articles/k2#' in html and 'mod-denied' in html
    assert "Where sources disagree" in html and "how many missiles" in html
    assert f'href="/stories/{STORY}/brief"' in html


def test_event_entity_article_pages(client: Any) -> None:
    html = get(client, f"/events/{LAUNCH_EVENT}")
    assert "<details" in html and " open" in html and "Capitol Dispatch" in html
    html = get(client, "/entities/gpe:north-korea")
    assert "PRK" in html and "Pyongyang" in html and "DPRK" in html  # country and aliases
    assert "As actor (2)" in html and "As recipient (1)" in html
    assert 'href="/entities/gpe%3Ajapan"' in html  # co-occurring entity
    html = get(client, "/entities/org:kcna")
    assert "state news agency" in html  # titles
    html = get(client, "/articles/k1")
    assert '<mark class="evidence"' in html and re.search(r'<mark class="[^"]*trigger[^"]*"[^>]*>fired</mark>', html)
    assert 'href="https://harbor.example/k1"' in html
    assert '<a class="entity" href="/entities/gpe%3Anorth-korea">' in html  # entity mentions link to entities


def test_search_page(client: Any) -> None:
    html = get(client, "/search?q=ballistic")
    assert "Reports (2)" in html and "<mark>ballistic</mark>" in html
    assert "North Korea" in get(client, "/search?q=korea")  # entity hits
    assert "Search" in get(client, "/search")


def test_brief_page(client: Any) -> None:
    html = get(client, f"/stories/{STORY}/brief")
    assert "Situation report" in html and "data:image/png;base64," in html and "Gulf Courier" in html
    assert "<style>" not in html  # served pages link the stylesheet: CSP allows no inline styles


def test_not_found_is_an_html_page(client: Any) -> None:
    resp = client.get("/stories/nope", headers=HTML)
    assert resp.status_code == 404 and "<h1>404</h1>" in resp.text
    # curl and other clients without an Accept header get the page too; only one asking for JSON gets JSON.
    assert client.get("/stories/nope").headers["content-type"].startswith("text/html")
    asked = client.get("/stories/nope", headers={"Accept": "application/json"})
    assert asked.status_code == 404 and asked.json()["error"]["code"] == "not_found"


def test_static_assets_are_local(client: Any) -> None:
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/app.js").status_code == 200
    for page in ("/", f"/stories/{STORY}", "/docs"):
        html = get(client, page)
        assert not re.search(r'(src|href)="(https?:)?//', html), page  # nothing loads from another host


XSS_PAGES = ["/articles/x1", f"/stories/{STORY}", f"/events/{XSS_EVENT}", "/entities/gpe:north-korea",
             "/search?q=breaking", f"/stories/{STORY}/brief", "/"]


@pytest.mark.parametrize("path", XSS_PAGES)
def test_article_markup_is_shown_as_text(client: Any, path: str) -> None:
    html = get(client, path)
    assert "<script>alert" not in html and "<img src=x" not in html and "<img src=y" not in html
    assert "<i>Outlet" not in html and "<b>bold" not in html and "javascript:" not in html
    if path != "/":
        assert "&lt;script&gt;" in html or "&lt;img src=y" in html


def test_xss_article_page_shows_the_text(client: Any) -> None:
    html = get(client, "/articles/x1")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Evil &lt;i&gt;Outlet&lt;/i&gt;" in html


def test_highlight_helpers_never_add_markup() -> None:
    text = "a <b>x</b> c"
    pieces = segments(text, [(2, 10, "evidence", None), (5, 6, "trigger", "T")])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.classes) for p in pieces] == [
        ("a ", []), ("<b>", ["evidence"]), ("x", ["evidence", "trigger"]), ("</b>", ["evidence"]), (" c", []),
    ]
    assert trigger_parts("They fired.", 100, 105, 110, "fired") == ("They ", "fired", ".")
    assert trigger_parts("They fired.", 0, None, None, "FIRED") == ("They ", "fired", ".")
    assert trigger_parts("They fired.", 0, 500, 510, "") == ("They fired.", "", "")


def test_events_page_filters(client: Any) -> None:
    html = get(client, "/events")
    assert "5 found" in html and f'data-event-id="{UNFUSED_MENTION}"' in html  # lone mentions are events too
    html = get(client, "/events?type=&actor=korea&modality=&since=&min_sources=2")
    assert "1 found" in html and f'data-event-id="{LAUNCH_EVENT}"' in html
    html = get(client, "/events?modality=planned")
    assert "1 found" in html and "<option selected>planned</option>" in html
    resp = client.get("/events?since=tomorrow", headers=HTML)
    # The events page again, with the form as sent and what a date looks like.
    assert resp.status_code == 422 and "cannot be used" in resp.text and "YYYY-MM-DD" in resp.text
    assert 'value="tomorrow"' in resp.text
