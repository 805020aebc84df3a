"""Watch rules: saved filters over events, checked whenever events are written.

`alert_on_events(store, event_ids)` runs inside the ingest transaction (connect/__init__.py calls it after
fusion and conflicts): each event that matches a rule gets one alert per rule; when it later gains
independent sources or a conflict, the same alert is updated (its revision and reason change) instead of a
second one being made. A rule with a webhook gets a delivery row in the outbox in the same transaction;
sending happens later (`deliver_webhooks`, run by `follow` and `serve --follow`), so a slow or dead
receiver never holds up ingest, and a crash never loses a delivery.

Matching: actor (entity id or part of a name, as in `wirewatch events --actor`), type, country (an actor's,
recipient's or the place's ISO alpha-3), min_sources, and query: every word of it appears in the event's
evidence sentences, parties, type or place (case-insensitive).
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import re
import sqlite3
from collections.abc import Iterable
from typing import Any

import httpx

from ..errors import WirewatchError
from ..model import Event
from ..records import event_record
from ..serve.queries import EventFilter, Reader, event_summary
from ..store import sources as db
from ..store.db import Store

log = logging.getLogger("wirewatch.watch")

MAX_ATTEMPTS = 8
_WORD = re.compile(r"\w+", re.UNICODE)


def rule_filter(rule: db.WatchRule, ids: list[str] | None = None) -> EventFilter:
    return EventFilter(actor=rule.actor, type=rule.event_type, country=rule.country,
                       min_sources=rule.min_sources, ids=ids)


def matches_query(ev: Event, query: str | None) -> bool:
    if not query:
        return True
    words = [w.lower() for w in _WORD.findall(query)]
    parts = [ev.event_type, ev.mode or "", *(a.name for a in ev.actor + ev.recipient),
             *(a.text or "" for a in ev.actor + ev.recipient), *(m.sentence for m in ev.mentions)]
    if ev.location:
        parts += [ev.location.name or "", ev.location.text or ""]
    have = set(_WORD.findall(" ".join(parts).lower()))
    return all(w in have for w in words)


def matching_events(reader: Reader, rule: db.WatchRule, ids: list[str] | None = None,
                    limit: int | None = None) -> list[Event]:
    """Events (fused, and mentions not fused yet) that a rule selects; `ids` restricts the candidates."""
    found = reader.events(rule_filter(rule, ids), limit=None if rule.query else limit, newest_first=True)
    found = [ev for ev in found if matches_query(ev, rule.query)]
    return found[:limit] if limit is not None else found


def alert_on_events(store: Store, event_ids: Iterable[str]) -> int:
    """Record alerts for the rules these (new or changed) events match; returns how many alerts changed.

    A failure here is logged, not raised: a broken rule must never make ingest drop an article."""
    ids = sorted(set(event_ids))
    try:
        return _alert_on_events(store, ids)
    except (sqlite3.Error, WirewatchError) as exc:
        log.error("watch rules were not checked for events %s: %s", ids[:5], exc)
        return 0


def _alert_on_events(store: Store, event_ids: Iterable[str]) -> int:
    ids = sorted(set(event_ids))
    if not ids:
        return 0
    rules = db.list_rules(store)
    if not rules:
        return 0
    reader = Reader(store)
    changed = 0
    with store.transaction():
        for rule in rules:
            evs = matching_events(reader, rule, ids)
            counts = db.conflict_counts(store, [ev.id for ev in evs])
            for ev in evs:
                reason = db.upsert_alert(store, rule.name, ev.id, sources=ev.sources or len(ev.mentions),
                                         conflicts=counts.get(ev.id, 0))
                if reason is None:
                    continue
                changed += 1
                if rule.webhook:
                    db.enqueue_delivery(store, rule.name, ev.id, rule.webhook,
                                        webhook_payload(reader, rule, ev, reason))
    return changed


# The webhook body's own version: receivers check it before they read the rest. Raise it when a field is
# renamed or removed or changes meaning; adding a field keeps it.
WEBHOOK_SCHEMA = "wirewatch.alert/1"


def webhook_payload(reader: Reader, rule: db.WatchRule, ev: Event, reason: str) -> dict[str, Any]:
    """The event in the export contract, each mention with its outlet, title and date (as GET /api/events)."""
    rec = event_record(ev)
    ids = sorted({m["article_id"] for m in rec["mentions"]})
    meta = {a.id: a for a in reader.store.articles_by_ids(ids)}
    for m in rec["mentions"]:
        art = meta.get(m["article_id"])
        m["outlet"], m["article_title"], m["published"] = (art.outlet, art.title, art.published) if art else (None,) * 3
        m["url"] = art.url if art else None
    return {"schema": WEBHOOK_SCHEMA, "rule": rule.name, "reason": reason, "summary": event_summary(ev),
            "event": rec}


def backfill(store: Store, rule: db.WatchRule) -> int:
    """Alerts for the events already stored that a new rule matches (so a rule starts with its history)."""
    reader = Reader(store)
    evs = matching_events(reader, rule)
    counts = db.conflict_counts(store, [ev.id for ev in evs])
    with store.transaction():
        for ev in evs:
            db.upsert_alert(store, rule.name, ev.id, sources=ev.sources or len(ev.mentions),
                            conflicts=counts.get(ev.id, 0))
    return len(evs)


def deliver_webhooks(store: Store, *, client: httpx.Client | None = None, timeout_s: float = 10.0,
                     retry_base_s: float = 30.0) -> tuple[int, int]:
    """POST due outbox rows as JSON. Returns (delivered, failed attempts). A failure is retried with
    exponential backoff (30 s, 1 min, 2 min, ... at most an hour) and given up after MAX_ATTEMPTS.

    With $WIREWATCH_WEBHOOK_SECRET set, each POST carries X-Wirewatch-Signature: sha256=HMAC(secret, body),
    so the receiver can check it came from this wirewatch. X-Wirewatch-Delivery is the same on a retry."""
    secret = os.environ.get("WIREWATCH_WEBHOOK_SECRET", "")
    own = client is None
    client = client or httpx.Client(timeout=timeout_s, follow_redirects=False)
    delivered = failed = 0
    try:
        for d in db.due_deliveries(store):
            body = json.dumps(d.payload, ensure_ascii=False).encode()
            headers = {"User-Agent": "wirewatch-webhook", "Content-Type": "application/json",
                       "X-Wirewatch-Rule": d.rule, "X-Wirewatch-Delivery": str(d.id)}
            if secret:
                headers["X-Wirewatch-Signature"] = "sha256=" + hmac.new(secret.encode(), body, "sha256").hexdigest()
            try:
                resp = client.post(d.url, content=body, headers=headers)
                ok, error = resp.status_code < 300, f"HTTP {resp.status_code}"
            except httpx.HTTPError as exc:
                ok, error = False, f"{type(exc).__name__}: {exc}"
            if ok:
                db.delivery_done(store, d.id)
                delivered += 1
                continue
            failed += 1
            give_up = d.attempts + 1 >= MAX_ATTEMPTS
            log.warning("webhook for rule %s to %s failed (%s)%s", d.rule, d.url, error,
                        "; giving up" if give_up else "")
            db.delivery_failed(store, d.id, error,
                               retry_in_s=None if give_up else min(retry_base_s * 2 ** d.attempts, 3600.0))
    finally:
        if own:
            client.close()
    return delivered, failed
