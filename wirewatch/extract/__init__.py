"""Extraction: parse -> timex -> entities -> events, as pipeline components.

    from wirewatch.extract import extraction_components
    from wirewatch.pipeline import Pipeline
    pipe = Pipeline(extraction_components())            # or extraction_components("my_ontology.yaml")
    for art in pipe.pipe(articles): ...

`merge_entities` unions the per-article entities by their stable id (used by the store and the eval).
"""

from __future__ import annotations

import logging

from ..model import Article
from ..pipeline import Component
from .entities import EntitiesComponent, entity_id, merge_entities
from .events import EventsComponent
from .nlp import ParseComponent, get_nlp
from .ontology import Ontology, load_ontology

__all__ = [
    "EntitiesComponent",
    "EventsComponent",
    "Ontology",
    "ParseComponent",
    "entity_id",
    "extraction_components",
    "get_nlp",
    "load_ontology",
    "merge_entities",
]

log = logging.getLogger(__name__)


class _NoTimex:
    """Stand-in while `wirewatch.extract.timex` is absent: leaves `article.timexes` as it is."""

    name = "timex"
    reads: tuple[str, ...] = ("text", "published")
    writes: tuple[str, ...] = ("timexes",)

    def __call__(self, article: Article) -> Article:
        return article


def _timex_component() -> Component:
    try:
        from .timex import TimexComponent  # written by the timex work; imported lazily on purpose
    except ImportError:
        log.warning("wirewatch.extract.timex is not available: events get dates only from `published`")
        return _NoTimex()
    return TimexComponent()


def extraction_components(ontology_path: str | None = None) -> list[Component]:
    """parse, timex, entities, events - in that order. `ontology_path` is a YAML merged over the shipped
    ontology (add types, or replace keys of existing ones)."""
    return [ParseComponent(), _timex_component(), EntitiesComponent(),
            EventsComponent(ontology=load_ontology(ontology_path))]
