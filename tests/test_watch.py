"""Watch rules: one alert per (rule, event), updated when the event gains sources or a conflict; the Atom
feed per rule; webhooks through the outbox; the CLI. Hand-made mentions (no spaCy) except the last test."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from typer.testing import CliRunner

from tests.live_server import LiveServer
from tests.serve_fixtures import make_client
from wirewatch.cli import app
from wirewatch.connect import fuse_events
from wirewatch.live.watch import deliver_webhooks
from wirewatch.model import Actor, Article, EventMention, Quantity
from wirewatch.serve.api import create_app
from wirewatch.store import sources as db
from wirewatch.store.db import Store

runner = CliRunner()
NK = Actor("North Korea", "GPE", "PRK", "gpe:north korea")
RU = Actor("Russia", "GPE", "RUS", "gpe:russia")


def launch(sentence: str, n: int, actor: Actor = NK, date: str = "2025-03-11") -> EventMention:
    return EventMention(article_id="", event_type="MOBILIZE", sentence=sentence, start=0, end=0, mode="weapons",
                        actor=[actor], quantities=[Quantity(n, "missile", str(n))], date=date, date_precision="day",
                        modality="asserted")


def add(store: Store, aid: str, outlet: str, mentions: list[EventMention]) -> None:
    """Store an article with its mentions and run the connect step, as ingest does, in one transaction."""
    text = " ".join(m.sentence for m in mentions)
    art = Article(id=aid, text=text, outlet=outlet, story_id="s1", content_hash=aid)
    pos = 0
    for m in mentions:
        m.article_id = aid
        m.start, m.end = pos, pos + len(m.sentence)
        pos = m.end + 1
    art.events = mentions
    with store.transaction():
        store.insert_article(art)
        store.set_story(aid, "s1")
        store.save_extraction(art)
        fuse_events(store, art)


@pytest.fixture
def site() -> Iterator[LiveServer]:
    with LiveServer() as srv:
        yield srv


def test_one_alert_per_matching_event_updated_on_more_sources_and_conflict(store: Store) -> None:
    db.add_rule(store, db.WatchRule(name="nk", actor="North Korea"))
    db.add_rule(store, db.WatchRule(name="big", actor="korea", min_sources=2))
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    (alert,) = db.alerts(store, rule="nk")
    assert (alert.reason, alert.sources, alert.revision) == ("new", 1, 1)
    assert db.alerts(store, rule="big") == []  # one source is not enough yet
    add(store, "r1", "Harbor Wire", [launch("Russia fired two cruise missiles at the port.", 2, actor=RU)])
    assert len(db.alerts(store, rule="nk")) == 1  # Russia's launch does not match

    # Another outlet, another number: the event gains a source and a quantity conflict. Still one alert.
    add(store, "a2", "Korea Ledger", [launch("North Korea launched three ballistic missiles toward the East Sea.", 3)])
    (alert,) = db.alerts(store, rule="nk")
    assert alert.sources == 2 and alert.conflicts >= 1 and alert.revision == 2
    assert "more sources" in alert.reason and "conflict" in alert.reason
    (big,) = db.alerts(store, rule="big")
    assert big.reason == "new" and big.event_id == alert.event_id
    # The same article again changes nothing, so nothing is news.
    assert len(db.alerts(store)) == 2 and db.alerts(store, rule="nk")[0].revision == 2


def test_query_and_type_criteria(store: Store) -> None:
    db.add_rule(store, db.WatchRule(name="sea", query="east sea"))
    db.add_rule(store, db.WatchRule(name="assault", event_type="ASSAULT"))
    add(store, "a1", "Harbor Wire", [launch("North Korea fired two ballistic missiles into the East Sea.", 2)])
    add(store, "a2", "Harbor Wire", [launch("Russia fired two cruise missiles at the port.", 2, actor=RU,
                                            date="2025-04-01")])
    assert len(db.alerts(store, rule="sea")) == 1
    assert db.alerts(store, rule="assault") == []


def _store_with_alerts(path: Path, webhook: str | None = None) -> None:
    with Store(path) as s:
        db.add_rule(s, db.WatchRule(name="nk", actor="North Korea", webhook=webhook))
        add(s, "a1", "Harbor Wire", [launch("North Korea fired <two> ballistic missiles into the East Sea.", 2)])
        add(s, "a2", "Korea Ledger", [launch("North Korea launched two ballistic missiles toward the East Sea.", 2)])


def test_atom_feed_validates_and_obeys_the_read_lock(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    _store_with_alerts(path)
    client = make_client(create_app(str(path), token="w", read_token="r", extract=False))
    assert client.get("/feeds/watch/nk.atom").status_code == 401
    resp = client.get("/feeds/watch/nk.atom", auth=("me", "r"))
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(resp.content)
    assert not feed.bozo, feed.get("bozo_exception")
    (entry,) = feed.entries
    assert "North Korea" in entry.title  # the event's one-line summary (serve/summary.py)
    assert entry.link.startswith("http://testserver/events/")
    assert "fired &lt;two&gt; ballistic" in entry.content[0].value  # evidence, escaped
    assert "Korea Ledger" in entry.content[0].value
    page = client.get(entry.link.replace("http://testserver", ""), auth=("me", "r"))
    assert page.status_code == 200 and "East Sea" in page.text  # the entry's link is the event page
    assert client.get("/feeds/watch/unknown.atom", auth=("me", "r")).status_code == 404
    alerts = client.get("/api/alerts?rule=nk", auth=("me", "r")).json()
    assert alerts["total"] == 1 and alerts["items"][0]["event"]["event_type"] == "MOBILIZE"


def test_webhook_gets_the_post_and_failures_are_retried_later(site: LiveServer, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib
    import hmac

    monkeypatch.setenv("WIREWATCH_WEBHOOK_SECRET", "s3cret")
    path = tmp_path / "w.db"
    site.site.status["/hook"] = 500
    _store_with_alerts(path, webhook=site.base + "/hook")  # ingest did not wait for the receiver
    with Store(path) as s:
        assert db.pending_deliveries(s) == 2  # the new event, then its second source
        assert deliver_webhooks(s) == (0, 2)
        assert db.pending_deliveries(s) == 2 and deliver_webhooks(s) == (0, 0)  # backing off
        s.conn.execute("UPDATE watch_outbox SET next_try_at = '2000-01-01'")
        del site.site.status["/hook"]
        assert deliver_webhooks(s) == (2, 0) and db.pending_deliveries(s) == 0
    posts = [h for p, h in site.site.requests if p == "/hook"]
    assert len(posts) == 4
    body = json.loads(posts[-1]["__body__"])
    assert body["rule"] == "nk" and body["reason"] == "more sources" and body["event"]["sources"] == 2
    assert body["schema"] == "wirewatch.alert/1"
    assert posts[-1]["content-type"] == "application/json" and posts[-1]["x-wirewatch-rule"] == "nk"
    expected = hmac.new(b"s3cret", posts[-1]["__body__"].encode(), hashlib.sha256).hexdigest()
    assert posts[-1]["x-wirewatch-signature"] == "sha256=" + expected


def test_watch_cli(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    _store_with_alerts(path)
    base = ["--db", str(path)]
    res = runner.invoke(app, [*base, "watch", "add", "ru", "--actor", "Russia", "--type", "mobilize"])
    assert res.exit_code == 0 and "0 events already match" in res.output
    assert runner.invoke(app, [*base, "watch", "add", "ru", "--actor", "x"]).exit_code == 2  # exists
    assert runner.invoke(app, [*base, "watch", "add", "bad name", "--actor", "x"]).exit_code == 2
    assert runner.invoke(app, [*base, "watch", "add", "empty"]).exit_code == 2  # no criteria
    rules = [json.loads(x) for x in runner.invoke(app, [*base, "watch", "list", "--json"]).output.splitlines()]
    assert {(r["name"], r["alerts"]) for r in rules} == {("nk", 1), ("ru", 0)}
    assert rules[1]["type"] == "MOBILIZE"
    lines = runner.invoke(app, [*base, "alerts", "--json"]).output.splitlines()
    (alert,) = map(json.loads, lines)
    assert alert["rule"] == "nk" and alert["event"]["actor"]
    assert runner.invoke(app, [*base, "alerts", "--since", "2h", "--json"]).output.strip()
    assert not runner.invoke(app, [*base, "alerts", "--since", "2999-01-01", "--json"]).output.strip()
    assert runner.invoke(app, [*base, "alerts", "--rule", "nope"]).exit_code == 2
    assert runner.invoke(app, [*base, "alerts", "--since", "last tuesday"]).exit_code == 2
    assert runner.invoke(app, [*base, "watch", "remove", "nk"]).exit_code == 0
    assert runner.invoke(app, [*base, "alerts", "--json"]).output.strip() == ""


@pytest.mark.slow
def test_follow_with_a_watch_rule_end_to_end(site: LiveServer, tmp_path: Path) -> None:
    """Real extraction: follow a feed, a rule on an actor alerts once per matching event, the Atom feed lists
    it and the webhook receiver on 127.0.0.1 gets the POST."""
    path = tmp_path / "w.db"
    base = ["--db", str(path)]
    runner.invoke(app, [*base, "sources", "add", site.base + "/feeds/courier.rss", "--name", "courier"])
    res = runner.invoke(app, [*base, "watch", "add", "canada", "--actor", "Canada", "--webhook", site.base + "/hook"])
    assert res.exit_code == 0, res.output
    for _ in range(2):  # the second poll is a 304 and must not alert again
        res = runner.invoke(app, [*base, "follow", "--once", "--host-delay", "0", "--backoff", "0.01"])
        assert res.exit_code == 0, res.output
    with Store(path) as s:
        found = db.alerts(s, rule="canada")
        events = s.events_by_ids([a.event_id for a in found])
    assert found and len(found) == len({a.event_id for a in found}) == len(events)
    assert all(any(a.name == "Canada" for a in ev.actor) for ev in events)
    client = make_client(create_app(str(path), token="w", extract=False))
    feed = feedparser.parse(client.get("/feeds/watch/canada.atom").content)
    assert not feed.bozo and len(feed.entries) == len(found)
    assert any("sanction" in e.content[0].value.lower() for e in feed.entries)
    posts = [json.loads(h["__body__"]) for p, h in site.site.requests if p == "/hook"]
    assert {p["event"]["id"] for p in posts} == {a.event_id for a in found}
