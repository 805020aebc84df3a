"""REST API: every endpoint, filters, pagination, the error shape, auth, limits, OpenAPI, WAL safety."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from tests.serve_fixtures import (
    LAUNCH_EVENT,
    STORY,
    UNFUSED_MENTION,
    XSS_EVENT,
    XSS_TEXT,
    build_demo_store,
    make_client,
    xss_article,
)
from wirewatch.model import Article
from wirewatch.serve.api import create_app, resolve_token
from wirewatch.store.db import Store

TOKEN = "write-secret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "demo.db"
    build_demo_store(path, extra=[xss_article()]).close()
    return str(path)


@pytest.fixture
def client(db: str) -> Any:
    return make_client(create_app(db, token=TOKEN, extract=False, connectors=[]))


def ids(resp: Any) -> list[str]:
    assert resp.status_code == 200, resp.text
    return [item["id"] for item in resp.json()["items"]]


def assert_error(resp: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert err["status"] == status and err["message"] and err["code"]
    if code:
        assert err["code"] == code
    return err


# ---------------------------------------------------------------------------------------------- reads
@pytest.mark.parametrize("path", ["/api/articles", "/api/events", "/api/entities", "/api/stories",
                                  "/api/conflicts", "/api/timeline"])
def test_lists_have_one_shape(client: Any, path: str) -> None:
    body = client.get(path, params={"limit": 2}).json()
    assert set(body) == {"items", "total", "limit", "offset"}
    assert body["limit"] == 2 and body["offset"] == 0 and len(body["items"]) <= 2 <= body["total"]


def test_articles_list_search_and_get(client: Any) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == 5 and "text" not in body["items"][0]
    hits = client.get("/api/articles", params={"q": "ballistic missiles"}).json()
    assert hits["total"] == 2 and {h["id"] for h in hits["items"]} == {"k1", "k2"}
    a = client.get("/api/articles/k1").json()
    assert a["outlet"] == "Harbor Wire" and a["text"].startswith("North Korea fired")
    assert {m["text"] for m in a["entity_mentions"]} >= {"North Korea", "Japan"}
    assert [m["event_type"] for m in a["event_mentions"]] == ["MOBILIZE", "ACCUSE"]
    assert a["event_mentions"][0]["event_id"] == LAUNCH_EVENT
    assert_error(client.get("/api/articles/nope"), 404, "not_found")


def test_events_include_fused_and_unfused(client: Any) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == 5
    by_id = {e["id"]: e for e in body["items"]}
    launch = by_id[LAUNCH_EVENT]
    assert launch["sources"] == 3 and len(launch["mentions"]) == 3 and launch["story_id"] == STORY
    assert {m["outlet"] for m in launch["mentions"]} == {"Harbor Wire", "Gulf Courier", "Capitol Dispatch"}
    assert [a["name"] for a in launch["actor"]] == ["North Korea"] and launch["recipient"][0]["country"] == "JPN"
    # A mention no fusion step has grouped yet still shows, as a one-mention event in its article's story.
    assert by_id[UNFUSED_MENTION]["story_id"] == "story-trade" and by_id[UNFUSED_MENTION]["sources"] == 1
    dates = [e["date"] for e in body["items"]]
    assert dates == sorted(dates)


@pytest.mark.parametrize(("params", "expected"), [
    ({"type": "ACCUSE"}, {"ev-condemn"}),
    ({"type": "consult"}, {UNFUSED_MENTION}),
    ({"actor": "korea"}, {LAUNCH_EVENT, "ev-drill", XSS_EVENT}),
    ({"actor": "gpe:japan"}, {"ev-condemn"}),
    ({"recipient": "Japan"}, {LAUNCH_EVENT}),
    ({"country": "ury"}, {UNFUSED_MENTION}),
    ({"country": "PRK"}, {LAUNCH_EVENT, "ev-condemn", XSS_EVENT}),
    ({"modality": "planned"}, {"ev-drill"}),
    ({"since": "2024-03-13"}, {"ev-drill", UNFUSED_MENTION, XSS_EVENT}),
    ({"until": "2024-03-12"}, {LAUNCH_EVENT, "ev-condemn"}),
    ({"since": "2024-03", "until": "2024-03-19"}, {LAUNCH_EVENT, "ev-condemn", "ev-drill", XSS_EVENT}),
    ({"story": "story-trade"}, {UNFUSED_MENTION}),
    ({"min_sources": 2}, {LAUNCH_EVENT}),
    ({"story": STORY, "min_sources": 1, "type": "MOBILIZE"}, {LAUNCH_EVENT, "ev-drill"}),
])
def test_event_filters(client: Any, params: dict[str, Any], expected: set[str]) -> None:
    resp = client.get("/api/events", params=params)
    assert set(ids(resp)) == expected
    assert resp.json()["total"] == len(expected)


def test_event_pagination_and_limits(client: Any) -> None:
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    last = client.get("/api/events", params={"limit": 2, "offset": 4}).json()
    seen = [e["id"] for page in (first, second, last) for e in page["items"]]
    assert len(seen) == len(set(seen)) == 5 and first["total"] == second["total"] == 5
    assert_error(client.get("/api/events", params={"limit": 1000}), 422, "validation_error")
    assert_error(client.get("/api/events", params={"offset": -1}), 422)
    assert_error(client.get("/api/events", params={"modality": "rumoured"}), 422)
    err = assert_error(client.get("/api/events", params={"since": "last week"}), 422)
    assert "since" in err["message"]


def test_event_detail(client: Any) -> None:
    ev = client.get(f"/api/events/{LAUNCH_EVENT}").json()
    assert ev["id"] == LAUNCH_EVENT and {c["id"] for c in ev["conflicts"]} == {"c-quantity", "c-occurrence"}
    # Mention ids contain '#': URL-encoded they still reach the right event.
    assert client.get(f"/api/events/{UNFUSED_MENTION}").json()["event_type"] == "CONSULT"
    assert_error(client.get("/api/events/nope"), 404, "not_found")


def test_entities(client: Any) -> None:
    assert set(ids(client.get("/api/entities", params={"q": "korea"}))) == {"gpe:north-korea", "gpe:south-korea"}
    assert ids(client.get("/api/entities", params={"q": "dprk"})) == ["gpe:north-korea"]  # by alias
    assert ids(client.get("/api/entities", params={"kind": "org"})) == ["org:kcna"]
    page = client.get("/api/entities", params={"limit": 3, "offset": 3}).json()
    assert page["total"] == 7 and len(page["items"]) == 3
    e = client.get("/api/entities/gpe:north-korea").json()
    assert e["country"] == "PRK" and "Pyongyang" in e["aliases"]
    assert {ev["id"] for ev in e["events_as_actor"]} == {LAUNCH_EVENT, XSS_EVENT}
    assert [ev["id"] for ev in e["events_as_recipient"]] == ["ev-condemn"]
    assert "gpe:japan" in {c["id"] for c in e["co_occurring"]}
    assert_error(client.get("/api/entities/gpe:atlantis"), 404)


def test_stories(client: Any) -> None:
    stories = {s["id"]: s for s in client.get("/api/stories").json()["items"]}
    s = stories[STORY]
    assert s["sources"] == 4 and s["conflicts"] == 2 and s["events"] == 4 and "Harbor Wire" in s["outlets"]
    assert stories["story-trade"]["conflicts"] == 0
    detail = client.get(f"/api/stories/{STORY}").json()
    assert {e["id"] for e in detail["events"]} == {LAUNCH_EVENT, "ev-condemn", "ev-drill", XSS_EVENT}
    assert len(detail["conflicts"]) == 2
    assert_error(client.get("/api/stories/nope"), 404)


def test_conflicts(client: Any) -> None:
    assert ids(client.get("/api/conflicts")) == ["c-occurrence", "c-quantity"]
    assert ids(client.get("/api/conflicts", params={"story": "story-trade"})) == []
    q = client.get("/api/conflicts", params={"field": "quantity"}).json()["items"]
    assert [(v["value"], v["outlet"]) for v in q[0]["values"]] == [(2, "Harbor Wire"), (3, "Gulf Courier")]


def test_timeline(client: Any) -> None:
    items = client.get("/api/timeline", params={"story": STORY}).json()["items"]
    assert [i["date"] for i in items] == sorted(i["date"] for i in items) and len(items) == 4
    # Labels read as a line of news built from the evidence (serve/summary.py).
    launch = "North Korea fired two short-range ballistic missiles toward the Sea of Japan"
    assert any(i["label"] == launch for i in items)
    assert ids(client.get("/api/timeline", params={"entity": "gpe:brazil"})) == [UNFUSED_MENTION]
    assert_error(client.get("/api/timeline", params={"entity": "nobody"}), 404)
    assert_error(client.get("/api/timeline", params={"story": "nope"}), 404)


def test_unknown_route_and_method_use_error_shape(client: Any) -> None:
    assert_error(client.get("/api/nothing"), 404, "not_found")
    # The API's own root, as the README and `serve --help` name it, is part of the API: JSON, not a page.
    assert_error(client.get("/api", headers={"accept": "*/*"}), 404, "not_found")
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")


def test_article_markup_is_returned_verbatim(client: Any) -> None:
    a = client.get("/api/articles/x1").json()
    assert a["text"] == XSS_TEXT
    ev = client.get(f"/api/events/{XSS_EVENT}").json()
    assert ev["mentions"][0]["sentence"] == XSS_TEXT and ev["mentions"][0]["trigger"] == "<script>"
    assert client.get("/api/articles/x1").headers["content-type"].startswith("application/json")


def test_security_headers(client: Any) -> None:
    h = client.get("/api/events").headers
    assert "default-src 'self'" in h["content-security-policy"] and h["x-content-type-options"] == "nosniff"


def test_healthz(client: Any) -> None:
    assert client.get("/healthz").json()["status"] == "ok"


# ---------------------------------------------------------------------------------------------- writes
def test_post_requires_token(client: Any) -> None:
    art = {"id": "new-1", "text": "Chile and Peru signed a fisheries accord in Lima on Monday."}
    err = assert_error(client.post("/api/articles", json=art), 401, "unauthorized")
    assert "Bearer" in err["message"]
    assert_error(client.post("/api/articles", json=art, headers={"Authorization": "Bearer wrong"}), 401)
    assert_error(client.post("/api/articles", json=art, headers={"Authorization": f"Basic {TOKEN}"}), 401)
    assert client.get("/api/articles/new-1").status_code == 404


def test_post_ingests_one_or_many(client: Any) -> None:
    one = {"id": "new-1", "text": "Chile and Peru signed a fisheries accord in Lima on Monday.", "outlet": "Andes Post",
           "published": "2024-04-01", "title": "Fisheries accord", "url": "https://andes.example/1"}
    resp = client.post("/api/articles", json=one, headers=AUTH)
    assert resp.status_code == 201, resp.text
    assert resp.json()["stored"] == 1 and resp.json()["article_ids"] == ["new-1"]
    got = client.get("/api/articles/new-1").json()
    assert got["outlet"] == "Andes Post" and got["published"] == "2024-04-01"
    many = [{"text": "Floods closed the port of Valparaiso for two days."},
            {"text": "Peru's congress voted to extend the state of emergency."}]
    resp = client.post("/api/articles", json=many, headers=AUTH)
    assert resp.status_code == 201 and resp.json()["stored"] == 2
    assert all(i.startswith("api-") for i in resp.json()["article_ids"])
    again = client.post("/api/articles", json=many, headers=AUTH).json()
    assert again["unchanged"] == 2 and again["stored"] == 0
    # The same id with new text updates the article.
    changed = client.post("/api/articles", json={**one, "text": "Chile and Peru signed it on Tuesday."}, headers=AUTH)
    assert changed.json()["updated"] == 1
    assert client.get("/api/articles/new-1").json()["text"] == "Chile and Peru signed it on Tuesday."


@pytest.mark.parametrize(("body", "status", "code"), [
    ([{"text": f"report {i}"} for i in range(4)], 413, "too_many_articles"),
    ({"text": "x" * 101}, 422, "text_too_long"),
    ([], 422, "validation_error"),
    ({"text": ""}, 422, "validation_error"),
    ({"text": "ok", "published": "yesterday"}, 422, "validation_error"),
    ({"text": "ok", "colour": "red"}, 422, "validation_error"),
    ("just a string", 422, "validation_error"),
])
def test_post_limits(db: str, body: Any, status: int, code: str) -> None:
    client = make_client(create_app(db, token=TOKEN, extract=False, connectors=[], max_articles=3, max_text=100))
    assert_error(client.post("/api/articles", json=body, headers=AUTH), status, code)


def test_post_body_limits(db: str) -> None:
    client = make_client(create_app(db, token=TOKEN, extract=False, connectors=[], max_body=1000))
    assert_error(client.post("/api/articles", json={"text": "y" * 2000}, headers=AUTH), 413, "payload_too_large")
    assert_error(client.post("/api/articles", content=b"{not json", headers=AUTH), 400, "invalid_json")


def test_read_lock(db: str) -> None:
    client = make_client(create_app(db, token=TOKEN, read_token="reader", extract=False, connectors=[]))
    assert_error(client.get("/api/events"), 401)
    assert client.get("/api/events", headers={"Authorization": "Bearer reader"}).status_code == 200
    assert client.get("/api/events", headers=AUTH).status_code == 200  # the write token reads too
    page = client.get("/", headers={"Accept": "text/html"})
    assert page.status_code == 401 and page.headers["www-authenticate"].startswith("Basic")
    assert client.get("/", auth=("analyst", "reader")).status_code == 200  # browsers: Basic, token as password
    assert client.get("/healthz").status_code == 200
    # The read token does not allow writes.
    assert_error(client.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer reader"}), 401)


def test_token_file_created_once_with_mode_0600(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIREWATCH_TOKEN", raising=False)
    db = tmp_path / "w.db"
    token, created = resolve_token(db)
    path = tmp_path / "w.db.token"
    assert created and path.read_text().strip() == token and len(token) >= 32
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert resolve_token(db) == (token, False)
    monkeypatch.setenv("WIREWATCH_TOKEN", "from-env")
    assert resolve_token(db) == ("from-env", False)
    client = make_client(create_app(str(db), extract=False, connectors=[]))
    resp = client.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer from-env"})
    assert resp.status_code == 201


# ---------------------------------------------------------------------------------------------- schema, safety
def test_openapi_schema(client: Any) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/events/{event_id}",
                 "/api/entities", "/api/entities/{entity_id}", "/api/stories", "/api/stories/{story_id}",
                 "/api/conflicts", "/api/timeline"):
        assert "get" in schema["paths"][path], path
    assert "post" in schema["paths"]["/api/articles"]
    assert not any(p.startswith(("/stories", "/search", "/static")) for p in schema["paths"])  # UI not in the API
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            for status, resp in op["responses"].items():
                # CSV downloads and Atom feeds say what they are; everything else is JSON.
                want = {"text/csv"} if path.endswith(".csv") and status == "200" else (
                    {"application/atom+xml"} if path.endswith(".atom") and status == "200" else {"application/json"})
                assert set(resp.get("content", {"application/json": {}})) == want, (path, method, status)
    refs: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            refs.extend(v for k, v in node.items() if k == "$ref")
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)
    assert "#/components/schemas/ArticleIn" in refs
    for ref in refs:
        assert ref.split("/")[-1] in schema["components"]["schemas"], ref
    validator = pytest.importorskip("openapi_spec_validator")
    validator.validate(schema)


def test_docs_page_works_offline(client: Any) -> None:
    html = client.get("/docs").text
    assert "/api/events" in html and "min_sources" in html
    assert "cdn" not in html.lower() and "https://" not in html


def test_reads_while_a_writer_holds_a_transaction(db: str, client: Any) -> None:
    """WAL: the server keeps answering (from the last committed state) while an ingest is mid-transaction."""
    writer = Store(db)
    try:
        with writer.transaction():
            writer.insert_article(Article(id="late", text="A late report.", content_hash="late"))
            assert client.get("/api/articles").json()["total"] == 5
        assert client.get("/api/articles").json()["total"] == 6
    finally:
        writer.close()


def test_cli_serve(db: str, tmp_path: Path) -> None:
    """`wirewatch serve` creates and prints the write token once, then serves the API."""
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    cmd = [sys.executable, "-m", "wirewatch.cli", "--db", db, "serve", "--port", str(port), "--no-extract"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                resp = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
                time.sleep(0.1)
        assert resp.json()["status"] == "ok"
        token = Path(db + ".token").read_text().strip()
        post = httpx.post(f"http://127.0.0.1:{port}/api/articles", json={"text": "A report."},
                          headers={"Authorization": f"Bearer {token}"}, timeout=10)
        assert post.status_code == 201, post.text
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=10)
    assert f"write token (saved to {db}.token, mode 0600): {token}" in stderr


def test_event_participants_are_always_lists(client: Any) -> None:
    body = client.get("/api/events", params={"limit": 200}).json()
    assert body["items"] and all(isinstance(e["actor"], list) and isinstance(e["recipient"], list)
                                 for e in body["items"])
    assert any(e["recipient"] == [] for e in body["items"])  # none named: an empty list, never null
    one = client.get(f"/api/events/{LAUNCH_EVENT}").json()
    assert one["actor"][0]["name"] == "North Korea" and "conflicts" in one and one["mentions"][0]["outlet"]
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert schemas["EventOut"]["properties"]["actor"]["type"] == "array"
    assert schemas["EventOut"]["properties"]["recipient"]["items"] == {"$ref": "#/components/schemas/Participant"}
