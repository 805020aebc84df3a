"""Filtered reads shared by the CLI, the REST API and briefings.

Events are the fused events plus any mention that no fusion step has grouped yet (as a one-mention
event), so a store is browsable whatever stage it is at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Event
from ..records import event_from_mention
from .db import Store


@dataclass
class EventFilter:
    type: str | None = None
    actor: str | None = None  # substring of an actor's name, case-insensitive
    recipient: str | None = None
    country: str | None = None  # ISO alpha-3 of actor or recipient
    modality: str | None = None
    since: str | None = None  # ISO date prefix, inclusive
    until: str | None = None
    story: str | None = None
    min_sources: int | None = None
    article: str | None = None

    def sql(self, table: str) -> tuple[str, list[Any]]:
        where, params = [], []
        if self.type:
            where.append("event_type = ?")
            params.append(self.type.upper())
        if self.actor:
            where.append("lower(actor) LIKE ?")
            params.append(f"%{self.actor.lower()}%")
        if self.recipient:
            where.append("lower(recipient) LIKE ?")
            params.append(f"%{self.recipient.lower()}%")
        if self.country:
            where.append("(actor LIKE ? OR recipient LIKE ?)")
            params += [f'%"country":"{self.country.upper()}"%'] * 2
        if self.modality:
            where.append("modality = ?")
            params.append(self.modality)
        if self.since:
            where.append("date >= ?")
            params.append(self.since)
        if self.until:
            # "2024-05" includes every day of May: compare against the prefix's upper bound.
            where.append("substr(date, 1, ?) <= ?")
            params += [len(self.until), self.until]
        if self.story:
            where.append(
                "story_id = ?" if table == "events" else "article_id IN (SELECT id FROM articles WHERE story_id = ?)"
            )
            params.append(self.story)
        if self.min_sources and table == "events":
            where.append("sources >= ?")
            params.append(self.min_sources)
        if self.article:
            where.append(
                "id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)"
                if table == "events"
                else "article_id = ?"
            )
            params.append(self.article)
        return " AND ".join(where), params


def query_events(store: Store, flt: EventFilter | None = None, *, limit: int | None = None,
                 offset: int = 0) -> tuple[list[Event], int]:
    """Matching events in date order and the total count before pagination."""
    flt = flt or EventFilter()
    where, params = flt.sql("events")
    fused = store.events(where=where, params=params)
    unfused: list[Event] = []
    if not (flt.min_sources and flt.min_sources > 1):
        mwhere, mparams = flt.sql("event_mentions")
        mwhere = "event_id IS NULL" + (f" AND {mwhere}" if mwhere else "")
        story_of = dict(store.conn.execute("SELECT id, story_id FROM articles").fetchall())
        for m in store.mentions(where=mwhere, params=mparams):
            ev = event_from_mention(m)
            ev.story_id = story_of.get(m.article_id)
            if flt.story and ev.story_id != flt.story:
                continue
            unfused.append(ev)
    allev = sorted(fused + unfused, key=lambda e: (e.date is None, e.date or "", e.id))
    total = len(allev)
    end = None if limit is None else offset + limit
    return allev[offset:end], total
