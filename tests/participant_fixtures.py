"""Helpers of the participant tests: run the real extraction over a short report and pick one mention."""

from __future__ import annotations

from wirewatch.model import Actor, Article, EventMention
from wirewatch.pipeline import Pipeline


def events(pipe: Pipeline, text: str) -> list[EventMention]:
    """Every event mention extracted from `text`, published 2026-03-11 (a Wednesday)."""
    return pipe.run(Article(id="t", text=text, published="2026-03-11")).events


def of_trigger(evs: list[EventMention], trigger: str) -> EventMention:
    """The first mention whose trigger is `trigger`; the assertion lists what was found instead."""
    hits = [m for m in evs if m.trigger == trigger]
    assert hits, [(m.event_type, m.trigger) for m in evs]
    return hits[0]


def mention(pipe: Pipeline, text: str, trigger: str) -> EventMention:
    return of_trigger(events(pipe, text), trigger)


def names(actors: list[Actor]) -> list[str]:
    return [a.name for a in actors]


def said(actors: list[Actor]) -> str:
    return " | ".join(a.name for a in actors)
