"""The analyst API and pages without a browser: map points, entity index counts, conflict filters, CSV
(formula cells quoted), hide-background, source health page, OpenAPI entries, serve --follow's thread."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path
from typing import Any

import pytest

from tests.live_server import LiveServer
from tests.serve_fixtures import actor, build_demo_store, make_client, mention
from wirewatch.live.fetch import FetchSettings
from wirewatch.live.service import BackgroundFollower
from wirewatch.model import Article
from wirewatch.serve.api import create_app
from wirewatch.store import sources as db
from wirewatch.store.db import Store

RECAP = ("=HYPERLINK(\"http://evil\") Brazil and Argentina had met in Rosario in 2019 to discuss tariffs. "
         "Officials recalled the earlier talks.")


def recap_article() -> Article:
    a = Article(id="h1", text=RECAP, title="Background", outlet="=cmd|' /C calc'!A0", published="2024-03-30")
    a.events = [mention(a, 0, "CONSULT", "had met", "met", actor=[actor("bra"), actor("arg")], date="2019",
                        modality="historical")]
    return a


@pytest.fixture
def client(tmp_path: Path) -> Any:
    path = tmp_path / "w.db"
    with build_demo_store(path, extra=[recap_article()]) as s:
        db.add_source(s, "http://127.0.0.1:9/feed.rss", name="dead", every_s=60)
        db.record_failure(s, db.get_source(s, "dead").id, "http://127.0.0.1:9/feed.rss: ConnectError: refused")
    return make_client(create_app(str(path), token="t", extract=False))


def test_map_points_have_coordinates(client: Any) -> None:
    items = client.get("/api/map").json()["items"]
    assert [(p["place"], p["lat"], p["lon"]) for p in items] == [("Montevideo", -34.9, -56.2)]
    assert client.get("/api/map?type=MOBILIZE").json()["items"] == []
    html = client.get("/map", headers={"accept": "text/html"}).text
    assert 'class="map-point"' in html and "without coordinates" in html


def test_entity_index_counts_and_search(client: Any) -> None:
    items = client.get("/api/entity-index").json()["items"]
    by_name = {e["name"]: e for e in items}
    assert by_name["Japan"]["articles"] == 3 and by_name["North Korea"]["events"] == 2
    assert items[0]["name"] == "Japan"  # most reported first
    (found,) = client.get("/api/entity-index?q=dprk").json()["items"]
    assert found["name"] == "North Korea"
    assert client.get("/entities/", headers={"accept": "text/html"}).status_code == 200
    assert client.get("/entities/gpe:japan", headers={"accept": "text/html"}).status_code == 200  # still an entity


def test_hide_background_and_csv(client: Any) -> None:
    all_rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv").text)))
    shown = list(csv.DictReader(io.StringIO(client.get("/api/events.csv?hide_background=true").text)))
    assert {r["modality"] for r in all_rows} >= {"historical"} and "historical" not in {r["modality"] for r in shown}
    assert len(shown) == len(all_rows) - 1
    recap = next(r for r in all_rows if r["modality"] == "historical")
    assert recap["evidence"].startswith("'=HYPERLINK") and recap["outlets"].startswith("'=cmd")  # no formulas
    resp = client.get("/api/events.csv?story=story-launch")
    assert resp.headers["content-type"].startswith("text/csv") and "attachment" in resp.headers["content-disposition"]
    assert len(list(csv.DictReader(io.StringIO(resp.text)))) == 3
    page = client.get("/events?hide_background=true", headers={"accept": "text/html"}).text
    assert "Rosario" not in page and "hide_background=true" in page  # the CSV link keeps the filter


def test_conflict_filters(client: Any) -> None:
    page = client.get("/conflicts?outlet=capitol", headers={"accept": "text/html"}).text
    assert page.count('class="conflict-item"') == 1 and "KCNA denies" in page
    rows = list(csv.DictReader(io.StringIO(client.get("/api/conflicts.csv?q=how+many").text)))
    assert {r["id"] for r in rows} == {"c-quantity"}


def test_sources_page_and_api_show_health(client: Any) -> None:
    (src,) = client.get("/api/sources").json()["items"]
    assert src["status"] == "failing" and "ConnectError" in src["last_error"]
    page = client.get("/sources", headers={"accept": "text/html"}).text
    assert "failing" in page and "ConnectError" in page


def test_openapi_lists_the_new_endpoints(client: Any) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/sources", "/api/watch", "/api/alerts", "/api/map", "/api/entity-index", "/api/events.csv",
              "/api/conflicts.csv", "/feeds/watch/{name}.atom"):
        assert "get" in paths[p], p
    assert "/map" not in paths and "/entities/" not in paths


def test_background_follower_polls_and_stops(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    with LiveServer() as site:
        with Store(path) as s:
            db.add_source(s, site.base + "/feeds/ledger.atom", name="ledger", every_s=3600)
        follower = BackgroundFollower(str(path), extract=False, tick_s=0.2,
                                      settings=FetchSettings(host_delay_s=0, backoff_s=0.01)).start()
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                with Store(path, readonly=True) as s:
                    if db.get_source(s, "ledger").items_total == 2:
                        break
                time.sleep(0.2)
        finally:
            follower.stop()
        assert not follower.alive
        with Store(path, readonly=True) as s:
            assert s.count("articles") == 2
        assert site.site.paths().count("/feeds/ledger.atom") == 1  # not due again for an hour


def test_map_tiles_are_optional_and_configurable(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = client.get("/map", headers={"accept": "text/html"})
    assert "<image" not in plain.text and 'class="land"' in plain.text
    assert "img-src 'self' data:;" in plain.headers["content-security-policy"]
    monkeypatch.setenv("WIREWATCH_MAP_TILES", "https://tiles.example.org/{z}/{x}/{y}.png")
    monkeypatch.setenv("WIREWATCH_MAP_ATTRIBUTION", "© Example contributors")
    tiled = client.get("/map", headers={"accept": "text/html"})
    assert tiled.text.count('class="tile"') == 16 and "tiles.example.org/2/3/1.png" in tiled.text
    assert "img-src 'self' data: https://tiles.example.org;" in tiled.headers["content-security-policy"]
    assert "© Example contributors" in tiled.text and 'class="land"' not in tiled.text
    monkeypatch.setenv("WIREWATCH_MAP_TILES", "javascript:alert(1)")  # unusable: the outline again
    assert 'class="tile"' not in client.get("/map", headers={"accept": "text/html"}).text
