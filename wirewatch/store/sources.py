"""SQL of the live layer: followed sources with their health, items already read, watch rules, alerts and
the webhook outbox (tables of migration 5). The poller (wirewatch/live) and the web routes call these
functions; none of them writes SQL of its own.

Writes join the caller's transaction when there is one (`Store.transaction` nests), so an alert and its
webhook delivery are stored in the same transaction as the event that caused them.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from ..errors import ConfigError, NotFoundError
from .db import Store, now_iso


# ---------------------------------------------------------------------------------------------- sources
@dataclass
class Source:
    id: int
    url: str
    name: str
    kind: str | None
    every_s: int
    added_at: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled_at: str | None = None
    last_success_at: str | None = None
    last_error: str | None = None
    last_error_at: str | None = None
    failures: int = 0
    items_seen: int = 0
    items_new: int = 0
    items_total: int = 0

    @property
    def healthy(self) -> bool:
        return self.failures == 0

    @property
    def status(self) -> str:
        if self.last_polled_at is None:
            return "new"
        return "ok" if self.failures == 0 else "failing"

    def due(self, now: datetime) -> bool:
        if self.last_polled_at is None:
            return True
        return datetime.fromisoformat(self.last_polled_at) + timedelta(seconds=self.every_s) <= now

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "url": self.url, "kind": self.kind, "every_s": self.every_s,
            "status": self.status, "added_at": self.added_at, "last_polled_at": self.last_polled_at,
            "last_success_at": self.last_success_at, "last_error": self.last_error,
            "last_error_at": self.last_error_at, "failures": self.failures, "items_seen": self.items_seen,
            "items_new": self.items_new, "items_total": self.items_total,
        }


def _source(row: sqlite3.Row) -> Source:
    return Source(**{k: row[k] for k in row.keys()})  # noqa: SIM118 - sqlite3.Row has no items()


def add_source(store: Store, url: str, *, name: str, every_s: int) -> Source:
    with store.transaction() as c:
        clash = c.execute("SELECT name, url FROM sources WHERE url = ? OR name = ?", (url, name)).fetchone()
        if clash is not None:
            what = f"url {url}" if clash["url"] == url else f"name {name!r}"
            raise ConfigError(f"a source with this {what} is already followed (as {clash['name']!r})")
        c.execute("INSERT INTO sources(url, name, every_s, added_at) VALUES (?,?,?,?)",
                  (url, name, every_s, now_iso()))
    return get_source(store, name)


def list_sources(store: Store) -> list[Source]:
    return [_source(r) for r in store.conn.execute("SELECT * FROM sources ORDER BY name")]


def get_source(store: Store, key: str | int) -> Source:
    """By name, URL or numeric id."""
    row = store.conn.execute(
        "SELECT * FROM sources WHERE name = ? OR url = ? OR CAST(id AS TEXT) = ?", (str(key),) * 3
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no source {key!r} (see `wirewatch sources list`)")
    return _source(row)


def remove_source(store: Store, key: str) -> Source:
    """Stop following a source; the articles it brought stay in the store."""
    src = get_source(store, key)
    with store.transaction() as c:
        c.execute("DELETE FROM source_items WHERE source_id = ?", (src.id,))
        c.execute("DELETE FROM sources WHERE id = ?", (src.id,))
    return src


def seen_items(store: Store, source_id: int) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT item_key FROM source_items WHERE source_id = ?", (source_id,))}


def mark_item(store: Store, source_id: int, item_key: str, article_id: str | None, url: str | None) -> bool:
    """Record an item as read; True when it was not known before."""
    cur = store.conn.execute(
        "INSERT OR IGNORE INTO source_items(source_id, item_key, article_id, url, seen_at) VALUES (?,?,?,?,?)",
        (source_id, item_key, article_id, url, now_iso()),
    )
    return cur.rowcount > 0


def record_success(store: Store, source_id: int, *, kind: str | None, etag: str | None,
                   last_modified: str | None, seen: int, new: int) -> None:
    """A poll that finished: validators are saved only now, so an interrupted poll refetches the feed."""
    now = now_iso()
    with store.transaction() as c:
        c.execute(
            "UPDATE sources SET kind = coalesce(?, kind), etag = ?, last_modified = ?, last_polled_at = ?, "
            "last_success_at = ?, failures = 0, items_seen = ?, items_new = ?, items_total = items_total + ? "
            "WHERE id = ?",
            (kind, etag, last_modified, now, now, seen, new, new, source_id),
        )


def record_not_modified(store: Store, source_id: int) -> None:
    now = now_iso()
    with store.transaction() as c:
        c.execute("UPDATE sources SET last_polled_at = ?, last_success_at = ?, failures = 0, items_new = 0 "
                  "WHERE id = ?", (now, now, source_id))


def record_failure(store: Store, source_id: int, error: str) -> None:
    now = now_iso()
    with store.transaction() as c:
        c.execute("UPDATE sources SET last_polled_at = ?, last_error = ?, last_error_at = ?, "
                  "failures = failures + 1, items_new = 0 WHERE id = ?", (now, error[:1000], now, source_id))


# ---------------------------------------------------------------------------------------------- watch rules
@dataclass
class WatchRule:
    name: str
    actor: str | None = None
    event_type: str | None = None
    country: str | None = None
    min_sources: int | None = None
    query: str | None = None
    webhook: str | None = None
    created_at: str = ""

    def criteria(self) -> dict[str, Any]:
        return {k: v for k, v in (("actor", self.actor), ("type", self.event_type), ("country", self.country),
                                  ("min_sources", self.min_sources), ("query", self.query)) if v is not None}

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, **self.criteria(), "webhook": self.webhook, "created_at": self.created_at}


def _rule(row: sqlite3.Row) -> WatchRule:
    return WatchRule(**{k: row[k] for k in row.keys()})  # noqa: SIM118


def add_rule(store: Store, rule: WatchRule) -> WatchRule:
    with store.transaction() as c:
        if c.execute("SELECT 1 FROM watch_rules WHERE name = ?", (rule.name,)).fetchone():
            raise ConfigError(f"a watch rule named {rule.name!r} exists already (remove it first)")
        c.execute(
            "INSERT INTO watch_rules(name, actor, event_type, country, min_sources, query, webhook, created_at) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (rule.name, rule.actor, rule.event_type, rule.country, rule.min_sources, rule.query, rule.webhook,
             now_iso()),
        )
    return get_rule(store, rule.name)


def list_rules(store: Store) -> list[WatchRule]:
    try:
        return [_rule(r) for r in store.conn.execute("SELECT * FROM watch_rules ORDER BY name")]
    except sqlite3.OperationalError:  # a read-only store of an older schema
        return []


def get_rule(store: Store, name: str) -> WatchRule:
    row = store.conn.execute("SELECT * FROM watch_rules WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise NotFoundError(f"no watch rule {name!r} (see `wirewatch watch list`)")
    return _rule(row)


def remove_rule(store: Store, name: str) -> WatchRule:
    rule = get_rule(store, name)
    with store.transaction() as c:
        c.execute("DELETE FROM watch_outbox WHERE rule = ?", (name,))
        c.execute("DELETE FROM watch_alerts WHERE rule = ?", (name,))
        c.execute("DELETE FROM watch_rules WHERE name = ?", (name,))
    return rule


# ---------------------------------------------------------------------------------------------- alerts
@dataclass
class Alert:
    rule: str
    event_id: str
    first_at: str
    updated_at: str
    sources: int
    conflicts: int
    reason: str
    revision: int

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


def upsert_alert(store: Store, rule: str, event_id: str, *, sources: int, conflicts: int) -> str | None:
    """Record that `event_id` matches `rule`. Returns why it is news ("new", "more sources", "conflict")
    or None when the alert exists and nothing it reports has grown."""
    c = store.conn
    old = c.execute("SELECT sources, conflicts FROM watch_alerts WHERE rule = ? AND event_id = ?",
                    (rule, event_id)).fetchone()
    now = now_iso()
    if old is None:
        c.execute("INSERT INTO watch_alerts(rule, event_id, first_at, updated_at, sources, conflicts, reason) "
                  "VALUES (?,?,?,?,?,?, 'new')", (rule, event_id, now, now, sources, conflicts))
        return "new"
    reasons = []
    if sources > old["sources"]:
        reasons.append("more sources")
    if conflicts > old["conflicts"]:
        reasons.append("conflict")
    if not reasons:
        if sources != old["sources"] or conflicts != old["conflicts"]:  # shrank: keep the numbers true, quietly
            c.execute("UPDATE watch_alerts SET sources = ?, conflicts = ? WHERE rule = ? AND event_id = ?",
                      (sources, conflicts, rule, event_id))
        return None
    reason = ", ".join(reasons)
    c.execute("UPDATE watch_alerts SET updated_at = ?, sources = ?, conflicts = ?, reason = ?, "
              "revision = revision + 1 WHERE rule = ? AND event_id = ?",
              (now, sources, conflicts, reason, rule, event_id))
    return reason


def alerts(store: Store, *, rule: str | None = None, since: str | None = None, limit: int | None = None) -> list[Alert]:
    """Newest first. `since` compares with the alert's last change (an ISO date or timestamp, UTC)."""
    where, params = [], []
    if rule is not None:
        where.append("rule = ?")
        params.append(rule)
    if since:
        where.append("updated_at >= ?")
        params.append(since)
    sql = "SELECT * FROM watch_alerts" + (f" WHERE {' AND '.join(where)}" if where else "")
    sql += " ORDER BY updated_at DESC, rule, event_id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    try:
        return [Alert(**{k: r[k] for k in r.keys()}) for r in store.conn.execute(sql, params)]  # noqa: SIM118
    except sqlite3.OperationalError:
        return []


# ---------------------------------------------------------------------------------------------- webhook outbox
@dataclass
class Delivery:
    id: int
    rule: str
    event_id: str
    url: str
    payload: dict[str, Any]
    attempts: int


def enqueue_delivery(store: Store, rule: str, event_id: str, url: str, payload: dict[str, Any]) -> None:
    store.conn.execute(
        "INSERT INTO watch_outbox(rule, event_id, url, payload, next_try_at) VALUES (?,?,?,?,?)",
        (rule, event_id, url, json.dumps(payload, ensure_ascii=False), now_iso()),
    )


def due_deliveries(store: Store, limit: int = 50) -> list[Delivery]:
    rows = store.conn.execute(
        "SELECT * FROM watch_outbox WHERE delivered_at IS NULL AND failed_at IS NULL AND next_try_at <= ? "
        "ORDER BY id LIMIT ?", (now_iso(), limit))
    return [Delivery(r["id"], r["rule"], r["event_id"], r["url"], json.loads(r["payload"]), r["attempts"])
            for r in rows]


def pending_deliveries(store: Store) -> int:
    return int(store.conn.execute(
        "SELECT count(*) FROM watch_outbox WHERE delivered_at IS NULL AND failed_at IS NULL").fetchone()[0])


def delivery_done(store: Store, delivery_id: int) -> None:
    with store.transaction() as c:
        c.execute("UPDATE watch_outbox SET delivered_at = ?, attempts = attempts + 1 WHERE id = ?",
                  (now_iso(), delivery_id))


def delivery_failed(store: Store, delivery_id: int, error: str, *, retry_in_s: float | None) -> None:
    """One failed attempt; `retry_in_s=None` gives up on it."""
    with store.transaction() as c:
        if retry_in_s is None:
            c.execute("UPDATE watch_outbox SET attempts = attempts + 1, failed_at = ?, last_error = ? WHERE id = ?",
                      (now_iso(), error[:1000], delivery_id))
        else:
            when = (datetime.now(UTC) + timedelta(seconds=retry_in_s)).replace(microsecond=0).isoformat()
            c.execute("UPDATE watch_outbox SET attempts = attempts + 1, next_try_at = ?, last_error = ? WHERE id = ?",
                      (when, error[:1000], delivery_id))


def conflict_counts(store: Store, event_ids: list[str]) -> dict[str, int]:
    if not event_ids:
        return {}
    rows = store.conn.execute(
        "SELECT event_id, count(*) FROM conflict_events WHERE event_id IN (SELECT value FROM json_each(?)) "
        "GROUP BY event_id", (json.dumps(event_ids),))
    return {r[0]: int(r[1]) for r in rows}
