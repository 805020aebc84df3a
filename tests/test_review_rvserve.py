"""Review of bad input against the web UI and REST API (session 7, h/rvserve): one test per defect found.

Each was a reproduction: an integer past SQLite's 64 bits reached the query (OverflowError, a raw 500), and
HEAD, which every HTTP client may send in place of GET, was refused with 405 on every page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.serve_fixtures import STORY, build_demo_store, make_client
from wirewatch.serve.api import create_app

BIG = str(2**63)  # one past SQLite's largest INTEGER
BROWSER = {"Accept": "text/html"}


@pytest.fixture
def client(tmp_path: Path) -> Any:
    db = tmp_path / "demo.db"
    build_demo_store(db).close()
    return make_client(create_app(str(db), token="t", extract=False, connectors=[]))


@pytest.mark.parametrize(
    ("path", "param"),
    [("/api/entity-index", "offset"), ("/api/alerts", "offset"), ("/api/events.csv", "min_sources")],
)  # fmt: skip
def test_integer_past_64_bits_is_a_422_not_a_500(client: Any, path: str, param: str) -> None:
    resp = client.get(path, params={param: BIG})
    assert resp.status_code == 422, resp.text[:300]
    assert resp.json()["error"]["status"] == 422


@pytest.mark.parametrize("path", ["/", "/events", "/search?q=missile", f"/stories/{STORY}", "/entities", "/docs",
                                  "/api/events", "/api/stories", "/healthz"])
def test_head_answers_like_get_without_a_body(client: Any, path: str) -> None:
    got = client.get(path, headers=BROWSER)
    head = client.head(path, headers=BROWSER)
    assert head.status_code == got.status_code == 200
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.content == b""


def test_head_of_an_unknown_id_is_404_like_get(client: Any) -> None:
    assert client.head("/events/no-such-event", headers=BROWSER).status_code == 404
    assert client.head("/api/events/no-such-event").status_code == 404
