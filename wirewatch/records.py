"""Turn model objects into the plain dicts of the export contract (`../shared/eval/README.md`).

One place decides what an exported article, event, entity, conflict or timex looks like, so the store's
exports, the REST API and the evaluation scripts all agree.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .model import Actor, Article, Conflict, Entity, Event, EventMention, Timex

PARTICIPANT_FIELDS = ("name", "kind", "country", "entity_id", "text")


def participant_record(a: Actor) -> dict[str, Any]:
    """One participant, every field present (null when unknown): {name, kind, country, entity_id, text}."""
    return {k: getattr(a, k) for k in PARTICIPANT_FIELDS}


def actors_value(actors: list[Actor]) -> list[dict[str, Any]]:
    """Always a list of participant objects: [] for none, one item for one, several for a compound actor
    ("North Korea and Russia"). (Before schema 8 this was null / an object / a list: see the README.)"""
    return [participant_record(a) for a in actors]


def mention_record(m: EventMention) -> dict[str, Any]:
    return {
        "id": m.id or None,
        "article_id": m.article_id,
        "sentence": m.sentence,
        "start": m.start,
        "end": m.end,
        "trigger": m.trigger,
        # Who this report says acted on whom (the event's `actor` / `recipient` pick one report's: fusion's
        # aggregate), so an analyst can see where the outlets differ.
        "actor": actors_value(m.actor),
        "recipient": actors_value(m.recipient),
        "modality": m.modality,
        "attributed_to": m.attributed_to,
        # This report's own date for the happening (the event's `date` pools all its reports) and where it
        # came from: "text", "context" (the sentence before) or "published" (the report's day standing in).
        "date": m.date,
        "date_precision": m.date_precision,
        "date_from": m.date_from,
        "type_confidence": None if m.type_confidence is None else round(m.type_confidence, 3),
    }


def type_confidence(mentions: list[EventMention]) -> float | None:
    """An event's type confidence: the highest of its mentions' (one clear report of a type is enough);
    None when no mention's type was decided by the detector."""
    vals = [m.type_confidence for m in mentions if m.type_confidence is not None]
    return round(max(vals), 3) if vals else None


def event_record(ev: Event) -> dict[str, Any]:
    return {
        "id": ev.id,
        "event_type": ev.event_type,
        "type_confidence": type_confidence(ev.mentions),
        "mode": ev.mode,
        "context": list(ev.context),
        "actor": actors_value(ev.actor),
        "recipient": actors_value(ev.recipient),
        "modality": ev.modality,
        "attributed_to": ev.attributed_to,
        "attributions": ev.attributions(),
        "date": ev.date,
        "date_precision": ev.date_precision,
        # "text", "context", "period" or "published" (the report's day standing in): see Event.date_source
        "date_from": ev.date_source(),
        "location": asdict(ev.location) if ev.location else None,
        "story_id": ev.story_id,
        "sources": ev.sources,
        "confidence": round(ev.confidence, 3),
        "confidence_reasons": list(ev.confidence_reasons),
        "mentions": [mention_record(m) for m in ev.mentions],
    }


def event_from_mention(m: EventMention, event_id: str | None = None) -> Event:
    """A one-mention event built in memory: what evaluation of extraction alone uses. (The store keeps its
    own one-mention events for lone mentions, `Store.seal_mentions`; readers never need this.)"""
    return Event(
        id=event_id or m.id or f"{m.article_id}:{m.start}:{m.event_type}",
        event_type=m.event_type,
        mentions=[m],
        mode=m.mode,
        context=list(m.context),
        actor=list(m.actor),
        recipient=list(m.recipient),
        modality=m.modality,
        attributed_to=m.attributed_to,
        date=m.date,
        date_precision=m.date_precision,
        location=m.location,
        sources=1,
    )


ARTICLE_FIELDS = (
    "id",
    "title",
    "outlet",
    "published",
    "dateline",
    "story_id",
    "duplicate_of",
    "duplicate_kind",
    "url",
    "language",
    "source",
    "content_hash",
)


def article_record(a: Article, with_text: bool = False) -> dict[str, Any]:
    rec = {k: getattr(a, k) for k in ARTICLE_FIELDS}
    if with_text:
        rec["text"] = a.text
    return rec


def entity_record(e: Entity) -> dict[str, Any]:
    return asdict(e)


def timex_record(t: Timex, article_id: str) -> dict[str, Any]:
    return t.to_dict(article_id)


def conflict_record(c: Conflict) -> dict[str, Any]:
    return {
        "id": c.id,
        "field": c.field,
        "event_ids": list(c.event_ids),
        "values": [asdict(v) for v in c.values],
        "explanation": c.explanation,
        "confidence": c.confidence,
    }
