"""Parsed event mentions reused across reads of one run (connect's hot path).

Fusion and the conflict refresh read the same events again and again: every new mention is compared with
the events near it, every touched event with up to 300 peers, each loaded with all its mentions. Most of
that time went into turning mention rows (JSON actors, places, quantities) back into `EventMention`s.

A cache entry is keyed by the mention id and holds the whole stored row it was parsed from: a row that has
changed in any column since (the mention joined another event, an entity merge renamed its actor) is parsed
anew, so a read through the cache returns exactly what a read without it would. The objects handed out are
shared between reads: only read-only callers (candidate and peer events) use the cache; the mentions that a
step changes (`Store.mentions_of` in fusion) are never cached.

`EventCache` does the same one level up for the conflict refresh, which loads the same peer events (up to
300 for each touched event) article after article and only reads them: an event is parsed anew when its
stored row differs in any column, or when any of its mentions is not the very object the mention cache
handed out before (a mention joined, left or changed), so a cached read again equals an uncached one.
Fusion changes the events it loads: it reads through the cache with `copy=True` and gets an Event object of
its own (lists its own, mentions shared read-only) built from the cached one, never the cached one itself.
"""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Event, EventMention

MAX_ENTRIES = 50_000  # a few KiB a mention (row + object): cleared, not evicted one by one, past it
# The event cache holds its events' mention objects (alive even after the mention cache has let them go), and
# an event of a wire dump holds hundreds: it is bounded by the mentions it holds too, not by events alone.
MAX_EVENT_MENTIONS = MAX_ENTRIES


class MentionCache:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._rows: dict[str, tuple[tuple[object, ...], EventMention]] = {}
        self.hits = 0
        self.misses = 0

    def get(self, row: sqlite3.Row, parse: Callable[[sqlite3.Row], EventMention]) -> EventMention:
        """The mention of this row: the one parsed before when the row is the same, else parsed now."""
        key = row["id"]
        if key is None:
            return parse(row)
        values = tuple(row)
        hit = self._rows.get(key)
        if hit is not None and hit[0] == values:
            self.hits += 1
            return hit[1]
        self.misses += 1
        m = parse(row)
        if len(self._rows) >= self.max_entries:
            self._rows.clear()
        self._rows[key] = (values, m)
        return m

    def __len__(self) -> int:
        return len(self._rows)


class EventCache:
    def __init__(self, max_entries: int = MAX_ENTRIES, max_mentions: int = MAX_EVENT_MENTIONS) -> None:
        self.max_entries = max_entries
        self.max_mentions = max_mentions
        self._events: dict[str, tuple[tuple[object, ...], list[EventMention], Event]] = {}
        self._held = 0  # mentions held by the entries
        self.hits = 0
        self.misses = 0

    def get(self, row: sqlite3.Row, mentions: list[EventMention], parse: Callable[[sqlite3.Row], Event], *,
            copy: bool = False) -> Event:
        """The event of this row holding `mentions` (read through a MentionCache): the one parsed before when
        the row and every mention object are the same, else parsed now. `copy`: a new Event object of the same
        values (its lists its own; mentions and participants shared, read-only) for a caller that changes the
        event it loads (fusion assigns its mentions and fields): the cached one is never handed to it."""
        key = row["id"]
        values = tuple(row)
        hit = self._events.get(key)
        if hit is not None and hit[0] == values and len(hit[1]) == len(mentions) \
                and all(a is b for a, b in zip(hit[1], mentions, strict=True)):
            self.hits += 1
            return _copy(hit[2]) if copy else hit[2]
        self.misses += 1
        ev = parse(row)
        ev.mentions = mentions
        if hit is not None:
            self._held -= len(hit[1])
            del self._events[key]
        if len(mentions) > self.max_mentions:
            return ev  # more than the whole cache may hold: parsed, not kept
        if len(self._events) >= self.max_entries or self._held + len(mentions) > self.max_mentions:
            self._events.clear()
            self._held = 0
        self._events[key] = (values, list(mentions), ev)
        self._held += len(mentions)
        return _copy(ev) if copy else ev

    def mentions_held(self) -> int:
        """How many mention objects the cached events keep alive (their bound is `max_mentions`)."""
        return self._held

    def __len__(self) -> int:
        return len(self._events)


def _copy(ev: Event) -> Event:
    """A shallow copy whose lists are its own: what `Store._event_from_row` would build from the same row
    (every field a caller may reassign or extend is not shared with the cached event)."""
    out = copy.copy(ev)
    out.mentions = list(ev.mentions)
    out.context = list(ev.context)
    out.actor = list(ev.actor)
    out.recipient = list(ev.recipient)
    out.confidence_reasons = list(ev.confidence_reasons)
    return out
