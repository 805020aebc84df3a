"""Helpers of the extraction tests (participants, attribution, noise ...): run the real extraction over a short
report and pick one mention, or ask the noise rules about one word."""

from __future__ import annotations

from typing import Any

from wirewatch.extract import load_ontology
from wirewatch.extract.noise import no_event
from wirewatch.model import Actor, Article, EventMention
from wirewatch.pipeline import Pipeline


def events(pipe: Pipeline, text: str, published: str = "2026-03-11") -> list[EventMention]:
    """Every event mention extracted from `text`, published 2026-03-11 (a Wednesday) unless told otherwise."""
    return pipe.run(Article(id="t", text=text, published=published)).events


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


def typed_triggers(pipe: Pipeline, text: str) -> list[tuple[str, str]]:
    """(event type, trigger) of every mention extracted from `text`, published 2024-05-02."""
    art = pipe.run(Article(id="t", text=text, published="2024-05-02"))
    return [(m.event_type, m.trigger) for m in art.events]


def no_event_kind(nlp: Any, text: str, word: str, etype: str | None = None) -> str | None:
    """The kind of no-event statement (extract/noise.py) the first token `word` of `text` makes (as an event of
    type `etype`, when given), or None."""
    tok = next(t for t in nlp(text) if t.text == word)
    return no_event(tok, load_ontology(), etype)
