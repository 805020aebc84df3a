"""wirewatch: news reports in, an evidence-backed event database out."""

from .errors import ComponentError, ConfigError, InputError, NotFoundError, StoreError, WirewatchError
from .ingest.batch import IngestReport, ingest, reextract
from .model import Actor, Article, Conflict, Entity, EntityMention, Event, EventMention, Story, Timex
from .pipeline import Pipeline
from .store.db import Store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "ComponentError",
    "ConfigError",
    "Conflict",
    "Entity",
    "EntityMention",
    "Event",
    "EventMention",
    "IngestReport",
    "InputError",
    "NotFoundError",
    "Pipeline",
    "Story",
    "Store",
    "StoreError",
    "Timex",
    "WirewatchError",
    "__version__",
    "ingest",
    "reextract",
]
