"""Parsed event mentions reused across reads of one run (connect's hot path).

Fusion and the conflict refresh read the same events again and again: every new mention is compared with
the events near it, every touched event with up to 300 peers, each loaded with all its mentions. Most of
that time went into turning mention rows (JSON actors, places, quantities) back into `EventMention`s.

A cache entry is keyed by the mention id and holds the whole stored row it was parsed from: a row that has
changed in any column since (the mention joined another event, an entity merge renamed its actor) is parsed
anew, so a read through the cache returns exactly what a read without it would. The objects handed out are
shared between reads: only read-only callers (candidate and peer events) use the cache; the mentions that a
step changes (`Store.mentions_of` in fusion) are never cached.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import EventMention

MAX_ENTRIES = 50_000  # a few KiB a mention (row + object): cleared, not evicted one by one, past it


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
