"""Following live sources against a local HTTP server on 127.0.0.1 (no network): feeds, sitemaps, conditional
requests, failing feeds, robots.txt, politeness, size and redirect limits, and a poll killed half-way."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.live_server import ARTICLES, PRIVATE, LiveServer
from wirewatch.cli import app
from wirewatch.live.fetch import Fetcher, FetchError, FetchSettings
from wirewatch.store.db import Store

runner = CliRunner()
FAST = ["--host-delay", "0", "--backoff", "0.01", "--timeout", "2", "--retries", "1"]


@pytest.fixture
def site() -> Iterator[LiveServer]:
    with LiveServer() as srv:
        yield srv


def cli(db: Path, *args: str) -> tuple[int, str]:
    res = runner.invoke(app, ["--db", str(db), *args])
    return res.exit_code, res.output


def follow_once(db: Path, *extra: str) -> tuple[int, str]:
    return cli(db, "follow", "--once", "--no-extract", *FAST, *extra)


def article_urls(db: Path) -> list[str]:
    with Store(db) as s:
        return sorted(r[0] for r in s.conn.execute("SELECT url FROM articles"))


def sources(db: Path) -> dict[str, dict]:
    code, output = cli(db, "sources", "list", "--json")
    assert code == 0, output
    return {d["name"]: d for d in map(json.loads, output.splitlines())}


def test_follow_stores_every_article_once_then_polls_conditionally(site: LiveServer, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    assert cli(db, "sources", "add", site.base + "/feeds/ledger.atom", "--name", "ledger")[0] == 0
    assert cli(db, "sources", "add", site.base + "/feeds/courier.rss", "--name", "courier", "--every", "1h")[0] == 0
    code, output = follow_once(db)
    assert code == 0, output
    urls = article_urls(db)
    # Two Atom entries, two RSS items, and the robots.txt-disallowed item from the feed's own text.
    assert urls == sorted([site.base + p for p in ARTICLES] + [site.base + PRIVATE])
    with Store(db) as s:
        rows = {r["url"]: r for r in s.conn.execute("SELECT * FROM articles")}
    port = rows[site.base + "/news/port-strike.html"]
    assert port["title"] == "Dockworkers strike at Marlow port" and port["outlet"] == "Riverside Ledger"
    assert "Harbour Workers Union" in port["text"] and "Copyright" not in port["text"]  # the page, not the feed
    assert json.loads(rows[site.base + PRIVATE]["meta"])["page_error"] == "disallowed by robots.txt"
    assert PRIVATE not in site.site.paths()  # robots.txt is obeyed
    health = sources(db)
    assert health["ledger"]["kind"] == "atom" and health["courier"]["kind"] == "rss"
    courier = health["courier"]
    assert (courier["items_seen"], courier["items_new"], courier["status"]) == (3, 3, "ok")

    before = len(site.site.requests)
    code, output = follow_once(db)
    assert code == 0 and output.count("not modified") == 2, output
    feeds = [h for p, h in site.site.requests[before:] if p.startswith("/feeds/")]
    assert len(feeds) == 2 and all("if-none-match" in h and "if-modified-since" in h for h in feeds)
    assert not [p for p, _ in site.site.requests[before:] if p.startswith(("/news/", "/world/"))]  # no page again
    assert article_urls(db) == urls
    assert sources(db)["ledger"]["items_new"] == 0 and sources(db)["ledger"]["last_success_at"]


def test_failing_and_hanging_feeds_are_unhealthy_the_other_still_works(site: LiveServer, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    site.site.status["/feeds/broken.rss"] = 500
    site.site.slow["/feeds/slow.rss"] = 5
    for name in ("ledger", "broken", "slow"):
        path = "/feeds/ledger.atom" if name == "ledger" else f"/feeds/{name}.rss"
        assert cli(db, "sources", "add", site.base + path, "--name", name)[0] == 0
    code, output = cli(db, "follow", "--once", "--no-extract", "--host-delay", "0", "--backoff", "0.01",
                       "--timeout", "0.5", "--retries", "1")
    assert code == 1, output  # some source failed
    health = sources(db)
    assert health["broken"]["status"] == "failing" and "HTTP 500" in health["broken"]["last_error"]
    assert health["slow"]["status"] == "failing" and "timed out" in health["slow"]["last_error"]
    assert health["ledger"]["status"] == "ok" and health["ledger"]["items_new"] == 2
    assert site.site.paths().count("/feeds/broken.rss") == 2  # retried once
    assert len(article_urls(db)) == 2
    code, table = cli(db, "sources", "list")
    assert "HTTP 500" in table and "failing" in table


def test_sitemap_source_and_dedup_across_sources(site: LiveServer, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    cli(db, "sources", "add", site.base + "/sitemap.xml", "--name", "map")
    cli(db, "sources", "add", site.base + "/feeds/ledger.atom", "--name", "ledger")
    code, output = follow_once(db)
    assert code == 0, output
    assert sources(db)["map"]["kind"] == "sitemap" and sources(db)["map"]["items_seen"] == 4
    with Store(db) as s:
        originals = s.conn.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NULL").fetchone()[0]
    assert originals == 4  # the ledger's two pages are in the sitemap too: stored as copies, not twice


def test_sources_add_list_remove(site: LiveServer, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    assert cli(db, "sources", "add", "ftp://x/feed")[0] == 2
    assert cli(db, "sources", "add", site.base + "/f.rss", "--every", "soon")[0] == 2
    assert cli(db, "sources", "add", site.base + "/f.rss", "--every", "1h30m")[0] == 0
    code, output = cli(db, "sources", "add", site.base + "/f.rss")
    assert code == 2 and "already followed" in output
    (only,) = sources(db).values()
    assert only["every_s"] == 5400 and only["status"] == "new"
    assert cli(db, "sources", "remove", only["name"])[0] == 0
    assert sources(db) == {}
    assert cli(db, "sources", "remove", "nope")[0] == 2


# ---------------------------------------------------------------------------------------------- the fetcher
def test_fetcher_limits(site: LiveServer) -> None:
    base = site.base
    with Fetcher(FetchSettings(host_delay_s=0.3, backoff_s=0.01, max_bytes=300, retries=0)) as f:
        start = time.monotonic()
        f.get(base + "/robots.txt")
        f.get(base + "/robots.txt")
        assert time.monotonic() - start >= 0.3  # politeness delay between two hits on one host
        with pytest.raises(FetchError, match="too large"):
            f.get(base + "/news/port-strike.html")
        with pytest.raises(FetchError, match="HTTP 404"):
            f.get(base + "/missing")
        with pytest.raises(FetchError, match="robots"):
            f.get(base + PRIVATE)
        with pytest.raises(FetchError, match="only http"):
            f.get("file:///etc/passwd")


def test_fetcher_follows_redirects_within_limits(tmp_path: Path) -> None:
    import httpx

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        n = int(request.url.path.strip("/") or 0)
        if n < 10:
            return httpx.Response(302, headers={"Location": f"/{n + 1}"})
        return httpx.Response(200, text="done")

    client = httpx.Client(transport=httpx.MockTransport(handler))
    with Fetcher(FetchSettings(host_delay_s=0, max_redirects=12), client=client) as f:
        got = f.get("http://example.test/0")
        assert got.content == b"done" and got.url.endswith("/10")
    with Fetcher(FetchSettings(host_delay_s=0, max_redirects=3), client=httpx.Client(
            transport=httpx.MockTransport(handler))) as f, pytest.raises(FetchError, match="redirects"):
        f.get("http://example.test/0")


# ---------------------------------------------------------------------------------------------- kill mid-poll
def _snapshot(db: Path) -> dict[str, list]:
    """What a poll stores, without timestamps."""
    conn = sqlite3.connect(db)
    try:
        return {
            "articles": conn.execute("SELECT id, url, content_hash, duplicate_of, story_id, title, outlet, "
                                     "published FROM articles ORDER BY id").fetchall(),
            "mentions": conn.execute("SELECT id, event_id, event_type, sentence FROM event_mentions ORDER BY id")
            .fetchall(),
            "events": conn.execute("SELECT id, event_type, sources, story_id FROM events ORDER BY id").fetchall(),
            "entities": conn.execute("SELECT id, name FROM entities ORDER BY id").fetchall(),
            "items": conn.execute("SELECT source_id, item_key, article_id FROM source_items ORDER BY 1, 2").fetchall(),
        }
    finally:
        conn.close()


def _follow_process(db: Path, extract: bool) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    cmd = [sys.executable, "-m", "wirewatch.cli", "--db", str(db), "follow", "--once", *FAST]
    if not extract:
        cmd.append("--no-extract")
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_kill_during_a_poll_then_poll_again_equals_one_clean_poll(site: LiveServer, tmp_path: Path) -> None:
    """SIGKILL while the second feed's pages are being read (the first feed is stored by then)."""
    import threading

    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    for db in (clean, killed):
        cli(db, "sources", "add", site.base + "/feeds/courier.rss", "--name", "courier")
        cli(db, "sources", "add", site.base + "/feeds/ledger.atom", "--name", "ledger")
    proc = _follow_process(clean, extract=True)
    assert proc.wait(180) == 0, proc.communicate()
    assert _snapshot(clean)["mentions"] and _snapshot(clean)["events"]  # extraction and fusion ran
    site.site.requests.clear()

    slow_page = "/news/ministers-meet.html"  # the ledger's second entry
    site.site.slow[slow_page] = 30
    site.site.hit[slow_page] = threading.Event()
    proc = _follow_process(killed, extract=True)
    try:
        assert site.site.hit[slow_page].wait(120), "the poll never reached the slow page"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    half = _snapshot(killed)
    assert half["articles"] and len(half["articles"]) < len(_snapshot(clean)["articles"])
    del site.site.slow[slow_page]
    before = len(site.site.requests)
    proc = _follow_process(killed, extract=True)
    out, errors = proc.communicate(timeout=180)
    assert proc.returncode == 0, errors
    assert _snapshot(killed) == _snapshot(clean)
    # Everything from the first feed was kept: its pages were not fetched again.
    again = [p for p, _ in site.site.requests[before:]]
    assert "/feeds/courier.rss" in again and "/world/flood-aid.html" not in again


def test_robots_crawl_delay_is_obeyed() -> None:
    import httpx

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nCrawl-delay: 1\nDisallow: /no/\n")
        return httpx.Response(200, text="ok")

    with Fetcher(FetchSettings(host_delay_s=0), client=httpx.Client(transport=httpx.MockTransport(handler))) as f:
        f.get("http://example.test/a")
        start = time.monotonic()
        f.get("http://example.test/b")
        assert time.monotonic() - start >= 0.9
        with pytest.raises(FetchError, match="robots"):
            f.get("http://example.test/no/c")


def test_sitemap_lastmod_change_rereads_the_page(site: LiveServer, tmp_path: Path) -> None:
    from tests import live_server

    db = tmp_path / "w.db"
    cli(db, "sources", "add", site.base + "/sitemap.xml", "--name", "map")
    assert follow_once(db)[0] == 0
    path = "/news/port-strike.html"
    title, outlet, day, text = live_server.ARTICLES[path]
    original = dict(live_server.ARTICLES)
    try:
        live_server.ARTICLES[path] = (title, outlet, day, text + " Talks were set for Friday.")
        old_sitemap = live_server.sitemap
        live_server.sitemap = lambda base: old_sitemap(base).replace(  # type: ignore[assignment]
            f"{path}</loc><lastmod>2025-02-06".encode(), f"{path}</loc><lastmod>2025-02-07".encode())
        code, output = follow_once(db)
        assert code == 0 and "1 new" in output, output
    finally:
        live_server.ARTICLES.clear()
        live_server.ARTICLES.update(original)
        live_server.sitemap = old_sitemap  # type: ignore[assignment]
    with Store(db) as s:
        (text_now,) = [r[0] for r in s.conn.execute("SELECT text FROM articles WHERE url LIKE ?", (f"%{path}",))]
    assert "Talks were set for Friday" in text_now  # updated in place, not stored twice


@pytest.mark.slow
def test_serve_follow_polls_in_the_server_process(site: LiveServer, tmp_path: Path) -> None:
    import socket

    import httpx

    db = tmp_path / "w.db"
    cli(db, "sources", "add", site.base + "/feeds/ledger.atom", "--name", "ledger")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    cmd = [sys.executable, "-m", "wirewatch.cli", "--db", str(db), "serve", "--port", str(port), "--no-extract",
           "--follow"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline, health = time.monotonic() + 60, None
        while time.monotonic() < deadline:
            try:
                (health,) = httpx.get(f"http://127.0.0.1:{port}/api/sources", timeout=2).json()["items"]
                if health["items_total"] == 2:
                    break
            except (httpx.TransportError, ValueError):
                assert proc.poll() is None, proc.communicate()
            time.sleep(0.3)
        assert health is not None and health["status"] == "ok" and health["items_total"] == 2, health
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
