"""A candidate name span of one article, as the entity passes repair and resolve it."""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


@dataclass
class _Span:
    start: int  # token indices into the doc
    end: int
    label: str
    titles: list[str] = field(default_factory=list)
    country: str | None = None
    by_region: bool = False  # `country` read off a state or province after it ("PERU, Ind."), not a country
    placed: bool = False  # a place by its context ("the Kerem Shalom crossing"), whatever its words look like
