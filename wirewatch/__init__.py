"""wirewatch: news reports in, an evidence-backed event database out.

The public face is small and lazy: `import wirewatch` loads only the exception tree and the data model;
the ingest run (datasketch, numpy), the store and the NLP stack load on first use of a name that needs
them (PEP 562 module `__getattr__`), so a CLI `--help` or a script that only reads stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import ComponentError, ConfigError, InputError, NotFoundError, StoreError, WirewatchError
from .model import Actor, Article, Conflict, Entity, EntityMention, Event, EventMention, Story, Timex

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .pipeline import IngestReport, Pipeline, ingest, reextract
    from .store.db import Store

__version__ = "0.1.0"

# name -> module that defines it, imported on first access
_LAZY = {
    "IngestReport": ".pipeline",
    "ingest": ".pipeline",
    "reextract": ".pipeline",
    "Pipeline": ".pipeline",
    "Store": ".store.db",
}

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


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'wirewatch' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value  # cache: later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
