"""Typed queries of fusion and conflicts (wirewatch/store/events.py) on an in-memory store."""

from __future__ import annotations

from datetime import date

from wirewatch.model import Article, Event, EventMention
from wirewatch.store.events import (
    article_outlet,
    events_near,
    peers_of,
    report_root,
    sibling_event_ids,
)


def _article(store, aid, outlet, dup=None):
    art = Article(id=aid, text="North Korea fired missiles.", outlet=outlet, duplicate_of=dup,
                  duplicate_kind="exact" if dup else None, content_hash=aid)
    store.insert_article(art)
    m = EventMention(article_id=aid, event_type="MOBILIZE", sentence=art.text, start=0, end=len(art.text),
                     modality="asserted", date="2025-03-12", date_precision="day")
    art.events = [m]
    store.save_extraction(art)
    return art


def test_events_near_finds_by_story_or_date_and_type(store):
    art = _article(store, "a1", "Harbor Wire")
    (m,) = store.mentions_of("a1")
    store.save_event(Event(id="ev1", event_type="MOBILIZE", date="2025-03-12", story_id="s1", mentions=[m]))
    store.save_event(Event(id="ev2", event_type="MOBILIZE", date="2025-03-20", story_id="s2"))
    near = events_near(store, "MOBILIZE", None, date(2025, 3, 13), 2)
    assert [e.id for e in near] == ["ev1"] and near[0].mentions[0].article_id == art.id
    assert [e.id for e in events_near(store, "MOBILIZE", "s2", None, 2)] == ["ev2"]
    assert events_near(store, "ASSAULT", "s1", date(2025, 3, 12), 2) == []
    # Neither story nor day: only what the same article told.
    assert [e.id for e in events_near(store, "MOBILIZE", None, None, 2, article_id="a1")] == ["ev1"]
    assert [e.id for e in peers_of(store, "ev1", "s2", None, 3)] == ["ev2"]
    assert sibling_event_ids(store, "a1", 0, "MOBILIZE", "other") == ["ev1"]


def test_outlets_and_copies_fold_into_their_root(store):
    _article(store, "a1", "Harbor Wire")
    _article(store, "a2", "Reprint Daily", dup="a1")
    assert article_outlet(store, "a2") == "Reprint Daily" and article_outlet(store, "nope") is None
    assert report_root(store, "a2") == ("a1", "Harbor Wire")
    assert report_root(store, "a1") == ("a1", "Harbor Wire") and report_root(store, "nope") is None
