"""Errors answered the way the asker reads them: HTML pages in the UI, the JSON error shape in the API.

Each case is a reproduction from the hostile-input run of issue 8 (FTS syntax, bad filters, unknown ids, huge
integers, impossible dates, blank text, a deeply nested body, story lists that grew with the store)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import wirewatch.serve.api as api_module
from tests.serve_fixtures import STORY, build_demo_store, make_client
from wirewatch.model import Article, Conflict, ConflictValue, Event, EventMention
from wirewatch.serve.api import create_app
from wirewatch.serve.queries import CONFLICT_FIELDS, Reader
from wirewatch.store.db import Store

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
FTS_SYNTAX = ['"', '"North Korea', "NEAR(", "*", "AND", "NOT", "(missile OR", "missile NOT", "OR OR"]
BIG = str(2**63)


@pytest.fixture
def client(tmp_path: Path) -> Any:
    db = tmp_path / "demo.db"
    build_demo_store(db).close()
    return make_client(create_app(str(db), token="t", extract=False, connectors=[]))


def html_error(resp: Any, status: int) -> str:
    assert resp.status_code == status, resp.text[:300]
    assert resp.headers["content-type"].startswith("text/html")
    text = str(resp.text)
    assert '<a class="brand" href="/">wirewatch</a>' in text  # the site's layout, not a bare message
    assert '"error"' not in text[:20]
    return text


def api_error(resp: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert resp.status_code == status, resp.text[:300]
    body = resp.json()["error"]
    assert set(body) >= {"code", "message", "status"} and body["status"] == status
    if code:
        assert body["code"] == code
    return dict(body)


# ------------------------------------------------------------------------------------------- web UI
@pytest.mark.parametrize("q", FTS_SYNTAX)
@pytest.mark.parametrize("headers", [BROWSER, {}], ids=["browser", "curl"])
def test_search_syntax_is_explained_in_a_page(client: Any, q: str, headers: dict[str, str]) -> None:
    page = html_error(client.get("/search", params={"q": q}, headers=headers), 400)
    assert "This search cannot be run" in page and "bad search syntax" in page


def test_search_syntax_page_offers_the_plain_words(client: Any) -> None:
    page = html_error(client.get("/search", params={"q": '"North Korea'}, headers=BROWSER), 400)
    assert "a quote is not closed" in page
    link = re.search(r'href="(/search\?q=[^"]+)"', page)
    assert link is not None and "North" in link.group(1)
    # ... and following it finds the reports.
    found = client.get(link.group(1).replace("&amp;", "&"), headers=BROWSER)
    assert found.status_code == 200 and "Reports (" in found.text
    page = html_error(client.get("/search", params={"q": "(missile OR"}, headers=BROWSER), 400)
    assert "missile or" in page  # operators lowered: the suggestion is plain words FTS5 accepts


def test_valid_fts_syntax_still_works(client: Any) -> None:
    for q in ('"ballistic missiles"', "missile OR drill", "ballis*", "NEAR(ballistic missiles)"):
        resp = client.get("/search", params={"q": q}, headers=BROWSER)
        assert resp.status_code == 200 and "Reports (" in resp.text, q


@pytest.mark.parametrize("query, needle", [
    ("since=March", "YYYY-MM-DD"), ("until=2024-13-01", "not a date"), ("type=FOO", "MOBILIZE"),
    ("modality=rumoured", "asserted"), ("min_sources=lots", "whole number"), (f"min_sources={BIG}", "whole number"),
])
def test_bad_event_filters_show_the_events_page_with_422(client: Any, query: str, needle: str) -> None:
    page = html_error(client.get(f"/events?{query}", headers=BROWSER), 422)
    assert "This filter cannot be used" in page and needle in page
    assert '<form class="filters"' in page  # the form is there to fix the value


def test_empty_min_sources_field_means_no_filter(client: Any) -> None:
    assert client.get("/events?min_sources=&type=", headers=BROWSER).status_code == 200


@pytest.mark.parametrize("path", ["/stories/nope", "/events/nope", "/articles/nope", "/entities/gpe:atlantis",
                                  "/stories/nope/brief", "/no-such-page"])
def test_unknown_ids_are_html_404s(client: Any, path: str) -> None:
    page = html_error(client.get(path, headers=BROWSER), 404)
    assert "Not found" in page


@pytest.mark.parametrize("path", ["/?offset=" + BIG, "/events?offset=" + BIG, "/search?q=x&offset=" + BIG,
                                  "/?offset=-1", "/entities?offset=" + BIG])
def test_out_of_range_integers_are_html_422s(client: Any, path: str) -> None:
    html_error(client.get(path, headers=BROWSER), 422)


def test_entities_index_is_a_page(client: Any) -> None:
    for path in ("/entities", "/entities/", "/entities?q=korea", "/entities?kind=ORG"):
        resp = client.get(path, headers=BROWSER)
        assert resp.status_code == 200, path
    assert "North Korea" in client.get("/entities/?q=korea").text
    assert "KCNA" in client.get("/entities?kind=ORG").text and "Japan" not in client.get("/entities?kind=ORG").text


def test_a_crash_in_a_page_is_an_html_500(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "demo.db"
    build_demo_store(db).close()
    from fastapi.testclient import TestClient

    client = TestClient(create_app(str(db), token="t", extract=False, connectors=[]),
                        raise_server_exceptions=False)

    def boom(*a: Any, **k: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(Reader, "story", boom)
    page = html_error(client.get(f"/stories/{STORY}", headers=BROWSER), 500)
    assert "boom" not in page  # no internals shown
    api_error(client.get(f"/api/stories/{STORY}"), 500, "internal_error")


# ------------------------------------------------------------------------------------------- JSON API
@pytest.mark.parametrize("q", FTS_SYNTAX)
def test_api_search_syntax_is_a_400(client: Any, q: str) -> None:
    err = api_error(client.get("/api/articles", params={"q": q}), 400, "bad_query")
    assert "bad search syntax" in err["message"]


@pytest.mark.parametrize("params", [{"offset": BIG}, {"min_sources": BIG}, {"limit": BIG},
                                    {"offset": str(2**70)}])
def test_api_huge_integers_are_422(client: Any, params: dict[str, str]) -> None:
    for path in ("/api/events", "/api/articles", "/api/stories", "/api/entities", "/api/conflicts"):
        if "min_sources" in params and path != "/api/events":
            continue
        api_error(client.get(path, params=params), 422, "validation_error")


def test_api_filters_checked_like_the_cli(client: Any) -> None:
    assert "MOBILIZE" in api_error(client.get("/api/events", params={"type": "FOO"}), 422)["message"]
    assert client.get("/api/events", params={"type": "mobilize"}).json()["total"] == 2  # case does not matter
    err = api_error(client.get("/api/conflicts", params={"field": "banana"}), 422, "validation_error")
    assert all(f in err["message"] for f in CONFLICT_FIELDS)
    assert client.get("/api/conflicts", params={"field": "quantity"}).json()["total"] == 1


def post(client: Any, body: Any) -> Any:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.post("/api/articles", content=data,
                       headers={"Authorization": "Bearer t", "Content-Type": "application/json"})


@pytest.mark.parametrize("published", ["2025-13-45", "2025-02-30", "2025-00-10", "2025-02-03T25:00",
                                       "2025-02-03T"])
def test_api_rejects_impossible_dates(client: Any, published: str) -> None:
    err = api_error(post(client, {"id": "d1", "text": "Troops moved north.", "published": published}), 422)
    assert "published" in err["message"]
    assert client.get("/api/articles/d1").status_code == 404  # nothing stored


def test_api_accepts_real_dates_and_times(client: Any) -> None:
    for i, published in enumerate(["2024-02-29", "2025-02-03T10:00:00Z", "2025-02-03 10:00", "2025-02-03T10:00+02:00"]):
        assert post(client, {"id": f"ok{i}", "text": "Troops moved north.", "published": published}).status_code == 201


@pytest.mark.parametrize("text", [" ", "   \n\t  ", "\u200b\u200b", "\ufeff \u2060"])
def test_api_rejects_blank_text(client: Any, text: str) -> None:
    err = api_error(post(client, {"id": "b1", "text": text}), 422, "validation_error")
    assert "blank" in err["message"]


@pytest.mark.parametrize("body", [b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
                                  b'[{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}]"])
def test_api_deeply_nested_body_is_a_400(client: Any, body: bytes) -> None:
    err = api_error(post(client, body), 400, "invalid_json")
    assert "nested too deeply" in err["message"]


# ------------------------------------------------------------------------------------------- story lists
def _stories_store(path: Path, n: int) -> None:
    """n stories of one article each, every story with one fused event, one unfused mention and a conflict."""
    store = Store(path)
    with store.transaction():
        for i in range(n):
            a = Article(id=f"a{i}", text=f"Troops moved north near town {i}. Officials met.", title=f"Story {i}",
                        outlet=f"Outlet {i % 3}", published=f"2025-01-{i % 28 + 1:02d}", story_id=f"s{i:04d}",
                        content_hash=f"h{i}")
            store.insert_article(a)
            a.events = [EventMention(article_id=a.id, event_type="MOBILIZE", sentence="Troops moved north.",
                                     start=0, end=19, date=a.published),
                        EventMention(article_id=a.id, event_type="MEET", sentence="Officials met.", start=33, end=47)]
            store.save_extraction(a)
            store.save_event(Event(id=f"e{i}", event_type="MOBILIZE", mentions=[a.events[0]], story_id=a.story_id,
                                   date=a.published))
            store.save_conflict(Conflict(id=f"c{i}", field="date", event_ids=[f"e{i}"],
                                         values=[ConflictValue("x", a.id, "Troops moved north.")]))
    store.close()


def _statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every SQL statement the API's readers run from now on."""
    seen: list[str] = []

    class Traced(Reader):
        def __init__(self, store: Store) -> None:
            super().__init__(store)
            store.conn.set_trace_callback(seen.append)

    monkeypatch.setattr(api_module, "Reader", Traced)
    return seen


@pytest.mark.parametrize("path", ["/", "/api/stories?limit=20"])
def test_story_lists_do_the_same_work_for_60_or_240_stories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            path: str) -> None:
    seen = _statements(monkeypatch)
    work = {}
    for n in (60, 240):
        db = tmp_path / f"s{n}.db"
        _stories_store(db, n)
        client = make_client(create_app(str(db), token="t", extract=False, connectors=[]))
        seen.clear()
        resp = client.get(path, headers=BROWSER)
        assert resp.status_code == 200
        work[n] = len(seen)
    # Before: one event count and one scan of all conflicts per story (~4 statements a story).
    assert work[60] == work[240], work
    assert work[240] < 20


def test_story_page_counts_are_right(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _stories_store(db, 30)
    client = make_client(create_app(str(db), token="t", extract=False, connectors=[]))
    page = client.get("/api/stories", params={"limit": 10, "offset": 25}).json()
    assert page["total"] == 30 and len(page["items"]) == 5
    s = page["items"][0]
    # One fused event plus one mention no event holds yet; the conflict on the fused event.
    assert (s["articles"], s["sources"], s["events"], s["conflicts"]) == (1, 1, 2, 1)
    assert s["label"].startswith("Story ") and len(s["article_ids"]) == 1


def test_home_page_pages_the_stories(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _stories_store(db, 60)
    client = make_client(create_app(str(db), token="t", extract=False, connectors=[]))
    first = client.get("/", headers=BROWSER).text
    assert first.count('class="story-row"') == 50 and 'href="/?offset=50"' in first and "newer stories" not in first
    rest = client.get("/?offset=50", headers=BROWSER).text
    assert rest.count('class="story-row"') == 10 and 'href="/?offset=0"' in rest and "older stories" not in rest
    ids = re.findall(r'href="/stories/(s\d+)"', first + rest)
    assert len(set(ids)) == 60  # every story once


def test_conflict_fields_match_what_connect_writes() -> None:
    connect = Path(__file__).resolve().parents[1] / "wirewatch" / "connect"
    src = "".join(p.read_text() for p in sorted(connect.glob("*.py")))  # conflicts.py and its split-out rules
    written = set(re.findall(r'field="(\w+)"', src)) | set(re.findall(r'_disagreement\(\s*ev, "(\w+)"', src))
    assert written and written <= set(CONFLICT_FIELDS), written
