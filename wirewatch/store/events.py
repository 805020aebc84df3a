"""Typed queries of fusion, corroboration and conflicts (wirewatch/connect): the SQL they need, in one place.

The connectors ask questions ("which events of this type are near this day or in this story?", "which
outlet printed this article?") and get model objects back; the SQL text and the indexes it leans on
(events by type and date, mentions by article, conflicts by event) stay inside the store package.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date as Date
from datetime import timedelta
from weakref import WeakKeyDictionary

from ..model import Event
from .db import Store
from .mention_cache import EventCache, MentionCache

__all__ = [
    "article_outlet", "drop_conflicts_of", "event_cache", "events_near", "mention_cache", "mention_events", "peer_ids",
    "peers_of", "report_root", "sibling_event_ids",
]

# One cache of parsed mentions per open store: connect reads the same candidate and peer events for
# article after article of a run (see mention_cache.py for why a cached read equals an uncached one).
_caches: WeakKeyDictionary[Store, MentionCache] = WeakKeyDictionary()


def mention_cache(store: Store) -> MentionCache:
    """The store's cache of parsed mentions, for read-only loads of candidate and peer events."""
    cache = _caches.get(store)
    if cache is None:
        cache = _caches[store] = MentionCache()
    return cache


_event_caches: WeakKeyDictionary[Store, EventCache] = WeakKeyDictionary()


def event_cache(store: Store) -> EventCache:
    """The store's cache of parsed events, for the conflict refresh's read-only loads of peer events (never
    for fusion, which changes the events it loads)."""
    cache = _event_caches.get(store)
    if cache is None:
        cache = _event_caches[store] = EventCache()
    return cache


def _near(story_id: str | None, day: Date | None, window: int) -> tuple[list[str], list[object]]:
    """Queries of event ids "in this story" and "dated within `window` days of `day`" (an ISO date with a
    suffix still sorts inside the range: "2025-03-12T09:00" <= "2025-03-12~"). Each is its own indexed
    query, joined by UNION: an OR inside one WHERE made SQLite read every event of the type."""
    near: list[str] = []
    params: list[object] = []
    if story_id:
        near.append("SELECT id FROM events WHERE story_id = ?")
        params.append(story_id)
    if day is not None:
        near.append("SELECT id FROM events WHERE date >= ? AND date <= ?")
        params += [(day - timedelta(days=window)).isoformat(), (day + timedelta(days=window)).isoformat() + "~"]
    return near, params


def _union(near: list[str]) -> str:
    return "id IN (" + " UNION ".join(near) + ")"


def events_near(store: Store, event_type: str, story_id: str | None, day: Date | None, window: int, *,
                article_id: str | None = None, limit: int = 50) -> list[Event]:
    """Fused events of one type in the story or within `window` days of `day`: the candidates a new mention
    is compared with. With neither story nor day, only events the same article already told (`article_id`)
    can be told apart safely."""
    near, params = _near(story_id, day, window)
    if not near:
        if article_id is None:
            return []
        near.append("SELECT event_id FROM event_mentions WHERE article_id = ?")
        params.append(article_id)
    # "+event_type": the type is checked on the few candidates, not used to scan (see `_near`). Fusion changes
    # the candidates it gets: each is a copy of the cached parse (see mention_cache.py), not the shared one.
    return store._events_where(f"+event_type = ? AND {_union(near)}", [event_type, *params], limit=limit,
                               cache=mention_cache(store), events=event_cache(store), copies=True)


def peers_of(store: Store, event_id: str, story_id: str | None, day: Date | None, window: int, *,
             reported: Date | None = None, limit: int = 300) -> list[Event]:
    """Other events of the story or of the same days, of any type: what a claim or denial is set against.

    `reported`: also the events told by reports published within `window` days of it. A denial often
    answers a claim about an earlier act ("dismissed him last month") a day after the claim was printed,
    and the two reports may sit in two stories."""
    where, params = _peers_where(event_id, story_id, day, window, reported)
    if not where:
        return []
    return store._events_where(where, params, limit=limit, cache=mention_cache(store))


def peer_ids(store: Store, event_id: str, story_id: str | None, day: Date | None, window: int, *,
             reported: Date | None = None, limit: int = 300) -> list[str]:
    """The ids of `peers_of`, in its order: a caller that holds some of these events loads only the rest."""
    where, params = _peers_where(event_id, story_id, day, window, reported)
    if not where:
        return []
    sql = f"SELECT id FROM events WHERE {where} ORDER BY date IS NULL, date, id LIMIT {int(limit)}"
    return [r[0] for r in store.conn.execute(sql, params)]


def _peers_where(event_id: str, story_id: str | None, day: Date | None, window: int,
                 reported: Date | None) -> tuple[str, list[object]]:
    near, params = _near(story_id, day, window)
    if reported is not None:
        near.append("SELECT m.event_id FROM articles a JOIN event_mentions m ON m.article_id = a.id "
                    "WHERE a.published >= ? AND a.published <= ?")
        params += [(reported - timedelta(days=window)).isoformat(),
                   (reported + timedelta(days=window)).isoformat() + "~"]
    if not near:
        return "", []
    return f"id != ? AND {_union(near)}", [event_id, *params]


def sibling_event_ids(store: Store, article_id: str, start: int, event_type: str, exclude: str) -> list[str]:
    """Events of one type told in the same sentence of the article (by its start), other than `exclude`."""
    rows = store.conn.execute(
        "SELECT DISTINCT event_id FROM event_mentions WHERE article_id = ? AND start = ? AND event_id != ?"
        " AND event_type = ?", (article_id, start, exclude, event_type)).fetchall()
    return [r[0] for r in rows if r[0]]


def article_outlet(store: Store, article_id: str) -> str | None:
    row = store.conn.execute("SELECT outlet FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row["outlet"] if row else None


def report_root(store: Store, article_id: str) -> tuple[str, str | None] | None:
    """(root article id, its outlet): an exact or syndicated copy is folded into the report it copies."""
    row = store.conn.execute(
        "SELECT a.id, a.outlet, a.duplicate_of, r.outlet AS root_outlet FROM articles a "
        "LEFT JOIN articles r ON r.id = a.duplicate_of WHERE a.id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    if row["duplicate_of"]:
        return row["duplicate_of"], row["root_outlet"]
    return row["id"], row["outlet"]


def drop_conflicts_of(store: Store, event_ids: Iterable[str]) -> None:
    """Delete every stored conflict that involves one of these events (they are about to be recomputed)."""
    for eid in event_ids:
        links = store.conn.execute("SELECT conflict_id FROM conflict_events WHERE event_id = ?", (eid,)).fetchall()
        for (cid,) in links:
            _delete_conflict(store, cid)


def drop_group_count_conflicts(store: Store, event_ids: Iterable[str], keep: set[str]) -> None:
    """Delete the stored quantity conflicts over two or more events that involve one of these events, except
    those in `keep`: a toll conflict stored before a new report joined its group is replaced, not kept beside
    the new one (connect/conflicts.py `_drop_superseded_tolls`)."""
    for eid in event_ids:
        rows = store.conn.execute(
            "SELECT c.id, c.event_ids FROM conflicts c JOIN conflict_events ce ON ce.conflict_id = c.id "
            "WHERE ce.event_id = ? AND c.field = 'quantity'", (eid,)).fetchall()
        for cid, ids in rows:
            if cid not in keep and ids and ids.count(",") >= 1:
                _delete_conflict(store, cid)


def _delete_conflict(store: Store, conflict_id: str) -> None:
    store.conn.execute("DELETE FROM conflicts WHERE id = ?", (conflict_id,))
    store.conn.execute("DELETE FROM conflict_events WHERE conflict_id = ?", (conflict_id,))


def mention_events(store: Store) -> dict[tuple[str, int, str], str]:
    """{(article id, mention start, event type): event id} for every fused mention (eval/fusion_fit.py
    scores fusion through it, pair by pair)."""
    rows = store.conn.execute(
        "SELECT article_id, start, event_type, event_id FROM event_mentions WHERE event_id IS NOT NULL")
    return {(r[0], r[1], r[2]): r[3] for r in rows}
