"""wirewatch: news reports in, an evidence-backed event database out."""

from .errors import ComponentError, ConfigError, InputError, NotFoundError, StoreError, WirewatchError
from .model import Actor, Article, Conflict, Entity, EntityMention, Event, EventMention, Story, Timex

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
    "InputError",
    "NotFoundError",
    "Story",
    "StoreError",
    "Timex",
    "WirewatchError",
    "__version__",
]
