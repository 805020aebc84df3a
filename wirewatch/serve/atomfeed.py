"""The Atom feed (RFC 4287) of a watch rule: one entry per alert, linking the event page, with the evidence
sentences and their outlets as the entry's content. Built with ElementTree, so every value is escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from ..model import Event
from ..store.sources import Alert, WatchRule
from .date_note import event_date_text
from .queries import event_summary

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        node.text = text
    return node


def _evidence_html(ev: Event, outlets: dict[str, dict[str, Any]], base: str, alert: Alert) -> str:
    """The entry's content as (escaped) HTML: why it is news, then each evidence sentence with its outlet."""
    root = ET.Element("div")
    p = ET.SubElement(root, "p")
    p.text = (f"{alert.reason}: {ev.event_type}, {ev.modality}, {alert.sources} independent source(s)"
              + (f", {alert.conflicts} conflict(s)" if alert.conflicts else "")
              + (f", {event_date_text(ev)}" if ev.date else ""))
    for m in ev.mentions[:10]:
        q = ET.SubElement(root, "blockquote")
        q.text = m.sentence
        cite = ET.SubElement(root, "p")
        info = outlets.get(m.article_id, {})
        a = ET.SubElement(cite, "a", {"href": f"{base}/articles/{quote(m.article_id, safe='')}"})
        a.text = info.get("title") or m.article_id
        when = f", {info['published']}" if info.get("published") else ""
        a.tail = f" ({info.get('outlet') or 'unknown outlet'}{when})"
    return ET.tostring(root, encoding="unicode", method="html")


def _stamp(iso: str) -> str:
    """RFC 3339 with a Z: how Atom readers like their dates."""
    return datetime.fromisoformat(iso).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def render(rule: WatchRule, alerts: list[Alert], events: dict[str, Event], outlets: dict[str, dict[str, Any]],
           base: str) -> bytes:
    base = base.rstrip("/")
    self_url = f"{base}/feeds/watch/{quote(rule.name)}.atom"
    feed = ET.Element(f"{{{ATOM}}}feed")
    _el(feed, "id", self_url)
    _el(feed, "title", f"wirewatch watch rule: {rule.name}")
    crit = ", ".join(f"{k} {v}" for k, v in rule.criteria().items())
    _el(feed, "subtitle", f"Events matching {crit}")
    updated = max((a.updated_at for a in alerts), default=rule.created_at) or datetime.now(UTC).isoformat()
    _el(feed, "updated", _stamp(updated))
    _el(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    _el(feed, "link", rel="alternate", href=f"{base}/watch/{quote(rule.name)}", type="text/html")
    author = _el(feed, "author")
    _el(author, "name", "wirewatch")
    _el(feed, "generator", "wirewatch")
    for alert in alerts:
        ev = events.get(alert.event_id)
        if ev is None:  # the event was re-extracted away since
            continue
        link = f"{base}/events/{quote(ev.id, safe='')}"
        entry = _el(feed, "entry")
        _el(entry, "id", f"{link}?watch={quote(rule.name)}")
        _el(entry, "title", f"{event_date_text(ev)} · {event_summary(ev)}")
        _el(entry, "updated", _stamp(alert.updated_at))
        _el(entry, "published", _stamp(alert.first_at))
        _el(entry, "link", rel="alternate", href=link, type="text/html")
        _el(entry, "category", term=ev.event_type)
        _el(entry, "summary", f"{alert.reason}; {alert.sources} source(s); {ev.modality}")
        _el(entry, "content", _evidence_html(ev, outlets, base, alert), type="html")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False)
