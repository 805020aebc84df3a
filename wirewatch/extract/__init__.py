"""Extraction: parse -> timex -> entities -> events, as pipeline components.

    from wirewatch.extract import extraction_components
    from wirewatch.pipeline import Pipeline
    pipe = Pipeline(extraction_components())            # or extraction_components("my_ontology.yaml")
    for art in pipe.pipe(articles): ...

`merge_entities` unions the per-article entities by their stable id (used by the store and the eval).
"""

from __future__ import annotations

from ..pipeline import Component
from .entities import EntitiesComponent, entity_id, merge_entities
from .events import EventsComponent
from .nlp import ParseComponent, get_nlp
from .ontology import Ontology, load_ontology
from .timex import TimexComponent

__all__ = [
    "EntitiesComponent",
    "EventsComponent",
    "Ontology",
    "ParseComponent",
    "TimexComponent",
    "entity_id",
    "extraction_components",
    "get_nlp",
    "load_ontology",
    "merge_entities",
]

def extraction_components(ontology_path: str | None = None) -> list[Component]:
    """parse, timex, entities, events - in that order. `ontology_path` is a YAML merged over the shipped
    ontology (add types, or replace keys of existing ones)."""
    return [ParseComponent(), TimexComponent(), EntitiesComponent(),
            EventsComponent(ontology=load_ontology(ontology_path))]
